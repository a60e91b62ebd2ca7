"""Download one web page, refusing anything but http(s) and stopping at a size and time limit.

Fact-checkers paste links from e-mails and social media, so the address is untrusted: no ``file://``
or ``ftp://`` (not even through a redirect), no redirect from a public address to a loopback, private or
link-local one (checked on the address actually connected to, so DNS rebinding cannot slip past), no
unbounded body (a compressed reply is inflated only up to the limit), one deadline for the whole fetch
(connecting, every redirect, headers and body: a watchdog shuts the connection when it passes, so a server
dripping its headers cannot stretch it), and every network failure becomes one sentence a user can act on.
"""

from __future__ import annotations

import contextlib
import http.client
import ipaddress
import socket
import ssl
import threading
import time
import urllib.error
import urllib.request
import zlib
from dataclasses import dataclass
from typing import IO, Any
from urllib.parse import urlsplit

from desktop import __version__
from desktop.core.sources.errors import LoadError

MAX_BYTES = 20 * 1024 * 1024
TIMEOUT_SECONDS = 20.0
_CHUNK = 64 * 1024
_WEB_SCHEMES = ("http", "https")
# Types worth decoding; anything else (images, PDFs, archives, video) is refused before the body is read.
_TEXT_TYPES = ("text/", "application/xhtml", "application/xml", "application/rss", "application/atom")
_UNTYPED = ("", "application/octet-stream")
# News sites often refuse programs outright; the saved page works where the download does not.
_REFUSAL_HINT = " (the site may refuse automated downloads: save the page in your browser and open the .html file)"


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    data: bytes
    content_type: str  # lower-case media type without parameters, "" if the server sent none
    charset: str | None


