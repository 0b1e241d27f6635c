"""The knowledge base of actors, outlets and people, loaded once per process.

Data lives in ``sitrep/data/kb`` (YAML, one file per family of actors, plus ``outlets.yaml``, ``persons.yaml`` and
``lexicon.yaml``). Every name and alias is reduced to a sequence of token keys with the shared transliteration-aware
normaliser (:func:`sitrep.text.normalize.key`), so "Hizbullah", "Hizzbullah" and "Hezbollah" share one key and a single
automaton of all aliases finds them in report text.

Public API::

    kb = load_kb()
    kb.actor("Hizzbullah")            # ActorEntry for "Hezbollah"
    kb.outlet("Euphrates Eye")        # OutletEntry for "Eye of the Euphrates"
    kb.descendants("Islamic Revolutionary Guard Corps")   # the IRGC and all its units, by canonical name
    descendants("Syrian Arab Army")   # module-level shortcut
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from bisect import bisect_left
from itertools import combinations, accumulate, compress, count
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, NamedTuple

import yaml

from sitrep.text.normalize import fold, key

try:  # the C loader is an order of magnitude faster
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader

# ---- tokens and alias keys -----------------------------------------------------------------------------------------

WORD = re.compile(r"[^\W_]+(?:['’ʿʾ`][^\W_]+)*")
_POSSESSIVE = re.compile(r"['’`]s$", re.I)
_HYPHENS = "-‐‑–"
# The Arabic article, written as a separate word before a hyphen ("Al-Quds", "ad-Dawla").
ARTICLES_HYPHEN = {"al", "el", "ul", "ad", "ar", "as", "ash", "at", "az", "adh", "an", "ath", "ud", "ur", "us", "ut",
                   "uz", "ed", "er", "es", "et", "ez"}
# ... and the plain form before a space ("Al Jarida", "al Bukamal").
ARTICLES_SPACE = {"al", "el"}
DROP = {"the"}
ORDINALS = {
    "first": "1st", "second": "2nd", "third": "3rd", "fourth": "4th", "fifth": "5th", "sixth": "6th",
    "seventh": "7th", "eighth": "8th", "ninth": "9th", "tenth": "10th", "eleventh": "11th", "twelfth": "12th",
    "thirteenth": "13th", "fourteenth": "14th", "fifteenth": "15th", "sixteenth": "16th", "seventeenth": "17th",
    "eighteenth": "18th", "nineteenth": "19th", "twentieth": "20th",
}


class Token(NamedTuple):
    start: int
    end: int          # end of the word, possessive included
    key: str          # normalised key of the word (possessive dropped)
    possessive: bool = False


@lru_cache(maxsize=131072)
def word_key(word: str) -> str:
    """The key of one word: ordinals spelt as numbers, then the shared transliteration skeleton (applied twice, so
    that variants revealed by the first pass, "Kata'eb" -> "kataib", meet their kin)."""
    low = ORDINALS.get(word.lower(), word.lower())
    if any(c.isdigit() for c in low) or (word.isupper() and len(word) <= 6):
        return low          # numbers and acronyms are literal: "4400" is not "400", "KH" is not "K"
    k = key(key(low))
    return k or fold(low)


_SKIP = ARTICLES_HYPHEN | ARTICLES_SPACE | DROP


@lru_cache(maxsize=131072)
def _word_info(w: str) -> tuple[str, int]:
    """(key, flags) of a word as written: flags 1 = article before a hyphen, 2 = article before a space, 4 = "the"."""
    low = w.lower()
    flags = 0
    if low in ARTICLES_HYPHEN and not (w.isupper() and low not in ("al", "el")):
        flags |= 1
    if low in ARTICLES_SPACE:
        flags |= 2
    if low in DROP:
        flags |= 4
    if len(w) > 2 and w[-1] in "sS" and w[-2] in "'’`":
        return word_key(w[:-2]), flags | 8
    return word_key(w), flags


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Words of text[start:end] with offsets and keys; the article "al-" and "the" are dropped."""
    end = len(text) if end is None else end
    n = len(text)
    out: list[Token] = []
    append = out.append
    info = _word_info
    for m in WORD.finditer(text, start, end):
        k, flags = info(m.group())
        s, e = m.span()
        if flags & 7:
            if flags & 4:
                continue
            nxt = text[e] if e < n else ""
            if flags & 1 and nxt in _HYPHENS:
                continue
            if flags & 2 and nxt == " " and e + 1 < n and text[e + 1].isupper():
                continue
        append(Token(s, e, k, bool(flags & 8)))
    return out


