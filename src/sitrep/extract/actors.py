"""Actors, people and outlets in report text.

``ActorFinder`` fills ``doc.actors`` (armed forces, militias, states, collective actors), ``doc.persons`` (named people,
with the actor they belong to where the text says) and ``doc.sources`` (outlets, channels and statements that claims
are attributed to). It reads only extractable text (sentences not marked as boilerplate, headings included).

How it works, in order:

1. one Aho-Corasick automaton over the token keys of every alias in the knowledge base (``sitrep.kb.actors``) finds
   known actors, outlets and people under any transliteration ("Hizzbullah", "Ketaib Hezbollah", "Euphrates Eye");
2. a state's name or demonym is an actor only where the text makes it one: "Russian commanders", "Israeli strikes",
   "Russia and Iran agreed" -- not "from Iraq", "the Iraqi border", "Iranian-made drones"; a state's possessive or
   demonym before one of its own units is part of that unit's mention ("Iran's IRGC", "the Iraqi Al-Nujaba Movement");
3. collective actors by form: "Iran-backed militias", "Iran- and Russia-backed militias", "militias backed by Turkey",
   "pro-Iranian factions"; bare "the militias" refers back to the last such collective;
4. organisations that are not in the knowledge base, by the form of their name: "the X Brigade(s)", "X Regiment",
   "Liwa X", "Kata'ib X", "Harakat X", "the X Movement", "the X militia", "the 93rd Brigade", 'a battalion named "X"',
   kept as new actors (``Actor.known = False``); acronyms the text defines ("Counter-Terrorism Units (YAT)");
5. people by title ("Hajj Ja'far", "Brigadier General Al-Kamit Hashem"), by role ("SDF commander Mazloum Abdi",
   "Rohlat Afrin, commander of the YPJ", "the spokesman for ..., Ibrahim al-Jabbawi") and from the knowledge base;
   later mentions by surname ("Al-Jabbawi explained") are linked back;
6. sources: known outlets, outlets by form ("the X website", "Kuwaiti daily X"), actors quoted as the origin of a
   claim ("the SDF said in a statement", "a statement by Kata'ib Hezbollah"), "according to Turkish security
   sources", and back-references ("the website", "the press agency", "the observatory").

Outlets are never actors; an actor quoted as the origin of a claim is both an actor and a source (kind "statement").
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import accumulate
from operator import attrgetter, itemgetter
from typing import Sequence

import ahocorasick

from sitrep.extract.model import Actor, Doc, Mention, Outlet, Person
from sitrep.kb.actors import ActorEntry, KnowledgeBase, Ref, alias_key, key_spans, load_kb, word_key
from sitrep.text.normalize import doc_words, fold

_SEP = "#"
# A descriptive lead before an outlet's name: "Qamishli-based", "Damascus-based".
_MENTION_END = attrgetter("end")
_BASED_AFTER = re.compile(r"-based\b", re.I)
# "the Qamishli-based", "Deir Al-Zour-focused", "opposition-affiliated": where an outlet sits or what it covers
LOCATED_PREFIX = re.compile(r"(?:[A-Z][\w'’.-]*\s+){0,2}[\w'’.-]+-(?:based|focused|affiliated|aligned)\s+(?=[A-Z\"“])")


def _phrase(w: str) -> str:
    """A phrase as a regex: spaces match any whitespace, an apostrophe either apostrophe."""
    return re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]").replace("’", "['’]")


def _alt(words, flags_word=True) -> str:
    """A regex alternation of phrases, longest first, spaces matching any whitespace.

    The phrases that begin with one letter are one branch, the letter written once ("I(?:ranian|ran|raqi)"): the
    regex engine enters each branch to try it, and the branches that begin with other letters cannot match (no
    letter stands for another, with or without case), so it enters a few instead of all. Where two phrases begin
    with one letter in two cases (or with a letter beyond ASCII, which a case-blind pattern may match to an ASCII
    one), a case-blind pattern could match both: then the phrases stay one branch each.
    """
    ws = sorted({w for w in words if w}, key=len, reverse=True)
    firsts = {w[0] for w in ws if w[0].isascii() and w[0].isalpha()}
    if len(firsts) != len({c.lower() for c in firsts}) or not all(w[0].isascii() for w in ws):
        return "(?:" + "|".join(map(_phrase, ws)) + ")"
    by_letter: dict[str, list[str]] = {}
    parts = []
    for w in ws:
        if w[0] in firsts:
            rests = by_letter.get(w[0])
            if rests is None:
                rests = by_letter[w[0]] = []
                parts.append(w[0])          # the branch's place: where its longest phrase stood
            rests.append(_phrase(w[1:]))
        else:
            parts.append(_phrase(w))
    return "(?:" + "|".join(p + "(?:" + "|".join(by_letter[p]) + ")" if p in by_letter else p for p in parts) + ")"


# A state named right before an office's words: "Turkey's Defence Ministry", "the Syrian interior ministry"
_COUNTRY_WORD_BEFORE = re.compile(r"\b([A-Z][a-z]+)(?:['’]s)?\s+$")


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    type: str                 # actor / outlet / person / state
    name: str | None = None   # canonical name where known
    priority: int = 0
    data: dict = field(default_factory=dict)


# Words that may stand between a sponsor and the head of a collective ("Iran-backed Iraqi Shi'ite militias").
_COLL_ADJ = r"(?:Iraqi|Afghan|Pakistani|Syrian|Lebanese|Palestinian|Shi['’]?ite|Shiite|Shia|Shi['’]a|Sunni|local|armed|foreign|allied|proxy|paramilitary|Arab|Kurdish|Turkmen|tribal)"
_COLL_HEAD = r"(?:militias|militia|armed\s+groups|groups|factions|forces|fighters|militiamen|paramilitaries|proxies|mercenaries|gunmen|militants|officers|elements|cells|units)"
_BACKED = r"(?:backed|aligned|affiliated|sponsored|supported|funded|linked|allied|controlled|loyal)"
_ORG_NAME_TOKEN = r"(?:(?:[Aa]l|[Ee]l|[Aa][dnrstz]h?|[Ee][dnrstz]|[Uu]l)[-‐])?['’ʿ]?[A-Z0-9][\w'’ʿ]*(?:-(?:[Aa]l-)?['’]?[A-Za-z0-9][\w'’]*)*"
_CONNECT = r"(?:\s+(?:of|al|el|bin|ibn|wa|wal|and|the|for|al-|el-|ad-|as-|ash-|at-|az-|an-|ar-))*\s+"
_NAME_TOKEN = r"(?:(?:[Aa]l|[Ee]l|[Aa][dnrstz]h?)[-‐])?['’ʿ]?[A-Z][a-zA-Z'’ʿ]+(?:-(?:[Aa]l-)?['’]?[A-Z][a-zA-Z'’]+)?"
_NAME_CONNECT = r"(?:\s+(?:bin|ibn|bint|al|el|Abu|Abou|Umm|abu|de|van|von|ben))?\s+"


# the roles a person's name may follow directly ("SDF commander Mazloum Abdi")
_PREFIX_ROLES = ["commander", "chief", "leader", "official", "spokesman", "spokesperson", "spokeswoman", "member", "head",
                 "founder", "emir", "envoy", "representative", "co-chair", "adviser", "advisor", "deputy"]

# precompiled helpers of the passes
_POSS_END = re.compile(r"['’]s$")
_NON_ALNUM_ASCII = re.compile(r"[^A-Za-z0-9]")
_SURFACE_WORD = re.compile(r"[^\W_][\w'’]*")
_DEM_BEFORE = re.compile(r"(?:(?:[A-Z][\w]*-backed|pro-[A-Z]\w*)\s+)?(?P<dem>[A-Z][a-z]+)\s+$")
# the tail of the last word before the spaces at the end: what _DEM_BEFORE takes for the demonym
_CAP_BEFORE_SPACES = re.compile(r"([A-Z][a-z]+)\s+\Z")
_JOIN = re.compile(r"[\s-]*")
_VIA_END = re.compile(r"\bvia\s+$", re.I)
_PAREN_OPEN_END = re.compile(r"\(\s*$")
_PAREN_CLOSE_DASH = re.compile(r"\s*\)\s*[-–—]")
_SLASH = re.compile(r"\s*/")
_APPOS_DESC = re.compile(r",\s+(?:an?|the|another)\s+(?:[\w'’-]+\s+){0,2}$")
_GAP = re.compile(r"\s*(?:group|groups|faction|organi[sz]ation)?\s*")
_WORD_BEFORE = re.compile(r"([\w'’-]+)\s*$")
_GROUP_GAP = re.compile(r"\s*(?:group\s+)?")
# A definite description that refers back to an actor by its head noun: "the division", "the organization's".
# (the leading "[Tt]" before the look-behind lets the engine skip to the letters; a look-behind first would not)
# A capitalised word joined to a known outlet's name by a space makes a longer name ("Sharq Voice", "Rafidain
# Monitor"); a determiner, a month or a weekday does not.
_NAME_GOES_ON_AFTER = re.compile(r" (?!(?:January|February|March|April|May|June|July|August|September|October|November|"
                                 r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|TV|News)\b)"
                                 r"[A-Z][a-z]+\b(?![-'’])")
# (before it: a capitalised word that is neither a function word that may open a sentence nor a demonym, which the
# caller looks up in the knowledge base: "the Qatari Al Jazeera" is Al Jazeera)
_NAME_GOES_ON_BEFORE = re.compile(r"(?<![.!?:;\"“] )\b(?!(?:The|A|An|On|In|At|By|Of|And|But|As|For|From|To|With|Kurdish|"
                                  r"Arab|Pro|Opposition|Also|However|Meanwhile|Separately|Earlier|Later|Then|Moreover|"
                                  r"Furthermore|Finally|Yesterday|Today|Both|Its|Their|His|Her|This|That|These|Those|"
                                  r"According|Citing|Quoting|Local|State|Official)\b)(?P<word>[A-Z][a-z]+) $")
# An outlet named by its speaker's title, with the speaker's name after it: "Pentagon Press Secretary Pat Ryder".
_SPEAKER_TITLE_END = re.compile(r"(?:[Ss]ecretary|[Ss]pokes(?:man|woman|person)|[Mm]inister|[Dd]irector|[Cc]hief)$")
_DEFINITE = re.compile(r"[Tt](?<![\w-][Tt])he\s+(?P<head>division|brigade|battalion|regiment|corps|ministry|coalition|"
                       r"organi[sz]ation|movement|group|faction)(?![\w-])")
# any of "the division", "the brigade", ... in the lower-case text: one pass over it, not one per phrase
_DEFINITE_LITS = re.compile("the (?:division|brigade|battalion|regiment|corps|ministry|coalition|organi|movement|group|"
                            "faction)")
# Heads a unit or office is named by ("the 4th Division" -> "the division"); the others stand for any armed or
# political organisation named before ("Hizbullah" -> "the organization").
_NAMED_HEADS = frozenset(("division", "brigade", "battalion", "regiment", "corps", "ministry", "coalition"))
_ORG_KINDS = frozenset(("militia", "organisation", "party", "unit", "force", "unknown"))
# An indefinite phrase with the same head introduces a new referent ("a monitoring group ... The group said").
_INDEFINITE = r"(?<![\w-])(?:an?|another|one)\s+(?:[\w'’-]+\s+){{0,3}}{head}s?(?![\w-])"
_LEAD = re.compile(r"(?:(?:" + "|".join(re.escape(w) for w in ("The", "the", "A", "An", "This", "Its", "Their", "New", "Both")) + r")\s+)+")
_ORG_WORD = re.compile(r"[\w'’ʿ]+")
_POSS_GAP = re.compile(r"['’]s\s+")
_CAP_WORD = re.compile(r"[A-Z][\w'’]*")
_PREP_END = re.compile(r"\b(?:of|from|for|with|in)\s+(?:the\s+)?$")
_PLAIN_WORD = re.compile(r"[\w'’]+")
_WS = re.compile(r"\s+")
_WORD_AFTER_OPT = re.compile(r"(?:\s+\w+)?")
# a publisher that describes itself as relaying other outlets' reporting
_DIGEST_SELF = re.compile(r"\b(?:translates|translating|summari[sz]es|digests?|monitors\s+and\s+translates|"
                          r"tracks,?\s+(?:and\s+)?translates|republish(?:es)?|aggregates)\b", re.I)


def _literal_hits(text: str, word: str, s0: int, s1: int, marks_before: str):
    r"""``re.finditer(r"(?<![\w<marks_before>])" + re.escape(word) + r"(?![\w-])", text[s0:s1])`` as (start, end)
    offsets into ``text``, without compiling a pattern per word."""
    n = len(word)
    s1 = min(s1, len(text))
    i = text.find(word, s0, s1)
    while i >= 0:
        j = i + n
        c = text[i - 1] if i > s0 else ""
        d = text[j] if j < s1 else ""
        if (not c or not (c.isalnum() or c == "_" or c in marks_before)) and (not d or not (d.isalnum() or d in "_-")):
            yield i, j
            i = text.find(word, j, s1)
        else:
            i = text.find(word, i + 1, s1)


def _surface_caps(s: str) -> bool:
    """Every word capitalised ("Rudaw", "Example Wire"), as a name in running text is."""
    return all(w[:1].isupper() or w[:1].isdigit() for w in _SURFACE_WORD.findall(s))


# words without which ActorFinder.say_before_re cannot match
_SAY_BEFORE_KEYS = ("statement", "announcement", "communiqu", "declaration", "post", "according", "per")


def _has_say_key(low: str) -> bool:
    return any(k in low for k in _SAY_BEFORE_KEYS)


# the words ActorFinder.say_before_re's matches end with, before an optional "the" and quote
_SAY_BEFORE_ENDS = ("by", "from", "of", "to", "per")
# what may stand between an actor and the verb of its statement ("the SDF has also said")
_SAY_AUX = ("has", "have", "had", "also", "earlier", "later", "then", "further", "previously")
_SAY_AUX_ALT = "|".join(_SAY_AUX)
# the possessive and spaces a say_after_re match may begin with
_POSS_SPACES = re.compile(r"(?:['’]s)?\s*", re.I)


def _chunk(phrase: str) -> str:
    """The leading literal part of a phrase as ``_alt`` writes it: up to the first space or apostrophe."""
    return re.split(r"[\s'’]", phrase, maxsplit=1)[0]


class _Triggers:
    """Keywords that a pattern cannot match without, found in one pass over a report.

    Each category maps to phrases; a pattern of that category can only match where the leading literal part of one
    of its phrases occurs (with its case for a ``cased`` category, in lower case for a ``folded`` one). The costly
    patterns then run only in sentences that hold a keyword, or are tried only at the keywords' offsets.

    One automaton over the lower-case text finds both: a cased keyword (ASCII, so its lower case is where it is) is
    then compared with the text as written.
    """

    def __init__(self, cased: dict[str, list[str]], folded: dict[str, list[str]]):
        if set(cased) & set(folded):
            raise ValueError("a category is either cased or folded")
        self.categories = [*cased, *folded]
        index = {cat: i for i, cat in enumerate(self.categories)}
        # lower-case keyword -> its folded categories, and its cased forms with theirs
        words: dict[str, tuple[set[int], dict[str, set[int]]]] = {}
        for cat, phrases in folded.items():
            for p in phrases:
                k = _chunk(p).lower()
                if not k:
                    raise ValueError(f"no literal keyword in {p!r}")
                words.setdefault(k, (set(), {}))[0].add(index[cat])
        for cat, phrases in cased.items():
            for p in phrases:
                k = _chunk(p)
                if not k or not k.isascii():
                    raise ValueError(f"no literal ASCII keyword in {p!r}")
                words.setdefault(k.lower(), (set(), {}))[1].setdefault(k, set()).add(index[cat])
        self.automaton = ahocorasick.Automaton()
        for k, (cats, forms) in words.items():
            # the keyword's length less one, the indices of its categories, and its cased forms with theirs
            self.automaton.add_word(k, (len(k) - 1, tuple(sorted(cats)),
                                        tuple((form, tuple(sorted(fc))) for form, fc in forms.items())))
        self.automaton.make_automaton()

    def scan(self, text: str, lower: str) -> dict[str, list[tuple[int, int]]]:
        """Each category's keyword spans, in order (each once: a keyword string is one entry of the automaton)."""
        found: list[list[tuple[int, int]]] = [[] for _ in self.categories]
        add = [spans.append for spans in found]
        for end, (back, cats, forms) in self.automaton.iter(lower):
            span = (end - back, end + 1)
            for c in cats:
                add[c](span)
            if forms:
                written = text[span[0]:span[1]]
                for form, form_cats in forms:
                    if written == form:
                        for c in form_cats:
                            add[c](span)
        return {cat: sorted(spans) for cat, spans in zip(self.categories, found) if spans}


