"""Where reports come from: files, folders, web pages, RSS/Atom feeds and Telegram channel exports.

Every input is expanded into items that each carry one report's original bytes:
- a text, Markdown or HTML file is one report (its bytes, read when it is processed);
- a URL is fetched: a page is one report, a feed is expanded like a feed file;
- a feed (``.xml``, ``.rss``, ``.atom`` or a fetched feed) gives one report per entry, whose original is the entry as
  the feed carried it (title, link, dates, author, summary and content), kept as canonical JSON;
- a Telegram Desktop export (``result.json``) gives one report per message with text, kept the same way.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sitrep.ingest.decode import UnreadableReport

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
EXPORT_SUFFIXES = {".json"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES | EXPORT_SUFFIXES
MAX_FETCH_BYTES = 20 * 1024 * 1024
_URL = re.compile(r"^https?://", re.I)
_FEED_SNIFF = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(rss|feed|rdf:RDF)\b", re.I | re.S)


@dataclass
class Item:
    """One report to ingest: a file to read, or bytes already in hand."""
    origin: str
    content_type: str | None = None    # text / html / feed-entry / telegram; None: decided from the bytes
    path: Path | None = None           # read when processed (keeps memory flat on large folders)
    raw: bytes | None = None

    def read(self) -> bytes:
        if self.raw is not None:
            return self.raw
        try:
            return self.path.read_bytes()
        except OSError as exc:
            raise UnreadableReport(f"unreadable: {exc.strerror or exc}") from exc


def canonical(data: dict) -> bytes:
    """The stored original of a feed entry or a Telegram message: stable JSON, so the same content is the same id."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


# ---- feeds --------------------------------------------------------------------------------------------------------

def feed_items(raw: bytes, origin: str) -> list[Item]:
    import feedparser

    # Unsanitised: the entry is kept as the feed carried it; its HTML is only ever read as text, never rendered.
    parsed = feedparser.parse(raw, sanitize_html=False)
    if not parsed.entries:
        if parsed.bozo:
            raise UnreadableReport(f"not a readable feed ({type(parsed.bozo_exception).__name__})")
        raise UnreadableReport("empty feed: no entries")
    feed_title = parsed.feed.get("title")
    items = []
    for n, entry in enumerate(parsed.entries):
        content = "\n".join(c.get("value", "") for c in entry.get("content") or [])
        # Only what the feed says of the entry is hashed, so the same entry has one id wherever the feed is read.
        data = {
            "feed": feed_title, "title": entry.get("title"), "link": entry.get("link"),
            "id": entry.get("id"), "published": entry.get("published") or entry.get("updated"),
            "author": entry.get("author"), "summary": entry.get("summary"), "content": content or None,
        }
        if not (data["summary"] or data["content"] or data["title"]):
            continue
        items.append(Item(origin=data["link"] or f"{origin}#entry-{n + 1}", content_type="feed-entry",
                          raw=canonical(data)))
    return items


# ---- Telegram Desktop exports --------------------------------------------------------------------------------------

def telegram_text(text) -> str:
    """A message's text: Telegram exports it as a string or as a list of strings and formatted pieces."""
    if isinstance(text, str):
        return text
    if isinstance(text, list):
        return "".join(part if isinstance(part, str) else str(part.get("text", "")) for part in text)
    return ""


def is_telegram_export(data) -> bool:
    return isinstance(data, dict) and isinstance(data.get("messages"), list) and "name" in data


def telegram_items(raw: bytes, origin: str) -> list[Item]:
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UnreadableReport(f"not JSON: {exc}") from exc
    if not is_telegram_export(data):
        raise UnreadableReport("not a Telegram channel export (no 'name' and 'messages')")
    channel = data.get("name")
    items = []
    for msg in data["messages"]:
        if not isinstance(msg, dict) or msg.get("type", "message") != "message":
            continue
        text = telegram_text(msg.get("text")).strip()
        if not text:
            continue
        record = {"channel": channel, "channel_id": data.get("id"), "id": msg.get("id"), "date": msg.get("date"),
                  "author": msg.get("author") or msg.get("from"), "text": text}
        items.append(Item(origin=f"telegram:{channel}/{msg.get('id')}", content_type="telegram",
                          raw=canonical(record)))
    if not items:
        raise UnreadableReport("Telegram export holds no message with text")
    return items


