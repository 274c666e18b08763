"""Never harm a file, never hang on a small input, never 'internal error' on an ordinary fault.

Each case is made here, small, and run through the real command (a subprocess where the
entry point's own handling matters: signals, standard output, encodings); time and
memory are bounded by the subprocess's limits.
"""

from __future__ import annotations

import errno
import json
import os
import resource
import shutil
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from kehoach.batch import run_batch, write_reports
from kehoach.cli import app

from .conftest import ROOT, SAMPLES

sys.path.insert(0, str(ROOT / "scripts"))
import bad_inputs  # noqa: E402

runner = CliRunner()
BAD = Path(__file__).resolve().parent / "bad_inputs"
TXT = SAMPLES / "001_73faa145e55eee6a.txt"
ROOT_USER = hasattr(os, "geteuid") and os.geteuid() == 0
MEMORY_LIMIT = 1024 * 1024 * 1024  # 1 GB: the attacks used 8-15 GB


def kehoach(*args: str, timeout: float = 60, env: dict[str, str] | None = None,
            stdout: object = subprocess.PIPE) -> subprocess.CompletedProcess[bytes]:
    """The command line in its own process, memory limited to 1 GB."""
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))

    return subprocess.run([sys.executable, "-c", "from kehoach.cli import main; main()", *args],
                          stdout=stdout, stderr=subprocess.PIPE, timeout=timeout, preexec_fn=limit,  # type: ignore[call-overload]
                          env={**os.environ, **(env or {})})


# 1. The output is the input.
@pytest.mark.parametrize("sample", ["001_73faa145e55eee6a.txt", "001_73faa145e55eee6a.pdf", "001_73faa145e55eee6a.docx"])
@pytest.mark.parametrize("alias", [False, True])
def test_the_output_never_overwrites_the_input(tmp_path: Path, sample: str, alias: bool) -> None:
    source = tmp_path / "sub" / sample
    source.parent.mkdir()
    shutil.copyfile(SAMPLES / sample, source)
    before = source.read_bytes()
    output = tmp_path / "sub" / ".." / "sub" / sample if alias else source
    result = runner.invoke(app, ["parse", str(source), "-o", str(output)])
    assert result.exit_code == 2
    assert result.stderr == (f"kehoach: error: {output}: is the input file; refusing to overwrite it "
                             "(choose another --output)\n")
    assert source.read_bytes() == before


# 2. Outputs that are not regular files.
def test_output_to_a_fifo_is_written_into_the_pipe_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = runner.invoke(app, ["parse", str(TXT), "-o", str(fifo)])
    reader.join(timeout=30)
    assert result.exit_code == 0
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert received and received[0].startswith(b"schema_version")


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="no /dev/null")
def test_output_to_dev_null_leaves_the_device_alone() -> None:
    result = runner.invoke(app, ["parse", str(TXT), "-o", "/dev/null"])
    assert result.exit_code == 0
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_dash_means_standard_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["parse", str(TXT), "-o", "-"])
    assert result.exit_code == 0 and result.stdout.startswith("schema_version")
    assert not (tmp_path / "-").exists()


def test_output_onto_a_folder_or_under_a_file_is_one_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["parse", str(TXT), "-o", str(tmp_path)])
    assert (result.exit_code, result.stderr) == (2, f"kehoach: error: {tmp_path}: is a folder; cannot write a file there\n")
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    result = runner.invoke(app, ["parse", str(TXT), "-o", str(blocker / "plan.yaml")])
    assert (result.exit_code, result.stderr) == (2, f"kehoach: error: {blocker / 'plan.yaml'}: cannot write (not a directory)\n")


@pytest.mark.skipif(ROOT_USER, reason="root writes to read-only folders")
def test_read_only_output_folder_is_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        result = runner.invoke(app, ["parse", str(TXT), "-o", str(folder / "plan.yaml")])
    finally:
        folder.chmod(0o700)
    assert (result.exit_code, result.stderr) == (2, f"kehoach: error: {folder / 'plan.yaml'}: cannot write (permission denied)\n")


def test_a_full_disk_is_one_line_and_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("kehoach.files.os.replace", full)
    out = tmp_path / "plan.yaml"
    result = runner.invoke(app, ["parse", str(TXT), "-o", str(out)])
    assert (result.exit_code, result.stderr) == (2, f"kehoach: error: {out}: cannot write (no space left on device)\n")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_standard_output_to_a_full_device_is_one_line() -> None:
    with open("/dev/full", "wb") as full:
        result = kehoach("parse", str(TXT), stdout=full)
    assert result.returncode == 2
    assert result.stderr == b"kehoach: error: standard output: cannot write (no space left on device)\n"


