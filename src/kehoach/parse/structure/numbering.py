"""Checks of printed numbering: duplicates, gaps, wrong order, non-Vietnamese letters.

The tree keeps the labels as printed; these checks only report.
"""

from __future__ import annotations

from kehoach.parse.language.vocab import LETTER_ORDER
from kehoach.parse.structure.markers import sort_key
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


def _check_siblings(siblings: list[Section]) -> list[Finding]:
    findings: list[Finding] = []
    previous: dict[str, tuple[int, Section]] = {}
    for section in siblings:
        if section.kind == "letter" and section.label not in LETTER_ORDER:
            findings.append(
                _finding(
                    "numbering-latin-letter",
                    "warning",
                    f"letter '{section.label}' is not in the Vietnamese order a b c d đ e g h ...",
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
                        f"'{section.label}' is used twice under the same parent (see line {last_section.line})",
                        section,
                    )
                )
            elif position < last:
                findings.append(
                    _finding(
                        "numbering-order",
                        "warning",
                        f"'{section.label}' comes after '{last_section.label}'",
                        section,
                    )
                )
            elif position > last + 1:
                findings.append(
                    _finding(
                        "numbering-gap",
                        "warning",
                        f"'{section.label}' follows '{last_section.label}': {position - last - 1} item(s) missing",
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
