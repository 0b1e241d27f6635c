"""One transliteration-aware normaliser for places, actors and outlets.

Analysts write Arabic names many ways ("Al-Bukamal", "Albukamal", "Al-Boukamal"; "Deir Al-Zour", "Deir ez-Zor",
"Deir Ezzor"; "Hizbullah", "Hizzbullah"). ``key`` maps such variants onto one skeleton so that a single automaton of
known names finds them all. ``fold`` is the lighter form (case, diacritics, apostrophes, punctuation) used where the
skeleton would over-merge.

The skeleton is built word by word: ``key(text) == "".join(word_key(w) for w in words(text))``. That property lets
a scanner key a whole report token by token (``key_tokens``), keep every token's offsets, and run one automaton over
the concatenated skeleton: a match that starts and ends on token boundaries is a mention, whether the report joins
or splits the words ("Albukamal" / "Al Bukamal").
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from functools import lru_cache
from itertools import accumulate

__all__ = ["fold", "key", "word_key", "words", "key_tokens", "doc_words", "range_tokens", "strip_accents", "ARTICLES"]

# Apostrophes and the marks used for ayn and hamza.
_MARKS = "'’‘ʿʾ`´ʼ′ʹ"
_MARK_RE = re.compile(f"[{_MARKS}]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")

# The Arabic article with its sun-letter assimilations, as a word of its own ("Al-", "ez-", "Ash ").
ARTICLES = frozenset({
    "al", "el", "il", "ul", "l",
    "ad", "ed", "ud", "adh", "edh",
    "ar", "er", "ur",
    "as", "es", "us", "ash", "esh", "ush",
    "at", "et", "ut", "ath", "eth",
    "az", "ez", "uz", "an", "en", "un",
})
# The article joined to its word: "Albukamal", "Alhasakah", "Ezzor", "Arraqqa", "Assukhnah".
_ARTICLE_JOINED = re.compile(r"^(?:al|el)(?=[bcdfghjklmnpqrstvwxyz][aeiouy])")
_ARTICLE_SUN = re.compile(r"^[ae](?:(t|d|r|z|s|n)\1|(sh|th|dh)(?=sh|th|dh))")
# Whole-word variants that vowel rules cannot reach ("Tell", "Tal", "Tel"; "Jebel", "Jabal").
_WORD_VARIANTS = {
    "tal": "tl", "tel": "tl", "tell": "tl", "tall": "tl", "til": "tl", "tall": "tl",
    "jabal": "jbl", "jebel": "jbl", "jabel": "jbl", "jbel": "jbl", "djebel": "jbl",
    "ain": "in", "ayn": "in", "ein": "in", "aïn": "in", "ayin": "in",
    "abou": "abu", "abo": "abu",
    "wadi": "uadi", "ouadi": "uadi",
    "bir": "bir", "beer": "bir",
}
# Consonant and vowel variants of Arabic transliteration, applied in order to each folded word.
_VARIANTS = [
    (re.compile(r"ou"), "u"),
    (re.compile(r"oo"), "u"),
    (re.compile(r"ee"), "i"),
    (re.compile(r"ei"), "i"),
    (re.compile(r"ai"), "i"),
    (re.compile(r"ay"), "i"),
    (re.compile(r"ey"), "i"),
    (re.compile(r"aa"), "a"),
    (re.compile(r"dh"), "z"),
    (re.compile(r"th"), "t"),
    (re.compile(r"kh"), "k"),
    (re.compile(r"gh"), "g"),
    (re.compile(r"ck"), "k"),
    (re.compile(r"q"), "k"),
    (re.compile(r"c(?=[aou]|$)"), "k"),
    (re.compile(r"aw(?![aeiouy])"), "u"),   # "Zawr" ~ "Zour", "Hawl" ~ "Hol"
    (re.compile(r"w"), "u"),
    (re.compile(r"y"), "i"),
    (re.compile(r"e"), "i"),
    (re.compile(r"o"), "u"),
    (re.compile(r"(?<=[aiu])h$"), ""),   # final h (ta marbuta): "Sayyidah" ~ "Sayyida", "Raqqah" ~ "Raqqa"
    (re.compile(r"(\w)\1+"), r"\1"),    # doubled letters: "Raqqa" ~ "Raqa", "Hizzbullah" ~ "Hizbullah"
]
# The same steps, fast: literal patterns by str.replace, the run of single-letter maps by one str.translate (the
# same result: no letter one of them writes is read by a later one). ``_VARIANTS`` stays the reference.
# Each step: (a substring the word must hold for the step to change it, pattern or None, replacement).
_VARIANT_STEPS: list = [
    *((p.pattern, p.pattern, r) for p, r in _VARIANTS[:14]),   # ou oo ee ei ai ay ey aa dh th kh gh ck q
    ("c", *_VARIANTS[14]),                                      # c before a back vowel
    ("aw", *_VARIANTS[15]),                                     # aw before a consonant
    ("", None, str.maketrans({"w": "u", "y": "i", "e": "i", "o": "u"})),   # w y e o
    ("h", *_VARIANTS[20]),                                      # final h
    ("", *_VARIANTS[21]),                                       # doubled letters
]
assert all(re.escape(g) == g for g, _p, _r in _VARIANT_STEPS[:14])
# A word as the scanner sees it: letters and digits with the ayn/hamza marks inside or in front.
_WORD = re.compile(rf"[{_MARKS}]?[^\W_]+(?:[{_MARKS}][^\W_]+)*", re.UNICODE)
_POSSESSIVE_MARKS = "’'ʼ"   # an apostrophe before a final "s" marks a possessive
_POSSESSIVE_ANY = re.compile(f"[{_POSSESSIVE_MARKS}]s")
_WORD_SPLIT = re.compile(f"({_WORD.pattern})")
# The same split for ASCII text, where a letter or digit is [A-Za-z0-9]: a plain class is quicker to test than
# [^\W_]'s Unicode categories.
_WORD_SPLIT_ASCII = re.compile(rf"([{_MARKS}]?[A-Za-z0-9]+(?:[{_MARKS}][A-Za-z0-9]+)*)")


def strip_accents(text: str) -> str:
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case, no diacritics, no apostrophes, words separated by single spaces."""
    text = _MARK_RE.sub("", strip_accents(text).lower())
    return _NON_ALNUM.sub(" ", text).strip()


