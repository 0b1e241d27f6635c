"""Finds the places a report names, resolves them against the offline gazetteer, and reads their spatial phrase
and role.

One pass over the report: every word of the searched sentences is keyed (``sitrep.text.normalize``), and runs of
consecutive word keys are grown through the gazetteer's word-level automaton (its name keys and their prefixes), which
finds every known name whatever its transliteration.
Matches must start and end on word boundaries; the longest accepted one wins. Each match is

* filtered: a name inside an organisation's name ("Liwa' Al-Quds", "Deir Al-Zour Military Council", "Eye of the
  Euphrates") or a person's name is not a place, and neither are the names inside it; lower-case words are not
  names (but "eastern Syria", and names the gazetteer curates so: "border with Jordan"); a longer name refused for
  its form ("in Al-Sukhna" read as an "Ain Sukhna") leaves the shorter names inside it;
* resolved: candidates are ranked by the gazetteer prior (curated, population, region), the countries the report
  is about, and closeness to the other places it names;
* read in context: "east of X", "the outskirts of X", "the desert area of X", "eastern X governorate", "X's Y
  neighborhood", "the X military airfield" give the anchor, the relation and an honest precision (1 the place
  itself, 2 near or part of it, 3 a region);
* given a role from the preposition before it: from -> origin; through / via / along -> route;
  to / toward / into -> destination; in / at / near -> site.

A border's or a facility's name that holds two places or a country ("the Al-Bukamal-Al-Qa'im crossing", "the
Iraq-Syria border", "the border with Jordan") is also a mention of each of them. Places the gazetteer lacks are
found by pattern: "the south of the country", "the village of X", "the villages of X, Y and Z", "the villages al-X
and al-Y".

Speed: the scan, the word-boundary filter and the skeleton maps run in C-level loops; candidate lists, governorates,
country parts, the nearness of place pairs and the places inside compound names are memoised on the finder; a name
written the same way resolves once per report; the left-context patterns only run where the last word before the name
can start one of them (the nearness, direction and area ones only where a cheap search of the lower-cased text finds
a word they must hold); a role is read with two greedy matches (the clause's last break, its last preposition), and
the arrival pattern only runs where one of its words is there; the unknown-settlement pattern is only tried at its
head words.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from itertools import compress, count
from operator import attrgetter, itemgetter
from collections import Counter
from dataclasses import dataclass

from sitrep.extract.model import Doc, Mention, Place
from sitrep.kb.gazetteer import FOCUS_COUNTRIES, Candidate, Entry, Gazetteer
from sitrep.text.normalize import doc_words, fold, key, key_tokens, word_key

# ---- lexicons (general English and genre words, not tied to any report) ----------------------------------------

# A place name followed by one of these is part of an organisation's or a publication's name.
ORG_AFTER = {
    "council", "councils", "post", "brigade", "brigades", "battalion", "battalions", "regiment", "division",
    "front", "network", "news", "media", "agency", "tribe", "tribes", "clan", "army", "movement", "party",
    "channel", "tv", "radio", "website", "gathering", "foundation", "company", "group", "hawks", "lions",
    "operations", "operation", "forces", "force", "corps", "guards", "guard", "shield", "liberation", "revolutionary",
    "revolution", "eye", "voice", "today", "times", "observer", "observatory", "monitor", "24", "tribune", "press",
    "center", "centre", "institute", "university", "club", "committee", "authority", "administration", "command",
    "squad", "unit", "units", "militia", "militias", "resistance", "mujahideen", "fighters", "knights", "youth",
    "free", "international", "daily", "herald", "mail", "telegraph", "agreement", "accord", "accords", "process",
    "talks", "format", "declaration", "conference", "summit", "initiative",
}
# These before a place name start an organisation's name ("Liwa' Al-Quds", "Kata'ib Hizbullah", "Jaysh Al-...").
ORG_BEFORE = {"liwa", "kataib", "katibat", "saraya", "jaysh", "jaish", "harakat", "ansar", "firqat", "quwat", "fawj",
              "tajammu", "jabhat", "alwiyat", "asaib", "asa'ib", "hezb", "hizb", "majlis", "lajnat", "shabakat",
              "sons", "brigade", "brigades", "forces", "army", "lions", "hawks", "eye", "voice", "knights",
              "martyrs", "men", "free", "guardians", "islamic", "national", "revolutionary", "commander"}
# A capitalised head word before "of (the) X" that makes the whole an organisation ("Eye of the Euphrates").
ORG_HEAD_OF = {"eye", "voice", "sons", "lions", "hawks", "army", "brigade", "brigades", "men", "knights", "martyrs",
               "guardians", "people", "youth", "liberation", "front", "free", "council", "falcons", "heroes",
               "soldiers", "companions", "supporters", "battalion", "movement", "gathering", "revolutionaries",
               "commander", "governor", "mayor", "emir", "prince", "king", "sultan", "bank"}
PERSON_TITLES = {"general", "gen", "brigadier", "colonel", "col", "major", "maj", "captain", "capt", "lieutenant",
                 "lt", "sergeant", "hajj", "haji", "sheikh", "shaykh", "sheik", "sayyed", "sayyid", "mr", "mrs", "dr",
                 "commander", "emir", "imam", "mullah", "president", "minister", "ambassador", "abu", "umm", "bin",
                 "ibn", "bint", "mulla", "leader", "spokesman", "official", "named", "called"}
DEMONYMS_EXTRA = {"syrian", "iraqi", "lebanese", "jordanian", "israeli", "palestinian", "turkish", "iranian",
                  "russian", "american", "kurdish", "arab", "afghan", "pakistani", "saudi", "yemeni", "egyptian",
                  "shiite", "shi'ite", "sunni", "alawite", "druze", "turkmen", "emirati", "british", "french"}
# Capitalised words that begin sentences or titles and also happen to be names of small places somewhere.
COMMON_WORDS = {
    "the", "on", "in", "at", "of", "and", "or", "but", "for", "from", "with", "by", "to", "as", "an", "a", "this",
    "that", "these", "those", "it", "its", "he", "she", "they", "we", "his", "her", "their", "our", "after",
    "before", "during", "since", "while", "when", "where", "which", "who", "what", "also", "according", "among",
    "most", "some", "many", "several", "more", "such", "other", "others", "all", "both", "each", "one", "two",
    "three", "four", "five", "first", "second", "third", "new", "old", "read", "more", "full", "text", "post",
    "please", "login", "register", "click", "here", "source", "sources", "report", "reports", "reported", "said",
    "says", "noted", "added", "following", "meanwhile", "however", "moreover", "furthermore", "earlier", "later",
    "today", "yesterday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "mission", "support", "site", "base", "camp", "station", "center", "centre", "city", "town",
    "village", "area", "region", "district", "province", "governorate", "desert", "river", "valley", "mountain",
    "airport", "crossing", "border", "road", "highway", "bridge", "dam", "field", "oil", "gas", "military",
    "security", "police", "army", "forces", "force", "militia", "militias", "regime", "government", "state",
    "islamic", "shi'ite", "shiite", "sunni", "allah", "god", "prophet", "imam", "hajj", "sheikh", "general",
    "lab", "cyber", "jihad", "terrorism", "threat", "monitor", "special", "dispatch", "memri", "jttm", "video",
    "photo", "map", "image", "telegram", "website", "channel", "news", "agency", "press", "media", "sign",
    "like", "back", "top", "home", "about", "contact", "english", "arabic", "turkish", "persian", "kurdish",
    "hezbollah", "hizbullah", "hamas", "quds", "irgc", "sdf", "isis", "daesh", "us", "u", "s", "un", "nato",
    "iran-backed", "pro", "anti", "north", "south", "east", "west", "central", "upper", "lower", "great",
    "grand", "holy", "saint", "martyr", "martyrs", "victory", "freedom", "unity", "peace", "hope", "green",
    "red", "white", "black", "blue", "golden", "liberty", "independence", "union", "young", "mount", "lake",
    "sea", "bay", "port", "fort", "lion", "lions", "eagle", "star", "sun", "moon", "dawn", "light", "fire",
    "wind", "rain", "snow", "stone", "rock", "hill", "hills", "spring", "springs", "well", "wells", "garden",
    "gardens", "park", "mall", "tower", "towers", "gate", "gates", "palace", "castle", "church", "mosque",
    "school", "hospital", "market", "square", "street", "avenue", "lane", "way", "path", "line", "point",
    "iraqi", "syrian", "russian", "iranian", "american", "israeli", "lebanese", "afghan", "palestinian",
    "global", "coalition", "democratic", "revolutionary", "guard", "corps", "fifth", "legion", "fourth",
    "brigadier", "colonel", "commander", "website", "sources", "exclusive", "local", "bashar", "assad",
    "ali", "hassan", "hussein", "husayn", "hasan", "mohammed", "muhammad", "ahmad", "ahmed", "omar", "umar",
    "abbas", "mahdi", "zaynab", "fatima", "khamenei", "soleimani", "nasrallah", "hashem", "hashim", "jafar",
    "kamal", "karim", "salim", "khalil", "ibrahim", "yusuf", "musa", "isa", "issa", "mustafa", "mahmoud",
    "abdullah", "nour", "noor", "amal", "salam", "jamal", "farah", "rashid", "saleh", "salih", "hamid",
}
# Capitalised words that may stand beside a place name without making it a person's or an organisation's name.
PLACE_WORDS = {
    "governorate", "governorates", "province", "provinces", "countryside", "airport", "air", "base", "airbase",
    "region", "city", "desert", "crossing", "border", "river", "valley", "dam", "camp", "area", "district",
    "neighborhood", "neighbourhood", "town", "village", "oil", "gas", "field", "military", "international",
    "northern", "southern", "eastern", "western", "north", "south", "east", "west", "central", "upper", "lower",
    "old", "new", "greater", "rural", "plains", "mountains", "mountain", "heights", "strip", "bank", "coast",
    "sea", "gulf", "lake", "island", "islands", "port", "station", "bridge", "prison", "shrine", "square",
    "in", "of", "and", "to", "from", "at", "near", "via", "the", "a", "on", "into", "through", "toward", "towards",
}
GIVEN_NAMES = {"ahmed", "ahmad", "mohammed", "muhammad", "mohammad", "ali", "hassan", "hasan", "hussein", "husayn",
               "omar", "umar", "khalid", "khaled", "abdullah", "abdul", "abd", "mahmoud", "mustafa", "ibrahim",
               "youssef", "yusuf", "jamil", "salim", "said", "saeed", "majid", "maher", "bashar", "hafez", "rami",
               "qassem", "qasem", "ismail", "hashem", "hashim", "jafar", "abbas", "mazloum", "mazlum", "ilham",
               "fawzi", "nouri", "haider", "hadi", "akram", "qais", "falih", "faleh", "abu", "umm", "hajj", "sheikh"}
DIRECTIONS = {
    "north": "north", "south": "south", "east": "east", "west": "west", "northeast": "northeast",
    "northwest": "northwest", "southeast": "southeast", "southwest": "southwest", "north-east": "northeast",
    "north-west": "northwest", "south-east": "southeast", "south-west": "southwest",
}
DIRECTION_ADJ = {
    "northern": "north", "southern": "south", "eastern": "east", "western": "west", "northeastern": "northeast",
    "northwestern": "northwest", "southeastern": "southeast", "southwestern": "southwest",
    "north-eastern": "northeast", "north-western": "northwest", "south-eastern": "southeast",
    "south-western": "southwest", "central": "central", "east": "east", "west": "west", "north": "north",
    "south": "south", "northeast": "northeast", "northwest": "northwest", "southeast": "southeast",
    "southwest": "southwest",
}
# Phrases before "of X" that say where relative to X, with the precision they earn.
AREA_OF = {
    "outskirts": ("outskirts", 2), "suburbs": ("suburbs", 2), "countryside": ("countryside", 3),
    "rural areas": ("countryside", 3), "rural area": ("countryside", 3), "desert": ("desert area", 3),
    "desert area": ("desert area", 3), "desert areas": ("desert area", 3), "badia": ("desert area", 3),
    "vicinity": ("near", 2), "environs": ("near", 2), "surroundings": ("near", 2), "area": ("area", 2),
    "areas": ("area", 2), "region": ("area", 3), "periphery": ("outskirts", 2), "edge": ("outskirts", 2),
    "outskirt": ("outskirts", 2), "entrance": ("near", 2), "province": ("in", 3), "governorate": ("in", 3),
    "center": ("in", 1), "centre": ("in", 1), "heart": ("in", 1), "city": ("in", 1), "town": ("in", 1),
    "village": ("in", 1), "villages": ("near", 2), "towns": ("near", 2), "district": ("in", 2),
    "part": ("part of", 2), "parts": ("part of", 2), "side": ("part of", 2), "banks": ("near", 2),
    "bank": ("near", 2), "road": ("near", 2), "highway": ("near", 2), "countryside areas": ("countryside", 3),
}
NEAR_WORDS = ("near", "close to", "around", "outside", "nearby", "adjacent to", "next to", "not far from",
              "in the vicinity of", "on the outskirts of", "on the road to")
# A word after the name that makes the mention a part of the place or the country around it.
AFTER_AREA = {"countryside": ("countryside", 3), "desert": ("desert area", 3), "badia": ("desert area", 3),
              "outskirts": ("outskirts", 2), "suburbs": ("suburbs", 2), "area": ("area", 2),
              "region": ("area", 3), "environs": ("near", 2), "plains": ("area", 3)}
FACILITY_NOUNS = [
    ("military airport", "military airport"), ("military airfield", "military airfield"), ("air base", "air base"),
    ("airbase", "air base"), ("airfield", "airfield"), ("airport", "airport"), ("border crossing", "border crossing"),
    ("crossing", "crossing"), ("oil field", "oil field"), ("oilfield", "oil field"), ("oil fields", "oil field"),
    ("gas field", "gas field"), ("gas fields", "gas field"), ("dam", "dam"), ("camp", "camp"), ("base", "base"),
    ("military base", "military base"), ("prison", "prison"), ("bridge", "bridge"), ("station", "station"),
    ("checkpoint", "checkpoint"), ("garrison", "garrison"), ("port", "port"), ("refinery", "refinery"),
    ("military compound", "military compound"), ("security compound", "security compound"),
    ("headquarters", "headquarters"), ("barracks", "barracks"), ("power plant", "power plant"),
    ("power station", "power station"), ("hospital", "hospital"), ("stadium", "stadium"),
]
FACILITY_ADJ = {"agricultural", "military", "international", "civil", "civilian", "old", "new", "main", "official",
                "unofficial", "illegal", "commercial", "local", "nearby", "russian", "iranian", "american", "us"}
DISTRICT_NOUNS = ("neighborhood", "neighbourhood", "quarter", "district", "suburb")
ROLE_PREPS = {
    "from": "origin", "out of": "origin", "departing": "origin", "leaving": "origin",
    "through": "route", "via": "route", "along": "route", "across": "route", "by way of": "route",
    "passing": "route", "crossing": "route", "over": "route",
    "to": "destination", "toward": "destination", "towards": "destination", "into": "destination",
    "reaching": "destination", "reached": "destination", "entered": "destination", "entering": "destination",
    "in": "site", "at": "site", "near": "site", "inside": "site", "outside": "site", "within": "site",
    "on": "site", "around": "site", "of": None,
}

# The prepositions a role is read from, longest first (an alternation takes the first of them that matches).
_PREPS = ("from", "out of", "through", "via", "along", "across", "by way of", "toward", "towards", "into", "to", "in",
          "at", "near", "inside", "outside", "within", "on", "around", "reaching", "reached", "entered", "entering",
          "crossing", "passing")
_PREP_ROLE = {p: ROLE_PREPS.get(p) or "site" for p in _PREPS if " " not in p}
# Greedy: the last preposition, and the end of the last clause break, of a stretch (no preposition begins inside
# another, so the last one found from the end is the last one a scan from the start finds).
_TO_LAST_PREP = re.compile(
    r".*\b(" + "|".join(sorted(_PREPS, key=len, reverse=True)).replace(" ", r"\s+") + r")\b", re.S)
_TO_LAST_BREAK = re.compile(r".*[.;:!?()\[\]\"“”,]", re.S)

_ARRIVE = re.compile(r"\b(?:arriv\w*|return\w*|head\w*|sent|dispatched|deployed|transferred|moved|brought|"
                     r"redeployed|transported|relocated|left for|bound)\b[^.;]{0,40}$", re.I)
# A word of each of _ARRIVE's alternatives, lower case: on ASCII text, a cheap search that rules most clauses out.
_ARRIVE_HINT = re.compile("arriv|return|head|sent|dispatched|deployed|transferred|moved|brought|transported|relocated|"
                          "left for|bound")

# ---- precompiled patterns -----------------------------------------------------------------------------------------
_ARTICLE_WORDS = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ath", "adh"})
_ARTICLES_SHORT = frozenset({"al", "el", "an", "as", "ad", "ar", "at", "az", "ash"})
_MARKS = "'’‘ʿʾ`"
_NAME_JOIN = re.compile(r"(?:['’]s)?[\s\-‐'’‘ʿʾ`]*")          # what may stand between the words of a name
_ACTOR_TAIL = re.compile(r"[-‐–]\s?[a-z]")                    # "Iran-backed", "Russia-led"
_POSSESSIVE_TAIL = re.compile(r"['’]s\b")
_TAIL_MARKS = frozenset("-‐–'’")                           # what either tail starts with
_STOP_NEXT = re.compile(r"[.;:!?()\[\]\"“”]")
_STOP_PREV = re.compile(r"[.;:!?()\[\]\"“”,]")
_SENTENCE_END = re.compile(r"[.!?:;\"“]\s*$")
_FACILITY_AFTER = re.compile(r"(?:['’]s)?\s+((?:[a-z]+\s+){0,1}?)(" + "|".join(
    re.escape(n) for n, _ in sorted(FACILITY_NOUNS, key=lambda x: -len(x[0]))) + r")\b")
_FACILITY_NAME = dict(FACILITY_NOUNS)
_OF_IN_AT = re.compile(r"\s*(?:of|in|at)\b")
_DISTRICT_AFTER = re.compile(r"(?:['’]s)\s+((?:[A-Z][\w'’-]*\s+){1,3})(" + "|".join(DISTRICT_NOUNS) + r")\b")
_AREA_AFTER = re.compile(r"\s+(governorates?|province|countryside|region|desert|badia|outskirts|suburbs|area|plains)\b",
                         re.I)
_DIRECTION_OF = re.compile(
    r"\b(north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+of\s+"
    r"(?:the\s+)?(?:(?:city|town|village|area|province|governorate)\s+of\s+)?(?:the\s+)?$", re.I)
_AREA_OF = re.compile(
    r"\b(?:the\s+)?((?:(?:northern|southern|eastern|western|north-?eastern|north-?western|"
    r"south-?eastern|south-?western)\s+)?(?:outskirts|suburbs|countryside|rural areas?|"
    r"desert(?: areas?)?|badia|vicinity|environs|surroundings|areas?|region|periphery|edge|"
    r"entrance|parts?|side|banks?|center|centre|heart|villages|towns))\s+of\s+"
    r"(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?(?:the\s+)?$", re.I)
# What _DIRECTION_OF and _AREA_OF each must hold, lower case (every alternative of theirs ends so): on ASCII text, where
# a caseless match is a match of the lower-cased text, a cheap search that rules most names out.
_DIRECTION_OF_HINT = re.compile(r"(?:north|south|east|west)(?:ern)?\s+of\s")
_AREA_OF_HINT = re.compile(r"(?:outskirts|suburbs|countryside|areas?|desert|badia|vicinity|environs|surroundings|"
                           r"region|periphery|edge|entrance|parts?|side|banks?|center|centre|heart|villages|towns)"
                           r"\s+of\s")
_ADJ_BEFORE = re.compile(r"\b(northern|southern|eastern|western|northeastern|northwestern|southeastern|"
                         r"southwestern|north-eastern|north-western|south-eastern|south-western|central|"
                         r"rural)\s+(?:the\s+)?$", re.I)
_NEAR_BEFORE = re.compile(r"\b(?:" + "|".join(NEAR_WORDS) + r")\s+(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?"
                          r"(?:the\s+)?$", re.I)
# The last word before a name must be one of these for any of the four patterns above to match.
_BEFORE_TRIGGERS = frozenset({"of", "northern", "southern", "eastern", "western", "northeastern", "northwestern",
                              "southeastern", "southwestern", "central", "rural", "near", "to", "around", "outside",
                              "nearby", "from"})
_ADJ_TRIGGERS = frozenset({"northern", "southern", "eastern", "western", "northeastern", "northwestern",
                           "southeastern", "southwestern", "central", "rural"})
_NEAR_HINTS = ("near", "close", "around", "outside", "adjacent", "next", "far", "vicinity", "outskirts", "road")
_NEAR_HINT = re.compile("|".join(_NEAR_HINTS))
_LAST_WORD = re.compile(r"(\w+)$")
_PART_OF_COUNTRY = re.compile(r"\b(?:the\s+)?(north|south|east|west|north-?east|north-?west|south-?east|south-?west|"
                              r"centre|center)\s+of\s+the\s+country\b")
# A settlement's name as unknown places are written: "Kabir", "al-Kabir", "Tell al-Kabir", "Al-Kabir Al-Saghir".
_SETTLEMENT_NAME = re.compile(r"(?:(?:[Aa]l|[Ee]l|[Aa][dnrstz]|[Aa]sh)[-\s])?[A-Z][\w'’]+(?:[-\s](?:[Aa]l[-\s])?[A-Z]"
                              r"[\w'’]+){0,2}")
_NAME_LIST = (rf"{_SETTLEMENT_NAME.pattern}(?:(?:\s*,\s*{_SETTLEMENT_NAME.pattern})*\s*,?\s+and\s+"
              rf"{_SETTLEMENT_NAME.pattern})?")
# "the village of X", "the villages of X, Y and Z", "the villages X and Y" ("of" may be left out after a plural).
_SETTLEMENTS = re.compile(
    r"\b(town|village|city|hamlet|neighbou?rhood|district|area|region|desert|camp|towns|villages|cities|hamlets|"
    r"neighbou?rhoods|districts)\s+(of\s+)?(" + _NAME_LIST + r")")
_PLURAL_HEADS = frozenset({"towns", "villages", "cities", "hamlets", "neighborhoods", "neighbourhoods", "districts"})
# The words _SETTLEMENTS starts with: the pattern is only tried where one of them stands, as a word of the shared word
# list or after an apostrophe inside one (where the list does not split).
_SETTLEMENT_HEADS = frozenset({"town", "village", "city", "hamlet", "neighborhood", "neighbourhood", "district", "area",
                               "region", "desert", "camp", *_PLURAL_HEADS})
_MARKED_HEAD = re.compile(r"['’‘`´′](?=town|village|cit|hamlet|neighbo|district|area|region|desert|camp)")
_ARTICLE_LED = re.compile(r"(?:[Aa]l|[Ee]l|[Aa][dnrstz]|[Aa]sh)[-\s]")
_KM_PER_DEG = 6371.0 * math.pi / 180.0
# Words of a region's name that make it a compound of other places' names (a border between them).
_COMPOUND_HEADS = frozenset({"border", "borders", "frontier", "crossing", "crossings", "boundary"})
_FIRST = itemgetter(0)
_KEY = itemgetter(2)
_T0 = attrgetter("t0")
_WS = re.compile(r"\s+")


@dataclass(slots=True)
class _Match:
    t0: int          # first token index
    t1: int          # last token index (inclusive)
    start: int       # char offsets in doc.text
    end: int
    key: str
    fkey: str        # fold(surface): with key, what the candidates and their resolution depend on
    cands: list[Candidate]
    surface: str
    best: Candidate | None = None


_BLOCK = object()     # _accept's answer for a name inside an organisation's or a person's name


class _Scan:
    """One report as the finder sees it: its text, its keyed tokens (a "|" token ends each range)."""
    __slots__ = ("text", "dw", "toks", "range_starts", "_title")

    def __init__(self, text: str, ranges: list[tuple[int, int]], cache: dict | None = None):
        self.text = text
        dw = self.dw = doc_words(text, cache)       # the report's words, split and keyed once for all stages
        keyed = dw.keyed()
        toks: list[tuple[int, int, str]] = []
        starts = []
        for r0, r1 in ranges:
            starts.append(len(toks))
            ij = dw.span(r0, r1)             # as ``range_tokens``, without a call per range
            toks.extend(keyed[ij[0]:ij[1]] if ij is not None else key_tokens(text, r0, r1))
            toks.append((r1, r1, "|"))       # a sentence break no name spans
        self.toks = toks
        self.range_starts = starts
        self._title: dict[int, bool] = {}

    def word(self, i: int) -> str:
        s, e, _k = self.toks[i]
        return self.text[s:e]

    def is_title(self, t: int) -> bool:
        """Is token t on a title-case line (a headline), where capitals say nothing about proper names?"""
        r = bisect_right(self.range_starts, t) - 1
        v = self._title.get(r)
        if v is None:
            a = self.range_starts[r]
            b = self.range_starts[r + 1] - 1 if r + 1 < len(self.range_starts) else len(self.toks) - 1
            firsts = "".join(map(self.text.__getitem__, map(_FIRST, self.toks[a:b])))   # each word's first char
            letters = list(filter(str.isalpha, firsts))
            n, up = len(letters), sum(map(str.isupper, letters))
            v = self._title[r] = n >= 4 and up / n >= 0.75
        return v


def _km(a: Entry, b: Entry) -> float:
    if a.lat is None or b.lat is None:
        return 1e9
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def _nearness(e: Entry, a: Entry) -> float:
    """1 if a lies within 60 km of e, 0.5 within 200 km, else 0 (and 0 for e itself or a place with no position)."""
    if a is e or a.lat is None or abs(a.lat - e.lat) * _KM_PER_DEG > 200.5:
        return 0.0    # the north-south distance alone rules it out
    d = _km(e, a)
    return 1.0 if d < 60 else 0.5 if d < 200 else 0.0


def _word_after(text: str, toks: list, i: int, end: int) -> str | None:
    """Token i folded, where it follows on from ``end`` within the sentence (no stop mark between)."""
    if i >= len(toks):
        return None
    s, e, k = toks[i]
    if k == "|" or (s > end + 1 or text[end] != " ") and _STOP_NEXT.search(text, end, s):
        return None
    return fold(text[s:e])


def _word_before(text: str, toks: list, i: int, begin: int) -> str | None:
    """Token i folded, where it leads on to ``begin`` within the sentence (no stop mark between)."""
    if i < 0:
        return None
    s, e, k = toks[i]
    if k == "|" or (begin > e + 1 or text[e] != " ") and _STOP_PREV.search(text, e, begin):
        return None
    return fold(text[s:e])


def _proper_word(word: str) -> bool:
    """Is the word capitalised, and not a place word or a common word?"""
    w = word.lstrip(_MARKS)
    if not w[:1].isupper():
        return False
    fw = fold(w)
    return fw not in PLACE_WORDS and fw not in COMMON_WORDS


def _capitalised(text: str, toks: list, i: int) -> bool:
    if i < 0:
        return False
    s, e, _k = toks[i]
    return text[s:e].lstrip(_MARKS)[:1].isupper()


class PlaceFinder:
    """Pipeline stage: fills ``doc.places`` with one Mention per place mention in the body, in text order."""

    _CACHE_MAX = 50000

    def __init__(self, gazetteer: Gazetteer | None = None):
        self.gaz = gazetteer or Gazetteer.load()
        self._keys, self._prefixes = self.gaz.key_sets()
        self._demonym_keys = {word_key(d) for d in list(self.gaz.demonyms) + list(DEMONYMS_EXTRA)}
        self._common_keys = {word_key(w) for w in COMMON_WORDS}
        # pure functions of the gazetteer, memoised
        self._cands: dict[tuple[str, str], tuple[list[Candidate], Candidate]] = {}
        self._fnames: dict[int, frozenset[str]] = {}
        self._gov: dict[int, Entry | None] = {}
        self._parts: dict[tuple[str, str], Entry | None] = {}
        self._inner: dict[tuple[str, str, int], Candidate | None] = {}
        self._nearness: dict[int, dict[int, float]] = {}     # id(e) -> id(a) -> _nearness(e, a)

    # ---- the stage -----------------------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        doc.places = self.find(doc.text, self._ranges(doc), doc.cache)
        return doc

    @staticmethod
    def _ranges(doc: Doc) -> list[tuple[int, int]]:
        if doc.sentences:
            return [(s.start, s.end) for s in doc.sentences if not s.boilerplate]
        return list(doc.body) if doc.body else [(0, len(doc.text))]

    def find(self, text: str, ranges: list[tuple[int, int]] | None = None, cache: dict | None = None) \
            -> list[Mention]:
        """Place mentions in text[ranges], in text order. ``cache``: the report's ``Doc.cache``, where its word list
        is kept for the other stages."""
        if ranges is None:
            ranges = [(0, len(text))]
        sc = _Scan(text, ranges, cache)
        hits = self._hits(sc)
        matches = self._select(sc, hits)
        self._resolve(matches)
        return self._mentions(sc, matches, hits, ranges)

    # ---- scanning ------------------------------------------------------------------------------------------------
    def _hits(self, sc: _Scan) -> list[tuple[int, int, str]]:
        """(first token, last token, key) of every gazetteer name that starts and ends on word boundaries.

        A name's skeleton is the concatenated keys of its words (articles key to ""), so the runs of consecutive
        keyed tokens are grown one token at a time, all runs of one length at once (C-level maps): a run is a hit
        where its skeleton is a gazetteer key, and grows on only while that skeleton begins a longer key."""
        keys = list(map(_KEY, sc.toks))
        nz = list(compress(count(), keys))             # tokens with a key; an article's "" joins its neighbours
        ks = list(compress(keys, keys))
        index, prefixes = self._keys, self._prefixes
        hits = []
        pos, cur = range(len(ks)), ks
        ks.append("|")                                 # past the last token: no key goes on
        step = 0
        while True:
            for p, k in compress(zip(pos, cur), map(index.__contains__, cur)):
                hits.append((nz[p], nz[p + step], k))
            grow = list(map(prefixes.__contains__, cur))
            pos = list(compress(pos, grow))
            if not pos:
                return hits
            step += 1
            cur = list(map(str.__add__, compress(cur, grow), map(ks.__getitem__, map(step.__add__, pos))))

    def _select(self, sc: _Scan, hits) -> list[_Match]:
        """The accepted matches, none overlapping: the longest (in characters) first, then the leftmost. A longer
        name refused for its own form ("in Al-Sukhna" read as "Ain Sukhna") leaves its words to the shorter names
        inside it; one refused for its context ("the Sayyidah Zaynab Regiment") takes them along."""
        toks = sc.toks
        hits.sort(key=lambda m: (toks[m[0]][0] - toks[m[1]][1], m[0]))    # in place: _inner_places reads this order
        taken = set()
        chosen = []
        for t0, t1, k in hits:
            if t0 in taken or t1 in taken or (t1 - t0 > 1 and not taken.isdisjoint(range(t0 + 1, t1))):
                continue
            m = self._accept(sc, t0, t1, k)
            if m is not None:
                taken.update(range(t0, t1 + 1))
                if m is not _BLOCK:
                    chosen.append(m)
        chosen.sort(key=_T0)
        return chosen

    def _candidates(self, k: str, f: str) -> tuple[list[Candidate], Candidate]:
        """The gazetteer's candidates for a key written as f, and the best of them by prior alone."""
        v = self._cands.get((k, f))
        if v is None:
            if len(self._cands) > self._CACHE_MAX:
                self._cands.clear()
            cands = self.gaz.raw_candidates(k, f)
            best = max(cands, key=lambda c: (c.score + (0.5 if c.exact else 0.0))) if cands else None
            v = self._cands[(k, f)] = (cands, best)
        return v

    def _folded_names(self, e: Entry) -> frozenset[str]:
        v = self._fnames.get(id(e))
        if v is None:
            v = self._fnames[id(e)] = frozenset(fold(n) for n in (e.name, *e.names))
        return v

    # ---- filtering -----------------------------------------------------------------------------------------------
    def _accept(self, sc: _Scan, t0, t1, k) -> _Match | None:
        """The match, None where the span is not a name as written, _BLOCK where it is part of an organisation's or
        a person's name (and so are the names inside it)."""
        text, toks = sc.text, sc.toks
        s, e = toks[t0][0], toks[t1][1]
        first = text[s:toks[t0][1]].lstrip(_MARKS)
        c0 = first[:1]
        lower = not (c0.isupper() or c0.isdigit())
        if lower and not (c0.islower() and (fold(first) in DIRECTION_ADJ or t1 > t0)):
            return None
        one = t0 == t1
        if one and k in self._demonym_keys:
            return None
        # the words of a name are joined by spaces, hyphens or apostrophes only ("S. in" is not "Si'in")
        for i in range(t0, t1):
            if not _NAME_JOIN.fullmatch(text, toks[i][1], toks[i + 1][0]):
                return None
        # include an article written before the name ("Al-Bukamal", "al-Hol")
        if t0 > 0 and not toks[t0 - 1][2]:
            ps, pe = toks[t0 - 1][0], toks[t0 - 1][1]
            word = text[ps:pe]
            gap = text[pe:s]
            if gap in ("-", " ", "‐") and (word[:1].isupper() or gap == "-") and fold(word) in _ARTICLE_WORDS:
                s = ps
        surface = text[s:e]
        f = fold(surface)
        cands, best = self._candidates(k, f)
        if not cands:
            return None
        if lower and not (fold(first) in DIRECTION_ADJ and any(c.entry.kind == "region" for c in cands)) and not (
                any(text[toks[i][0]:toks[i][0] + 1].isupper() for i in range(t0 + 1, t1 + 1))
                and any(c.exact and c.entry.kind in ("region", "facility") for c in cands)):
            return None       # lower case: "eastern Syria", or a name curated so ("border with Jordan")
        # single common words and one-word names that are only small places are not trusted
        if one and k in self._common_keys and not any(
                c.entry.source in ("curated", "country") and f in self._folded_names(c.entry) for c in cands):
            return None
        # short one-word names ("Hit", "Ana") only where the gazetteer curates them under that very spelling
        if one and len(k) <= 3 and not any(c.exact and c.entry.source in ("curated", "country") for c in cands):
            return None
        # "Iran's IRGC", "Iran-backed", "Russia-led": a country used as an actor or an adjective
        if text[e:e + 1] in _TAIL_MARKS and (_ACTOR_TAIL.match(text, e, e + 12) or (
                _POSSESSIVE_TAIL.match(text, e, e + 12) and all(c.entry.kind == "country" for c in cands))):
            return _BLOCK
        # organisation names
        after = _word_after(text, toks, t1 + 1, e)
        if after is not None and (after in ORG_AFTER or after == "military" and _word_after(
                text, toks, t1 + 2, toks[t1 + 1][1]) in ("council", "councils", "police")):
            return _BLOCK
        before = _word_before(text, toks, t0 - 1, toks[t0][0])
        if before is not None:
            if before == "of" or before == "the":
                word = _word_before(text, toks, t0 - 2, toks[t0 - 1][0])
                head = word if before == "of" else \
                    _word_before(text, toks, t0 - 3, toks[t0 - 2][0]) if word == "of" else None
                if head in ORG_HEAD_OF and _capitalised(text, toks, t0 - (2 if before == "of" else 3)):
                    return _BLOCK
            elif (before in ORG_BEFORE or before in PERSON_TITLES) and _capitalised(text, toks, t0 - 1):
                return _BLOCK
        # a name inside a longer run of capitalised words is part of a person's or an organisation's name
        if self._in_proper_name(sc, t0, t1) and not any(c.entry.kind == "country" for c in cands):
            return _BLOCK
        return _Match(t0, t1, s, e, k, f, cands, surface, best)

    def _in_proper_name(self, sc: _Scan, t0, t1) -> bool:
        """Is the span flanked by a capitalised word that is not a place word (a person's or outlet's name)?"""
        text, toks = sc.text, sc.toks
        p = t0 - 1
        while p >= 0 and toks[p][2] == "" and fold(text[toks[p][0]:toks[p][1]]) in _ARTICLES_SHORT:
            p -= 1
        if p >= 0 and toks[p][2] != "|" and fold(text[toks[p][0]:toks[p][1]]) in GIVEN_NAMES:
            return True
        nxt = toks[t1 + 1]
        if nxt[2] != "|" and text[toks[t1][1]:nxt[0]] in (" ", "-") and _proper_word(text[nxt[0]:nxt[1]]):
            return not sc.is_title(t0)      # a title-case line (a headline) says nothing about proper names
        i = t0 - 1
        while i >= 0 and toks[i][2] == "" and text[toks[i][0]:toks[i][1]].lower() in _ARTICLES_SHORT:
            i -= 1
        if i >= 0 and toks[i][2] != "|" and text[toks[i][1]:toks[i + 1][0]] in (" ", "-") \
                and _proper_word(text[toks[i][0]:toks[i][1]]):
            # not when that word starts the sentence
            j = i - 1
            if j < 0 or toks[j][2] == "|" or _SENTENCE_END.search(text, toks[j][1], toks[i][0]):
                return False
            return not sc.is_title(t0)
        return False

    # ---- resolution ----------------------------------------------------------------------------------------------
    def _resolve(self, matches: list[_Match]):
        if not matches:
            return
        # each match starts with its provisional choice by prior (``_accept``)
        countries = Counter()
        for m in matches:
            b = m.best.entry
            if b.country:
                countries[b.country] += 2 if b.source in ("country", "curated", "admin1") else 1
        top = {cc for cc, _ in countries.most_common(3)}
        anchors = {id(m.best.entry): m.best.entry for m in matches
                   if len(m.cands) == 1 or m.best.entry.source == "curated"}
        if len(self._nearness) > self._CACHE_MAX:
            self._nearness.clear()
        chosen: dict[tuple[str, str], Candidate] = {}    # the same name written the same way resolves the same way
        near: dict[int, float] = {}                        # entry -> nearness bonus in this report
        for m in matches:
            if len(m.cands) == 1:
                continue
            best = chosen.get((m.key, m.fkey))
            if best is None:
                best = chosen[(m.key, m.fkey)] = self._choose(m.cands, top, anchors, near)
            m.best = best
        # weak matches: small places outside the field, or bare governorate names, need support
        keep = []
        for m in matches:
            e = m.best.entry
            if e.country not in FOCUS_COUNTRIES and e.kind != "country" and not m.best.exact:
                continue
            if e.source in ("geonames", "user") and e.country not in FOCUS_COUNTRIES:
                # a town outside the field: only its own name, written as such, and only a large one
                if e.population < 100000 and e.country not in top:
                    continue
                if m.best.bare_admin or not m.best.exact or m.fkey not in (fold(e.name), fold(e.names[0]
                                                                                          if e.names else e.name)):
                    continue
            keep.append(m)
        matches[:] = keep

    def _choose(self, cands: list[Candidate], top: set[str], anchors: dict[int, Entry], near: dict | None = None) \
            -> Candidate:
        """The candidate with the best prior + the report's countries + nearness to its other places; the first
        listed among equals. Candidates are tried best prior first, so most never need the distances."""
        base = []
        for c in cands:
            s = c.score + (0.5 if c.exact else 0.0)
            if c.entry.country in top:
                s += 1.5
            base.append(s)
        best_i, best_s = -1, -1e9
        for i in sorted(range(len(cands)), key=base.__getitem__, reverse=True):
            s = base[i]
            if s + 1.0 < best_s:
                break                 # neither this one nor any after it can catch up
            e = cands[i].entry
            if e.lat is not None and anchors:
                b = near.get(id(e)) if near is not None else None
                if b is None:
                    b = self._near_bonus(e, anchors)
                    if near is not None:
                        near[id(e)] = b
                s += b
            if s > best_s or (s == best_s and i < best_i):
                best_i, best_s = i, s
        return cands[best_i]

    def _near_bonus(self, e: Entry, anchors: dict[int, Entry]) -> float:
        """1 if another anchor place lies within 60 km of e, 0.5 within 200 km, else 0: the best of its nearness to
        each anchor (``anchors``: id -> entry), memoised by pair."""
        near = self._nearness.get(id(e))
        if near is None:
            near = self._nearness[id(e)] = {}
        got = list(map(near.get, anchors))
        if None in got:
            for i, a in anchors.items():
                if i not in near:
                    near[i] = _nearness(e, a)
            got = list(map(near.get, anchors))
        return max(got)

    # ---- spatial phrases, roles, mentions ------------------------------------------------------------------------
    def _mentions(self, sc: _Scan, matches: list[_Match], hits, ranges) -> list[Mention]:
        text = sc.text
        out = []
        focus = Counter([m.best.entry.country for m in matches if m.best.entry.country])
        focus_cc = focus.most_common(1)[0][0] if focus else "SY"
        for m in matches:
            out.append(self._mention(text, m))
        out.extend(self._phrases(sc, ranges, focus_cc, out))
        out.sort(key=lambda m: (m.start, -m.end))
        # drop a pattern mention that overlaps a gazetteer one
        final, last_end = [], -1
        for m in out:
            if m.start < last_end:
                continue
            final.append(m)
            last_end = m.end
        # the places a compound name names inside it ("the Al-Bukamal-Al-Qa'im crossing", "the border with Jordan")
        compounds = [m for m in matches if m.t1 > m.t0 and m.best.entry.kind in ("facility", "region")]
        inner = []
        if compounds:
            inner = [x for m in compounds for x in self._inner_places(sc, m, hits)]
        if inner:
            final.extend(inner)
            final.sort(key=lambda m: (m.start, -m.end))
        return final

    def _inner_places(self, sc: _Scan, m: _Match, hits) -> list[Mention]:
        """Towns and countries named inside a border's or a facility's name: two or more places ("Al-Bukamal-Al-Qa'im
        crossing", "Iraq-Syria border"), or a country ("border with Jordan"). One town in a facility's name
        ("Al-Bukamal crossing", "Deir ez-Zor airport") only says where the facility is, and is not a mention of it."""
        text, toks = sc.text, sc.toks
        if m.best.entry.kind == "region" and _COMPOUND_HEADS.isdisjoint([fold(sc.word(i))
                                                                         for i in range(m.t0, m.t1 + 1)]):
            return []
        first, last = m.t0, m.t1
        # ``hits`` is in _select's order (longest first, then leftmost), the order the inner names are tried in
        inside = [h for h in hits if first <= h[0] and h[1] <= last and (h[0] != first or h[1] != last)]
        taken, found = set(), []
        for t0, t1, k in inside:
            if not taken.isdisjoint(range(t0, t1 + 1)):
                continue
            s, e = toks[t0][0], toks[t1][1]
            if not text[s:e].lstrip(_MARKS)[:1].isupper():
                continue
            if t0 > 0 and toks[t0 - 1][0] >= m.start and not toks[t0 - 1][2] \
                    and fold(sc.word(t0 - 1)) in _ARTICLE_WORDS \
                    and text[toks[t0 - 1][1]:s] in ("-", " ", "‐"):
                s = toks[t0 - 1][0]        # "Al-" before the name
            best = self._inner_choice(k, fold(text[s:e]), m.best.entry)
            if best is None or (t0 == t1 and k in self._common_keys):
                continue
            taken.update(range(t0, t1 + 1))
            found.append((s, e, best.entry))
        if len({e.id for _s, _e, e in found}) < 2 and not any(e.kind == "country" for _s, _e, e in found):
            return []
        out = []
        role = self._role(text, m.start)      # the compound's
        for s, e, entry in found:
            out.append(Mention(start=s, end=e, text=text[s:e], role=role, entity=Place(
                name=entry.name, kind=entry.kind, country=entry.country, lat=entry.lat, lon=entry.lon,
                precision=entry.precision, admin1=entry.admin1, id=entry.id)))
        return out

    def _inner_choice(self, k: str, f: str, outer: Entry) -> Candidate | None:
        """The town or country a name written f inside the compound name of ``outer`` stands for, None where the
        gazetteer has none: a pure function of its arguments, memoised."""
        ck = (k, f, id(outer))
        try:
            return self._inner[ck]
        except KeyError:
            pass
        if len(self._inner) > self._CACHE_MAX:
            self._inner.clear()
        cands = [c for c in self._candidates(k, f)[0] if c.entry.kind in ("city", "country")]
        best = self._inner[ck] = self._choose(cands, {outer.country}, {id(outer): outer}) if cands else None
        return best

    def _mention(self, text: str, m: _Match) -> Mention:
        """The mention of a resolved match, read in its context: facility and district heads after it, direction,
        area and nearness words before it, and the role its preposition gives it."""
        e = m.best.entry
        start, end = m.start, m.end
        name, kind, lat, lon = e.name, e.kind, e.lat, e.lon
        precision, relation, anchor, pid = e.precision, None, None, e.id
        country, admin1 = e.country, e.admin1
        after = text[end:end + 60]
        # the heads after a name all follow a space or an apostrophe
        headed = after[:1].isspace() or after[:1] in ("'", "’")
        # "X's military airfield", "the X crossing" (where the gazetteer does not know the facility)
        if headed and e.kind in ("city", "district"):
            fm = _FACILITY_AFTER.match(after)
            if fm and (not fm.group(1).strip() or fm.group(1).strip() in FACILITY_ADJ):
                noun = fm.group(2)
                if not _OF_IN_AT.match(after, fm.end()) or noun in ("airport", "crossing", "border crossing"):
                    adj = fm.group(1).strip()
                    name = f"{e.name} {adj + ' ' if adj else ''}{_FACILITY_NAME[noun]}"
                    kind, precision, relation, anchor = "facility", 2, "part of", e.name
                    end = end + fm.end()
                    pid = None
        # Al-Mayadin's Al-Tamu neighborhood: the district, anchored on the town
        if kind != "facility" and after[:1] in ("'", "’"):
            dm = _DISTRICT_AFTER.match(after)
            if dm:
                dname = dm.group(1).strip()
                name, kind, precision, relation, anchor, pid = dname, "district", 2, "part of", e.name, None
                start, end = end + after.index(dname), end + dm.end()
        # governorate and area words after the name
        if headed and kind == "city" and e.source != "admin1":
            am = _AREA_AFTER.match(after)
            if am:
                word = am.group(1).lower()
                gov = self._governorate_of(e)
                if word.startswith("governorate") or word == "province" or (word in ("countryside", "region")
                                                                           and gov is not None):
                    if gov is not None:
                        name, kind, lat, lon, precision = gov.name, "region", gov.lat, gov.lon, 3
                        relation, anchor, pid, admin1 = ("countryside" if word == "countryside" else "in"), \
                            e.name, gov.id, gov.admin1
                else:
                    relation, precision = AFTER_AREA.get(word, ("area", 2))
                    anchor = e.name
        # left context: directions, areas, parts and nearness
        if relation is None:
            before = text[max(0, m.start - 80):m.start]
            last = self._last_word(before)
            if last in _BEFORE_TRIGGERS:
                r = self._qualify(e, before, last, name, kind, lat, lon, pid, admin1, precision)
                if r is not None:
                    name, kind, lat, lon, pid, admin1, precision, relation, anchor = r
        place = Place(name=name, kind=kind if kind in ("country", "region", "city", "district", "facility")
                      else "region", country=country, lat=lat, lon=lon, precision=precision, admin1=admin1,
                      id=pid, anchor=anchor, relation=relation)
        return Mention(start=start, end=end, text=text[start:end], entity=place, role=self._role(text, start))

    @staticmethod
    def _last_word(before: str) -> str | None:
        """The last word before a name, past up to two "the"s, lower case: the left-context patterns all end with
        "of", a direction adjective or a nearness word, so this word tells which of them may match."""
        ws = list(map(str.lower, before.rsplit(None, 3)[-3:]))
        n = 0
        while ws and ws[-1] == "the" and n < 2:
            ws.pop()
            n += 1
        if not ws:
            return None
        lm = _LAST_WORD.search(ws[-1])
        return lm.group(1) if lm else None

    def _qualify(self, e: Entry, before, last, name, kind, lat, lon, pid, admin1, precision):
        """Direction, area, part or nearness words just before a name; None where there are none."""
        low = before.lower()
        of = last == "of"
        ascii_text = before.isascii()
        # each of these two ends with "of (the) (city of) (the)", and is only tried where its hint is there
        dm2 = _DIRECTION_OF.search(before) if of and (not ascii_text or _DIRECTION_OF_HINT.search(low)) else None
        if dm2:
            relation = f"{DIRECTIONS.get(dm2.group(1).lower().replace('-', ''), dm2.group(1).lower())} of"
            return name, kind, lat, lon, pid, admin1, max(precision, 2), relation, e.name
        am2 = _AREA_OF.search(before) if of and (not ascii_text or _AREA_OF_HINT.search(low)) else None
        if am2:
            words = am2.group(1).lower().split()
            base = words[-1] if words[-1] not in ("area", "areas") or len(words) == 1 else " ".join(words[-2:])
            rel, prec = AREA_OF.get(base, AREA_OF.get(words[-1], ("area", 2)))
            gov = self._governorate_of(e) if rel == "countryside" else None
            if gov is not None and kind == "city":
                name, kind, lat, lon, pid, admin1 = gov.name, "region", gov.lat, gov.lon, gov.id, gov.admin1
            return name, kind, lat, lon, pid, admin1, max(precision, prec), rel, e.name
        adj = _ADJ_BEFORE.search(before) if last in _ADJ_TRIGGERS and kind in ("city", "region", "country") \
            else None
        if adj:
            word = adj.group(1).lower()
            d = DIRECTION_ADJ.get(word.replace("-", ""), word)
            if kind == "country":
                part = self._country_part(e, d)
                if part is not None:
                    name, kind, lat, lon, pid = part.name, "region", part.lat, part.lon, part.id
                else:
                    name, kind = f"{word} {e.name}", "region"
                return name, kind, lat, lon, pid, admin1, 3, f"{d} part", e.name
            gov = e if e.source == "admin1" else self._governorate_of(e)
            if gov is not None:
                name, kind, lat, lon, pid, admin1 = gov.name, "region", gov.lat, gov.lon, gov.id, gov.admin1
                precision = 3
            else:
                precision = 2
            return name, kind, lat, lon, pid, admin1, precision, (
                "countryside" if word == "rural" else f"{d} part"), e.name
        # every nearness phrase holds a hint word (a caseless match may hold one only as its case variant)
        if last not in _ADJ_TRIGGERS and (_NEAR_HINT.search(low) or not (of or ascii_text)) \
                and _NEAR_BEFORE.search(before):
            return name, kind, lat, lon, pid, admin1, max(precision, 2), "near", e.name
        return None

    def _governorate_of(self, e: Entry) -> Entry | None:
        """The governorate whose capital ``e`` is (same name), where it is one."""
        if e.source == "admin1":
            return e
        try:
            return self._gov[id(e)]
        except KeyError:
            pass
        gov = self.gaz.admin1_of(e)
        if gov is not None:
            names = {key(n) for n in (e.name, *e.names)}
            gnames = {key(n) for n in gov.names} | {key(gov.name.rsplit(" ", 1)[0])}
            if not (names & gnames or self._is_capital(e, gov)):
                gov = None
        self._gov[id(e)] = gov
        return gov

    @staticmethod
    def _is_capital(e: Entry, gov: Entry) -> bool:
        base = key(gov.name.replace(" Governorate", "").replace(" Province", ""))
        return any(key(n) == base for n in (e.name, *e.names))

    def _country_part(self, country: Entry, direction: str) -> Entry | None:
        ck = (country.id, direction)
        if ck in self._parts:
            return self._parts[ck]
        names = [f"{direction}ern {country.name}", f"{direction} {country.name}"]
        if direction == "central":
            names = [f"central {country.name}"]
        found = None
        for n in names:
            for c in self.gaz.raw_candidates(key(n), n):
                if c.entry.kind == "region" and c.entry.country == country.country:
                    found = c.entry
                    break
            if found is not None:
                break
        self._parts[ck] = found
        return found

    _CLAUSE = {"and", "or", "but", "that", "which", "who", "where", "was", "were", "is", "are", "had", "has", "have",
               "been", "by", "with", "for", "said", "says", "reported", "while", "as"}

    def _role(self, text: str, start: int) -> str:
        """origin / route / destination / site from the nearest preposition before the mention."""
        before = text[max(0, start - 90):start]
        cm = _TO_LAST_BREAK.match(before)
        b = cm.end() if cm is not None else 0             # the clause the mention is in: before[b:]
        last = _TO_LAST_PREP.match(before, b)
        if last is None:
            return "site"
        tail = before[last.end():].split()
        if len(tail) > 5 or not self._CLAUSE.isdisjoint(map(str.lower, tail)):
            return "site"
        raw = last.group(1)
        role = _PREP_ROLE.get(raw)
        if role is None:
            role = ROLE_PREPS.get(_WS.sub(" ", raw)) or "site"
        if role == "site" and raw in ("at", "in"):
            e = last.start(1)
            span = before[b:e]
            if (not span.isascii() or _ARRIVE_HINT.search(span.lower())) and _ARRIVE.search(before, b, e):
                role = "destination"
        return role

    def _phrases(self, sc: _Scan, ranges, focus_cc, found) -> list[Mention]:
        """Places named by a pattern rather than the gazetteer: "the south of the country", unknown villages."""
        out = []
        text, dw = sc.text, sc.dw
        focus = self.gaz.country(focus_cc)
        if focus is not None and "country" not in text:
            focus = None
        heads = list(compress(dw.starts, map(_SETTLEMENT_HEADS.__contains__, dw.words)))
        if _MARKED_HEAD.search(text):
            heads = sorted({*heads, *(m.end() for m in _MARKED_HEAD.finditer(text))})
        if focus is None and not heads:
            return out
        covered = [(m.start, m.end) for m in found]
        for r0, r1 in ranges:
            if focus is not None and "country" in text[r0:r1]:
                for m in _PART_OF_COUNTRY.finditer(text, r0, r1):
                    d = m.group(1).lower().replace("-", "")
                    d = "central" if d in ("centre", "center") else d
                    part = self._country_part(focus, d)
                    if part is None:
                        continue
                    out.append(Mention(start=m.start(), end=m.end(), text=m.group(0),
                                       role=self._role(text, m.start()),
                                       entity=Place(name=part.name, kind="region", country=part.country,
                                                    lat=part.lat, lon=part.lon, precision=3, admin1=part.admin1,
                                                    id=part.id, anchor=focus.name, relation=f"{d} part")))
            # unknown settlements introduced by their kind: "the village of Kabir", "the villages of Kabir, Saghir
            # and Wasit", "the villages al-Kabir and al-Saghir"
            for m in self._settlements(text, heads, r0, r1):
                head = m.group(1).lower()
                names = list(_SETTLEMENT_NAME.finditer(text, *m.span(3)))
                if m.group(2) is None and (head not in _PLURAL_HEADS or (
                        len(names) == 1 and not _ARTICLE_LED.match(names[0].group(0)))):
                    continue      # without "of": a plural before a list or an article-led name ("the villages al-X")
                kind = "city" if head.startswith(("town", "village", "cit", "hamlet")) else \
                    "district" if head.startswith(("neighb", "district")) else "region"
                role = self._role(text, m.start())
                for n in names:
                    s, e = n.span()
                    name = n.group(0)
                    f = fold(name)
                    if any(a < e and s < b for a, b in covered) or f in COMMON_WORDS or f in self.gaz.demonyms \
                            or f.split()[0] in GIVEN_NAMES or f.split()[0] in PERSON_TITLES:
                        continue
                    anchor = self._nearest_before(found, s)
                    out.append(Mention(start=s, end=e, text=name, role=role, entity=Place(
                        name=name, kind=kind, country=anchor.country if anchor else focus_cc, lat=None, lon=None,
                        precision=1, id=None)))
        return out

    @staticmethod
    def _settlements(text: str, heads: list[int], r0: int, r1: int):
        """``_SETTLEMENTS.finditer(text, r0, r1)``, tried only at the head words between r0 and r1."""
        if not heads:
            return
        i = bisect_left(heads, r0)
        past = r0
        while i < len(heads) and heads[i] < r1:
            p = heads[i]
            i += 1
            if p < past:
                continue
            m = _SETTLEMENTS.match(text, p, r1)
            if m is not None:
                past = m.end()
                yield m

    @staticmethod
    def _nearest_before(found, pos) -> Place | None:
        best = None
        for m in found:
            if m.start < pos:
                best = m.entity
        return best
