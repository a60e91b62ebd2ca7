"""Fetching articles over http(s) from a local server: extraction, limits, redirects and network failures."""

from __future__ import annotations

import gzip
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from desktop.core.sources.errors import LoadError
from desktop.core.sources.fetch import fetch
from desktop.core.sources.loading import load_article

ARTICLE = (
    "<html><head><title>Brücke in Nordstadt gesperrt</title>"
    '<meta property="og:site_name" content="Nordstädter Tageblatt"></head><body>'
    "<nav><a href='/'>Startseite</a><a href='/politik'>Politik</a></nav>"
    "<article><h1>Brücke in Nordstadt gesperrt</h1>"
    "<p>Die Alte Brücke in Nordstadt ist seit Montag für den Verkehr gesperrt, teilte die Stadt mit.</p>"
    "<p>Ein Gutachten hatte Risse in zwei Pfeilern gefunden; die Reparatur soll acht Monate dauern.</p>"
    "</article><footer>Impressum</footer></body></html>"
)

# path -> (status, headers, body); a callable body is called with the handler to stream or stall
ROUTES: dict[str, tuple[int, dict[str, str], bytes]] = {
    "/article.html": (200, {"Content-Type": "text/html; charset=utf-8"}, ARTICLE.encode()),
    "/cp1252.html": (200, {"Content-Type": "text/html; charset=windows-1252"}, ARTICLE.encode("cp1252")),
    "/plain": (200, {"Content-Type": "text/plain; charset=utf-8"}, b"Kurze Meldung\n\nDer Text."),
    "/empty": (200, {"Content-Type": "text/html"}, b""),
    "/gzip.html": (200, {"Content-Type": "text/html", "Content-Encoding": "gzip"}, gzip.compress(ARTICLE.encode())),
    "/bomb.html": (200, {"Content-Type": "text/html", "Content-Encoding": "gzip"}, gzip.compress(b" " * 3_000_000)),
    "/image.png": (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n" + bytes(50)),
    "/zip-as-octets": (200, {"Content-Type": "application/octet-stream"}, b"PK\x03\x04" + bytes(50)),
    "/big": (200, {"Content-Type": "text/html"}, b"<p>" + b"x" * 5000 + b"</p>"),
    "/missing": (404, {"Content-Type": "text/html"}, b"<p>Not here</p>"),
    "/forbidden": (403, {"Content-Type": "text/html"}, b"<p>Bots not welcome</p>"),
    "/notes.md": (
        200,
        {"Content-Type": "text/plain; charset=utf-8"},
        b"# Kurz **notiert**\n\nEin [Satz](https://x.org).",
    ),
    "/to-article": (302, {"Location": "/article.html"}, b""),
    "/to-file": (302, {"Location": "file:///etc/passwd"}, b""),
    "/to-ftp": (301, {"Location": "ftp://127.0.0.1/secret.txt"}, b""),
    "/loop": (302, {"Location": "/loop"}, b""),
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/slow":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(40):  # trickles a byte every 0.05 s: each read is quick, the whole answer is not
                self.wfile.write(b" ")
                self.wfile.flush()
                time.sleep(0.05)
            return
        if self.path == "/stream":  # no Content-Length: the size shows only while reading
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(10):
                    self.wfile.write(b"<p>" + b"y" * 500 + b"</p>")
            except (BrokenPipeError, ConnectionResetError):  # the reader stops once it has seen enough
                pass
            return
        status, headers, body = ROUTES.get(self.path, (404, {}, b""))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # the stdlib's signature; keeps test output quiet
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)


def reason_for(source: str) -> str:
    with pytest.raises(LoadError) as caught:
        load_article(source, "A")
    assert caught.value.source == source
    return caught.value.reason


def test_url_is_fetched_and_extracted_like_a_saved_page(server: str) -> None:
    url = f"{server}/article.html"
    article = load_article(url, "B")
    assert article.path == url
    assert article.title == "Brücke in Nordstadt gesperrt"
    assert article.source == "Nordstädter Tageblatt"
    assert "Die Alte Brücke in Nordstadt ist seit Montag für den Verkehr gesperrt" in article.text
    assert "Startseite" not in article.text
    assert "Impressum" not in article.text


def test_charset_from_the_http_header(server: str) -> None:
    assert "Ein Gutachten hatte Risse in zwei Pfeilern gefunden" in load_article(f"{server}/cp1252.html", "A").text


def test_plain_text_url_is_kept_as_text(server: str) -> None:
    article = load_article(f"{server}/plain", "A")
    assert (article.text, article.title) == ("Kurze Meldung\n\nDer Text.", "Kurze Meldung")


def test_gzip_encoded_answer_is_inflated(server: str) -> None:
    assert "Risse in zwei Pfeilern" in load_article(f"{server}/gzip.html", "A").text


def test_redirect_to_a_web_page_is_followed(server: str) -> None:
    assert "Risse in zwei Pfeilern" in load_article(f"{server}/to-article", "A").text


def test_redirect_to_file_is_refused(server: str) -> None:
    assert reason_for(f"{server}/to-file").startswith("refused a redirect to a non-web address")


def test_redirect_to_ftp_is_refused(server: str) -> None:
    assert reason_for(f"{server}/to-ftp") == "refused a redirect to a non-web address (ftp://127.0.0.1/secret.txt)"


def test_redirect_loop_ends(server: str) -> None:
    assert reason_for(f"{server}/loop") == "too many redirects (the page redirects in a loop)"


def test_http_error_status(server: str) -> None:
    assert reason_for(f"{server}/missing") == "the server answered HTTP 404 Not Found"


def test_empty_page(server: str) -> None:
    assert reason_for(f"{server}/empty") == "the page is empty"


def test_image_is_refused_by_content_type(server: str) -> None:
    assert reason_for(f"{server}/image.png") == "not a web page or text (the server sent image/png)"


def test_untyped_archive_is_refused_by_magic(server: str) -> None:
    assert reason_for(f"{server}/zip-as-octets") == "not a text file (looks like ZIP archive)"


def test_declared_length_over_the_limit_is_refused_before_reading(server: str) -> None:
    with pytest.raises(LoadError, match=r"too large: 0 MB, the limit is 0 MB"):
        fetch(f"{server}/big", max_bytes=1000)


def test_undeclared_length_over_the_limit_stops_while_reading(server: str) -> None:
    with pytest.raises(LoadError, match="too large: over the"):
        fetch(f"{server}/stream", max_bytes=2000)


def test_compression_bomb_stops_at_the_limit(server: str) -> None:
    with pytest.raises(LoadError, match="once decompressed"):
        fetch(f"{server}/bomb.html", max_bytes=1_000_000)


def test_trickling_server_meets_the_deadline(server: str) -> None:
    with pytest.raises(LoadError, match=r"no complete answer within 0.5 s"):
        fetch(f"{server}/slow", timeout=0.5)


def test_tls_to_a_plain_http_server_fails_clearly(server: str) -> None:
    reason = reason_for(server.replace("http://", "https://") + "/article.html")
    assert reason.startswith("the TLS handshake failed")


def test_dns_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_such_host(*_args: object, **_kwargs: object) -> None:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    reason = reason_for("https://no-such-host.invalid/a")
    assert reason == "cannot find the server no-such-host.invalid (DNS lookup failed)"


def test_refused_connection() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert reason_for(f"http://127.0.0.1:{port}/") == "the server 127.0.0.1 refused the connection"


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://", "not a valid web address (no host name)"),
        ("http://127.0.0.1:99999/", "not a valid web address (bad port number)"),
    ],
)
def test_malformed_addresses(url: str, reason: str) -> None:
    assert reason_for(url) == reason


def test_forbidden_suggests_saving_the_page(server: str) -> None:
    reason = reason_for(f"{server}/forbidden")
    assert reason.startswith("the server answered HTTP 403 Forbidden (the site may refuse automated downloads")


def test_markdown_served_as_plain_text_is_stripped(server: str) -> None:
    article = load_article(f"{server}/notes.md", "A")
    assert (article.text, article.title) == ("Kurz notiert\n\nEin Satz.", "Kurz notiert")
