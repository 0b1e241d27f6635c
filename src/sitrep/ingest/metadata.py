"""A report's metadata from its own text: title, publication date, publisher, dispatch number, footnotes, and the
ranges of text that are the report's body rather than publisher furniture."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources

import yaml

from sitrep.extract.model import Footnote

_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
     "december"], 1)}
_MONTHS.update({k[:3]: v for k, v in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_MONTH_RE = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DATE_PATTERNS = [
    re.compile(rf"\b(?P<month>{_MONTH_RE})\s+(?P<day>\d{{1,2}}),?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    re.compile(rf"\b(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH_RE}),?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})\b"),
    # 03/05/2024, 3.5.2024: day first, as the region writes it
    re.compile(r"(?<![\d/.])(?P<day>\d{1,2})[/.](?P<month>\d{1,2})[/.](?P<year>(?:19|20)\d\d)\b"),
]
# A day and month with no year ("March 2", "2 March"), as a wire dateline gives them.
_DAY_MONTH = re.compile(rf"\b(?:(?P<month>{_MONTH_RE})\s+(?P<day>\d{{1,2}})|(?P<day2>\d{{1,2}})\s+(?P<month2>{_MONTH_RE}))\b",
                        re.I)
_WEEKDAY = re.compile(r"\b(mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I)
_WEEKDAY_INDEX = {w: i for i, w in enumerate(["mon", "tues", "wednes", "thurs", "fri", "satur", "sun"])}
_DISPATCH = re.compile(r"\b((?:Special Dispatch|Inquiry (?:&|and) Analysis(?: Series)?|Dispatch|Report|Bulletin)"
                       r"\s+No\.?\s*\d+)", re.I)
_FOOTNOTE_LINE = re.compile(r"^\[(\d{1,3})\]\s*(.+?)\s*$")
_FOOTNOTE_MARK = re.compile(r"\[(\d{1,3})\]")
_SOURCE_LINE = re.compile(r"\bSource:\s*([A-Z][\w .&'’-]{1,60})")
# A wire dateline: "BAGHDAD, Feb 17, 2026 (Example Wire) —", "ERBIL (Kurdistan 24) –", "ALEPPO, Syria (AFP) -".
_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]{1,40}(?P<rest>,[^()\n]{1,60})?\s*\((?P<outlet>[^)]{2,40})\)\s*[-–—]")
_LINE = re.compile(r"[^\n]*\n?")
# A line that only carries metadata: a date, a time, a dispatch number, a source tag, country tags.
_META_WORDS = re.compile(r"^(?:print|publication date|update date|published|(?:last\s+)?updated|posted|source|by)\b(?:\s+on\b)?",
                         re.I)
# An author's byline among the fields of a header line ("By Jane Doe | May 3, 2024", "By Jane Doe and John Roe"): a
# person, not the publisher.
# "by Example Monitor staff" names the outlet.
_PERSON_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|al-\w+|bin|ibn|de|van)){0,3}"
_BYLINE_FIELD = re.compile(r"(?:^|(?<=[|·•,]\s)|(?<=\s[-–—]\s))[Bb]y\s+(?!(?:[A-Z][\w'’.-]*\s+){1,5}(?:staff|reporters|correspondents?)\b)"
                           + _PERSON_NAME + rf"(?:(?:,\s+{_PERSON_NAME}){{0,2}}(?:\s+and|\s*&)\s+{_PERSON_NAME})?")
_STAFF = re.compile(r"\b[Bb]y\s+(?P<name>(?:[A-Z][\w'’.-]*\s+){1,5}?)(?:staff|reporters|correspondents?)\b")


@dataclass
class ParsedMeta:
    title: str | None = None
    published: str | None = None
    publisher: str | None = None
    dispatch: str | None = None
    footnotes: list[Footnote] = field(default_factory=list)
    body: list[tuple[int, int]] = field(default_factory=list)
    boilerplate: list[tuple[int, int]] = field(default_factory=list)


@lru_cache(maxsize=1)
def _rules():
    pkg = resources.files("sitrep.data.ingest")
    furniture = yaml.safe_load(pkg.joinpath("boilerplate.yaml").read_text(encoding="utf-8"))
    publishers = yaml.safe_load(pkg.joinpath("publishers.yaml").read_text(encoding="utf-8"))

    def compile_all(patterns):
        return [re.compile(p, re.I) for p in patterns]

    return (compile_all(furniture["line"]), compile_all(furniture["end"]), compile_all(furniture["about"]),
            [(p["name"], compile_all(p["patterns"])) for p in publishers])


@lru_cache(maxsize=1)
def _organisation_heads() -> frozenset[str]:
    data = yaml.safe_load(resources.files("sitrep.data.ingest").joinpath("mastheads.yaml").read_text(encoding="utf-8"))
    return frozenset(w.lower() for w in data["organisation_heads"])


_NAME_LINK_WORDS = {"of", "for", "the", "and", "on", "in"}


def _headline(line: str) -> bool:
    """A line that reads as a headline, not as prose: a headline does not close with a full stop."""
    core = line.rstrip('"”')    # a headline may close on a quoted title ('Hearing summary: "Force Protection"')
    return len(line) <= 300 and not core.endswith((".", "!", "?")) and (core == line or '"' in core or "“" in core)


def _masthead_name(line: str) -> bool:
    """A line that is only an organisation's name: two to six capitalised words (links such as "of" between them),
    the last one an organisation's ("Hauran Rights Observatory")."""
    words = line.split()
    return 2 <= len(words) <= 6 and words[-1].lower() in _organisation_heads() and not any(
        c.isdigit() for c in line) and line[-1].isalpha() and all(
        w[0].isupper() or w in _NAME_LINK_WORDS for w in words) and words[0][0].isupper()


