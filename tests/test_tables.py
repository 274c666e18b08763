"""Task tables: stitching across pages, flattened tables in text, rows to tasks."""

from __future__ import annotations

from kehoach.parse.blocks import Block
from kehoach.parse.extract.agencies import split_agencies
from kehoach.parse.extract.tasks import tasks_from_table
from kehoach.parse.language.timephrases import parse_due
from kehoach.parse.readers.pdf.tables import stitch_tables, table_rows
from kehoach.parse.readers.text.reader import blocks_from_lines, clean_lines

HEADER = ["TT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian", "Sản phẩm"]


def _page_table(rows: list[list[str]], page: int) -> Block:
    return Block(kind="table", rows=rows, page=page, row_pages=[page] * len(rows), row_lines=[None] * len(rows))


def test_two_page_table_is_stitched_into_one() -> None:
    first = _page_table([HEADER, ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
                         ["I. Cải cách thể chế"] * 6,
                         ["1", "Rà soát văn bản", "Văn phòng HĐND và UBND xã", "", "Quý III/2025", "Báo cáo"],
                         ["2", "Đẩy nhanh số hóa hồ sơ theo", "Phòng Văn hóa -", "Các cơ quan", "6 tháng cuối", "Dữ liệu"]], 1)
    second = _page_table([HEADER,
                          ["", "đúng quy định", "Xã hội", "thuộc UBND xã", "năm 2025", "số hóa"],
                          ["3", "Kiểm tra", "Phòng Kinh tế", "", "Thường xuyên", "Kế hoạch"]], 2)
    stitched = stitch_tables([first, second])
    assert len(stitched) == 1
    tasks = tasks_from_table(stitched[0])
    assert [t.no for t in tasks] == [1, 2, 3]
    assert tasks[1].content == "Đẩy nhanh số hóa hồ sơ theo đúng quy định"
    assert tasks[1].lead == ["Phòng Văn hóa - Xã hội"]
    assert tasks[1].time == "6 tháng cuối năm 2025"
    assert tasks[1].page == 1
    assert tasks[0].group == "Cải cách thể chế"
    assert tasks[2].due is not None and tasks[2].due.recurring and tasks[2].due.end is None


def test_tables_on_different_column_counts_stay_apart() -> None:
    a = _page_table([HEADER, ["1", "a", "b", "c", "d", "e"]], 1)
    b = _page_table([["x", "y"], ["1", "2"]], 2)
    assert len(stitch_tables([a, b])) == 2


def test_merged_cells_from_pdfplumber() -> None:
    rows = table_rows([["TT", "Nội dung", "Chủ trì"], ["I. Nhóm", None, None], ["1", "Việc", "Phòng A"], ["2", "Việc khác", None]])
    assert rows[1] == ["I. Nhóm"] * 3
    assert rows[3] == ["2", "Việc khác", "Phòng A"]


FLAT = """TT
Nội dung công việc
Cơ quan
chủ trì
Cơ quan
phối hợp
Thời gian
thực hiện
Sản phẩm
I. Chỉ đạo điều hành
1 Ban hành Kế hoạch cải cách hành chính 6 tháng cuối năm
2025
Phòng Văn hóa -
Xã hội
Trong tháng
7/2025
Kế hoạch của UBND xã
2
Kiểm tra cải cách hành chính tại các cơ quan, đơn vị trên
địa bàn xã
Văn phòng
HĐND và
UBND xã
Các cơ quan, đơn
vị thuộc UBND
Quý IV/2025 Quyết định của Chủ tịch
UBND xã
3
Tiếp tục triển khai cơ chế một cửa, một cửa liên thông
Trung tâm phục
vụ hành chính công
Thường xuyên
Báo cáo
Danh mục gồm 3 nhiệm vụ.
"""


