"""Smoke test of a built Parallax: the frozen folder's executable or the ``parallax`` command of an installed wheel.

Usage: ``python packaging/smoke_test.py PATH/TO/parallax [--label NAME]`` (run from anywhere; the checkout is found
from this file). It runs the command headless as a user would and checks what comes out:

- ``parallax --version`` prints the checkout's ``desktop.__version__``;
- ``parallax compare`` on the bundled samples writes JSON (schema, articles, groups) and an HTML report naming every
  article title, and the comparison equals the one the checkout computes from the same samples — so a data file
  the build left out (a lexicon, trafilatura's settings) shows up as a different result, not a silent fallback;
- the HTML and Markdown format samples go through the same check (web-page extraction with trafilatura), and so
  does the German/English pair (the sentence encoder's bundled weights);
- ``parallax batch`` without its extra fails with a message, not a traceback;
- the GUI opens offscreen, paints its first comparison and closes (``PARALLAX_QUIT_AFTER_MS``) with exit code 0;
  where ``xvfb-run`` exists (Debian ``xvfb``), once more on the X11 platform plugin under Xvfb.

Standard library only, so it runs under any Python 3.11. Prints one timing line per step; exits 1 on failure.
"""

from __future__ import annotations

import argparse
import ast
import html
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[1]
SCHEMA = "parallax/comparison-v1"
GUI_LIMIT_MS = 90_000
TIMEOUT_S = 180


class SmokeFailure(Exception):
    pass


@dataclass(frozen=True)
class Run:
    returncode: int
    stdout: str
    stderr: str
    seconds: float


