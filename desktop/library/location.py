"""Where the library lives: ``--db PATH``, else ``$PARALLAX_DB``, else the platform's per-user data folder."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import platformdirs

ENV_VAR = "PARALLAX_DB"
FILE_NAME = "library.sqlite3"


def default_library_path() -> Path:
    """The per-user data folder, because a library built up over weeks must not sit in a cache or temp folder."""
    return platformdirs.user_data_path("Parallax", appauthor=False) / FILE_NAME


def library_path(explicit: str | os.PathLike[str] | None = None, environ: Mapping[str, str] | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    environ = os.environ if environ is None else environ
    if environ.get(ENV_VAR):
        return Path(environ[ENV_VAR]).expanduser()
    return default_library_path()
