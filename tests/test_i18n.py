"""The interface in Vietnamese by default and in English on request, from one gettext catalog.

The catalog is checked against the code (every message has a Vietnamese translation, none
fuzzy, the same placeholders, the compiled .mo matches the .po); a few commands are checked
exactly in both languages, through the real command in a subprocess; and the Vietnamese output
of the help, an error and a validation is checked for any English word of the catalog left.
"""

from __future__ import annotations

import gettext
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from typer.testing import CliRunner

from kehoach.cli import app
from kehoach.i18n import LOCALE_DIR, choose_language

from .conftest import ROOT, SAMPLES

PO = LOCALE_DIR / "vi" / "LC_MESSAGES" / "kehoach.po"
MO = PO.with_suffix(".mo")
PACKAGE = ROOT / "src" / "kehoach"
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _catalog() -> dict[tuple[str | None, str], object]:
    with PO.open("rb") as handle:
        catalog = read_po(handle, locale="vi")
    return {(m.context, m.id[0] if isinstance(m.id, tuple) else m.id): m for m in catalog if m.id}


def _messages_in_code() -> set[tuple[str | None, str]]:
    """Every message the code marks, as Babel extracts it (the keywords _, N_, ngettext, pgettext;
    _ in the report's template)."""
    found = set()
    for _name, _line, message, _comments, context in extract_from_dir(
            str(PACKAGE), method_map=[("**.py", "python"), ("**/templates/**.html", "jinja2")],
            options_map={"**/templates/**.html": {"extensions": "jinja2.ext.i18n"}}):
        found.add((context, message[0] if isinstance(message, tuple) else message))
    return found


def run(*args: str, lang: str | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    """The real command, in a subprocess, with the language from the environment (None: unset)."""
    environ = {k: v for k, v in os.environ.items() if k not in ("KEHOACH_LANG", "LANG", "LC_ALL", "LC_MESSAGES")}
    if lang:
        environ["KEHOACH_LANG"] = lang
    environ.update({"COLUMNS": "100", **env})
    return subprocess.run([sys.executable, "-c", "from kehoach.cli import main; main()", *args],
                          capture_output=True, text=True, encoding="utf-8", env=environ, timeout=120)


# --- the catalog ------------------------------------------------------------------------------

def test_every_message_in_the_code_has_a_vietnamese_translation() -> None:
    catalog = _catalog()
    code = _messages_in_code()
    assert len(code) > 250
    missing = sorted(m for _, m in code - set(catalog))
    assert not missing, f"not in the catalog (run: bash scripts/catalog.sh update): {missing}"
    for key in code:
        entry = catalog[key]
        strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)  # type: ignore[attr-defined]
        assert all(strings), f"untranslated: {key[1]!r}"
        assert not entry.fuzzy, f"fuzzy: {key[1]!r}"  # type: ignore[attr-defined]


def test_the_catalog_holds_no_message_the_code_no_longer_has() -> None:
    assert not sorted(m for _, m in set(_catalog()) - _messages_in_code())


def test_translations_keep_the_placeholders() -> None:
    for (_context, message), entry in _catalog().items():
        ids = entry.id if isinstance(entry.id, tuple) else (entry.id,)  # type: ignore[attr-defined]
        strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)  # type: ignore[attr-defined]
        wanted = sorted(set(_PLACEHOLDER.findall(ids[-1])))
        for text in strings:
            assert sorted(set(_PLACEHOLDER.findall(text))) == wanted, message


def test_the_compiled_catalog_is_the_translations() -> None:
    """The .mo the program reads says what the .po says (run scripts/catalog.sh compile)."""
    with MO.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for (context, message), entry in _catalog().items():
        string = entry.string[0] if isinstance(entry.string, tuple) else entry.string  # type: ignore[attr-defined]
        got = compiled.pgettext(context, message) if context else compiled.gettext(message)
        assert got == string, message


# --- choosing the language --------------------------------------------------------------------

@pytest.mark.parametrize(("option", "environ", "expected"), [
    (None, {}, "vi"),
    (None, {"LANG": "C.UTF-8"}, "vi"),
    (None, {"LANG": "en_US.UTF-8"}, "en"),
    (None, {"LANG": "vi_VN.UTF-8"}, "vi"),
    (None, {"LC_ALL": "en_GB.UTF-8", "LANG": "vi_VN.UTF-8"}, "en"),
    (None, {"LC_ALL": "vi_VN.UTF-8", "LANG": "en_US.UTF-8"}, "vi"),
    (None, {"KEHOACH_LANG": "en", "LANG": "vi_VN.UTF-8"}, "en"),
    (None, {"KEHOACH_LANG": "vi", "LC_ALL": "en_US.UTF-8"}, "vi"),
    ("en", {"KEHOACH_LANG": "vi"}, "en"),
    ("vi", {"LANG": "en_US.UTF-8"}, "vi"),
    (None, {"KEHOACH_LANG": "fr"}, "vi"),
])
def test_the_language_comes_from_the_option_then_kehoach_lang_then_the_locale(
        option: str | None, environ: dict[str, str], expected: str) -> None:
    assert choose_language(option, environ) == expected