def checkout_version() -> str:
    """``__version__`` read from the source, so the check does not depend on which ``desktop`` is importable."""
    tree = ast.parse((CHECKOUT / "desktop" / "__init__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "__version__" for t in node.targets):
            return str(ast.literal_eval(node.value))
    raise SmokeFailure("desktop/__init__.py has no __version__")


def isolated_env(home: Path, **extra: str) -> dict[str, str]:
    """A throw-away home, so the run neither reads nor writes the user's settings, library or caches."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PARALLAX_", "XDG_", "QT_"))}
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_RUNTIME_DIR=str(home / "runtime"),
        LC_ALL="C.UTF-8",
    )
    env.update(extra)
    (home / "runtime").mkdir(parents=True, exist_ok=True, mode=0o700)
    return env


def run(command: list[str], env: dict[str, str], cwd: Path) -> Run:
    started = time.perf_counter()
    done = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True, timeout=TIMEOUT_S, check=False)
    return Run(done.returncode, done.stdout, done.stderr, time.perf_counter() - started)


def expect(condition: bool, message: str, result: Run | None = None) -> None:
    if not condition:
        if result is not None:
            message += f"\n--- exit {result.returncode}\n--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}"
        raise SmokeFailure(message)


def comparable(document: dict[str, object]) -> dict[str, object]:
    """The comparison without the articles' absolute paths, which differ between checkout, wheel and bundle."""
    articles = []
    for article in document["articles"]:  # type: ignore[attr-defined]
        articles.append({**article, "path": Path(article["path"]).name})
    return {**document, "articles": articles}


def check_outputs(json_path: Path, html_path: Path, reference: Path, articles: int) -> None:
    document = json.loads(json_path.read_text(encoding="utf-8"))
    expect(document.get("schema") == SCHEMA, f"{json_path.name}: schema {document.get('schema')!r}, not {SCHEMA}")
    expect(len(document["articles"]) == articles, f"{json_path.name}: {len(document['articles'])} articles")
    expect(len(document["alignments"]) > 0, f"{json_path.name}: no alignment groups")
    titles = [a["title"] for a in document["articles"]]
    expect(all(titles), f"{json_path.name}: an article without a title: {titles}")
    report = html_path.read_text(encoding="utf-8")
    missing = [t for t in titles if html.escape(t, quote=False) not in report]
    expect(not missing, f"{html_path.name}: the report lacks the titles {missing}")
    expected, actual = comparable(json.loads(reference.read_text(encoding="utf-8"))), comparable(document)
    differing = [key for key in expected if actual.get(key) != expected[key]]
    expect(not differing, f"{json_path.name}: {differing} differ from the checkout's comparison of the same files")


def compare_step(command: list[str], inputs: list[str], work: Path, name: str, articles: int) -> float:
    """Compare ``inputs`` with the built command and with the checkout; both must agree."""
    out = work / name
    out.mkdir()
    env = isolated_env(work / f"home-{name}")
    reference = run([sys.executable, str(CHECKOUT / "main.py"), "compare", *inputs, "--json", str(out / "ref.json")],
                    env, out)
    expect(reference.returncode == 0, f"the checkout could not compare {name}", reference)
    built = run([*command, "compare", *inputs, "--json", str(out / "c.json"), "--html", str(out / "c.html")], env, out)
    expect(built.returncode == 0, f"compare {name} failed", built)
    expect("Traceback" not in built.stderr, f"compare {name} printed a traceback", built)
    check_outputs(out / "c.json", out / "c.html", out / "ref.json", articles)
    return built.seconds


def smoke(command: list[str], label: str) -> None:
    version = checkout_version()
    with tempfile.TemporaryDirectory(prefix="parallax-smoke-") as temp:
        work = Path(temp)
        env = isolated_env(work / "home")

        result = run([*command, "--version"], env, work)
        expect(result.returncode == 0 and result.stdout.strip() == f"parallax {version}",
               f"--version: expected 'parallax {version}'", result)
        print(f"[{label}] --version: {result.stdout.strip()} in {result.seconds:.2f} s")

        seconds = compare_step(command, [], work, "samples", articles=3)
        print(f"[{label}] compare on the bundled samples: JSON and HTML checked in {seconds:.2f} s")

        formats = sorted(str(p) for p in (CHECKOUT / "resources" / "samples" / "formats").iterdir())
        seconds = compare_step(command, formats, work, "formats", articles=len(formats))
        print(f"[{label}] compare on the HTML/Markdown samples: same result as the checkout in {seconds:.2f} s")

        cross = sorted(str(p) for p in (CHECKOUT / "resources" / "samples" / "cross").iterdir())
        seconds = compare_step(command, cross, work, "cross", articles=len(cross))
        print(f"[{label}] compare German with English (sentence vectors): same as the checkout in {seconds:.2f} s")

        result = run([*command, "batch", str(work / "none.jsonl"), "--out", str(work / "batch")], env, work)
        expect(result.returncode != 0 and "parallax: error:" in result.stderr and "Traceback" not in result.stderr,
               "batch without its corpus should fail with a message", result)
        print(f"[{label}] batch: {result.stderr.strip().splitlines()[-1]}")

        seconds = gui_step(command, work, "offscreen", [])
        print(f"[{label}] GUI offscreen: opened, painted the samples and closed in {seconds:.2f} s")
        if shutil.which("xvfb-run"):  # the platform plugin users get, with the X libraries the bundle kept
            seconds = gui_step(command, work, "xcb", ["xvfb-run", "--auto-servernum", "-s", "-screen 0 1600x1000x24"])
            print(f"[{label}] GUI on X (Xvfb): opened, painted the samples and closed in {seconds:.2f} s")


def gui_step(command: list[str], work: Path, platform: str, wrapper: list[str]) -> float:
    env = isolated_env(work / f"home-gui-{platform}", QT_QPA_PLATFORM=platform,
                       PARALLAX_QUIT_AFTER_MS=str(GUI_LIMIT_MS))
    result = run([*wrapper, *command, "--samples"], env, work)
    expect(result.returncode == 0, f"the GUI ({platform}) did not open and close cleanly", result)
    expect("first comparison painted, 3 articles" in result.stderr, f"the GUI ({platform}) painted nothing", result)
    expect("Traceback" not in result.stderr, f"the GUI ({platform}) printed a traceback", result)
    return result.seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("executable", help="the built parallax executable or the installed parallax command")
    parser.add_argument("--label", default="build", help="name printed before each line")
    args = parser.parse_args()
    executable = Path(args.executable).resolve()
    if not executable.is_file():
        print(f"smoke test: {executable} does not exist; build it first", file=sys.stderr)
        return 1
    try:
        smoke([str(executable)], args.label)
    except (SmokeFailure, subprocess.TimeoutExpired) as failure:
        print(f"[{args.label}] SMOKE TEST FAILED: {failure}", file=sys.stderr)
        return 1
    print(f"[{args.label}] smoke test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