# "Euphrates Rights Observatory - Weekly Bulletin No. 46": a serial publication's title names its publisher.
_SERIAL_TITLE = re.compile(r"^(?P<org>[A-Z][^-–—:|]{2,60}?)\s*[-–—:|]\s*(?:(?:Daily|Weekly|Monthly|Quarterly|Special|"
                           r"Situation|Security|Field|Morning|Evening)\s+)?(?:Bulletin|Brief|Briefing|Report|Update|"
                           r"Digest|Round-?up|Newsletter|Sitrep|Monitor|Review)\b")


# Parts of a header line that say nothing but where and which issue: a domain, an issue or reference number, a
# validity time, a distribution note, a label with its value gone.
_META_SEGMENT = re.compile(r"^(?:(?:valid\s+)?as\s+of\b|issue\b|no\.|(?:brief|bulletin|report|advisory|dispatch|log|"
                           r"release|press\s+release)\s+(?:no\.?|ref\w*|HRP|[A-Z]{2,}[-/\d])|advisory\s+\S+\d|"
                           r"(?:log\s+)?ref(?:erence)?\b|distribution\b|(?:last\s+)?updated\b|issued\b|"
                           r"date\s+of\s+publication\b|week\s+ending\b|\(?[A-Z][a-z]+\s+time\)?$|local\s+time\b|"
                           r"(?:GMT|UTC)[+-]?\d*$|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?$|"
                           r"published\b|posted\b|by\s+our\b|(?:www\.)?[\w-]+\.(?:example|com|org|net|info|io|co|uk|sy|"
                           r"iq|lb|tr|ir|news)(?:/\S*)?$)", re.I)
# A label right before a date, colon or not, says the date is the report's own (it wins over a date in the headline): "Summary posted: 14 March 2024", "Filed: 20 June 2023", "Published Monday
# 19 September 2022", "Compiled 3 April 2023 by ...", "Date: Thu, 30 Oct 2025" (not "Hearing held: ...")
_LABELLED_DATE = re.compile(r"\b(?:published|publication\s+date|date\s+of\s+publication|issued|released|posted|filed|"
                            r"compiled|(?:last\s+)?updated|date|sent)(?:\s+on)?\s*:?\s*(?:(?:mon|tues|wednes|thurs|fri|"
                            r"satur|sun)day,?\s+|(?:mon|tue|wed|thu|fri|sat|sun)\.?,?\s+)?", re.I)
