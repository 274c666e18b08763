"""Legacy encodings: TCVN3, VNI and Windows-1258 plans parse to the same Plan as the Unicode one."""

from __future__ import annotations

import unicodedata
from typing import Any

import pytest

from kehoach.parse.language import legacy
from kehoach.parse.pipeline import parse_bytes
from kehoach.schema import Plan

from .conftest import SAMPLES
from .docx_builder import STYLES, build_docx, para
from .legacy_samples import cp1258_bytes, legacy_docx_bytes, legacy_text_bytes

STEMS = sorted(p.stem for p in SAMPLES.glob("*.txt"))
ALL_LETTERS = "".join(
    unicodedata.normalize("NFC", base + tone)
    for base in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"
    for tone in ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]
) + "đĐ"


def _lower(value: Any) -> Any:
    if isinstance(value, str):
        return value.lower()
    if isinstance(value, dict):
        return {k: _lower(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_lower(v) for v in value]
    return value


def _content(plan: Plan, ignore_case: bool = False) -> dict[str, Any]:
    """Everything but the source and the conversion finding. TCVN3 cannot store toned capitals,
    so a typist's 'ủy ban' for 'Ủy ban' is compared ignoring case; structure stays exact."""
    data = plan.model_dump(mode="json", exclude={"source", "findings"})
    data["findings"] = [f.model_dump(mode="json") for f in plan.findings if f.code != "encoding-converted"]
    return _lower(data) if ignore_case else data


def _conversion_notes(plan: Plan) -> list[str]:
    return [f.message for f in plan.findings if f.code == "encoding-converted"]


# --- the converters -------------------------------------------------------------------------


def test_vni_round_trips_every_vietnamese_letter() -> None:
    assert legacy.vni_to_unicode(legacy.vni_from_unicode(ALL_LETTERS)) == ALL_LETTERS


def test_tcvn3_round_trips_every_lower_case_letter() -> None:
    lower = ALL_LETTERS.lower()
    assert legacy.tcvn3_to_unicode(legacy.tcvn3_from_unicode(lower)) == lower


def test_tcvn3_capitals_font_draws_capitals() -> None:
    typed = legacy.tcvn3_from_unicode("kế hoạch")
    assert legacy.tcvn3_to_unicode(typed, capitals=True) == "KẾ HOẠCH"


@pytest.mark.parametrize(
    ("typed", "encoding", "unicode"),
    [
        ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "tcvn3", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
        ("§éc lËp - Tù do - H¹nh phóc", "tcvn3", "Độc lập - Tự do - Hạnh phúc"),
        ("Uû ban nh©n d©n x· ®¹t 100%", "tcvn3", "Uỷ ban nhân dân xã đạt 100%"),
        ("tr\u00adêng", "tcvn3", "trường"),
        ("Coäng hoaø xaõ hoäi chuû nghóa Vieät Nam", "vni", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
        ("Ñoäc laäp - Töï do - Haïnh phuùc", "vni", "Độc lập - Tự do - Hạnh phúc"),
        ("UÛY BAN NHAÂN DAÂN", "vni", "ỦY BAN NHÂN DÂN"),
        ("ñöôøng, tyû leä, ñaëc bieät, naêm", "vni", "đường, tỷ lệ, đặc biệt, năm"),
    ],
)
def test_known_legacy_spellings(typed: str, encoding: str, unicode: str) -> None:
    convert = legacy.tcvn3_to_unicode if encoding == "tcvn3" else legacy.vni_to_unicode
    assert convert(typed) == unicode


@pytest.mark.parametrize(
    ("font", "encoding", "capitals"),
    [(".VnTime", "tcvn3", False), ("ABCDEF+.VnTimeH", "tcvn3", True), ("VNI-Times", "vni", False),
     ("Times New Roman", None, False), (None, None, False)],
)
def test_encoding_from_font_name(font: str | None, encoding: str | None, capitals: bool) -> None:
    assert legacy.encoding_of_font(font) == encoding
    assert legacy.is_capitals_font(font) is capitals


@pytest.mark.parametrize(
    ("converted", "previous", "repaired"),
    [
        ("Kế HOạCH", "", "KẾ HOẠCH"),  # the line is in capitals
        ("TM. ủY BAN NHÂN DÂN", "", "TM. ỦY BAN NHÂN DÂN"),
        ("Số: /KH-UBND", "", "Số: /KH-UBND"),  # acronyms do not make a line capital
        ("Tổ chức THựC HIệN kế hoạch", "x.", "Tổ chức THỰC HIỆN kế hoạch"),  # a capital word
        ("a) ủy ban nhân dân xã", "x", "a) Ủy ban nhân dân xã"),  # after a marker
        ("ủy ban nhân dân xã", "trình", "ủy ban nhân dân xã"),  # mid-sentence: unknown, kept
        ("ủy ban nhân dân xã", "báo cáo.", "Ủy ban nhân dân xã"),  # a new sentence
        ("xong. ứng dụng", "x.", "xong. Ứng dụng"),
    ],
)
def test_capitals_lost_in_tcvn3_are_restored(converted: str, previous: str, repaired: str) -> None:
    assert legacy.repair_case(converted, previous) == repaired


def test_unicode_and_other_languages_are_not_mistaken_for_legacy() -> None:
    for stem in STEMS:
        assert legacy.detect((SAMPLES / f"{stem}.txt").read_text(encoding="utf-8")) is None
    french = "Déjà vu : l'élève a reçu très peu d'aide ; où est-il ? " * 20
    german = "Die Größe der Flüsse überrascht; schöne Grüße aus München. " * 20
    assert legacy.detect(french) is None
    assert legacy.detect(german) is None


# --- whole plans ----------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
@pytest.mark.parametrize("stem", STEMS)
def test_legacy_text_file_gives_the_same_plan(stem: str, encoding: str) -> None:
    text = (SAMPLES / f"{stem}.txt").read_text(encoding="utf-8")
    unicode_plan = parse_bytes(text.encode("utf-8"))
    legacy_plan = parse_bytes(legacy_text_bytes(text, encoding))
    ignore_case = encoding == "tcvn3"
    assert _content(legacy_plan, ignore_case) == _content(unicode_plan, ignore_case)
    assert len(_conversion_notes(legacy_plan)) == 1
    assert "recognised from the letters" in _conversion_notes(legacy_plan)[0]


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
@pytest.mark.parametrize("stem", ["000_e3b5f0d1f2c6f809", "003_ea6bd15cef034038"])
def test_docx_in_legacy_fonts_gives_the_same_plan(stem: str, encoding: str) -> None:
    data = (SAMPLES / f"{stem}.docx").read_bytes()
    unicode_plan = parse_bytes(data)
    legacy_plan = parse_bytes(legacy_docx_bytes(data, encoding))
    ignore_case = encoding == "tcvn3"
    assert _content(legacy_plan, ignore_case) == _content(unicode_plan, ignore_case)
    assert _conversion_notes(legacy_plan) == [
        legacy.note(encoding, "from the fonts of the runs")[1]
    ]


def test_legacy_text_pasted_into_a_unicode_font_is_recognised() -> None:
    lines = ["KẾ HOẠCH", "Cải cách hành chính năm 2025 của Ủy ban nhân dân xã",
             "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "Nâng cao chất lượng, hiệu quả giải quyết thủ tục hành chính."]
    body = "".join(para(legacy.vni_from_unicode(line)) for line in lines)
    plan = parse_bytes(build_docx(body))
    assert plan.title and plan.title.startswith("Cải cách hành chính năm 2025")
    assert [s.title for s in plan.sections] == ["MỤC ĐÍCH, YÊU CẦU"]
    assert _conversion_notes(plan) == [legacy.note("vni", "recognised from the letters")[1]]


def test_legacy_font_of_the_normal_style_applies_to_runs_without_a_font() -> None:
    # Old documents often set .VnTime once, on the 'Normal' style, and never on a run.
    styles = STYLES.replace('<w:name w:val="Normal"/>', '<w:name w:val="Normal"/><w:rPr><w:rFonts w:ascii=".VnTime" '
                            'w:hAnsi=".VnTime"/></w:rPr>')
    lines = ["Kế hoạch cải cách hành chính năm 2025", "1. Mục đích", "Nâng cao chất lượng giải quyết thủ tục hành chính."]
    plan = parse_bytes(build_docx("".join(para(legacy.tcvn3_from_unicode(line)) for line in lines), styles))
    assert [s.title for s in plan.sections] == ["Mục đích"]
    assert plan.sections[0].content[0].text == lines[2]
    assert _conversion_notes(plan) == [legacy.note("tcvn3", "from the fonts of the runs")[1]]


@pytest.mark.parametrize("stem", STEMS)
def test_windows_1258_and_decomposed_text_give_the_same_plan(stem: str) -> None:
    text = (SAMPLES / f"{stem}.txt").read_text(encoding="utf-8")
    unicode_plan = parse_bytes(text.encode("utf-8"))
    assert _content(parse_bytes(cp1258_bytes(text))) == _content(unicode_plan)
    nfd_plan = parse_bytes(unicodedata.normalize("NFD", text).encode("utf-8"))
    assert _content(nfd_plan) == _content(unicode_plan)


def test_tone_placement_is_kept_as_printed_and_matched_as_equal() -> None:
    text = (SAMPLES / "000_e3b5f0d1f2c6f809.txt").read_text(encoding="utf-8")
    old_style = text.replace("hóa", "hoá").replace("Ủy", "Uỷ").replace("ủy", "uỷ")
    assert old_style != text
    new_plan, old_plan = parse_bytes(text.encode("utf-8")), parse_bytes(old_style.encode("utf-8"))
    printed = old_plan.model_dump_json()
    assert "hoá" in printed and "hóa" not in printed and "Uỷ" in printed
    # Matching (areas, indicators, agencies) does not see the difference.
    assert [(t.indicator, t.area) for t in old_plan.targets] == [(t.indicator, t.area) for t in new_plan.targets]
    assert [t.area for t in old_plan.tasks] == [t.area for t in new_plan.tasks]
