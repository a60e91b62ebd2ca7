"""Whatever bytes or text arrive, loading returns a clean Article or raises LoadError: nothing else escapes."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.model import Article
from desktop.core.sources.errors import LoadError
from desktop.core.sources.loading import article_from_text, load_article

# The zero-width (non-)joiner is kept on purpose: it is spelling in Persian and holds emoji sequences together.
_FORBIDDEN = "\r\u00ad\u200b\u2060\ufeff\u2028\u2029\u202e\x00"

# Bytes biased towards what breaks decoders and parsers: markup, BOMs, NULs, stray high bytes.
_PIECES = st.sampled_from(
    [
        b"<p>",
        b"</p>",
        b"<div>",
        b"<script>",
        b"<!--",
        b"\xef\xbb\xbf",
        b"\xff\xfe",
        b"\x00",
        b"\xe4",
        b"\xc3",
        b"\r\n",
        b"\n\n",
        b"# ",
        b"**",
        b"[a](",
        b"\xc2\xad",
        b"Satz. ",
        b"word ",
    ]
)
_DATA = st.one_of(st.binary(max_size=400), st.lists(_PIECES, max_size=60).map(b"".join))


def check(article: Article) -> None:
    assert article.text
    assert article.text == article.text.strip()
    assert not any(char in article.text for char in _FORBIDDEN)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=_DATA, suffix=st.sampled_from([".txt", ".md", ".html", ".dat"]))
def test_any_file_loads_cleanly_or_fails_with_a_load_error(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        try:
            article = load_article(str(path), "A")
        except LoadError as error:
            assert error.reason
            assert "\n" not in error.reason
        else:
            check(article)


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=300))
def test_any_pasted_text_loads_cleanly_or_fails_with_a_load_error(text: str) -> None:
    try:
        article = article_from_text(text, "A")
    except LoadError as error:
        assert error.reason
    else:
        check(article)