# An e-mail's header fields at the top of a newsletter
_MAIL_FIELD = re.compile(r"(?P<field>From|To|Cc|Date|Sent|Subject|Reply-To)\s*:\s*(?P<value>.*)$", re.I)
_MAIL_FROM = re.compile(r"\s*\"?(?P<name>[^<\"@]+?)\"?\s*<[^>]+>")
_SUBJECT_TAG = re.compile(r"^(?:(?:re|fwd?)\s*:\s*)*(?:\[[^\]]{1,40}\]\s*)?", re.I)
# Separators of the parts of a header line ("Analysis | Harbour Point Institute", "Al-Sajour News Network - Office of
# the Eastern Countryside", "Riverline Monitoring Unit (RMU) - Field Desk").
_HEADER_SPLIT = re.compile(r"\s+[|·•]\s+|\s+[-–—]\s+|\s*\|\s*")
_ACRONYM_TAIL = re.compile(r"\s*\([A-Z]{2,8}\)\s*$")
_PRESS_OFFICE = re.compile(r"^(?:(?:Public\s+Affairs|Press|Media|Information|Communications?)\s+Office|Office\s+of\s+the\s+"
                           r"(?:Spokesperson|Spokesman|Press\s+Secretary))$", re.I)
_TAG_LINE = re.compile(r"[A-Z][a-z]+(?:\s*[-,|/·]\s*[A-Z][a-z]+){1,5}")
_BULLET_LINE = re.compile(r"\s*(?:[-•*·]|\d+[.)])\s+")
_CREDIT_LINE = re.compile(r"(?:summari[sz]ed|translated|compiled|edited|prepared|written)\b[^.]{0,80}\bby\b", re.I)
_FOOT_DATE = re.compile(r"\b(?:first\s+)?(?:published|posted)\b", re.I)
_SECTION_LABEL = re.compile(r"[A-Z][\w&'’-]*(?:\s+(?:&\s+)?[A-Za-z][\w&'’-]*)?$")
_CAPS_NAME = re.compile(r"(?:THE\s+)?[A-Z][A-Z'’&.-]+(?:\s+(?:&\s+)?[A-Z][A-Z'’&.-]+){1,5}")


def _section_label(line: str) -> bool:
    """A one- or two-word line at the top that names a section or a format: "Live", "Profile", "Security & Defence"."""
    return len(line) <= 30 and bool(_SECTION_LABEL.fullmatch(line.strip())) and not find_date(line)


def _labelled_date(line: str) -> str | None:
    """The date a label gives as the report's own on a header line ("Summary posted: 14 March 2024")."""
    for m in _LABELLED_DATE.finditer(line):
        found = find_date(line[m.end():m.end() + 40])
        if found and found[1] == 0:
            return found[0]
    return None


def _masthead_of(line: str) -> str | None:
    """The outlet a first line names: an organisation's name, or a name in capitals ("THE EUPHRATES LEDGER",
    "LEVANT WIRE SERVICE | FLASH"), as its first part ("The Mesopotamia Monitor — Politics & Security")."""
    parts = _HEADER_SPLIT.split(line.strip())
    part = _ACRONYM_TAIL.sub("", parts[0].strip())
    # a name in capitals may be followed by what it is ("EXAMPLE DESK — open-source imagery notes, No. 112")
    described = part.isupper() and all(not p.isupper() and len(p.split()) <= 8 for p in parts[1:])
    if any(":" in p or not described and (any(c.isdigit() for c in p) or len(p.split()) > 3) for p in parts[1:]):
        return None           # "X - Weekly Bulletin No. 46", "DAILY BRIEF - EASTERN SYRIA: DEIR EZ-ZOR": a title
    if not (_masthead_name(part) or _CAPS_NAME.fullmatch(part) and ":" not in part):
        return None
    # a name set in capitals is written as a name ("THE EXAMPLE LEDGER" -> "The Example Ledger")
    return " ".join(w.capitalize() for w in part.split()) if part.isupper() else part


def _serial_publisher(title: str | None) -> str | None:
    m = _SERIAL_TITLE.match(title or "")
    return m.group("org") if m and _masthead_name(m.group("org")) else None


def find_date(text: str) -> tuple[str, int, int] | None:
    """The first full date (day, month, year) in text: (ISO, start, end)."""
    best = None
    for pattern in _DATE_PATTERNS:
        m = pattern.search(text)
        if m and (best is None or m.start() < best[1]):
            month = m.group("month")
            month_n = int(month) if month.isdigit() else _month_number(month)
            try:
                iso = date(int(m.group("year")), int(month_n), int(m.group("day"))).isoformat()
            except (TypeError, ValueError):
                continue
            best = (iso, m.start(), m.end())
    return best


