"""Atomic file writes: a reader or a crash never sees a half-written export, JSON or library copy."""

from __future__ import annotations

import contextlib
import errno
import os
import select
import stat
import tempfile
import time
from pathlib import Path

# A FIFO is written only once a reader has it open; wait this long for one, then say so instead of hanging.
FIFO_READER_WAIT_SECONDS = 2.0
# A reader that stops taking data for this long ends the write with an error instead of blocking forever.
STALLED_READER_SECONDS = 30.0


def _final_mode(target: Path) -> int:
    """Keep an existing file's permissions; give a new one the usual umask-based mode, not mkstemp's 0600,
    so an exported report can be shared like any other file the user saves."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write to a temporary file in the target folder, fsync it, then rename it over the target.

    The temporary file lives beside the target so the final ``os.replace`` never crosses file systems,
    which is what makes it atomic.
    """
    target = Path(path)
    try:
        mode = os.stat(target).st_mode
    except (OSError, ValueError):
        mode = None
    if mode is not None and stat.S_ISDIR(mode):
        raise OSError(errno.EISDIR, os.strerror(errno.EISDIR), str(target))
    if mode is not None and not stat.S_ISREG(mode) and _write_through(target, mode, data):
        return
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise _about(target, error) from error
    try:
        os.chmod(tmp_name, _final_mode(target))
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
    except BaseException as error:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        if isinstance(error, OSError):
            raise _about(target, error) from error
        raise


def _write_through(target: Path, mode: int, data: bytes) -> bool:
    """Write to /dev/null, a terminal or a FIFO a reader has open, never blocking: there is nothing to protect
    by renaming, and renaming over a device as root would replace it with an ordinary file.

    The target is opened non-blocking (opening a FIFO nobody reads would otherwise wait forever) and the
    opened descriptor is checked, not the name, so a file swapped in between the check and the open cannot
    fool it. Returns False when the descriptor turns out to be a regular file: the caller writes atomically.
    """
    if not (stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)):
        raise OSError(errno.EINVAL, f"is a {_kind(mode)}, not a file Parallax can write to", str(target))
    deadline = time.monotonic() + FIFO_READER_WAIT_SECONDS
    flags = os.O_WRONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    while True:
        try:
            fd = os.open(target, flags)
            break
        except OSError as error:
            if error.errno != errno.ENXIO:  # ENXIO: a FIFO with no reader (yet)
                raise _about(target, error) from error
            if time.monotonic() >= deadline:
                message = f"a FIFO that nothing reads from (waited {FIFO_READER_WAIT_SECONDS:g} s)"
                raise OSError(errno.ENXIO, message, str(target)) from None
            time.sleep(0.05)
    try:
        opened = os.fstat(fd).st_mode
        if stat.S_ISREG(opened):
            return False
        if not (stat.S_ISFIFO(opened) or stat.S_ISCHR(opened)):
            raise OSError(errno.EINVAL, f"is a {_kind(opened)}, not a file Parallax can write to", str(target))
        _write_all_nonblocking(fd, data, target)
    finally:
        os.close(fd)
    return True


def _write_all_nonblocking(fd: int, data: bytes, target: Path) -> None:
    view = memoryview(data)
    while view:
        try:
            written = os.write(fd, view)
        except BlockingIOError:
            written = 0
        except OSError as error:
            raise _about(target, error) from error
        if written:
            view = view[written:]
            continue
        _, ready, _ = select.select([], [fd], [], STALLED_READER_SECONDS)
        if not ready:
            message = f"the reader took no data for {STALLED_READER_SECONDS:g} s"
            raise OSError(errno.ETIMEDOUT, message, str(target))


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISBLK, "block device"), (stat.S_ISSOCK, "socket"), (stat.S_ISFIFO, "FIFO")):
        if test(mode):
            return name
    return "special file"


def _about(target: Path, error: OSError) -> OSError:
    """The same error naming the file the user asked for: the temporary name (or none, for a full disk)
    means nothing to them, and a caller writing two files could not tell which one failed."""
    return OSError(error.errno, error.strerror or str(error), str(target))


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))