def test_flattened_table_rows_are_rebuilt() -> None:
    blocks = blocks_from_lines(clean_lines(FLAT))
    tables = [b for b in blocks if b.kind == "table"]
    assert len(tables) == 1
    tasks = tasks_from_table(tables[0])
    got = [(t.no, t.group, t.content, t.lead, t.partners, t.time, t.product) for t in tasks]
    assert got == [
        (1, "Chỉ đạo điều hành", "Ban hành Kế hoạch cải cách hành chính 6 tháng cuối năm 2025",
         ["Phòng Văn hóa - Xã hội"], [], "Trong tháng 7/2025", "Kế hoạch của UBND xã"),
        (2, "Chỉ đạo điều hành", "Kiểm tra cải cách hành chính tại các cơ quan, đơn vị trên địa bàn xã",
         ["Văn phòng HĐND và UBND xã"], ["Các cơ quan, đơn vị thuộc UBND"], "Quý IV/2025", "Quyết định của Chủ tịch UBND xã"),
        (3, "Chỉ đạo điều hành", "Tiếp tục triển khai cơ chế một cửa, một cửa liên thông",
         ["Trung tâm phục vụ hành chính công"], [], "Thường xuyên", "Báo cáo"),
    ]
    assert blocks[-1].text == "Danh mục gồm 3 nhiệm vụ."


def test_agency_splitting() -> None:
    assert split_agencies("Các cơ quan, đơn vị thuộc UBND cấp xã") == ["Các cơ quan, đơn vị thuộc UBND cấp xã"]
    assert split_agencies("Phòng Kinh tế, Văn phòng HĐND và UBND xã") == ["Phòng Kinh tế", "Văn phòng HĐND và UBND xã"]
    assert split_agencies("Phòng Kinh tế; Công an xã") == ["Phòng Kinh tế", "Công an xã"]
    assert split_agencies("") == []


def test_agency_splitting_by_what_starts_a_body() -> None:
    # A comma splits only before a new body; the words of a list of kinds stay together.
    assert split_agencies("Sở Văn hóa, Thể thao và Du lịch") == ["Sở Văn hóa, Thể thao và Du lịch"]
    assert split_agencies("Sở Nội vụ, các sở, ngành, UBND các phường") == ["Sở Nội vụ", "các sở, ngành", "UBND các phường"]
    assert split_agencies("Cơ quan thuế, các đơn vị cấp tỉnh") == ["Cơ quan thuế", "các đơn vị cấp tỉnh"]
    # A cell's paragraphs: one name each, unless a head stands alone and its name follows.
    assert split_agencies("Trần Văn An\nLê Thị Bình") == ["Trần Văn An", "Lê Thị Bình"]
    assert split_agencies("Lãnh đạo\nCông an xã") == ["Lãnh đạo Công an xã"]
    assert split_agencies("Sở Khoa học và\nCông nghệ") == ["Sở Khoa học và Công nghệ"]


def test_person_names_are_capitalised_words_only() -> None:
    from kehoach.parse.language.textutil import is_person_name

    assert is_person_name("Đỗ Thị Ánh") and is_person_name("Lê Văn Ơn")
    assert not is_person_name("Lãnh đạo") and not is_person_name("Đồng chí") and not is_person_name("An")


def test_due_phrases() -> None:
    def window(text: str) -> tuple[str | None, str | None]:
        span = parse_due(text)
        assert span is not None, text
        return (str(span.start) if span.start else None, str(span.end) if span.end else None)

    assert window("Quý IV/2025") == ("2025-10-01", "2025-12-31")
    assert window("Trong tháng 7/2025") == ("2025-07-01", "2025-07-31")
    assert window("Tháng 8/2025") == ("2025-08-01", "2025-08-31")
    assert window("6 tháng cuối năm 2025") == ("2025-07-01", "2025-12-31")
    assert window("Quí IV-2025") == ("2025-10-01", "2025-12-31")
    assert window("Từ tháng 11/2025 đến quý I/2026") == ("2025-11-01", "2026-03-31")
    assert window("Quý IV/2025 và Quý I/2026") == ("2025-10-01", "2026-03-31")
    assert window("Chậm nhất là ngày 15/4/2026 và tổ chức thực hiện") == (None, "2026-04-15")
    assert window("Bắt đầu thực hiện từ năm 2026") == ("2026-01-01", None)
    assert parse_due("Theo Nghị định số 52/2015/NĐ-CP ngày 28/5/2015 của Chính phủ") is None
    yearly = parse_due("Ban hành trong tháng 01 hằng năm")  # every year: no one window
    assert yearly is not None and yearly.recurring and yearly.start is None and yearly.end is None
    assert window("Cả năm 2025") == ("2025-01-01", "2025-12-31")
    assert window("Trước ngày 30/9/2025") == (None, "2025-09-30")
    assert window("Hằng quý") == (None, None)
    assert parse_due("Hằng quý").recurring  # type: ignore[union-attr]
    assert parse_due("không rõ") is None