def _span_tokens(text: str, span) -> tuple[list[str], list[re.Match]]:
    """The keys and word matches of the tokens of one stretch, as ``tokenize`` keeps them."""
    n = len(text)
    ms = list(WORD.finditer(text, span[0], span[1]))
    infos = list(map(_word_info, map(re.Match.group, ms)))
    ks = [k for k, _f in infos]
    drop = [i for i, (_k, f) in enumerate(infos) if f & 7]
    for i in reversed(drop):
        f = infos[i][1]
        if not f & 4:
            e = ms[i].end()
            nxt = text[e] if e < n else ""
            if not (f & 1 and nxt in _HYPHENS) and not (f & 2 and nxt == " " and e + 1 < n and text[e + 1].isupper()):
                continue
        del ks[i]
        del ms[i]
    return ks, ms


def key_stream(text: str, spans) -> tuple[str, list, list[int]]:
    """The token keys of several stretches of text as one string for the alias automaton.

    ``spans`` are (start, end, ...) stretches; tokens are split as ``tokenize`` splits them, and a "#" stands between
    stretches so that no alias runs across two. Returns the string (" k1 k2 # k3 ... "), the word match of each token
    (None for a separator) and, for each token, the offset in the string of the space after it (ascending).
    """
    keys: list[str] = []
    matches: list = []
    for span in spans:
        ks, ms = _span_tokens(text, span)
        keys.extend(ks)
        matches.extend(ms)
        keys.append("#")
        matches.append(None)
    stream = " " + " ".join(keys) + " "
    # the space after token i sits at sum(len(k) + 1 for k in keys[:i + 1])
    after = list(accumulate(len(k) + 1 for k in keys))
    return stream, matches, after


# The marks the shared word list (``normalize.doc_words``) lets lead or join a word that are not letters themselves
# (ʿ ʾ ʼ ʹ are letters, in both lists' words): we let none lead a word, and of these, join words only with ' ’ `.
_MARKS_LEAD = "'’‘`´′"
_MARKS_NOT_OURS = "‘´′"
_JOINED_BY_OTHER = re.compile(f"[^\\W_][{_MARKS_NOT_OURS}][^\\W_]")


def _shared_word_info(w: str) -> tuple[str, int]:
    """``_word_info`` of a word of the shared word list, a leading mark taken off first (flag 16: there was one)."""
    if w.startswith(_MARKS_LEAD_T):
        k, f = _word_info(w[1:])
        return k, f | 16
    return _word_info(w)


_MARKS_LEAD_T = tuple(_MARKS_LEAD)
# ``_shared_word_info`` of the words seen, as plain dicts: mapped over a report's words, a dict lookup costs a
# fraction of an lru_cache hit. The few words with a flag ``_doc_tokens`` reads (a leading mark, an article, "the")
# have a small dict of their own, which a report's words are looked up in far faster than in the large one.
_SHARED_KEYS: dict[str, str] = {}
_SHARED_FLAGGED: dict[str, int] = {}
_SHARED_MAX = 131072
_READ_FLAGS = 1 | 2 | 4 | 16


