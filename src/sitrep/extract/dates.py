"""Dates: absolute and relative expressions, resolved against the right anchor, with a precision.

``DateFinder`` fills ``doc.dates`` with ``Mention(entity=DateValue)``. Every expression is first parsed into a
``DateExpr`` (what the words say: "December 22", "on the previous day", "late December", "on Saturday") and then
resolved against an anchor date. The finder resolves against the publication date; the attribution stage resolves
the relative ones again against the date of the cited report they sit in ("On December 22, the website reported
... on the previous day" is December 21), with ``resolve(parse_expression(text), anchor)``.

Precision is one of day / week / month / year (``ACLED_TIME_PRECISION`` maps it to ACLED's time_precision). Vague
spans ("several months earlier", "in recent years") are kept as mentions with ``value=None`` so that no claim gets a
false day precision from the publication date.
"""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from sitrep.extract.model import DateValue, Doc, Mention

ACLED_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "a couple of": 2}

_MON = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
        r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)")
# Full month names need no cue except "May" and "March" (a modal verb, a verb): those need a day, a year or a cue.
_MON_SAFE = (r"(?:January|February|April|June|July|August|September|October|November|December|"
             r"Jan\.|Feb\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)")
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_PERIOD = r"(?:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|end)"
_NUM = r"(?:\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a\s+couple\s+of)"

_PATTERNS: list[tuple[str, str]] = [
    # 2023-11-02, 2018/07/06
    ("iso", r"\b(?P<iso_y>(?:19|20)\d\d)[-/](?P<iso_m>0?[1-9]|1[0-2])[-/](?P<iso_d>0?[1-9]|[12]\d|3[01])\b"),
    # 03/11, 14/2/2024: day first, as the region's reports and logs write it (not a fraction, a time or a number/ref)
    ("dm_num", r"(?<![\d/.:,-])(?P<dn_d>0?[1-9]|[12]\d|3[01])/(?P<dn_m>0?[1-9]|1[0-2])(?:/(?P<dn_y>(?:19|20)\d\d))?"
               r"(?![\d/.:%]|\s+of\b)"),
    # (Tuesday,) December 22(-23)(, 2023)   |   Dec. 13
    ("mdy", rf"\b(?:{_WD},?\s+)?(?P<mdy_m>{_MON})\s+(?P<mdy_d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
            rf"(?:\s*(?:-|–|and|to)\s*(?P<mdy_d2>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?)?"
            rf"(?:,?\s+(?P<mdy_y>(?:19|20)\d\d))?\b"),
    # 22 December 2023, 22nd of December
    ("dmy", rf"\b(?:{_WD},?\s+)?(?P<dmy_d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dmy_m>{_MON})"
            rf"(?:,?\s+(?P<dmy_y>(?:19|20)\d\d))?\b"),
    # the first week of November (2023)
    ("wk_of", rf"\b(?:the\s+)?(?P<wko_n>first|second|third|fourth|last)\s+week\s+of\s+(?P<wko_m>{_MON})"
              rf"(?:,?\s+(?P<wko_y>(?:19|20)\d\d))?\b"),
    # late December (2023), mid-November, early October 2019
    ("pmon", rf"\b(?P<pm_p>{_PERIOD})[\s-]+(?:of\s+)?(?P<pm_m>{_MON})(?:,?\s+(?P<pm_y>(?:19|20)\d\d))?\b"),
    # October 2019
    ("my", rf"\b(?P<my_m>{_MON})\s+(?:of\s+)?(?P<my_y>(?:19|20)\d\d)\b"),
    # in October, since November, during December
    ("cmon", rf"\b(?P<cm_c>in|since|during|until|till|throughout|by|from|last|this|next|of)\s+(?P<cm_m>{_MON})\b"
             rf"(?!\s+\d)"),
    # bare safe month names ("... began in October" is covered above; "October's attacks")
    ("bmon", rf"\b(?P<bm_m>{_MON_SAFE}|January|February|April|June|July|August|September|October|November|"
             rf"December)\b(?!\s+\d)"),
    # last Tuesday, on Saturday morning, since Wednesday
    ("wday", rf"\b(?:(?P<wd_c>last|this|next|on|since|until|by|early|late)\s+)?(?P<wd>{_WD}){_PART}\b"
             rf"(?!,?\s+(?:{_MON}\s+\d|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}))"),
    ("rel_day", r"\b(?:(?:early|late)\s+)?(?P<rd>yesterday|today|tonight|this\s+(?:morning|afternoon|evening)|"
                r"last\s+night|earlier\s+today|the\s+previous\s+(?:day|night|evening)|the\s+day\s+before|"
                r"a\s+day\s+(?:earlier|before)|the\s+(?:following|next)\s+day|a\s+day\s+later|"
                r"(?:(?:later|earlier)\s+)?(?:on\s+|during\s+)?the\s+same\s+day|(?:on|later|earlier)\s+that\s+day|"
                r"that\s+same\s+day)\b"),
    ("n_days", rf"\b(?P<nd_n>{_NUM})\s+days?\s+(?P<nd_d>ago|earlier|before|later)\b"),
    ("few_days", r"\b(?:a\s+few|several|some|few)\s+days\s+(?:ago|earlier|before)\b|\bin\s+(?:the\s+)?recent\s+days\b|"
                 r"\b(?:over\s+)?the\s+(?:past|last)\s+(?:few|several)\s+days\b"),
    ("rel_week", r"\b(?P<rw>earlier\s+this\s+week|this\s+week|last\s+week|the\s+(?:past|previous|last)\s+week|"
                 r"a\s+week\s+(?:ago|earlier)|next\s+week)\b"),
    ("n_weeks", rf"\b(?P<nw_n>{_NUM})\s+weeks?\s+(?P<nw_d>ago|earlier|before|later)\b|"
                r"\bthe\s+(?:past|last)\s+(?P<nw_n2>two|three|few|several)\s+weeks\b"),
    ("rel_month", r"\b(?P<rm>(?:earlier|later)\s+this\s+month|this\s+month|(?:early|late|mid-?)?\s*last\s+month|"
                  r"the\s+(?:past|previous|last)\s+month|a\s+month\s+(?:ago|earlier)|next\s+month)\b"),
    ("rel_year", r"\b(?P<ry>(?:earlier|later)\s+this\s+year|this\s+year|last\s+year|next\s+year|"
                 r"the\s+(?:past|previous|last)\s+year)\b"),
    ("vague", r"\b(?:(?:several|a\s+few|some|many|two|three|four|five|six)\s+(?:months|years|weeks)\s+"
              r"(?:earlier|ago|before|later)|in\s+recent\s+(?:months|years|weeks)|"
              r"(?:over\s+)?the\s+(?:past|last)\s+(?:few|several)\s+(?:months|years))\b"),
    ("year", r"\b(?P<yc>in|since|during|until|by|of|throughout|from|early|late|mid-)\s*(?P<yy>(?:19|20)\d\d)\b(?![-/]\d)"),
]
_MASTER = re.compile("|".join(f"(?P<{name}>{pat})" for name, pat in _PATTERNS), re.I)


