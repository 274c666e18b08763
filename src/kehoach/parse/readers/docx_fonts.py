"""Which font a Word run is set in, so runs typed in legacy fonts can be converted.

Word looks for a run's font in the run's own properties, then its character
style, then the paragraph style (each style through its `basedOn` chain), then
the document defaults. Only the Latin slots (`w:ascii`, then `w:hAnsi`) matter:
legacy Vietnamese fonts are 8-bit Latin fonts.
"""

from __future__ import annotations

from typing import Any

from kehoach.parse.legacy import (
    encoding_of_font,
    is_capitals_font,
    repair_case,
    tcvn3_to_unicode,
    vni_to_unicode,
)
from kehoach.parse.readers.docx_numbering import W

_T = f"{W}t"
_BREAKS = {f"{W}tab": "\t", f"{W}br": "\n", f"{W}cr": "\n"}
_TEXT_NODES = (_T, *_BREAKS)


def _latin_font(rpr: Any | None) -> str | None:
    fonts = rpr.find(f"{W}rFonts") if rpr is not None else None
    if fonts is None:
        return None
    return fonts.get(f"{W}ascii") or fonts.get(f"{W}hAnsi")


class RunFonts:
    """Resolves the font of runs and converts text set in TCVN3 or VNI fonts."""

    def __init__(self, styles_element: Any | None, legacy_fonts: bool = True) -> None:
        self._legacy_fonts = legacy_fonts
        self._own: dict[str, str | None] = {}
        self._based_on: dict[str, str] = {}
        self._default: str | None = None
        self._default_paragraph_style: str | None = None
        self.converted: set[str] = set()
        """Encodings met and converted, for the findings list."""
        if styles_element is not None and legacy_fonts:
            self._load(styles_element)

    def _load(self, root: Any) -> None:
        default = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
        self._default = _latin_font(default)
        for style in root.iter(f"{W}style"):
            style_id = style.get(f"{W}styleId")
            if not style_id:
                continue
            self._own[style_id] = _latin_font(style.find(f"{W}rPr"))
            if style.get(f"{W}type") == "paragraph" and style.get(f"{W}default") in ("1", "true", "on"):
                self._default_paragraph_style = style_id  # 'Normal': for paragraphs naming no style
            based = style.find(f"{W}basedOn")
            if based is not None and based.get(f"{W}val"):
                self._based_on[style_id] = based.get(f"{W}val")

    def _style_font(self, style_id: str | None) -> str | None:
        seen: set[str] = set()
        while style_id and style_id not in seen:  # a basedOn loop in a broken file must not hang
            seen.add(style_id)
            if self._own.get(style_id):
                return self._own[style_id]
            style_id = self._based_on.get(style_id)
        return None

    def font_of(self, run: Any, paragraph_style: str | None) -> str | None:
        """The Latin font a run is drawn in."""
        rpr = run.find(f"{W}rPr")
        char_style = rpr.find(f"{W}rStyle") if rpr is not None else None
        return (
            _latin_font(rpr)
            or self._style_font(char_style.get(f"{W}val") if char_style is not None else None)
            or self._style_font(paragraph_style or self._default_paragraph_style)
            or self._default
        )

    def unicode_text(self, text: str, font: str | None) -> str:
        """The run's text in Unicode: converted when its font is a TCVN3 or VNI font."""
        encoding = encoding_of_font(font)
        if encoding is None:
            return text
        self.converted.add(encoding)
        if encoding == "vni":
            return vni_to_unicode(text)
        return tcvn3_to_unicode(text, capitals=is_capitals_font(font))

    def paragraph_text(self, p: Any) -> str:
        """A paragraph's text (tabs and breaks kept), each run converted by its font; capitals
        lost in TCVN3 runs set in lower-case fonts are restored (see `legacy.repair_case`)."""
        if not self._legacy_fonts:  # no legacy font anywhere: plain text, no font lookups
            return "".join(node.text or "" if node.tag == _T else _BREAKS[node.tag] for node in p.iter(*_TEXT_NODES))
        style = p.find(f"{W}pPr/{W}pStyle")
        style_id = style.get(f"{W}val") if style is not None else None
        pieces: list[str] = []
        lower_case_tcvn3 = False
        for node in p.iter(*_TEXT_NODES):
            if node.tag != _T:
                pieces.append(_BREAKS[node.tag])
                continue
            font = self.font_of(node.getparent(), style_id)
            pieces.append(self.unicode_text(node.text or "", font))
            lower_case_tcvn3 |= encoding_of_font(font) == "tcvn3" and not is_capitals_font(font)
        text = "".join(pieces)
        return "\n".join(repair_case(line) for line in text.split("\n")) if lower_case_tcvn3 else text
