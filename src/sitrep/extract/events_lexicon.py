"""The lexicons of the events and attribution stages, loaded once from ``sitrep/data/lexicons/*.yaml``.

Every word list becomes one compiled regular expression (longest alternative first, word-bounded, case-insensitive),
so a sentence is scanned once per list whatever the size of the list.
"""
from __future__ import annotations

import re
import sys
from bisect import bisect_left
from functools import lru_cache
from itertools import accumulate, compress, islice
from importlib import resources

import yaml

_VOWELS = set("aeiou")


def _load(name: str) -> dict:
    with resources.files("sitrep.data.lexicons").joinpath(name).open("r", encoding="utf-8") as fh:
        return yaml.safe_load(fh) or {}


def inflect(lemma: str) -> list[str]:
    """The regular forms of an English verb: lemma, -s, -ed, -ing."""
    if lemma.endswith("e"):
        return [lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"]
    if lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in _VOWELS:
        return [lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"]
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return [lemma, lemma + "es", lemma + "ed", lemma + "ing"]
    return [lemma, lemma + "s", lemma + "ed", lemma + "ing"]


def _esc(phrase: str) -> str:
    """A phrase as a regex: its characters literal, any whitespace between its words."""
    return re.escape(phrase).replace(r"\ ", r"\s+")


def factored(items, esc=_esc) -> str:
    """The alternation of ``items`` (in their order), grouped by first character: "a(?:rmored|ir)|t(?:anks|ruck)".

    The regex engine tries the alternatives of a group only where its first character stands, instead of entering
    each alternative in turn at every position. It matches exactly what the plain alternation matches: a character
    stands for at most one group (first characters are ASCII and compared in lowercase, as the case-insensitive
    match compares them), and within a group, as on backtracking, the alternatives keep their order.
    """
    items = list(items)
    if not all(w and w[0].isascii() and not w[0].isspace() for w in items):
        return "|".join(esc(w) for w in items)
    groups: dict[str, list[str]] = {}
    for w in items:
        groups.setdefault(w[0].lower(), []).append(w)
    return "|".join(esc(ws[0][0]) + "(?:" + "|".join(esc(w[1:]) for w in ws) + ")" for ws in groups.values())


def alternation(words, flags=re.I) -> "Gated":
    """One regex matching any of the words or phrases, longest first, on word boundaries."""
    words = sorted({w.strip() for w in words if w and w.strip()}, key=len, reverse=True)
    body = factored(words)
    return Gated(re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", flags), words)


_RUN = re.compile(r"[^\W_]+")
_SHORT = 400     # texts shorter than this are scanned with the plain regex


def _first_run(phrase: str) -> str | None:
    m = _RUN.match(phrase.lower())
    return m.group() if m else None


_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789"
_RUNS = re.compile(r"[a-z0-9]+").findall


class Gated:
    """A compiled regex whose every match starts with one of a known set of words, tried only where they stand.

    A big alternation is otherwise tried at every character of the text. Over a long text (the report) the positions
    of its words are indexed once; ``finditer``/``search`` then call ``match`` only at the runs of letters or digits
    that can begin a match (``keys``; any number when ``digits``), which yields exactly the matches the plain regex
    finds, since each pattern is word-bounded on the left. Short strings are scanned with the plain regex.
    """
    __slots__ = ("rx", "keys", "digits", "_text", "_cands", "_pre", "_punct")

    def __init__(self, rx: re.Pattern, phrases=(), digits: bool = False):
        self.rx = rx
        keys: set[str] | None = set()
        for p in phrases:
            k = _first_run(p)
            if k is None or not p.strip()[:1].isalnum() or not k.isascii():
                keys = None      # a phrase that starts with punctuation: no gate
                break
            keys.add(k)
        self.keys = frozenset(keys) if keys is not None else None
        self.digits = digits
        # A short ASCII string is scanned with the plain pattern, which is tried at every character; first, a cheaper
        # test that it can match at all. A match begins where no letter, digit or "-" stands before it, with a phrase
        # in any case: in the lowercased ASCII string, the run of letters and digits that starts there is the first
        # run of letters or digits of one of the phrases (or a number, when ``digits``), unless the phrase starts
        # with punctuation, which must then stand in the string.
        pre: set[str] | None = set()
        punct: set[str] = set()
        for p in phrases:
            if not p:
                continue
            c = p[0]
            if not c.isascii():
                pre = None       # a letter that may match an ASCII one in another case (the Kelvin sign): no test
                break
            if c.isalnum():
                k = _RUN.match(p.lower()).group()
                if not k.isascii():
                    pre = None
                    break
                pre.add(k)
            else:
                punct.add(c.lower())
        self._pre = frozenset(pre) if pre is not None else None
        self._punct = tuple(punct)
        self._text = None        # the text the candidates below are for (held, so that identity is safe)
        self._cands: list[int] = []

    def _short(self, text: str, pos: int, endpos: int) -> list | None:
        """The matches of the plain pattern in text[pos:endpos], tried only where a run of letters or digits that is
        a key begins (see ``__init__``); None when that cannot be relied on (a non-ASCII string, a number or
        punctuation that can begin a match)."""
        pre = self._pre
        if pre is None or not text.isascii():
            return None
        low = text.lower()
        runs = _RUNS(low, pos, endpos)
        present = pre.intersection(runs)
        if self.digits and any(r[0] <= "9" for r in runs):
            return None
        for c in self._punct:
            if low.find(c, pos, endpos) >= 0:
                return None
        if not present:
            return []
        find = low.find
        cands = []
        for k in present:
            n = len(k)
            i = find(k, pos, endpos)
            while i >= 0:
                j = i + n
                if (i == pos or low[i - 1] not in _ALNUM) and (j == endpos or low[j] not in _ALNUM):
                    cands.append(i)
                i = find(k, i + 1, endpos)
        if len(present) > 1:
            cands.sort()
        out = []
        last = pos
        match = self.rx.match
        for c in cands:
            if c < last:
                continue
            m = match(text, c, endpos)
            if m is not None:
                out.append(m)
                last = m.end()
        return out

    def _candidates(self, text: str) -> list[int]:
        """Offsets of the words of ``text`` (indexed as the report) that can begin a match, in order."""
        if self._text is text:
            return self._cands
        r = _report(text)
        cands = list(compress(r.starts, map(self.keys.__contains__, r.leads)))
        if self.digits:
            cands = sorted(set(cands).union(r.numbers()))
        self._text, self._cands = text, cands
        return cands

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        n = len(text)
        endpos = n if endpos is None or endpos > n else endpos
        if self.keys is None or (n < _SHORT and _CURRENT.text is not text):
            found = self._short(text, pos, endpos)
            return self.rx.finditer(text, pos, endpos) if found is None else iter(found)
        return self._gated(text, pos, endpos)

    def _gated(self, text, pos, endpos):
        cands = self._candidates(text)
        match = self.rx.match
        last = pos
        for i in range(bisect_left(cands, pos), len(cands)):
            c = cands[i]
            if c >= endpos:
                break
            if c < last:
                continue
            m = match(text, c, endpos)
            if m is not None:
                last = m.end()
                yield m

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        n = len(text)
        endpos = n if endpos is None or endpos > n else endpos
        if self.keys is None or (n < _SHORT and _CURRENT.text is not text):
            found = self._short(text, pos, endpos)
            if found is None:
                return self.rx.search(text, pos, endpos)
            return found[0] if found else None
        cands = self._candidates(text)
        match = self.rx.match
        for i in range(bisect_left(cands, pos), len(cands)):
            c = cands[i]
            if c >= endpos:
                break
            m = match(text, c, endpos)
            if m is not None:
                return m
        return None

    def match(self, text: str, pos: int = 0, endpos: int | None = None):
        return self.rx.match(text, pos, len(text) if endpos is None else endpos)


_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")
# The same words, with the text between them (split keeps both, and their lengths give the offsets).
_WORD_SPLIT = re.compile(r"([A-Za-z0-9][A-Za-z0-9'’-]*)")
_PUNCT = re.compile(r"['’-]").search
_LEAD = re.compile(r"[a-z0-9]+")
_DIGIT_START = re.compile(r"[0-9]").match


class _Words:
    """The words of one text: parallel lists of starts, ends and lowercased words (and, when asked, each word's leading
    letters or digits); and each phrase matcher's hits in it."""
    __slots__ = ("text", "starts", "ends", "words", "_leads", "hits", "_numbers")

    def __init__(self, text):
        self.text = text
        self.hits: dict = {}
        self._leads = self._numbers = None
        if text is None:
            self.starts = self.ends = self.words = []
            return
        low = text.lower()
        if len(low) == len(text):
            parts = _WORD_SPLIT.split(low)
            words = parts[1::2]
            cum = list(accumulate(map(len, parts)))
            self.starts = cum[0::2][:len(words)]
            self.ends = cum[1::2]
        else:           # a rare letter whose lowercase is longer: lower word by word
            ms = list(_WORD.finditer(text))
            self.starts = [m.start() for m in ms]
            self.ends = [m.end() for m in ms]
            words = [m.group().lower() for m in ms]
        self.words = words

    @property
    def leads(self) -> list[str]:
        """Each word's leading letters or digits ("al" of "al-qaim"): the word itself unless it holds ' ’ or -."""
        if self._leads is None:
            words = self.words
            leads = list(words)
            lead = _LEAD.match
            for i in compress(range(len(words)), map(_PUNCT, words)):
                leads[i] = lead(words[i]).group()
            self._leads = leads
        return self._leads

    def numbers(self) -> list[int]:
        """The starts of the words that begin with a digit."""
        if self._numbers is None:
            self._numbers = list(compress(self.starts, map(_DIGIT_START, self.words)))
        return self._numbers


# The words of the report being processed, computed once and shared by every matcher.
_CURRENT = _Words(None)


def _tokens(text: str) -> list[tuple[int, int, str]]:
    low = text.lower()
    if len(low) != len(text):     # a rare letter whose lowercase is longer: lower word by word
        return [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text)]
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(low)]


def _report(text: str) -> _Words:
    """The words of ``text``, made the report being processed."""
    global _CURRENT
    if _CURRENT.text is not text:
        _CURRENT = _Words(text)
    return _CURRENT


class PhraseMatcher:
    """Longest-first, word-aligned matching of many phrases with one dictionary lookup per word.

    A regex alternation of hundreds of phrases is tried at every character; this looks each word of the text up
    once in a table keyed by the phrases' first word. ``finditer`` yields objects with ``start()``, ``end()``,
    ``span()`` and ``group()`` like a regex match.
    """

    def __init__(self, phrases):
        self.by_first: dict[str, list[tuple[str, ...]]] = {}
        for p in {p.strip().lower() for p in phrases if p and p.strip()}:
            words = tuple(w.lower() for w in _WORD.findall(p))
            if words and " ".join(words) == re.sub(r"\s+", " ", p):
                self.by_first.setdefault(words[0], []).append(words)
        for v in self.by_first.values():
            v.sort(key=len, reverse=True)
        # Where a phrase can start: a word that is a phrase of one word, or the first two words of a longer one.
        self._singles = frozenset(w for w, v in self.by_first.items() if any(len(p) == 1 for p in v))
        self._pairs = frozenset(p[:2] for v in self.by_first.values() for p in v if len(p) > 1)
        self._text = None
        self._found = None

    def _hits(self, text: str):
        """The words of the text and, for this matcher, {word index: [(number of words, end offset), ...]}, with the
        sorted indices that have hits."""
        if self._text is text:
            return self._found
        if _CURRENT.text is not text:
            if len(text) < _SHORT:       # a short string of its own
                toks = _tokens(text)
                starts, ends, words = [t[0] for t in toks], [t[1] for t in toks], [t[2] for t in toks]
                hits = self._scan(text, starts, ends, words)
                return starts, ends, hits, sorted(hits)
        r = _report(text)
        found = r.hits.get(self)
        if found is None:
            hits = self._scan(text, r.starts, r.ends, r.words)
            found = r.hits[self] = (r.starts, r.ends, hits, sorted(hits))
        self._text, self._found = text, found     # held, so that identity is safe
        return found

    def _scan(self, text, starts, ends, words) -> dict[int, list[tuple[int, int]]]:
        """{word index: [(number of words, end offset), ...] longest first} for every phrase that matches there."""
        out: dict[int, list[tuple[int, int]]] = {}
        by_first = self.by_first
        n = len(words)
        at = set(compress(range(n), map(self._singles.__contains__, words)))
        at.update(compress(range(n - 1), map(self._pairs.__contains__, zip(words, islice(words, 1, None)))))
        for i in sorted(at):
            found = []
            for phrase in by_first[words[i]]:
                k = len(phrase)
                if k == 1:
                    found.append((1, ends[i]))
                    continue
                if i + k > n:
                    continue
                for j in range(1, k):
                    if words[i + j] != phrase[j] or not text[ends[i + j - 1]:starts[i + j]].isspace():
                        break
                else:
                    found.append((k, ends[i + k - 1]))
            if found:
                out[i] = found
        return out

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        endpos = len(text) if endpos is None else endpos
        starts, ends, hits, idx = self._hits(text)
        if not hits:
            return
        i0 = bisect_left(starts, pos)
        n = bisect_left(starts, endpos)
        while n > i0 and ends[n - 1] > endpos:
            n -= 1
        if n <= i0:
            return
        nxt = i0
        for x in range(bisect_left(idx, i0), len(idx)):
            i = idx[x]
            if i >= n:
                break
            if i < nxt:
                continue
            for k, end in hits[i]:
                if i + k <= n:
                    yield _Match(text, starts[i], end)
                    nxt = i + k
                    break

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        return next(self.finditer(text, pos, endpos), None)

    def occurs(self, text: str, pos: int, endpos: int) -> bool:
        """Whether ``search`` would find a phrase in text[pos:endpos]."""
        starts, ends, hits, idx = self._hits(text)
        if not hits:
            return False
        i0 = bisect_left(starts, pos)
        n = bisect_left(starts, endpos)
        while n > i0 and ends[n - 1] > endpos:
            n -= 1
        x = bisect_left(idx, i0)
        while x < len(idx):
            i = idx[x]
            if i >= n:
                return False
            for k, _end in hits[i]:
                if i + k <= n:
                    return True
            x += 1
        return False


class _Match:
    __slots__ = ("string", "_start", "_end")

    def __init__(self, string, start, end):
        self.string, self._start, self._end = string, start, end

    def start(self):
        return self._start

    def end(self):
        return self._end

    def span(self):
        return self._start, self._end

    def group(self, *_):
        return self.string[self._start:self._end]


class Guarded:
    """A compiled pattern that can only match where one of some literals stands (in lowercase when ``fold``).

    Most of the small patterns asked about every trigger find nothing; ``in`` tells that far faster than the pattern,
    which is tried at every character. ``fold`` is trusted for ASCII strings only (a few non-ASCII letters match ASCII
    ones in another case); other strings always go to the pattern. The results are the pattern's own.
    """
    __slots__ = ("rx", "lits", "fold")

    def __init__(self, rx: re.Pattern, lits, fold: bool = False):
        self.rx = rx
        self.lits = tuple(lits)
        self.fold = fold

    def may(self, s: str, pos: int = 0, endpos: int = sys.maxsize) -> bool:
        """Whether the pattern can match in s[pos:endpos]: False only when it cannot."""
        if self.fold:
            if pos or endpos < len(s):
                s = s[pos:endpos]
            if not s.isascii():
                return True
            s = s.lower()
            for lit in self.lits:
                if lit in s:
                    return True
            return False
        find = s.find
        for lit in self.lits:
            if find(lit, pos, endpos) >= 0:
                return True
        return False

    def search(self, s: str, pos: int = 0, endpos: int = sys.maxsize):
        return self.rx.search(s, pos, endpos) if self.may(s, pos, endpos) else None

    def match(self, s: str, pos: int = 0, endpos: int = sys.maxsize):
        return self.rx.match(s, pos, endpos) if self.may(s, pos, endpos) else None

    def finditer(self, s: str, pos: int = 0, endpos: int = sys.maxsize):
        return self.rx.finditer(s, pos, endpos) if self.may(s, pos, endpos) else iter(())


class TriggerEntry:
    """How a trigger form can be read: as a finite verb or phrase, as a bare verb lemma, as an event noun."""
    __slots__ = ("types", "verb", "lemma", "noun", "strong", "ing")

    def __init__(self):
        self.types: list[str] = []
        self.verb = False      # a finite verb form or a phrase: an event wherever it stands
        self.lemma = False     # a bare lemma: a verb only after "to", a modal or "did"
        self.noun = False      # an event noun: an event with a light verb, an occurrence verb, or when strong
        self.strong = False
        self.ing = False       # an -ing form: read as a noun after a determiner or preposition


class Lexicon:
    def __init__(self):
        trig = _load("triggers.yaml")
        self.entries: dict[str, TriggerEntry] = {}
        for etype, spec in trig.items():
            strong = {s.lower() for s in spec.get("strong") or []}
            for verb in spec.get("verbs") or []:
                parts = [p.strip().lower() for p in verb.split("/")]
                lemma, irregular = parts[0], parts[1:]
                forms = set(irregular)
                if not irregular or len(irregular) == 1:
                    forms |= set(inflect(lemma))
                if len(irregular) > 1:
                    forms |= {lemma, lemma + "s"}
                for form in forms:
                    self._add(form, etype, "verb", False, lemma_only=(form == lemma and form not in irregular))
            for phrase in spec.get("phrases") or []:
                for form in phrase.split("/"):
                    self._add(form.strip().lower(), etype, "phrase", False)
            for noun in spec.get("nouns") or []:
                self._add(noun.lower(), etype, "noun", noun.lower() in strong)
            for noun in strong:
                self._add(noun, etype, "noun", True)
        self.trigger_re = PhraseMatcher(self.entries)
        # "turned the school into", "traded mortar fire": (pattern, entry); group 1 of the pattern is the verb
        self.gapped: list[tuple[Guarded, TriggerEntry]] = []
        gapped_patterns, gapped_heads = [], []
        for etype, spec in trig.items():
            for item in spec.get("gapped") or []:
                verbs, _, heads = item.partition("...")
                verbs_re = "|".join(re.escape(v.strip()) for v in verbs.split("/"))
                heads_list = [h.strip().lower() for h in heads.split("/")]
                rx = re.compile(rf"\b({verbs_re})\s+(?:[\w'’-]+\s+){{0,10}}?(?:{'|'.join(map(re.escape, heads_list))})\b",
                                re.I)
                entry = TriggerEntry()
                entry.types.append(etype)
                entry.verb = True
                self.gapped.append((Guarded(rx, heads_list, fold=True), entry))
                gapped_patterns.append(rx.pattern)
                gapped_heads += heads_list
        # any of them, asked once of every sentence that has no other trigger
        self.gapped_any = Guarded(re.compile("|".join(gapped_patterns) or r"(?!)", re.I), gapped_heads, fold=True)

        mod = _load("modality.yaml")
        self.planned_re = alternation(mod["planned"])
        self.negation_re = alternation(mod["negation"])
        self.hedge_re = alternation(mod["hedges"])
        self.topic_re = alternation(mod["topic"])
        self.background_re = alternation(mod["background"])
        self.light_re = alternation(mod["light_verbs"])
        self.occurrence_re = alternation(mod["occurrence"])

        th = _load("themes.yaml")
        self.personnel_re = alternation(th["personnel"])
        self.materiel_re = alternation(th["materiel"])
        self.facility_re = alternation(th["facilities"])
        self.captive_re = alternation(th["captives"])
        self.vehicle_re = alternation(th["vehicles"])
        words = {k: "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in th[k])
                 for k in ("conveyances", "vehicle_subjects", "hosts", "left_states")}
        self.conveyance_re = re.compile(rf"\b(?:{words['conveyances']})\b", re.I)
        # a vehicle just before the verb, an adjective or so between
        self.vehicle_subject_re = re.compile(rf"\b(?:{words['vehicle_subjects']})\s+(?:\w+\s+)?$", re.I)
        self.host_re = re.compile(rf"\b(?:{words['hosts']})\b", re.I)
        # "left" then up to three words, then what it leaves behind
        self.left_state_re = re.compile(rf"\s+(?:[\w'’-]+\s+){{0,3}}?(?:{words['left_states']})\b", re.I)
        self.attack_object_re = alternation(th["attack_objects"])

        eq = _load("equipment.yaml")
        mods = factored(sorted(eq["modifiers"], key=len, reverse=True), re.escape)
        models = factored(sorted(eq["models"], key=len, reverse=True), re.escape)
        heads = sorted(set(eq["heads"]) | set(eq.get("singular") or []), key=len, reverse=True)
        heads_re = factored(heads)
        self.equipment_re = Gated(re.compile(
            rf"(?<![\w-])(?:(?:{mods})[\s-]+){{0,3}}(?:(?:{models})\s+(?:\d+\s+)?)?(?:(?:{mods})[\s-]+)?(?:{heads_re})(?![\w-])",
            re.I), list(eq["modifiers"]) + list(eq["models"]) + heads)
        self.equipment_models = re.compile(rf"^(?:{models})\b", re.I)

        un = _load("units.yaml")
        self.numbers = {k.lower(): v for k, v in un["numbers"].items()}
        units = sorted(un["units"], key=len, reverse=True)
        units_re = factored(units)
        vague = factored(sorted(un["vague"], key=len, reverse=True))
        quals = factored(sorted(un["qualifiers"], key=len, reverse=True))
        numwords = factored(sorted(self.numbers, key=len, reverse=True))
        self.quantity_re = re.compile(
            rf"(?<![\w-])(?:(?P<qual>{quals})\s+)?(?:(?P<num>\d[\d,]*(?:\.\d+)?)|(?P<word>{numwords})|(?P<vague>{vague}))"
            rf"(?:\s+of)?(?:\s+(?:its|their|his|the|these|those))?"
            rf"(?P<mid>(?:\s+[\w'’-]+){{0,3}}?)\s+(?P<unit>{units_re})(?![\w-])",
            re.I)
        self.quantity_re = Gated(self.quantity_re, list(un["qualifiers"]) + list(self.numbers) + list(un["vague"]),
                                 digits=True)

        src = _load("sourcing.yaml")
        self.reporting_re = PhraseMatcher(src["reporting_verbs"])
        self.anaphoric_source_re = alternation(src["anaphoric_sources"])
        self.sourcing_re = alternation(src["sourcing"])
        self.unnamed_outlet_re = alternation(src["unnamed_outlets"])

    def _add(self, form: str, etype: str, pos: str, strong: bool, lemma_only: bool = False) -> None:
        e = self.entries.get(form)
        if e is None:
            e = self.entries[form] = TriggerEntry()
        if pos == "noun":
            e.noun = True
        elif lemma_only:
            e.lemma = True
        else:
            e.verb = True
            if pos == "verb" and form.endswith("ing"):
                e.ing = True
        if etype not in e.types:
            e.types.append(etype)
        e.strong = e.strong or strong


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return Lexicon()