def test_the_locale_alone_gives_english_or_vietnamese() -> None:
    assert run("parse", "missing.txt", LANG="en_US.UTF-8").stderr == "kehoach: error: missing.txt: no such file\n"
    assert run("parse", "missing.txt", LANG="C.UTF-8").stderr == "kehoach: lỗi: missing.txt: không có tệp này\n"


# --- exact output in both languages -----------------------------------------------------------

def test_a_missing_file_in_both_languages() -> None:
    vi, en = run("parse", "missing.txt"), run("parse", "missing.txt", "--lang", "en")
    assert (vi.returncode, vi.stdout, vi.stderr) == (2, "", "kehoach: lỗi: missing.txt: không có tệp này\n")
    assert (en.returncode, en.stdout, en.stderr) == (2, "", "kehoach: error: missing.txt: no such file\n")


@pytest.mark.parametrize(("args", "vi", "en"), [
    (["parse"], "kehoach: lỗi: thiếu đối số 'TỆP' (xem: kehoach parse --help)\n",
     "kehoach: error: missing argument 'FILE' (see: kehoach parse --help)\n"),
    (["parse", "x.txt", "--format", "xml"],
     "kehoach: lỗi: '--format' / '-f': 'xml' không thuộc các giá trị 'yaml', 'json' (xem: kehoach parse --help)\n",
     "kehoach: error: '--format' / '-f': 'xml' is not one of 'yaml', 'json' (see: kehoach parse --help)\n"),
    (["pars"], "kehoach: lỗi: không có lệnh 'pars' (có phải là 'parse'?) (xem: kehoach --help)\n",
     "kehoach: error: no command 'pars' (did you mean 'parse'?) (see: kehoach --help)\n"),
    (["batch", ".", "--jobs", "0"], "kehoach: lỗi: '--jobs' / '-j': phải từ 1 trở lên (xem: kehoach batch --help)\n",
     "kehoach: error: '--jobs' / '-j': must be at least 1 (see: kehoach batch --help)\n"),
    (["validate", "--bogus"], "kehoach: lỗi: không có tùy chọn --bogus (xem: kehoach validate --help)\n",
     "kehoach: error: no option --bogus (see: kehoach validate --help)\n"),
    (["parse", "a", "b"], "kehoach: lỗi: thừa đối số: b (xem: kehoach parse --help)\n",
     "kehoach: error: too many arguments: b (see: kehoach parse --help)\n"),
    (["--lang", "fr", "parse", "x"], "kehoach: lỗi: --lang: chọn vi (Tiếng Việt) hoặc en (English) (xem: kehoach --help)\n",
     None),
])
def test_usage_errors_are_one_line_in_both_languages(args: list[str], vi: str, en: str | None) -> None:
    result = run(*args)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", vi)
    if en is not None:
        result = run(*args, "--lang", "en")
        assert (result.returncode, result.stdout, result.stderr) == (2, "", en)


def test_validate_in_both_languages() -> None:
    sample = str(SAMPLES / "002_c70c40b1976cb095.txt")
    vi, en = run("validate", sample, COLUMNS="200"), run("validate", sample, "--lang=en", COLUMNS="200")
    assert vi.returncode == en.returncode == 1
    assert vi.stdout.splitlines()[-1] == "1 tệp: 1 lỗi, 1 cảnh báo, 1 cần xem lại"
    assert en.stdout.splitlines()[-1] == "1 file: 1 error, 1 warning, 1 to review"
    for words in ("mức độ", "mã", "vị trí", "nội dung", "cảnh báo", "cần xem lại", "numbering-duplicate",
                  "'2' được dùng hai lần trong cùng một mục cha", "II/2, dòng 233"):
        assert words in vi.stdout, words
    for words in ("severity", "code", "where", "message", "warning", "review", "numbering-duplicate",
                  "'2' is used twice under the same parent", "II/2, line 233"):
        assert words in en.stdout, words


def test_help_in_both_languages() -> None:
    vi, en = run("--help"), run("--help", "--lang", "en")
    assert vi.returncode == en.returncode == 0
    assert "Cách dùng: kehoach [TÙY CHỌN] LỆNH [ĐỐI SỐ]..." in vi.stdout
    assert "Usage: kehoach [OPTIONS] COMMAND [ARGS]..." in en.stdout
    assert "Đọc một kế hoạch thành một Plan" in vi.stdout and "Parse one plan into a Plan" in en.stdout
    parse = run("parse", "--help")
    assert "[mặc định: yaml]" in parse.stdout and "[bắt buộc]" in parse.stdout and "Mã thoát" in parse.stdout
    # The kind of value beside each option in the language; a flag shows none.
    assert "<đường dẫn>" in parse.stdout and "<số>" in parse.stdout and "<path>" not in parse.stdout
    english = run("parse", "--help", "--lang", "en").stdout
    assert "<path>" in english and "<int>" in english
    assert "<bool>" not in parse.stdout + english


