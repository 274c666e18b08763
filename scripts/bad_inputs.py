"""Build the hostile input files kehoach must refuse cleanly.

    python scripts/bad_inputs.py tests/bad_inputs           # the small files (kept in git)
    python scripts/bad_inputs.py /tmp/hostile --large       # plus the large ones (zip bomb, oversize)

Each file is made from scratch (or from the first bytes of a sample PDF), so the
set can be rebuilt anywhere. tests/test_bad_inputs.py checks the message and exit
code for each against tests/bad_inputs/expected.yaml.
"""

from __future__ import annotations

import argparse
import io
import random
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_PDF = ROOT / "samples" / "000_e3b5f0d1f2c6f809.pdf"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>'
)


NUMBERING_TYPE = ('<Override PartName="/word/numbering.xml" '
                  'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>')
NUMBERING_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'numbering" Target="numbering.xml"/></Relationships>'
)


def _info(name: str) -> zipfile.ZipInfo:
    """A zip entry with a fixed date, so that rebuilding gives the same bytes."""
    info = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def _docx(document_xml: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(_info("[Content_Types].xml"), CONTENT_TYPES)
        package.writestr(_info("_rels/.rels"), RELS)
        package.writestr(_info("word/document.xml"), document_xml)
    return out.getvalue()


def _document(body: str) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>'
            f"{body}</w:body></w:document>").encode()


def pdf_bytes(objects: list[bytes], trailer_extra: bytes = b"") -> bytes:
    """A PDF with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer_extra, xref)
    return bytes(out)


def page_objects(content: bytes) -> list[bytes]:
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]


def encrypted_pdf() -> bytes:
    """Standard security handler with a user password: the /U check fails for the empty password."""
    objects = page_objects(b"BT /F1 12 Tf 72 720 Td (KE HOACH) Tj ET")
    objects.append(b"<< /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> /P -44 >>")
    return pdf_bytes(objects, b"/Encrypt 6 0 R /ID [<" + b"33" * 16 + b"> <" + b"33" * 16 + b">] ")


def scanned_pdf() -> bytes:
    """A page with only a drawn rectangle, as a scan's image would be: no text layer."""
    return pdf_bytes(page_objects(b"0 0 0 rg 72 72 400 600 re f"))


