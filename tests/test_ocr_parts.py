"""The pieces OCR rests on, each on small hand-made cases (no Tesseract needed)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

from kehoach.parse.blocks import Block, PageRead, page_ranges
from kehoach.parse.extract.closing import recipients
from kehoach.parse.extract.metadata import number_and_symbol, place_and_date
from kehoach.parse.extract.quality import page_readings
from kehoach.parse.extract.tasks import tasks_from_table
from kehoach.parse.readers.pdf.image_rules import find_rules
from kehoach.parse.readers.pdf.ocr import drop_colour
from kehoach.parse.readers.pdf.ocr_words import repair_line
from kehoach.parse.readers.pdf.pagecheck import syllable_share
from kehoach.parse.readers.pdf.rules import cell_boxes
from kehoach.parse.readers.pdf.tables import merged_rows
from kehoach.parse.structure.numbering import check_numbering
from kehoach.parse.structure.tree import build_tree

from .pdf_builder import GARBLED_WORDS


@pytest.mark.parametrize(("read", "meant"), [
    ("KÉ HOẠCH", "KẾ HOẠCH"),
    ("I. MỤC ĐÍCH, YÊU CẢU", "I. MỤC ĐÍCH, YÊU CẦU"),
    ("HI. TÓ CHỨC THỰC HIỆN", "III. TỔ CHỨC THỰC HIỆN"),
    ("H. CHỈ TIÊU, NHIỆM VỤ", "II. CHỈ TIÊU, NHIỆM VỤ"),
    ("H. Nguyễn Văn A", "H. Nguyễn Văn A"),
    ("L NỌI DUNG", "I. NỘI DUNG"),
    ("III KINH PHÍ Kinh phí thực hiện các nhiệm vụ", "III. KINH PHÍ Kinh phí thực hiện các nhiệm vụ"),
    ("IV KHÁC", "IV. KHÁC"),
    ("Nơi nhân:", "Nơi nhận:"),
    ("Số: 12⁄KH-UBND", "Số: 12/KH-UBND"),
    ("Quyết định số 7404/QĐÐ-BCA", "Quyết định số 7404/QĐ-BCA"),
    # Left alone: single words that differ only in marks are both real ('school' / 'head').
    ("TRƯỜNG THCS", "TRƯỜNG THCS"),
    ("1. MỤC ĐÍCH", "1. MỤC ĐÍCH"),
    ("L Công tác", "L Công tác"),
    # A lettered item's letter read as a glyph Vietnamese never uses.
    ("ø) Tăng cường công tác phối hợp", "g) Tăng cường công tác phối hợp"),
    ("ï) Tổ chức triển khai", "i) Tổ chức triển khai"),
    ("ø", "ø"),
    # Comparators, whose marks decide a target: 'tối thiếu' (lacking) for 'tối thiểu' (at least).
    ("đạt tối thiếu 85%.", "đạt tối thiểu 85%."),
    ("không dưởi 90%", "không dưới 90%"),
    ("thủ tục không qua mạng", "thủ tục không qua mạng"),  # 'không quá' is not put back: 'không qua' is Vietnamese too
])
def test_ocr_words_set_right_from_the_vocabulary(read: str, meant: str) -> None:
    assert " ".join(repair_line(read.split(" "))) == meant


def test_a_garbled_layer_has_few_vietnamese_syllables() -> None:
    assert syllable_share(GARBLED_WORDS) == 0.0
    assert syllable_share("Ӣ C‘NG 7+ѬѪ1* ĈÃ 7Ӝ ѬӢ1* ") < 0.6
    assert syllable_share("Ủy ban nhân dân xã ban hành kế hoạch cải cách hành chính năm 2025") == 1.0
    assert syllable_share("Uû ban nh©n d©n x· ban hµnh kÕ ho¹ch") > 0.9  # TCVN3: converted, not garbage


def _table_image(rows: int, open_bottom: bool = False) -> Image.Image:
    """A white page with a ruled 3-column table drawn in black, 100 px a row."""
    pixels = np.full((1000, 800), 255, dtype=np.uint8)
    last = 100 + 100 * rows
    for y in range(100, last + 1, 100):
        if not (open_bottom and y == last):
            pixels[y : y + 3, 100:700] = 0
    for x in (100, 300, 500, 697):
        pixels[100:last, x : x + 3] = 0
    pixels[150:170, 150:160] = 0  # a letter's stem: not a rule
    return Image.fromarray(pixels)


def test_rules_of_a_scanned_table_become_cells_and_leave_the_image() -> None:
    clean, edges = find_rules(_table_image(3), scale=1.0)
    assert len(cell_boxes(edges)) == 9
    remaining = np.asarray(clean)
    assert remaining[100:103, 100:700].min() == 255  # the rules are paper now
    assert remaining[150:170, 150:160].max() == 0  # the letter is still there


def test_a_table_cut_by_the_page_end_is_closed_where_its_column_rules_end() -> None:
    _, edges = find_rules(_table_image(3, open_bottom=True), scale=1.0)
    assert len(cell_boxes(edges)) == 9


def test_coloured_ink_is_dropped_and_print_kept() -> None:
    rgb = np.full((10, 30, 3), 255, dtype=np.uint8)
    rgb[:, 0:10] = (20, 20, 20)  # print
    rgb[:, 10:20] = (200, 30, 40)  # a red seal
    rgb[:, 20:30] = (30, 40, 160)  # blue pen
    grey = np.asarray(drop_colour(Image.fromarray(rgb)))
    assert grey[:, 0:10].max() < 60 and grey[:, 10:].min() == 255


def test_page_ranges() -> None:
    assert page_ranges([1, 2, 3, 4, 7, 9, 10]) == "1-4, 7, 9-10"


def test_pages_read_with_low_confidence_or_left_unread_make_the_plan_to_review() -> None:
    readings, findings, review = page_readings([
        PageRead(1, "text"), PageRead(2, "ocr", "no text layer", 91.0), PageRead(3, "ocr", "no text layer", 52.5),
        PageRead(4, "unread", "no text layer"),
    ])
    assert [(r.page, r.source) for r in readings] == [(2, "ocr"), (3, "ocr"), (4, "unread")]
    assert findings[0].message == "page(s) 2-3 read by OCR (no text layer); mean confidence 72"
    assert [code for code, _ in review] == ["unread-pages", "low-ocr-confidence"]
    assert review[1][1] == "OCR read page(s) 3 with low confidence: check names and figures"


def _paras(*texts: str, ocr: bool) -> list[Block]:
    return [Block(kind="para", text=t, ocr=ocr) for t in texts]


def test_an_ocr_part_number_that_repeats_the_one_before_is_the_next_misread() -> None:
    texts = ("I. MỤC ĐÍCH", "1. Một", "II. NỘI DUNG", "1. Hai", "II. TỔ CHỨC THỰC HIỆN", "1. Ba")
    read = build_tree(_paras(*texts, ocr=True))
    assert [s.path for s in read] == ["I", "II", "III"]
    assert [(f.code, f.path) for f in check_numbering(read)] == [("numbering-restored", "III")]
    # Printed text keeps its labels: the repeat is the document's, and a finding says so.
    printed = build_tree(_paras(*texts, ocr=False))
    assert [s.path for s in printed] == ["I", "II", "II"]
    assert [f.code for f in check_numbering(printed)] == ["numbering-duplicate"]


def test_an_ocr_table_number_misread_between_two_others_is_restored() -> None:
    rows = [["TT", "Nội dung", "Chủ trì"], ["8", "Việc tám", "Phòng A"], ["h)", "Việc chín", "Phòng A"],
            ["10", "Việc mười", "Phòng B"], ["", "Việc không số", "Phòng B"], ["12", "Việc mười hai", "Phòng B"]]
    read = [t.no for t in tasks_from_table(Block(kind="table", rows=rows, ocr=True))]
    assert read == [8, 9, 10, None, 12]  # an empty TT stays empty
    printed = [t.no for t in tasks_from_table(Block(kind="table", rows=rows))]
    assert printed == [8, "h)", 10, None, 12]


def test_a_row_merged_down_beside_one_number_adds_to_its_task() -> None:
    cells: list[list[str | None]] = [["TT", "Nội dung", "Thời gian"], ["1", "Gói thầu 13", "23/3/2026"],
                                     [None, "Gói thầu 14", None], ["2", "Gói thầu 15", "25/3/2026"]]
    rows, continued = merged_rows(cells, [False] * 4)
    assert continued == [False, False, True, False]
    tasks = tasks_from_table(Block(kind="table", rows=rows, continued_rows=continued))
    assert [(t.no, t.content, t.time) for t in tasks] == [(1, "Gói thầu 13 Gói thầu 14", "23/3/2026"),
                                                          (2, "Gói thầu 15", "25/3/2026")]


def test_header_lines_as_ocr_reads_them() -> None:
    front = _paras("Só: /KH-UBND", "Hà Nội, ngày 24 tháng 2026", ocr=True)
    assert number_and_symbol(front) == (None, "KH-UBND")
    assert place_and_date(front) == ("Hà Nội", "2026")
    assert number_and_symbol(_paras("/KH-TCTLNTW-C04", ocr=True)) == (None, "KH-TCTLNTW-C04")


def test_a_header_name_goes_on_over_lines_tied_by_a_linking_word() -> None:
    from kehoach.parse.extract.header import read_header

    front = _paras("SỞ CÔNG THƯƠNG", "ĐOÀN KIỂM TRA", "THEO QUYẾT ĐỊNH", "SỐ 1050/QĐ-SCT", "Số: 12/KH-ĐKT",
                   "KẾ HOẠCH", ocr=False)
    body = read_header(front)
    assert body is not None
    assert (body.issuer, body.parent) == ("Đoàn kiểm tra theo Quyết định số 1050/QĐ-SCT", "Sở Công Thương")


@given(st.lists(st.text(alphabet=st.sampled_from("KẾkếHOẠCHhoạchÉÓIlL|.,:/ĐÐð⁄1"), min_size=1, max_size=8),
                min_size=1, max_size=8))
def test_ocr_line_repair_never_raises_and_keeps_one_text_per_word(words: list[str]) -> None:
    assert len(repair_line(words)) == len(words)


def test_an_ocr_capital_that_continues_the_lettered_items_is_the_small_letter() -> None:
    texts = ("1. Phương thức", "a. Thu thập tài liệu;", "b. Đối chiếu hồ sơ;", "C. Kiểm tra thực tế;", "d. Lập biên bản.")
    section = build_tree(_paras(*texts, ocr=True))[0]
    assert [(s.path, s.kind) for s in section.children] == [
        ("1/a", "letter"), ("1/b", "letter"), ("1/c", "letter"), ("1/d", "letter")]
    assert section.children[2].raw.startswith("C. Kiểm tra")  # as printed, for whoever checks
    assert [(f.code, f.path) for f in check_numbering([section])] == [("numbering-restored", "1/c")]
    # Printed text keeps its capital; so does an OCR'd capital that does not follow on ('C.' after 'a.').
    assert [s.path for s in build_tree(_paras(*texts, ocr=False))[0].children] == ["1/a", "1/b", "1/d"]
    assert [s.path for s in build_tree(_paras(*texts[:2], texts[3], ocr=True))[0].children] == ["1/a"]


def test_recipients_whose_first_item_lost_its_dash() -> None:
    closing = _paras("Nơi nhận: ¬", "PC AIDS, MT, MD (để báo cáo);", "- Bộ Công an (để báo cáo);",
                     "- Thành viên Tổ (để thực hiện); _", "- Lưu: VT.", "KT. TỔ TRƯỞNG", ocr=True)
    assert recipients(closing) == ["PC AIDS, MT, MD (để báo cáo)", "Bộ Công an (để báo cáo)",
                                   "Thành viên Tổ (để thực hiện)", "Lưu: VT."]
    # A line that does not end as an item does is not taken for one.
    assert recipients(_paras("Nơi nhận:", "Như trên", "- Lưu: VT.", ocr=False)) == []


def test_an_ocr_item_whose_number_was_read_as_a_speck_gets_the_missing_number() -> None:
    texts = ("II. NỘI DUNG", "4. Ứng dụng công nghệ thông tin.", "` Tiếp tục kiện toàn Tổ Công tác.",
             "6. Tăng cường cán bộ.")
    part = build_tree(_paras(*texts, ocr=True))[0]
    assert [(s.path, s.text) for s in part.children] == [
        ("II/4", "Ứng dụng công nghệ thông tin."), ("II/5", "Tiếp tục kiện toàn Tổ Công tác."),
        ("II/6", "Tăng cường cán bộ.")]
    # Said as a finding, so that whoever checks the plan looks there.
    assert [(f.code, f.path, f.message) for f in check_numbering([part])] == [
        ("numbering-restored", "II/5", "item '5' was read as '`'; its place says '5'")]
    # Not when no number is missing there, nor in printed text.
    assert len(build_tree(_paras(*texts[:3], "5. Tăng cường cán bộ.", ocr=True))[0].children) == 2
    assert len(build_tree(_paras(*texts, ocr=False))[0].children) == 2


def test_ocr_part_numbers_that_lost_their_strokes_follow_on() -> None:
    texts = ("I. MỤC ĐÍCH", "1. Một", "I. ĐỐI TƯỢNG", "1. Hai", "I. NỘI DUNG", "1. Ba", "IV. HÌNH THỨC", "V. TỔ CHỨC",
             "V. KINH PHÍ")
    read = build_tree(_paras(*texts, ocr=True))
    assert [s.path for s in read] == ["I", "II", "III", "IV", "V", "VI"]
    assert [f.path for f in check_numbering(read) if f.code == "numbering-restored"] == ["II", "III", "VI"]
    # Not where the number read cannot be the next one with strokes lost ('I.' after 'III.' for 'IV.').
    assert [s.path for s in build_tree(_paras("I. A", "II. B", "III. C", "I. D", ocr=True))] == ["I", "II", "III", "I"]
    assert [s.path for s in build_tree(_paras(*texts, ocr=False))] == ["I", "I", "I", "IV", "V", "V"]


def test_an_ocr_letter_that_stands_for_the_next_item_number_is_that_number() -> None:
    texts = ("II. NHIỆM VỤ", "4. Cải cách chế độ công vụ", "b) Nhiệm vụ", "S. Cải cách tài chính công", "a) Mục tiêu")
    part = build_tree(_paras(*texts, ocr=True))[0]
    assert [(s.path, s.kind) for s in part.children] == [("II/4", "arabic"), ("II/5", "arabic")]
    assert [(f.code, f.path) for f in check_numbering([part])] == [("numbering-restored", "II/5")]
    # Not in printed text, nor where the number does not follow ('S.' after '2.').
    assert [s.path for s in build_tree(_paras(*texts, ocr=False))[0].children] == ["II/4"]
    assert [s.path for s in build_tree(_paras(texts[0], "2. Hai", *texts[2:], ocr=True))[0].children] == ["II/2"]