def _month_number(month: str) -> int:
    low = month.lower().rstrip(".")
    return _MONTHS["sept"] if low.startswith("sept") else _MONTHS[low[:3]]


def yearless_date(text: str, lead: str, received: date) -> str | None:
    """The date a dateline without a year means ("ALEPPO, Syria, March 2 (Example Press) - ... on Sunday"): among the
    last seven years up to the day the report was received, the latest in which that day falls on the weekday the
    lead names, else the latest in which it falls the day after (wire copy names the dateline's own day, or the day
    before it); with no weekday to go by, the latest such day not after the report was received. None where text
    holds no day and month."""
    m = _DAY_MONTH.search(text)
    if not m:
        return None
    month = _month_number(m.group("month") or m.group("month2"))
    day = int(m.group("day") or m.group("day2"))
    candidates = []
    for year in range(received.year, received.year - 15, -1):
        try:
            d = date(year, month, day)
        except ValueError:
            continue      # 29 February, or a day the month lacks
        if d <= received + timedelta(days=1):     # a dateline may run ahead of the receiver's clock by a time zone
            candidates.append(d)
    if not candidates:
        return None
    w = _WEEKDAY.search(lead)
    if w:
        named = _WEEKDAY_INDEX[w.group(1).lower()]
        recent = [d for d in candidates if d.year > received.year - 7]    # the weekdays of a day repeat within 7 years
        for lag in (0, 1):
            for d in recent:
                if (d.weekday() - named) % 7 == lag:
                    return d.isoformat()
    return candidates[0].isoformat()


