"""The language kehoach speaks to people: Vietnamese by default, English on request.

Messages are written in English in the code (the message ids) and translated through a
standard gettext catalog: `locale/vi/LC_MESSAGES/kehoach.po` is the source a translator edits,
`kehoach.mo` beside it the compiled form the program reads (both are in the package; the README
says how to add a message). English needs no catalog: it is the ids themselves.

The language is chosen once per command: `--lang vi|en`, else `KEHOACH_LANG`, else the locale
(`LC_ALL`, `LC_MESSAGES`, `LANG`: one starting with 'en' gives English), else Vietnamese.

What stays the same in every language, because programs read it: finding codes, CSV column
names, JSON and YAML field names, exit codes.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Literal, cast

Language = Literal["vi", "en"]

DOMAIN = "kehoach"
LOCALE_DIR = Path(__file__).parent / "locale"
LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"

_state: dict[str, object] = {}


def choose_language(explicit: str | None = None, environ: Mapping[str, str] = os.environ) -> str:
    """'vi' or 'en': the option, else KEHOACH_LANG, else the locale, else Vietnamese.

    A value is read by its first two letters ('en_US.UTF-8' is English); anything that is not
    English or Vietnamese gives Vietnamese, the language of every user of this tool."""
    for value in (explicit, environ.get("KEHOACH_LANG")):
        if value:
            return _known(value)
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):  # POSIX order: the first one set decides
        value = environ.get(name)
        if value:
            return "en" if value.lower().startswith("en") else DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


def _known(value: str) -> str:
    code = value.strip().lower()[:2]
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


def set_language(language: str) -> None:
    """Speak `language` ('vi' or 'en') from now on, in this process."""
    language = _known(language)
    if language == "en":
        translation: gettext.NullTranslations = gettext.NullTranslations()
    else:
        translation = gettext.translation(DOMAIN, LOCALE_DIR, languages=[language], fallback=True)
    _state["language"] = language
    _state["translation"] = translation


def language() -> Language:
    """The language messages are in now: 'vi' or 'en'."""
    if "language" not in _state:
        set_language(choose_language())
    return cast(Language, _state["language"])


def _translation() -> gettext.NullTranslations:
    if "translation" not in _state:
        set_language(choose_language())
    return _state["translation"]  # type: ignore[return-value]


def _(message: str) -> str:
    """`message` (an English message id) in the current language."""
    return _translation().gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form for `count`, in the current language."""
    return _translation().ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Marks a message for the catalog without translating it yet: for texts defined once, at
    import (column headings, table titles), and translated with `_` where they are shown."""
    return message


def pgettext(context: str, message: str) -> str:
    """`message` in the current language, in a context that tells apart one English word with
    two meanings (the status 'review' and the verb)."""
    return _translation().pgettext(context, message)