@dataclass(slots=True, frozen=True)
class DateExpr:
    """What a date expression says before it is anchored."""
    kind: str                    # absolute / month / year / weekday / offset / week / month_rel / year_rel / vague
    year: int | None = None
    month: int | None = None
    day: int | None = None
    days: int = 0                # offset in days (for "offset")
    weekday: int | None = None
    direction: str = "past"      # for weekdays: past (on or before the anchor) / strict_past / future
    precision: str = "day"
    relative: bool = False       # resolved against an anchor (the cited report's date where there is one)


def _month(text: str) -> int:
    return _MONTHS[text.lower().rstrip(".")]


def count_word(text: str) -> int:
    """The number a count word or numeral stands for ("a", "two", "3"; "a couple of" is 2)."""
    text = re.sub(r"\s+", " ", text.lower())
    return int(text) if text.isdigit() else _NUMBER_WORDS.get(text, 2)


def _expr_from_match(m: re.Match) -> DateExpr | None:
    kind = m.lastgroup
    g = m.group
    if kind == "iso":
        return DateExpr("absolute", int(g("iso_y")), int(g("iso_m")), int(g("iso_d")))
    if kind == "dm_num":
        return DateExpr("absolute", int(g("dn_y")) if g("dn_y") else None, int(g("dn_m")), int(g("dn_d")))
    if kind == "mdy":
        day = int(g("mdy_d2") or g("mdy_d"))   # a range "November 27-28" ends on its last day
        return DateExpr("absolute", int(g("mdy_y")) if g("mdy_y") else None, _month(g("mdy_m")), day)
    if kind == "dmy":
        return DateExpr("absolute", int(g("dmy_y")) if g("dmy_y") else None, _month(g("dmy_m")), int(g("dmy_d")))
    if kind == "wk_of":
        n = {"first": 1, "second": 8, "third": 15, "fourth": 22, "last": 22}[g("wko_n").lower()]
        return DateExpr("absolute", int(g("wko_y")) if g("wko_y") else None, _month(g("wko_m")), n, precision="week")
    if kind == "pmon":
        return DateExpr("month", int(g("pm_y")) if g("pm_y") else None, _month(g("pm_m")), precision="month")
    if kind == "my":
        return DateExpr("month", int(g("my_y")), _month(g("my_m")), precision="month")
    if kind == "cmon":
        if g("cm_m").lower().rstrip(".") in ("may", "mar") and g("cm_c").lower() in ("of", "by", "from"):
            return None
        cue = g("cm_c").lower()
        direction = "future" if cue == "next" else "past"
        return DateExpr("month", None, _month(g("cm_m")), precision="month", direction=direction)
    if kind == "bmon":
        if g("bm_m").lower().rstrip(".") in ("may", "march", "mar"):
            return None
        return DateExpr("month", None, _month(g("bm_m")), precision="month")
    if kind == "wday":
        cue = (g("wd_c") or "").lower()
        direction = {"last": "strict_past", "next": "future"}.get(cue, "past")
        return DateExpr("weekday", weekday=_WEEKDAYS[g("wd").lower()], direction=direction, relative=True)
    if kind == "rel_day":
        rd = re.sub(r"\s+", " ", g("rd").lower())
        if rd == "earlier today":
            return DateExpr("offset", days=0, relative=True)
        if rd in ("yesterday", "last night") or "previous" in rd or "before" in rd or "earlier" in rd and "day" in rd:
            return DateExpr("offset", days=-1, relative=True)
        if "following" in rd or "next" in rd or "later" in rd:
            return DateExpr("offset", days=1, relative=True)
        return DateExpr("offset", days=0, relative=True)
    if kind == "n_days":
        n = count_word(g("nd_n"))
        return DateExpr("offset", days=n if g("nd_d").lower() == "later" else -n, relative=True)
    if kind == "few_days":
        return DateExpr("month_rel", days=0, precision="month", relative=True)
    if kind == "rel_week":
        rw = re.sub(r"\s+", " ", g("rw").lower())
        days = -7 if ("last" in rw or "previous" in rw or "past" in rw or "ago" in rw or "earlier" in rw
                      and "this" not in rw) else (7 if "next" in rw else 0)
        return DateExpr("week", days=days, precision="week", relative=True)
    if kind == "n_weeks":
        if g("nw_n2"):
            return DateExpr("month_rel", days=0, precision="month", relative=True)
        n = count_word(g("nw_n"))
        return DateExpr("week", days=7 * n * (1 if g("nw_d").lower() == "later" else -1), precision="week",
                        relative=True)
    if kind == "rel_month":
        rm = g("rm").lower()
        # "last month", "the previous month" name the month before; "over the past month" is the span up to the
        # anchor, so its month is the anchor's.
        months = -1 if ("last" in rm or "previous" in rm or "ago" in rm or "a month earlier" in rm) \
            else (1 if "next" in rm else 0)
        return DateExpr("month_rel", days=months, precision="month", relative=True)
    if kind == "rel_year":
        ry = g("ry").lower()
        years = -1 if ("last" in ry or "previous" in ry or "past" in ry) else (1 if "next" in ry else 0)
        return DateExpr("year_rel", days=years, precision="year", relative=True)
    if kind == "vague":
        return DateExpr("vague", precision="month", relative=True)
    if kind == "year":
        return DateExpr("year", int(g("yy")), precision="year")
    return None


