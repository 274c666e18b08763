"""The Plan's JSON Schema with each field's description taken from the docstring under it.

The descriptions are read from the models' source when the schema is asked for (`kehoach
schema`), not when the models are built: pydantic's `use_attribute_docstrings` reads the source
of every model at import, which every command would pay for on start-up.
"""

from __future__ import annotations

import ast
import inspect
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema

from kehoach.schema import models


def field_docs(module: Any = models) -> dict[str, dict[str, str]]:
    """Class name -> field name -> the docstring under the field, for every class of `module`."""
    tree = ast.parse(inspect.getsource(module))
    docs: dict[str, dict[str, str]] = {}
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        fields = docs.setdefault(node.name, {})
        for before, after in zip(node.body, node.body[1:], strict=False):
            if (isinstance(before, ast.AnnAssign) and isinstance(before.target, ast.Name)
                    and isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant)
                    and isinstance(after.value.value, str)):
                fields[before.target.id] = inspect.cleandoc(after.value.value)
    return docs


def json_schema(model: type[BaseModel]) -> dict[str, Any]:
    """`model`'s JSON Schema, its fields and those of the models under it described."""
    schema = model.model_json_schema()
    docs = field_docs()
    for name, definition in [(model.__name__, schema), *schema.get("$defs", {}).items()]:
        for field, doc in docs.get(name, {}).items():
            properties = definition.get("properties", {})
            if field in properties:
                properties[field]["description"] = doc
    return dict(GenerateJsonSchema().sort(schema))
