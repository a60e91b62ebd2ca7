"""Find bundled resources (samples, lexicons, templates, icons) from a checkout, a wheel or a frozen build."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_root() -> Path:
    """The ``resources`` folder: beside the package in a checkout, inside it when installed or frozen."""
    frozen = getattr(sys, "_MEIPASS", None)
    candidates = [Path(frozen) / "resources"] if frozen else []
    package = Path(__file__).resolve().parents[1]
    candidates += [package / "resources", package.parent / "resources"]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("Parallax resources folder not found; the installation is incomplete")


def resource_path(*parts: str) -> Path:
    return resources_root().joinpath(*parts)


def sample_paths(event: str = "en") -> list[Path]:
    """One bundled sample event (``en`` or ``de``): its articles in reading order (file names sort)."""
    return sorted(p for p in resource_path("samples", event).iterdir() if p.suffix in {".txt", ".md", ".html"})
