"""From a file (or bytes) to a report ready for extraction: decoded text, metadata and body ranges."""
from __future__ import annotations

import hashlib
from html import unescape
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sitrep.ingest.decode import UnreadableReport, decode
from sitrep.ingest.metadata import ParsedMeta, find_date, parse_report_text

_HTML_SNIFF = re.compile(rb"^\s*(<!doctype html|<html\b)", re.I)


@dataclass
class PreparedReport:
    id: str
    origin: str
    content_type: str        # text / html / feed-entry / telegram
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


def _fragment_text(html: str) -> str:
    """Plain text of an HTML fragment (a feed entry's summary), paragraphs kept apart."""
    import lxml.html

    if "<" not in html:
        return unescape(html).strip()
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for el in list(root.iter("script", "style", "noscript", "template")):
        el.drop_tree()
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    blocks = [el.text_content().strip() for el in root.iter("p", "li", "h1", "h2", "h3", "h4", "blockquote")]
    blocks = [b for b in blocks if b]
    return "\n\n".join(blocks) if blocks else root.text_content().strip()


def _iso_date(value) -> str | None:
    from dateutil import parser as dateparser

    if not value:
        return None
    try:
        return dateparser.parse(str(value)).date().isoformat()
    except (ValueError, OverflowError):
        found = find_date(str(value))
        return found[0] if found else None


def _record_report(raw: bytes, content_type: str) -> tuple[str, dict]:
    """A feed entry or a Telegram message (stored as canonical JSON) as report text, with its own metadata."""
    import json

    data = json.loads(raw.decode("utf-8"))
    if content_type == "telegram":
        body = data.get("text") or ""
        meta = {"title": None, "published": _iso_date(data.get("date")), "publisher": data.get("channel")}
        head = []
    else:
        body = _fragment_text(data.get("content") or data.get("summary") or "")
        meta = {"title": data.get("title"), "published": _iso_date(data.get("published")),
                "publisher": data.get("feed")}
        head = [data["title"]] if data.get("title") else []
    if meta["published"]:
        head.append(meta["published"])
    return "\n\n".join(head + [body.strip()]) + "\n", meta


def prepare(raw: bytes, origin: str, content_type: str | None = None, received: date | None = None) \
        -> PreparedReport:
    """Decode and read the metadata of one report's original bytes. ``received``: the day the report was first
    ingested (default today), which dates a wire dateline that gives no year. Raises UnreadableReport, whatever went
    wrong."""
    try:
        return _prepare(raw, origin, content_type, received)
    except UnreadableReport:
        raise
    except Exception as exc:  # noqa: BLE001 - a parser's failure on hostile bytes is the report's problem
        raise UnreadableReport(f"unreadable: {type(exc).__name__}: {exc}") from exc


def _prepare(raw: bytes, origin: str, content_type: str | None, received: date | None) -> PreparedReport:
    text, encoding = decode(raw)
    if content_type is None:
        content_type = "html" if _HTML_SNIFF.match(raw[:2000]) else "text"
    if content_type in ("feed-entry", "telegram"):
        text, own = _record_report(raw, content_type)
        meta = parse_report_text(text, received)
        meta.title = own["title"]     # a message has no headline: its first line is body
        meta.published = own["published"] or meta.published
        meta.publisher = own["publisher"] or meta.publisher
    elif content_type == "html":
        text, page = _html_to_text(text)
        meta = parse_report_text(text, received)
        meta.title = page.get("title") or meta.title
        if page.get("date") and find_date(str(page["date"])):
            meta.published = find_date(str(page["date"]))[0]
        meta.publisher = meta.publisher or page.get("sitename")
    else:
        meta = parse_report_text(text, received)
    if not meta.body:
        raise UnreadableReport("no body: only publisher furniture, no report text")
    return PreparedReport(id=report_id(raw), origin=origin, content_type=content_type, encoding=encoding, raw=raw,
                          text=text, meta=meta)


def read_file(path: Path) -> PreparedReport:
    """Prepare a text, Markdown or HTML file. Raises UnreadableReport."""
    from sitrep.ingest.sources import HTML_SUFFIXES, TEXT_SUFFIXES, Item

    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
        raise UnreadableReport(f"unsupported file type {suffix or '(none)'}: expected .txt, .md, .html or .htm")
    item = Item(origin=str(path), content_type="html" if suffix in HTML_SUFFIXES else "text", path=path)
    return prepare(item.read(), item.origin, item.content_type)