def _shared_keys(words: list[str]) -> list[str]:
    """The keys of the words, as ``_shared_word_info`` gives them (their flags, where read, in ``_SHARED_FLAGGED``)."""
    try:
        return list(map(_SHARED_KEYS.__getitem__, words))
    except KeyError:
        if len(_SHARED_KEYS) > _SHARED_MAX:
            _SHARED_KEYS.clear()
            _SHARED_FLAGGED.clear()
        for w in words:
            if w not in _SHARED_KEYS:
                _SHARED_KEYS[w], flags = _shared_word_info(w)
                if flags & _READ_FLAGS:
                    _SHARED_FLAGGED[w] = flags
        return list(map(_SHARED_KEYS.__getitem__, words))


def _doc_tokens(dw) -> tuple | None:
    """Our tokens of a whole text, from the shared word list: (index of the first token of each shared word,
    keys, starts, ends) of the tokens ``key_stream`` keeps; None where the two word lists differ (a word joined
    by a mark only the shared list joins with)."""
    got = dw.cache.get("actor_tokens", False)
    if got is not False:
        return got
    text = dw.text
    if any(c in text for c in _MARKS_NOT_OURS) and _JOINED_BY_OTHER.search(text):
        dw.cache["actor_tokens"] = None
        return None
    words, starts, ends = dw.words, dw.starts, dw.ends
    keys = _shared_keys(words)
    flagged = list(compress(count(), map(_SHARED_FLAGGED.__contains__, words)))   # a leading mark, an article, "the"
    if not flagged:
        got = (range(len(words)), keys, starts, ends)
        dw.cache["actor_tokens"] = got
        return got
    n = len(text)
    drop = []
    for i in flagged:
        f = _SHARED_FLAGGED[words[i]]
        if f & 16:
            if starts is dw.starts:
                starts = list(starts)       # the shared list keeps a mark before a word: we do not
            starts[i] += 1
            if not f & 7:
                continue
        if not f & 4:
            e = ends[i]
            nxt = text[e] if e < n else ""
            if not (f & 1 and nxt in _HYPHENS) and not (f & 2 and nxt == " " and e + 1 < n and text[e + 1].isupper()):
                continue
        drop.append(i)
    if not drop:
        got = (range(len(words)), keys, starts, ends)
    else:
        keep = [True] * len(words)
        for i in drop:
            keep[i] = False
        got = (list(compress(count(), keep)), list(compress(keys, keep)), list(compress(starts, keep)),
               list(compress(ends, keep)))
    dw.cache["actor_tokens"] = got
    return got


def key_spans(text: str, spans, dw=None) -> tuple[str, list, list, list[str]]:
    """``key_stream`` with the word offsets in place of the word matches, and the keys in place of the offsets of the
    spaces: (stream, starts, ends, keys), starts and ends None at a separator. ``dw``: the text's shared word list
    (``sitrep.text.normalize.doc_words``), where the words of each stretch are taken from it rather than split
    again."""
    shared = _doc_tokens(dw) if dw is not None and dw.text is text else None
    keys: list[str] = []
    starts: list = []
    ends: list = []
    if shared is not None:
        kept, ks, ss, es = shared
        kept_all = isinstance(kept, range)
        wstarts, wends = dw.starts, dw.ends
    for span in spans:
        if shared is not None:
            # the words of the stretch, unless one runs across either end (``DocWords.span``, inline)
            s0, s1 = span[0], span[1]
            i = bisect_left(wstarts, s0)
            j = bisect_left(wstarts, s1, i)
            whole = not ((i and wends[i - 1] > s0) or (j and wends[j - 1] > s1) or s1 < s0)
        else:
            whole = False
        if whole:
            if kept_all:
                a, b = i, j
            else:
                a = bisect_left(kept, i)
                b = bisect_left(kept, j, a)
            keys += ks[a:b]
            starts += ss[a:b]
            ends += es[a:b]
        else:
            span_keys, ms = _span_tokens(text, span)
            keys.extend(span_keys)
            starts.extend(m.start() for m in ms)
            ends.extend(m.end() for m in ms)
        keys.append("#")
        starts.append(None)
        ends.append(None)
    stream = " " + " ".join(keys) + " "
    return stream, starts, ends, keys


