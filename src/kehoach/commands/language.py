"""The command line in the user's language: help, usage errors and the command-line library's
own words, translated through the catalog (kehoach.i18n) at the moment a command runs.

Help texts are written as English message ids (marked with N_) and translated when the
command starts, after `--lang` is known; so one process can answer in either language (the
tests do), and `--lang` may stand anywhere on the line. Usage errors (a missing argument, an
unknown option, a value out of range) become one line, `kehoach: lỗi: ...`, like every other
error, instead of the library's English panel.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from kehoach.i18n import LANGUAGES, N_, _, choose_language, set_language

try:  # newer typer carries its own copy of click
    from typer._click import exceptions as click_errors  # type: ignore[attr-defined,unused-ignore]
except ImportError:  # pragma: no cover - older typer on the real click
    from click import exceptions as click_errors  # type: ignore[no-redef,import-not-found,unused-ignore]

# Values some help texts name, filled in after translation ({areas} in 'kehoach tasks --help').
HELP_FIELDS: dict[str, str] = {}

# The command-line library's own words, shown in every help page.
_LIBRARY_WORDS = {
    "ARGUMENTS_PANEL_TITLE": N_("Arguments"),
    "OPTIONS_PANEL_TITLE": N_("Options"),
    "COMMANDS_PANEL_TITLE": N_("Commands"),
    "ERRORS_PANEL_TITLE": N_("Error"),
    "DEFAULT_STRING": N_("[default: {}]"),
    "REQUIRED_LONG_STRING": N_("[required]"),
    "DEPRECATED_STRING": N_("(deprecated) "),
    "ENVVAR_STRING": N_("[env var: {}]"),
    "ABORTED_TEXT": N_("Aborted."),
}

# The kinds of value the help shows beside each option, said in the language; a yes/no flag
# shows none (it takes no value).
_KINDS: dict[str, str | None] = {"<path>": N_("<path>"), "<int>": N_("<int>"), "<str>": N_("<str>"),
                                 "<int range>": N_("<int>"), "<bool>": None}

# What the library says of a value it refuses, and how to say it: (pattern, message id).
_VALUE_ERRORS = (
    (re.compile(r"'(?P<value>.*)' is not one of (?P<choices>.*?)\.?$"), N_("'{value}' is not one of {choices}")),
    (re.compile(r"greater than or equal to (?P<n>\S+?)\.?$"), N_("must be at least {n}")),
    (re.compile(r"less than or equal to (?P<n>\S+?)\.?$"), N_("must be at most {n}")),
    (re.compile(r"valid integer"), N_("must be a whole number")),
)
_NO_COMMAND = re.compile(r"No such command '(?P<name>[^']*)'\.(?: Did you mean '(?P<guess>[^']*)'\?)?")
_EXTRA_ARGS = re.compile(r"unexpected extra argument(?:s|\(s\))? \((?P<args>.*)\)")


def take_language(args: list[str]) -> list[str]:
    """Choose the language from `--lang X` / `--lang=X` wherever it stands (before a lone
    '--'), the environment and the locale; return the arguments without it."""
    explicit, rest, i = None, [], 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            rest.extend(args[i:])
            break
        if arg == "--lang" or arg.startswith("--lang="):
            value = arg.partition("=")[2] if "=" in arg else (args[i + 1] if i + 1 < len(args) else "")
            i += 1 if "=" in arg else 2
            if value.lower() not in LANGUAGES:
                set_language(choose_language())
                _usage_exit(_("--lang: choose vi (Tiếng Việt) or en (English)"), "kehoach")
            explicit = value.lower()
            continue
        rest.append(arg)
        i += 1
    set_language(choose_language(explicit))
    return rest


def _localise(command: Any) -> None:
    """Put the help of `command` (and of its commands and parameters) in the current language.
    The English ids are kept on the object the first time, so this can be done again."""
    ids = command.__dict__.setdefault("_kehoach_ids", {
        "help": command.help, "short_help": command.short_help, "epilog": command.epilog,
        "params": [getattr(p, "help", None) for p in command.params],
        "metavars": [getattr(p, "metavar", None) for p in command.params]})
    command.help, command.short_help, command.epilog = (_text(ids[k]) for k in ("help", "short_help", "epilog"))
    command.options_metavar = _("[OPTIONS]")
    if getattr(command, "subcommand_metavar", None):
        command.subcommand_metavar = _("COMMAND [ARGS]...")
    for param, text, metavar in zip(command.params, ids["params"], ids["metavars"], strict=True):
        if text is not None:
            param.help = _text(text)
        if metavar:
            param.metavar = _(metavar)
        _kind_in_language(param)
    for sub in getattr(command, "commands", {}).values():
        _localise(sub)


def _kind_in_language(param: Any) -> None:
    """The kind of value a parameter takes ('<path>', '<int>'), as its help shows it, in the
    current language; none for a flag."""
    if "display_type_rich" in param.__dict__ or not hasattr(type(param), "display_type_rich"):
        return  # done already, or a library without it
    shown_by_library = type(param).display_type_rich

    def display_type_rich(ctx: Any) -> str | None:
        shown = shown_by_library(param, ctx=ctx)
        if shown not in _KINDS:
            return shown  # choices ('yaml|json') and metavars are values, not words
        kind = _KINDS[shown]
        return _(kind) if kind else None

    param.display_type_rich = display_type_rich


def _text(message: str | None) -> str | None:
    if not message:
        return message
    text = _(message)
    return text.format(**HELP_FIELDS) if "{" in text else text


def _library_words() -> None:
    # Imported here: the library's help formatter (rich's markdown and more) is loaded only
    # when a help page is shown, not for every command.
    from typer import rich_utils

    for name, message in _LIBRARY_WORDS.items():
        setattr(rich_utils, name, _(message))


class _Localised:
    """What a group and a command share: 'Usage:' and the help option's help in the language."""

    def get_usage(self, ctx: Any) -> str:
        usage: str = super().get_usage(ctx)  # type: ignore[misc]
        return usage.replace("Usage:", _("Usage:"), 1)

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = _("Show this message and exit.")
            _kind_in_language(option)
        return option


