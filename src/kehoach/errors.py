"""Errors the command line turns into one clear line on stderr."""

from __future__ import annotations


class KehoachError(Exception):
    """Base of the errors kehoach reports to the user; `exit_code` is what the CLI returns."""

    exit_code = 2


class InputError(KehoachError):
    """The input cannot be read as a plan (missing, empty, wrong format, corrupt)."""


class OutputError(KehoachError):
    """An output cannot be written (the input itself, a folder, a full disk, no permission)."""
