"""Load a Plan from a document (parse it) or from a Plan file written by `kehoach parse`."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from pydantic import ValidationError

from kehoach.errors import InputError
from kehoach.parse.pipeline import DEFAULT_MAX_BYTES, parse_file, read_input
from kehoach.parse.readers.options import ReadOptions
from kehoach.schema import Plan

PLAN_SUFFIXES = (".yaml", ".yml", ".json")


def _validation_message(path: Path, exc: ValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or "(top level)"
    more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    return f"{path}: {where}: {first['msg']}{more}"


def load_plan_file(path: Path) -> Plan:
    """A Plan YAML/JSON file, checked against the schema."""
    raw = read_input(path).decode("utf-8", errors="replace")
    try:
        data = json.loads(raw) if path.suffix == ".json" else yaml.safe_load(raw)
    except (json.JSONDecodeError, yaml.YAMLError) as exc:
        raise InputError(f"{path}: not valid {'JSON' if path.suffix == '.json' else 'YAML'} ({str(exc).splitlines()[0]})") from exc
    if not isinstance(data, dict):
        raise InputError(f"{path}: a Plan file must hold a mapping, not {type(data).__name__}")
    try:
        return Plan.model_validate(data)
    except ValidationError as exc:
        raise InputError(_validation_message(path, exc)) from exc


def load_plan(path: Path, max_bytes: int = DEFAULT_MAX_BYTES, options: ReadOptions | None = None) -> Plan:
    """Parse a document, or read a Plan file (by its .yaml/.yml/.json suffix)."""
    if path.suffix.lower() in PLAN_SUFFIXES:
        return load_plan_file(path)
    return parse_file(path, max_bytes=max_bytes, options=options)
