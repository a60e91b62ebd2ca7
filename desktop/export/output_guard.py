"""One rule for every command that writes: no output may be something the same run reads or keeps.

``compare A B --json A`` used to overwrite article A, and ``library export 1 --html L.sqlite --db L.sqlite``
replaced the whole library with a report. Before anything is loaded or written, each output is compared with

- every input file (an article, a corpus, a batch folder's tables),
- the library file and the files SQLite keeps beside it (``-wal``, ``-shm``, ``-journal``),
- every other output of the same run (``--json X --html X``),

by resolved path (symbolic links, ``..``) and, when both exist, by device and inode (hard links, bind mounts,
a second spelling of a case-insensitive name). A clash raises :class:`OutputConflict` whose message is the one
line the command prints. A character device (``/dev/null``) may take several outputs; a library may not be a
device at all (:func:`library_target_problem`). :func:`printable` is what every such line goes through, so a
file name cannot drive the terminal.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

SQLITE_SIDECARS = ("-wal", "-shm", "-journal")


# C0/C1 controls (ANSI escapes start with ESC, newlines would split the one line) and bidi overrides.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` safe for a terminal line: control characters, bidi overrides and undecodable bytes of a
    file name are shown as escapes (``\\x1b``, ``\\n``, ``\\u202e``, ``\\udcff``), never interpreted."""
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


class OutputConflict(Exception):
    """An output that would destroy an input, the library or another output; the message names both."""


@dataclass(frozen=True, slots=True)
class Named:
    """A path and what it is to the user ("--json", "input A", "the library"), for the message."""

    path: Path
    role: str


def _identity(path: Path) -> tuple[str, tuple[int, int] | None]:
    """The resolved path, and (st_dev, st_ino) when the file exists (following symbolic links)."""
    try:
        resolved = os.path.realpath(path)
    except (OSError, ValueError):
        resolved = os.path.abspath(path)
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return resolved, None
    return resolved, (info.st_dev, info.st_ino)


def _same(a: Path, b: Path) -> bool:
    path_a, inode_a = _identity(a)
    path_b, inode_b = _identity(b)
    if path_a == path_b:
        return True
    return inode_a is not None and inode_a == inode_b


def _is_device(path: Path) -> bool:
    try:
        return stat.S_ISCHR(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def _inside(path: Path, folder: Path) -> bool:
    """``path`` is ``folder`` or lies somewhere below it (resolved)."""
    resolved, folder_resolved = Path(_identity(path)[0]), Path(_identity(folder)[0])
    return resolved == folder_resolved or folder_resolved in resolved.parents


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def library_files(db: Path) -> list[Named]:
    """The library and the files SQLite writes beside it, under the name given and the resolved name
    (SQLite follows a symbolic link to the database before naming its journal)."""
    names = [db]
    resolved = Path(_identity(db)[0])
    if resolved != db:
        names.append(resolved)
    files = [Named(db, f"the library ({db})")]
    for name in names:
        for suffix in SQLITE_SIDECARS:
            files.append(Named(Path(f"{name}{suffix}"), f"the library's {suffix[1:]} file ({name}{suffix})"))
    return files


def input_files(sources: Iterable[str], ids: Sequence[str] | None = None) -> list[Named]:
    """Article inputs as named on the command line (URLs are not files and are left out)."""
    sources = list(sources)
    labels = list(ids) if ids is not None else [""] * len(sources)
    return [
        Named(Path(source), f"input {label} ({source})" if label else f"the input {source}")
        for source, label in zip(sources, labels, strict=True)
        if source and not is_url(source)
    ]


def check_outputs(
    outputs: Sequence[tuple[str, str | os.PathLike[str] | None]],
    *,
    inputs: Iterable[Named] = (),
    library: str | os.PathLike[str] | None = None,
    protected_folders: Iterable[Named] = (),
) -> None:
    """Raise :class:`OutputConflict` when an output is an input, the library (or its journal files), lies
    inside a protected folder, or is the same file as another output. ``outputs`` are (flag, path) pairs;
    a ``None`` path (flag not given) is skipped."""
    given = [(flag, Path(path)) for flag, path in outputs if path is not None and str(path) != ""]
    protected = list(inputs)
    if library is not None:
        protected += library_files(Path(library))
    folders = list(protected_folders)
    for number, (flag, path) in enumerate(given):
        for other in protected:
            if _same(path, other.path):
                raise OutputConflict(f"{path}: {flag} would overwrite {other.role}; choose another name")
        for folder in folders:
            if _inside(path, folder.path):
                raise OutputConflict(f"{path}: {flag} would write into {folder.role}; choose another place")
        for other_flag, other_path in given[:number]:
            if _same(path, other_path) and not _is_device(path):  # /dev/null twice loses nothing
                raise OutputConflict(f"{path}: {other_flag} and {flag} name the same file; give each its own")


def check_inputs_outside(inputs: Iterable[Named], folders: Iterable[Named]) -> None:
    """Raise :class:`OutputConflict` when an input lies inside a folder the run replaces or deletes."""
    folders = list(folders)
    for item in inputs:
        for folder in folders:
            if _inside(item.path, folder.path):
                where = "is" if _same(item.path, folder.path) else "lies inside"
                raise OutputConflict(f"{item.path}: {item.role} {where} {folder.role}, which this run replaces")


def library_target_problem(db: str | os.PathLike[str]) -> str | None:
    """Why ``db`` cannot be a library file, when it is an existing device, FIFO or socket (``--db /dev/null``
    left a ``/dev/null-journal`` behind: SQLite writes its journal beside the name it is given)."""
    try:
        mode = os.stat(db).st_mode
    except (OSError, ValueError):
        return None
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):  # a folder is refused by the library itself
        return None
    return "not a regular file; a library must be one (SQLite keeps its journal beside it)"
