"""From a file (or bytes) to a report ready for extraction: decoded text, metadata and body ranges."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from sitrep.ingest.decode import UnreadableReport, decode
from sitrep.ingest.metadata import ParsedMeta, find_date, parse_report_text

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES
_HTML_SNIFF = re.compile(rb"^\s*(<!doctype html|<html\b)", re.I)


@dataclass
class PreparedReport:
    id: str
    origin: str
    content_type: str        # "text" or "html"
    encoding: str
    raw: bytes
    text: str
    meta: ParsedMeta


def report_id(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def _html_to_text(html: str) -> tuple[str, dict]:
    """The main text of a page with trafilatura, the headline and date put on top as a text report has them."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, include_comments=False, include_tables=False, with_metadata=True,
                                      favor_precision=True)
    if doc is None:
        raise UnreadableReport("no main text: the page holds no article text")
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    body = (data.get("text") or "").strip()
    if not body:
        raise UnreadableReport("no main text: the page holds no article text")
    title = (data.get("title") or "").strip()
    if title and body.startswith(title):
        body = body[len(title):].lstrip()
    head = [x for x in (title, str(data.get("date") or "").strip()) if x]
    text = "\n\n".join(head + [body]) + "\n"
    return text, data


def prepare(raw: bytes, origin: str, content_type: str | None = None) -> PreparedReport:
    """Decode and read the metadata of one report's original bytes. Raises UnreadableReport."""
    text, encoding = decode(raw)
    if content_type is None:
        content_type = "html" if _HTML_SNIFF.match(raw[:2000]) else "text"
    if content_type == "html":
        text, page = _html_to_text(text)
        meta = parse_report_text(text)
        meta.title = page.get("title") or meta.title
        if page.get("date") and find_date(str(page["date"])):
            meta.published = find_date(str(page["date"]))[0]
        meta.publisher = meta.publisher or page.get("sitename")
    else:
        meta = parse_report_text(text)
    if not meta.body:
        raise UnreadableReport("no body: only publisher furniture, no report text")
    return PreparedReport(id=report_id(raw), origin=origin, content_type=content_type, encoding=encoding, raw=raw,
                          text=text, meta=meta)


def read_file(path: Path) -> PreparedReport:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise UnreadableReport(f"unsupported file type {suffix or '(none)'}: expected .txt, .md, .html or .htm")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UnreadableReport(f"unreadable: {exc.strerror or exc}") from exc
    return prepare(raw, str(path), "html" if suffix in HTML_SUFFIXES else "text")
