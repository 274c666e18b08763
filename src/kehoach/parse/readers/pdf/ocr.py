"""Reading a page from its image: Tesseract with its Vietnamese model, through pytesseract.

The page is rendered by PDFium; Tesseract gives words with their boxes and a
confidence; each word becomes the same word dict the text layer gives (points, top
from the page's top), and each of Tesseract's lines one row, so the rest of the PDF
reader (rows, columns, paragraphs, ruled tables) works unchanged. A page whose text
stands sideways (a landscape page scanned upright) is turned first, as Tesseract's
orientation detection says.
"""

from __future__ import annotations

import functools
import os
import shutil
import statistics
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pypdfium2 as pdfium

from kehoach.i18n import N_, _
from kehoach.parse.language.textutil import nfc
from kehoach.parse.readers.pdf.image_rules import find_rules
from kehoach.parse.readers.pdf.ocr_cells import read_cells
from kehoach.parse.readers.pdf.ocr_words import repair_line

# Measured on the corpus rendered as scans: 200 and 300 dpi read as well (text similarity
# 0.997-1.000), 300 costs about a fifth more time; real scans, whose print is smaller and
# noisier, read better at 300.
DEFAULT_DPI = 300
DEFAULT_LANG = "vie"
# A pixel whose colour channels differ by more than this is coloured ink (measured on a real
# scan: printed black stays within 20, red and blue stamp ink spreads 80-250).
_COLOUR_SPREAD = 50
# Below this mean word confidence (0-100), or with few words, the page may stand sideways:
# Tesseract's orientation check is asked (it costs a second run, so only then).
_CHECK_TURN_BELOW = 70.0
# Words of one Tesseract line whose middles differ by more than this share of a word's
# height stand on two lines.
_OTHER_LINE = 0.6
# Words read with less confidence than this are marks of a seal, a signature or a speck, not
# print (Tesseract gives printed Vietnamese 80-96); a short line of words below _DOUBTFUL too.
_NOISE_BELOW = 10.0
_DOUBTFUL = 50.0
# Tesseract's OpenMP threads fight over a small machine's cores: one thread is several
# times faster here (1.5 s against 8 s a page on two cores), and batch runs pages in parallel.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

INSTALL_HINT = N_(
    "install Tesseract and its Vietnamese data (Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-vie; "
    "macOS: brew install tesseract tesseract-lang; Windows: the UB Mannheim installer with Vietnamese)"
)


@dataclass(slots=True)
class OcrPage:
    """What OCR read on one page."""

    words: list[dict[str, Any]]
    """Words as the text layer gives them: text, x0, x1, top, bottom (points)."""
    edges: list[dict[str, Any]] = field(default_factory=list)
    """Ruling lines found in the image, as table edges."""
    confidence: float = 0.0
    """Mean word confidence, 0-100."""
    width: float = 0.0
    """Page width in points, after any turn."""
    height: float = 0.0
    """Page height in points, after any turn."""
    turned: int = 0
    """Degrees the page image was turned before reading."""


def tesseract_problem(lang: str) -> str | None:
    """What keeps Tesseract from reading `lang` here ('Tesseract is not installed', ...), or None."""
    found = _tesseract_state(lang)
    if found is None:
        return None
    message, detail = found
    return _(message).format(detail=detail)


@functools.lru_cache(maxsize=8)
def _tesseract_state(lang: str) -> tuple[str, str] | None:
    """(message id, detail) of what is wrong with Tesseract, asked once per process."""
    if shutil.which("tesseract") is None:
        return N_("Tesseract is not installed"), ""
    import pytesseract

    try:
        languages = set(pytesseract.get_languages(config=""))
    except Exception as exc:  # a broken installation: say so in one line
        return N_("Tesseract does not run ({detail})"), type(exc).__name__
    missing = [code for code in lang.split("+") if code not in languages]
    return (N_("Tesseract has no '{detail}' language data"), "+".join(missing)) if missing else None


