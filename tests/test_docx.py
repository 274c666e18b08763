"""The DOCX reader: Word automatic numbering becomes the printed labels."""

from __future__ import annotations

from datetime import date

from kehoach.parse.pipeline import parse_bytes
from kehoach.parse.readers.word.reader import read_docx
from kehoach.parse.structure.tree import walk

from .docx_builder import STYLES, build_docx, para, table


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


def test_reader_opens_the_package_with_python_docx(monkeypatch) -> None:
    import docx

    opened: list[int] = []
    real = docx.Document

    def spy(stream):  # type: ignore[no-untyped-def]
        opened.append(1)
        return real(stream)

    monkeypatch.setattr(docx, "Document", spy)
    assert _texts(build_docx(para("KẾ HOẠCH"))) == ["KẾ HOẠCH"]
    assert opened == [1]


def test_style_of_each_paragraph_agrees_with_python_docx() -> None:
    # The reader reads a paragraph's style id from its w:pPr itself (python-docx's CT_P.style
    # runs an XPath query per call); both must give the same answer on real documents.
    import io

    import docx

    from kehoach.parse.readers.word.styles import W, paragraph_props

    from .conftest import SAMPLES

    built = build_docx(para("Một", 1, 0, style="Muc") + para("Hai", style="Muc") + para("Ba") + para("Bốn", 2, 1))
    packages = [built] + [path.read_bytes() for path in sorted(SAMPLES.glob("*.docx"))]
    styled = 0
    for data in packages:
        paragraphs = list(docx.Document(io.BytesIO(data)).element.body.iter(f"{W}p"))
        assert [paragraph_props(p)[0] for p in paragraphs] == [p.style for p in paragraphs]
        assert [paragraph_props(p)[1] is not None for p in paragraphs] == [p.pPr is not None and p.pPr.numPr is not None
                                                                           for p in paragraphs]
        styled += sum(p.style is not None for p in paragraphs)
    assert styled >= 2


def test_list_linked_through_a_base_style() -> None:
    styles = STYLES.replace(
        "</w:styles>",
        '<w:style w:type="paragraph" w:styleId="MucCon"><w:name w:val="MucCon"/><w:basedOn w:val="Muc"/></w:style>'
        "</w:styles>",
    )
    body = para("Một", style="MucCon") + para("Hai", style="MucCon")
    assert _texts(build_docx(body, styles=styles)) == ["1. Một", "2. Hai"]


def test_a_package_with_only_its_document_part_is_read() -> None:
    import io
    import zipfile

    from .docx_builder import CONTENT_TYPES, ROOT_RELS, W_NS

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("word/document.xml", f"<w:document {W_NS}><w:body>{para('KẾ HOẠCH')}{para('I. MỤC ĐÍCH')}</w:body></w:document>")
    assert _texts(out.getvalue()) == ["KẾ HOẠCH", "I. MỤC ĐÍCH"]


def test_styles_python_docx_cannot_model_do_not_stop_the_reading() -> None:
    # A style of an unknown type, a basedOn loop and a list number that is not a number.
    styles = STYLES.replace(
        "</w:styles>",
        '<w:style w:type="bogus" w:styleId="X"><w:basedOn w:val="Y"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Y"><w:basedOn w:val="X"/>'
        '<w:pPr><w:numPr><w:numId w:val="two"/></w:numPr></w:pPr><w:rPr><w:rFonts w:ascii=".VnTime"/></w:rPr></w:style>'
        "</w:styles>",
    )
    assert _texts(build_docx(para("KÕ ho¹ch", style="Y"), styles=styles)) == ["Kế hoạch"]


def test_a_declaration_in_any_xml_part_is_refused() -> None:
    import io
    import zipfile

    import pytest

    from kehoach.errors import InputError

    source = zipfile.ZipFile(io.BytesIO(build_docx(para("KẾ HOẠCH"))))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name in source.namelist():
            data = source.read(name)
            if name == "word/_rels/document.xml.rels":
                data = data.replace(b"?>", b'?><!DOCTYPE r [<!ENTITY a "b">]>', 1)
            z.writestr(name, data)
    with pytest.raises(InputError, match=r"word/_rels/document.xml.rels declares XML entities"):
        read_docx(out.getvalue())


def _plan_with_title(*lines: str) -> bytes:
    head = ["ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "Số: 12/KH-UBND", "Lâm Đồng, ngày 10 tháng 10 năm 2025", "KẾ HOẠCH"]
    tail = ["I. MỤC ĐÍCH, YÊU CẦU", "1. Đánh giá đúng thực trạng."]
    return build_docx("".join(para(text) for text in (*head, *lines, *tail)))


def test_a_title_typed_as_two_paragraphs_is_one_title() -> None:
    plan = parse_bytes(_plan_with_title(
        "Tổng kết thực hiện Chiến lược quốc gia phòng, chống ma túy, gắn với tổng kết thực hiện",
        "Chương trình phòng, chống ma túy giai đoạn 2021 - 2025",
        "Thực hiện Quyết định số 1001/QĐ-TTg ngày 27/6/2011 của Thủ tướng Chính phủ."))
    assert plan.title == ("Tổng kết thực hiện Chiến lược quốc gia phòng, chống ma túy, gắn với tổng kết thực hiện "
                          "Chương trình phòng, chống ma túy giai đoạn 2021 - 2025")
    assert plan.period is not None and (plan.period.start, plan.period.end) == (date(2021, 1, 1), date(2025, 12, 31))


def test_the_sentence_after_a_title_is_not_part_of_it() -> None:
    for after in ("Để triển khai thực hiện, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:",
                  "Căn cứ Luật Tổ chức chính quyền địa phương năm 2025;", "(Kèm theo Quyết định số 12/QĐ-UBND)"):
        plan = parse_bytes(_plan_with_title("Cải cách hành chính năm 2026", after))
        assert plan.title == "Cải cách hành chính năm 2026", after