class _Reading:
    """The knowledge-base entries a match of an alias may stand for, by type (first of each, for outlets and people)."""
    __slots__ = ("actors", "outlet", "person", "sole")

    def __init__(self, refs: list[Ref], actors: dict[str, ActorEntry]):
        self.actors = [r for r in refs if r.type == "actor"]
        self.outlet = next((r for r in refs if r.type == "outlet"), None)
        self.person = next((r for r in refs if r.type == "person"), None)
        # the one actor it can stand for, whatever the report (``_Run._choose_actor`` weighs the others)
        one = self.actors[0].name if len(self.actors) == 1 else None
        self.sole = actors[one] if one is not None and one != "Hezbollah" else None


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
# letters that a case-blind pattern matches to an ASCII letter other than their lower case: dotless i, long s
_CASE_ODD = "ıſ"


class ActorFinder:
    """Pipeline stage: actors, persons and sources of one report. Build once per process."""

    def __init__(self, kb: KnowledgeBase | None = None):
        self.kb = kb or load_kb()
        lex = self.kb.lexicon
        self.automaton = ahocorasick.Automaton()
        for k, refs in self.kb.index.items():
            self.automaton.add_word(f" {k} ", (k.count(" ") + 1, tuple(refs)))
        self.automaton.make_automaton()

        states = self.kb.states
        self.state_names: dict[str, ActorEntry] = {}      # alias key -> state, for bare-name aliases
        self.force_alias: set[tuple[str, str]] = set()      # (state, alias) that name the state's forces
        force_words = {word_key(w) for n in lex.get("force_nouns", []) for w in n.split()}
        force_words |= {word_key(w) for w in ("regime", "entity", "enemy", "authorities", "ministry", "administration",
                                              "government", "forces", "army", "military", "troops", "occupation")}
        for st in states.values():
            for a in [st.name, *st.aliases]:
                toks = alias_key(a).split()
                if any(t in force_words for t in toks):
                    self.force_alias.add((st.name, a))
        # demonym and sponsor vocabularies
        demonyms = sorted({d for st in states.values() for d in st.demonyms}, key=len, reverse=True)
        self.demonym_re = re.compile(r"(?<![\w-])" + _alt(demonyms) + r"(?![\w])")
        sponsor_words = set(demonyms)
        for st in states.values():
            if st.proxies:
                sponsor_words |= {a for a in [st.name, *st.aliases] if (st.name, a) not in self.force_alias
                                  and len(a) <= 20}
        self.sponsor_alt = _alt(sponsor_words)
        # (a model designation may stand between: "Russian Il-76 transport aircraft", "Israeli F-35 jets")
        self.force_re = re.compile(r"\s*(?:and\s+" + _alt(demonyms) + r"\s+)*[\"“”']?\s*(?:[A-Z][A-Za-z]*-?\d[\w-]*\s+)?"
                                   r"(?:(?:transport|cargo|military|combat|reconnaissance|engineering|special|naval)\s+)?"
                                   + _alt(lex.get("force_nouns", [])) + r"(?![\w-])", re.I)
        self.locative_re = re.compile(r"(?:^|[\s(])" + _alt(lex.get("locative", [])) + r"\s+(?:the\s+)?"
                                      r"(?:(?:north|south|east|west|central|northern|southern|eastern|western|"
                                      r"north-?eastern|north-?western|south-?eastern|south-?western)\s+)?$", re.I)
        self.place_noun_re = re.compile(r"\s*(?:-\s*)?" + _alt(lex.get("place_nouns", [])) + r"(?![\w])", re.I)
        # collectives by sponsor
        sp = self.sponsor_alt
        self.collective_res = [
            # "Iran- and Russia-backed militias", "Iran-backed Iraqi militias"
            re.compile(rf"(?<![\w-])(?P<sp1>{sp})(?:\s*-\s*|\s+)(?:and\s+(?P<sp2>{sp})(?:\s*-\s*|\s+))?{_BACKED}"
                       rf"(?:\s+{_COLL_ADJ}){{0,3}}\s+{_COLL_HEAD}(?![\w-])", re.I),
            # "pro-Iranian militias", "pro-Iran officers"
            re.compile(rf"(?<![\w-])pro-(?P<sp1>{sp})(?:\s+{_COLL_ADJ}){{0,3}}\s+{_COLL_HEAD}(?![\w-])", re.I),
            # "militia groups backed by Turkey"
            re.compile(rf"(?<![\w-])(?:{_COLL_ADJ}\s+){{0,2}}(?:militia\s+)?{_COLL_HEAD}\s+{_BACKED}\s+by\s+(?:the\s+)?"
                       rf"(?P<sp1>{sp})(?![\w-])", re.I),
        ]
        _mil_nouns = r"(?:operatives|officials|leaders|positions|commanders|members|fighters|headquarters|elements|sites|bases|depots|convoys?|reinforcements)"
        self.bare_militia_re = re.compile(
            r"(?<![\w-])(?:(?:the|these|those|such|its|their|other|senior|pro-regime)\s+)*(?:militias(?:\s+" + _mil_nouns + r")?"
            r"|militia\s+" + _mil_nouns + r")(?![\w-])", re.I)
        # unknown organisations
        heads = lex.get("unit_heads", [])
        self.weak_heads = {h.lower() for h in lex.get("weak_heads", [])}
        self.heads_lower = {h.lower() for h in heads}
        # no head begins with a leading word ("The", "New"): trimming those off a name never passes its head
        self.heads_unled = not any(_LEAD.match(h + " ") for h in heads)
        # (surface, id of the refs tuple of the automaton) -> what the surface may stand for (False: nothing)
        self.surface_cache: dict[tuple[str, int], _Reading | bool] = {}
        self.publisher_res: dict[str, tuple] = {}      # publisher -> _Run._publisher_forms
        self.stop_names = {s.lower() for s in lex.get("stop_names", [])}
        name = rf"{_ORG_NAME_TOKEN}(?:{_CONNECT}{_ORG_NAME_TOKEN}){{0,5}}"
        self.org_head_re = re.compile(rf"(?<![\w'’-])(?P<name>{name})\s+(?P<head>{_alt(heads)})(?![\w-])")
        self.org_militia_re = re.compile(rf"(?<![\w'’-])(?P<name>{name})\s+(?P<head>militia|brigade|battalion|group|movement|faction)(?![\w-])")
        prefixes = lex.get("name_prefixes", [])
        self.org_prefix_re = re.compile(rf"(?<![\w'’-])(?P<name>{_alt(prefixes)}(?:[-\s]+(?:al-|el-|ad-|as-|ash-|at-|az-|an-|ar-)?"
                                        rf"['’ʿ]?[A-Z][\w'’ʿ]*(?:-[A-Za-z][\w'’]*)*|\s+(?:al|wa|wal|bin|ibn)(?=\s)){{1,6}})")
        self.numbered_re = re.compile(
            r"(?<![\w-])(?P<name>(?:\d{1,4}(?:st|nd|rd|th)|" + _alt([k.capitalize() for k in
                                                                     ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
                                                                      "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
                                                                      "nineteenth twentieth").split()]) +
            r")\s+(?:(?:Armou?red|Mechani[sz]ed|Special\s+Forces|Special\s+Mission\s+Forces|Airborne|Infantry|Reserve|"
            r"Assault|Storming|Commando|Border\s+Guard|Artillery|Missile|Air\s+Defen[cs]e|Republican\s+Guard)\s+)?"
            r"(?:Brigade|Division|Regiment|Corps|Legion|Battalion|Squadron|Army|Company|Group|Fleet|Wing))(?![\w-])")
        self.branch_re = re.compile(r"(?<![\w-])(?P<name>(?:[A-Z][\w'’-]*\s+)?Branch\s+\d{2,4}|(?:[A-Z][\w'’-]*\s+)?\d{2,4}\s+Branch)(?![\w-])")
        self.named_unit_re = re.compile(
            r"(?P<head>battalion|brigade|regiment|unit|group|militia|faction|force|company|squad|cell|division|operations room)"
            r"(?:,)?\s+(?:is\s+|was\s+|has\s+been\s+|to\s+be\s+)?(?:named|called|dubbed|known\s+as|titled)\s+[\"“](?P<name>[^\"”]{2,60}?)[,.]?[\"”]",
            re.I)
        self.acronym_re = re.compile(r"\s*\((?P<acr>[A-Z][A-Za-z0-9/&.-]{1,11})\)")
        # persons
        ranks = lex.get("ranks", [])
        honorifics = lex.get("honorifics", [])
        self.honorifics = {h.lower() for h in honorifics}
        self.weak_ranks = {w.lower() for w in lex.get("weak_ranks", [])}
        pname = rf"{_NAME_TOKEN}(?:{_NAME_CONNECT}{_NAME_TOKEN}){{0,3}}"
        self.title_re = re.compile(rf"(?<![\w-])(?P<title>{_alt(ranks + honorifics)})\s+[\"“]?(?P<name>{pname})")
        roles = lex.get("roles", [])
        self.roles_alt = _alt(roles)
        self.role_prefix_re = re.compile(rf"(?<![\w-])(?P<role>{_alt(_PREFIX_ROLES)})\s+(?P<name>{_NAME_TOKEN}(?:{_NAME_CONNECT}{_NAME_TOKEN}){{1,3}})(?![\w-])")
        self.appos_after_re = re.compile(rf"(?<![\w-])(?P<name>{_NAME_TOKEN}(?:{_NAME_CONNECT}{_NAME_TOKEN}){{1,3}}),\s+(?P<role>(?:(?:an?|the|its|their|his|her)\s+)?(?:[\w'’-]+\s+){{0,3}}?{self.roles_alt}\b[^,;.]{{0,90}})")
        # the part of an appos_after_re match from its comma to its role: a fast search (it begins with a literal)
        # that tells a sentence without any match
        self.named_as_re = re.compile(
            rf"\b(?:identified|named)\s+(?:by\s+[^,.;]{{1,50}}?\s+)?as\s+(?:(?:the|a|an)\s+)?(?P<name>{_NAME_TOKEN}"
            rf"(?:{_NAME_CONNECT}{_NAME_TOKEN}){{1,3}})(?:,\s+\d{{1,3}},)?(?:\s+and\s+(?:his|her)\s+[a-z]+,?\s+"
            rf"(?P<name2>{_NAME_TOKEN}(?:{_NAME_CONNECT}{_NAME_TOKEN}){{1,3}}))?")
        self.appos_comma_re = re.compile(rf",\s+(?:(?:an?|the|its|their|his|her)\s+)?(?:[\w'’-]+\s+){{0,3}}?{self.roles_alt}\b")
        self.appos_before_re = re.compile(rf"(?<![\w-])(?P<role>{self.roles_alt}(?:\s+(?:of|for|in|at|from)\s+[^,;]{{1,90}})?),\s+(?:(?P<title>{_alt(ranks + honorifics)})\s+)?(?P<name>{pname})(?=\s*[,.;)]|\s+(?:and|who|said|told|has|had|was|is|added|stated|explained)\b)")
        # sources
        say = lex.get("say_verbs", [])
        self.say_after_re = re.compile(rf"(?:['’]s)?\s*(?:\([^)]{{1,40}}\)\s*)?(?:,\s*(?:which|who|that|in|on|whose)\b[^,;]{{1,80}},\s*)?(?:(?:{_SAY_AUX_ALT}|on\s+\w+)\s+){{0,3}}(?:{_alt(say)})\b|(?:['’]s)?\s+(?:official\s+|written\s+|military\s+)?statements?\b|\s+in\s+a\s+statement", re.I)
        # the first letters (three, or a two-letter word and no more) of what follows "'s" and spaces in a
        # say_after_re match: after most actors none of them, and the costly pattern is not tried
        say_leads = [*say, *_SAY_AUX, "on", "official", "written", "military", "statement", "in"]
        self.say_lead3 = frozenset(w.split()[0][:3].lower() for w in say_leads if len(w.split()[0]) >= 3)
        self.say_lead2 = frozenset(w.split()[0].lower() for w in say_leads if len(w.split()[0]) < 3)
        self.say_before_re = re.compile(r"(?:statements?|announcement|communiqu[eé]|declaration|posts?),?\s+(?:issued\s+|released\s+|published\s+)?(?:by|from|of|attributed\s+to)\s+(?:the\s+)?[\"“]?$|according\s+to\s+(?:the\s+)?[\"“]?$|(?:^|\s)per\s+(?:the\s+)?$", re.I)
        bodies = lex.get("sourced_bodies", [])
        self.body_source_re = re.compile(rf"according\s+to\s+(?:the\s+|several\s+|two\s+|three\s+)?(?P<name>{_alt(demonyms)}\s+(?:{_alt(bodies)}\s+){{1,2}}sources?)(?![\w-])", re.I)
        self.outlet_form_after_re = re.compile(rf"(?P<kind>website|site|outlet|channel|Telegram\s+channel|news\s+agency|agency|daily|newspaper|network|TV|television|radio|account|page)\s+(?P<name>[\"“]?{_ORG_NAME_TOKEN}(?:{_CONNECT}{_ORG_NAME_TOKEN}){{0,4}}[\"”]?)")
        self.outlet_form_before_re = re.compile(rf"(?<![\w'’-])(?P<name>[\"“]?{_ORG_NAME_TOKEN}(?:{_CONNECT}{_ORG_NAME_TOKEN}){{0,4}}[\"”]?)(?:['’]s)?\s+(?P<kind>website|Telegram\s+channel|news\s+agency|news\s+website|network|daily|newspaper)(?![\w-])")
        # "a channel close to the IRGC, \"Nahr Watch,\" claimed": the quoted name in apposition is the outlet
        self.outlet_appos_re = re.compile(r"(?P<kind>Telegram\s+channel|channel|website|account|page|outlet)\s+(?:(?:close|loyal)\s+to|"
                                          r"affiliated\s+(?:with|to)|linked\s+to|run\s+by|belonging\s+to)\s+[^,;\"“]{1,70},\s+"
                                          r"[\"“](?P<name>[A-Z][^\"”,]{1,40}?)[,.]?[\"”]")
        # "Another channel, Nabd al-Badiya, denied", "A channel close to the NDF, Difa'a al-Watan, published": the name
        # set off by commas after the kind word, then a verb of publishing
        self.outlet_appos_plain_re = re.compile(
            rf"(?P<kind>Telegram\s+channel|channel|website|account|page|outlet)(?:\s+(?:(?:close|loyal)\s+to|affiliated\s+"
            rf"(?:with|to)|linked\s+to|run\s+by|belonging\s+to)\s+[^,;\"“]{{1,70}})?,\s+(?P<name>{_ORG_NAME_TOKEN}"
            rf"(?:{_CONNECT}{_ORG_NAME_TOKEN}){{0,4}}),\s+(?:(?:also|later|then|which|that)\s+)?(?:[a-z]+ed|said|wrote|"
            rf"posted|published|reported|claimed|denied|shared|relayed|quoted|says|claims|reports|posts)\b")
        self.source_line_re = re.compile(r"(?:^|\s)Source:\s+(?P<name>[A-Z][\w.'’&-]*(?:\s+[A-Z0-9][\w.'’&-]*){0,4})")
        self.outlet_before_kind = re.compile(r"(?:website|Telegram\s+channel|news\s+agency|news\s+website|network|daily|newspaper)(?![\w-])")
        self.anaphor_re = re.compile(r"(?<![\w-])the\s+(?:same\s+)?(?:(?:Syrian\s+)?(?:opposition|pro-opposition|opposition-affiliated|Kurdish|Iraqi|Lebanese|local)\s+)?(?P<kind>website|press\s+agency|news\s+agency|agency|observatory|daily|newspaper|channel|outlet|network|monitor)(?![\w-])", re.I)

        # cheap tests that let a sentence skip the costly patterns
        self.pre_coll = re.compile(r"backed|aligned|affiliated|sponsored|supported|funded|linked|allied|controlled|loyal|pro-", re.I)
        self.pre_org_head = re.compile(r"(?<![\w-])" + _alt(heads) + r"(?![\w-])")
        self.pre_org_militia = re.compile(r"(?<![\w-])(?:militia|brigade|battalion|group|movement|faction)(?![\w-])")
        self.pre_prefix = re.compile(r"(?<![\w-])" + _alt(prefixes) + r"(?![\w])")
        self.pre_named = re.compile(r"named|called|dubbed|known\s+as|titled", re.I)
        # ... and as named_unit_re has it, a quote after: most "called", "known as" have none
        self.pre_named_quote = re.compile(r"(?:named|called|dubbed|known\s+as|titled)\s+[\"“]", re.I)
        self.pre_roles = re.compile(r"(?<![\w-])" + self.roles_alt + r"(?![\w-])", re.I)
        self.pre_outlet_kind = re.compile(r"website|site|outlet|channel|agency|daily|newspaper|network|TV|television|radio|account|page", re.I)
        ordinals = [f"{d}{x}" for d in "0123456789" for x in ("st", "nd", "rd", "th")] + [
            k for k in ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
                        "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth").split()]
        self.triggers = _Triggers(
            cased={
                "dem": demonyms,
                "title": ranks + honorifics,
                "org_head": heads,
                "org_militia": ["militia", "brigade", "battalion", "group", "movement", "faction"],
                "prefix": prefixes,
                "proxy": ["prox", "mercenaries"],
                "branch": ["Branch"],
                "outlet_before": ["website", "Telegram", "news", "network", "daily", "newspaper"],
            },
            folded={
                "coll": ["backed", "aligned", "affiliated", "sponsored", "supported", "funded", "linked", "allied",
                         "controlled", "loyal", "pro-"],
                "named": ["named", "called", "dubbed", "known", "titled"],
                "roles": roles,
                "prefix_roles": _PREFIX_ROLES,
                "outlet_kind": ["website", "site", "outlet", "channel", "agency", "daily", "newspaper", "network", "tv",
                                "television", "radio", "account", "page"],
                # the kind words outlet_form_after_re and outlet_appos_re begin with
                "outlet_after": ["website", "site", "outlet", "channel", "telegram", "news", "agency", "daily",
                                 "newspaper", "network", "tv", "television", "radio", "account", "page"],
                "anaphor": ["website", "press", "news", "agency", "observatory", "daily", "newspaper", "channel",
                            "outlet", "network", "monitor"],
                "militia": ["militia"],
                "ordinal": ordinals,
                "according": ["according"],
                "sponsor": sorted(sponsor_words),
                "pro": ["pro-"],
                # the words a "militias backed by Turkey" phrase can begin with
                "coll_start": [w for w in re.findall(r"[A-Za-z]{2,}", _COLL_ADJ + _COLL_HEAD) if w != "s"] + ["militia"],
            })
        self.trailing_role_re = re.compile(rf",\s+(?P<role>(?:(?:an?|the|its|their|his|her)\s+)?(?:[\w'’-]+\s+){{0,3}}?{self.roles_alt}\b[^,;.]{{0,90}})")
        self.proxies_re = re.compile(r"(?<![\w-])(?P<poss>its|their|[A-Z][\w.]*['’]s)\s+(?:(?:Syrian|Iraqi|Lebanese|local|Arab|allied)\s+)?"
                                     r"(?:proxies|proxy\s+forces|proxy\s+militias|proxy\s+groups|mercenaries)(?![\w-])")

    # ------------------------------------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        segments = [(s.start, s.end, s.heading) for s in doc.sentences if not s.boilerplate]
        if not doc.sentences:
            segments = [(b0, b1, False) for b0, b1 in doc.body]
        run = _Run(self, doc, segments)
        run.find()
        return doc