class _WebOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """urllib follows redirects to ``ftp://`` by default; a page may only send us to another web page."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: http.client.HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        if urlsplit(newurl).scheme.lower() not in _WEB_SCHEMES:
            raise _RefusedRedirect(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class _RefusedRedirect(Exception):
    def __init__(self, target: str) -> None:
        super().__init__(target)
        self.target = target


class _RefusedAddress(Exception):
    def __init__(self, address: str) -> None:
        super().__init__(address)
        self.address = address


def _resolve(host: str, port: int, timeout: float) -> list[Any]:
    """``getaddrinfo`` with a time limit: it runs in a daemon thread, and a lookup still going at the limit is
    left behind (it cannot be interrupted) while the fetch fails with ``socket.timeout``."""
    found: dict[str, Any] = {}

    def lookup() -> None:
        try:
            found["infos"] = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except OSError as error:
            found["error"] = error

    worker = threading.Thread(target=lookup, name="parallax-resolve", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise TimeoutError(f"looking up {host} took longer than the deadline")
    if "error" in found:
        raise found["error"]
    return list(found["infos"])


def _is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


class _Watch:
    """One fetch's deadline and address rule, shared by every connection its redirects open.

    Each connection's socket is duplicated when it connects; when the deadline passes a timer shuts the
    duplicate down, which ends whatever read the fetching thread is blocked in. The first address connected
    to decides the rule: when it is public, every later one (a redirect) must be public too.
    """

    def __init__(self, seconds: float) -> None:
        self.end = time.monotonic() + seconds
        self.expired = False
        self.origin_public: bool | None = None
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._timer = threading.Timer(seconds, self.expire)
        self._timer.daemon = True
        self._timer.start()

    def remaining(self) -> float:
        return max(0.01, self.end - time.monotonic())

    def connect(self, address: tuple[str, int], timeout: Any = None, source_address: Any = None) -> socket.socket:
        sock = self._open(address, source_address)
        try:
            peer = ipaddress.ip_address(sock.getpeername()[0].split("%")[0])
            public = _is_public(peer)
            if self.origin_public is None:
                self.origin_public = public
            elif self.origin_public and not public:
                raise _RefusedAddress(str(peer))
            with self._lock:
                self._sockets.append(sock.dup())
                if self.expired:
                    self._shut_all()
        except BaseException:
            sock.close()
            raise
        return sock

    def _open(self, address: tuple[str, int], source_address: Any) -> socket.socket:
        """A connection to the first address the name resolves to that answers, the name lookup included in the
        deadline: ``socket.create_connection`` resolves without any time limit (a slow resolver held a fetch
        far past its deadline)."""
        host, port = address
        error: OSError = OSError(f"no address for {host}")
        for family, kind, proto, _name, sockaddr in _resolve(host, port, self.remaining()):
            sock = socket.socket(family, kind, proto)
            try:
                sock.settimeout(self.remaining())
                if source_address:
                    sock.bind(source_address)
                sock.connect(sockaddr)
                return sock
            except OSError as failed:
                sock.close()
                error = failed
        raise error

    def expire(self) -> None:
        with self._lock:
            self.expired = True
            self._shut_all()

    def _shut_all(self) -> None:
        for sock in self._sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        self._timer.cancel()
        with self._lock:
            for sock in self._sockets:
                sock.close()
            self._sockets.clear()


def _watched(base: type[http.client.HTTPConnection], watch: _Watch) -> type[http.client.HTTPConnection]:
    class Watched(base):  # type: ignore[valid-type, misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._create_connection = watch.connect

    return Watched


class _WatchedHTTP(urllib.request.HTTPHandler):
    def __init__(self, watch: _Watch) -> None:
        super().__init__()
        self._watch = watch

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_watched(http.client.HTTPConnection, self._watch), req)


class _WatchedHTTPS(urllib.request.HTTPSHandler):
    def __init__(self, watch: _Watch) -> None:
        self._tls = ssl.create_default_context()
        super().__init__(context=self._tls)
        self._watch = watch

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_watched(http.client.HTTPSConnection, self._watch), req, context=self._tls)


def fetch(url: str, *, timeout: float = TIMEOUT_SECONDS, max_bytes: int = MAX_BYTES) -> Fetched:
    """Fetch ``url``; raises ``LoadError(url, reason)`` for every way it can fail."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in _WEB_SCHEMES:
        raise LoadError(url, "only http:// and https:// addresses can be fetched")
    if not parts.hostname:
        raise LoadError(url, "not a valid web address (no host name)")
    try:
        parts.port  # noqa: B018 - urlsplit checks the port only when asked
    except ValueError:
        raise LoadError(url, "not a valid web address (bad port number)") from None
    watch = _Watch(timeout)
    try:
        fetched = _fetch(url, parts.hostname, watch, timeout, max_bytes)
        if watch.expired:  # a shut connection reads as the end of the body: that answer is cut short
            raise LoadError(url, f"no complete answer within {timeout:g} s")
        return fetched
    except LoadError:
        if watch.expired:  # the watchdog shut the connection: whatever broke, it was the deadline
            raise LoadError(url, f"no complete answer within {timeout:g} s") from None
        raise
    finally:
        watch.close()


