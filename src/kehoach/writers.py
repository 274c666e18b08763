"""Serialise Plans and other results to YAML or JSON (files are written by kehoach.files)."""

from __future__ import annotations

import json
from typing import Any

import yaml
from pydantic import BaseModel


class _PyDumper(yaml.SafeDumper):
    """Readable Vietnamese YAML: no escapes, block style, long strings unwrapped."""


# libyaml's emitter (PyYAML's C dumper, with the same representers) writes the same bytes about
# six times faster; the pure-Python one is the fallback where PyYAML was built without libyaml.
_Dumper: Any = getattr(yaml, "CSafeDumper", _PyDumper)
if _Dumper is not _PyDumper:
    _Dumper = type("_CDumper", (_Dumper,), {"__doc__": _PyDumper.__doc__})


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


for _dumper in {_PyDumper, _Dumper}:
    _dumper.add_representer(str, _str_representer)


_STR, _MAP, _SEQ = "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"


class _FastNodes:
    """Plan data (JSON-compatible: dicts, lists, strings, numbers, booleans, None) turned into
    YAML nodes directly, instead of through the representer's per-object dispatch and alias
    bookkeeping (Plans hold no shared objects); and the resolver's answer for each distinct
    scalar remembered (the same keys come back thousands of times). The bytes are the same
    (tests/test_golden.py compares them with the pure-Python emitter's)."""

    def represent(self, data: Any) -> None:
        self.serialize(self._node(data))  # type: ignore[attr-defined]

    def _node(self, data: Any) -> yaml.Node:
        if isinstance(data, str):
            return yaml.ScalarNode(_STR, data, style="|" if "\n" in data else None)
        if isinstance(data, dict):
            return yaml.MappingNode(_MAP, [(self._node(k), self._node(v)) for k, v in data.items()], flow_style=False)
        if isinstance(data, list):
            return yaml.SequenceNode(_SEQ, [self._node(item) for item in data], flow_style=False)
        return self.represent_data(data)  # type: ignore[attr-defined]  # numbers, booleans, None

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is not yaml.ScalarNode:
            return super().resolve(kind, value, implicit)  # type: ignore[misc]
        cache: dict[Any, Any] = self.__dict__.setdefault("_resolved", {})
        key = (value, tuple(implicit))  # libyaml passes a list
        if key not in cache:
            cache[key] = super().resolve(kind, value, implicit)  # type: ignore[misc]
        return cache[key]


_PlanDumper: Any = type("_PlanDumper", (_FastNodes, _Dumper), {})


def to_data(model: BaseModel) -> dict[str, Any]:
    """JSON-compatible data in schema order (dates as ISO strings)."""
    return model.model_dump(mode="json")


def to_json(data: Any) -> str:
    """Pretty JSON with Vietnamese kept as is."""
    if isinstance(data, BaseModel):
        data = to_data(data)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def to_yaml(data: Any) -> str:
    """YAML with keys in schema order and no \\u escapes."""
    if isinstance(data, BaseModel):
        data = to_data(data)
    return yaml.dump(data, Dumper=_PlanDumper, allow_unicode=True, sort_keys=False, width=10_000)


def render(data: Any, fmt: str) -> str:
    """'json' or 'yaml'."""
    return to_json(data) if fmt == "json" else to_yaml(data)