@lru_cache(maxsize=65536)
def alias_key(alias: str) -> str:
    """The space-joined token keys of a name, as the automaton stores it (cached: the finder looks the same names up
    in every report)."""
    return " ".join(t.key for t in tokenize(alias))


def is_acronym(alias: str) -> bool:
    """Short all-capital aliases ("IS", "US", "SNA", "U.S.") are matched with their case."""
    letters = re.sub(r"[^A-Za-z]", "", alias)
    return 1 < len(letters) <= 6 and letters.isupper()


# ---- entries -------------------------------------------------------------------------------------------------------

@dataclass(slots=True)
class ActorEntry:
    name: str
    kind: str = "organisation"      # state / force / unit / militia / collective / party / organisation
    country: str | None = None      # ISO 3166-1 alpha-2 of the state it belongs to or operates from
    parent: str | None = None       # canonical name of the parent in the unit hierarchy
    aliases: list[str] = field(default_factory=list)
    allegiance: str | None = None   # stable allegiance: "Iran", "Syrian government", "Turkey", "opposition", ...
    demonyms: list[str] = field(default_factory=list)   # states: "Iranian"
    host: bool = False              # states whose bare name is a place in this genre (Syria, Iraq, Lebanon)
    proxies: str | None = None      # states: the collective actor of the forces they back
    cased: list[str] = field(default_factory=list)      # aliases matched only with their capitals
    literal: list[str] = field(default_factory=list)    # aliases matched only as spelt (they collide with places)
    from_date: str | None = None    # ISO date the actor came into being under this name (aliases resolve by date)
    until_date: str | None = None   # ISO date it ceased to exist
    note: str | None = None
    ref: str | None = None          # where the entry comes from
    family: str | None = None       # the data file it was read from


@dataclass(slots=True)
class OutletEntry:
    name: str
    kind: str = "website"           # website / telegram / newspaper / agency / tv / statement / monitor
    country: str | None = None
    orientation: str | None = None  # "opposition", "government", "Kurdish", "Iran-aligned", "independent", ...
    aliases: list[str] = field(default_factory=list)
    digest: bool = False            # publishes summaries of other outlets' reports (never the origin of a claim)
    cased: list[str] = field(default_factory=list)
    literal: list[str] = field(default_factory=list)
    ref: str | None = None


@dataclass(slots=True)
class PersonEntry:
    name: str
    aliases: list[str] = field(default_factory=list)
    title: str | None = None
    role: str | None = None
    affiliation: str | None = None
    cased: list[str] = field(default_factory=list)
    ref: str | None = None


@dataclass(frozen=True, slots=True)
class Ref:
    """What one alias key points at."""
    type: str        # "actor" / "outlet" / "person"
    name: str        # canonical name
    alias: str       # the alias as written in the KB
    exact: bool      # match only with the alias's capitals (acronyms: "IS", "US")
    caps: bool = False   # every alias with this key is a capitalised name: the text must capitalise it too
    literal: bool = False  # match only the alias's own spelling (case and diacritics aside), no transliteration


_UNIT_HEADS = {"brigade": "brigades", "regiment": "regiments", "battalion": "battalions", "division": "divisions",
               "militia": "militias", "force": "forces", "unit": "units", "group": "groups"}


def _variants(alias: str) -> list[str]:
    """Plural and singular of a trailing unit noun ("Fatemiyoun Brigade" ~ "Fatemiyoun Brigades")."""
    out = [alias]
    words = alias.split()
    if len(words) > 1:
        last = words[-1].lower()
        for sing, plur in _UNIT_HEADS.items():
            if last == sing:
                out.append(" ".join(words[:-1] + [words[-1] + "s"]))
            elif last == plur:
                out.append(" ".join(words[:-1] + [words[-1][:-1]]))
    return out


