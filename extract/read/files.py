"""Opening input files: only regular files are read; anything else is a reason, not a hang.

Why: a FIFO named ``notes.txt`` in a folder blocks ``open()`` until a writer appears, so one odd
entry would stop ``dateline extract DIR`` and ``dateline serve DIR`` forever; a device could be
read without end. Every reader opens its files here: the path is checked first (following
symbolic links, so a link to a good file is read), then opened without blocking and checked
again on the open descriptor, so a file swapped for a FIFO in between is still refused.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
)


class NotRegular(OSError):
    """``path`` is not a regular file we may read; ``str()`` says what it is instead."""


def open_regular(path: str | os.PathLike[str]) -> BinaryIO:
    """``path`` opened for binary reading, if it is (or links to) a regular file.

    Raises ``NotRegular`` naming what it is instead (a FIFO, a device, a dangling symbolic link
    or a loop of them), or the ``OSError`` of the open (permission denied...)."""
    _refuse_special(_status(path))
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags)
    try:
        _refuse_special(os.fstat(fd))
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_regular(path: str | os.PathLike[str]) -> bytes:
    """The bytes of ``path`` if it is a regular file (see ``open_regular``)."""
    with open_regular(path) as handle:
        return handle.read()


def _status(path: str | os.PathLike[str]) -> os.stat_result | None:
    """What ``path`` resolves to (None: nothing, for ``os.open`` to say); a dangling link or a
    loop of links raises ``NotRegular``."""
    try:
        return os.stat(path)
    except FileNotFoundError:
        if Path(path).is_symlink():
            raise NotRegular("it is a symbolic link to nothing (dangling)") from None
        return None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise NotRegular("it is a loop of symbolic links") from None
        raise


def _refuse_special(status: os.stat_result | None) -> None:
    if status is None:
        return
    for test, what in _KINDS:
        if test(status.st_mode):
            raise NotRegular(f"it is {what}, not a regular file")
    if not stat.S_ISREG(status.st_mode):
        raise NotRegular("it is not a regular file")
