"""Reporting frames: the part of a sentence that says who reports ("On December 22, the website reported that ...")
as against the content that is reported. Shared by the events stage (triggers are only looked for in the content)
and the attribution stage (the speaker and the frame's date make the claim's source chain).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from sitrep.extract.events_lexicon import Guarded, Lexicon

# Patterns used inline below, compiled once.
# "that" opens a clause, except as a determiner of time ("Later that day, X reported, ...").
_FRAME_BREAK = re.compile(r";|\bthat\b(?!\s+(?:day|night|morning|afternoon|evening|week|month|year|time)\b)|—")
_REPORT_NOUN = re.compile(r"\b(?:reports?|statements?|article|sources?|website|channel|outlet|media)\b", re.I)
_THAT_OR_COLON = re.compile(r"\s*(?:that|:)")


_THAT = re.compile(r"""(?:\[\d+\])?\s*(?:,\s*)?(?:that\b|:|,|\s*["“])?""")
_ACCORDING = Guarded(re.compile(r"\baccording\s+to\b", re.I), ("according",), fold=True)
_DATELINE = re.compile(r"""^(?:[A-Z][A-Z' .,-]{2,40}(?:,\s*\w[\w'’ .]{0,30}){0,3}(?:\([^)]{0,40}\))?\s*[–—-]\s+|[A-Z][\w ]{2,30}\s+-\s+[A-Z]\w+\s*$|"""
                       r"""[A-Z][\w ]{2,30}/\s+)""")
_QUOTE_OPEN = re.compile(r"""^\s*["“]""")


@dataclass(slots=True)
class Frame:
    content_start: int
    content_end: int
    speaker: tuple[int, int] | None = None      # span of the reporting subject ("the website", "SOHR")
    verb: tuple[int, int] | None = None          # the reporting verb
    frame_spans: list[tuple[int, int]] = field(default_factory=list)   # the frame's text (holds its date)
    according: tuple[int, int] | None = None     # "according to X": the X


def _subject_before(text: str, verb_start: int, lo: int) -> tuple[int, int] | None:
    """The reporting verb's subject region: back from the verb to the clause start (';', 'that', a quote, or lo).

    The region may hold a leading date and an apposition ("On March 4, the Valley Post website, which covers
    the river towns, reported"): the speaker is looked for anywhere in it.
    """
    a = max(lo, verb_start - 220)
    window = text[a:verb_start]
    cut = -1
    for m in _FRAME_BREAK.finditer(window):
        cut = m.end()
    start = a + cut if cut >= 0 else a
    while start < verb_start and text[start].isspace():
        start += 1
    end = verb_start
    while end > start and text[end - 1] in " ,":
        end -= 1
    return (start, end) if end > start else None


_REL_THAT = re.compile(r"\bthat\s*$")
_RELATIVE_PRONOUN_END = re.compile(r",\s*(?:which|who)\s+(?:also\s+|later\s+)?$")
# "struck what the military described as a depot": the verb names the target; it frames nothing.
_WHAT_SUBJECT = re.compile(r"\bwhat\s+(?:[\w'’.-]+\s+){1,5}$", re.I)
_AND_BEFORE = re.compile(r"\band\s+(?:also\s+|later\s+|then\s+)?$")
_ADDING_THAT = re.compile(r"(?:\s+on\s+\w+)?\s*,\s*(?:adding|saying|noting|explaining|stressing|claiming)\s+that\b", re.I)
# Verbs that give a name or a label ("described as", "branded"), not a report
NAMING_VERBS = r"(?:described|identified|labell?ed|branded|characteri[sz]ed)"
_NAMED_AS = re.compile(NAMING_VERBS + r"\s+as\b", re.I)
_COMPLEMENT = re.compile(r"\bthat\b|[:\"“]")
# "said in a statement that blamed Turkey": a relative clause on the report noun, not the content of the saying
_RELATIVE_ON_REPORT = re.compile(r"\b(?:statement|report|post|video|message|communiqu[ée])\s+that\s+(?!(?:the|a|an|its|their|"
                                 r"his|her|it|they|he|she|we|this|these|those|some|all|no|one|two|several|there|"
                                 r"unidentified|[a-z]+s)\b)[a-z]", re.I)
# After a comma, a short speaker of a trailing frame ("..., the army said in a statement ..."); not a coordinated
# clause ("..., and the SDF said they had ...")
_TRAILING_SPEAKER = re.compile(r"\s+(?!(?:and|but|while|as|which|who)\b)(?:[\w'’.-]+\s+){0,5}[\w'’.-]+\s*")
# what follows the verb of a trailing frame: where or when it was said, not a clause of its own
_FRAME_ADJUNCT = re.compile(r"\s*(?:in|on|at|during|after|before|via|through|late|earlier|last|this|[,.;])", re.I)
# A participle that carries a frame on ("..., the network said, citing sources at the airport"): not the main verb
_CHAINED_PARTICIPLE = re.compile(r"(?:citing|quoting|adding|saying|noting)\b", re.I)
_ADVERBS_ONLY = re.compile(r"(?:\s*,?\s*(?:also|further|later|then|separately|subsequently|meanwhile|previously|"
                           r"earlier|recently|additionally|moreover|itself|alone))*\s*,?\s*$", re.I)
_SPEECH_ACT = re.compile(r"(?:announc|declar|proclaim)\w*$", re.I)
_OBJECT_START = re.compile(r"\s+(?:the|a|an|its|their|his|her|what|new|general|full|partial|temporary|"
                           r"immediate)\b", re.I)
_CAP_SEQ = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:(?:of|for|and|the|al|el|on)\s+)?[A-Z][\w'’.-]*)*")
_NOT_NAME = frozenset("""the a an on in at by as for from of according also after before during while when since
    it he she they we this that these those there here such some many most several all its their his her our
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday""".split())


def _speech_act(text: str, v0: int, v1: int, s1: int, lex: Lexicon) -> bool:
    """Does the verb at text[v0:v1] announce an act by its object ("announced the suspension of", "declared a
    general mobilization") rather than report a clause ("announced the militias had withdrawn")?"""
    if not _SPEECH_ACT.match(text, v0, v1) or not _OBJECT_START.match(text, v1, s1):
        return False
    for t in lex.trigger_re.finditer(text, v0, min(s1, v1 + 50)):
        e = lex.entries.get(" ".join(t.group().lower().split()))
        if t.start() == v0 or (e is not None and (e.noun and not e.verb or "posture" in e.types)):
            # an event noun, or a state ("declared a state of alert"), is what is announced
            return True
        break
    return False


def _proper_name(text: str, a: int, b: int, s0: int) -> tuple[int, int] | None:
    """The last proper name by its form in text[a:b]: capitalised words ("Badia Watch", "Sharq Horizon"), less a
    leading determiner, month or weekday; a single word only when it does not open the sentence."""
    best = None
    for m in _CAP_SEQ.finditer(text, a, b):
        words = list(re.finditer(r"\S+", m.group()))
        k = 0
        while k < len(words) and words[k].group().lower().strip(",") in _NOT_NAME:
            k += 1
        if k == len(words):
            continue
        start = m.start() + words[k].start()
        n = len(words) - k
        if n == 1 and (start == s0 or not text[s0:start].strip(" \"“'‘")):
            continue
        end = m.end()
        while end > start and text[end - 1] in ".,;:’'":
            end -= 1     # "Valley Post." ends the sentence, "Hizbullah's" is a possessive
        best = (start, end)
    return best


_CACHE: dict = {"text": None, "frames": {}}


def find_frame(text: str, s0: int, s1: int, lex: Lexicon, speakers: list[tuple[int, int]]) -> Frame:
    """The reporting frame of the sentence text[s0:s1] (cached for the report being processed: the events and the
    attribution stages both ask).

    ``speakers`` are the spans of mentions that can report (outlets, actors) in this sentence.
    """
    if _CACHE["text"] is not text:
        _CACHE["text"], _CACHE["frames"] = text, {}
    key = (s0, s1, tuple(speakers))
    frame = _CACHE["frames"].get(key)
    if frame is None:
        frame = _CACHE["frames"][key] = _find_frame(text, s0, s1, lex, speakers)
    return frame


def _find_frame(text: str, s0: int, s1: int, lex: Lexicon, speakers: list[tuple[int, int]]) -> Frame:
    frame = Frame(s0, s1)
    # A dateline ("TEL TAMR –", "ERBIL (Kurdistan 24) –", "Shafaq News/") is not content.
    dm = _DATELINE.match(text, s0, s1)
    if dm and dm.end() < s1:
        frame.content_start = dm.end()
        frame.frame_spans.append((s0, dm.end()))
    elif not _ACCORDING.may(text, s0, s1) and not lex.reporting_re.occurs(text, s0, s1):
        return frame     # neither "according to" nor a reporting verb anywhere (most sentences): no frame
    lo = frame.content_start
    trailing_verb = s1
    # "According to X, ..." at the start.
    am = _ACCORDING.search(text, lo, min(s1, lo + 12))
    if am:
        comma = text.find(",", am.end(), s1)
        if 0 <= comma - am.end() < 120:
            frame.according = (am.end(), comma)
            frame.frame_spans.append((lo, comma + 1))
            frame.content_start = comma + 1
            lo = frame.content_start
    # A reporting verb near the start with a subject that can report, then "that" / ":" / ",".
    for rm in lex.reporting_re.finditer(text, lo, min(s1, lo + 260)):
        if rm.start() - lo > 220:
            break
        if rm.start() > lo and text[rm.start()].isupper():
            continue         # part of a name ("the United States"), not a verb
        rest = text[rm.end():s1]
        comp = _COMPLEMENT.search(rest)
        if comp is not None and comp.group() == "that" and _RELATIVE_ON_REPORT.search(rest, 0, comp.end() + 30):
            comp = None
        comma = text.rfind(",", lo, rm.start())
        if comp is None and not _speech_act(text, rm.start(), rm.end(), s1, lex) and (
                len(rest.strip()) < 45 or comma > lo + 25 and _TRAILING_SPEAKER.fullmatch(text, comma + 1, rm.start())
                and _FRAME_ADJUNCT.match(rest)):
            # "..., the Defence Ministry said on Tuesday.", "..., the army said in a statement that blamed Turkey.":
            # a trailing frame (below)
            trailing_verb = rm.start()
            break
        if comma > lo + 25 and rest.lstrip().startswith(",") and len(text[comma + 1:rm.start()].split()) <= 6:
            # "Other strikes targeted ..., it said, as Israel sought to ...": a frame inside the sentence; the content
            # is what comes before it.
            frame.speaker = (comma + 1 + len(text[comma + 1:rm.start()]) - len(text[comma + 1:rm.start()].lstrip()),
                             rm.start() - (len(text[comma + 1:rm.start()]) - len(text[comma + 1:rm.start()].rstrip())))
            frame.verb = rm.span()
            more = _ADDING_THAT.match(text, rm.end(), s1)
            if more:
                # "..., a military source said, adding that a new headquarters would be set up": the content goes on
                frame.frame_spans.append((comma, more.end()))
            else:
                frame.frame_spans.append((comma, rm.end()))
                frame.content_end = comma
            break
        subj = _subject_before(text, rm.start(), lo)
        if subj is None:
            continue
        if _AND_BEFORE.search(text, subj[0], rm.start()) and lex.trigger_re.search(text[subj[0]:rm.start()]):
            continue         # "X ordered a ban on ..., and said ...": the subject's own act comes first, no frame
        if _RELATIVE_PRONOUN_END.search(text, subj[0], rm.start()) and not _THAT_OR_COLON.match(text, rm.end()):
            continue         # "..., according to the channel Shatt Live, which posted a photo": a relative clause
                             # (not "a statement ..., which announced that ...": that one reports)
        before = text[max(lo, subj[0] - 40):subj[0]]
        if _REL_THAT.search(before) and lex.reporting_re.search(before) is None:
            continue         # "a truck that it said had been smuggled": a relative clause, not the report's frame
        if _WHAT_SUBJECT.search(text, lo, rm.start()) or _NAMED_AS.match(text, rm.start()):
            continue         # "struck what the army described as", "a man they described as": a name, not a report
        stext = text[subj[0]:subj[1]]
        can_report = (any(subj[0] <= a and b <= subj[1] + 1 for a, b in speakers)
                      or lex.anaphoric_source_re.search(stext) is not None
                      or lex.unnamed_outlet_re.search(stext) is not None
                      or _REPORT_NOUN.search(stext) is not None)
        if not can_report:
            # A name by its form right before the verb: "Badia Watch added that ...", "Sharq Horizon also reported".
            pn = _proper_name(text, subj[0], subj[1], s0)
            can_report = pn is not None and _ADVERBS_ONLY.match(text, pn[1], subj[1]) is not None
        if not can_report:
            continue
        tail = _THAT.match(text, rm.end(), s1)
        end = tail.end() if tail else rm.end()
        if not text[rm.end():end].strip() and _speech_act(text, rm.start(), rm.end(), s1, lex):
            # "X announced the suspension of its operations": the speaker does what it announces; nothing is cut
            # off, the speaker is the source and the subject of the content.
            frame.speaker = subj
            frame.verb = rm.span()
            break
        frame.speaker = subj
        frame.verb = rm.span()
        frame.frame_spans.append((lo, end))
        frame.content_start = end
        # Chains: "published a report claiming that", "quoted sources, which claimed that", "reported that
        # according to sources,".
        while True:
            nxt = lex.reporting_re.search(text, frame.content_start, min(s1, frame.content_start + 90))
            if nxt:
                t2 = _THAT.match(text, nxt.end(), s1)
                if t2 and t2.end() > nxt.end() and text[nxt.end():t2.end()].strip(" ,[]0123456789") in ("that", ":"):
                    between = text[frame.content_start:nxt.start()]
                    if not lex.trigger_re.search(between):
                        frame.frame_spans.append((frame.content_start, t2.end()))
                        frame.content_start = t2.end()
                        continue
            am = _ACCORDING.match(text, frame.content_start + len(text[frame.content_start:s1]) -
                                  len(text[frame.content_start:s1].lstrip()))
            if am:
                comma = text.find(",", am.end(), s1)
                if 0 <= comma - am.end() < 120:
                    frame.according = (am.end(), comma)
                    frame.frame_spans.append((frame.content_start, comma + 1))
                    frame.content_start = comma + 1
                    continue
            break
        break
    # A trailing frame: "..., according to Al-Hadath TV." / "..., the SDF said in a statement." / '"...," said the source.'
    if frame.speaker is None and frame.according is None:
        tail_zone = max(frame.content_start, min(s1 - 90, trailing_verb - 30))
        am = None
        for am in _ACCORDING.finditer(text, tail_zone, s1):
            pass
        if am is None:
            # ", according to the Jazira Observers Network, a monitoring group, which reported ...": set off by
            # commas further back, with an apposition after it
            for m in _ACCORDING.finditer(text, frame.content_start, s1):
                if m.start() < tail_zone and text[frame.content_start:m.start()].rstrip().endswith(","):
                    am = m
        if am is not None:
            frame.according = (am.end(), s1)
            frame.frame_spans.append((am.start(), s1))
            frame.content_end = am.start()
        else:
            verbs = [m for m in lex.reporting_re.finditer(text, tail_zone, s1)
                     if not text[m.start()].isupper()]     # "States" of "the United States" is no verb
            while len(verbs) > 1 and _CHAINED_PARTICIPLE.match(verbs[-1].group()) and \
                    text[frame.content_start:verbs[-1].start()].rstrip().endswith(","):
                verbs.pop()    # "..., the network said, citing sources": the frame's verb is "said"
            rm = verbs[-1] if verbs else None
            if rm is not None:
                before = text[frame.content_start:rm.start()]
                comma = max(before.rfind(","), before.rfind("”"), before.rfind('"'))
                rest = text[rm.end():s1]
                if comma >= 0 and not _THAT_OR_COLON.match(rest) and \
                        not _WHAT_SUBJECT.search(text, frame.content_start, rm.start()):
                    cut = frame.content_start + comma
                    speaker_span = (cut + 1, rm.start()) if text[cut + 1:rm.start()].strip() else (rm.end(), s1)
                    frame.speaker = speaker_span
                    frame.verb = rm.span()
                    frame.frame_spans.append((cut, s1))
                    frame.content_end = cut
    return frame