def _fetch(url: str, hostname: str, watch: _Watch, timeout: float, max_bytes: int) -> Fetched:
    opener = urllib.request.build_opener(_WebOnlyRedirects(), _WatchedHTTP(watch), _WatchedHTTPS(watch))
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": f"Parallax/{__version__} (article comparison; +https://example.invalid/parallax)",
            "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5",
            "Accept-Encoding": "gzip, deflate",
        },
    )
    try:
        with opener.open(request, timeout=timeout) as response:
            content_type = response.headers.get_content_type() if response.headers.get("Content-Type") else ""
            if not content_type.startswith(_TEXT_TYPES) and content_type not in _UNTYPED:
                raise LoadError(url, f"not a web page or text (the server sent {content_type})")
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise LoadError(url, f"too large: {_megabytes(int(declared))}, the limit is {_megabytes(max_bytes)}")
            raw = _read_limited(response, url, max_bytes, watch.end, timeout)
            data = _inflate(raw, response.headers.get("Content-Encoding", ""), url, max_bytes)
            return Fetched(response.geturl(), data, content_type, response.headers.get_content_charset())
    except LoadError:
        raise
    except _RefusedAddress as refused:
        raise LoadError(
            url, f"refused a redirect from a public address to a local or private one ({refused.address})"
        ) from None
    except _RefusedRedirect as refused:
        raise LoadError(url, f"refused a redirect to a non-web address ({refused.target[:80]})") from None
    except urllib.error.HTTPError as error:
        if 300 <= error.code < 400 and "not allowed" in str(error.msg):
            raise LoadError(url, "refused a redirect to a non-web address") from None
        if 300 <= error.code < 400:
            raise LoadError(url, "too many redirects (the page redirects in a loop)") from None
        hint = _REFUSAL_HINT if error.code in {401, 403, 429, 451} else ""
        raise LoadError(url, f"the server answered HTTP {error.code} {error.reason}{hint}") from None
    except urllib.error.URLError as error:
        raise LoadError(url, _network_reason(error.reason, hostname, timeout)) from None
    except TimeoutError:
        raise LoadError(url, f"no complete answer within {timeout:g} s") from None
    except http.client.InvalidURL:
        raise LoadError(url, "not a valid web address") from None
    except (http.client.HTTPException, ConnectionError) as error:
        raise LoadError(url, f"the connection broke off ({type(error).__name__})") from None
    except (OSError, ValueError) as error:
        raise LoadError(url, _network_reason(error, hostname, timeout)) from None


def _read_limited(
    response: http.client.HTTPResponse, url: str, max_bytes: int, deadline: float, timeout: float
) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise LoadError(url, f"no complete answer within {timeout:g} s")
        chunk = response.read1(_CHUNK)  # read1: returns what arrived, so a trickling server meets the deadline
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise LoadError(url, f"too large: over the {_megabytes(max_bytes)} limit")
        chunks.append(chunk)


def _inflate(raw: bytes, encoding: str, url: str, max_bytes: int) -> bytes:
    """Servers may compress despite the header; inflate with a cap so a compression bomb stops at the limit."""
    encoding = encoding.strip().lower()
    if encoding in {"", "identity"}:
        return raw
    if encoding not in {"gzip", "x-gzip", "deflate"}:
        raise LoadError(url, f"the server used an unsupported compression ({encoding})")
    window = 16 + zlib.MAX_WBITS if "gzip" in encoding else zlib.MAX_WBITS
    try:
        inflater = zlib.decompressobj(window)
        data = inflater.decompress(raw, max_bytes + 1)
    except zlib.error:
        try:
            data = zlib.decompressobj(-zlib.MAX_WBITS).decompress(raw, max_bytes + 1)  # raw deflate, no header
        except zlib.error:
            raise LoadError(url, "the server sent damaged compressed data") from None
    if len(data) > max_bytes:
        raise LoadError(url, f"too large once decompressed: over the {_megabytes(max_bytes)} limit")
    return data


def _network_reason(reason: object, host: str, timeout: float) -> str:
    if isinstance(reason, socket.gaierror):
        return f"cannot find the server {host} (DNS lookup failed)"
    if isinstance(reason, ssl.SSLCertVerificationError):
        return f"the TLS certificate is not trusted ({reason.verify_message or reason.reason})"
    if isinstance(reason, ssl.SSLError):
        return f"the TLS handshake failed ({reason.reason or reason})"
    if isinstance(reason, TimeoutError):
        return f"no answer within {timeout:g} s"
    if isinstance(reason, ConnectionRefusedError):
        return f"the server {host} refused the connection"
    if isinstance(reason, OSError) and reason.strerror:
        return f"could not connect to {host} ({reason.strerror})"
    return f"could not fetch the page ({reason})"


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB"
