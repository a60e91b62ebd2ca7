"""The name lookup counts against the fetch's one deadline (issue 16 item 4)."""

import socket
import time

import pytest

from desktop.core.sources import fetch
from desktop.core.sources.errors import LoadError


def test_a_resolver_that_never_answers_ends_at_the_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    def slow_lookup(*_args: object, **_kwargs: object) -> list[object]:
        time.sleep(5)
        return []

    monkeypatch.setattr(socket, "getaddrinfo", slow_lookup)
    started = time.monotonic()
    with pytest.raises(LoadError) as failure:
        fetch.fetch("http://slow-resolver.invalid/story", timeout=0.5)
    assert time.monotonic() - started < 3
    assert "slow-resolver.invalid" in str(failure.value)


def test_a_name_that_does_not_resolve_is_one_clear_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_such_name(*_args: object, **_kwargs: object) -> list[object]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_name)
    with pytest.raises(LoadError) as failure:
        fetch.fetch("http://nowhere.invalid/", timeout=2)
    assert "nowhere.invalid" in str(failure.value)
