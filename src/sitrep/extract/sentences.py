"""Sentence splitting with offsets kept, boilerplate and headings marked.

Paragraphs are lines of text; within a paragraph, a sentence ends at . ! or ? followed by space and an upper-case
letter or a quote, unless the period closes a known abbreviation ("U.S.", "Gen.", "No.") or an initial.
"""
from __future__ import annotations

import re

from sitrep.extract.model import Doc, Sentence

_ABBREVIATIONS = {
    "u.s", "u.k", "u.n", "e.g", "i.e", "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "brig",
    "st", "no", "nos", "vol", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "inc", "ltd", "co", "corp", "dept", "approx", "est", "vs", "etc", "al", "mt", "ft", "sq", "km", "p.m", "a.m",
}
_PARAGRAPH = re.compile(r"[^\n]+")
# A candidate boundary: terminal punctuation, optional closing quotes/brackets and footnote markers, then space.
_BOUNDARY = re.compile(r"""[.!?]+["'”’)\]]*(?:\[\d+\])*(?=\s+["“‘(]?[A-Z0-9])""")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


def _is_abbreviation(text: str, end: int) -> bool:
    """Does the period at text[end-1] close an abbreviation or an initial?"""
    # Only the word before the period matters: look at a short window, not the whole text before it.
    m = _WORD_BEFORE.search(text, max(0, end - 40), end - 1)
    if not m:
        return False
    word = m.group(1).lower().rstrip(".")
    if word in _ABBREVIATIONS:
        return True
    return len(word) == 1 and word.isalpha() and text[end - 2].isupper()


_DATED_ENTRY_HEAD = re.compile(r"(?:\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?|\d{1,2}\s+[A-Z][a-z]{2,8}(?:\s+\d{4})?)\s*[-–—:|]\s")


def _looks_like_heading(line: str) -> bool:
    """A one-line paragraph in title case with no closing period: a headline or section heading."""
    stripped = line.strip()
    if not stripped or stripped[-1] in ".!?:\"”" or len(stripped) > 300:
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", stripped)]
    if len(words) < 3:
        return False
    if len(words) <= 6 and stripped[0].isupper() and "," not in stripped:
        return True      # a short section heading in sentence case ("Recruitment and training")
    if _DATED_ENTRY_HEAD.match(stripped):
        return True      # a log entry's head line ("13/11 - Jasim and the highway north of Daraa - Security measures")
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised / len(words) >= 0.6


def _in_body(start: int, end: int, body: list[tuple[int, int]]) -> bool:
    return any(b0 <= start and end <= b1 for b0, b1 in body)


def iter_sentence_spans(text: str, start: int, end: int):
    """(start, end) of each sentence within text[start:end], whitespace trimmed."""
    pos = start
    for m in _BOUNDARY.finditer(text, start, end):
        if text[m.start()] == "." and m.end() - m.start() == 1 and _is_abbreviation(text, m.start() + 1):
            continue
        yield pos, m.end()
        pos = m.end()
        while pos < end and text[pos].isspace():
            pos += 1
    if pos < end:
        yield pos, end


def split_sentences(doc: Doc) -> Doc:
    text = doc.text
    body = doc.body
    # Most reports are one body range: test it inline, not through a call per sentence.
    only_range = body[0] if len(body) == 1 else None
    title = doc.meta.title.strip() if doc.meta.title else None
    sentences = []
    for paragraph, pm in enumerate(_PARAGRAPH.finditer(text)):
        p0, p1 = pm.span()
        while p0 < p1 and text[p0].isspace():
            p0 += 1
        while p1 > p0 and text[p1 - 1].isspace():
            p1 -= 1
        if p0 == p1:
            continue
        # the report's own headline is a heading whatever its case ("Russian military relocates from ...")
        heading = _looks_like_heading(text[p0:p1]) or (title is not None and text[p0:p1] == title)
        for s0, s1 in iter_sentence_spans(text, p0, p1):
            s_text = text[s0:s1]
            in_body = only_range[0] <= s0 and s1 <= only_range[1] if only_range else _in_body(s0, s1, body)
            sentences.append(Sentence(start=s0, end=s1, text=s_text, paragraph=paragraph,
                                      boilerplate=not in_body, heading=heading))
    doc.sentences = sentences
    return doc
