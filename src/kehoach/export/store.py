"""Plans kept in one SQLite database across periods: tables plans, sections, targets, tasks and
findings (the same columns as the CSV files), plus the whole Plan as JSON.

A plan is keyed by its input's SHA-256. Storing a plan replaces, in one transaction, the rows of
the same bytes and of an earlier version of the same file for the same period: a re-run changes
nothing, a corrected file replaces its old self, and the next half-year's plan of a commune
lives beside this one. A run killed midway leaves every plan whole or absent (SQLite's journal
rolls an unfinished transaction back the next time the database is opened).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path

from kehoach.errors import OutputError
from kehoach.export.records import (
    FINDING_COLUMNS,
    PLAN_COLUMNS,
    SECTION_COLUMNS,
    TARGET_COLUMNS,
    TASK_COLUMNS,
    Column,
    PlanRecords,
    Value,
)
from kehoach.files import describe
from kehoach.i18n import _

SCHEMA_VERSION = "2"
# What turns a database of an earlier version into this one, step by step (each in one transaction).
_UPGRADES: dict[str, tuple[str, tuple[str, ...]]] = {
    "1": ("2", ("ALTER TABLE plans ADD COLUMN parent_findings INTEGER",)),  # validate --against
}
_SQLITE_MAGIC = b"SQLite format 3\x00"
_TYPES = {"text": "TEXT", "int": "INTEGER", "number": "REAL", "date": "TEXT", "bool": "INTEGER"}
# Child tables carry the plan's key, then their own columns (who the plan is lives in plans).
_CHILDREN: dict[str, tuple[Column, ...]] = {
    "sections": SECTION_COLUMNS,
    "targets": tuple(c for c in TARGET_COLUMNS if c.key not in ("file", "commune")),
    "tasks": tuple(c for c in TASK_COLUMNS if c.key not in ("file", "commune")),
    "findings": tuple(c for c in FINDING_COLUMNS if c.key not in ("file", "commune")),
}
_PLAN_COLUMNS = tuple(c for c in PLAN_COLUMNS if c.key != "sha256")


def _schema() -> str:
    plan_cols = ", ".join(f"{c.key} {_TYPES[c.kind]}" for c in _PLAN_COLUMNS)
    parts = [
        "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)",
        f"CREATE TABLE IF NOT EXISTS plans (sha256 TEXT PRIMARY KEY, {plan_cols}, stored_at TEXT, plan_json TEXT)",
        "CREATE INDEX IF NOT EXISTS plans_file ON plans (file, period)",
    ]
    for table, columns in _CHILDREN.items():
        cols = ", ".join(f"{c.key} {_TYPES[c.kind]}" for c in columns)
        parts.append(f"CREATE TABLE IF NOT EXISTS {table} (sha256 TEXT NOT NULL REFERENCES plans (sha256), "
                     f"seq INTEGER NOT NULL, {cols}, PRIMARY KEY (sha256, seq))")
    # The tasks with the commune beside them: what a person browsing the database asks first.
    parts.append("CREATE VIEW IF NOT EXISTS task_list AS SELECT p.commune, p.period, p.file, t.* "
                 "FROM tasks t JOIN plans p USING (sha256)")
    return ";\n".join(parts) + ";"


def _sql_value(value: Value) -> str | int | float | None:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


_DATES = {table: [i for i, c in enumerate(columns) if c.kind == "date"] for table, columns in _CHILDREN.items()}


def _dated(row: Sequence[Value], dates: list[int]) -> list[Value]:
    out = list(row)
    for i in dates:
        if isinstance(out[i], dt.date):
            out[i] = out[i].isoformat()  # type: ignore[union-attr]
    return out


class Store:
    """An open database; use as a context manager."""

    def __init__(self, path: Path) -> None:
        self.path = path
        if path.exists():
            if not path.is_file():
                raise OutputError(_("{path}: is not a file; cannot keep a database there").format(path=path))
            if path.stat().st_size and not is_database(path):  # an empty file becomes the database
                raise OutputError(_("{path}: is not an SQLite database; refusing to write into it").format(path=path))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)  # as for every other output
            self.db = sqlite3.connect(path, isolation_level=None)
            self._check_ours()  # before anything is changed in it
            self.db.execute("PRAGMA foreign_keys = ON")
            # Write-ahead log: a commit is atomic without waiting for the disk each time (a killed
            # run still leaves whole plans; only a power cut may lose the last few).
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = NORMAL")
            self.db.executescript(_schema())
            self.db.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (SCHEMA_VERSION,))
        except sqlite3.Error as exc:
            raise OutputError(_("{path}: cannot open the database ({reason})").format(path=path, reason=exc)) from exc
        except OSError as exc:
            raise OutputError(_("{path}: cannot open the database ({reason})").format(path=path, reason=describe(exc))) from exc

    def _check_ours(self) -> None:
        """A database that holds other tables and not ours is somebody else's: leave it alone."""
        tables = {r[0] for r in self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if tables and "meta" not in tables:
            self.db.close()
            raise OutputError(_("{path}: is an SQLite database of another program; refusing to write into it").format(
                path=self.path))
        if tables:
            row = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            while row is not None and row[0] in _UPGRADES:
                row = (self._upgrade(row[0]),)
            if row is None or row[0] != SCHEMA_VERSION:
                self.db.close()
                raise OutputError(_("{path}: is a kehoach database of another version ({version}); use a new file")
                                  .format(path=self.path, version=row[0] if row else "?"))

    def _upgrade(self, version: str) -> str:
        """One step of _UPGRADES, in one transaction; the version it leads to."""
        following, statements = _UPGRADES[version]
        with self._transaction() as db:
            for statement in statements:
                db.execute(statement)
            db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (following,))
        return following

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.db.close()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        try:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")
        except sqlite3.Error as exc:
            raise OutputError(_("{path}: cannot write to the database ({reason})").format(path=self.path, reason=exc)) from exc

    def put(self, records: PlanRecords) -> None:
        """Store one parsed plan (with its sections and JSON), replacing what it supersedes."""
        head = records.plan
        sha = head["sha256"]
        if not sha or records.plan_json is None:
            raise ValueError("a stored plan needs its SHA-256 and its JSON")
        with self._transaction() as db:
            old = [r[0] for r in db.execute("SELECT sha256 FROM plans WHERE sha256 = ? OR (file = ? AND period IS ?)",
                                            (sha, head["file"], head["period"]))]
            for table in (*_CHILDREN, "plans") if old else ():
                db.executemany(f"DELETE FROM {table} WHERE sha256 = ?", [(s,) for s in old])
            names = ", ".join(c.key for c in _PLAN_COLUMNS)
            marks = ", ".join("?" for _ in _PLAN_COLUMNS)
            db.execute(f"INSERT INTO plans (sha256, {names}, stored_at, plan_json) VALUES (?, {marks}, ?, ?)",
                       (sha, *(_sql_value(head[c.key]) for c in _PLAN_COLUMNS),
                        dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), records.plan_json))
            rows: dict[str, Sequence[Sequence[Value]]] = {
                "sections": records.sections, "targets": [r[2:] for r in records.targets],
                "tasks": [r[2:] for r in records.tasks], "findings": [r[2:] for r in records.findings]}
            for table, columns in _CHILDREN.items():
                marks = ", ".join("?" for _ in range(len(columns) + 2))
                dates = _DATES[table]  # only dates need converting: bools are ints to SQLite
                db.executemany(f"INSERT INTO {table} VALUES ({marks})",
                               [(sha, seq, *(_dated(row, dates) if dates else row))
                                for seq, row in enumerate(rows[table], start=1)])

    def counts(self) -> dict[str, int]:
        """Rows in each table."""
        return {t: self.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("plans", *_CHILDREN)}


def is_database(path: Path) -> bool:
    """An SQLite file (by its first bytes, whatever it is named)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(16) == _SQLITE_MAGIC
    except OSError:
        return False


@contextlib.contextmanager
def open_store(path: Path | None) -> Iterator[Store | None]:
    """The database at `path` for the length of a command, or None when none was asked for."""
    if path is None:
        yield None
        return
    with Store(path) as store:
        yield store
