"""Checks of printed numbering: duplicates, gaps, wrong order, non-Vietnamese letters.

The tree keeps the labels as printed; these checks only report.
"""

from __future__ import annotations

from kehoach.i18n import _
from kehoach.parse.language.vocab import LETTER_ORDER
from kehoach.parse.structure.markers import match_marker, sort_key
from kehoach.schema import Finding, Section


def _finding(code: str, severity: str, message: str, section: Section) -> Finding:
    return Finding(
        code=code,
        severity=severity,  # type: ignore[arg-type]
        message=message,
        path=section.path,
        page=section.page,
        line=section.line,
    )


def _restored(section: Section) -> Finding | None:
    """The tree took the item's number from its place, not from its text (an OCR misreading:
    'C.' for 'c.', a speck for '5.'): said, so that whoever checks the plan looks there."""
    raw = (section.raw or "").lstrip()
    if raw.startswith(section.label) and not raw[len(section.label) : len(section.label) + 1].isalnum():
        return None  # printed as it stands: the common case, told without matching the markers
    printed = match_marker(raw)
    if printed is not None and printed.label == section.label:
        return None
    shown = printed.label if printed is not None else (section.raw or "").split(" ", 1)[0]
    return _finding("numbering-restored", "info",
                    _("item '{label}' was read as '{printed}'; its place says '{label}'").format(
                        label=section.label, printed=shown), section)


def _check_siblings(siblings: list[Section]) -> list[Finding]:
    findings: list[Finding] = []
    previous: dict[str, tuple[int, Section]] = {}
    for section in siblings:
        restored = _restored(section)
        if restored is not None:
            findings.append(restored)
        if section.kind == "letter" and section.label not in LETTER_ORDER:
            findings.append(
                _finding(
                    "numbering-latin-letter",
                    "warning",
                    _("letter '{label}' is not in the Vietnamese order a b c d đ e g h ...").format(label=section.label),
                    section,
                )
            )
        position = sort_key(section.kind, section.label)
        if position is None:
            continue
        before = previous.get(section.kind)
        if before is not None:
            last, last_section = before
            if position == last:
                findings.append(
                    _finding(
                        "numbering-duplicate",
                        "warning",
                        _("'{label}' is used twice under the same parent (see line {line})").format(
                            label=section.label, line=last_section.line),
                        section,
                    )
                )
            elif position < last:
                findings.append(
                    _finding(
                        "numbering-order",
                        "warning",
                        _("'{label}' comes after '{before}'").format(label=section.label, before=last_section.label),
                        section,
                    )
                )
            elif position > last + 1:
                findings.append(
                    _finding(
                        "numbering-gap",
                        "warning",
                        _("'{label}' follows '{before}': {n} item(s) missing").format(
                            label=section.label, before=last_section.label, n=position - last - 1),
                        section,
                    )
                )
        previous[section.kind] = (position, section)
    return findings


def check_numbering(sections: list[Section]) -> list[Finding]:
    """Findings for every group of siblings in the tree."""
    findings = _check_siblings(sections)
    for section in sections:
        findings.extend(check_numbering(section.children))
    return findings
