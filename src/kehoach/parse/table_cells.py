"""Row tests shared by table readers and the task extractor."""

from __future__ import annotations

import re

from kehoach.parse.language.textutil import fold

_COLUMN_NUMBERS = re.compile(r"^\(?\d{1,2}\)?$")


def is_column_number_row(row: list[str]) -> bool:
    """'(1) (2) (3) ...' under the header."""
    cells = [c for c in row if c]
    return len(cells) >= 3 and all(_COLUMN_NUMBERS.match(c) for c in cells)


def same_row(a: list[str], b: list[str]) -> bool:
    """Rows with the same cells, ignoring case and tone placement (a header repeated on a new page)."""
    return [fold(c) for c in a] == [fold(c) for c in b]