class LocalisedCommand(_Localised, TyperCommand):
    """A kehoach command."""


class LocalisedGroup(_Localised, TyperGroup):
    """The `kehoach` program: picks the language, then runs the command; a usage error is one line."""

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True, windows_expand_args: bool = True,
             **extra: Any) -> Any:
        rest = take_language(list(sys.argv[1:] if args is None else args))
        prog_name = prog_name or "kehoach"  # also when started as 'python -c ...'
        if not rest or any(arg in ("--help", "-h") for arg in rest):  # a help page will be shown
            _library_words()
        _localise(self)
        try:
            result = super().main(rest, prog_name, complete_var, False, windows_expand_args, **extra)
        except click_errors.ClickException as exc:
            if not standalone_mode:
                raise
            if type(exc).__name__ == "NoArgsIsHelpError":  # the help was shown
                sys.exit(exc.exit_code)
            ctx = getattr(exc, "ctx", None)
            _usage_exit(usage_message(exc), ctx.command_path if ctx is not None else "kehoach", exc.exit_code)
        except typer.Abort:
            if not standalone_mode:
                raise
            typer.echo(_("kehoach: interrupted"), err=True)
            sys.exit(1)
        if standalone_mode:
            sys.exit(result if isinstance(result, int) else 0)
        return result


def error_line(message: str) -> str:
    """'kehoach: lỗi: <message>' in the current language: every error kehoach prints."""
    return _("kehoach: error: {message}").format(message=message)


def _usage_exit(message: str, command_path: str, code: int = 2) -> None:
    hint = _("{message} (see: {command} --help)").format(message=message, command=command_path)
    typer.echo(error_line(hint), err=True)
    sys.exit(code)


def usage_message(exc: Exception) -> str:
    """A usage error of the command-line library, said in the current language."""
    message = str(getattr(exc, "message", exc))
    param = getattr(exc, "param", None)
    hint = _hint(exc, param)
    if isinstance(exc, click_errors.NoSuchOption):
        text = _("no option {option}").format(option=exc.option_name)
        if exc.possibilities:
            text += " " + _("(did you mean {options}?)").format(options=", ".join(sorted(exc.possibilities)))
        return text
    if isinstance(exc, click_errors.MissingParameter):
        kind = getattr(param, "param_type_name", "")
        return (_("missing argument {name}") if kind == "argument" else _("missing option {name}")).format(name=hint)
    if isinstance(exc, click_errors.BadParameter):
        return _("{param}: {problem}").format(param=hint or _("a value"), problem=_value_problem(message))
    found = _NO_COMMAND.search(message)
    if found:
        text = _("no command '{name}'").format(name=found["name"])
        if found["guess"]:
            text += " " + _("(did you mean '{name}'?)").format(name=found["guess"])
        return text
    found = _EXTRA_ARGS.search(message)
    if found:
        return _("too many arguments: {args}").format(args=found["args"])
    if message.startswith("Missing command"):
        return _("missing command")
    return message


def _hint(exc: Exception, param: Any) -> str:
    hint = getattr(exc, "param_hint", None)
    if hint is None and param is not None:
        hint = param.get_error_hint()
    if isinstance(hint, list | tuple):
        hint = " / ".join(hint)
    return str(hint or "")


def _value_problem(message: str) -> str:
    for pattern, text in _VALUE_ERRORS:
        found = pattern.search(message)
        if found:
            return _(text).format(**found.groupdict())
    return message
