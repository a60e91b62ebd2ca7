"""Issue 16 item 5: a .mhtml (or .eml) nested 2,000 multipart levels deep ended in a RecursionError inside the
standard library's MIME parser: a traceback on the command line, "comparison failed" for every article in the
app, and a dead batch job. The sections are counted before parsing; such a file is one refused article and the
others are still compared."""

from __future__ import annotations

import json
import time

import pytest

from desktop.cli import main
from desktop.core.sources.errors import LoadError
from desktop.core.sources.html_extract import MAX_MIME_SECTIONS
from desktop.core.sources.loading import load_article

FLOOD = "The river flooded the old town of Kessingen on Monday. Hundreds of residents were evacuated by boat."
OTHER = "Hundreds of residents of Kessingen were evacuated on Monday. The river flooded the old town."


def nested_mime(levels: int, *, mail: bool = False) -> bytes:
    """A MIME file whose page sits ``levels`` multipart sections deep."""
    head = "From: a@example.org\r\nSubject: Flood\r\nMIME-Version: 1.0\r\n" if mail else "From: <Saved by Blink>\r\n"
    parts = [head]
    for level in range(levels):
        parts.append(f'Content-Type: multipart/related; boundary="b{level}"\r\n\r\n--b{level}\r\n')
    parts.append(f"Content-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>{FLOOD}</p></body></html>\r\n")
    parts.extend(f"--b{level}--\r\n" for level in reversed(range(levels)))
    return "".join(parts).encode()


@pytest.fixture
def others(tmp_path):
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(FLOOD + "\n", "utf-8")
    second.write_text(OTHER + "\n", "utf-8")
    return first, second


@pytest.mark.parametrize("suffix", [".mhtml", ".eml"])
def test_two_thousand_nested_levels_are_refused_with_one_reason(tmp_path, suffix):
    path = tmp_path / f"deep{suffix}"
    path.write_bytes(nested_mime(2000, mail=suffix == ".eml"))
    started = time.perf_counter()
    with pytest.raises(LoadError) as caught:
        load_article(str(path), "A")
    assert time.perf_counter() - started < 5
    assert caught.value.source == str(path)
    assert "too many nested MIME sections (2,000" in caught.value.reason


def test_a_page_nested_up_to_the_limit_still_opens(tmp_path):
    path = tmp_path / "nested.mhtml"
    path.write_bytes(nested_mime(MAX_MIME_SECTIONS))
    assert "flooded the old town" in load_article(str(path), "A").text


def test_cli_refuses_the_deep_file_in_one_line_and_compares_the_others(tmp_path, others, capsys):
    deep = tmp_path / "deep.mhtml"
    deep.write_bytes(nested_mime(2000))
    out = tmp_path / "o.json"
    code = main(["compare", str(deep), str(others[0]), str(others[1]), "--json", str(out)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "Traceback" not in err and "RecursionError" not in err
    assert err.startswith(f"parallax: error: {deep}: too many nested MIME sections")
    articles = json.loads(out.read_text("utf-8"))["articles"]
    assert [article["path"] for article in articles] == [str(others[0]), str(others[1])]


def test_app_worker_compares_the_others_and_lists_the_deep_file(tmp_path, others):
    pytest.importorskip("PySide6")
    from desktop.core.pipeline import Settings
    from desktop.ui.worker import CompareWorker, Source

    deep = tmp_path / "deep.mhtml"
    deep.write_bytes(nested_mime(2000))
    worker = CompareWorker(1, [Source(str(deep)), Source(str(others[0])), Source(str(others[1]))], Settings(), {})
    finished, failed = [], []
    worker.signals.finished.connect(finished.append)
    worker.signals.failed.connect(lambda _generation, message: failed.append(message))
    worker.run()
    assert failed == []
    (result,) = finished
    assert result.comparison is not None and len(result.comparison.articles) == 2
    assert [error.source for error in result.errors] == [str(deep)]


def test_batch_reports_the_deep_file_and_finishes_the_cluster(tmp_path, others):
    pytest.importorskip("pyarrow")
    from desktop.batch.output import read_table

    deep = tmp_path / "deep.mhtml"
    deep.write_bytes(nested_mime(2000))
    rows = [
        {"cluster_id": "e1", "article_id": "a", "path": others[0].name},
        {"cluster_id": "e1", "article_id": "b", "path": deep.name},
        {"cluster_id": "e1", "article_id": "c", "path": others[1].name},
    ]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(row) + "\n" for row in rows), "utf-8")
    out = tmp_path / "out"
    assert main(["batch", str(corpus), "--out", str(out), "--no-progress"]) == 0
    failures = read_table(out, "failures").to_pandas()
    assert list(failures["article_id"]) == ["b"]
    assert "too many nested MIME sections" in failures["reason"][0]
    assert len(read_table(out, "comparisons").to_pandas()) == 1
