"""Finds the places a report names, resolves them against the offline gazetteer, and reads their spatial phrase
and role.

One pass over the report: every word of the searched sentences is keyed (``sitrep.text.normalize``), the skeletons
are concatenated, and the gazetteer's Aho-Corasick automaton finds every known name whatever its transliteration.
Matches must start and end on word boundaries; the longest wins. Each match is then

* filtered: a name inside an organisation's name ("Liwa' Al-Quds", "Deir Al-Zour Military Council", "Eye of the
  Euphrates") or a person's name is not a place; lower-case words are not names;
* resolved: candidates are ranked by the gazetteer prior (curated, population, region), the countries the report
  is about, and closeness to the other places it names;
* read in context: "east of X", "the outskirts of X", "the desert area of X", "eastern X governorate", "X's Y
  neighborhood", "the X military airfield" give the anchor, the relation and an honest precision (1 the place
  itself, 2 near or part of it, 3 a region);
* given a role from the preposition before it: from -> origin; through / via / along -> route;
  to / toward / into -> destination; in / at / near -> site.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from sitrep.extract.model import Doc, Mention, Place
from sitrep.kb.gazetteer import FOCUS_COUNTRIES, Candidate, Entry, Gazetteer
from sitrep.text.normalize import fold, key_tokens, word_key

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
_ARRIVE = re.compile(r"\b(?:arriv\w*|return\w*|head\w*|sent|dispatched|deployed|transferred|moved|brought|"
                     r"redeployed|transported|relocated|left for|bound)\b[^.;]{0,40}$", re.I)

_WS = re.compile(r"\s+")


@dataclass(slots=True)
class _Match:
    t0: int          # first token index
    t1: int          # last token index (inclusive)
    start: int       # char offsets in doc.text
    end: int
    key: str
    cands: list[Candidate]
    surface: str
    best: Candidate | None = None


def _km(a: Entry, b: Entry) -> float:
    if a.lat is None or b.lat is None:
        return 1e9
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


class PlaceFinder:
    """Pipeline stage: fills ``doc.places`` with one Mention per place mention in the body, in text order."""

    def __init__(self, gazetteer: Gazetteer | None = None):
        self.gaz = gazetteer or Gazetteer.load()
        self.auto = self.gaz.automaton
        # capital cities of governorates: a direction word or "countryside" before them means the governorate
        self._demonym_keys = {word_key(d) for d in list(self.gaz.demonyms) + list(DEMONYMS_EXTRA)}
        self._common_keys = {word_key(w) for w in COMMON_WORDS}

    # ---- the stage -----------------------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        doc.places = self.find(doc.text, self._ranges(doc))
        return doc

    @staticmethod
    def _ranges(doc: Doc) -> list[tuple[int, int]]:
        if doc.sentences:
            return [(s.start, s.end) for s in doc.sentences if not s.boilerplate]
        return list(doc.body) if doc.body else [(0, len(doc.text))]

    def find(self, text: str, ranges: list[tuple[int, int]] | None = None) -> list[Mention]:
        """Place mentions in text[ranges], in text order."""
        ranges = ranges or [(0, len(text))]
        toks: list[tuple[int, int, str]] = []
        title: list[bool] = []
        for r0, r1 in ranges:
            rt = key_tokens(text, r0, r1)
            ws = [text[a:b] for a, b, _k in rt if text[a:b][:1].isalpha()]
            is_title = len(ws) >= 4 and sum(w[0].isupper() for w in ws) / len(ws) >= 0.75
            toks.extend(rt)
            toks.append((r1, r1, "|"))       # a sentence break no name spans
            title.extend([is_title] * (len(rt) + 1))
        self._title = title
        # concatenated skeleton with token boundary maps
        parts, starts, ends = [], {}, {}
        pos = 0
        for i, (_s, _e, k) in enumerate(toks):
            if k:
                starts.setdefault(pos, i)
                parts.append(k)
                pos += len(k)
                ends[pos - 1] = i
            else:
                starts.setdefault(pos, i)
        skel = "".join(parts)
        raw = []
        for end_pos, k in self.auto.iter(skel):
            s_pos = end_pos - len(k) + 1
            t0, t1 = starts.get(s_pos), ends.get(end_pos)
            if t0 is None or t1 is None or "|" in k:
                continue
            # the first token with a key: skip article tokens that were given the same start
            while t0 < t1 and not toks[t0][2]:
                t0 += 1
            raw.append((t0, t1, k))
        # longest match wins, then leftmost
        raw.sort(key=lambda m: (-(toks[m[1]][1] - toks[m[0]][0]), m[0]))
        taken = set()
        chosen = []
        for t0, t1, k in raw:
            if any(i in taken for i in range(t0, t1 + 1)):
                continue
            taken.update(range(t0, t1 + 1))
            chosen.append((t0, t1, k))
        chosen.sort()
        matches = []
        for t0, t1, k in chosen:
            m = self._accept(text, toks, t0, t1, k)
            if m is not None:
                matches.append(m)
        self._resolve(matches)
        return self._mentions(text, toks, matches)

    # ---- filtering -----------------------------------------------------------------------------------------------
    def _accept(self, text, toks, t0, t1, k) -> _Match | None:
        s, e = toks[t0][0], toks[t1][1]
        # include an article written before the name ("Al-Bukamal", "al-Hol")
        if t0 > 0 and not toks[t0 - 1][2] and toks[t0 - 1][2] != "|":
            ps, pe = toks[t0 - 1][0], toks[t0 - 1][1]
            word = text[ps:pe]
            gap = text[pe:s]
            if gap in ("-", " ", "‐") and (word[:1].isupper() or gap == "-") and fold(word) in (
                    "al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ath", "adh"):
                s = ps
        surface = text[s:e]
        first = text[toks[t0][0]:toks[t0][1]].lstrip("'’‘ʿʾ`")
        cands = self.gaz.raw_candidates(k, surface)
        if not cands:
            return None
        lower_ok = first[:1].islower() and fold(first) in DIRECTION_ADJ and any(
            c.entry.kind == "region" for c in cands)
        if not (first[:1].isupper() or first[:1].isdigit() or lower_ok):
            return None
        if t0 == t1 and k in self._demonym_keys:
            return None
        # single common words and one-word names that are only small places are not trusted
        if t0 == t1 and k in self._common_keys and not any(c.entry.source in ("curated", "country") and
                                                             fold(surface) in {fold(n) for n in (c.entry.name, *c.entry.names)}
                                                             for c in cands):
            return None
        # the words of a name are joined by spaces, hyphens or apostrophes only ("S. in" is not "Si'in")
        for i in range(t0, t1):
            if not re.fullmatch(r"(?:['’]s)?[\s\-‐'’‘ʿʾ`]*", text[toks[i][1]:toks[i + 1][0]]):
                return None
        # short one-word names ("Hit", "Ana") only where the gazetteer curates them under that very spelling
        if t0 == t1 and len(k) <= 3 and not any(c.exact and c.entry.source in ("curated", "country") for c in cands):
            return None
        # a name inside a longer run of capitalised words is part of a person's or an organisation's name
        if self._in_proper_name(text, toks, t0, t1) and not any(c.entry.kind == "country" for c in cands):
            return None
        # "Iran's IRGC", "Iran-backed", "Russia-led": a country used as an actor or an adjective
        tail = text[e:e + 12]
        if re.match(r"[-‐–]\s?[a-z]", tail) or (re.match(r"['’]s\b", tail) and all(
                c.entry.kind == "country" for c in cands)):
            return None
        # organisation names
        nxt = self._next_words(text, toks, t1, 2)
        if nxt and nxt[0] in ORG_AFTER and not self._facility_or_admin(cands, nxt):
            return None
        if nxt and len(nxt) > 1 and nxt[0] == "military" and nxt[1] in ("council", "councils", "police"):
            return None
        prev = self._prev_words(text, toks, t0, 3)
        if prev:
            if prev[0] in ORG_BEFORE and self._capitalised_before(text, toks, t0):
                return None
            if prev[0] in ("of", "the") and len(prev) > 1:
                head = prev[1] if prev[0] == "of" else (prev[2] if len(prev) > 2 and prev[1] == "of" else None)
                if head in ORG_HEAD_OF and self._capitalised_before(text, toks, t0, skip=2 if prev[0] == "of" else 3):
                    return None
            if prev[0] in PERSON_TITLES and self._capitalised_before(text, toks, t0):
                return None
        return _Match(t0, t1, s, e, k, cands, surface)

    @staticmethod
    def _facility_or_admin(cands, nxt) -> bool:
        return False

    def _in_proper_name(self, text, toks, t0, t1) -> bool:
        """Is the span flanked by a capitalised word that is not a place word (a person's or outlet's name)?"""
        p = t0 - 1
        while p >= 0 and toks[p][2] == "" and fold(text[toks[p][0]:toks[p][1]]) in ("al", "el", "an", "as", "ad",
                                                                                   "ar", "at", "az", "ash"):
            p -= 1
        if p >= 0 and toks[p][2] != "|" and fold(text[toks[p][0]:toks[p][1]]) in GIVEN_NAMES:
            return True
        # a title-case line (a headline) says nothing else about proper names
        if self._title[t0]:
            return False

        def cap(i):
            w = text[toks[i][0]:toks[i][1]].lstrip("'’‘ʿʾ`")
            return w[:1].isupper() and fold(w) not in PLACE_WORDS and fold(w) not in COMMON_WORDS
        if t1 + 1 < len(toks) and toks[t1 + 1][2] != "|" and re.fullmatch(r"[ \-]", text[toks[t1][1]:toks[t1 + 1][0]]) \
                and cap(t1 + 1):
            return True
        i = t0 - 1
        while i >= 0 and toks[i][2] == "" and text[toks[i][0]:toks[i][1]].lower() in ("al", "el", "an", "as", "ad", "ar",
                                                                                       "at", "az", "ash"):
            i -= 1
        if i >= 0 and toks[i][2] not in ("|",) and re.fullmatch(r"[ \-]", text[toks[i][1]:toks[i + 1][0]]) and cap(i):
            # not when that word starts the sentence
            j = i - 1
            if j < 0 or toks[j][2] == "|" or re.search(r"[.!?:;\"“]\s*$", text[toks[j][1]:toks[i][0]]):
                return False
            return True
        return False

    @staticmethod
    def _next_words(text, toks, t1, n) -> list[str]:
        out = []
        i = t1 + 1
        end = toks[t1][1]
        while i < len(toks) and len(out) < n:
            s, e, k = toks[i]
            if k == "|" or re.search(r"[.;:!?()\[\]\"“”]", text[end:s]):
                break
            out.append(fold(text[s:e]))
            end = e
            i += 1
        return out

    @staticmethod
    def _prev_words(text, toks, t0, n) -> list[str]:
        out = []
        i = t0 - 1
        begin = toks[t0][0]
        while i >= 0 and len(out) < n:
            s, e, k = toks[i]
            if k == "|" or re.search(r"[.;:!?()\[\]\"“”,]", text[e:begin]):
                break
            out.append(fold(text[s:e]))
            begin = s
            i -= 1
        return out

    @staticmethod
    def _capitalised_before(text, toks, t0, skip=1) -> bool:
        i = t0 - skip
        if i < 0:
            return False
        w = text[toks[i][0]:toks[i][1]].lstrip("'’‘ʿʾ`")
        return w[:1].isupper()

    # ---- resolution ----------------------------------------------------------------------------------------------
    def _resolve(self, matches: list[_Match]):
        if not matches:
            return
        # provisional choice by prior
        for m in matches:
            m.best = max(m.cands, key=lambda c: (c.score + (0.5 if c.exact else 0.0)))
        countries = Counter()
        for m in matches:
            b = m.best.entry
            if b.country:
                countries[b.country] += 2 if b.source in ("country", "curated", "admin1") else 1
        top = {cc for cc, _ in countries.most_common(3)}
        anchors = [m.best.entry for m in matches if len(m.cands) == 1 or m.best.entry.source == "curated"]
        for m in matches:
            if len(m.cands) == 1:
                continue
            best, best_s = None, -1e9
            for c in m.cands:
                e = c.entry
                sc = c.score + (0.5 if c.exact else 0.0)
                if e.country in top:
                    sc += 1.5
                if e.lat is not None and anchors:
                    d = min((_km(e, a) for a in anchors if a is not e), default=1e9)
                    if d < 60:
                        sc += 1.0
                    elif d < 200:
                        sc += 0.5
                if sc > best_s:
                    best, best_s = c, sc
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
                if m.best.bare_admin or not m.best.exact or fold(m.surface) not in (fold(e.name), fold(e.names[0]
                                                                                        if e.names else e.name)):
                    continue
            keep.append(m)
        matches[:] = keep

    # ---- spatial phrases, roles, mentions ------------------------------------------------------------------------
    def _mentions(self, text: str, toks, matches: list[_Match]) -> list[Mention]:
        out = []
        focus = Counter(m.best.entry.country for m in matches if m.best.entry.country)
        focus_cc = focus.most_common(1)[0][0] if focus else "SY"
        for m in matches:
            e = m.best.entry
            start, end = m.start, m.end
            name, kind, lat, lon = e.name, e.kind, e.lat, e.lon
            precision, relation, anchor, pid = e.precision, None, None, e.id
            country, admin1 = e.country, e.admin1
            before = text[max(0, start - 80):start]
            after = text[end:end + 60]
            # "X's Y neighborhood" / "X's military airfield" are handled by the gazetteer when known; generic:
            fm = re.match(r"(?:['’]s)?\s+((?:[a-z]+\s+){0,1}?)(" + "|".join(
                re.escape(n) for n, _ in sorted(FACILITY_NOUNS, key=lambda x: -len(x[0]))) + r")\b", after)
            if fm and e.kind in ("city", "district") and (not fm.group(1).strip() or fm.group(1).strip() in FACILITY_ADJ):
                noun = fm.group(2)
                if not re.match(r"\s*(?:of|in|at)\b", after[fm.end():]) or noun in ("airport", "crossing",
                                                                                      "border crossing"):
                    adj = fm.group(1).strip()
                    name = f"{e.name} {adj + ' ' if adj else ''}{dict(FACILITY_NOUNS)[noun]}"
                    kind, precision, relation, anchor = "facility", 2, "part of", e.name
                    end = end + fm.end()
                    pid = None
            dm = re.match(r"(?:['’]s)\s+((?:[A-Z][\w'’-]*\s+){1,3})(" + "|".join(DISTRICT_NOUNS) + r")\b", after)
            if dm and kind != "facility":
                # Al-Mayadin's Al-Tamu neighborhood: the district, anchored on the town
                dname = dm.group(1).strip()
                name, kind, precision, relation, anchor, pid = dname, "district", 2, "part of", e.name, None
                start, end = end + after.index(dname), end + dm.end()
            # governorate words after the name
            if kind in ("city",) and e.source != "admin1":
                am = re.match(r"\s+(governorates?|province|countryside|region|desert|badia|outskirts|suburbs|"
                              r"area|plains)\b", after, re.I)
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
            # left context: directions and areas
            lb = before.rstrip()
            dm2 = re.search(r"\b(north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+of\s+"
                            r"(?:the\s+)?(?:(?:city|town|village|area|province|governorate)\s+of\s+)?(?:the\s+)?$",
                            before, re.I)
            am2 = re.search(r"\b(?:the\s+)?((?:(?:northern|southern|eastern|western|north-?eastern|north-?western|"
                            r"south-?eastern|south-?western)\s+)?(?:outskirts|suburbs|countryside|rural areas?|"
                            r"desert(?: areas?)?|badia|vicinity|environs|surroundings|areas?|region|periphery|edge|"
                            r"entrance|parts?|side|banks?|center|centre|heart|villages|towns))\s+of\s+"
                            r"(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?(?:the\s+)?$", before, re.I)
            adj = re.search(r"\b(northern|southern|eastern|western|northeastern|northwestern|southeastern|"
                            r"southwestern|north-eastern|north-western|south-eastern|south-western|central|"
                            r"rural)\s+(?:the\s+)?$", before, re.I)
            near = re.search(r"\b(?:" + "|".join(NEAR_WORDS) + r")\s+(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?"
                             r"(?:the\s+)?$", before, re.I)
            if dm2 and relation is None:
                relation = f"{DIRECTIONS.get(dm2.group(1).lower().replace('-', ''), dm2.group(1).lower())} of"
                precision, anchor = max(precision, 2), e.name
            elif am2 and relation is None:
                words = am2.group(1).lower()
                base = words.split()[-1] if words.split()[-1] not in ("area", "areas") or len(words.split()) == 1 \
                    else " ".join(words.split()[-2:])
                rel, prec = AREA_OF.get(base, AREA_OF.get(words.split()[-1], ("area", 2)))
                gov = self._governorate_of(e) if rel == "countryside" else None
                if gov is not None and kind == "city":
                    name, kind, lat, lon, pid, admin1 = gov.name, "region", gov.lat, gov.lon, gov.id, gov.admin1
                relation, precision, anchor = rel, max(precision, prec), e.name
            elif adj and relation is None and kind in ("city", "region", "country"):
                word = adj.group(1).lower()
                d = DIRECTION_ADJ.get(word.replace("-", ""), word)
                if kind == "country":
                    part = self._country_part(e, d)
                    if part is not None:
                        name, kind, lat, lon, pid = part.name, "region", part.lat, part.lon, part.id
                    else:
                        name, kind = f"{word} {e.name}", "region"
                    precision, relation, anchor = 3, f"{d} part", e.name
                else:
                    gov = e if e.source == "admin1" else self._governorate_of(e)
                    if gov is not None:
                        name, kind, lat, lon, pid, admin1 = gov.name, "region", gov.lat, gov.lon, gov.id, gov.admin1
                        precision = 3
                    else:
                        precision = 2
                    relation, anchor = ("countryside" if word == "rural" else f"{d} part"), e.name
            elif near and relation is None:
                relation, precision, anchor = "near", max(precision, 2), e.name
            role = self._role(text, start)
            place = Place(name=name, kind=kind if kind in ("country", "region", "city", "district", "facility")
                          else "region", country=country, lat=lat, lon=lon, precision=precision, admin1=admin1,
                          id=pid, anchor=anchor, relation=relation)
            out.append(Mention(start=start, end=end, text=text[start:end], entity=place, role=role))
        out.extend(self._phrases(text, toks, matches, focus_cc, out))
        out.sort(key=lambda m: (m.start, -m.end))
        # drop a pattern mention that overlaps a gazetteer one
        final, last_end = [], -1
        for m in out:
            if m.start < last_end:
                continue
            final.append(m)
            last_end = m.end
        return final

    def _governorate_of(self, e: Entry) -> Entry | None:
        """The governorate whose capital ``e`` is (same name), where it is one."""
        if e.source == "admin1":
            return e
        gov = self.gaz.admin1_of(e)
        if gov is None:
            return None
        names = {word_key_all(n) for n in (e.name, *e.names)}
        gnames = {word_key_all(n) for n in gov.names} | {word_key_all(gov.name.rsplit(" ", 1)[0])}
        for k in self.gaz.index:
            pass
        return gov if names & gnames or self._is_capital(e, gov) else None

    def _is_capital(self, e: Entry, gov: Entry) -> bool:
        base = word_key_all(gov.name.replace(" Governorate", "").replace(" Province", ""))
        return any(word_key_all(n) == base for n in (e.name, *e.names))

    def _country_part(self, country: Entry, direction: str) -> Entry | None:
        names = [f"{direction}ern {country.name}", f"{direction} {country.name}"]
        if direction == "central":
            names = [f"central {country.name}"]
        for n in names:
            for c in self.gaz.raw_candidates(word_key_all(n), n):
                if c.entry.kind == "region" and c.entry.country == country.country:
                    return c.entry
        return None

    _PREPS = ("from", "out of", "through", "via", "along", "across", "by way of", "toward", "towards", "into", "to",
              "in", "at", "near", "inside", "outside", "within", "on", "around", "reaching", "reached", "entered",
              "entering", "crossing", "passing")
    _PREP_RE = re.compile(r"\b(" + "|".join(sorted(_PREPS, key=len, reverse=True)).replace(" ", r"\s+") + r")\b")
    _CLAUSE = {"and", "or", "but", "that", "which", "who", "where", "was", "were", "is", "are", "had", "has", "have",
               "been", "by", "with", "for", "said", "says", "reported", "while", "as"}

    def _role(self, text: str, start: int) -> str:
        """origin / route / destination / site from the nearest preposition before the mention."""
        before = text[max(0, start - 90):start]
        before = re.split(r"[.;:!?()\[\]\"“”,]", before)[-1]
        last = None
        for m in self._PREP_RE.finditer(before):
            last = m
        if last is None:
            return "site"
        tail = before[last.end():].split()
        if len(tail) > 5 or any(w.lower() in self._CLAUSE for w in tail):
            return "site"
        prep = re.sub(r"\s+", " ", last.group(1).lower())
        role = ROLE_PREPS.get(prep) or "site"
        if role == "site" and prep in ("at", "in") and _ARRIVE.search(before[:last.start()]):
            role = "destination"
        return role

    def _phrases(self, text, toks, matches, focus_cc, found) -> list[Mention]:
        """Places named by a pattern rather than the gazetteer: "the south of the country", unknown villages."""
        out = []
        focus = self.gaz.country(focus_cc)
        covered = [(m.start, m.end) for m in found]
        spans = []
        for m in re.finditer(r"\b(?:the\s+)?(north|south|east|west|north-?east|north-?west|south-?east|south-?west|"
                             r"centre|center)\s+of\s+the\s+country\b", text):
            spans.append(m)
        for m in spans:
            if focus is None:
                break
            d = m.group(1).lower().replace("-", "")
            d = "central" if d in ("centre", "center") else d
            part = self._country_part(focus, d)
            if part is None:
                continue
            out.append(Mention(start=m.start(), end=m.end(), text=m.group(0), role=self._role(text, m.start()),
                               entity=Place(name=part.name, kind="region", country=part.country, lat=part.lat,
                                            lon=part.lon, precision=3, admin1=part.admin1, id=part.id,
                                            anchor=focus.name, relation=f"{d} part")))
        # unknown settlements introduced by their kind: "the village of Kabir", "Zunoud neighborhood"
        for m in re.finditer(r"\b(?:town|village|city|hamlet|neighbou?rhood|district|area|region|desert|camp)\s+of\s+"
                             r"((?:(?:[Aa]l|[Ee]l|[Aa][dnrstz]|[Aa]sh)[-\s])?[A-Z][\w'’]+(?:[-\s](?:[Aa]l[-\s])?[A-Z]"
                             r"[\w'’]+){0,2})", text):
            s, e = m.span(1)
            if any(a < e and s < b for a, b in covered):
                continue
            name = m.group(1)
            if fold(name) in COMMON_WORDS or fold(name) in self.gaz.demonyms:
                continue
            anchor = self._nearest_before(found, s)
            out.append(Mention(start=s, end=e, text=name, role=self._role(text, m.start()), entity=Place(
                name=name, kind="city" if "town" in m.group(0) or "village" in m.group(0) or "city" in m.group(0)
                else "district" if "neighb" in m.group(0) or "district" in m.group(0) else "region",
                country=anchor.country if anchor else focus_cc, lat=None, lon=None, precision=1, id=None)))
        return out

    @staticmethod
    def _nearest_before(found, pos) -> Place | None:
        best = None
        for m in found:
            if m.start < pos:
                best = m.entity
        return best


def word_key_all(text: str) -> str:
    from sitrep.text.normalize import key
    return key(text)
