"""Reading inputs and writing outputs without harming anything.

Inputs: regular files only (a FIFO would block for ever, a device never end), opened
without blocking and read up to a limit, however large the file says it is. Outputs:
never the input itself; a regular file (or a new path) is written through a temporary
file in the same folder and renamed, so no half-written file is ever seen, with the
permissions an ordinary write gives (the umask's, or the existing file's); a
character device or a FIFO (`/dev/null`, a pipe) is written straight to, never replaced;
anything else is refused. Every I/O fault becomes one line naming the path and the cause.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Iterable
from pathlib import Path

from kehoach.errors import InputError, OutputError
from kehoach.i18n import N_, _

# The documents a batch picks up in a folder.
DEFAULT_GLOBS = ("*.txt", "*.docx", "*.pdf", "*.doc")
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
# Temporary names stay short, whatever the target's name: a 250-byte file name plus a
# prefix and a suffix would pass the 255-byte limit of most file systems.
_TMP_PREFIX = ".kehoach-"
_TMP_SUFFIX = ".tmp"


# The system's reasons people meet, as message ids: English says them as the system does,
# other languages through the catalog.
_REASONS = {
    errno.ENOENT: N_("no such file or directory"), errno.EACCES: N_("permission denied"),
    errno.EPERM: N_("operation not permitted"), errno.ENOSPC: N_("no space left on device"),
    errno.EROFS: N_("read-only file system"), errno.EISDIR: N_("is a directory"),
    errno.ENOTDIR: N_("not a directory"), errno.ENAMETOOLONG: N_("file name too long"),
    errno.EIO: N_("input/output error"), errno.EDQUOT: N_("disk quota exceeded"),
    errno.EMFILE: N_("too many open files"), errno.EEXIST: N_("file exists"),
}


def describe(exc: OSError) -> str:
    """'no space left on device' from an OSError, in the current language."""
    if exc.errno in _REASONS:
        return _(_REASONS[exc.errno])
    return (exc.strerror or errno.errorcode.get(exc.errno or 0, type(exc).__name__)).lower()


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISDIR, N_("a folder")), (stat.S_ISFIFO, N_("a named pipe (FIFO)")),
                       (stat.S_ISCHR, N_("a device")), (stat.S_ISBLK, N_("a block device")),
                       (stat.S_ISSOCK, N_("a socket"))):
        if test(mode):
            return _(name)
    return _("not a regular file")


def read_input(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The file's bytes, or an InputError with one clear line."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise InputError(_("{path}: no such file").format(path=path)) from None
    except IsADirectoryError:
        raise InputError(_("{path}: is a folder, not a file").format(path=path)) from None
    except OSError as exc:
        raise InputError(_("{path}: cannot read ({reason})").format(path=path, reason=describe(exc))) from exc
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode) or info.st_size > max_bytes:
        os.close(fd)
        kind = _kind(info.st_mode)
        if stat.S_ISREG(info.st_mode):
            raise InputError(_too_large(path, info.st_size, max_bytes))
        if stat.S_ISDIR(info.st_mode):
            raise InputError(_("{path}: is a folder, not a file").format(path=path))
        raise InputError(_("{path}: is {kind}, not a regular file; kehoach reads files only").format(path=path, kind=kind))
    with os.fdopen(fd, "rb") as handle:
        try:
            data = handle.read(max_bytes + 1)  # bounded whatever st_size said (a file growing, /proc)
        except OSError as exc:
            raise InputError(_("{path}: cannot read ({reason})").format(path=path, reason=describe(exc))) from exc
    if len(data) > max_bytes:
        raise InputError(_too_large(path, len(data), max_bytes))
    return data


def _too_large(path: Path, size: int, max_bytes: int) -> str:
    return _("{path}: file is {size} MB, over the {limit} MB limit").format(
        path=path, size=size // (1024 * 1024), limit=max_bytes // (1024 * 1024))


def _same_file(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_output(path: Path, text: str | bytes, inputs: Iterable[Path] = ()) -> None:
    """Write `text` (UTF-8) or bytes to `path` safely (see the module's docstring); OutputError on any fault."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        existing = os.stat(path)
    except FileNotFoundError:
        existing = None
    except OSError as exc:  # under a file ('out.txt/plan.yaml'), no permission to look
        raise OutputError(_("{path}: cannot write ({reason})").format(path=path, reason=describe(exc))) from exc
    if existing is not None:
        for source in inputs:
            try:
                if _same_file(existing, os.stat(source)):
                    raise OutputError(_("{path}: is the input file; refusing to overwrite it (choose another --output)")
                                      .format(path=path))
            except FileNotFoundError:
                continue
        if stat.S_ISCHR(existing.st_mode) or stat.S_ISFIFO(existing.st_mode):
            _write_straight(path, data)
            return
        if not stat.S_ISREG(existing.st_mode):
            raise OutputError(_("{path}: is {kind}; cannot write a file there").format(path=path, kind=_kind(existing.st_mode)))
    target = Path(os.path.realpath(path))  # through a symbolic link, as an ordinary write goes
    mode = stat.S_IMODE(existing.st_mode) if existing is not None else 0o666 & ~_umask()
    _write_replacing(target, data, mode, shown=path)


def _write_straight(path: Path, data: bytes) -> None:
    try:
        with open(path, "wb") as handle:
            handle.write(data)
    except OSError as exc:
        raise OutputError(_("{path}: cannot write ({reason})").format(path=path, reason=describe(exc))) from exc


def _write_replacing(target: Path, data: bytes, mode: int, shown: Path) -> None:
    """Temporary file in the same folder, flushed, then renamed over the target."""
    # os.urandom is what the secrets module draws on; importing that module costs a command's start-up more.
    tmp = target.parent / f"{_TMP_PREFIX}{os.urandom(6).hex()}{_TMP_SUFFIX}"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                if hasattr(os, "fchmod"):  # not on Windows, where files have no such modes
                    os.fchmod(handle.fileno(), mode)
            os.replace(tmp, target)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise OutputError(_("{path}: cannot write ({reason})").format(path=shown, reason=describe(exc))) from exc


def write_stdout(text: str) -> None:
    """`text` as UTF-8 bytes on standard output, flushed, whatever its configured encoding."""
    stream = getattr(sys.stdout, "buffer", None)
    try:
        if stream is None:  # replaced by a text-only stream (tests, embedding)
            sys.stdout.write(text)
            sys.stdout.flush()
        else:
            sys.stdout.flush()
            stream.write(text.encode("utf-8"))
            stream.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise OutputError(_("{path}: cannot write ({reason})").format(path=_("standard output"), reason=describe(exc))) from exc


def is_temporary(name: str) -> bool:
    """A temporary file this module writes (left behind only if the process was killed)."""
    return name.startswith(_TMP_PREFIX) and name.endswith(_TMP_SUFFIX)
