"""The DOCX reader: Word automatic numbering becomes the printed labels."""

from __future__ import annotations

from kehoach.parse.pipeline import parse_bytes
from kehoach.parse.readers.docx import read_docx
from kehoach.parse.structure import walk

from .docx_builder import build_docx, para, table


def _texts(data: bytes) -> list[str]:
    return [b.text for b in read_docx(data).blocks if b.kind == "para"]


def test_automatic_numbering_labels_are_recovered() -> None:
    body = "".join([
        para("KẾ HOẠCH"),
        para("MỤC ĐÍCH, YÊU CẦU", 1, 0),
        para("Mục đích:", 1, 1),
        para("Một", 1, 2),
        para("Hai", 1, 2),
        para("gạch đầu dòng", 1, 3),
        para("Yêu cầu", 1, 1),
        para("NHIỆM VỤ", 1, 0),
        para("Cải cách thể chế", 1, 1),
    ])
    texts = _texts(build_docx(body))
    assert texts == ["KẾ HOẠCH", "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích:", "a) Một", "b) Hai", "- gạch đầu dòng",
                     "2. Yêu cầu", "II. NHIỆM VỤ", "1. Cải cách thể chế"]
    plan = parse_bytes(build_docx(body))
    assert [s.path for s in walk(plan.sections)] == ["I", "I/1", "I/1/a", "I/1/b", "I/2", "II", "II/1"]


def test_start_override_multilevel_text_and_style_link() -> None:
    body = "".join([
        para("Ba", 2, 0), para("Ba chấm một", 2, 1), para("Bốn", 2, 0),
        para("Theo kiểu một", style="Muc"), para("Theo kiểu hai", style="Muc"),
    ])
    assert _texts(build_docx(body)) == ["3. Ba", "3.1. Ba chấm một", "4. Bốn", "1. Theo kiểu một", "2. Theo kiểu hai"]


def test_tables_come_in_document_order() -> None:
    body = para("KẾ HOẠCH") + para("I. NHIỆM VỤ") + table(
        [["TT", "Nội dung", "Cơ quan chủ trì", "Thời gian"], ["1", "Ban hành kế hoạch", "Phòng Văn hóa - Xã hội", "Quý IV/2025"]]
    ) + para("Danh mục gồm 1 nhiệm vụ.")
    blocks = read_docx(build_docx(body)).blocks
    assert [b.kind for b in blocks] == ["para", "para", "table", "para"]
    plan = parse_bytes(build_docx(body))
    assert [(t.no, t.content, t.lead, t.time) for t in plan.tasks] == [
        (1, "Ban hành kế hoạch", ["Phòng Văn hóa - Xã hội"], "Quý IV/2025")
    ]
    assert plan.tasks[0].due is not None and str(plan.tasks[0].due.end) == "2025-12-31"


def test_auto_numbered_table_column_counts_once_per_row() -> None:
    rows = "".join(
        f"<w:tr><w:tc>{para('', 3, 0)}</w:tc><w:tc>{para(content)}</w:tc><w:tc>{para('Phòng Kinh tế')}</w:tc>"
        f"<w:tc>{para('Quý IV/2025')}</w:tc></w:tr>"
        for content in ("Việc một", "Việc hai", "Việc ba")
    )
    header = "<w:tr>" + "".join(f"<w:tc>{para(h)}</w:tc>" for h in ("TT", "Nội dung", "Chủ trì", "Thời gian")) + "</w:tr>"
    plan = parse_bytes(build_docx(para("KẾ HOẠCH") + f"<w:tbl>{header}{rows}</w:tbl>"))
    assert [(t.no, t.content) for t in plan.tasks] == [(1, "Việc một"), (2, "Việc hai"), (3, "Việc ba")]
