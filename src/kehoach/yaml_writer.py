"""YAML text written directly for Plan-shaped data, byte for byte what PyYAML's emitter writes.

A Plan, once dumped to JSON-compatible data, is dicts, lists, strings, numbers, booleans and
None, and nearly all of its strings are plain one-line text. For that shape the emitter's
output is simple to state: block mappings, sequences not indented under their key, scalars
plain where the resolver would read them back as strings, else in single quotes, and text
of several lines as a literal block ('|-'). Writing it here, like `json` writes JSON, takes a
fraction of the time of building YAML nodes and handing them to an emitter.

Everything else — a string that needs double quotes (tabs, control characters), a literal
block that needs an indentation or keep indicator, a line long enough to be folded, a key
that is not a short plain word, another type — makes `dump` raise `Unsupported`, and the
caller writes the whole document with PyYAML instead. The rules here are the emitter's own
(libyaml's `yaml_emitter_analyze_scalar`, PyYAML's `Emitter.analyze_scalar`), kept to the
cases where both agree; tests/test_yaml_writer.py compares the two on the golden Plans and
on generated data meant to hit every boundary.
"""

from __future__ import annotations

from typing import Any

from yaml.representer import SafeRepresenter
from yaml.resolver import Resolver

# Characters both emitters print as they are with allow_unicode (no escape, no quoting): what
# Python calls printable (no control, format or private-use characters, no line or paragraph
# separators, no spaces but ' ') within the Basic Multilingual Plane (libyaml escapes the
# characters beyond it, PyYAML's own emitter does not). Anything else goes to PyYAML.
_BEYOND_BMP = "\U00010000"


def _printable(text: str) -> bool:
    return text.isprintable() and (text.isascii() or max(text) < _BEYOND_BMP)


# A scalar's first character that is an indicator wherever it is followed.
_FIRST_INDICATORS = frozenset("#,[]{}&*!|>'\"%@`")
# Past this length an emitter may fold a line at a space (PyYAML's width is set to 10 000).
_LONGEST = 4000
_STR_TAG = "tag:yaml.org,2002:str"


class Unsupported(Exception):  # noqa: N818 (a signal to the caller, not an error)
    """Data this writer does not write byte for byte as PyYAML would."""


# The resolver's implicit patterns by first character, as Resolver.resolve looks them up (those
# registered for any first character added to each list).
_ANY_FIRST = tuple(regexp for _tag, regexp in Resolver.yaml_implicit_resolvers.get(None, []))
_BY_FIRST = {first: tuple(regexp for _tag, regexp in resolvers) + _ANY_FIRST
             for first, resolvers in Resolver.yaml_implicit_resolvers.items() if first is not None}


def _plain_resolves_to_str(text: str) -> bool:
    """The resolver reads `text`, written plain, back as a string (not 'yes', '1.5', 'null',
    a date...)."""
    return not any(regexp.match(text) for regexp in _BY_FIRST.get(text[0], _ANY_FIRST))


def _can_be_plain(text: str) -> bool:
    """A one-line printable text the emitter writes without quotes in block context."""
    first = text[0]
    if first == " " or text[-1] == " " or first in _FIRST_INDICATORS:
        return False
    if first in "?:-" and (len(text) == 1 or text[1] == " "):
        return False
    if ": " in text or text[-1] == ":" or " #" in text or text.startswith(("---", "...")):
        return False
    return _plain_resolves_to_str(text)


def scalar(text: str) -> str:
    """A one-line string as the emitter writes it: plain or single-quoted."""
    if not text:
        return "''"
    if len(text) > _LONGEST or not _printable(text):
        raise Unsupported
    if _can_be_plain(text):
        return text
    return "'" + text.replace("'", "''") + "'"


def _literal(text: str, indent: str) -> str:
    """Text of several lines as a literal block whose lines start at `indent`."""
    if (text[0] in " \n" or text[-1] == " " or " \n" in text or text.endswith("\n\n")
            or len(text) > _LONGEST or not _printable(text.replace("\n", ""))):
        raise Unsupported
    body = text[:-1] if text[-1] == "\n" else text
    lines = [indent + line if line else "" for line in body.split("\n")]
    return ("|" if text[-1] == "\n" else "|-") + "\n" + "\n".join(lines)


# PyYAML's own representer writes the numbers (floats have special forms: '.inf', '1.0e+20').
_NUMBERS = SafeRepresenter()


def _inline(value: Any, indent: str) -> str | None:
    """The text of a value that stays on its key's or dash's line; None for a non-empty
    mapping or sequence, which goes on the lines below."""
    if isinstance(value, str):
        return _literal(value, indent) if "\n" in value else scalar(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(_NUMBERS.represent_float(value).value)
    if isinstance(value, dict):
        return None if value else "{}"
    if isinstance(value, list):
        return None if value else "[]"
    raise Unsupported


_KEYS: dict[str, str] = {}


def _key(key: Any) -> str:
    """A mapping key as written; remembered, since the same field names come back in every Plan."""
    written = _KEYS.get(key) if isinstance(key, str) else None
    if written is not None:
        return written
    if not isinstance(key, str) or not key or len(key) > 100 or "\n" in key:
        raise Unsupported
    written = scalar(key)
    if len(_KEYS) < 10_000:
        _KEYS[key] = written
    return written


def _mapping(data: dict[str, Any], indent: str, out: list[str], first_prefix: str) -> None:
    """Lines of a non-empty mapping whose keys start at `indent`; the first line starts with
    `first_prefix` instead (the '- ' of a sequence item)."""
    prefix = first_prefix
    for key, value in data.items():
        head = prefix + _key(key) + ":"
        prefix = indent
        inline = _inline(value, indent + "  ")
        if inline is not None:
            out.append(head + " " + inline)
        elif isinstance(value, dict):
            out.append(head)
            _mapping(value, indent + "  ", out, indent + "  ")
        else:  # a sequence under a key is not indented
            out.append(head)
            _sequence(value, indent, out, indent)


def _sequence(data: list[Any], indent: str, out: list[str], first_prefix: str) -> None:
    """Lines of a non-empty sequence whose dashes stand at `indent` (the first line starts
    with `first_prefix`)."""
    prefix = first_prefix
    for item in data:
        dash = prefix + "- "
        prefix = indent
        inline = _inline(item, indent + "  ")
        if inline is not None:
            out.append(dash + inline)
        elif isinstance(item, dict):
            _mapping(item, indent + "  ", out, dash)
        else:
            _sequence(item, indent + "  ", out, dash)


def dump(data: Any) -> str:
    """`data` as PyYAML writes it (block style, keys in order, unicode kept, width 10 000);
    raises Unsupported where it cannot promise the same bytes."""
    out: list[str] = []
    if isinstance(data, dict) and data:
        _mapping(data, "", out, "")
    elif isinstance(data, list) and data:
        _sequence(data, "", out, "")
    elif isinstance(data, (dict, list)):
        out.append("{}" if isinstance(data, dict) else "[]")
    else:
        raise Unsupported  # a lone scalar ends with a document marker
    return "\n".join(out) + "\n"
