"""Crash recovery: the articles being compared, kept on disk until Parallax closes cleanly.

Each running window writes its session (article sources, pasted texts, settings) to its own file in the
per-user state folder whenever it changes, atomically, and holds a ``QLockFile`` beside it. A clean exit deletes
both. A file whose lock is free at start-up was left by a process that died (a hard kill, a power cut): its
session is offered back. Locks, not just files, so a second window running at the same time never offers to
"restore" the first one's live session.
"""

from __future__ import annotations

import json
import logging
import os
import uuid
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields
from datetime import UTC, datetime
from pathlib import Path

import platformdirs
from PySide6.QtCore import QLockFile

from desktop.core.model import Article, Settings, UserLink
from desktop.core.records import user_link_records, user_links_from_records
from desktop.export.atomic import atomic_write_text
from desktop.ui.worker import Source

log = logging.getLogger(__name__)
ENV_VAR = "PARALLAX_RECOVERY_DIR"
FORMAT = "parallax/recovery-v1"


def recovery_folder(environ: Mapping[str, str] | None = None) -> Path:
    """``$PARALLAX_RECOVERY_DIR`` (tests, portable setups), else the platform's per-user state folder."""
    environ = os.environ if environ is None else environ
    if environ.get(ENV_VAR):
        return Path(environ[ENV_VAR]).expanduser()
    return platformdirs.user_state_path("Parallax", appauthor=False) / "recovery"


@dataclass(frozen=True)
class Snapshot:
    """An unsaved session: enough to compare the same articles again with the same settings."""

    sources: tuple[Source, ...]
    settings: Settings
    reference: str | None = None
    library_id: int | None = None
    written: str = ""
    corrections: tuple[UserLink, ...] = ()  # the user's, placed (keyed by source location, ``placed_links``)

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": FORMAT,
                "written": datetime.now(UTC).isoformat(timespec="seconds"),
                "settings": asdict(self.settings),
                "reference": self.reference,
                "library_id": self.library_id,
                "user_links": user_link_records(self.corrections),
                # A preset article (pasted text, one taken from the library) has no file to re-read: keep its text.
                "sources": [
                    {"location": s.location, "article": asdict(s.article) if s.article is not None else None}
                    for s in self.sources
                ],
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str) -> Snapshot:
        """Raises ``ValueError`` (or ``KeyError``/``TypeError``) on anything that is not a snapshot."""
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError("not a Parallax recovery file")
        known = {f.name for f in fields(Settings)}
        settings = Settings(**{k: v for k, v in dict(data["settings"]).items() if k in known})
        sources = []
        for entry in data["sources"]:
            article = entry.get("article")
            sources.append(Source(str(entry["location"]), Article(**article) if article else None))
        library_id = data.get("library_id")
        return cls(
            tuple(sources),
            settings,
            data.get("reference"),
            int(library_id) if library_id is not None else None,
            str(data.get("written", "")),
            user_links_from_records(data.get("user_links")),
        )


@dataclass
class Orphan:
    """A session file left behind by a process that did not exit cleanly (we hold its lock now)."""

    path: Path
    snapshot: Snapshot
    lock: QLockFile


def _lock_for(path: Path) -> QLockFile:
    lock = QLockFile(str(path.with_suffix(".lock")))
    lock.setStaleLockTime(0)  # stale only when its process is gone, never merely because it is old
    return lock


class Recovery:
    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder if folder is not None else recovery_folder()
        self.path = self.folder / f"session-{os.getpid()}-{uuid.uuid4().hex[:8]}.json"
        self._lock = _lock_for(self.path)
        self._locked = False
        self._orphans: list[Orphan] = []

    def write(self, snapshot: Snapshot) -> None:
        """Keep ``snapshot`` on disk (an empty session removes the file). Raises ``OSError`` if it cannot."""
        if not snapshot.sources:
            self._remove_file()
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        if not self._locked:
            self._locked = self._lock.tryLock(0)
        atomic_write_text(self.path, snapshot.to_json())

    def close(self) -> None:
        """A clean exit: nothing to recover."""
        self._remove_file()
        if self._locked:
            self._lock.unlock()
            self._locked = False
        for orphan in self._orphans:
            orphan.lock.unlock()
        self._orphans = []

    def abandon(self) -> None:
        """Let go of the lock but leave the file, as a killed process would (for tests of the restore offer)."""
        if self._locked:
            self._lock.unlock()
            self._locked = False

    def _remove_file(self) -> None:
        try:
            self.path.unlink(missing_ok=True)
        except OSError as error:
            log.warning("could not remove the recovery file %s: %s", self.path, error)

    def orphans(self) -> list[Orphan]:
        """Sessions left by processes that are gone, newest first; unreadable ones are deleted."""
        found = []
        try:
            candidates = sorted(self.folder.glob("session-*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
        except OSError:
            return []
        for path in candidates:
            if path == self.path or any(o.path == path for o in self._orphans):
                continue
            lock = _lock_for(path)
            if not lock.tryLock(0):
                continue  # a live window's session
            try:
                snapshot = Snapshot.from_json(path.read_text(encoding="utf-8"))
            except (OSError, ValueError, KeyError, TypeError) as error:
                log.warning("ignoring the unreadable recovery file %s: %s", path, error)
                path.unlink(missing_ok=True)
                lock.unlock()
                continue
            orphan = Orphan(path, snapshot, lock)
            self._orphans.append(orphan)
            found.append(orphan)
        return found

    def forget(self, orphan: Orphan) -> None:
        """Restored or declined: delete the left-behind file."""
        try:
            orphan.path.unlink(missing_ok=True)
        except OSError as error:
            log.warning("could not remove the recovery file %s: %s", orphan.path, error)
        orphan.lock.unlock()
        if orphan in self._orphans:
            self._orphans.remove(orphan)

    @staticmethod
    def describe(snapshot: Snapshot) -> str:
        names = [Path(s.location).name if "://" not in s.location else s.location for s in snapshot.sources]
        shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
        return f"{len(names)} article{'s' if len(names) != 1 else ''} ({shown})"