def _metadata_line(line: str) -> str | None:
    """A line near the top that holds only metadata: a date, time, dispatch number, source tag, or a masthead
    ("Sharq Voice - Monday, June 17, 2024", "Rafidain Insight | Baghdad | August 19, 2025").

    Returns None for any other line, else what is left of it once the metadata is taken out: a masthead's name,
    or "" when nothing is left."""
    s = line.strip()
    found = find_date(s)
    if not s or not (found or _DISPATCH.search(s)):
        return None
    rest = s[:found[1]] + " " + s[found[2]:] if found else s
    staff = _STAFF.search(rest)
    if staff:
        return staff.group("name").strip()     # "Posted on May 3, 2024 by Example Monitor staff"
    rest = _BYLINE_FIELD.sub("", rest)
    rest = _DISPATCH.sub("", rest)
    rest = re.sub(r"\b\d{1,2}:\d\d(:\d\d)?\s*(AM|PM|GMT|UTC)?\b", "", rest, flags=re.I)
    rest = re.sub(r"Source:\s*.*$", "", rest)
    rest = _META_WORDS.sub("", rest)
    rest = re.sub(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", "", rest, flags=re.I)
    # Country tags on a dispatch line ("Iran, Russia, Syria |").
    rest = re.sub(r"^[A-Z][a-z]+(?:,\s*[A-Z][a-z]+)*\s*\|", "", rest.strip())
    if len(re.sub(r"[\W_]+", "", rest)) <= 3:
        return ""
    # A masthead: a few capitalised words around separators, before or after the date.
    rest = rest.strip(" -–—|,·•")
    segments = [seg.strip(" ,.") for seg in re.split(r"\s[|\-–—·•]\s|\s*\|\s*|,\s+", rest) if seg.strip(" ,")]
    segments = [seg for seg in segments if not _META_SEGMENT.match(seg)]    # "Issue 212", "site.example", ...
    if not segments:
        return ""
    words = [w for seg in segments for w in seg.split()]
    if found and len(words) <= 8 and ":" not in segments[0] and all(
            w[0].isupper() or w[0].isdigit() or w in ("of", "the", "and") for w in words):
        return segments[0]
    return None


def _header_publisher(lines: list[tuple[int, int, str]], skip: set[int]) -> str | None:
    """The publisher named by a header line above the body: a part of the line that is an organisation's name
    ("Analysis | Harbour Point Institute for Security Studies", "Hawran Documentation Network (HDN)")."""
    for i, (_s, _e, line) in enumerate(lines[:8]):
        if i in skip or len(line) > 160 or line.endswith((".", "”", '"')):
            continue
        for part in _HEADER_SPLIT.split(line):
            part = _ACRONYM_TAIL.sub("", part.strip())
            if _masthead_name(part):
                if _PRESS_OFFICE.match(part) and i > 0 and i - 1 not in skip:
                    return _ACRONYM_TAIL.sub("", lines[i - 1][2])   # the office of the body named on the line above
                return part
    return None


def parse_footnote(number: int, body: str, start: int, end: int) -> Footnote:
    found = find_date(body)
    outlet = None
    if found:
        head = body[:found[1]].strip(" ,;.:-–")
        outlet = head or None
    else:
        head = body.split(",")[0].strip(" .")
        outlet = head if head and len(head) < 80 else None
    return Footnote(number=number, text=body, start=start, end=end, outlet=outlet,
                    date=found[0] if found else None)


def _find_publisher(text: str, lines: list[tuple[int, int, str]], masthead: str | None = None) -> str | None:
    *_, publishers = _rules()
    head = [s for _, _, s in lines[:12]]
    for name, patterns in publishers:
        for p in patterns:
            if any(p.search(line) for line in head) or (not p.pattern.startswith("^") and p.search(text)):
                return name
    if masthead:
        return masthead       # the masthead names the outlet in full where a dateline may give its initials
    for s in head:
        m = _SOURCE_LINE.search(s)
        if m:
            return m.group(1).strip()
        m = _DATELINE.match(s)
        if m:
            return m.group("outlet").strip()
    return None


def parse_report_text(text: str, received: date | None = None) -> ParsedMeta:
    """Read the metadata and body ranges of a report's text (offsets into text). ``received``: the day the report
    was first ingested (default today), which dates a dateline that gives no year."""
    line_rules, end_rules, about_rules, _ = _rules()
    lines = []  # (start, end, stripped) for non-empty lines; end excludes the newline
    for m in _LINE.finditer(text):
        if m.start() == len(text):
            break
        raw = m.group(0).rstrip("\n")
        if raw.strip():
            lines.append((m.start(), m.start() + len(raw), raw.strip()))
    meta = ParsedMeta()
    if not lines:
        return meta

    # The top: metadata lines and the title (the first line that is neither metadata nor furniture).
    top_meta = set()
    masthead_name = None
    labelled = False
    mail_from = mail_subject = None
    for i, (s, e, line) in enumerate(lines[:10]):
        mf = _MAIL_FIELD.match(line) if i < 8 and (i == 0 or i - 1 in top_meta) else None
        if mf:
            # a newsletter sent by e-mail: who sent it, when, and its subject as the title
            top_meta.add(i)
            field_name, value = mf.group("field").lower(), mf.group("value")
            if field_name == "from" and (fm := _MAIL_FROM.match(value)):
                mail_from = fm.group("name").strip()
            elif field_name == "subject":
                mail_subject = _SUBJECT_TAG.sub("", value).strip() or None
            elif field_name in ("date", "sent") and not labelled and (found := find_date(value)):
                meta.published, labelled = found[0], True
            continue
        ld = _labelled_date(line) if len(line) < 250 and not labelled else None
        if ld:
            meta.published, labelled = ld, True     # "Summary posted: 14 March 2024", "Filed: 20 June 2023"
            if len(line) < 160:
                top_meta.add(i)
        masthead = _metadata_line(line)
        if masthead is not None:
            top_meta.add(i)
            if masthead and masthead_name is None:
                masthead_name = masthead
            if meta.published is None and (found := find_date(line)):
                meta.published = found[0]     # an unlabelled date: a labelled one below still wins
            d = _DISPATCH.search(line)
            if d and meta.dispatch is None:
                meta.dispatch = re.sub(r"\s+", " ", d.group(1))
    # A publisher's name on the first line, above the headline ("THE EUPHRATES LEDGER", "The Mesopotamia Monitor —
    # Politics & Security", "Example Group (EG)"). Lines that only carry metadata, or a section label ("Live",
    # "Profile"), may stand between them.
    first_masthead = None
    nxt = next((i for i in range(1, min(len(lines), 6)) if i not in top_meta and not _section_label(lines[i][2])), None)
    if len(lines) > 2 and 0 not in top_meta and nxt is not None and _headline(lines[nxt][2]) \
            and not _masthead_name(lines[nxt][2]):
        first_masthead = _masthead_of(lines[0][2])
        if first_masthead:
            top_meta.add(0)
    for i, (s, e, line) in enumerate(lines[:6]):
        if i in top_meta or any(r.match(line) for r in line_rules):
            continue
        section = _section_label(line)
        nxt_line = lines[i + 1][2] if i + 1 < len(lines) else ""
        before_bullets = _BULLET_LINE.match(nxt_line) is not None
        if section and before_bullets or _BULLET_LINE.match(line):
            break                # "Key points" over its bullets, or a bullet: the body, with no headline of its own
        if (section or _TAG_LINE.fullmatch(line)) and not before_bullets and len(nxt_line.split()) >= 3 \
                or _CREDIT_LINE.match(line):
            top_meta.add(i)      # "Live", "Iraq - Syria - Lebanon", "Translated from Persian by the desk"
            continue
        # A headline rarely closes with a period; a long first line that does is already the body.
        if len(line) <= 300 and not (line.endswith((".", "”", '"')) and len(line.split()) > 15):
            meta.title = line
        break
    if mail_subject:
        meta.title = mail_subject
    if meta.title is None and first_masthead and 0 in top_meta:
        meta.title = lines[0][2]     # a brief with no headline goes by its masthead line
        top_meta.discard(0)
    title_index = next((i for i, (_s, _e, line) in enumerate(lines[:6]) if line == meta.title), -1)
    meta.publisher = _find_publisher(text, lines, first_masthead or mail_from) or masthead_name or \
        _serial_publisher(meta.title) or _header_publisher(lines, {title_index})
    if meta.published is None:
        # A wire story may carry its only date in the dateline of its first paragraph.
        for _, _, line in lines[:6]:
            m = _DATELINE.match(line)
            if not m:
                continue
            found = find_date(m.group("rest") or "")
            meta.published = found[0] if found else yearless_date(m.group("rest") or "", line[m.end():],
                                                                  received or date.today())
            if meta.published:
                break
    if meta.published is None and len(lines) > 10:
        # A byline and date at the foot of the story ("By Jane Doe, Example Courier. 3 May 2024").
        for i in range(len(lines) - 1, max(10, len(lines) - 6) - 1, -1):
            line = lines[i][2]
            if _FOOTNOTE_LINE.match(line) or len(line) > 160:
                continue
            foot = _metadata_line(line)
            found = find_date(line)
            if foot is None and found and _FOOT_DATE.search(line):
                foot = ""       # "Reporting by ... Published 24.04.2025.", "First published 27 February 2024"
            if foot is not None and found:
                meta.published = found[0]
                top_meta.add(i)
                if not meta.publisher and foot:
                    meta.publisher = foot
                break

    # The end of the body: the first end marker, or an about-block heading in the last part of the report.
    end_index = len(lines)
    for i, (s, e, line) in enumerate(lines):
        if any(r.match(line) for r in end_rules):
            end_index = i
            break
        if s > len(text) * 0.5 and len(line) < 70 and any(r.match(line) for r in about_rules):
            end_index = i
            break

    body, boiler = [], []
    for i, (s, e, line) in enumerate(lines):
        fm = _FOOTNOTE_LINE.match(line)
        if fm and (i >= end_index or i > len(lines) // 3):
            meta.footnotes.append(parse_footnote(int(fm.group(1)), fm.group(2), s, e))
            boiler.append((s, e))
            continue
        if i in top_meta or i >= end_index or any(r.match(line) for r in line_rules):
            boiler.append((s, e))
            continue
        body.append((s, e))
    # Link footnote markers in the body to their notes.
    by_number = {f.number: f for f in meta.footnotes}
    for s, e in body:
        for m in _FOOTNOTE_MARK.finditer(text, s, e):
            note = by_number.get(int(m.group(1)))
            if note is not None:
                note.markers.append(m.start())
    meta.body = body
    meta.boilerplate = boiler
    return meta