class _Run:
    """The state of one report's recognition."""

    def __init__(self, finder: ActorFinder, doc: Doc, segments: list[tuple[int, int, bool]]):
        self.f = finder
        self.kb = finder.kb
        self.doc = doc
        self.text = doc.text
        self.segments = segments
        self.cands: list[_Cand] = []
        self.actor_entities: dict[str, Actor] = {}
        self.outlets: dict[str, Outlet] = {}
        self.persons: dict[str, Person] = {}
        self.actor_mentions: list[Mention] = []
        self.person_mentions: list[Mention] = []
        self.source_mentions: list[Mention] = []
        self.taken: list[tuple[int, int]] = []
        lower = self.text.lower()
        # lower-case text in which a case-blind pattern of ASCII words can only match where the words are
        self.plain_lower = len(lower) == len(self.text) and not any(c in self.text for c in _CASE_ODD)
        if len(lower) != len(self.text):       # a few letters change length in lower case; keep offsets aligned
            lower = self.text.translate(_ASCII_LOWER)
        self.lower = lower
        self.lebanon_cue = any(c in lower for c in ("lebanon", "lebanese", "beirut", "nasrallah", "dahiyeh", "dahieh"))
        self.trig = finder.triggers.scan(self.text, lower)
        # segments in order and apart (sentences are): a keyword's segment is found by bisection
        self.seg_starts = [s[0] for s in segments]
        self.seg_ends = [s[1] for s in segments]
        self.seg_apart = all(e <= s for e, s in zip(self.seg_ends, self.seg_starts[1:]))
        self.seg_at = {s0: i for i, s0 in enumerate(self.seg_starts)}
        self._masks: dict[str, set[int]] = {}
        self._groups: dict[str, dict[int, list[tuple[int, int]]]] = {}

    # ---- keyword triggers ----
    def spans(self, cat: str, s0: int, s1: int) -> Sequence[tuple[int, int]]:
        """Keyword spans of a category inside text[s0:s1]."""
        if self.seg_apart:
            si = self.seg_at.get(s0)
            if si is not None and self.seg_ends[si] == s1:
                return self._by_segment(cat).get(si, ())
        lst = self.trig.get(cat)
        if not lst:
            return []
        i = bisect_left(lst, (s0, -1))
        if i == len(lst) or lst[i][0] >= s1:
            return []
        j = bisect_left(lst, (s1, -1), i)
        return [x for x in lst[i:j] if x[1] <= s1]

    def _by_segment(self, cat: str) -> dict[int, list[tuple[int, int]]]:
        """The keyword spans of a category by the index of the segment they are inside (segments apart), worked out
        once: the passes ask for them segment by segment."""
        got = self._groups.get(cat)
        if got is None:
            got = {}
            starts, ends = self.seg_starts, self.seg_ends
            for span in self.trig.get(cat, ()):
                i = bisect_right(starts, span[0]) - 1
                if i >= 0 and span[1] <= ends[i]:
                    inside = got.get(i)
                    if inside is None:
                        got[i] = [span]
                    else:
                        inside.append(span)
            self._groups[cat] = got
        return got

    def mask(self, cat: str) -> set[int]:
        """Indices of the segments for which ``has(cat, s0, s1)`` holds."""
        m = self._masks.get(cat)
        if m is None:
            if self.seg_apart:
                m = set(self._by_segment(cat))
            else:
                m = {i for i, (s0, s1, _h) in enumerate(self.segments) if self.has(cat, s0, s1)}
            self._masks[cat] = m
        return m

    def has(self, cat: str, s0: int, s1: int) -> bool:
        lst = self.trig.get(cat)
        if not lst:
            return False
        i = bisect_left(lst, (s0, -1))
        n = len(lst)
        while i < n:
            a, b = lst[i]
            if a >= s1:
                return False
            if b <= s1:
                return True
            i += 1
        return False

    def can_match(self, cat: str, rx: re.Pattern, s0: int, s1: int) -> bool:
        """``rx.search(text, s0, s1)`` for a pattern whose matches begin with a keyword of the category."""
        text = self.text
        for a, _b in self.spans(cat, s0, s1):
            if rx.match(text, a, s1):
                return True
        return False

    def windowed(self, cat: str, verify: re.Pattern, rx: re.Pattern, s0: int, s1: int, back: int = 250,
                 settled=None):
        """``rx.finditer(text, s0, s1)`` for a pattern whose matches end with a keyword of the category, the keyword as
        ``verify`` matches it, and begin no more than ``back`` characters before it ("the X Y Brigade").

        ``settled(a)``: the caller has no use for a match whose keyword begins at ``a`` (a mention there already):
        the windows of such keywords alone are not searched (every match of a window ends with one of its keywords).
        """
        text = self.text
        wins: list[list] = []      # start, end, and whether a keyword of the window is not settled
        for a, _b in self.spans(cat, s0, s1):
            v = verify.match(text, a, s1)
            if v is None:
                continue
            w0, w1 = max(s0, a - back), v.end()
            live = settled is None or not settled(a)
            if wins and w0 <= wins[-1][1]:
                last = wins[-1]
                last[1] = max(last[1], w1)
                last[2] = last[2] or live
            else:
                wins.append([w0, w1, live])
        for w0, w1, live in wins:
            if live:
                yield from rx.finditer(text, w0, w1)

    def anchored(self, cat: str, rx: re.Pattern, s0: int, s1: int) -> list[re.Match]:
        """``rx.finditer(text, s0, s1)`` for a pattern whose matches begin with a keyword of the category."""
        out = []
        last = s0
        text = self.text
        for a, _b in self.spans(cat, s0, s1):
            if a < last:
                continue
            m = rx.match(text, a, s1)
            if m is not None and m.end() > a:
                out.append(m)
                last = m.end()
        return out

    # ---- helpers ----
    def seg_of(self, pos: int):
        if self.seg_apart:
            i = bisect_right(self.seg_starts, pos) - 1
            return self.segments[i] if i >= 0 and pos < self.seg_ends[i] else None
        for s in self.segments:
            if s[0] <= pos < s[1]:
                return s
        return None

    def overlaps(self, start: int, end: int) -> bool:
        return any(a < end and start < b for a, b in self.taken)

    def actor(self, entry_or_name, kind=None, country=None, parent=None, known=True) -> Actor:
        if isinstance(entry_or_name, ActorEntry):
            e = entry_or_name
            a = self.actor_entities.get(e.name)
            if a is None:
                a = Actor(name=e.name, kind=e.kind, country=e.country, parent=e.parent, known=True)
                self.actor_entities[e.name] = a
            return a
        name = entry_or_name
        a = self.actor_entities.get(name)
        if a is None:
            e = self.kb.actors.get(name)
            if e is not None:
                return self.actor(e)
            a = Actor(name=name, kind=kind or "unknown", country=country, parent=parent, known=known)
            self.actor_entities[name] = a
        return a

    def outlet(self, name: str, kind="website", country=None, orientation=None) -> Outlet:
        o = self.outlets.get(name)
        if o is None:
            e = self.kb.outlets.get(name)
            if e is not None:
                o = Outlet(name=e.name, kind=e.kind, country=e.country, orientation=e.orientation)
            else:
                o = Outlet(name=name, kind=kind, country=country, orientation=orientation)
            self.outlets[name] = o
        return o

    def _tidy(self, start: int, end: int) -> tuple[int, int]:
        """Mention spans without a trailing possessive, with a parenthesis closed: "SNA’s" -> "SNA"."""
        text = self.text
        if end - start > 3 and (text[end - 1] in "s\n" and _POSS_END.search(text, end - 3, end)):
            end -= 2
        if text[end:end + 1] == ")" and text.count("(", start, end) > text.count(")", start, end):
            end += 1
        return start, end

    def add_actor_mention(self, start, end, actor: Actor):
        start, end = self._tidy(start, end)
        self.actor_mentions.append(Mention(start, end, self.text[start:end], actor))
        self.taken.append((start, end))

    def add_source_mention(self, start, end, outlet: Outlet):
        start, end = self._tidy(start, end)
        if any(m.start == start and m.end == end and m.entity.name == outlet.name for m in self.source_mentions):
            return
        self.source_mentions.append(Mention(start, end, self.text[start:end], outlet))

    # ---- the passes ----
    def find(self):
        self.kb_matches()
        self.resolve_kb()
        self.collectives()
        self.proxies()
        self.appositive_collectives()
        self.unknown_orgs()
        self.acronyms()
        self.bare_militias()
        self.persons_pass()
        self.sources_pass()
        self.opposition_anaphora()
        self.definite_anaphora()
        key = attrgetter("start", "end")
        self.doc.actors = sorted(self.actor_mentions, key=key)
        self.doc.persons = sorted(self.person_mentions, key=key)
        self.doc.sources = sorted(self.source_mentions, key=key)
        self.drop_places_inside_actors()

    def drop_places_inside_actors(self):
        """A name the actor pass reads as an actor ("Russia forbids ...", "Iran's IRGC", "Iran-backed militias")
        is not also a place: the places stage cannot see who acts, this stage can."""
        spans = [(m.start, m.end) for m in self.doc.actors]
        if not spans or not self.doc.places:
            return
        starts = [s for s, _ in spans]
        kept = []
        for p in self.doc.places:
            i = bisect_right(starts, p.start) - 1
            inside = False
            while i >= 0 and not inside:
                a0, a1 = spans[i]
                inside = a0 <= p.start and p.end <= a1
                if a1 < p.start and a0 < p.start - 200:
                    break
                i -= 1
            if not inside:
                kept.append(p)
        self.doc.places = kept

    def kb_matches(self):
        """Every KB alias occurrence, as token spans."""
        stream, starts, ends, keys = key_spans(self.text, self.segments, doc_words(self.text, self.doc.cache))
        hits = []
        if stream.count(" ") == len(keys) + 1:
            # the spaces are exactly the ones after each token: a match ending at the space after token i has i + 1
            # spaces before it (the leading one aside); matches come in order of their end
            last, pos = -1, 1
            for end, (n, refs) in self.f.automaton.iter(stream):
                last += stream.count(" ", pos, end + 1)
                pos = end + 1
                first = last - n + 1
                if first >= 0 and starts[first] is not None and starts[last] is not None:
                    hits.append((starts[first], ends[last], first, last, refs))
            self.kb_hits = hits
            return
        # a key with a space in it: the token a match ends with by the offsets of the spaces after the tokens
        after = list(accumulate(map((1).__add__, map(len, keys))))
        for end, (n, refs) in self.f.automaton.iter(stream):
            # the matched word is " k1 k2 ... " ending with the space at `end`
            last = bisect_left(after, end)
            if last >= len(after) or after[last] != end:
                continue
            first = last - n + 1
            if first < 0 or starts[first] is None or starts[last] is None:
                continue
            hits.append((starts[first], ends[last], first, last, refs))
        self.kb_hits = hits

    def _surface_ok(self, start: int, end: int, ref: Ref) -> bool:
        surface = self.text[start:end]
        s = _POSS_END.sub("", surface)
        if ref.literal:
            return fold(s) in self.kb.literal_forms.get(ref.name, ())
        if ref.exact:
            a = ref.alias
            if _NON_ALNUM_ASCII.sub("", a).isupper():
                return _NON_ALNUM_ASCII.sub("", s) == _NON_ALNUM_ASCII.sub("", a)
        if ref.exact or ref.caps:
            # a capitalised name: every word of the surface is capitalised too ("Fateh", not "fate")
            return all(w[:1].isupper() or w[:1].isdigit() for w in _SURFACE_WORD.findall(s)
                       if w.lower() not in ("of", "the", "al", "el", "and", "for", "in", "s", "led", "backed"))
        return True

    def resolve_kb(self):
        """Longest non-overlapping KB matches; states by context; possessive absorption."""
        hits = []
        cache = self.f.surface_cache
        if len(cache) > 200_000:
            cache.clear()
        text = self.text
        for start, end, first, last, refs in self.kb_hits:
            k = (text[start:end], id(refs))       # the decision rests on the surface and the alias's refs alone
            ok = cache.get(k)
            if ok is None:
                kept = [r for r in refs if self._surface_ok(start, end, r)]
                ok = cache[k] = _Reading(kept, self.kb.actors) if kept else False
            if ok:
                hits.append((start - end, start, len(hits), end, ok))
        hits.sort()         # longest first, then by start, then as found
        chosen = []
        # the chosen spans, apart and in order of start: one bisection tells whether a span overlaps any
        occ_s: list[int] = []
        occ_e: list[int] = []
        for _len, start, _i, end, refs in hits:
            i = bisect_left(occ_s, end)
            if i and occ_e[i - 1] > start:
                continue
            chosen.append((start, end, refs))
            occ_s.insert(i, start)
            occ_e.insert(i, end)
        chosen.sort()
        # demonyms of non-host states before force nouns: "Iranian commanders", "Israeli strikes"
        dem_spans = []
        segments = self.segments
        for si in sorted(self.mask("dem")):
            s0, s1, heading = segments[si]
            for m in self.anchored("dem", self.f.demonym_re, s0, s1):
                i = bisect_left(occ_s, m.end())
                if i and occ_e[i - 1] > m.start():
                    continue
                st = self.kb.demonyms.get(word_key(m.group()))
                if st is None or st.host:
                    continue
                fm = self.f.force_re.match(self.text, m.end(), s1)
                if fm:
                    i = bisect_left(occ_s, fm.end())
                    if not (i and occ_e[i - 1] > m.start()):
                        dem_spans.append((m.start(), fm.end(), st))
        # walk the chosen spans in order, handling states and absorption
        items = [(s, e, refs, None) for s, e, refs in chosen] + [(s, e, None, st) for s, e, st in dem_spans]
        items.sort(key=itemgetter(0))
        skip_until = -1
        for idx, (start, end, reading, st) in enumerate(items):
            if start < skip_until:
                continue
            if st is not None:
                self.add_actor_mention(start, end, self.actor(st))
                continue
            actor_refs = reading.actors
            if actor_refs:
                entry = reading.sole or self._choose_actor(actor_refs, start, end)
                if entry.kind == "state" and not self._state_is_actor(entry, start, end, actor_refs):
                    # maybe absorbed into the following unit of the same state
                    continue
                if entry.kind == "state":
                    nxt = items[idx + 1] if idx + 1 < len(items) else None
                    if nxt and nxt[2] and self._joined(end, nxt[0]) and self._is_poss_or_demonym(start, end):
                        unit_refs = nxt[2].actors
                        if unit_refs:
                            unit = self._choose_actor(unit_refs, nxt[0], nxt[1])
                            if unit.kind != "state" and self._same_state(unit, entry):
                                self.add_actor_mention(start, nxt[1], self.actor(unit))
                                skip_until = nxt[1]
                                continue
                self.add_actor_mention(start, end, self.actor(entry))
                if reading.outlet is not None:
                    self._maybe_statement(start, end, entry.name)
            elif reading.outlet is not None:
                r = reading.outlet
                if (_NAME_GOES_ON_AFTER.match(self.text, end) and not _SPEAKER_TITLE_END.search(self.text, start, end)) \
                        or ((nb := _NAME_GOES_ON_BEFORE.search(self.text, max(0, start - 30), start)) is not None
                            and word_key(nb.group("word")) not in self.kb.demonyms):
                    continue     # "Jazira Pulse", "Rafidain Monitor": a longer name, another outlet (found by its form)
                self.taken.append((start, end))
                if self._outlet_is_source(start, end) and not self.kb.outlets[r.name].digest:
                    self.add_source_mention(start, end, self.outlet(r.name))
            elif reading.person is not None:
                r = reading.person
                self.taken.append((start, end))
                e = self.kb.persons[r.name]
                p = self.persons.get(e.name) or Person(name=e.name, title=e.title, role=e.role, affiliation=e.affiliation)
                self.persons[e.name] = p
                self.person_mentions.append(Mention(start, end, self.text[start:end], p))
        # host-state demonyms before their own units ("Iraqi Al-Nujaba Movement"): extend those mentions
        demonyms = self.kb.demonyms
        text = self.text
        for m in list(self.actor_mentions):
            # the capitalised word before the spaces, which the pattern takes for the demonym: most often not one
            cap = _CAP_BEFORE_SPACES.search(text, max(0, m.start - 40), m.start)
            if cap is None or word_key(cap.group(1)) not in demonyms:
                continue
            before = text[max(0, m.start - 40):m.start]
            d = _DEM_BEFORE.search(before)
            if d:
                st = self.kb.demonyms.get(word_key(d.group("dem")))
                ent = self.kb.actors.get(m.entity.name)
                if st and ent and ent.kind != "state" and self._same_state(ent, st):
                    new_start = max(0, m.start - 40) + d.start("dem")     # d matched within ``before``
                    if not self.overlaps(new_start, m.start):
                        m.start = new_start
                        m.text = self.text[m.start:m.end]

    def _joined(self, end: int, nxt_start: int) -> bool:
        return nxt_start <= end or _JOIN.fullmatch(self.text, end, nxt_start) is not None

    def _is_poss_or_demonym(self, start, end) -> bool:
        s = self.text[start:end]
        return bool(_POSS_END.search(s)) or word_key(s) in self.kb.demonyms

    def _same_state(self, unit: ActorEntry, state: ActorEntry) -> bool:
        if unit.country and unit.country == state.country:
            return True
        return state.name in self.kb.ancestors(unit.name)

    def _choose_actor(self, refs: list[Ref], start: int, end: int) -> ActorEntry:
        if len(refs) == 1 and refs[0].name != "Hezbollah":
            return self.kb.actors[refs[0].name]
        names = [r.name for r in refs]
        if "Hezbollah" in names or any(self.kb.actors[n].name == "Hezbollah" for n in names):
            # bare "Hezbollah" in a report about Iraq's Kata'ib Hezbollah that never mentions Lebanon
            if not self.lebanon_cue and any(e.name == "Kata'ib Hezbollah" for e in self._found_entries()):
                return self.kb.actors["Kata'ib Hezbollah"]
        entries = [self.kb.actors[n] for n in names]
        if len(entries) > 1:
            date = (self.doc.meta.published if self.doc.meta else None) or ""
            def in_time(e: ActorEntry) -> int:
                if not date:
                    return 0 if not e.from_date else 1     # undated reports: the long-standing reading
                ok = (not e.from_date or date >= e.from_date) and (not e.until_date or date < e.until_date)
                return 0 if ok else 1
            # the country named just before the words ("Turkey's Defence Ministry", "the Iraqi Interior Ministry"),
            # else the one the report is about
            home = self._country_before(start) or self._home_country()
            # the reading in force on the report's date, then the one of the country the report is about ("the
            # Interior Ministry" of an Iraqi report is Iraq's), then units before states and collectives
            entries.sort(key=lambda e: (in_time(e), bool(home and e.country and e.country != home), e.kind == "state",
                                        e.kind == "collective"))
        return entries[0]

    def _country_before(self, start: int) -> str | None:
        """The country of a state named or described right before ``start``: "Turkey's", "Syria's", "Iraqi"."""
        m = _COUNTRY_WORD_BEFORE.search(self.text, max(0, start - 30), start)
        if m is None:
            return None
        word = m.group(1)
        stem = word_key(word)
        entry = self.kb.demonyms.get(stem) or self.kb.actor(word)
        if entry is None and len(word) >= 4:
            # a host country is a place, not an alias: "Syria's" by its demonym "Syrian", "Iraq's" by "Iraqi"
            entry = next((a for k, a in self.kb.demonyms.items() if k.startswith(stem)), None)
        return entry.country if entry is not None and entry.kind == "state" else None

    def _home_country(self) -> str | None:
        """The country most of the report's places lie in."""
        if not hasattr(self, "_home_cache"):
            counts: dict[str, int] = {}
            for m in self.doc.places or ():
                c = getattr(m.entity, "country", None)
                if c:
                    counts[c] = counts.get(c, 0) + 1
            self._home_cache = max(sorted(counts), key=counts.__getitem__) if counts else None
        return self._home_cache

    def _found_entries(self):
        if not hasattr(self, "_found_cache"):
            out = []
            for start, end, first, last, refs in self.kb_hits:
                for r in refs:
                    if r.type == "actor":
                        out.append(self.kb.actors[r.name])
            self._found_cache = out
        return self._found_cache

    def _state_is_actor(self, entry: ActorEntry, start: int, end: int, refs: list[Ref]) -> bool:
        """A state's name is an actor unless the context makes it a place."""
        if any((entry.name, r.alias) in self.f.force_alias for r in refs):
            return True
        if entry.host:
            # the bare name of a host state is a place ("Yemen"); its other names are actors ("SAA")
            return not any(alias_key(r.alias) == alias_key(entry.name) for r in refs)
        after = self.text[end:end + 40]
        before = self.text[max(0, start - 60):start]
        if self.f.locative_re.search(before) and not self.f.force_re.match(after[1:] if after[:1] == "." else after):
            return False     # "from Iran", "into Syria"; but "a delegation of U.S. officers" are the state's men
        surface = self.text[start:end]
        if not _POSS_END.search(surface) and self.f.place_noun_re.match(after):
            return False
        if _BASED_AFTER.match(after):
            return False     # "a Britain-based war monitor": where something sits, not a state acting
        # "Iran's IRGC" / "Iranian IRGC": the unit carries the mention (checked by the caller)
        return True

    def _outlet_is_source(self, start: int, end: int) -> bool:
        text = self.text
        if start and (text[start - 1] == "(" or text[start - 1].isspace()):     # as both patterns end
            before = text[max(0, start - 12):start]
            if _VIA_END.search(before):
                return False
            # a dateline: "ERBIL (Kurdistan 24) –", "Shafaq News/ On Monday"
            if _PAREN_OPEN_END.search(before) and _PAREN_CLOSE_DASH.match(text, end, end + 6):
                return False
        if _SLASH.match(text, end, end + 3):
            seg = self.seg_of(start)
            if seg and start == seg[0]:
                return False
        return True

    def _maybe_statement(self, start: int, end: int, name: str):
        if self._says_after(end) or self._says_before(start):
            e = self.kb.actors.get(name)
            o = self.outlets.get(name) or self.kb.outlets.get(name)
            if isinstance(o, Outlet):
                out = o
            elif o is not None:
                out = self.outlet(name)
            else:
                out = self.outlets.setdefault(name, Outlet(name=name, kind="statement",
                                                           country=e.country if e else None))
            self.add_source_mention(start, end, out)

    def _says_after(self, end: int) -> bool:
        """Does a say verb or statement follow an actor ending at ``end``?"""
        f = self.f
        text = self.text
        j = _POSS_SPACES.match(text, end).end()
        head = text[j:j + 3]
        low = head.lower()
        if not (head[:1] in "(," or low in f.say_lead3 or not head.isascii()
                or (low[:2] in f.say_lead2 and not (head[2:3].isalnum() or head[2:3] == "_"))):
            return False
        return f.say_after_re.match(text, end, end + 140) is not None

    def _says_before(self, start: int) -> bool:
        """Does "a statement by", "according to" or "per" stand before an actor starting at ``start``?"""
        if not start or not (self.text[start - 1].isspace() or self.text[start - 1] in "\"“"):
            return False        # every match of say_before_re ends with a space or a quote
        before = self.text[max(0, start - 60):start]
        tail = before.rstrip()
        if tail[-1:] in "\"“":
            tail = tail[:-1].rstrip()
        if tail[-3:].lower() == "the":
            tail = tail[:-3].rstrip()
        if not tail[-4:].lower().endswith(_SAY_BEFORE_ENDS):
            return False
        return _has_say_key(before.lower()) and self.f.say_before_re.search(before) is not None

    # ---- collectives ----
    def _sponsor_collective(self, sponsor: str) -> ActorEntry | None:
        k = word_key(sponsor) if " " not in sponsor else None
        st = self.kb.demonyms.get(k) if k else None
        if st is None:
            st = self.kb.actor(sponsor)
        if st is None or not st.proxies:
            return None
        return self.kb.actors.get(st.proxies)

    def collectives(self):
        windows = []
        segments = self.segments
        for si in sorted(self.mask("coll")):
            s0, s1, _h = segments[si]
            last = s0
            for k0, k1 in self.spans("coll", s0, s1):
                if k0 < last:
                    continue
                last = k1
                w0, w1 = max(s0, k0 - 80), min(s1, k1 + 80)
                if windows and windows[-1][2] == s0 and w0 <= windows[-1][1]:
                    windows[-1] = (windows[-1][0], w1, s0)
                else:
                    windows.append((w0, w1, s0))
        seen_spans = set()
        for w0, w1, _s0 in windows:
            for rx, cat in zip(self.f.collective_res, ("sponsor", "pro", "coll_start")):
                for m in self.anchored(cat, rx, w0, w1):
                    if m.span() in seen_spans:
                        continue
                    seen_spans.add(m.span())
                    targets = []
                    for g in ("sp1", "sp2"):
                        sp = m.groupdict().get(g)
                        if sp:
                            c = self._sponsor_collective(sp)
                            if c:
                                targets.append(c)
                    if not targets:
                        continue
                    start, end = m.span()
                    # a KB match inside (e.g. "Iran-backed militias") is the same thing: replace it
                    inside = [x for x in self.actor_mentions if start <= x.start and x.end <= end]
                    if any(self.kb.actors.get(x.entity.name) and self.kb.actors[x.entity.name].kind != "state"
                           and self.kb.actors[x.entity.name].kind != "collective" for x in inside):
                        continue
                    partial = [x for x in self.actor_mentions if x.start < end and start < x.end
                               and not (start <= x.start and x.end <= end)]
                    if partial:
                        continue
                    for x in inside:
                        self.actor_mentions.remove(x)
                        if (x.start, x.end) in self.taken:
                            self.taken.remove((x.start, x.end))
                    for c in targets:
                        self.add_actor_mention(start, end, self.actor(c))

    def proxies(self):
        """"its Syrian proxies", "Turkey's proxies": the collective of the forces the state backs."""
        rx = self.f.proxies_re
        segments = self.segments
        for si in sorted(self.mask("proxy")):
            s0, s1, _h = segments[si]
            for m in rx.finditer(self.text, s0, s1):
                if self.overlaps(*m.span()):
                    continue
                poss = m.group("poss")
                state = None
                if poss.lower() in ("its", "their"):
                    prev = [x for x in self.actor_mentions if s0 <= x.start and x.end <= m.start()
                            and self.kb.actors.get(x.entity.name) and self.kb.actors[x.entity.name].kind == "state"]
                    if prev:
                        state = self.kb.actors[prev[-1].entity.name]
                else:
                    state = self.kb.actor(re.sub(r"['’]s$", "", poss))
                if state is None or not state.proxies or state.proxies not in self.kb.actors:
                    continue
                self.add_actor_mention(m.start(), m.end(), self.actor(self.kb.actors[state.proxies]))

    def appositive_collectives(self):
        """"Shiite militia group Ketaib Hezbollah": the description is the named group's, not another actor."""
        for m in list(self.actor_mentions):
            e = self.kb.actors.get(m.entity.name)
            if e is None or e.kind != "collective":
                continue
            before = _APPOS_DESC.search(self.text[max(0, m.start - 40):m.start]) if "," in self.text[max(0, m.start - 40):m.start] else None
            if before:
                comma = m.start - len(before.group())
                if any(x.end in (comma, comma - 2) and x is not m and self.kb.actors.get(x.entity.name)
                       and self.kb.actors[x.entity.name].kind not in ("collective", "state") for x in self.actor_mentions):
                    self.actor_mentions.remove(m)
                    if (m.start, m.end) in self.taken:
                        self.taken.remove((m.start, m.end))
                    continue
            gap = _GAP.match(self.text[m.end:m.end + 30])
            nxt = m.end + (gap.end() if gap else 0)
            if nxt == m.end:
                continue
            if any(x.start == nxt and self.kb.actors.get(x.entity.name)
                   and self.kb.actors[x.entity.name].kind not in ("collective", "state") for x in self.actor_mentions):
                self.actor_mentions.remove(m)
                if (m.start, m.end) in self.taken:
                    self.taken.remove((m.start, m.end))

    def opposition_anaphora(self):
        """"opposition forces" after a named opposition group is that group."""
        if not any(m.entity.name == "Syrian rebel groups" for m in self.actor_mentions):
            return
        named = [m for m in self.actor_mentions if self.kb.actors.get(m.entity.name)
                 and self.kb.actors[m.entity.name].kind not in ("collective", "state", "party")
                 and self.kb.actors[m.entity.name].allegiance in ("opposition", "Turkey")]
        for m in self.actor_mentions:
            if m.entity.name == "Syrian rebel groups" and fold(m.text).endswith("opposition forces"):
                prev = [x for x in named if x.end <= m.start]
                if prev:
                    m.entity = prev[-1].entity

    def definite_anaphora(self):
        """"the division", "the organization's", "the ministry also said": the actor last named with that head noun
        ("the 4th Division", "the Interior Ministry"), or for the heads any organisation goes by ("the organization",
        "the group", "the faction", "the movement") the last organisation named; not when an indefinite phrase with
        the same head came in between ("a monitoring group ... The group said"), which is what it refers to."""
        text = self.text
        low = self.lower        # as text.lower() for these words: ASCII, none a lower case of a non-ASCII letter
        if not _DEFINITE_LITS.search(low):
            return
        named = sorted((m for m in self.actor_mentions if isinstance(m.entity, Actor)), key=lambda m: m.start)
        if not named:
            return
        starts = [m.start for m in named]
        for dm in _DEFINITE.finditer(text):
            a, b = dm.span()
            si = self.seg_of(a)
            if si is None or self.overlaps(a, b):
                continue
            nxt = text[b:b + 3]
            if nxt[:1] == " " and nxt[1:2].isupper():
                continue      # "the group Hay'at Tahrir al-Sham": an apposition, the name is the actor
            head = dm.group("head").lower()
            i = bisect_right(starts, a) - 1
            target = None
            while i >= 0 and a - named[i].end < 1500:
                m = named[i]
                i -= 1
                if m.end > a:
                    continue
                e = self.kb.actors.get(m.entity.name)
                kind = e.kind if e is not None else m.entity.kind
                if head in _NAMED_HEADS:
                    ok = head in m.text.lower() or head in m.entity.name.lower()
                else:
                    ok = kind in _ORG_KINDS
                if ok:
                    target = m
                    break
            if target is None:
                continue
            if head.startswith("organi"):
                head_rx = "organi[sz]ation"
            else:
                head_rx = head
            if re.search(_INDEFINITE.format(head=head_rx), text[target.end:a], re.I):
                continue
            self.add_actor_mention(a, b, target.entity)

    def bare_militias(self):
        """'the militias', 'militia operatives': the last collective of militias named before."""
        colls = sorted([m for m in self.actor_mentions if self.kb.actors.get(m.entity.name)
                        and self.kb.actors[m.entity.name].kind == "collective"
                        and "militia" in m.entity.name.lower()], key=lambda m: m.start)
        if not colls:
            return
        segments = self.segments
        for si in sorted(self.mask("militia")):
            s0, s1, _h = segments[si]
            for m in self.f.bare_militia_re.finditer(self.text, s0, s1):
                if self.overlaps(*m.span()):
                    continue
                # not the head of a named militia ("the Fatemiyoun militia", "Al-Quds militia")
                prev = self.text[max(0, m.start() - 2):m.start()]
                word_before = _WORD_BEFORE.search(self.text[max(0, m.start() - 30):m.start()])
                if (word_before and m.group().lower().startswith("militia") and word_before.group(1)[:1].isupper()
                        and word_before.group(1).lower() not in self.f.stop_names):
                    continue
                if prev.endswith("-"):
                    continue
                nxt = _GROUP_GAP.match(self.text[m.end():m.end() + 10]).end() + m.end()
                if any(x.start == nxt for x in self.actor_mentions):
                    continue
                before = [c for c in colls if c.start < m.start()]
                target = before[-1] if before else colls[0]
                self.add_actor_mention(m.start(), m.end(), target.entity)

    # ---- unknown organisations ----
    def _clean_org(self, name: str) -> str | None:
        words = name.split()
        while words and words[0].lower() in self.f.stop_names | {"the", "of", "and"}:
            words = words[1:]
        while words and words[-1].lower() in ("of", "and", "the", "al", "wa"):
            words = words[:-1]
        if not words:
            return None
        return " ".join(words)

    def unknown_orgs(self):
        f = self.f
        segments = self.segments
        m_head, m_named, m_prefix, m_militia = (self.mask("org_head"), self.mask("named"), self.mask("prefix"),
                                                self.mask("org_militia"))
        m_ordinal, m_branch = self.mask("ordinal"), self.mask("branch")
        # A name before a head ("the Fatemiyoun Brigade") whose head is in a mention made already overlaps that
        # mention and is dropped below: its window need not be searched. The mentions made so far, by start, with
        # the furthest end of those starting at or before each, tell whether a point is inside one.
        made = sorted(self.taken)
        made_starts = [a for a, _b in made]
        made_reach = list(accumulate((b for _a, b in made), max))

        def in_mention(pos: int) -> bool:
            i = bisect_right(made_starts, pos) - 1
            return i >= 0 and made_reach[i] > pos

        quoted = False
        for si in sorted(m_head | m_named | m_prefix | m_militia):
            s0, s1, heading = segments[si]
            found = []
            has_head = si in m_head and self.can_match("org_head", f.pre_org_head, s0, s1)
            # quoted names: 'a battalion named "Commander Nasrallah 406"'
            if si in m_named and self.can_match("named", f.pre_named_quote if self.plain_lower else f.pre_named, s0, s1):
                for m in f.named_unit_re.finditer(self.text, s0, s1):
                    found.append((m.start("name"), m.end("name"), m.group("name").strip(), m.group("head").lower(), 3))
            quoted = quoted or bool(found)
            if has_head:
                for m in (f.numbered_re.finditer(self.text, s0, s1) if si in m_ordinal else ()):
                    found.append((m.start("name"), m.end("name"), m.group("name"), "unit", 2))
                for m in (f.branch_re.finditer(self.text, s0, s1) if si in m_branch else ()):
                    found.append((m.start("name"), m.end("name"), m.group("name"), "unit", 2))
            if not heading:
                if si in m_prefix and self.can_match("prefix", f.pre_prefix, s0, s1):
                    for m in f.org_prefix_re.finditer(self.text, s0, s1):
                        found.append((m.start("name"), m.end("name"), m.group("name"), "militia", 1))
                if has_head:
                    # a quoted unit's name frees the spans of persons inside it (below): from then on, search them all
                    settled = in_mention if f.heads_unled and not quoted else None
                    for m in self.windowed("org_head", f.pre_org_head, f.org_head_re, s0, s1, settled=settled):
                        found.append((m.start("name"), m.end("head"), m.group("name") + " " + m.group("head"), m.group("head").lower(), 0))
                if si in m_militia and self.can_match("org_militia", f.pre_org_militia, s0, s1):
                    for m in self.windowed("org_militia", f.pre_org_militia, f.org_militia_re, s0, s1):
                        found.append((m.start("name"), m.end("name"), m.group("name"), "militia", 0))
            found.sort(key=lambda x: (-x[4], -(x[1] - x[0])))
            for start, end, name, head, prio in found:
                # trim leading stop words
                raw = self.text[start:end]
                lead = _LEAD.match(raw)
                if lead:
                    start += lead.end()
                    raw = self.text[start:end]
                if prio == 3:
                    # a quoted unit name wins over a person's name inside it ("Commander Nasrallah 406")
                    for x in [x for x in self.person_mentions if start <= x.start and x.end <= end]:
                        self.person_mentions.remove(x)
                        if (x.start, x.end) in self.taken:
                            self.taken.remove((x.start, x.end))
                if self.overlaps(start, end):
                    continue
                if prio < 3 and not self._org_name_ok(raw, head):
                    continue
                known = self.kb.actor(raw)
                if known is not None:
                    self.add_actor_mention(start, end, self.actor(known))
                    continue
                if self.kb.outlet(raw) is not None:
                    continue
                canonical = re.sub(r"\s+", " ", raw).strip(" ,.\"“”")
                kind = "unit" if prio >= 2 or head in ("battalion", "regiment", "branch", "division", "corps") else "militia"
                if prio == 3:
                    canonical_head = f"{canonical} {head.title()}" if head.lower() not in canonical.lower() else canonical
                    a = self.actor(canonical_head, kind="unit", known=False, parent=self._context_parent(start))
                    self.add_actor_mention(start, end, a)
                    continue
                a = self.actor(canonical, kind=kind, known=False, parent=self._context_parent(start))
                self.add_actor_mention(start, end, a)

    def _org_name_ok(self, raw: str, head: str) -> bool:
        words = _ORG_WORD.findall(raw)
        if not words:
            return False
        content = [w for w in words if w.lower() not in ("of", "the", "and", "al", "el", "for", "wa", "bin", "ibn")]
        heads = self.f.heads_lower
        name_words = [w for w in content if w.lower() not in heads]
        if not name_words:
            return False
        if all(w.lower() in self.f.stop_names or self.kb.demonyms.get(word_key(w)) for w in name_words):
            return False
        if name_words[0].lower() in self.f.stop_names and len(name_words) == 1:
            return False
        # a place name followed by a head ("Homs Governorate") is not ours; places known to the place finder
        if head.lower() in self.f.weak_heads:
            for p in self.doc.places:
                if p.text and raw.startswith(p.text) and _WORD_AFTER_OPT.fullmatch(raw, len(p.text)):
                    return False
        return True

    def _context_parent(self, start: int) -> str | None:
        """The owner named just before a unit: "the Syrian regime's 93rd Brigade"."""
        before = [m for m in self.actor_mentions if m.end <= start and start - m.end <= 4
                  and _POSS_GAP.fullmatch(self.text[m.end:start] + " ")]
        if before:
            return before[-1].entity.name
        return None

    # ---- acronyms ----
    def acronyms(self):
        new: dict[str, Actor | Outlet] = {}
        if "(" not in self.text:
            return          # an acronym is defined in parentheses
        for m in list(self.actor_mentions):
            am = self.f.acronym_re.match(self.text, m.end)
            if am:
                acr = am.group("acr")
                e = self.kb.actor(acr)
                if e is None or e.name != m.entity.name:
                    new[acr] = m.entity
        if not new:
            return
        text = self.text
        for acr, ent in new.items():
            if acr not in text:
                continue
            for s0, s1, _h in self.segments:
                for a, b in _literal_hits(text, acr, s0, s1, "-"):
                    if any(x.start == a and x.end == b for x in self.actor_mentions):
                        # a KB reading of the same letters: the text's own definition wins
                        for x in self.actor_mentions:
                            if x.start == a and x.end == b:
                                x.entity = ent
                        continue
                    if self.overlaps(a, b):
                        continue
                    self.add_actor_mention(a, b, ent)

    # ---- people ----
    def persons_pass(self):
        f = self.f
        found: list[tuple[int, int, str, str | None, str | None, int, int]] = []   # start, end, name, title, role, rs, re
        segments = self.segments
        m_title, m_roles = self.mask("title"), self.mask("roles")
        for si in sorted(m_title | m_roles):
            s0, s1, heading = segments[si]
            for m in (self.anchored("title", f.title_re, s0, s1) if si in m_title else ()):
                title, name = m.group("title"), m.group("name")
                name = self._trim_name(name)
                if not name:
                    continue
                n_words = len(_CAP_WORD.findall(name))
                if title.lower() in f.weak_ranks and n_words < 2 and title.lower() not in ("abu", "umm"):
                    continue
                if title.lower() in ("abu", "umm") and n_words < 2:
                    continue
                nstart = m.start("name")
                nend = nstart + len(name)
                found.append((m.start(), nend, name, title, None, m.start(), nend))
            if heading or si not in m_roles or not self.can_match("roles", f.pre_roles, s0, s1):
                continue
            for m in self.anchored("prefix_roles", f.role_prefix_re, s0, s1):
                name = self._trim_name(m.group("name"))
                if name and len(name.split()) >= 2:
                    found.append((m.start("name"), m.start("name") + len(name), name, None, m.group("role"), m.start(), m.end()))
            for m in (f.appos_after_re.finditer(self.text, s0, s1) if f.appos_comma_re.search(self.text, s0, s1) else ()):
                name = self._trim_name(m.group("name"))
                if name and len(name.split()) >= 2 and name == m.group("name"):
                    found.append((m.start("name"), m.end("name"), name, None, m.group("role"), m.start("role"), m.end("role")))
            for m in self.anchored("roles", f.appos_before_re, s0, s1):
                name = self._trim_name(m.group("name"))
                title = m.group("title")
                if not name:
                    continue
                if not title and len(name.split()) < 2:
                    continue
                start = m.start("title") if title else m.start("name")
                found.append((start, m.start("name") + len(name), name, title, m.group("role"), m.start("role"), m.end("role")))
        # "identified by the SDF as Abu Hafs al-Ansari", "named by relatives as Yasser Awad, 34, and his cousin Omar
        # Awad": a person introduced by the name someone gives them
        for s0, s1, heading in (segments if " as " in self.text else ()):
            if heading or (self.text.find("identified", s0, s1) < 0 and self.text.find("named", s0, s1) < 0):
                continue
            for m in f.named_as_re.finditer(self.text, s0, s1):
                for g in ("name", "name2"):
                    name = self._trim_name(m.group(g)) if m.group(g) else None
                    if name and len(name.split()) >= 2:
                        found.append((m.start(g), m.start(g) + len(name), name, None, None, m.start(g), m.start(g)))
        found.sort(key=lambda x: (-(x[1] - x[0]), x[0]))
        accepted = []
        for start, end, name, title, role, rs, re_ in found:
            if self.overlaps(start, end) or any(a < end and start < b for a, b, *_ in accepted):
                continue
            nstart = end - len(name)
            if not self._person_name_ok(name, nstart, end):
                continue
            accepted.append((start, end, name, title, role, rs, re_))
        trailing_role = self.f.trailing_role_re
        for start, end, name, title, role, rs, re_ in sorted(accepted):
            if role is None:
                tm = trailing_role.match(self.text, end)
                if tm:
                    role, rs, re_ = tm.group("role"), tm.start("role"), tm.end("role")
            canonical = name
            if title and title.lower() in self.f.honorifics:
                canonical = f"{title} {name}"
            kbp = self.kb.person(canonical) or self.kb.person(name)
            if kbp is not None:
                canonical = kbp.name
            p = self.persons.get(canonical)
            if p is None:
                p = Person(name=canonical, title=title if title and title.lower() not in self.f.honorifics else None,
                           role=self._clean_role(role), affiliation=kbp.affiliation if kbp else None)
                self.persons[canonical] = p
            if p.affiliation is None:
                p.affiliation = self._affiliation(start, end, rs, re_)
            self.person_mentions.append(Mention(start, end, self.text[start:end], p))
            self.taken.append((start, end))
        self._surnames()

    def _trim_name(self, name: str) -> str | None:
        words = name.split()
        # stop at words that are actors or outlets of the KB, or stop words
        out = []
        for w in words:
            if w.lower() in self.f.stop_names and w not in ("Abu", "Umm"):
                break
            out.append(w)
        while out and out[-1].lower() in ("al", "el", "bin", "ibn", "abu", "umm", "de", "van", "von", "ben"):
            out.pop()
        return " ".join(out) if out else None

    def _person_name_ok(self, name: str, start: int, end: int) -> bool:
        if self.kb.actor(name) is not None or self.kb.outlet(name) is not None:
            return False
        for p in self.doc.places:
            if p.start < end and start < p.end and not (p.start >= start and p.end <= end and p.end - p.start < end - start):
                return False
            if p.start <= start and end <= p.end:
                return False
        heads = self.f.heads_lower
        if any(w.lower() in heads for w in name.split()):
            return False
        return True

    def _clean_role(self, role: str | None) -> str | None:
        if not role:
            return None
        return re.sub(r"\s+", " ", role).strip(" ,.")[:120] or None

    def _affiliation(self, start: int, end: int, rs: int, re_: int) -> str | None:
        # an actor inside the role phrase
        lo, hi = min(start, rs), max(end, re_)
        inside = [m for m in self.actor_mentions if lo <= m.start and m.end <= hi]
        if inside:
            # "an Iranian adviser from the IRGC": the organisation after of/from/for outranks the demonym
            def rank(m):
                prep = _PREP_END.search(self.text[max(0, m.start - 12):m.start])
                return (0 if prep else 1, abs(m.start - end))
            inside.sort(key=rank)
            return inside[0].entity.name
        seg = self.seg_of(start)
        if not seg:
            return None
        same = [m for m in self.actor_mentions if seg[0] <= m.start and m.end <= seg[1]]
        if not same:
            return None
        before = [m for m in same if m.end <= start]
        if before:
            return before[-1].entity.name
        return min(same, key=lambda m: m.start - end).entity.name

    def _surnames(self):
        """Later mentions of a person by surname: "Al-Jabbawi explained", "Abdi"."""
        text = self.text
        for p in list(self.persons.values()):
            words = p.name.split()
            if len(words) < 2 or words[0].lower() in self.f.honorifics:
                continue
            last = words[-1]
            forms = {last}
            m = re.match(r"(?:al|el)-(.+)", last, re.I)
            if m:
                forms |= {m.group(1), "Al-" + m.group(1), "al-" + m.group(1)}
            for form in sorted(forms, key=lambda f: (-len(f), f)):     # longest first, and the same in every run
                if len(form) < 4 or not form[0].isupper() and not form.lower().startswith("al-"):
                    continue
                if form not in text:
                    continue
                for s0, s1, _h in self.segments:
                    for a, b in _literal_hits(text, form, s0, s1, "'’-"):
                        if self.overlaps(a, b) or any(x.start <= a < x.end for x in self.person_mentions):
                            continue
                        self.person_mentions.append(Mention(a, b, self.text[a:b], p))
                        self.taken.append((a, b))

    # ---- sources ----
    def sources_pass(self):
        f = self.f
        # actors quoted as the origin of a claim
        for m in list(self.actor_mentions):
            e = self.kb.actors.get(m.entity.name)
            if e is not None and e.kind == "collective":
                continue
            if isinstance(m.entity, Actor) and m.entity.kind == "collective":
                continue
            self._maybe_statement(m.start, m.end, m.entity.name)
        segments = self.segments
        m_kind = self.mask("outlet_kind")
        todo = m_kind | self.mask("according")     # body_source_re cannot match without "according"
        for si in (range(len(segments)) if "Source:" in self.text else sorted(todo)):
            s0, s1, heading = segments[si]
            if self.text.find("ccording", s0, s1) >= 0:
              # its matches begin with "according" in any case: where the lower-case text shows every one
              for m in (self.anchored("according", f.body_source_re, s0, s1) if self.plain_lower
                        else f.body_source_re.finditer(self.text, s0, s1)):
                name = re.sub(r"\s+", " ", m.group("name"))
                name = name[0].upper() + name[1:]
                o = self.outlets.get(name) or self.outlets.setdefault(name, Outlet(name=name, kind="statement"))
                self.add_source_mention(m.start("name"), m.end("name"), o)
                self.taken.append((m.start("name"), m.end("name")))
            for m in (f.source_line_re.finditer(self.text, s0, s1) if self.text.find("Source:", s0, s1) >= 0 else ()):
                a, b = m.start("name"), m.end("name")
                if any(x.start <= a < x.end for x in self.source_mentions):
                    continue
                name = self.text[a:b].strip()
                o = self.kb.outlet(name)
                self.add_source_mention(a, b, self.outlet(o.name) if o else self.outlet(name))
            if heading or si not in m_kind:
                continue
            for m in (*(self.anchored("outlet_after", f.outlet_appos_re, s0, s1) if self.text.find("to", s0, s1) >= 0
                        else ()), *self.anchored("outlet_after", f.outlet_appos_plain_re, s0, s1)):
                a, b = m.start("name"), m.end("name")
                inside = [x for x in self.source_mentions if x.start < b and a < x.end]
                if any(not (a <= x.start and x.end <= b and x.end - x.start < b - a) for x in inside):
                    continue
                for x in inside:        # "Difa'a al-Watan Deir ez-Zor": not the "Al-Watan" inside it
                    self.source_mentions.remove(x)
                o = self.kb.outlet(m.group("name"))
                kind = "telegram" if m.group("kind").lower().endswith("channel") else "website"
                self.add_source_mention(a, b, self.outlet(o.name) if o else self.outlet(m.group("name"), kind=kind))
                self.taken.append((a, b))
            for m in (*self.anchored("outlet_after", f.outlet_form_after_re, s0, s1),
                      *self.windowed("outlet_before", f.outlet_before_kind, f.outlet_form_before_re, s0, s1)):
                a, b = m.start("name"), m.end("name")
                raw = self.text[a:b].strip("\"“” ")
                lead = LOCATED_PREFIX.match(raw)
                if lead:
                    raw = raw[lead.end():]     # "the Qamishli-based Jazira Pulse website": the name is "Jazira Pulse"
                first = _PLAIN_WORD.match(raw)
                if first and first.end() < len(raw) and raw[first.end()] == " " and \
                        self.kb.demonyms.get(word_key(first.group())):
                    raw = raw[first.end():].lstrip()   # "the Iraqi Nahr Watch channel": the name is "Nahr Watch"
                a = self.text.index(raw, a)
                b = a + len(raw)
                if self.overlaps(a, b) or any(x.start < b and a < x.end for x in self.source_mentions):
                    continue
                clean = self._clean_org(raw)
                if not clean or clean != raw:
                    continue
                if self.kb.actor(raw) or any(p.start <= a and b <= p.end for p in self.doc.places):
                    continue
                if all(w.lower() in f.stop_names or self.kb.demonyms.get(word_key(w)) for w in _PLAIN_WORD.findall(raw)):
                    continue
                kind = m.group("kind").lower()
                kind = ("telegram" if "telegram" in kind else "newspaper" if kind in ("daily", "newspaper")
                        else "agency" if "agency" in kind else "tv" if kind in ("tv", "television") else "website")
                self.add_source_mention(a, b, self.outlet(raw, kind=kind))
                self.taken.append((a, b))
        self._repeat_named_outlets()
        # back-references: "the website", "the press agency", "the observatory"
        if self.source_mentions:
            for si in sorted(self.mask("anaphor")):
                s0, s1, heading = segments[si]
                for m in self._anaphors(s0, s1):
                    if self.overlaps(*m.span()):
                        continue
                    prev = [x for x in self.source_mentions if x.end <= m.start()]
                    if not prev:
                        continue
                    kind = m.group("kind").lower()
                    want = {"website": ("website",), "press agency": ("agency",), "news agency": ("agency",),
                            "agency": ("agency",), "observatory": ("monitor",), "monitor": ("monitor",),
                            "daily": ("newspaper",), "newspaper": ("newspaper",), "channel": ("telegram", "tv"),
                            "outlet": (), "network": ()}.get(re.sub(r"\s+", " ", kind), ())
                    pick = [x for x in prev if not want or x.entity.kind in want]
                    if not pick:
                        continue
                    # the nearest before it in the text (the passes add mentions out of text order)
                    self.add_source_mention(m.start(), m.end(), max(pick, key=_MENTION_END).entity)
        self.publisher_source()

    def _anaphors(self, s0: int, s1: int):
        """``anaphor_re.finditer(text, s0, s1)``, the pattern tried only where the lower-case text has "the": every
        match begins with "the" in some case, and in a plain lower-case text (``plain_lower``) that shows it."""
        rx = self.f.anaphor_re
        text = self.text
        if not self.plain_lower:
            return rx.finditer(text, s0, s1)
        found = []
        find = self.lower.find
        i = find("the", s0, s1)
        while i >= 0:
            m = rx.match(text, i, s1)
            if m is None:
                i = find("the", i + 1, s1)
            else:
                found.append(m)
                i = find("the", m.end(), s1)
        return found

    def _repeat_named_outlets(self):
        """An outlet the knowledge base does not know, once introduced by its kind ("the channel Nabd al-Badiya"), is
        the same outlet wherever its name stands again in the report ("Nabd al-Badiya reported on Tuesday")."""
        introduced = {}
        for x in self.source_mentions:
            name = x.entity.name
            if len(name) >= 4 and name == x.text and " " in name and self.kb.outlet(name) is None:
                introduced.setdefault(name, x.entity)
        for name, outlet in introduced.items():
            for s0, s1, _h in self.segments:
                for a, b in _literal_hits(self.text, name, s0, s1, "'’-"):
                    if any(x.start < b and a < x.end for x in self.source_mentions) or \
                            any(x.start < b and a < x.end for x in self.actor_mentions):
                        continue
                    self.add_source_mention(a, b, outlet)

    def publisher_source(self):
        """The publisher is a source of its own report where it reports first-hand: a news outlet in its own voice
        (Rudaw, SMART), not a digest that only relays other outlets (MEMRI, or a desk that says it "tracks, translates
        and analyzes" others' reporting). Its mention is where its name first appears (a dateline, "told Rudaw"), else
        a zero-width mention at the start of the text."""
        pub = (self.doc.meta.publisher or "").strip() if self.doc.meta else ""
        if not pub:
            return
        cache = self.f.publisher_res        # worked out once per publisher, not once per report
        got = cache.get(pub)
        if got is None:
            if len(cache) > 4096:
                cache.clear()
            got = cache[pub] = self._publisher_forms(pub)
        entry, name, rx, firsts = got
        if entry is not None and entry.digest:
            return
        if firsts is not None and self.plain_lower and not any(map(self.lower.__contains__, firsts)):
            found = []
        else:
            found = [m for m in rx.finditer(self.text) if _surface_caps(m.group())]
        if entry is None and self._describes_digest(found):
            return
        outlet = self.outlet(name, kind=entry.kind if entry is not None else "website")
        if any(x.entity is outlet for x in self.source_mentions):
            return
        if found:
            a, b = found[0].span()
            self.source_mentions.append(Mention(a, b, self.text[a:b], outlet))
        else:
            self.source_mentions.append(Mention(0, 0, name, outlet))

    def _publisher_forms(self, pub: str):
        """The publisher's KB entry, name, the pattern of the forms of its name and the first words of those forms
        in lower case (None unless all ASCII): a report with none of these words has no match."""
        entry = self.kb.outlet(pub) or self.kb.outlet(re.sub(r"\s*\(.*\)$", "", pub))
        name = entry.name if entry is not None else pub
        forms = {pub, name, *(entry.aliases if entry is not None else ())}
        forms = sorted((f for f in forms if len(f) > 2), key=len, reverse=True)
        pattern = r"(?<![\w-])(?:" + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms) + r")(?![\w-])"
        firsts = tuple({f.split(" ")[0].lower() for f in forms})
        return entry, name, re.compile(pattern, re.I), firsts if firsts and all(map(str.isascii, firsts)) else None

    def _describes_digest(self, found: list[re.Match]) -> bool:
        """Does the report describe its publisher as relaying others ("... tracks, translates and analyzes")?"""
        for m in found:
            seg = next(((s.start, s.end) for s in self.doc.sentences if s.start <= m.start() < s.end), None)
            around = self.text[seg[0]:seg[1]] if seg else self.text[m.start():m.end() + 200]
            if _DIGEST_SELF.search(around):
                return True
        return False
