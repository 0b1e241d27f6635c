"""Attribution: who says so, and when, for every claim.

The stage walks the report's sentences in order and keeps a *reporting context*: the outlet being cited, the date of
its report, its footnote and its stated sourcing. A sentence with a reporting frame ("On March 3, the River Herald
website quoted its own sources, which claimed that ...") opens a new context; a frame that refers back
("The website added that", "According to the report", "The same sources") keeps it; a new paragraph with no frame
returns to the publisher's own voice.

Each claim then gets:
- ``source``: publisher -> cited outlet (its report date, its footnote) -> stated sourcing. A statement by an actor
  ("the SDF said in a statement") makes that actor the source; unnamed sources speaking to the publisher ("local
  sources said") leave the publisher as the source; unnamed other outlets ("other sources reported") name none;
- ``date``: a date written in the claim's own clause, relative ones read against the cited report's date ("on the
  previous day" of a December 22 report is December 21); else the cited report's date; else the publication date;
- ``optional``/``restates``: a headline, or a summary paragraph before the detailed reports, restates body claims:
  such a claim is linked to the body claim it restates and marked optional.
"""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from operator import attrgetter

from sitrep.extract.actors import LOCATED_PREFIX
from sitrep.extract.dates import count_word, parse_expression, resolve, to_date
from sitrep.extract.events_frames import _proper_name, find_frame
from sitrep.extract.events_lexicon import lexicon
from sitrep.extract.model import Claim, DateValue, Doc, Mention, Outlet, SourceChain, Span

# Patterns used inline below, compiled once.
_RELATIVE_CLAUSE_END = re.compile(r"\b(?:which|who)\b[^,]*$")
_THE_SAME = re.compile(r"\b(?:the|these)\s+same\b", re.I)
_SOURCE_WORD = re.compile(r"\bsource\b", re.I)
_SPACES = re.compile(r"\s+")
_CITING_BEFORE = re.compile(r"\b(?:citing|according\s+to|quoted|told)\s+\W*(?:an?\s+)?\W*$", re.I)


_MARKER = re.compile(r"\[(\d{1,3})\]")
# A sentence whose subject is a report or statement: "The statement also called upon ...".
_SOURCE_SUBJECT = re.compile(r"\s*(?:(?:also|meanwhile|moreover|however|in\s+addition),?\s+)?(the\s+(?:same\s+)?\w+)",
                             re.I)
_POINTS = re.compile(r"(?:key\s+points|highlights|key\s+developments|in\s+brief|at\s+a\s+glance|main\s+points)\s*:?\s*$",
                     re.I)
_BULLET = re.compile(r"[-•*–]\s+\S")
# A nationality before an outlet's name ("the Iraqi Rafidain Monitor website").
_DEMONYM = re.compile(r"^(?:[A-Z][a-z]+(?:i|ian|ese|ish))\s+(?=[A-Z])")
# A descriptive lead before an outlet's name ("the Qamishli-based Jazira Pulse website").
# A staff byline naming the outlet that publishes the report: "By Example Wire staff".
_BYLINE = re.compile(r"^[ \t]*By\s+(?P<name>[A-Z][\w&.'’-]*(?:[ \t]+[A-Z][\w&.'’-]*){0,4})[ \t]+(?:staff(?:[ \t]+writers?)?|"
                     r"correspondents?|reporters?|newsroom)[ \t]*$", re.M)
