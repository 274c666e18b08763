"""Load a Plan from a document (parse it) or from a Plan file written by `kehoach parse`."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from pydantic import ValidationError

from kehoach.errors import InputError
from kehoach.files import DEFAULT_MAX_BYTES, read_input
from kehoach.i18n import _
from kehoach.parse.pipeline import parse_file
from kehoach.parse.readers.options import ReadOptions
from kehoach.schema import Plan

PLAN_SUFFIXES = (".yaml", ".yml", ".json")
# kehoach writes no YAML alias and no structure deeper than a few dozen levels: more is an
# attack (a 2 KB 'billion laughs' file expands to millions of nodes) or damage.
MAX_DEPTH = 200
MAX_PLAN_BYTES = 20 * 1024 * 1024


class _PlanLoader(yaml.SafeLoader):
    """Safe YAML without aliases and with a depth limit."""

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(None, None, _("aliases are not allowed in a Plan file"), event.start_mark)
        self._depth = getattr(self, "_depth", 0) + 1
        try:
            if self._depth > MAX_DEPTH:
                raise yaml.composer.ComposerError(None, None, _("nested deeper than {n} levels").format(n=MAX_DEPTH),
                                                  self.peek_event().start_mark)
            return super().compose_node(parent, index)  # type: ignore[arg-type]
        finally:
            self._depth -= 1


# libyaml's parser (PyYAML's C loader) reads a Plan about ten times faster than the pure-Python one.
_C_LOADER = getattr(yaml, "CSafeLoader", None)


def _check_nodes(root: yaml.Node) -> None:
    """No node reached twice (an alias) and no deeper than MAX_DEPTH; stops at the first fault,
    so a 'billion laughs' graph is refused before anything is expanded."""
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if id(node) in seen:
            raise yaml.composer.ComposerError(None, None, _("aliases are not allowed in a Plan file"), node.start_mark)
        seen.add(id(node))
        if depth > MAX_DEPTH:
            raise yaml.composer.ComposerError(None, None, _("nested deeper than {n} levels").format(n=MAX_DEPTH), node.start_mark)
        if isinstance(node, yaml.SequenceNode):
            stack.extend((child, depth + 1) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            stack.extend((part, depth + 1) for pair in node.value for part in pair)


def _load_yaml(raw: str) -> object:
    """Safe YAML without aliases and with a depth limit: composed by libyaml when PyYAML has it,
    checked, then built; else by the pure-Python loader that checks as it goes."""
    if _C_LOADER is None:
        return yaml.load(raw, Loader=_PlanLoader)  # noqa: S506 (a safe loader)
    loader = _C_LOADER(raw)
    try:
        try:
            node = loader.get_single_node()
        except yaml.YAMLError as exc:
            if "maximum nesting depth" in str(exc):  # libyaml's own limit (1000 levels)
                raise yaml.composer.ComposerError(None, None, _("nested deeper than {n} levels").format(n=MAX_DEPTH)) from exc
            raise
        if node is None:
            return None
        _check_nodes(node)
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _depth(data: object, limit: int = MAX_DEPTH) -> int:
    """How deep lists and mappings nest (JSON), stopping past `limit`."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, level)
            if deepest > limit:
                return deepest
            stack.extend((child, level + 1) for child in (item.values() if isinstance(item, dict) else item))
    return deepest


def _validation_message(path: Path, exc: ValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or _("(top level)")
    more = " " + _("(and {n} more)").format(n=exc.error_count() - 1) if exc.error_count() > 1 else ""
    return f"{path}: {where}: {first['msg']}{more}"


def load_plan_file(path: Path) -> Plan:
    """A Plan YAML/JSON file, checked against the schema."""
    raw = read_input(path, MAX_PLAN_BYTES).decode("utf-8", errors="replace")
    kind = "JSON" if path.suffix == ".json" else "YAML"
    try:
        data = json.loads(raw) if kind == "JSON" else _load_yaml(raw)
    except RecursionError as exc:
        raise InputError(_("{path}: not a Plan file (nested too deep)").format(path=path)) from exc
    except (ValueError, yaml.YAMLError) as exc:  # JSONDecodeError is a ValueError; so are huge integers, month 13
        why = str(exc).splitlines()[0]
        if "integer string conversion" in why:
            why = _("a number of thousands of digits")
        raise InputError(_("{path}: not valid {kind} ({reason})").format(path=path, kind=kind, reason=why)) from exc
    if _depth(data) > MAX_DEPTH:
        raise InputError(_("{path}: not a Plan file (nested deeper than {n} levels)").format(path=path, n=MAX_DEPTH))
    if not isinstance(data, dict):
        raise InputError(_("{path}: a Plan file must hold a mapping, not {kind}").format(path=path, kind=type(data).__name__))
    try:
        return Plan.model_validate(data)
    except ValidationError as exc:
        raise InputError(_validation_message(path, exc)) from exc


def load_plan(path: Path, max_bytes: int = DEFAULT_MAX_BYTES, options: ReadOptions | None = None) -> Plan:
    """Parse a document, or read a Plan file (by its .yaml/.yml/.json suffix)."""
    if path.suffix.lower() in PLAN_SUFFIXES:
        return load_plan_file(path)
    return parse_file(path, max_bytes=max_bytes, options=options)
