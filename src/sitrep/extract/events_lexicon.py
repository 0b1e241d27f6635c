"""The lexicons of the events and attribution stages, loaded once from ``sitrep/data/lexicons/*.yaml``.

Every word list becomes one compiled regular expression (longest alternative first, word-bounded, case-insensitive),
so a sentence is scanned once per list whatever the size of the list.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
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


def alternation(words, flags=re.I) -> "Gated":
    """One regex matching any of the words or phrases, longest first, on word boundaries."""
    words = sorted({w.strip() for w in words if w and w.strip()}, key=len, reverse=True)
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return Gated(re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", flags), words)


_RUN = re.compile(r"[^\W_]+")
_SHORT = 400     # texts shorter than this are scanned with the plain regex


def _first_run(phrase: str) -> str | None:
    m = _RUN.match(phrase.lower())
    return m.group() if m else None


class Gated:
    """A compiled regex whose every match starts with one of a known set of words, tried only where they stand.

    A big alternation is otherwise tried at every character of the text. Over a long text (the report) the positions
    of its words are indexed once; ``finditer``/``search`` then call ``match`` only at the runs of letters or digits
    that can begin a match (``keys``; any number when ``digits``), which yields exactly the matches the plain regex
    finds, since each pattern is word-bounded on the left. Short strings are scanned with the plain regex.
    """
    __slots__ = ("rx", "keys", "digits", "_id")
    _count = 0

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
        Gated._count += 1
        self._id = Gated._count

    def _candidates(self, text: str) -> list[int]:
        by_word = _report_words(text)
        cands = _TOKENS["cands"].get(self._id)
        if cands is None:
            pos: list[int] = []
            for w in self.keys.intersection(by_word):
                pos.extend(by_word[w])
            if self.digits:
                for w, ps in by_word.items():
                    if w[0].isdigit():
                        pos.extend(ps)
            pos.sort()
            cands = _TOKENS["cands"][self._id] = pos
        return cands

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        endpos = len(text) if endpos is None else min(endpos, len(text))
        if self.keys is None or (len(text) < _SHORT and _TOKENS["text"] is not text):
            yield from self.rx.finditer(text, pos, endpos)
            return
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
        return next(self.finditer(text, pos, endpos), None)

    def match(self, text: str, pos: int = 0, endpos: int | None = None):
        return self.rx.match(text, pos, len(text) if endpos is None else endpos)


_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")
_LEAD = re.compile(r"[a-z0-9]+")
# The words of the report being processed, computed once and shared by every matcher: (start, end, lowercased word),
# their starts, each matcher's hits, and {leading letters or digits of a word: [starts]} for the gated regexes.
_TOKENS: dict = {"text": None, "toks": [], "starts": [], "index": {}, "hits": {}, "by_word": None, "cands": {}}


def _tokens(text: str) -> list[tuple[int, int, str]]:
    low = text.lower()
    if len(low) != len(text):     # a rare letter whose lowercase is longer: lower word by word
        return [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text)]
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(low)]


def _set_report(text: str) -> None:
    if _TOKENS["text"] is not text:
        toks = _tokens(text)
        index: dict[str, list[int]] = {}
        for i, t in enumerate(toks):
            w = t[2]
            if w in index:
                index[w].append(i)
            else:
                index[w] = [i]
        _TOKENS.update(text=text, toks=toks, starts=[t[0] for t in toks], index=index, hits={}, by_word=None,
                       cands={})


def _report_words(text: str) -> dict[str, list[int]]:
    """{leading letters or digits of a word: [offsets of the words that begin so]}."""
    _set_report(text)
    by_word = _TOKENS["by_word"]
    if by_word is None:
        by_word = {}
        lead = _LEAD.match
        toks = _TOKENS["toks"]
        for w, idx in _TOKENS["index"].items():
            k = w if w.isalnum() else lead(w).group()
            by_word.setdefault(k, []).extend(toks[i][0] for i in idx)
        for v in by_word.values():
            v.sort()
        _TOKENS["by_word"] = by_word
    return by_word


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

    def _hits(self, text: str):
        """The report's words and, for this matcher, the phrases that match at each word (longest first)."""
        if _TOKENS["text"] is not text:
            if len(text) < _SHORT:
                return _tokens(text), {}, None
            _set_report(text)
        hits = _TOKENS["hits"].get(id(self))
        toks = _TOKENS["toks"]
        if hits is None:
            hits = _TOKENS["hits"][id(self)] = self._scan(text, toks, _TOKENS["index"])
        return toks, hits, _TOKENS["starts"]

    def _scan(self, text, toks, index=None) -> dict[int, list[tuple[int, int]]]:
        """{word index: [(number of words, end offset), ...] longest first} for every phrase that matches there."""
        out: dict[int, list[tuple[int, int]]] = {}
        by_first = self.by_first
        n = len(toks)
        if index is None:
            at = [(i, by_first[t[2]]) for i, t in enumerate(toks) if t[2] in by_first]
        else:
            at = [(i, by_first[w]) for w in by_first.keys() & index.keys() for i in index[w]]
        for i, cands in at:
            found = []
            for phrase in cands:
                k = len(phrase)
                if k == 1:
                    found.append((1, toks[i][1]))
                    continue
                if i + k > n:
                    continue
                for j in range(1, k):
                    if toks[i + j][2] != phrase[j] or not text[toks[i + j - 1][1]:toks[i + j][0]].isspace():
                        break
                else:
                    found.append((k, toks[i + k - 1][1]))
            if found:
                out[i] = found
        return out

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        endpos = len(text) if endpos is None else endpos
        toks, hits, starts = self._hits(text)
        if starts is None:       # a short string of its own
            starts = [t[0] for t in toks]
            hits = self._scan(text, toks)
        i0 = bisect_left(starts, pos)
        n = bisect_left(starts, endpos)
        while n > i0 and toks[n - 1][1] > endpos:
            n -= 1
        if not hits or n <= i0:
            return
        if len(hits) < n - i0:
            idx = sorted(i for i in hits if i0 <= i < n)
        else:
            idx = [i for i in range(i0, n) if i in hits]
        nxt = i0
        for i in idx:
            if i < nxt:
                continue
            for k, end in hits[i]:
                if i + k <= n:
                    yield _Match(text, toks[i][0], end)
                    nxt = i + k
                    break

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        return next(self.finditer(text, pos, endpos), None)


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
        self.attack_object_re = alternation(th["attack_objects"])

        eq = _load("equipment.yaml")
        mods = "|".join(re.escape(m) for m in sorted(eq["modifiers"], key=len, reverse=True))
        models = "|".join(re.escape(m) for m in sorted(eq["models"], key=len, reverse=True))
        heads = sorted(set(eq["heads"]) | set(eq.get("singular") or []), key=len, reverse=True)
        heads_re = "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in heads)
        self.equipment_re = Gated(re.compile(
            rf"(?<![\w-])(?:(?:{mods})[\s-]+){{0,3}}(?:(?:{models})\s+(?:\d+\s+)?)?(?:(?:{mods})[\s-]+)?(?:{heads_re})(?![\w-])",
            re.I), list(eq["modifiers"]) + list(eq["models"]) + heads)
        self.equipment_models = re.compile(rf"^(?:{models})\b", re.I)

        un = _load("units.yaml")
        self.numbers = {k.lower(): v for k, v in un["numbers"].items()}
        units = sorted(un["units"], key=len, reverse=True)
        units_re = "|".join(re.escape(u).replace(r"\ ", r"\s+") for u in units)
        vague = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in sorted(un["vague"], key=len, reverse=True))
        quals = "|".join(re.escape(q).replace(r"\ ", r"\s+") for q in sorted(un["qualifiers"], key=len, reverse=True))
        numwords = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(self.numbers, key=len, reverse=True))
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