@lru_cache(maxsize=4096)     # the same few expressions date claim after claim
def parse_expression(text: str) -> DateExpr | None:
    """Parse one date expression (as found by ``find_expressions``)."""
    m = _MASTER.search(text)
    return _expr_from_match(m) if m else None


# A word start, with its leading letters (None when it begins with a digit).
_WORD_START = re.compile(r"(?<![\w'’-])(?:([^\W\d_]+)|\d)")
# The words (None: a number) each kind of expression can begin with. An expression is only tried with the kinds that
# can begin with its first word: the others could not match there, and the full alternation is costly to try.
_MONTH_WORDS = " ".join(_MONTHS)
_WEEKDAY_WORDS = " ".join(_WEEKDAYS)
_NUM_WORDS = "# " + " ".join(w for w in _NUMBER_WORDS if " " not in w)
_FIRST_WORDS = {
    "iso": "#",
    "dm_num": "#",
    "mdy": f"{_WEEKDAY_WORDS} {_MONTH_WORDS}",
    "dmy": f"{_WEEKDAY_WORDS} #",
    "wk_of": "the first second third fourth last",
    "pmon": "early mid late the end",
    "my": _MONTH_WORDS,
    "cmon": "in since during until till throughout by from last this next of",
    "bmon": _MONTH_WORDS,
    "wday": f"last this next on since until by early late {_WEEKDAY_WORDS}",
    "rel_day": "early late yesterday today tonight this last earlier the a later on during that",
    "n_days": _NUM_WORDS,
    "few_days": "a several some few in over the",
    "rel_week": "earlier this last the a next",
    "n_weeks": f"{_NUM_WORDS} the",
    "rel_month": "earlier later this early late mid last the a next",
    "rel_year": "earlier later this last next the",
    "vague": "several a some many two three four five six in over the",
    "year": "in since during until by of throughout from early late mid",
}
_KINDS_BY_WORD: dict[str | None, list[str]] = {}
for _name, _ in _PATTERNS:
    for _word in _FIRST_WORDS[_name].split():
        _KINDS_BY_WORD.setdefault(None if _word == "#" else _word, []).append(_name)