_TOLD = re.compile(r"\b(?:told|tells|said|say|says|speaking\s+to)\b", re.I)
# "since 2018": where a period starts, not the date of an event in it
_PERIOD_START = re.compile(r"since\b", re.I)
# "a day after", "two days after", "a week after" between a dated clause and the event it dates back from
_DAYS_AFTER = re.compile(r"\b(a|one|two|three|four|five|six|the)\s+(days?|weeks?)\s+after\s+(?:[^,;.]{0,50})$", re.I)
# What may stand before an entry's opening date: an item number, a bullet, "On".
_ENTRY_LEAD = re.compile(r"[\s\d.()•*·–—-]*(?:on\s+)?", re.I)
# A digest's entry head: a time or a day, then the name of the channel whose post follows ("07:12 | Nabd al-Muqawama",
# "14:50 | Harakat al-Nujaba (official)", "Zagros Line / Kata'ib Hezbollah military media").
_ENTRY_HEAD = re.compile(r"\s*(?:\d{1,2}[:.]\d\d|\d{1,2}/\d{1,2})\s*[|–—-]\s*"
                         r"(?P<name>[A-Z][\w'’.-]*(?:\s+(?:[a-z]{1,3}-)?[\w'’.-]+){0,5}?)"
                         r"(?:\s*\((?:official|unofficial|supporters?)\)|\s+(?:supporters|fans|official))?(?:\s*/.*)?\s*")
# A person, not a body, as the speaker: "an Asayish official", "two security officials in Sinjar", "a PMF commander",
# "the official" told of before, "a source close to the Coordination Framework".
_INDIVIDUAL = re.compile(r"(?:an?|the|one|two|three|four|several|some)\s+(?:[\w'’.-]+\s+){0,4}?(?:sources?\s+close\s+to|officials?|commanders?|officers?|"
                         r"members?|fighters?|residents?|participants?|witness(?:es)?|soldiers?|doctors?|activists?)\b",
                         re.I)
# The parties of the claim as its speaker: "..., both sides said in statements".
_BOTH_SIDES = re.compile(r"(?:both|the\s+two)\s+(?:sides|parties|camps|governments|forces)(?:\s+(?:have|had)\s+also)?",
                         re.I)
# "the same day", "later that day": the day of the event last told.
_SAME_DAY = re.compile(r"\b(?:same|that)\s+day\b", re.I)
# A bare "later" before the trigger ("officers later met ..."), not "later this month", "ten days later".
_LATER = re.compile(r"\blater\b(?!\s+(?:this|that|in|on|the)\b)", re.I)
_LATER_DATE = re.compile(r"\b(?:days?|weeks?|months?|years?|hours?)\s+later\b", re.I)
# An outlet named by description: "Russian state media", "Syrian state television", "state-run media".
_STATE_MEDIA = re.compile(r"(?:[A-Z][a-z]+(?:an|ian|i|ese|ish)\s+)?state(?:-run|-owned)?\s+(?:media|television|TV|"
                          r"news\s+agency|broadcaster)\b")
_SUMMARY_CUE = re.compile(r"\b(?:reports?|sources|websites|outlets|media)\b", re.I)
_START = attrgetter("start")


def _within(mentions, starts, a, b):
    i = bisect_right(starts, a - 1)
    out = []
    while i < len(mentions) and mentions[i].start < b:
        if mentions[i].end <= b:
            out.append(mentions[i])
        i += 1
    return out


class _Context:
    __slots__ = ("outlet", "mention", "date", "footnote", "sourcing", "own")

    def __init__(self):
        self.outlet: Outlet | None = None
        self.mention: Span | None = None
        self.date: str | None = None
        self.footnote: int | None = None
        self.sourcing: str | None = None
        self.own = True

    def copy(self) -> "_Context":
        c = _Context()
        c.outlet, c.mention, c.date, c.footnote, c.sourcing, c.own = (self.outlet, self.mention, self.date,
                                                                      self.footnote, self.sourcing, self.own)
        return c