@lru_cache(maxsize=262144)
def word_key(word: str) -> str:
    """The skeleton of one word; "" for an article (Arabic or "the") or a word with no Latin letters."""
    w = strip_accents(word).lower()
    if not w.isalnum() or not w.isascii():
        w = _NON_ALNUM.sub("", _MARK_RE.sub("", w))
    if not w or w in ARTICLES or w == "the":
        return ""
    if w in _WORD_VARIANTS:
        return _WORD_VARIANTS[w]
    if len(w) >= 6:
        w = _ARTICLE_JOINED.sub("", w)
    if len(w) >= 5:
        m = _ARTICLE_SUN.match(w)
        if m:
            w = w[1:] if m.group(1) else w[1:]
    for guard, pattern, repl in _VARIANT_STEPS:
        if guard not in w:
            continue
        if type(pattern) is str:
            w = w.replace(pattern, repl)
        elif pattern is None:
            w = w.translate(repl)
        else:
            w = pattern.sub(repl, w)
    return w


def words(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each word of text[start:end]; a possessive "'s" is left out of the word."""
    out = []
    for m in _WORD.finditer(text, start, len(text) if end is None else end):
        s, e = m.span()
        if e - s > 3 and text[e - 1] == "s" and text[e - 2] in _POSSESSIVE_MARKS:
            e -= 2
        out.append((s, e))
    return out


_KEY_MEMO: dict[str, str] = {}
_KEY_MEMO_MAX = 262144


def _word_keys(ws: list[str]) -> list[str]:
    """``[word_key(w) for w in ws]``, by a plain dict lookup per word (cheaper than the lru_cache call, and the
    words of a report repeat)."""
    memo = _KEY_MEMO
    keys = list(map(memo.get, ws))
    if None in keys:
        if len(memo) > _KEY_MEMO_MAX:
            memo.clear()
        for i, k in enumerate(keys):
            if k is None:
                w = ws[i]
                keys[i] = memo[w] = word_key(w)
    return keys


def key_tokens(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """(start, end, word_key) of each word in text[start:end], offsets into ``text``; as ``words`` splits them.

    The scanner's hot path: one C-level split, offsets by accumulated lengths, no per-word match objects.
    """
    end = len(text) if end is None else end
    seg = text[start:end]
    pieces = _WORD_SPLIT.split(seg)          # separator, word, separator, ..., word, separator
    n = len(pieces) // 2
    if not n:
        return []
    ws = pieces[1::2]
    offsets = list(accumulate(map(len, pieces), initial=start))
    starts = offsets[1:2 * n:2]
    ends = offsets[2::2]
    for m in _POSSESSIVE_ANY.finditer(seg):  # a possessive "'s" is left out of its word
        e = m.end() + start
        j = bisect_left(ends, e)
        if j < n and ends[j] == e and e - starts[j] > 3:
            ends[j] = e - 2
            ws[j] = ws[j][:-2]
    return list(zip(starts, ends, _word_keys(ws)))


class DocWords:
    """Every word of a whole text, split once (``_WORD`` as ``words`` splits, the possessive still on): the shared
    word list of the stages that read the same report (places, actors). ``cache`` is where a stage keeps what it
    derives from the words (keyed tokens, key streams), so that the next stage need not derive it again."""
    __slots__ = ("text", "words", "starts", "ends", "_keyed", "cache")

    def __init__(self, text: str):
        self.text = text
        split = _WORD_SPLIT_ASCII.split if text.isascii() else _WORD_SPLIT.split
        pieces = split(text)                  # separator, word, separator, ..., word, separator
        n = len(pieces) // 2
        self.words = pieces[1::2]
        offsets = list(accumulate(map(len, pieces), initial=0))
        self.starts = offsets[1:2 * n:2]
        self.ends = offsets[2::2]
        self._keyed = None
        self.cache: dict = {}

    def keyed(self) -> list[tuple[int, int, str]]:
        """(start, end, word_key) of every word, a possessive "'s" left out, as ``key_tokens`` gives them."""
        if self._keyed is None:
            text, ws, starts = self.text, self.words, self.starts
            ends = self.ends
            if _POSSESSIVE_ANY.search(text):
                ends, ws = list(ends), list(ws)
                for m in _POSSESSIVE_ANY.finditer(text):
                    e = m.end()
                    j = bisect_left(ends, e)
                    if j < len(ends) and ends[j] == e and e - starts[j] > 3:
                        ends[j] = e - 2
                        ws[j] = ws[j][:-2]
            self._keyed = list(zip(starts, ends, _word_keys(ws)))
        return self._keyed

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """The indices [i, j) of the words of text[start:end], or None where a word runs across either end (the
        words of that stretch alone are not the text's words there)."""
        starts, ends = self.starts, self.ends
        i = bisect_left(starts, start)
        j = bisect_left(starts, end, i)
        if (i and ends[i - 1] > start) or (j and ends[j - 1] > end) or end < start:
            return None
        return i, j


def doc_words(text: str, cache: dict | None = None) -> DocWords:
    """The text's ``DocWords``, kept in ``cache`` (a ``Doc.cache``) for the stages that follow."""
    if cache is None:
        return DocWords(text)
    dw = cache.get("words")
    if dw is None or dw.text is not text:
        dw = cache["words"] = DocWords(text)
    return dw


def range_tokens(dw: DocWords, start: int, end: int) -> list[tuple[int, int, str]]:
    """``key_tokens(dw.text, start, end)``, from the shared word list."""
    ij = dw.span(start, end)
    if ij is None:
        return key_tokens(dw.text, start, end)
    return dw.keyed()[ij[0]:ij[1]]


@lru_cache(maxsize=65536)
def key(text: str) -> str:
    """The transliteration skeleton: article dropped, variants merged, words joined.

    "Al-Bukamal", "Albukamal", "Al Boukamal" -> "bukamal"; "Deir Al-Zour", "Deir ez-Zor", "Deir Ezzor" -> "dirzur".
    """
    return "".join(word_key(text[s:e]) for s, e in words(text))
