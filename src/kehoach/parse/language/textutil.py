"""Small text helpers shared by the readers and extractors."""

from __future__ import annotations

import functools
import re
import unicodedata

# Old-style tone placement -> new style (hoá -> hóa, uỷ -> ủy). Only for matching keys.
_OLD_TONE = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_OLD_TONE_RE = re.compile("|".join(_OLD_TONE))
# Look-alikes unified in matching keys (a few str.replace calls beat str.translate on Vietnamese text).
_LOOK_ALIKES = (("–", "-"), ("—", "-"), ("‐", "-"), ("‑", "-"), ("−", "-"), ("Ð", "Đ"), ("ð", "đ"))


# Vietnamese capitals, for character classes ('[' + UPPER + ']'): a range such as À-Ỹ would
# also take lower-case letters (đ, ạ, ...), which lie between those code points.
UPPER = "A-ZĐÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴÈÉẸẺẼÊỀẾỆỂỄÌÍỊỈĨÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠÙÚỤỦŨƯỪỨỰỬỮỲÝỴỶỸ"


def nfc(text: str) -> str:
    """Compose to NFC and unify look-alike characters that break matching."""
    return unicodedata.normalize("NFC", text).replace("\u00a0", " ").replace("\u200b", "")


def squash(text: str) -> str:
    """Collapse runs of white space into single spaces and trim."""
    return " ".join(text.split())


def shorten(text: str, limit: int) -> str:
    """`text` squashed, cut to `limit` characters with '…' when it is longer (for a message or a
    page that quotes a document)."""
    text = squash(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@functools.lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """A matching key: NFC, lower case, new tone placement, unified dashes, single spaces.

    Output keeps the printed text; only comparisons use this key. Cached: the readers
    ask for the key of the same line many times (is it a heading? a closing? a table?).
    """
    key = nfc(text).lower()
    for look_alike, letter in _LOOK_ALIKES:
        if look_alike in key:
            key = key.replace(look_alike, letter)
    key = _OLD_TONE_RE.sub(lambda m: _OLD_TONE[m.group(0)], key)
    return squash(key)


def unmarked(text: str) -> str:
    """Upper-case letters without tone or vowel marks ('đốc' -> 'DOC'): what OCR and typing
    slips leave of a word whose marks they got wrong."""
    decomposed = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d").upper())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def is_upper(text: str) -> bool:
    """True when the text has at least two letters and all of them are upper case.

    `str.isupper` already ignores what has no case (digits, punctuation); asked of every
    paragraph several times, it is much cheaper than collecting the letters first.
    """
    if not text.isupper():
        return False
    count = 0
    for ch in text:
        if ch.isalpha():
            count += 1
            if count == 2:
                return True
    return False


def capitalise_words(text: str) -> str:
    """'HÙNG THẮNG' -> 'Hùng Thắng' (Vietnamese proper names capitalise every word)."""
    return " ".join(w[:1].upper() + w[1:].lower() for w in text.split())


_ITALIC_BOLD = re.compile(r"(?<![\w*])\*{1,3}(?=\S)|(?<=\S)\*{1,3}(?![\w*])")


def strip_emphasis(text: str) -> str:
    """Drop markdown emphasis markers ('*', '**') that web conversions leave behind."""
    if "*" not in text:
        return text
    return _ITALIC_BOLD.sub("", text).replace("**", "")


def is_person_name(text: str) -> bool:
    """'Vũ Trọng Thủy': two to five capitalised words of letters, nothing else. (A regex range
    such as À-Ỹ would also take lower-case letters such as 'đ' for capitals: 'Lãnh đạo'.)"""
    words = text.split()
    return 2 <= len(words) <= 5 and all(
        w.isalpha() and w[0].isupper() and (len(w) == 1 or w[1:].islower()) and len(w) > 1 for w in words
    )