class Attributor:
    """Pipeline stage: the source chain, certainty, date anchoring and restatement links of ``doc.claims``."""

    def __init__(self):
        self._last_day = None
        self._publisher = None
        self.lex = lexicon()

    def __call__(self, doc: Doc) -> Doc:
        if not doc.claims:
            return doc
        text = doc.text
        lex = self.lex
        published = to_date(doc.meta.published)
        self._publisher = doc.meta.publisher
        if not self._publisher:
            # No publisher in the metadata: the outlet whose staff wrote the report ("By Example Wire staff").
            bm = _BYLINE.search(text, 0, min(len(text), 600))
            if bm:
                self._publisher = doc.meta.publisher = bm.group("name")
                if not any(m.start < bm.end("name") and bm.start("name") < m.end for m in doc.sources):
                    doc.sources.append(Mention(bm.start("name"), bm.end("name"), bm.group("name"),
                                               Outlet(name=bm.group("name"), kind="agency")))
        sentences = doc.sentences
        starts = [s.start for s in sentences]
        by_sentence: dict[int, list[Claim]] = {}
        for c in doc.claims:
            si = bisect_right(starts, c.evidence.start) - 1
            by_sentence.setdefault(si, []).append(c)
        sources = sorted(doc.sources, key=_START)
        actors = sorted(doc.actors, key=_START)
        dates = sorted(doc.dates, key=_START)
        date_starts = [m.start for m in dates]
        footnotes = {f.number: f for f in doc.meta.footnotes}
        source_starts = [m.start for m in sources]
        actor_starts = [m.start for m in actors]

        ctx = _Context()
        self._last_day = None     # the day of the last claim dated by its own words
        last_named: tuple[Outlet, Span] | None = None
        last_cited: _Context | None = None     # the last context that cites someone, for "The statement also ..."
        outlet_names: dict[str, Outlet] = {}
        outlet_dates: dict[str, str] = {}       # outlet name -> the date of its report last cited
        for m in sources:
            outlet_names.setdefault(m.entity.name.lower(), m.entity)
            outlet_names.setdefault(m.text.lower(), m.entity)
        paragraph = -1
        para_day = section_day = para_voice = None
        head_only = False
        first_report_paragraph = None
        claim_paragraph: dict[int, int] = {}
        for si, s in enumerate(sentences):
            if s.boilerplate:
                continue
            s0, s1 = s.start, s.end
            s_sources = _within(sources, source_starts, s0, s1)
            s_actors = _within(actors, actor_starts, s0, s1)
            frame = find_frame(text, s0, s1, lex, [(m.start, m.end) for m in s_sources + s_actors])
            new_paragraph = s.paragraph != paragraph
            paragraph = s.paragraph
            if new_paragraph:
                # A log entry or bulletin item that opens with its day ("03/11 - Jubata ...", "1.1 On Monday,
                # November 10, ..."), or sits under a heading that does: that day dates the entry's claims that name
                # none of their own.
                i = bisect_left(date_starts, s0)
                opening = dates[i].entity.value if i < len(dates) and dates[i].start < min(s1, s0 + 30) and \
                    dates[i].entity.value and dates[i].entity.precision == "day" and \
                    _ENTRY_LEAD.fullmatch(text, s0, dates[i].start) else None
                if s.heading:
                    section_day = para_day = opening
                else:
                    para_day = opening or section_day
                head_end = text.find("\n", s0, s1)
                voice = self._entry_voice(doc, s0, head_end if head_end > 0 else s1, outlet_names)
                # a head on a line of its own gives its voice to the paragraph below it
                para_voice = voice or (para_voice if head_only else None)
                head_only = voice is not None and head_end < 0
            speaker_spans = [sp for sp in (frame.speaker, frame.according) if sp is not None]
            local = None     # a context for this sentence only (a trailing "according to X")
            if speaker_spans:
                named = None
                publisher = (self._publisher or "").lower()
                stext = " ".join(text[a:b] for a, b in speaker_spans)
                individual = _INDIVIDUAL.match(stext.strip())
                for a, b in (() if individual else speaker_spans):
                    # The head of the speaker phrase is its last outlet ("the independent website Valley Post");
                    # the publisher itself is never the cited outlet.
                    cands = [m for m in s_sources if a <= m.start < b + 1
                             and not (publisher and (m.entity.name.lower() in publisher
                                                     or publisher in m.entity.name.lower()))]
                    if cands:
                        named = cands[-1]
                    if named is None:
                        act = next((m for m in s_actors if a <= m.start < b + 1
                                    and not _RELATIVE_CLAUSE_END.search(text[a:m.start])), None)
                        if act is not None:
                            named = act
                    if named is None or isinstance(named.entity, Outlet):
                        # An outlet known by its form: a proper name as the speaker ("Badia Watch added that"), or a
                        # known outlet's name inside a longer one ("Sharq" of "Sharq Horizon") is that longer name.
                        by_form = self._by_form(doc, text, a, b, s0, named, outlet_names, publisher)
                        if by_form is not None:
                            named = by_form
                if named is None and _BOTH_SIDES.fullmatch(stext.strip()):
                    # "X and Y agreed to ..., both sides said": the first party speaks for the claim
                    named = next((m for m in s_actors if frame.content_start <= m.start < frame.content_end), None)
                if named is None:
                    for a, b in speaker_spans:
                        sm = _STATE_MEDIA.search(text, a, b + 1) if "state" in text[a:b + 1] else None
                        if sm is not None:
                            ent = outlet_names.setdefault(sm.group().lower(), Outlet(name=sm.group(), kind="agency"))
                            named = Mention(sm.start(), sm.end(), sm.group(), ent)
                            doc.sources.append(named)
                            break
                nctx = ctx.copy()     # a new frame inherits the running context, across paragraphs too
                if named is not None:
                    ent = named.entity
                    outlet = ent if isinstance(ent, Outlet) else Outlet(name=ent.name, kind="statement")
                    nctx = _Context()
                    nctx.outlet, nctx.mention, nctx.own = outlet, Span(named.start, named.end, named.text), False
                    if isinstance(ent, Outlet):
                        last_named = (outlet, nctx.mention)
                elif individual:
                    # "an Asayish official said": an unnamed person speaking to the publisher, whose own reporting
                    # it is (a named spokesman speaks for the body)
                    nctx = _Context()
                    nctx.own = True
                    nctx.sourcing = _SPACES.sub(" ", stext.strip().lower())[:80]
                elif lex.unnamed_outlet_re.search(stext) and not _THE_SAME.search(stext) \
                        and not (_TOLD.search(text[frame.verb[0]:frame.verb[1]]) if frame.verb else False):
                    nctx = _Context()
                    nctx.own = False
                    nctx.sourcing = lex.unnamed_outlet_re.search(stext).group()
                elif lex.sourcing_re.search(stext) and not lex.anaphoric_source_re.match(stext.strip()):
                    # Unnamed sources speaking to the publisher: the publisher is the source.
                    nctx = _Context()
                    nctx.own = True
                    nctx.sourcing = lex.sourcing_re.search(stext).group()
                elif anaphor := lex.anaphoric_source_re.search(stext):
                    head = anaphor.group().split()[-1].lower()
                    if ctx.outlet is None and last_named is not None and (
                            _SOURCE_WORD.search(stext) or head in last_named[0].name.lower()):
                        # "the source said", "..., the observatory added": the outlet last named, when the word fits
                        nctx.outlet, nctx.mention = last_named
                        nctx.own = False
                # The frame's date is the cited report's date.
                fdate = None
                for m in dates[bisect_left(date_starts, s0):]:     # the frame lies in the sentence
                    if m.start >= s1:
                        break
                    if any(a <= m.start < b for a, b in frame.frame_spans) and m.entity.value:
                        # "Later that day, X reported, ...": the day of the event last told.
                        fdate = self._last_day if _SAME_DAY.search(m.text) and self._last_day else m.entity.value
                        break
                if not fdate and named is not None and ctx.outlet is not None and ctx.outlet.name == getattr(
                        named.entity, "name", None):
                    fdate = ctx.date
                if not fdate and named is not None:
                    # "Qalamoun Eye also reported that ...": the report of that outlet already dated.
                    fdate = outlet_dates.get(getattr(named.entity, "name", None))
                if not fdate and named is not None:
                    # "According to X, also on November 3, ...": an absolute date opening the content.
                    for m in dates[bisect_left(date_starts, frame.content_start):]:
                        if frame.content_start <= m.start < min(s1, frame.content_start + 30) and m.entity.value \
                                and m.entity.anchor is None:
                            fdate = m.entity.value
                            break
                if fdate:
                    nctx.date = fdate
                elif named is not None:
                    nctx.date = None
                if frame.according is not None and frame.speaker is None and frame.content_end < s1:
                    local = nctx
                else:
                    ctx = nctx
                    if not ctx.own and ctx.outlet is not None and ctx.outlet.kind != "statement" \
                            and first_report_paragraph is None and nctx.date:
                        first_report_paragraph = s.paragraph
            elif last_cited is not None and _SOURCE_SUBJECT.match(text, s0, s1) and \
                    lex.anaphoric_source_re.match(text, _SOURCE_SUBJECT.match(text, s0, s1).start(1), s1):
                # "The statement also called upon ...": the subject is the report or statement last cited.
                ctx = last_cited.copy()
            elif new_paragraph and para_voice is not None:
                # An entry under a "07:12 | Nabd al-Muqawama" head: the post of the channel it names.
                ctx = _Context()
                ctx.outlet, ctx.mention, ctx.own = para_voice
            elif new_paragraph and not lex.hedge_re.search(text, s0, s1):
                # A new paragraph in no one's voice is the publisher's own; a hedged one ("were reportedly
                # arrested") goes on reporting the cited outlet.
                ctx = _Context()
            if not ctx.own and ctx.outlet is not None:
                last_cited = ctx
                if ctx.date:
                    outlet_dates[ctx.outlet.name] = ctx.date
            # Stated sourcing anywhere in the frame ("according to 'exclusive sources'", "citing a special source").
            use = local or ctx
            for a, b in frame.frame_spans:
                sm = lex.sourcing_re.search(text, a, b)
                if sm:
                    use.sourcing = _SPACES.sub(" ", sm.group().lower())
                    break
            else:
                sm = lex.sourcing_re.search(text, frame.content_start, s1)
                if sm and _CITING_BEFORE.search(text[max(s0, sm.start() - 25):sm.start()]):
                    use.sourcing = _SPACES.sub(" ", sm.group().lower().replace('"', ""))
            # Footnote: a "[n]" marker in this sentence, or later in the paragraph.
            fm = _MARKER.search(text, s0, s1)
            if fm:
                use.footnote = int(fm.group(1))
                fn = footnotes.get(use.footnote)
                if fn is not None and fn.date and not use.date:
                    use.date = fn.date
            for claim in by_sentence.get(si, []):
                claim_paragraph[id(claim)] = s.paragraph
                self._attribute(doc, claim, use, frame, dates, date_starts, published, para_day)
        self._restatements(doc, claim_paragraph, first_report_paragraph)
        doc.sources.sort(key=_START)
        return doc

    def _entry_voice(self, doc: Doc, start: int, end: int, outlet_names) -> tuple[Outlet, Span, bool] | None:
        """The channel or outlet a digest's entry head names ("07:12 | Nabd al-Muqawama", "14:50 | Harakat al-Nujaba
        (official)"), on the first line of a paragraph: the voice of the entry below it."""
        m = _ENTRY_HEAD.fullmatch(doc.text, start, end)
        if m is None:
            return None
        a = m.start("name")
        b = a + len(m.group("name"))
        name = m.group("name")
        if (self._publisher or "").lower() == name.lower():
            return None
        ent = outlet_names.get(name.lower())
        if ent is None:
            kind = "telegram" if "telegram" in doc.text.lower() else "website"
            ent = outlet_names[name.lower()] = Outlet(name=name, kind=kind)
        if not any(x.start == a and x.end == b for x in doc.sources):
            doc.sources.append(Mention(a, b, doc.text[a:b], ent))
        return ent, Span(a, b, doc.text[a:b]), False

    @staticmethod
    def _by_form(doc, text, a, b, s0, named, outlet_names, publisher):
        """A mention of the outlet named by a proper name in the speaker span text[a:b], or None."""
        pn = _proper_name(text, a, b + 1, s0)
        if pn is None:
            return None
        if named is not None and not (pn[0] <= named.start and named.end <= pn[1] and pn[1] - pn[0] > named.end - named.start):
            return None
        if any(pn[0] < m.end and m.start < pn[1] for m in doc.persons) or \
                any(pn[0] < m.end and m.start < pn[1] for m in doc.actors) or \
                any(pn[0] < m.end and m.start < pn[1] for m in doc.places):
            return None
        name = _DEMONYM.sub("", text[pn[0]:pn[1]])
        lead = LOCATED_PREFIX.match(name)     # "the Qamishli-based X": the name is X
        if lead:
            name = name[lead.end():]
        low = name.lower()
        if publisher and (low in publisher or publisher in low):
            return None
        ent = outlet_names.get(low) or outlet_names.get(text[pn[0]:pn[1]].lower())
        if ent is None:
            if len(name.split()) < 2:
                return None     # a single capitalised word is too weak a sign of an outlet
            ent = outlet_names[low] = Outlet(name=name, kind="website")
        start = pn[1] - len(name)
        mention = Mention(start, pn[1], text[start:pn[1]], ent)
        doc.sources.append(mention)
        return mention

    def _attribute(self, doc: Doc, claim: Claim, ctx: _Context, frame, dates, date_starts, published,
                   entry_day: str | None = None) -> None:
        outlet = ctx.outlet
        claim.source = SourceChain(publisher=self._publisher, outlet=outlet, outlet_mention=ctx.mention,
                                   outlet_date=ctx.date, footnote=ctx.footnote, sourcing=ctx.sourcing)
        if ctx.mention is not None:
            claim.fields["source"] = ctx.mention
        # Date: one written in the claim's own content, nearest its trigger.
        t = claim.trigger.start if claim.trigger else claim.evidence.start
        anchor = to_date(ctx.date) or published
        anchor_name = "cited report" if ctx.date else "published"
        best = None
        for m in dates[bisect_left(date_starts, frame.content_start):]:
            if m.start < frame.content_start or m.start >= claim.evidence.end:
                if m.start >= claim.evidence.end:
                    break
                continue
            if m.start >= frame.content_end:
                continue
            if _PERIOD_START.match(m.text) or (m.start > t and published is not None and m.entity.precision == "year"
                                               and m.entity.value and int(m.entity.value[:4]) <= published.year - 2):
                continue     # "since 2019", "..., after its defeat in 2018": the background of a claim, not its date
            d = abs(m.start - t)
            if best is None or d < best[0]:
                best = (d, m)
        lo = max(claim.evidence.start, frame.content_start)
        if best is None and self._last_day is not None and _LATER.search(doc.text, lo, t) \
                and not _LATER_DATE.search(doc.text, lo, t):
            # "Two officers later met ...": after the event last told, on its day as far as the report says.
            claim.date = DateValue(self._last_day, "day", "previous event")
            return
        if best is not None:
            m = best[1]
            expr = parse_expression(m.text)
            if _SAME_DAY.search(m.text) and self._last_day is not None:
                # "the same day", "later that day": the day last told, not the report's own date.
                value = DateValue(self._last_day, "day", "previous event")
            else:
                if expr is not None and claim.modality == "planned" and expr.year is None and \
                        expr.kind in ("absolute", "month", "weekday") and expr.direction == "past":
                    expr = replace(expr, direction="future")   # "is to deliver ... in June", "due to begin on Thursday"
                if expr is not None and expr.kind == "offset" and expr.days > 0 and self._last_day is not None:
                    # "Two days later", "the next day": after the event last told, not after the report's date
                    value = resolve(expr, to_date(self._last_day), "previous event")
                else:
                    value = resolve(expr, anchor, anchor_name) if expr is not None and (
                        expr.relative or expr.year is None) else m.entity
            ba = _DAYS_AFTER.search(doc.text, max(lo, t - 60), t)
            if ba and value.value and value.precision == "day" and m.start < ba.start():
                # "Reinforcements arrived on Monday, a day after militants attacked ...": the attack is the day before
                n = 1 if ba.group(1).lower() == "the" else count_word(ba.group(1))
                days = n * (7 if ba.group(2).lower().startswith("week") else 1)
                value = DateValue((to_date(value.value) - dt.timedelta(days=days)).isoformat(), "day", "previous event")
            claim.date = value
            claim.fields["date"] = Span(m.start, m.end, m.text)
            if value.value and value.precision == "day":
                self._last_day = value.value
            return
        if ctx.date:
            claim.date = DateValue(ctx.date, "day" if len(ctx.date) == 10 else "month", "cited report")
        elif entry_day:
            claim.date = DateValue(entry_day, "day", "entry")
        elif published is not None:
            claim.date = DateValue(published.isoformat(), "day", "published")

    def _restatements(self, doc: Doc, claim_paragraph: dict[int, int], first_report_paragraph: int | None) -> None:
        """Headline and summary claims: linked to the body claim they restate, marked optional."""
        claims = doc.claims
        sentences = doc.sentences
        starts = [s.start for s in sentences]

        # Headline-like sentences: marked headings, the report's title as written (in sentence case too), and the
        # points of a "Key points" / "Highlights" list, which restate the body below them.
        title = (doc.meta.title or "").strip()
        headline: set[int] = set()
        in_points = None
        for i, s in enumerate(sentences):
            if s.boilerplate:
                continue
            text_ = s.text.strip()
            if s.heading or (title and text_ == title):
                headline.add(i)
            if _POINTS.match(text_):
                in_points = s.paragraph
                headline.add(i)
                continue
            if in_points is not None:
                if _BULLET.match(text_) and s.paragraph - in_points <= 1 and text_[-1:] not in ":":
                    headline.add(i)
                    in_points = s.paragraph
                else:
                    in_points = None

        # Each claim's kind and names, worked out once (the pairs below compare them many times).
        is_heading = [bisect_right(starts, c.evidence.start) - 1 in headline for c in claims]
        cue_of_paragraph: dict[int, bool] = {}

        def summary(c: Claim) -> bool:
            if first_report_paragraph is None:
                return False
            p = claim_paragraph.get(id(c))
            if p is None or p >= first_report_paragraph:
                return False
            if p not in cue_of_paragraph:
                para = " ".join(s.text for s in sentences if s.paragraph == p)
                cue_of_paragraph[p] = bool(_SUMMARY_CUE.search(para))
            return cue_of_paragraph[p]

        def fam(t: str) -> str:
            return "motion" if t in ("movement", "transfer") else t

        restating = [h or summary(c) for c, h in zip(claims, is_heading)]
        if not any(restating):
            return
        names = [{x.actor.name for x in c.actors} | {x.place.name for x in c.places} for c in claims]
        families = [fam(c.type) for c in claims]
        body = [i for i, r in enumerate(restating) if not r]
        drop: set[int] = set()
        for i, c in enumerate(claims):
            if not restating[i]:
                continue
            best = None
            for j in body:
                if families[j] != families[i]:
                    continue
                shared = len(names[i] & names[j])
                if shared and (best is None or shared > best[0]):
                    best = (shared, j)
            if best is None and is_heading[i]:
                same = [j for j in body if claims[j].type == c.type]
                if len(same) == 1:
                    best = (0, same[0])
            if best is not None:
                c.restates = best[1]
                c.optional = True
            elif is_heading[i]:
                c.optional = True
                drop.add(i)
        if drop:
            # A headline restates the body: a headline claim that restates no body claim is left out, and the links
            # of the others are renumbered.
            keep = [i for i in range(len(claims)) if i not in drop]
            new_index = {old: new for new, old in enumerate(keep)}
            doc.claims = [claims[i] for i in keep]
            for c in doc.claims:
                if c.restates is not None:
                    c.restates = new_index.get(c.restates)
