"""Hostile web servers, on 127.0.0.1 only: what ``test_loading_fetch`` does not already cover.

Covered there: file:// and ftp:// refused, a 302 to file:// or ftp:// refused, redirect loops, declared size over
the limit, gzip bombs, a trickling server, TLS spoken to a plain-HTTP port, DNS failure, refused connection.
Added here: an untrusted (self-signed) certificate, an undeclared body over the limit, a server that accepts and
never answers, every redirect status and non-web scheme, and the CLI line for a URL that fails.
Exported HTML (scripts, handlers, javascript: links, </style> breakouts, bidi overrides) is pinned in
``test_export_html``; Qt rich text in ``tests/ui/test_ui_models``; bidi controls never reach either, the loader
drops them (``test_loading_properties``).
"""

from __future__ import annotations

import shutil
import socket
import ssl
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.core.resources import sample_paths
from desktop.core.sources.errors import LoadError
from desktop.core.sources.fetch import fetch
from desktop.core.sources.loading import load_article


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"  # the body ends when the connection closes: no Content-Length needed

    def do_GET(self) -> None:
        if self.path.startswith("/redirect/"):
            _, _, status, scheme = self.path.split("/", 3)
            self.send_response(int(status))
            self.send_header("Location", f"{scheme}:" + ("//127.0.0.1/x" if scheme in {"file", "ftp"} else "alert(1)"))
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        if self.path == "/endless":  # no Content-Length, never stops on its own
            chunk = b"<p>" + b"x" * 65_536 + b"</p>"
            try:
                for _ in range(200):
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        self.wfile.write(b"<html><body><article><p>Ein Satz aus dem Netz, lang genug.</p></article></body></html>")

    def log_message(self, format: str, *args: object) -> None:  # the stdlib's signature; keeps output quiet
        pass


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)


def serve(httpd: ThreadingHTTPServer) -> Iterator[int]:
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd.server_address[1]
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def http_port() -> Iterator[int]:
    yield from serve(ThreadingHTTPServer(("127.0.0.1", 0), Handler))


@pytest.fixture(scope="module")
def https_port(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a self-signed certificate")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    yield from serve(httpd)


def reason_for(url: str) -> str:
    with pytest.raises(LoadError) as caught:
        load_article(url, "A")
    assert caught.value.source == url
    return caught.value.reason


def test_self_signed_certificate_is_not_trusted(https_port: int) -> None:
    reason = reason_for(f"https://127.0.0.1:{https_port}/article")
    assert reason.startswith("the TLS certificate is not trusted (")
    assert "self" in reason  # "self-signed certificate", in OpenSSL's words


def test_undeclared_body_over_the_limit_stops_at_the_limit(http_port: int) -> None:
    with pytest.raises(LoadError, match=r": too large: over the 1 MB limit$"):
        fetch(f"http://127.0.0.1:{http_port}/endless", max_bytes=1024 * 1024)


def test_server_that_accepts_and_never_answers_meets_the_deadline() -> None:
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()  # the kernel completes the handshake; nobody ever reads or writes
        port = silent.getsockname()[1]
        with pytest.raises(LoadError) as caught:
            fetch(f"http://127.0.0.1:{port}/", timeout=0.5)
    assert caught.value.reason in {"no answer within 0.5 s", "no complete answer within 0.5 s"}


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
@pytest.mark.parametrize("scheme", ["file", "ftp", "javascript", "data"])
def test_every_redirect_to_a_non_web_scheme_is_refused(http_port: int, status: int, scheme: str) -> None:
    reason = reason_for(f"http://127.0.0.1:{http_port}/redirect/{status}/{scheme}")
    assert reason.startswith("refused a redirect to a non-web address")


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        ("file:///etc/passwd", "only http:// and https:// addresses can be fetched"),
        ("javascript://alert(1)", "only http:// and https:// addresses can be fetched"),
        ("http://", "not a valid web address (no host name)"),
    ],
)
def test_cli_names_the_address_and_still_compares_the_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], source: str, reason: str
) -> None:
    good = [str(path) for path in sample_paths("en")[:2]]
    out = tmp_path / "out.json"
    assert main(["compare", source, *good, "--json", str(out), "--quiet"]) == 2
    assert capsys.readouterr().err.splitlines() == [f"parallax: error: {source}: {reason}"]
    assert out.exists()
