"""What the app remembers between runs (the defaults for new comparisons, view choices, recent files), over
``QSettings``. A comparison's own settings are saved with it in the library, not here.

The ``QSettings`` object is passed in, so tests hand over a throw-away INI file and never touch real settings.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from desktop.core.model import MatchMode, Settings

MAX_RECENT = 10
# The values ``Settings.match`` accepts (from the model, not ``matching``, which pulls in the alignment engine before
# the window is up). A stored value outside these falls back to the default.
MATCH_MODES = tuple(MatchMode)


@dataclass(frozen=True)
class ViewPrefs:
    hide_boilerplate: bool = False
    view: str = "aligned"
    differences_visible: bool = True


def _bool(value: object, default: bool) -> bool:
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    return str(value).lower() in {"true", "1", "yes"}


class Preferences:
    def __init__(self, store: QSettings) -> None:
        self.store = store

    def comparison_settings(self) -> Settings:
        """The settings new comparisons start with."""
        default = Settings()
        try:
            threshold = float(self.store.value("compare/threshold", default.threshold))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            threshold = default.threshold
        match = str(self.store.value("compare/match", default.match))
        return Settings(
            threshold=min(1.0, max(0.0, threshold)),
            match=match if match in MATCH_MODES else default.match,
            ignore_case=_bool(self.store.value("compare/ignore_case"), default.ignore_case),
            ignore_punctuation=_bool(self.store.value("compare/ignore_punctuation"), default.ignore_punctuation),
        )

    def save_comparison_settings(self, settings: Settings) -> None:
        self.store.setValue("compare/threshold", settings.threshold)
        self.store.setValue("compare/ignore_case", settings.ignore_case)
        self.store.setValue("compare/ignore_punctuation", settings.ignore_punctuation)
        self.store.setValue("compare/match", settings.match)

    def reset_comparison_settings(self) -> Settings:
        """New comparisons start with Parallax's own settings again."""
        for key in ("threshold", "ignore_case", "ignore_punctuation", "match"):
            self.store.remove(f"compare/{key}")
        return self.comparison_settings()

    def view_prefs(self) -> ViewPrefs:
        return ViewPrefs(
            hide_boilerplate=_bool(self.store.value("view/hide_boilerplate"), False),
            view=str(self.store.value("view/mode", "aligned")),
            differences_visible=_bool(self.store.value("view/differences"), True),
        )

    def save_view_prefs(self, prefs: ViewPrefs) -> None:
        self.store.setValue("view/hide_boilerplate", prefs.hide_boilerplate)
        self.store.setValue("view/mode", prefs.view)
        self.store.setValue("view/differences", prefs.differences_visible)

    def recent_files(self) -> list[str]:
        value = self.store.value("recent/files", [])
        if isinstance(value, str):
            return [value]
        return [str(v) for v in value] if isinstance(value, list) else []

    def add_recent(self, locations: list[str]) -> list[str]:
        recent = [loc for loc in locations if not loc.lower().startswith("pasted")]
        recent += [r for r in self.recent_files() if r not in recent]
        recent = recent[:MAX_RECENT]
        self.store.setValue("recent/files", recent)
        return recent

    def clear_recent(self) -> None:
        self.store.setValue("recent/files", [])

    def export_folder(self) -> str:
        """The folder the last JSON or HTML export went to ("" if none, or it is gone)."""
        folder = str(self.store.value("export/folder", "") or "")
        return folder if folder and Path(folder).is_dir() else ""

    def save_export_folder(self, folder: str) -> None:
        self.store.setValue("export/folder", folder)

    def geometry(self) -> tuple[QByteArray | None, QByteArray | None]:
        geometry, state = self.store.value("window/geometry"), self.store.value("window/state")
        return (
            geometry if isinstance(geometry, QByteArray) else None,
            state if isinstance(state, QByteArray) else None,
        )

    def save_geometry(self, geometry: QByteArray, state: QByteArray) -> None:
        self.store.setValue("window/geometry", geometry)
        self.store.setValue("window/state", state)