def entity_expansion_docx() -> bytes:
    """'Billion laughs': nested entities that would expand to gigabytes if resolved."""
    entities = '<!ENTITY lol0 "lol">' + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    xml = (f'<?xml version="1.0"?><!DOCTYPE w:document [{entities}]>'
           f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>')
    return _docx(xml.encode())


def zip_bomb_docx(unpacked_mb: int) -> bytes:
    """A document.xml of `unpacked_mb` megabytes of spaces, which deflate squeezes a thousandfold."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(_info("[Content_Types].xml"), CONTENT_TYPES)
        package.writestr(_info("_rels/.rels"), RELS)
        with package.open(_info("word/document.xml"), "w", force_zip64=True) as part:
            part.write(_document("")[:-len("</w:body></w:document>")])
            block = b" " * (1024 * 1024)
            for _ in range(unpacked_mb):
                part.write(block)
            part.write(b"</w:body></w:document>")
    return out.getvalue()


def other_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr(_info("danh_sach.csv"), "TT,Nội dung\n1,x\n")
    return out.getvalue()


SMALL: dict[str, Callable[[], bytes]] = {
    "empty.txt": lambda: b"",
    "blank.txt": lambda: b"  \n\n\t \r\n",
    "garbage.txt": lambda: random.Random(5).randbytes(4096),
    "garbage.pdf": lambda: random.Random(6).randbytes(4096),
    "error_page.docx": lambda: b"<!DOCTYPE html><html><body><h1>404 Not Found</h1></body></html>\n",
    "not_a_docx.docx": other_zip,
    "broken_xml.docx": lambda: _docx(_document("<w:p><w:r><w:t>KẾ HOẠCH")[:-30]),
    "truncated.pdf": lambda: SAMPLE_PDF.read_bytes()[:3000],
    "corrupt.pdf": lambda: b"%PDF-1.7\n" + random.Random(7).randbytes(2048),
    "encrypted.pdf": encrypted_pdf,
    "scanned.pdf": scanned_pdf,
    "entities.docx": entity_expansion_docx,
    "bomb_ratio.docx": lambda: zip_bomb_docx(20),
    "legacy.doc": lambda: OLE_MAGIC + bytes(504) + b"WordDocument".ljust(1536, b"\x00"),
    "password.docx": lambda: OLE_MAGIC + bytes(504) + "EncryptedPackage".encode("utf-16-le").ljust(1536, b"\x00"),
}
LARGE: dict[str, Callable[[], bytes]] = {
    "zip_bomb.docx": lambda: zip_bomb_docx(300),  # declares 300 MB, over the unpack limit
    "oversize.txt": lambda: b"Ke hoach cai cach hanh chinh.\n" * 1_800_000,  # 54 MB, over the 50 MB default
}


def _alias_bomb() -> bytes:
    """'Billion laughs' in YAML: nine levels of nine aliases, 2 KB that expand to 387 million nodes."""
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    return ("\n".join(lines) + "\nsections: *a9\n").encode()


# Plan files (what validate and diff read besides documents): each refused with one line.
PLAN_FILES: dict[str, Callable[[], bytes]] = {
    "alias_bomb.yaml": _alias_bomb,
    "deep.yaml": lambda: b"sections: " + b"[" * 3000 + b"]" * 3000 + b"\n",
    "deep.json": lambda: b'{"sections": ' + b"[" * 3000 + b"]" * 3000 + b"}",
    "huge_number.yaml": lambda: b"schema_version: " + b"9" * 5000 + b"\n",
    "month_13.yaml": lambda: b"schema_version: '1'\nissued_date: 2025-13-01\n",
}


def _numbered_docx(numbering: str, body: str, declared: bool = True) -> bytes:
    """A package with a numbering part: the Word-number attacks live there. Undeclared (no
    content type for it), python-docx hands the part over as raw bytes."""
    out = io.BytesIO()
    document = _document(body)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(_info("[Content_Types].xml"),
                         CONTENT_TYPES.replace("</Types>", (NUMBERING_TYPE if declared else "") + "</Types>"))
        package.writestr(_info("_rels/.rels"), RELS)
        package.writestr(_info("word/_rels/document.xml.rels"), NUMBERING_RELS)
        package.writestr(_info("word/document.xml"), document)
        package.writestr(_info("word/numbering.xml"),
                         f'<?xml version="1.0"?><w:numbering xmlns:w="{W_NS}">{numbering}</w:numbering>')
    return out.getvalue()


def undeclared_numbering_docx() -> bytes:
    """A list whose numbering part has no declared content type."""
    return _numbered_docx(_list("decimal", "1"), _listed(), declared=False)


def _list(fmt: str, start: str, ilvl: str = "0") -> str:
    return (f'<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/>'
            f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
            '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')


def _listed(ilvl: str = "0") -> str:
    item = (f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="1"/></w:numPr></w:pPr>'
            "<w:r><w:t>Nhiệm vụ</w:t></w:r></w:p>")
    return "<w:p><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p>" + item * 3


def _spanned(span: str) -> str:
    cell = f'<w:tc><w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr><w:p><w:r><w:t>TT</w:t></w:r></w:p></w:tc>'
    return f"<w:p><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p><w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr>{cell}</w:tr></w:tbl>"


# Word documents whose numbers are out of any sane range: read (exit 0), the numbers ignored
# with a finding 'docx-numbers-ignored', in bounded time and memory.
ODD_NUMBERS: dict[str, Callable[[], bytes]] = {
    "span_billion.docx": lambda: _docx(_document(_spanned("1000000000"))),
    "span_word.docx": lambda: _docx(_document(_spanned("two"))),
    "span_negative.docx": lambda: _docx(_document(_spanned("-5"))),
    "list_start_huge.docx": lambda: _numbered_docx(_list("upperRoman", "100000000000"), _listed()),
    "letter_start_huge.docx": lambda: _numbered_docx(_list("lowerLetter", "2000000000"), _listed()),
    "level_huge.docx": lambda: _numbered_docx(_list("decimal", "1", "100000000"), _listed("100000000")),
}


def build(folder: Path, large: bool = False) -> list[Path]:
    """Write the hostile files into `folder` (Plan files into `folder/plans`, Word files with
    numbers out of range into `folder/numbers`); returns their paths."""
    written = []
    for where, files in ((folder, {**SMALL, **(LARGE if large else {})}), (folder / "plans", PLAN_FILES),
                         (folder / "numbers", ODD_NUMBERS)):
        where.mkdir(parents=True, exist_ok=True)
        for name, make in files.items():
            path = where / name
            path.write_bytes(make())
            written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--large", action="store_true", help="also build the zip bomb and the oversize file")
    args = parser.parse_args()
    for path in build(args.folder, args.large):
        print(f"{path}  {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