class KnowledgeBase:
    def __init__(self, actors: list[ActorEntry], outlets: list[OutletEntry], persons: list[PersonEntry],
                 lexicon: dict[str, Any]):
        self.actors: dict[str, ActorEntry] = {a.name: a for a in actors}
        self.outlets: dict[str, OutletEntry] = {o.name: o for o in outlets}
        self.persons: dict[str, PersonEntry] = {p.name: p for p in persons}
        self.lexicon = lexicon
        self.children: dict[str, list[str]] = defaultdict(list)
        for a in actors:
            if a.parent:
                self.children[a.parent].append(a.name)
        # alias key -> refs; explicit aliases win over generated variants
        self.index: dict[str, list[Ref]] = {}
        explicit: dict[str, dict[tuple[str, str], list[tuple[str, bool, bool, bool]]]] = {}
        generated: dict[str, dict[tuple[str, str], list[tuple[str, bool, bool, bool]]]] = {}
        for type_, entries in (("actor", actors), ("outlet", outlets), ("person", persons)):
            for e in entries:
                cased = set(e.cased)
                literal = set(getattr(e, "literal", []) or [])
                for alias in [e.name, *e.aliases]:
                    for i, variant in enumerate(_variants(alias)):
                        k = alias_key(variant)
                        if not k:
                            continue
                        exact = is_acronym(alias) or alias in cased
                        caps = all(w[:1].isupper() or not w[:1].isalpha()
                                   for w in re.findall(r"[^\W_][\w'’]*", alias)
                                   if w.lower() not in ("of", "the", "and", "al", "el", "for", "in", "s"))
                        target = explicit if i == 0 else generated
                        target.setdefault(k, {}).setdefault((type_, e.name), []).append(
                            (variant, exact, caps, alias in literal))
        for k in set(explicit) | set(generated):
            groups = explicit.get(k) or generated[k]
            refs = []
            for (type_, name), forms in groups.items():
                refs.append(Ref(type_, name, forms[0][0], exact=all(f[1] for f in forms),
                                caps=all(f[2] for f in forms), literal=all(f[3] for f in forms)))
            self.index[k] = refs
        self.literal_forms: dict[str, set[str]] = {}
        for type_, entries in (("actor", actors), ("outlet", outlets)):
            for e in entries:
                for alias in getattr(e, "literal", []) or []:
                    self.literal_forms.setdefault(e.name, set()).add(fold(alias))
        # states by name, demonym and alias key
        self.states: dict[str, ActorEntry] = {a.name: a for a in actors if a.kind == "state"}
        self.demonyms: dict[str, ActorEntry] = {}
        for a in self.states.values():
            for d in a.demonyms:
                self.demonyms[word_key(d)] = a

    # ---- lookup ----
    def _lookup(self, name: str, type_: str) -> str | None:
        if name in (self.actors if type_ == "actor" else self.outlets if type_ == "outlet" else self.persons):
            return name
        refs = self.index.get(alias_key(name)) or []
        for r in refs:
            if r.type == type_:
                return r.name
        return None

    def actor(self, name: str) -> ActorEntry | None:
        n = self._lookup(name, "actor")
        return self.actors[n] if n else None

    def outlet(self, name: str) -> OutletEntry | None:
        n = self._lookup(name, "outlet")
        return self.outlets[n] if n else None

    def person(self, name: str) -> PersonEntry | None:
        n = self._lookup(name, "person")
        return self.persons[n] if n else None

    # ---- hierarchy ----
    def ancestors(self, name: str) -> list[str]:
        out, seen = [], set()
        entry = self.actor(name)
        while entry and entry.parent and entry.parent not in seen:
            out.append(entry.parent)
            seen.add(entry.parent)
            entry = self.actors.get(entry.parent)
        return out

    def descendants(self, name: str, include_self: bool = True) -> list[str]:
        """Canonical names of the actor and every unit under it, depth first."""
        entry = self.actor(name)
        if entry is None:
            return [name] if include_self else []
        out: list[str] = [entry.name] if include_self else []
        stack = list(reversed(self.children.get(entry.name, [])))
        seen = {entry.name}
        while stack:
            n = stack.pop()
            if n in seen:
                continue
            seen.add(n)
            out.append(n)
            stack.extend(reversed(self.children.get(n, [])))
        return out

    @staticmethod
    def _distinguished(a: ActorEntry, b: ActorEntry) -> bool:
        """Can two actors that share words be told apart: successive ones by the report's date, one office of two
        countries ("the Interior Ministry", "the Defence Ministry") by the country the report's places lie in."""
        if (a.until_date and b.from_date and a.until_date <= b.from_date) or \
                (b.until_date and a.from_date and b.until_date <= a.from_date):
            return True
        return bool(a.country and b.country and a.country != b.country and a.kind != "collective" != b.kind)

    def check(self) -> list[str]:
        """Problems in the data: parents that are not entries, aliases shared by two entries of one type (except
        successive actors and the same office of two countries)."""
        problems = []
        for a in self.actors.values():
            if a.parent and a.parent not in self.actors:
                problems.append(f"actor {a.name!r}: unknown parent {a.parent!r}")
            if a.proxies and a.proxies not in self.actors:
                problems.append(f"actor {a.name!r}: unknown proxies {a.proxies!r}")
        for k, refs in self.index.items():
            for t in ("actor", "outlet", "person"):
                names = {r.name for r in refs if r.type == t}
                if t == "actor" and len(names) > 1 and all(
                        self._distinguished(self.actors[a], self.actors[b])
                        for a, b in combinations(sorted(names), 2)):
                    continue
                if len(names) > 1:
                    problems.append(f"alias key {k!r} shared by {t}s {sorted(names)}")
        return problems