def _visual_lines(members: list[int], data: dict[str, list[Any]]) -> list[list[int]]:
    """One Tesseract line cut where its words stand at different heights: in small print set
    in two columns ('Nơi nhận' beside the signature) Tesseract may take words of two lines
    for one, and their order would be mixed."""
    heights = sorted(data["height"][i] for i in members)
    limit = _OTHER_LINE * heights[len(heights) // 2]
    ordered = sorted(members, key=lambda i: data["top"][i] + data["height"][i] / 2)
    groups: list[list[int]] = [[ordered[0]]]
    for i in ordered[1:]:
        last = groups[-1][-1]
        if (data["top"][i] + data["height"][i] / 2) - (data["top"][last] + data["height"][last] / 2) > limit:
            groups.append([i])
        else:
            groups[-1].append(i)
    return [sorted(group, key=lambda i: data["left"][i]) for group in groups]


def read_words(image: Any, lang: str, scale: float, psm: int = 3) -> tuple[list[dict[str, Any]], float]:
    """Words with boxes in points, and their mean confidence. A line's words share the
    line's top and bottom, so they form one row whatever their letters' heights.
    `psm`: Tesseract's page segmentation (3: a page laid out freely; 6: one block of text)."""
    import pytesseract

    data = pytesseract.image_to_data(image, lang=lang, config=f"--psm {psm}", output_type=pytesseract.Output.DICT)
    lines: dict[tuple[int, int, int], list[int]] = {}
    for i, text in enumerate(data["text"]):
        if text and text.strip() and float(data["conf"][i]) >= _NOISE_BELOW:
            lines.setdefault((data["block_num"][i], data["par_num"][i], data["line_num"][i]), []).append(i)
    words: list[dict[str, Any]] = []
    confidences: list[float] = []
    for members in (line for found in lines.values() for line in _visual_lines(found, data)):
        if len(members) <= 3 and all(float(data["conf"][i]) < _DOUBTFUL for i in members):
            continue  # a few doubtful marks alone on a line: what is left of a seal or a signature
        # The middle word's top and bottom: a tall speck of a seal or a signature read as a
        # word must not lift the line onto the line above.
        top = statistics.median_low(data["top"][i] for i in members) / scale
        bottom = statistics.median_high(data["top"][i] + data["height"][i] for i in members) / scale
        texts = repair_line([nfc(data["text"][i].strip()) for i in members])
        for i, text in zip(members, texts, strict=True):
            words.append({"text": text, "x0": data["left"][i] / scale,
                          "x1": (data["left"][i] + data["width"][i]) / scale, "top": top, "bottom": bottom})
            confidences.append(float(data["conf"][i]))
    return words, (sum(confidences) / len(confidences) if confidences else 0.0)


def _turn(image: Any) -> int:
    """Degrees to turn the image so its text stands upright, from Tesseract's orientation check."""
    import pytesseract

    try:
        osd = pytesseract.image_to_osd(image, config="--psm 0", output_type=pytesseract.Output.DICT)
    except Exception:  # too little text to tell: leave it as it is
        return 0
    return int(osd.get("rotate", 0)) % 360


def render(page: pdfium.PdfPage, dpi: int = DEFAULT_DPI) -> Any:
    """The page as a greyscale image (PIL), coloured ink left out. PDFium is not thread-safe:
    render in one thread."""
    return drop_colour(page.render(scale=dpi / 72).to_pil())


def drop_colour(image: Any) -> Any:
    """Greyscale image with coloured ink turned to paper. Plans are printed in black; the red
    seal over the signature, the red arrival stamp and blue handwriting are not the document's
    text, and OCR read through them gives noise lines and broken words. On a scan the printed
    ink is grey (channels within ~20 of each other), stamp and pen ink is strongly coloured."""
    from PIL import Image

    pixels = np.asarray(image.convert("RGB"), dtype=np.int16)
    colour = (pixels.max(axis=2) - pixels.min(axis=2)) > _COLOUR_SPREAD
    grey = np.asarray(image.convert("L")).copy()
    grey[colour] = 255
    return Image.fromarray(grey)


def read_image(image: Any, dpi: int = DEFAULT_DPI, lang: str = DEFAULT_LANG) -> OcrPage:
    """OCR one rendered page: turn it if its text stands sideways, take its rules out, read
    its words. Tesseract runs as a separate program, so pages can be read from threads."""
    scale = dpi / 72
    clean, edges = find_rules(image, scale)
    words, confidence = read_words(clean, lang, scale)
    turned = 0
    if confidence < _CHECK_TURN_BELOW or len(words) < 10:
        turned = _turn(clean)
        if turned:
            clean, edges = find_rules(image.rotate(-turned, expand=True), scale)
            words, confidence = read_words(clean, lang, scale)
    words = read_cells(clean, scale, edges, words, lang)
    return OcrPage(words, edges, confidence, clean.width / scale, clean.height / scale, turned)
