"""Serialise Plans and other results to YAML or JSON (files are written by kehoach.files)."""

from __future__ import annotations

import json
from typing import Any

import yaml
from pydantic import BaseModel

from kehoach import yaml_writer


class _PyDumper(yaml.SafeDumper):
    """Readable Vietnamese YAML: no escapes, block style, long strings unwrapped."""


# For what kehoach.yaml_writer does not write itself: libyaml's emitter (PyYAML's C dumper, with
# the same representers), or the pure-Python one where PyYAML was built without libyaml.
_Dumper: Any = getattr(yaml, "CSafeDumper", _PyDumper)
if _Dumper is not _PyDumper:
    _Dumper = type("_CDumper", (_Dumper,), {"__doc__": _PyDumper.__doc__})


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


for _dumper in {_PyDumper, _Dumper}:
    _dumper.add_representer(str, _str_representer)


def to_data(model: BaseModel) -> dict[str, Any]:
    """JSON-compatible data in schema order (dates as ISO strings)."""
    return model.model_dump(mode="json")


def to_json(data: Any) -> str:
    """Pretty JSON with Vietnamese kept as is."""
    if isinstance(data, BaseModel):
        data = to_data(data)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def to_yaml(data: Any) -> str:
    """YAML with keys in schema order and no \\u escapes: written directly where the data is
    of the shape kehoach.yaml_writer promises PyYAML's bytes for (nearly every Plan), else by
    PyYAML."""
    if isinstance(data, BaseModel):
        data = to_data(data)
    try:
        return yaml_writer.dump(data)
    except yaml_writer.Unsupported:
        return pyyaml_dump(data)


def pyyaml_dump(data: Any) -> str:
    """The same YAML through PyYAML (libyaml's emitter where PyYAML has it)."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000)


def render(data: Any, fmt: str) -> str:
    """'json' or 'yaml'."""
    return to_json(data) if fmt == "json" else to_yaml(data)