PIPE_CELLS = """I. NHIỆM VỤ
1. Cải cách thủ tục hành chính
TT
|
Nội dung
|
Cơ quan chủ trì
|
Thời gian
|
I. Cải cách thể chế
|
1
|
Rà soát văn bản
quy phạm pháp luật
|
Văn phòng HĐND và UBND xã
|
Quý III/2025
|
2
|
Kiểm tra công vụ
|
Phòng Văn hóa - Xã hội; Công an xã
|
Thường xuyên
|
"""

MARKDOWN = """| TT | Nội dung | Cơ quan chủ trì | Thời gian |
|---|---|---|---|
| I. Cải cách thể chế | | | |
| 1 | Rà soát văn bản | Văn phòng HĐND và UBND xã | Quý III/2025 |
| 2 | Kiểm tra công vụ | Phòng Văn hóa - Xã hội; Công an xã | Thường xuyên |
"""


def _tasks_of(text: str) -> list[tuple[object, ...]]:
    tables = [b for b in blocks_from_lines(clean_lines(text)) if b.kind == "table"]
    assert len(tables) == 1
    return [(t.no, t.group, t.content, t.lead, t.time) for t in tasks_from_table(tables[0])]


WANT = [
    (1, "Cải cách thể chế", "Rà soát văn bản quy phạm pháp luật", ["Văn phòng HĐND và UBND xã"], "Quý III/2025"),
    (2, "Cải cách thể chế", "Kiểm tra công vụ", ["Phòng Văn hóa - Xã hội", "Công an xã"], "Thường xuyên"),
]


def test_cells_between_pipe_lines() -> None:
    assert _tasks_of(PIPE_CELLS) == WANT


def test_markdown_pipe_table() -> None:
    want = [(no, group, content.replace(" quy phạm pháp luật", ""), lead, time) for no, group, content, lead, time in WANT]
    assert _tasks_of(MARKDOWN) == want


def test_pipe_lines_outside_tables_are_dropped() -> None:
    blocks = blocks_from_lines(clean_lines("I. MỤC ĐÍCH\n|\n1. Nội dung một\n|\n"))
    assert [b.text for b in blocks] == ["I. MỤC ĐÍCH", "1. Nội dung một"]


def test_pdf_grid_drawn_as_one_path_is_a_table() -> None:
    # Some writers draw a whole table grid as one path of many segments, not one line per rule.
    import sys

    from kehoach.parse.readers.pdf.reader import read_pdf

    from .conftest import ROOT

    sys.path.insert(0, str(ROOT / "scripts"))
    from bad_inputs import page_objects, pdf_bytes

    grid = (b"0.5 w 50 700 m 350 700 l 50 680 m 350 680 l 50 660 m 350 660 l "
            b"50 700 m 50 660 l 200 700 m 200 660 l 350 700 m 350 660 l S ")
    cells = b"".join(b"BT /F1 10 Tf %d %d Td (%s) Tj ET " % (x, y, text) for x, y, text in
                     [(55, 686, b"TT"), (205, 686, b"Noi dung"), (55, 666, b"1"), (205, 666, b"Viec mot")])
    document = read_pdf(pdf_bytes(page_objects(grid + cells)))
    tables = [block.rows for block in document.blocks if block.kind == "table"]
    assert tables == [[["TT", "Noi dung"], ["1", "Viec mot"]]]


def test_pdf_cells_keep_their_lines_and_join_a_broken_document_number() -> None:
    raw: list[list[str | None]] = [
        ["TT", "Nội dung", "Thời gian", "Người thực hiện"],
        ["1", "Rà soát   việc đáp ứng\ncác điều kiện", "Theo Nghị định số 52/2015/NĐ-\nCP ngày 28/5/2015",
         "Đỗ Mạnh Cường\nVũ Việt Linh"],
    ]
    rows = table_rows(raw)
    assert rows[1][1:] == ["Rà soát việc đáp ứng\ncác điều kiện", "Theo Nghị định số 52/2015/NĐ-CP ngày 28/5/2015",
                           "Đỗ Mạnh Cường\nVũ Việt Linh"]
    task = tasks_from_table(Block(kind="table", rows=rows))[0]
    assert (task.content, task.lead) == ("Rà soát việc đáp ứng các điều kiện", ["Đỗ Mạnh Cường", "Vũ Việt Linh"])
    assert task.time == "Theo Nghị định số 52/2015/NĐ-CP ngày 28/5/2015" and task.due is None
