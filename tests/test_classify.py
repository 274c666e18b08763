"""Reform areas and indicators, matched on folded keys (tone placement, case)."""

from __future__ import annotations

import pytest

from kehoach.parse.extract.classify import area_of, indicator_of
from kehoach.parse.pipeline import parse_file

from .conftest import SAMPLES


@pytest.mark.parametrize(
    ("heading", "area"),
    [
        ("Cải cách thể chế", "the_che"),
        ("CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "tthc"),
        ("Cải cách tổ chức bộ máy hành chính nhà nước", "bo_may"),
        ("Cải cách chế độ công vụ", "cong_vu"),
        ("Cải cách tài chính công", "tai_chinh"),
        ("Xây dựng và phát triển chính quyền điện tử, chính quyền số", "so"),
        ("Công tác chỉ đạo, điều hành", "chi_dao"),
        ("Đánh giá tác động của CCHC đến người dân", "tac_dong"),
        ("MỤC ĐÍCH, YÊU CẦU", None),
    ],
)
def test_area_of_heading(heading: str, area: str | None) -> None:
    assert area_of(heading) == area


@pytest.mark.parametrize(
    ("text", "value", "indicator"),
    [
        ("Tỷ lệ thanh toán trực tuyến trên tổng số giao dịch tối thiểu 30%", 30, "thanh_toan_truc_tuyen"),
        ("Mức độ hài lòng của người dân đạt trên 90%", 90, "hai_long"),
        ("100% hồ sơ được số hoá theo quy định", 100, "so_hoa"),  # old tone placement
        ("100% hồ sơ được số hóa theo quy định", 100, "so_hoa"),
        ("Dịch vụ công trực tuyến toàn trình: Tối thiểu 80% Tỷ lệ hồ sơ giải quyết trực tuyến: Tối thiểu 60%", 60,
         "ho_so_truc_tuyen"),
        ("Dịch vụ công trực tuyến toàn trình: Tối thiểu 80% Tỷ lệ hồ sơ giải quyết trực tuyến: Tối thiểu 60%", 80,
         "dvc_toan_trinh"),
        ("Tỷ lệ cây xanh đạt 40%", 40, None),
    ],
)
def test_indicator_of(text: str, value: int, indicator: str | None) -> None:
    assert indicator_of(text, value) == indicator


def test_repeated_value_uses_its_own_occurrence() -> None:
    text = "Giải quyết đúng hạn đạt 100%; đưa 100% hồ sơ đủ điều kiện giải quyết trực tuyến"
    assert indicator_of(text, 100, occurrence=0) == "dung_han"
    assert indicator_of(text, 100, occurrence=1) == "ho_so_truc_tuyen"


def test_plan_gets_areas_and_indicators() -> None:
    plan = parse_file(SAMPLES / "000_e3b5f0d1f2c6f809.txt")
    payment = [t for t in plan.targets if t.indicator == "thanh_toan_truc_tuyen"]
    assert [(t.value, t.cmp, t.where, t.area) for t in payment] == [(30, ">=", "task:15", "so")]
    assert {t.area for t in plan.tasks} == {"chi_dao", "the_che", "tthc", "so"}
