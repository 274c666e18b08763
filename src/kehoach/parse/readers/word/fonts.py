"""Which font a Word run is set in, so runs typed in legacy fonts can be converted.

Word looks for a run's font in the run's own properties, then its character
style, then the paragraph style (each style through its `basedOn` chain), then
the document defaults. Only the Latin slots (`w:ascii`, then `w:hAnsi`) matter:
legacy Vietnamese fonts are 8-bit Latin fonts.
"""

from __future__ import annotations

from typing import Any

from kehoach.parse.language.legacy import (
    encoding_of_font,
    is_capitals_font,
    repair_case,
    tcvn3_to_unicode,
    vni_to_unicode,
)
from kehoach.parse.readers.word.styles import StyleMap, W, latin_font

_T = f"{W}t"
_BREAKS = {f"{W}tab": "\t", f"{W}br": "\n", f"{W}cr": "\n"}
_TEXT_NODES = (_T, *_BREAKS)


class RunFonts:
    """Resolves the font of runs and converts text set in TCVN3 or VNI fonts."""

    def __init__(self, styles: StyleMap, legacy_fonts: bool = True) -> None:
        self._legacy_fonts = legacy_fonts
        self._styles = styles
        self.converted: set[str] = set()
        """Encodings met and converted, for the findings list."""

    def font_of(self, run: Any, paragraph_style: str | None) -> str | None:
        """The Latin font a run is drawn in."""
        rpr = run.find(f"{W}rPr")
        char_style = rpr.find(f"{W}rStyle") if rpr is not None else None
        return (
            latin_font(rpr)
            or self._styles.font(char_style.get(f"{W}val") if char_style is not None else None)
            or self._styles.font(paragraph_style or self._styles.default_paragraph)
            or self._styles.default_font
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

    def paragraph_text(self, p: Any, style_id: str | None) -> str:
        """A paragraph's text (tabs and breaks kept), each run converted by its font; capitals
        lost in TCVN3 runs set in lower-case fonts are restored (see `legacy.repair_case`)."""
        if not self._legacy_fonts:  # no legacy font anywhere: plain text, no font lookups
            return "".join(node.text or "" if node.tag == _T else _BREAKS[node.tag] for node in p.iter(*_TEXT_NODES))
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
