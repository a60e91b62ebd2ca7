"""Atomic file writes: a reader or a crash never sees a half-written export, JSON or library copy."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


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
    if target.exists() and not target.is_file():
        # /dev/null, a FIFO or a terminal: there is nothing to protect by renaming, and renaming over a
        # device as root would replace it with an ordinary file.
        with open(target, "wb") as stream:
            stream.write(data)
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


def _about(target: Path, error: OSError) -> OSError:
    """The same error naming the file the user asked for: the temporary name (or none, for a full disk)
    means nothing to them, and a caller writing two files could not tell which one failed."""
    return OSError(error.errno, error.strerror or str(error), str(target))


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))