# ---- loading -------------------------------------------------------------------------------------------------------

def data_dir() -> Path:
    return Path(str(resources.files("sitrep") / "data" / "kb"))


def _read(path: Path) -> Any:
    with open(path, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_Loader) or []


def _entries(cls, rows: Iterable[dict], **extra) -> list:
    fields = set(cls.__dataclass_fields__)
    out = []
    for row in rows:
        row = dict(row)
        for src, dst in (("from", "from_date"), ("until", "until_date")):
            if src in row:
                row[dst] = str(row.pop(src))
        kw = {k: v for k, v in row.items() if k in fields}
        for k in ("aliases", "demonyms", "cased", "literal"):
            if k in kw and kw[k] is None:
                kw[k] = []
            if k in kw:
                kw[k] = [str(x) for x in kw[k]]
        for k, v in extra.items():
            kw.setdefault(k, v)
        out.append(cls(**kw))
    return out


def load_from(directory: Path) -> KnowledgeBase:
    actors: list[ActorEntry] = []
    for path in sorted((directory / "actors").glob("*.yaml")):
        actors.extend(_entries(ActorEntry, _read(path), family=path.stem))
    outlets = _entries(OutletEntry, _read(directory / "outlets.yaml")) if (directory / "outlets.yaml").exists() else []
    persons = _entries(PersonEntry, _read(directory / "persons.yaml")) if (directory / "persons.yaml").exists() else []
    lexicon = _read(directory / "lexicon.yaml") if (directory / "lexicon.yaml").exists() else {}
    return KnowledgeBase(actors, outlets, persons, lexicon or {})


@lru_cache(maxsize=1)
def load_kb() -> KnowledgeBase:
    """The packaged knowledge base, loaded once per process."""
    return load_from(data_dir())


def descendants(name: str, include_self: bool = True) -> list[str]:
    """Canonical names of an actor and all its sub-units ("actor with its sub-units" filters)."""
    return load_kb().descendants(name, include_self)


def ancestors(name: str) -> list[str]:
    return load_kb().ancestors(name)


def lookup(name: str) -> ActorEntry | None:
    return load_kb().actor(name)


def resolve(name: str) -> str | None:
    """The canonical name of an actor, outlet or person known by this name or alias, or None."""
    kb = load_kb()
    for get in (kb.actor, kb.outlet, kb.person):
        e = get(name)
        if e is not None:
            return e.name
    return None