def test_one_process_can_answer_in_either_language() -> None:
    """The help is translated when a command starts, so the language is not fixed at import."""
    runner = CliRunner()
    english = runner.invoke(app, ["parse", "--help"], env={"KEHOACH_LANG": "en", "COLUMNS": "100"})
    vietnamese = runner.invoke(app, ["parse", "--help"], env={"KEHOACH_LANG": "vi", "COLUMNS": "100"})
    assert "Write here instead of standard output." in english.stdout
    assert "Ghi vào tệp này thay vì in ra màn hình." in vietnamese.stdout
    assert "Write here instead" not in vietnamese.stdout


# --- no English left --------------------------------------------------------------------------

def _english_words() -> set[str]:
    """Words of the catalog's English that its Vietnamese never uses (technical words that stay,
    like JSON, OCR or Tesseract, are in both and so are not counted)."""
    catalog = _catalog()
    words = lambda text: set(re.findall(r"[a-z]{3,}", text.lower()))  # noqa: E731
    english: set[str] = set()
    vietnamese: set[str] = set()
    for entry in catalog.values():
        for text in entry.id if isinstance(entry.id, tuple) else (entry.id,):  # type: ignore[attr-defined]
            english |= words(_PLACEHOLDER.sub(" ", text))
        for text in entry.string if isinstance(entry.string, tuple) else (entry.string,):  # type: ignore[attr-defined]
            vietnamese |= words(_PLACEHOLDER.sub(" ", text))
    return english - vietnamese


def _english_left(output: str, english: set[str]) -> list[str]:
    # Options, codes, file names and the library's type names (<path>, <int>) are not sentences.
    text = re.sub(r"--?[\w-]+|\S*[/._]\S*|\b\w+(?:-\w+)+\b|<[^>]*>|\{[^}]*\}", " ", output)
    return sorted({w for w in re.findall(r"[A-Za-z]{3,}", text) if w.lower() in english})


def test_no_english_is_left_in_the_vietnamese_help_errors_and_validation() -> None:
    english = _english_words()
    assert {"file", "folder", "error", "usage", "options", "found"} <= english
    outputs = {
        "kehoach --help": run("--help").stdout,
        "kehoach parse missing.txt": run("parse", "missing.txt").stderr,
        "kehoach validate (corpus plan)": run("validate", str(SAMPLES / "002_c70c40b1976cb095.txt")).stdout,
        "kehoach validate (corpus plan, no findings)": run("validate", str(SAMPLES / "000_e3b5f0d1f2c6f809.txt")).stdout,
    }
    for command in ("parse", "validate", "diff", "batch", "tasks", "schema", "report"):
        outputs[f"kehoach {command} --help"] = run(command, "--help").stdout
    for name, output in outputs.items():
        assert output.strip(), name
        assert not _english_left(output, english), (name, _english_left(output, english))
    # The same check finds the English when it is there.
    assert _english_left(run("--help", "--lang", "en").stdout, english)


# --- what a Plan records ----------------------------------------------------------------------

def test_a_plan_records_the_language_of_its_messages_and_batch_redoes_it_in_another(tmp_path: Path) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    (folder / "plan.txt").write_text((SAMPLES / "002_c70c40b1976cb095.txt").read_text(encoding="utf-8"),
                                     encoding="utf-8")
    assert run("batch", str(folder), "-o", str(out), "-j", "1").returncode == 0
    plan = (out / "plan.txt.yaml").read_text(encoding="utf-8")
    assert "language: vi" in plan and "được dùng hai lần" in plan
    again = run("batch", str(folder), "-o", str(out), "-j", "1")
    assert "1 tệp đã cập nhật" in again.stderr  # same language: up to date
    english = run("batch", str(folder), "-o", str(out), "-j", "1", "--lang", "en")
    assert "up to date" not in english.stderr
    plan = (out / "plan.txt.yaml").read_text(encoding="utf-8")
    assert "language: en" in plan and "is used twice" in plan


def test_diff_tables_in_both_languages() -> None:
    a, b = str(SAMPLES / "000_e3b5f0d1f2c6f809.txt"), str(SAMPLES / "003_ea6bd15cef034038.txt")
    vi, en = run("diff", a, b, COLUMNS="160"), run("diff", a, b, "--lang", "en", COLUMNS="160")
    for words in ("Thông tin chung", "cơ quan ban hành", "Chỉ tiêu theo từng chỉ tiêu", "cao hơn", "không đổi"):
        assert words in vi.stdout, words
    for words in ("Metadata", "issuing body", "Targets by indicator", "stricter", "unchanged"):
        assert words in en.stdout, words
    markdown = run("diff", a, b, "--format", "markdown").stdout
    assert markdown.startswith("# So sánh kế hoạch") and "| chỉ tiêu | A: Xã Hùng Thắng" in markdown