# 9. Permissions as an ordinary write gives them.
def test_outputs_get_the_umask_s_permissions_or_keep_the_file_s(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        out = tmp_path / "plan.yaml"
        assert runner.invoke(app, ["parse", str(TXT), "-o", str(out)]).exit_code == 0
        assert stat.S_IMODE(out.stat().st_mode) == 0o644
        out.chmod(0o640)
        assert runner.invoke(app, ["parse", str(TXT), "-o", str(out)]).exit_code == 0
        assert stat.S_IMODE(out.stat().st_mode) == 0o640
        rows = run_batch(SAMPLES, tmp_path / "batch", globs=("001_*.txt",))
        write_reports(rows, tmp_path / "batch")
        assert stat.S_IMODE((tmp_path / "batch" / "001_73faa145e55eee6a.txt.yaml").stat().st_mode) == 0o644
        assert stat.S_IMODE((tmp_path / "batch" / "summary.csv").stat().st_mode) == 0o644
    finally:
        os.umask(old)


# 5. Inputs that are not regular files.
def test_a_fifo_as_input_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "plan.txt"
    os.mkfifo(fifo)
    result = kehoach("parse", str(fifo), timeout=20)
    assert result.returncode == 2
    assert result.stderr.decode() == f"kehoach: error: {fifo}: is a named pipe (FIFO), not a regular file; kehoach reads files only\n"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_an_endless_device_as_input_is_refused() -> None:
    result = kehoach("parse", "/dev/zero", timeout=20)
    assert result.returncode == 2
    assert result.stderr.decode() == "kehoach: error: /dev/zero: is a device, not a regular file; kehoach reads files only\n"


# 4. Word numbers out of any sane range.
NUMBERS_EXPECTED: dict[str, str] = yaml.safe_load((BAD / "numbers" / "expected.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(bad_inputs.ODD_NUMBERS))
def test_word_numbers_out_of_range_are_ignored_with_a_finding(name: str) -> None:
    result = kehoach("parse", str(BAD / "numbers" / name), "-f", "json", timeout=30)
    assert result.returncode == 0, result.stderr
    findings = json.loads(result.stdout)["findings"]
    assert [f["message"] for f in findings if f["code"] == "docx-numbers-ignored"] == [NUMBERS_EXPECTED[name]]


def test_a_numbering_part_of_undeclared_type_is_taken_as_absent(tmp_path: Path) -> None:
    path = tmp_path / "undeclared.docx"
    path.write_bytes(bad_inputs.undeclared_numbering_docx())
    result = runner.invoke(app, ["parse", str(path), "-f", "json"])
    assert result.exit_code == 0, result.stderr  # was: internal error, 'Part' has no attribute 'element'
    assert '"sections": []' in result.stdout


# 6. Plan files that attack the loader.
PLAN_EXPECTED: dict[str, str] = yaml.safe_load((BAD / "plans" / "expected.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("folder, expected, files", [
    ("numbers", NUMBERS_EXPECTED, bad_inputs.ODD_NUMBERS), ("plans", PLAN_EXPECTED, bad_inputs.PLAN_FILES)])
def test_the_stored_sets_are_complete_and_rebuildable(folder: str, expected: dict[str, str], files: dict) -> None:
    assert set(expected) == set(files)
    for name, make in files.items():
        assert (BAD / folder / name).read_bytes() == make(), f"{folder}/{name} differs from scripts/bad_inputs.py"


@pytest.mark.parametrize("name", sorted(bad_inputs.PLAN_FILES))
def test_plan_file_attacks_are_refused_with_one_line(name: str) -> None:
    path = BAD / "plans" / name
    result = kehoach("validate", str(path), timeout=30)
    assert result.returncode == 2
    assert result.stderr.decode() == f"kehoach: error: {PLAN_EXPECTED[name].format(path=path)}\n"


# 10. Standard output that is not UTF-8.
@pytest.mark.parametrize("env", [{"PYTHONIOENCODING": "ascii"}, {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""}])
def test_vietnamese_goes_out_as_utf8_whatever_the_locale(env: dict[str, str]) -> None:
    result = kehoach("parse", str(TXT), env=env)
    assert result.returncode == 0, result.stderr
    assert "Ủy ban nhân dân".encode() in result.stdout
    result = kehoach("validate", str(TXT), env={**env, "COLUMNS": "200"})
    assert result.returncode in (0, 1), result.stderr


# 11. Long names, Ctrl-C.
def test_a_255_byte_file_name_is_written(tmp_path: Path) -> None:
    out = tmp_path / ("k" * 250 + ".yaml")
    result = runner.invoke(app, ["parse", str(TXT), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith("schema_version")


def test_ctrl_c_says_interrupted(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(TXT.read_bytes() * 400)
    process = subprocess.Popen([sys.executable, "-c", "from kehoach.cli import main; main()", "parse", str(big)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    time.sleep(1.5)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=30)
    assert (process.returncode, err) == (130, b"kehoach: interrupted\n")


# 7. Batch.
def test_a_file_name_that_is_not_utf8_keeps_the_summary(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    name = os.fsdecode(b"k\xe9 ho\xe1ch.txt")  # Latin-1 bytes: not UTF-8
    shutil.copyfile(TXT, inbox / name)
    result = kehoach("batch", str(inbox), "--out", str(tmp_path / "out"), "--jobs", "1")
    assert result.returncode == 0, result.stderr
    summary = (tmp_path / "out" / "summary.csv").read_text(encoding="utf-8-sig")
    assert "k\ufffd ho\ufffdch.txt,ok" in summary


def test_a_report_path_taken_by_a_folder_is_said_and_the_plans_are_kept(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    (inbox / "summary.csv").mkdir(parents=True)
    shutil.copyfile(TXT, inbox / "summary.csv" / "plan.txt")
    out = tmp_path / "out"
    result = kehoach("batch", str(inbox), "--out", str(out), "--jobs", "1")
    assert result.returncode == 2
    assert result.stderr.decode().startswith(f"kehoach: error: cannot write the reports: {out / 'summary.csv'}: is a folder")
    assert (out / "summary.csv" / "plan.txt.yaml").is_file()
    assert (out / "indicators.csv").is_file()  # the other reports are written


def test_a_plan_cut_short_is_not_taken_as_up_to_date(tmp_path: Path) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    shutil.copyfile(TXT, inbox / "plan.txt")
    run_batch(inbox, out)
    written = out / "plan.txt.yaml"
    whole = written.read_text(encoding="utf-8")
    written.write_text(whole[: whole.index("\nsections:")] + "\n", encoding="utf-8")  # still a valid Plan
    assert [r.up_to_date for r in run_batch(inbox, out)] == [False]
    assert written.read_text(encoding="utf-8") == whole
    assert [r.up_to_date for r in run_batch(inbox, out)] == [True]


def test_temporary_files_left_by_a_killed_run_are_cleaned(tmp_path: Path) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    shutil.copyfile(TXT, inbox / "plan.txt")
    out.mkdir()
    stale, fresh = out / ".kehoach-0123456789ab.tmp", out / ".kehoach-ba9876543210.tmp"
    stale.write_text("half")
    fresh.write_text("being written")
    os.utime(stale, (time.time() - 3600, time.time() - 3600))
    run_batch(inbox, out)
    assert not stale.exists() and fresh.exists()


def test_links_out_of_the_folder_are_not_read(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copyfile(TXT, inbox / "plan.txt")
    secret = tmp_path / "elsewhere.txt"
    shutil.copyfile(TXT, secret)
    (inbox / "link.txt").symlink_to(secret)
    result = kehoach("batch", str(inbox), "--out", str(tmp_path / "out"), "--jobs", "1")
    assert result.returncode == 0
    assert f"skipped: {inbox / 'link.txt'}: a link to a file outside the folder" in result.stderr.decode()
    assert not (tmp_path / "out" / "link.txt.yaml").exists()


def test_workers_end_with_a_batch_killed_outright(tmp_path: Path) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    big = TXT.read_bytes() * 60
    for i in range(40):
        (inbox / f"plan{i:02d}.txt").write_bytes(big)
    process = subprocess.Popen([sys.executable, "-c", "from kehoach.cli import main; main()", "batch", str(inbox),
                                "--out", str(out), "--jobs", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline and not list(out.glob("*.yaml")):
        time.sleep(0.1)
    process.kill()
    process.wait()
    time.sleep(3)  # a worker may finish the file it holds
    count = len(list(out.glob("*.yaml")))
    time.sleep(4)
    assert len(list(out.glob("*.yaml"))) == count < 40


@pytest.mark.parametrize("name", sorted(bad_inputs.PLAN_FILES))
def test_plan_file_attacks_are_refused_by_the_pure_python_loader_too(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("kehoach.planio._C_LOADER", None)  # PyYAML built without libyaml
    path = BAD / "plans" / name
    result = runner.invoke(app, ["validate", str(path)])
    assert (result.exit_code, result.stderr) == (2, f"kehoach: error: {PLAN_EXPECTED[name].format(path=path)}\n")
