"""Packaging checks fast enough for ``make test``: the wheel's contents, the version, the desktop metadata.

The PyInstaller build itself takes minutes; ``make dist`` builds it and runs ``packaging/smoke_test.py`` on it.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
import zipfile
from configparser import ConfigParser
from pathlib import Path

import pytest

from desktop import __version__
from desktop.cli import main
from desktop.core import resources

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
APP_ID = "io.github.parallaxapp.Parallax"
ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)


def desktop_entry() -> ConfigParser:
    parser = ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(PACKAGING / f"{APP_ID}.desktop", encoding="utf-8")
    return parser


def metainfo() -> ET.Element:
    return ET.parse(PACKAGING / f"{APP_ID}.metainfo.xml").getroot()


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("wheel")
    command = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", str(out)]
    subprocess.run([*command, str(ROOT)], check=True, capture_output=True)
    (built,) = out.glob("parallax-*.whl")
    return zipfile.ZipFile(built)


@pytest.mark.slow
def test_wheel_carries_every_resource_file(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    expected = {
        "desktop/resources/" + path.relative_to(ROOT / "resources").as_posix()
        for path in (ROOT / "resources").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    assert expected - names == set()
    for wanted in (
        "desktop/resources/samples/en/1-wire.txt",
        "desktop/resources/lexicons/commentary-de.txt",
        "desktop/resources/templates/report.html.j2",
        "desktop/resources/styles/parallax.qss",
        "desktop/resources/icons/parallax.svg",
        f"desktop/resources/icons/hicolor/256x256/apps/{APP_ID}.png",
    ):
        assert wanted in names


@pytest.mark.slow
def test_wheel_carries_every_package_and_the_command(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "desktop").rglob("*.py")}
    assert modules - names == set()
    assert not [n for n in names if n.startswith(("tests/", "packaging/", "benchmarks/"))]
    info = f"parallax-{__version__}.dist-info"
    assert f"Version: {__version__}\n" in wheel.read(f"{info}/METADATA").decode()
    assert "parallax = desktop.cli:run" in wheel.read(f"{info}/entry_points.txt").decode()


def test_version_flag_prints_the_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out == f"parallax {__version__}\n"


@pytest.mark.slow  # a fresh interpreter importing the whole CLI: seconds on a loaded machine
def test_installed_command_prints_the_package_version() -> None:
    command = Path(sys.executable).parent / "parallax"
    if not command.exists():
        pytest.skip(f"no installed parallax command beside {sys.executable}")
    done = subprocess.run([str(command), "--version"], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == f"parallax {__version__}"


def test_version_has_one_source() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert "version" in project["dynamic"] and "version" not in project
    releases = metainfo().findall("releases/release")
    assert releases[0].get("version") == __version__  # the newest release is listed first
    assert f"## [{__version__}]" in (ROOT / "docs" / "CHANGELOG.md").read_text(encoding="utf-8")


def test_app_id_is_the_same_everywhere() -> None:
    entry = desktop_entry()["Desktop Entry"]
    info = metainfo()
    assert info.findtext("id") == APP_ID
    assert info.findtext("launchable") == f"{APP_ID}.desktop"
    assert entry["Icon"] == APP_ID
    assert f'setDesktopFileName("{APP_ID}")' in (ROOT / "desktop" / "ui" / "app.py").read_text(encoding="utf-8")
    assert f'bundle_identifier="{APP_ID}"' in (PACKAGING / "parallax.spec").read_text(encoding="utf-8")
    icons = sorted((ROOT / "resources" / "icons" / "hicolor").glob("*/apps/*.png"))
    assert {p.stem for p in icons} == {APP_ID}


def test_desktop_entry_and_metainfo_start_the_installed_command() -> None:
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    entry = desktop_entry()["Desktop Entry"]
    assert entry["Exec"].split()[0] in scripts
    assert metainfo().findtext("provides/binary") in scripts


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n" and header[12:16] == b"IHDR", f"{path} is not a PNG"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


@pytest.mark.parametrize("size", ICON_SIZES)
def test_hicolor_icons_have_the_size_their_folder_names(size: int) -> None:
    icon = ROOT / "resources" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    assert png_size(icon) == (size, size)


def test_desktop_file_validates() -> None:
    if shutil.which("desktop-file-validate") is None:
        pytest.skip("desktop-file-validate not installed (Debian package desktop-file-utils; make test installs it)")
    done = subprocess.run(
        ["desktop-file-validate", str(PACKAGING / f"{APP_ID}.desktop")], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "error" not in done.stdout.lower()


def test_metainfo_validates() -> None:
    if shutil.which("appstreamcli") is None:
        pytest.skip("appstreamcli not installed (Debian package appstream; make test installs it)")
    done = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(PACKAGING / f"{APP_ID}.metainfo.xml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_frozen_build_finds_resources_in_its_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundled = tmp_path / "resources" / "samples" / "en"
    bundled.mkdir(parents=True)
    (bundled / "1-only.txt").write_text("Only one.", encoding="utf-8")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.resources_root() == tmp_path / "resources"
    assert resources.sample_paths("en") == [bundled / "1-only.txt"]
