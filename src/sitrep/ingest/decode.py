"""Bytes to text: the encodings reports arrive in, tried in a fixed order, with clear refusals."""
from __future__ import annotations

import codecs
import re


class UnreadableReport(ValueError):
    """A report that cannot be turned into text; the message says why, in a few words."""


_ARABIC = re.compile(r"[\u0600-\u06FF]")
_CONTROL = re.compile(r"[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]")


def _looks_utf16(raw: bytes) -> str | None:
    """UTF-16 without a BOM: mostly-ASCII text has a NUL in every other byte."""
    if len(raw) < 4 or len(raw) % 2:
        return None
    sample = raw[:4000]
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > 0.4 * half and even_nuls < 0.05 * half:
        return "utf-16-le"
    if even_nuls > 0.4 * half and odd_nuls < 0.05 * half:
        return "utf-16-be"
    return None


def _check_text(text: str) -> str:
    if not text.strip():
        raise UnreadableReport("empty: no text in the file")
    controls = len(_CONTROL.findall(text[:20000]))
    if controls > max(2, len(text[:20000]) // 200):
        raise UnreadableReport("binary: the file holds control bytes, not text")
    return text


def decode(raw: bytes) -> tuple[str, str]:
    """Return (text, encoding). Tries UTF-8, UTF-8 with BOM, UTF-16, Windows-1256, then Latin-1."""
    if not raw or not raw.strip():
        raise UnreadableReport("empty: the file has no content")
    if raw.startswith(codecs.BOM_UTF8):
        try:
            return _check_text(raw[3:].decode("utf-8", errors="strict")), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise UnreadableReport(f"mis-encoded: UTF-8 byte order mark but invalid UTF-8 ({exc.reason} at byte "
                                   f"{exc.start + 3})") from exc
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _check_text(raw.decode("utf-16")), "utf-16"
        except UnicodeDecodeError as exc:
            raise UnreadableReport(f"mis-encoded: UTF-16 byte order mark but invalid UTF-16 ({exc.reason})") from exc
    utf16 = _looks_utf16(raw)
    if utf16:
        try:
            return _check_text(raw.decode(utf16)), utf16
        except UnicodeDecodeError:
            pass
    if b"\x00" in raw[:20000]:
        raise UnreadableReport("binary: the file holds NUL bytes, not text")
    try:
        return _check_text(raw.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    # Windows-1256 decodes almost any byte string, so take it only when the result reads as Arabic.
    try:
        text = raw.decode("cp1256")
        letters = sum(1 for c in text if c.isalpha())
        if letters and len(_ARABIC.findall(text)) / letters > 0.3:
            return _check_text(text), "cp1256"
    except UnicodeDecodeError:
        pass
    return _check_text(raw.decode("latin-1")), "latin-1"
