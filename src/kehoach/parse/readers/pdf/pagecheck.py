"""Is a PDF page's text layer worth reading, or must the page be read from its image?

Three ways a text layer fails: there is none (a scan); it holds a few words on a page
that is one big image (a scan carrying a digital-signature stamp); or it is garbage,
because the fonts have no usable ToUnicode map ('Ӣ C‘NG 7+ѬѪ1*'). Garbage is told by
the shape of the words: Vietnamese is written in syllables of a known shape, and in a
real text layer almost every word is one; text in a legacy encoding (TCVN3, VNI) is
not garbage, since it converts to well-formed syllables.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from kehoach.i18n import _
from kehoach.parse.language.legacy import convert, detect, letter_words, syllables, word_count
from kehoach.parse.readers.pdf.pdfium_calls import bounds, objects_of_type

# A text layer with fewer words than this on a page that is one big image is a stamp.
SPARSE_WORDS = 25
# An image covering this share of the page makes the page a scan.
SCAN_COVER = 0.6
# Below this share of well-formed syllables (with enough words to judge) the layer is garbage.
GOOD_SYLLABLES = 0.6
_MIN_WORDS_TO_JUDGE = 20
_SAMPLE_WORDS = 200

Verdict = Literal["text", "none", "stamp", "garbled"]


@dataclass(frozen=True, slots=True)
class PageCheck:
    """What a page's text layer is worth."""

    verdict: Verdict
    """text (read it), none, stamp (a few words on a scanned page) or garbled."""
    reason: str
    """Why, in a few words, for the findings list."""

    @property
    def needs_ocr(self) -> bool:
        return self.verdict != "text"


def image_cover(page: pdfium.PdfPage) -> float:
    """Share of the page covered by its largest image."""
    area = page.get_width() * page.get_height() or 1.0
    largest = 0.0
    for handle in objects_of_type(page.raw, pdfium_c.FPDF_PAGEOBJ_IMAGE, max_depth=2):
        left, bottom, right, top = bounds(handle)
        largest = max(largest, (right - left) * (top - bottom))
    return min(largest / area, 1.0)


def syllable_share(text: str) -> float:
    """Share of the words that are well-formed Vietnamese syllables, after converting text
    typed in a legacy encoding. A page's first _SAMPLE_WORDS words tell: a garbled layer is
    garbled throughout."""
    return _share(" ".join(text.split()[:_SAMPLE_WORDS]))


def _share(sample: str, found: list[str] | None = None) -> float:
    """syllable_share of a sample already cut (`found`: its letter words, when counted)."""
    encoding = detect(sample)
    if encoding is not None:
        sample, found = convert(sample, encoding), None
    found = letter_words(sample) if found is None else found
    return syllables(found) / len(found) if found else 0.0


def check_page(page: pdfium.PdfPage, words: list[dict[str, Any]]) -> PageCheck:
    """The verdict on one page, from its words and its images."""
    if not words:
        return PageCheck("none", _("no text layer"))
    if len(words) < SPARSE_WORDS and image_cover(page) >= SCAN_COVER:
        return PageCheck("stamp", _("only {n} words of text on a scanned page").format(n=len(words)))
    sample = " ".join(w["text"] for w in words[:_SAMPLE_WORDS])
    found = letter_words(sample)
    # Enough words of letters to judge: counted in the sample first, which nearly always holds them.
    if len(found) >= _MIN_WORDS_TO_JUDGE or (
            len(words) > _SAMPLE_WORDS and word_count(" ".join(w["text"] for w in words)) >= _MIN_WORDS_TO_JUDGE):
        share = _share(sample, found)
        if share < GOOD_SYLLABLES:
            return PageCheck("garbled", _("garbled text layer ({share:.0%} of its words are Vietnamese syllables)").format(share=share))
    return PageCheck("text", "text layer")
