"""Bytes to text: every encoding the brief names, and clear refusals."""
import codecs

import pytest

from sitrep.ingest.decode import UnreadableReport, decode

TEXT = "On March 3, the militia moved 40 operatives to Al-Mayadin.\n"
ARABIC = "تحركت الميليشيات إلى مدينة الميادين\n"


def test_utf8():
    assert decode(TEXT.encode()) == (TEXT, "utf-8")


def test_utf8_bom_is_dropped():
    text, enc = decode(codecs.BOM_UTF8 + TEXT.encode())
    assert text == TEXT and enc == "utf-8-sig"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_and_without_bom(encoding):
    text, _ = decode(TEXT.encode(encoding))
    assert text == TEXT


def test_windows_1256_arabic():
    text, enc = decode(ARABIC.encode("cp1256"))
    assert text == ARABIC and enc == "cp1256"


def test_latin1_last():
    raw = "Le général a visité Deir ez-Zor.\n".encode("latin-1")
    text, enc = decode(raw)
    assert "général" in text and enc == "latin-1"


@pytest.mark.parametrize("raw,reason", [
    (b"", "empty"),
    (b"   \n\t  \n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "binary"),
    (bytes(range(256)) * 4, "binary"),
    (codecs.BOM_UTF8 + b"caf\xe9 militia", "mis-encoded"),
])
def test_refusals_say_why(raw, reason):
    with pytest.raises(UnreadableReport, match=reason):
        decode(raw)
