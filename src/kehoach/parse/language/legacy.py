"""Legacy Vietnamese encodings: tell TCVN3 and VNI text apart from Unicode and convert it.

Detection reads the text three ways (as it is, as TCVN3, as VNI) and keeps the
reading with clearly more well-formed Vietnamese syllables; a character test
first keeps ordinary Unicode text on a fast path. Readers with font names
(DOCX runs) convert by font instead and only fall back on this.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from kehoach.i18n import _
from kehoach.parse.language.legacy_tables import (
    FONT_PREFIXES,
    SYLLABLE_CODAS,
    SYLLABLE_ONSETS,
    SYLLABLE_VOWELS,
    TCVN3_PAIRS,
    VNI_BASES,
    VNI_MARKS,
    VNI_SINGLES,
)

_TO_UNICODE = {pair[1]: pair[0] for pair in TCVN3_PAIRS.split()}
_TCVN3_DECODE = str.maketrans(_TO_UNICODE)
_TCVN3_ENCODE = {letter: code for code, letter in _TO_UNICODE.items()}
_TONES = "\u0300\u0301\u0303\u0309\u0323"

# Characters legacy text is full of that Vietnamese Unicode text does not use as letters.
_VIETNAMESE_LATIN1 = set("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý")
_LEGACY_CHARS = set(_TO_UNICODE) | set(VNI_MARKS) | set(VNI_SINGLES)
_LEGACY_CAPITALS = {c.upper() for c in _LEGACY_CHARS if len(c.upper()) == 1 and c.upper() <= "\u00ff"}
_TELLTALE = re.compile("[" + re.escape("".join(sorted((_LEGACY_CHARS | _LEGACY_CAPITALS) - _VIETNAMESE_LATIN1))) + "]")
# Letters only Unicode Vietnamese has (outside Latin-1): a line holding one is already Unicode.
_UNICODE_ONLY = re.compile("[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]")
_WORD = re.compile(r"[^\W\d_]+")
_SYLLABLE = re.compile(
    "(?:" + "|".join(sorted(SYLLABLE_ONSETS, key=len, reverse=True)) + ")?"
    f"[{SYLLABLE_VOWELS}]{{1,3}}"
    "(?:" + "|".join(sorted(SYLLABLE_CODAS, key=len, reverse=True)) + ")?"
)
_NAMES = {"tcvn3": "TCVN3 (ABC, .VnTime)", "vni": "VNI (VNI-Times)"}


def tcvn3_to_unicode(text: str, capitals: bool = False) -> str:
    """TCVN3 text to Unicode; `capitals` for '.VnTimeH' fonts, which draw every letter upper-case."""
    converted = text.translate(_TCVN3_DECODE)
    return converted.upper() if capitals else converted


def vni_to_unicode(text: str) -> str:
    """VNI text (base letter + mark characters) to Unicode."""
    out: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        low = ch.lower()
        base = VNI_SINGLES[low] if low in "ôö" else low  # VNI ô/ö are ơ/ư and take tones
        mark = text[i + 1].lower() if i + 1 < len(text) else ""
        if mark and mark in VNI_BASES.get(base, ""):
            letter = unicodedata.normalize("NFC", base + VNI_MARKS[mark])
            i += 2
        else:
            letter = VNI_SINGLES.get(low, low)
            i += 1
            if letter == low:
                out.append(ch)
                continue
        out.append(letter.upper() if ch.isupper() else letter)
    return "".join(out)


def tcvn3_from_unicode(text: str) -> str:
    """Unicode to TCVN3 as a typist would produce it: toned capitals fall back to lower case."""
    text = unicodedata.normalize("NFC", text)
    return "".join(_TCVN3_ENCODE.get(ch) or _TCVN3_ENCODE.get(ch.lower(), ch) for ch in text)


# Keyed by the marks in canonical (NFD) order: a dot below sorts before a circumflex.
_VNI_MARK_OF = {unicodedata.normalize("NFD", "a" + marks)[1:]: char for char, marks in VNI_MARKS.items()}
_VNI_SINGLE_OF = {letter: char for char, letter in VNI_SINGLES.items() if letter != char}


def vni_from_unicode(text: str) -> str:
    """Unicode to VNI (the inverse of `vni_to_unicode`)."""
    out: list[str] = []
    for ch in unicodedata.normalize("NFC", text):
        low = ch.lower()
        if low in _VNI_SINGLE_OF or low in "íì":
            single = _VNI_SINGLE_OF.get(low, low)
            out.append(single.upper() if ch.isupper() else single)
            continue
        parts = unicodedata.normalize("NFD", low)
        base, marks = parts[0], parts[1:]
        if "\u031b" in marks:  # horn: ơ, ư are single VNI characters that then take a tone
            base, marks = _VNI_SINGLE_OF[unicodedata.normalize("NFC", base + "\u031b")], marks.replace("\u031b", "")
        mark = _VNI_MARK_OF.get(marks, "") if marks else ""
        if marks and not mark:
            out.append(ch)
            continue
        if ch.isupper():
            base, mark = base.upper(), mark.upper()
        out.append(base + mark)
    return "".join(out)


def encoding_of_font(font: str | None) -> str | None:
    """'tcvn3' or 'vni' when a font name announces a legacy encoding ('ABCDEF+.VnTime' too)."""
    if not font:
        return None
    name = font.split("+", 1)[-1].strip().lower()
    return next((enc for prefix, enc in FONT_PREFIXES.items() if name.startswith(prefix)), None)


def is_capitals_font(font: str | None) -> bool:
    """The TCVN3 fonts named with a final 'H' ('.VnTimeH', '.VnArialH') draw capitals only."""
    return font is not None and encoding_of_font(font) == "tcvn3" and font.rstrip().endswith("H")


@functools.lru_cache(maxsize=8192)
def _is_syllable(word: str) -> bool:
    parts = unicodedata.normalize("NFD", word.lower())
    tones = sum(parts.count(t) for t in _TONES)
    bare = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
    return tones <= 1 and _SYLLABLE.fullmatch(bare) is not None


def syllable_score(text: str) -> int:
    """How many words of the text are well-formed Vietnamese syllables."""
    return syllables(letter_words(text))


def syllables(words: list[str]) -> int:
    """How many of these words are well-formed Vietnamese syllables."""
    return sum(map(_is_syllable, words))


def letter_words(text: str) -> list[str]:
    """The words of letters the text holds (what `syllable_score` counts among)."""
    return _WORD.findall(text)


def word_count(text: str) -> int:
    """How many words of letters the text holds."""
    return len(letter_words(text))


def looks_legacy(text: str) -> bool:
    """Cheap test: legacy-encoded Vietnamese is full of these characters (one in ten or more);
    Unicode text may hold a few as symbols ('§', '«', '·')."""
    sample = text[:200_000]
    found = len(_TELLTALE.findall(sample))
    return found >= 5 and found >= len(sample) / 200


def detect(text: str, plain: str | None = None) -> str | None:
    """'tcvn3', 'vni' or None (the text is fine as it is).

    `plain` is the reading to beat when it differs from `text` (bytes decoded as
    Windows-1258 while `text` is the same bytes as Latin-1).
    """
    if not looks_legacy(text):
        return None
    sample = text[:200_000]
    as_is = syllable_score(plain[:200_000] if plain is not None else sample)
    scores = {"tcvn3": syllable_score(tcvn3_to_unicode(sample)), "vni": syllable_score(vni_to_unicode(sample))}
    best = max(scores, key=lambda enc: scores[enc])
    # Clearly better than the text as it is, and Vietnamese throughout: other languages
    # written in Latin-1 (French, German) give few well-formed syllables in any reading.
    words = len(_WORD.findall(sample))
    return best if scores[best] > as_is * 1.2 + 3 and scores[best] >= 0.6 * words else None


def convert(text: str, encoding: str) -> str:
    """Convert line by line; lines already in Unicode Vietnamese (mixed documents) stay as they are."""
    lines = text.split("\n")
    previous = ""
    for n, line in enumerate(lines):
        if not _UNICODE_ONLY.search(line):
            if encoding == "tcvn3":
                line = repair_case(tcvn3_to_unicode(line), previous)
            else:
                line = vni_to_unicode(line)
            lines[n] = line
        if line.strip():
            previous = line
    return "\n".join(lines)


def note(encoding: str, how: str) -> tuple[str, str]:
    """The finding that reports a conversion; `how` is already in the reader's language."""
    return ("encoding-converted", _("text in the legacy {encoding} encoding was converted to Unicode ({how})").format(
        encoding=_NAMES[encoding], how=how))