# ---- URLs ---------------------------------------------------------------------------------------------------------

def fetch(url: str, timeout: float = 20.0) -> tuple[bytes, str]:
    """The bytes at a URL and its content type. Raises UnreadableReport."""
    import httpx

    try:
        with httpx.stream("GET", url, follow_redirects=True, timeout=timeout,
                          headers={"User-Agent": "sitrep (+https://github.com/sitrep)"}) as response:
            if response.status_code >= 400:
                raise UnreadableReport(f"fetch failed: HTTP {response.status_code}")
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > MAX_FETCH_BYTES:
                    raise UnreadableReport(f"fetch failed: larger than {MAX_FETCH_BYTES // 2**20} MB")
                chunks.append(chunk)
            return b"".join(chunks), response.headers.get("content-type", "")
    except httpx.HTTPError as exc:
        raise UnreadableReport(f"fetch failed: {type(exc).__name__}: {exc}") from exc


def url_items(url: str) -> list[Item]:
    raw, ctype = fetch(url)
    if "xml" in ctype and ("rss" in ctype or "atom" in ctype) or _FEED_SNIFF.match(raw[:2000]):
        return feed_items(raw, url)
    kind = "html" if "html" in ctype or raw.lstrip()[:1] == b"<" else "text"
    return [Item(origin=url, content_type=kind, raw=raw)]


# ---- expanding inputs ---------------------------------------------------------------------------------------------

def _file_items(path: Path) -> list[Item]:
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return [Item(origin=str(path), content_type="text", path=path)]
    if suffix in HTML_SUFFIXES:
        return [Item(origin=str(path), content_type="html", path=path)]
    raw = Item(origin=str(path), path=path).read()
    if suffix in FEED_SUFFIXES:
        return feed_items(raw, str(path))
    if suffix in EXPORT_SUFFIXES:
        return telegram_items(raw, str(path))
    raise UnreadableReport(f"unsupported file type {suffix or '(none)'}: expected .txt, .md, .html, .htm, "
                           ".xml/.rss/.atom (feeds) or .json (Telegram export)")


def _walk(folder: Path) -> Iterator[Path]:
    for f in sorted(folder.rglob("*")):
        rel = f.relative_to(folder).parts
        if f.is_file() and f.suffix.lower() in SUFFIXES and not any(p.startswith(".") for p in rel):
            # In a folder, only JSON files that are Telegram exports are reports; others are skipped quietly.
            if f.suffix.lower() == ".json" and not _looks_like_telegram(f):
                continue
            yield f


def _looks_like_telegram(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096)
    except OSError:
        return True    # let the read fail loudly later
    return b'"messages"' in head


def expand(inputs: Iterable[str | Path]) -> tuple[list[Item], list[tuple[str, str]]]:
    """Items to ingest, and the inputs that cannot be read at all (input, reason)."""
    items, errors = [], []
    for given in inputs:
        name = str(given)
        try:
            if _URL.match(name):
                items.extend(url_items(name))
                continue
            path = Path(given)
            if path.is_dir():
                for f in _walk(path):
                    try:
                        items.extend(_file_items(f))
                    except UnreadableReport as exc:
                        errors.append((str(f), str(exc)))
            elif path.is_file():
                items.extend(_file_items(path))
            elif path.exists():
                errors.append((name, "not a regular file"))
            else:
                errors.append((name, "no such file or folder"))
        except UnreadableReport as exc:
            errors.append((name, str(exc)))
    return items, errors
