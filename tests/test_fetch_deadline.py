"""Issue 16 item 4: one deadline for the whole fetch (headers and every redirect included), and no redirect
from a public address to a loopback, private or link-local one."""

from __future__ import annotations

import ipaddress
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

from desktop.core.sources import fetch as fetch_module
from desktop.core.sources.errors import LoadError
from desktop.core.sources.fetch import fetch

PAGE = b"<html><head><title>T</title></head><body><p>The bridge opened on Monday.</p></body></html>"


class Handler(BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        Handler.hits.append(f"{self.server.server_address[0]}{self.path}")
        if self.path == "/drip-headers":  # a header byte every 0.1 s: each read is quick, the headers never end
            self.wfile.write(b"HTTP/1.1 200 OK\r\n")
            for _ in range(150):
                self.wfile.write(b"X")
                self.wfile.flush()
                time.sleep(0.1)
            return
        if self.path.startswith("/hop/"):  # nine slow redirects, each well inside the per-read timeout
            number = int(self.path.rsplit("/", 1)[1])
            time.sleep(0.4)
            target = f"/hop/{number + 1}" if number < 8 else "/page"
            self.send_response(302)
            self.send_header("Location", target)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if self.path.startswith("/to/"):
            self.send_response(302)
            self.send_header("Location", "http://" + self.path[len("/to/") :])
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)

    def log_message(self, format: str, *args: object) -> None:
        pass


def _serve(host: str) -> Iterator[str]:
    httpd = ThreadingHTTPServer((host, 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"{host}:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def server() -> Iterator[str]:
    Handler.hits = []
    yield from _serve("127.0.0.1")


@pytest.fixture
def internal() -> Iterator[str]:
    """A second server on another loopback address, standing in for an internal service."""
    yield from _serve("127.0.0.2")


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)


def test_headers_dripped_byte_by_byte_meet_the_deadline(server: str) -> None:
    started = time.monotonic()
    with pytest.raises(LoadError, match=r"no complete answer within 1 s"):
        fetch(f"http://{server}/drip-headers", timeout=1.0)
    assert time.monotonic() - started < 3.0


def test_a_chain_of_slow_redirects_meets_one_deadline(server: str) -> None:
    started = time.monotonic()
    with pytest.raises(LoadError, match=r"no complete answer within 1.5 s"):
        fetch(f"http://{server}/hop/0", timeout=1.5)
    assert time.monotonic() - started < 3.5


def test_slow_redirects_inside_the_deadline_still_arrive(server: str) -> None:
    assert fetch(f"http://{server}/hop/6", timeout=10).data == PAGE


def test_a_redirect_from_a_public_address_to_an_internal_one_is_refused(
    server: str, internal: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = fetch_module._is_public
    monkeypatch.setattr(fetch_module, "_is_public", lambda ip: str(ip) == "127.0.0.1" or real(ip))
    with pytest.raises(LoadError, match=r"refused a redirect from a public address to a local or private one"):
        fetch(f"http://{server}/to/{internal}/admin", timeout=5)
    assert not any(hit.startswith("127.0.0.2") for hit in Handler.hits)  # not a byte was sent to it


def test_a_redirect_between_local_addresses_is_followed(server: str, internal: str) -> None:
    """A page on the user's own machine or intranet (not public to begin with) may redirect locally."""
    assert fetch(f"http://{server}/to/{internal}/page", timeout=5).data == PAGE


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("93.184.216.34", True),
        ("2606:4700::1111", True),
        ("127.0.0.1", False),
        ("10.1.2.3", False),
        ("172.16.0.1", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),
        ("100.64.0.1", False),
        ("0.0.0.0", False),
        ("::1", False),
        ("fe80::1", False),
        ("fd00::1", False),
        ("::ffff:10.0.0.1", False),
        ("::ffff:93.184.216.34", True),
        ("224.0.0.1", False),
    ],
)
def test_which_addresses_count_as_public(address: str, public: bool) -> None:
    assert fetch_module._is_public(ipaddress.ip_address(address)) is public
