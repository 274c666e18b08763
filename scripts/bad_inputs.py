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


def build(folder: Path, large: bool = False) -> list[Path]:
    """Write the hostile files into `folder`; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, make in {**SMALL, **(LARGE if large else {})}.items():
        path = folder / name
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