# For each word an expression can begin with, the master pattern cut to the kinds that begin with it (in the same
# order, so the same kind wins).
_MASTER_BY_WORD = {word: re.compile("|".join(f"(?P<{name}>{pat})" for name, pat in _PATTERNS if name in kinds), re.I)
                   for word, kinds in _KINDS_BY_WORD.items()}
# Every date expression holds one of these words (case-insensitive) or a number: the full pattern is only tried
# around them.
_ANCHOR_WORDS = ("jan feb mar apr may jun jul aug sep oct nov dec mon tue wed thu fri sat sun yesterday today tonight "
                 "day days week weeks month months year years morning afternoon evening night ago earlier later recent "
                 "previous following same next last").split()
_ANCHOR = re.compile(r"(?i)\b(?:" + "|".join(_ANCHOR_WORDS) + r")|\d+")
# The same anchors found faster, in one pass of an automaton over the lower-cased text: the words (value: their
# length) and the digits (value: 0).
_ANCHOR_AUTOMATON = ahocorasick.Automaton()
for _word in _ANCHOR_WORDS:
    _ANCHOR_AUTOMATON.add_word(_word, len(_word))
for _digit in "0123456789":
    _ANCHOR_AUTOMATON.add_word(_digit, 0)
_ANCHOR_AUTOMATON.make_automaton()
# Where the automaton and the regex part ways: a digit other than 0-9 (``\d`` takes it), or a letter that the
# regex's case-insensitive match and lower() read differently (U+0130 also lowers to two characters, shifting
# offsets). A text holding one has its anchors found by the regex.
_AUTOMATON_MISMATCH = re.compile(r"[^\x00-\x7f](?<=[\d\u0130\u0131\u017f])")


def _lower_for_anchors(text: str) -> str | None:
    """text.lower(), when the anchor automaton can read it in place of the regex; else None."""
    return None if not text.isascii() and _AUTOMATON_MISMATCH.search(text) else text.lower()


def _anchor_starts(text: str, low: str | None, start: int, end: int) -> list[int]:
    """Where each anchor in text[start:end] begins, as a scan of ``_ANCHOR`` finds them (low: see above)."""
    if low is None:
        return [m.start() for m in _ANCHOR.finditer(text, start, end)]
    starts: list[int] = []
    for last_char, length in _ANCHOR_AUTOMATON.iter(low, start, end):
        if length:          # a word, at a word boundary
            a0 = last_char - length + 1
            before = text[a0 - 1] if a0 else " "
            if before.isalnum() or before == "_":
                continue
        else:               # a digit, the first of its number
            a0 = last_char
            if a0 > start and text[a0 - 1].isdecimal():
                continue
        if not starts or starts[-1] != a0:      # found in text order; "mon", "month" begin at the same place
            starts.append(a0)
    return starts


def _expressions(text: str, start: int, end: int, anchors: list[int]):
    """(start, end, DateExpr) for every date expression in text[start:end], whose anchors start at ``anchors``."""
    last = start
    word_starts = _WORD_START.finditer
    master_of = _MASTER_BY_WORD.get
    for a0 in anchors:
        if a0 < last:
            continue
        # The expression starts at most a few words before its anchor word ("during the first week of ...").
        for ws in word_starts(text, max(last, a0 - 45), end):
            w0 = ws.start()
            if w0 > a0:
                break
            word = ws.group(1)
            master = master_of(word.lower() if word else None)
            if master is None:
                continue        # no date expression begins with this word
            m = master.match(text, w0, end)
            if m is None or m.end() <= a0:
                continue
            expr = _expr_from_match(m)
            if expr is None:
                continue
            last = m.end()
            yield m.start(), m.end(), expr
            break


def find_expressions(text: str, start: int = 0, end: int | None = None):
    """(start, end, DateExpr) for every date expression in text[start:end]."""
    end = len(text) if end is None else end
    return _expressions(text, start, end, _anchor_starts(text, _lower_for_anchors(text), start, end))


