"""Exported reports as a real browser sees them: Debian's headless Chromium, one launch for the whole module.

The file Parallax writes is only half the story: what counts is the DOM a browser builds from it (a stray
unescaped ``<`` would re-nest everything after it), whether the page logs errors, whether it tries to fetch
anything, and whether its styles really apply (print, dark mode, non-colour cues). One Chromium is driven over
the DevTools protocol on a pipe (``--remote-debugging-pipe``: plain JSON messages, no extra package), each
page in its own tab; a control page that does fetch and log proves the detectors see what they should.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import re
import select
import shutil
import struct
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from export_dom import (
    del_chars,
    expected_del_chars,
    expected_fact_ids,
    expected_ins_chars,
    expected_sentence_counts,
    fact_ids,
    ins_chars,
    parse,
    sentence_counts,
)
from shared_inputs import SEED

from desktop.core.model import Article, Comparison, Settings
from desktop.core.pipeline import compare
from desktop.core.resources import sample_paths
from desktop.core.sources.loading import load_article
from desktop.export import write_html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.skipif(
        CHROMIUM is None, reason="Debian's chromium is not installed (apt-get install -y chromium); browser checks"
    ),
    pytest.mark.slow,  # one browser start plus five pages: 4-11 s depending on machine load
]

WINDOW = (1400, 1000)
FLAGS = [
    "--headless",
    "--no-sandbox",  # tests run as root in a container, where Chromium's sandbox cannot start
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--remote-debugging-pipe",
]
TIMEOUT = 60.0

HOSTILE = (
    "Breaking <script>alert('x')</script> news\n\n"
    "The mayor <img src=x onerror=alert(1)> said 40 people came on Monday. "
    'Click <a href="javascript:alert(2)">here</a> now. '
    "This ends the style </style><script>alert(3)</script><link rel=stylesheet href=https://evil.example/x.css> block. "
    'Text areas </textarea><b onclick="alert(4)">close</b> early <iframe src="https://evil.example/"></iframe>. '
    "Bidi \u202egnp.exe\u202c trick and a \x00 null."
)
CONTROL = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>"
    "<img src='http://parallax-control.invalid/pixel.png'><script>console.error('control page error')</script>"
    "</body></html>"
)


class DevTools:
    """Chromium's DevTools protocol over ``--remote-debugging-pipe``: NUL-separated JSON on fds 3 (in) and 4 (out)."""

    def __init__(self, profile: Path) -> None:
        to_browser_read, self._write_fd = os.pipe()
        self._read_fd, from_browser_write = os.pipe()

        def attach_pipes() -> None:  # runs in the child: the browser expects its ends as fds 3 and 4
            a, b = os.dup(to_browser_read), os.dup(from_browser_write)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.process = subprocess.Popen(
            [str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            preexec_fn=attach_pipes,
            close_fds=False,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_browser_read)
        os.close(from_browser_write)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []

    def _receive(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([self._read_fd], [], [], remaining)[0]:
                raise TimeoutError("Chromium did not answer in time")
            chunk = os.read(self._read_fd, 1 << 16)
            if not chunk:
                raise EOFError("Chromium closed the DevTools pipe")
            self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        return json.loads(message)

    def call(self, method: str, params: dict[str, Any] | None = None, session: str | None = None) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._write_fd, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + TIMEOUT
        while True:
            reply = self._receive(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply["result"]
            self.events.append(reply)

    def wait_for(self, method: str, session: str) -> dict[str, Any]:
        deadline = time.monotonic() + TIMEOUT
        while True:
            for event in self.events:
                if event.get("method") == method and event.get("sessionId") == session:
                    self.events.remove(event)
                    return event
            self.events.append(self._receive(deadline))

    def close(self) -> None:
        with contextlib.suppress(OSError, EOFError, TimeoutError, RuntimeError):
            self.call("Browser.close")
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._read_fd)
        os.close(self._write_fd)


@dataclass
class Loaded:
    comparison: Comparison | None
    dom: str
    requests: list[str]  # every URL the page asked for after its own document (blocked or not)
    console: list[str]  # console calls, uncaught exceptions, and browser log entries (e.g. CSP violations)
    styles: dict[str, Any] = field(default_factory=dict)
    screenshot: bytes = b""
    pdf: bytes = b""


STYLE_PROBE = """(() => {
  const style = (selector, pseudo) => {
    const node = document.querySelector(selector);
    return node ? getComputedStyle(node, pseudo || null) : null;
  };
  const pick = (s, names) => s ? Object.fromEntries(names.map(n => [n, s.getPropertyValue(n)])) : null;
  return {
    body: pick(style("body"), ["background-color", "color"]),
    del: pick(style(".aligned del"), ["text-decoration-line"]),
    ins: pick(style(".aligned ins"), ["text-decoration-line"]),
    fact: pick(style(".aligned mark.fm"), ["text-decoration-line", "text-decoration-style", "font-weight"]),
    unique: pick(style(".aligned .s.un"), ["box-shadow"]),
    commentary: pick(style(".aligned .s.cm"), ["border-left-style"]),
    boilerplate: pick(style(".aligned .s.bp"), ["opacity"]),
    gap: pick(style(".aligned td.gap"), ["background-image"]),
    row: pick(style(".aligned tbody tr"), ["break-inside"]),
    sr: pick(style(".aligned .sr"), ["position", "width", "height"]),
  };
})()"""


def _load(browser: DevTools, url: str, *, capture: bool) -> Loaded:
    target = browser.call("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = browser.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    for domain in ("Page", "Runtime", "Log", "Network"):
        browser.call(f"{domain}.enable", session=session)
    metrics = {"width": WINDOW[0], "height": WINDOW[1], "deviceScaleFactor": 1, "mobile": False}
    browser.call("Emulation.setDeviceMetricsOverride", metrics, session=session)
    browser.call("Page.navigate", {"url": url}, session=session)
    browser.wait_for("Page.loadEventFired", session)
    root = browser.call("DOM.getDocument", {"depth": 0}, session=session)["root"]["nodeId"]
    dom = browser.call("DOM.getOuterHTML", {"nodeId": root}, session=session)["outerHTML"]

    def probe(media: str, scheme: str) -> Any:
        features = [{"name": "prefers-color-scheme", "value": scheme}]
        browser.call("Emulation.setEmulatedMedia", {"media": media, "features": features}, session=session)
        found = browser.call("Runtime.evaluate", {"expression": STYLE_PROBE, "returnByValue": True}, session=session)
        return found["result"]["value"]

    loaded = Loaded(None, dom, [], [])
    if capture:
        loaded.styles = {
            "light": probe("screen", "light"),
            "dark": probe("screen", "dark"),
            "print": probe("print", "light"),
        }
        browser.call("Emulation.setEmulatedMedia", {"media": "", "features": []}, session=session)
        loaded.screenshot = base64.b64decode(
            browser.call("Page.captureScreenshot", {"format": "png"}, session=session)["data"]
        )
        pdf = browser.call("Page.printToPDF", {"preferCSSPageSize": True}, session=session)
        loaded.pdf = base64.b64decode(pdf["data"])
    browser.call("Target.closeTarget", {"targetId": target})
    for event in [e for e in browser.events if e.get("sessionId") == session]:
        browser.events.remove(event)
        method, params = event["method"], event["params"]
        if method == "Network.requestWillBeSent" and params["request"]["url"] != url:
            loaded.requests.append(params["request"]["url"])
        elif method == "Runtime.consoleAPICalled":
            loaded.console.append(f"console.{params['type']}: {params.get('args')}")
        elif method == "Runtime.exceptionThrown":
            loaded.console.append(f"exception: {params['exceptionDetails'].get('text')}")
        elif method == "Log.entryAdded":
            loaded.console.append(f"{params['entry']['level']}: {params['entry']['text']}")
    return loaded


def _seed_pair() -> list[Article]:
    """The real German seed article against a literal rewrite: a word swapped, a name and paragraphs dropped."""
    original = SEED.read_text(encoding="utf-8")
    edits = [
        ("Der ukrainische Machthaber", "Der ukrainische Präsident"),
        ("Senator Lindsey Graham und Senator Richard Blumenthal", "Senator Lindsey Graham"),
        ("Mit der direkten Übernahme des NATO-Vokabulars", "Mit diesen Worten"),
        (
            "Durch die Sperrung von RT",
            "Die Gespräche sollen im Herbst fortgesetzt werden.\n\nDurch die Sperrung von RT",
        ),
    ]
    rewrite = original
    for old, new in edits:
        assert old in rewrite, f"the seed changed: {old!r} is gone"
        rewrite = rewrite.replace(old, new)
    rewrite = rewrite.split("\n\nDurch die Sperrung von RT")[0]
    return [
        Article("A", str(SEED), original, title="Seed (original)", language="de"),
        Article("B", "rewrite.txt", rewrite, title="Seed (rewrite)", language="de"),
    ]


def _comparisons() -> dict[str, Comparison]:
    found = {}
    for event in ("en", "de"):
        paths = sample_paths(event)
        found[event] = compare([load_article(str(p), aid) for p, aid in zip(paths, "ABC", strict=False)])
    if SEED.exists():
        found["seed"] = compare(_seed_pair())
    hostile = Article("A", "javascript:alert(1)", HOSTILE, title="<script>alert('t')</script>", language="en")
    plain = Article("B", 'https://evil.example/"><script>alert(2)</script>', "Headline\n\nThe mayor said 40 came.")
    found["hostile"] = compare([hostile, plain], Settings(threshold=0.4))
    return found


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Loaded]:
    folder = tmp_path_factory.mktemp("chromium")
    comparisons = _comparisons()
    pages: dict[str, Path] = {}
    for name, comparison in comparisons.items():
        pages[name] = folder / f"{name}.html"
        write_html(comparison, pages[name], notes={"comparison": f"{name} <b>note</b>"})
    pages["control"] = folder / "control.html"
    pages["control"].write_text(CONTROL, encoding="utf-8")

    browser = DevTools(folder / "profile")
    try:
        results = {name: _load(browser, page.as_uri(), capture=name == "en") for name, page in pages.items()}
    finally:
        browser.close()
    for name, result in results.items():
        result.comparison = comparisons.get(name)
    return results


REPORTS = ["en", "de", "seed", "hostile"]


def _report(loaded: dict[str, Loaded], name: str) -> Loaded:
    if name not in loaded:
        pytest.skip(f"{name}: input not available ({SEED} missing)")
    return loaded[name]


def test_detectors_see_a_page_that_fetches_and_logs(loaded):
    control = loaded["control"]
    assert any("parallax-control.invalid" in url for url in control.requests)
    assert any("control page error" in line for line in control.console)


@pytest.mark.parametrize("name", REPORTS)
def test_browser_dom_highlight_counts_equal_the_json_summary(loaded, name):
    report = _report(loaded, name)
    root, _ = parse(report.dom)
    assert sentence_counts(root) == expected_sentence_counts(report.comparison)


@pytest.mark.parametrize("name", REPORTS)
def test_browser_dom_marks_every_missing_fact_and_word_change(loaded, name):
    report = _report(loaded, name)
    root, _ = parse(report.dom)
    assert fact_ids(root) == expected_fact_ids(report.comparison)
    assert ins_chars(root) == expected_ins_chars(report.comparison)
    assert del_chars(root) == expected_del_chars(report.comparison)


@pytest.mark.parametrize("name", REPORTS)
def test_page_logs_no_errors_or_policy_violations(loaded, name):
    assert _report(loaded, name).console == []


@pytest.mark.parametrize("name", REPORTS)
def test_page_requests_nothing_beyond_its_own_file(loaded, name):
    assert _report(loaded, name).requests == []


def test_hostile_article_builds_no_active_elements_in_the_browser(loaded):
    root, attribute_lists = parse(loaded["hostile"].dom)
    for tag in ("script", "img", "iframe", "link", "textarea", "svg"):
        assert not root.find_all(tag), tag
    assert len(root.find_all("style")) == 1
    names = {name.lower() for _, attrs in attribute_lists for name, _ in attrs}
    assert not {n for n in names if n.startswith("on")}
    assert "src" not in names


def test_highlights_differ_by_more_than_colour(loaded):
    styles = loaded["en"].styles["light"]
    assert styles["del"]["text-decoration-line"] == "line-through"
    assert styles["ins"]["text-decoration-line"] == "underline"
    assert styles["fact"]["text-decoration-style"] == "dotted" and int(styles["fact"]["font-weight"]) >= 700
    assert "inset" in styles["unique"]["box-shadow"]
    assert styles["commentary"]["border-left-style"] == "dashed"
    assert "repeating-linear-gradient" in styles["gap"]["background-image"]
    assert styles["sr"] == {"position": "absolute", "width": "1px", "height": "1px"}


def test_dark_mode_turns_the_page_dark(loaded):
    def brightness(colour: str) -> float:
        red, green, blue = (int(v) for v in re.findall(r"\d+", colour)[:3])
        return (red + green + blue) / 3

    styles = loaded["en"].styles
    assert brightness(styles["light"]["body"]["background-color"]) > 200
    assert brightness(styles["dark"]["body"]["background-color"]) < 60
    assert brightness(styles["dark"]["body"]["color"]) > 180


def test_print_is_landscape_and_keeps_rows_whole(loaded):
    report = loaded["en"]
    assert report.styles["print"]["row"]["break-inside"] == "avoid"
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", report.pdf)
    assert boxes, "no page in the printed PDF"
    assert all(float(width) > float(height) for width, height in boxes)


def test_screenshot_is_a_png_of_the_window_size(loaded):
    shot = loaded["en"].screenshot
    assert shot[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", shot[16:24]) == WINDOW
    assert len(shot) > 20_000  # a blank page compresses to a few KB
