"""Words for checking a plan against the plan it implements (`validate --against`): who a
parent plan's task is given to, and for when a parent's target holds. Matched folded (case and
tone placement ignored)."""

from __future__ import annotations

# A lead or partner naming one of these gives the task to the communes (with the two-level local
# government, 'địa phương' under a province is a commune, ward or special zone).
COMMUNE_LEVEL_AGENCIES: tuple[str, ...] = (
    "cấp xã", "các xã", "xã, phường", "ubnd xã", "ủy ban nhân dân xã", "các địa phương", "địa phương",
    "các phường", "đặc khu",
)

# A target that holds every year of the parent's period.
YEARLY: tuple[str, ...] = ("hằng năm", "hàng năm", "mỗi năm", "từng năm", "năm nào cũng")

# Before a year: a target to be reached by the end of that year ('đến năm 2030').
BY_YEAR: tuple[str, ...] = ("đến năm", "đến hết năm", "tới năm", "đến cuối năm", "chậm nhất năm", "vào năm")

# Before a year: a target of that one year ('trong năm 2026', 'năm 2026').
IN_YEAR: tuple[str, ...] = ("trong năm", "năm")