def _iso(d: dt.date, precision: str) -> str:
    if precision == "year":
        return f"{d.year:04d}"
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return d.isoformat()


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def resolve(expr: DateExpr, anchor: dt.date | None, anchor_name: str = "published") -> DateValue:
    """The date an expression names, read against an anchor date."""
    p = expr.precision
    if expr.kind in ("absolute", "month", "year") and expr.year is not None:
        try:
            d = dt.date(expr.year, expr.month or 1, expr.day or 1)
        except ValueError:
            return DateValue(None, p, None)
        return DateValue(_iso(d, p), p, None)
    if anchor is None:
        return DateValue(None, p, None)
    if expr.kind in ("absolute", "month"):
        # No year written: the anchor's year, or the year before when that would put the date well after the anchor.
        year = anchor.year
        try:
            d = dt.date(year, expr.month, expr.day or 1)
        except ValueError:
            return DateValue(None, p, None)
        if expr.direction == "future":
            if d < anchor.replace(day=1):
                d = d.replace(year=year + 1)
        elif d > anchor + dt.timedelta(days=31 if expr.kind == "month" else 7):
            d = d.replace(year=year - 1)
        return DateValue(_iso(d, p), p, anchor_name)
    if expr.kind == "weekday":
        back = (anchor.weekday() - expr.weekday) % 7
        if expr.direction == "strict_past" and back == 0:
            back = 7
        if expr.direction == "future":
            fwd = (expr.weekday - anchor.weekday()) % 7 or 7
            return DateValue((anchor + dt.timedelta(days=fwd)).isoformat(), "day", anchor_name)
        return DateValue((anchor - dt.timedelta(days=back)).isoformat(), "day", anchor_name)
    if expr.kind == "offset":
        return DateValue((anchor + dt.timedelta(days=expr.days)).isoformat(), "day", anchor_name)
    if expr.kind == "week":
        d = anchor + dt.timedelta(days=expr.days)
        monday = d - dt.timedelta(days=d.weekday())
        return DateValue(monday.isoformat(), "week", anchor_name)
    if expr.kind == "month_rel":
        y, m = _add_months(anchor.year, anchor.month, expr.days)
        return DateValue(f"{y:04d}-{m:02d}", "month", anchor_name)
    if expr.kind == "year_rel":
        return DateValue(f"{anchor.year + expr.days:04d}", "year", anchor_name)
    return DateValue(None, p, anchor_name)     # vague: no false precision


@lru_cache(maxsize=4096)     # the same few report dates, asked for claim after claim
def to_date(value: str | None) -> dt.date | None:
    """An ISO date (or month, or year) as a date, on its first day."""
    if not value:
        return None
    parts = value.split("-")
    try:
        return dt.date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None


def _inside_name(start: int, end: int, names: list[tuple[int, int]]) -> bool:
    """Does [start, end) lie within one of the sorted name spans?"""
    i = bisect_right(names, (start, end)) - 1
    while i >= 0 and names[i][0] <= start:
        if end <= names[i][1]:
            return True
        i -= 1
    return False


class DateFinder:
    """Pipeline stage: every date expression in the extractable sentences, resolved against the publication date."""

    def __call__(self, doc: Doc) -> Doc:
        anchor = to_date(doc.meta.published)
        text = doc.text
        low = _lower_for_anchors(text)
        # The anchors of the whole text, found once: a sentence's are the ones inside it, as long as it is cut at
        # white space (so that no anchor straddles its edge).
        anchors = _anchor_starts(text, low, 0, len(text))
        out = []
        for s in doc.sentences:
            if s.boilerplate:
                continue
            s0, s1 = s.start, s.end
            if (s0 == 0 or text[s0 - 1].isspace()) and (s1 == len(text) or text[s1].isspace()):
                i = bisect_left(anchors, s0)
                j = bisect_left(anchors, s1, i)
                if i == j:
                    continue
                found = _expressions(text, s0, s1, anchors[i:j])
            else:
                found = _expressions(text, s0, s1, _anchor_starts(text, low, s0, s1))
            for a, b, expr in found:
                value = resolve(expr, anchor)
                out.append(Mention(a, b, text[a:b], value))
        if out:
            # a date word inside a name is no date ("the Bekaa Today website", "the 10th of Ramadan Brigade")
            names = sorted((m.start, m.end) for group in (doc.sources, doc.actors, doc.places) for m in group)
            if names:
                out = [m for m in out if not _inside_name(m.start, m.end, names)]
        doc.dates = out
        return doc