# --- upper case lost in TCVN3 -------------------------------------------------------------

# Letters whose case TCVN3 keeps: ASCII and the untoned Vietnamese letters.
_KEEPS_CASE = set("ăâêôơưđĂÂÊÔƠƯĐ")
_LEAD = re.compile(r"^\s*(?:(?:[-+•*]|[IVXLC]+\.|\d+(?:\.\d+)*[.)]?|[a-zđ][.)])\s+)?")
_SENTENCE_START = re.compile(r"(?<=[.!?] )(\w)")


def _keeps_case(ch: str) -> bool:
    return ch.isalpha() and (ch.isascii() or ch in _KEEPS_CASE)


def _all_capitals(text: str) -> bool:
    sure = [c for c in text if _keeps_case(c)]
    return len(sure) >= 2 and all(c.isupper() for c in sure)


def _capitals_line(line: str) -> bool:
    """No letter that keeps its case is lower-case, and some word shows the line is in capitals:
    'HOạCH' (capitals around a toned letter) or a capital syllable such as 'BAN'. Acronyms
    ('Số: /KH-UBND') are no evidence."""
    if any(_keeps_case(c) and c.islower() for c in line):
        return False
    return any(
        _all_capitals(word) and (not all(_keeps_case(c) for c in word) or _is_syllable(word))
        for word in _WORD.findall(line)
    )


def repair_case(line: str, previous: str = "") -> str:
    """Restore capitals that TCVN3 cannot store: all-capital lines and words, and the first
    letter of a line that starts a sentence or follows a numbering marker."""
    if _capitals_line(line):
        return line.upper()
    line = _WORD.sub(lambda m: m.group(0).upper() if _all_capitals(m.group(0)) else m.group(0), line)
    lead = _LEAD.match(line)
    start = lead.end() if lead else 0
    starts_sentence = bool(lead and lead.group(0).strip()) or not previous.rstrip() or previous.rstrip()[-1] in ".:;!?"
    if starts_sentence and start < len(line) and not _keeps_case(line[start]):
        line = line[:start] + line[start].upper() + line[start + 1 :]
    return _SENTENCE_START.sub(lambda m: m.group(1) if _keeps_case(m.group(1)) else m.group(1).upper(), line)
