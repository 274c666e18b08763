"""Word styles resolved once per document: each style's font, base style and list link.

python-docx's `paragraph.style` looks the style up in the styles part on every
call (about 0.1 s per plan in all), so the reader asks python-docx for the
styles once, keeps what it needs in dictionaries, and looks paragraphs up there
by the style id the paragraph names (`CT_P.style`).
"""

from __future__ import annotations

from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.styles.styles import Styles

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


# Bounds of numbers read from a package: Word's list levels are 0-8, and no plan counts a
# list past a million; anything else is damage or an attack (a counter started at 10^11, a
# level of 10^8, would make the reader loop or allocate for ever).
LEVELS = (0, 8)
COUNTERS = (0, 1_000_000)


def int_attr(el: Any, name: str, default: int = 0, bounds: tuple[int, int] | None = None,
             odd: list[str] | None = None) -> int:
    """An integer attribute of an element; `default` when absent, not a number or outside
    `bounds` (such values are listed in `odd`, for a finding)."""
    value = el.get(f"{W}{name}") if el is not None else None
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        number = None
    if number is None or (bounds is not None and not bounds[0] <= number <= bounds[1]):
        if odd is not None:
            odd.append(f"{el.tag.rsplit('}', 1)[-1]} {name}={value[:20]}")
        return default
    return number


def latin_font(rpr: Any | None) -> str | None:
    """The Latin font of run properties: `w:ascii`, else `w:hAnsi` (legacy fonts are 8-bit Latin fonts)."""
    fonts = rpr.find(f"{W}rFonts") if rpr is not None else None
    if fonts is None:
        return None
    return fonts.get(f"{W}ascii") or fonts.get(f"{W}hAnsi")


class StyleMap:
    """What the reader needs of each style, by style id. Built on the first question: most
    plans name no style on their paragraphs and use no legacy font, and then it is never asked."""

    def __init__(self, styles: Styles | None, with_fonts: bool = True) -> None:
        self._styles = styles
        self._with_fonts = with_fonts
        self._built = False
        self._font: dict[str, str | None] = {}
        self._based_on: dict[str, str] = {}
        self._numpr: dict[str, tuple[int, int]] = {}
        self._default_paragraph: str | None = None
        self._default_font: str | None = None

    def _build(self) -> None:
        self._built = True
        if self._styles is None:
            return
        root = self._styles.element
        # Plain lxml look-ups on python-docx's elements: its typed accessors (`basedOn_val`, ...)
        # run an XPath query each and would cost more than the rest of the reading.
        for element in root.iterchildren(f"{W}style"):
            style_id = element.get(f"{W}styleId")
            if not style_id:
                continue
            based = element.find(f"{W}basedOn")
            if based is not None and based.get(f"{W}val"):
                self._based_on[style_id] = based.get(f"{W}val")
            numpr = element.find(f"{W}pPr/{W}numPr")
            if numpr is not None:
                num_id = int_attr(numpr.find(f"{W}numId"), "val", -1)
                if num_id >= 0:
                    self._numpr[style_id] = (num_id, int_attr(numpr.find(f"{W}ilvl"), "val", 0, LEVELS))
            if self._with_fonts:
                self._font[style_id] = latin_font(element.find(f"{W}rPr"))
        if self._with_fonts:
            self._default_font = latin_font(root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr"))
            try:
                default = self._styles.default(WD_STYLE_TYPE.PARAGRAPH)
            except ValueError:  # a default style of an unknown type in a damaged file
                default = None
            self._default_paragraph = default.style_id if default is not None else None

    def _ready(self) -> StyleMap:
        if not self._built:
            self._build()
        return self

    @property
    def default_paragraph(self) -> str | None:
        """The style of paragraphs that name none ('Normal')."""
        return self._ready()._default_paragraph

    @property
    def default_font(self) -> str | None:
        """The document defaults' Latin font."""
        return self._ready()._default_font

    def _chain(self, style_id: str | None) -> list[str]:
        """The style and its bases, nearest first; a basedOn loop in a broken file must not hang."""
        self._ready()
        chain: list[str] = []
        while style_id and style_id not in chain:
            chain.append(style_id)
            style_id = self._based_on.get(style_id)
        return chain

    def font(self, style_id: str | None) -> str | None:
        """The Latin font a style sets, itself or through its base styles."""
        return next((self._font[s] for s in self._chain(style_id) if self._font.get(s)), None)

    def numpr(self, style_id: str | None) -> tuple[int, int] | None:
        """(numId, ilvl) of the list a style links to, itself or through its base styles."""
        return next((self._numpr[s] for s in self._chain(style_id) if s in self._numpr), None)


_PPR, _PSTYLE, _NUMPR = f"{W}pPr", f"{W}pStyle", f"{W}numPr"


def paragraph_props(p: Any) -> tuple[str | None, Any | None]:
    """(style id, w:numPr element) a paragraph element names, read from its w:pPr children.

    What python-docx's `CT_P.style` returns, without its XPath query per call: a plan has
    thousands of paragraphs, and those queries would cost more than the rest of the reading.
    """
    ppr = p[0] if len(p) else None
    if ppr is None or ppr.tag != _PPR:
        return None, None
    style_id = numpr = None
    for child in ppr:
        if child.tag == _PSTYLE:
            style_id = child.get(f"{W}val")
        elif child.tag == _NUMPR:
            numpr = child
    return style_id, numpr
