"""Issue 16 item 6: three files of a million one-word lines (--presegmented) took 6 minutes and 8.3 GB, 2 MB of
"Go." sentences 25 s and 1.4 GB. An article may have at most ``MAX_SENTENCES`` sentences; past that it is
refused when loaded, in one line naming the file and the count, and the others are still compared."""

from __future__ import annotations

import json
import time

import pytest

from desktop.cli import main
from desktop.core.sources.errors import LoadError
from desktop.core.sources.loading import article_from_text, load_article
from desktop.core.text.segmentation import MAX_SENTENCES, TooManySentences, check_sentence_count, segment

GOOD_A = "The bridge over the Elbe was opened on 12 March by Mayor Jane Northwood. It cost 4 million euros.\n"
GOOD_B = "Mayor Jane Northwood opened the Elbe bridge on 12 March. The bridge cost 4 million euros.\n"


@pytest.fixture
def good(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(GOOD_A, "utf-8")
    b.write_text(GOOD_B, "utf-8")
    return str(a), str(b)


def test_presegmented_lines_over_the_limit_are_one_line_and_the_others_are_compared(tmp_path, good, capsys):
    lines = tmp_path / "lines.txt"
    lines.write_text("word\n" * (MAX_SENTENCES + 1), "utf-8")
    out = tmp_path / "o.json"
    started = time.perf_counter()
    code = main(["compare", str(lines), *good, "--presegmented", "--json", str(out), "--quiet"])
    assert time.perf_counter() - started < 20
    err = capsys.readouterr().err
    assert code == 2
    assert err == (
        f"parallax: error: {lines}: too many sentences for an article: 25,001 lines "
        "(one sentence each with --presegmented), the limit is 25,000\n"
    )
    assert [a["path"] for a in json.loads(out.read_text("utf-8"))["articles"]] == list(good)


def test_the_same_lines_without_presegmented_are_prose_and_accepted(tmp_path):
    lines = tmp_path / "lines.txt"
    lines.write_text("word\n" * (MAX_SENTENCES + 1), "utf-8")
    article = load_article(str(lines), "A")  # run together into pieces of at most 2,000 characters
    assert len(segment(article.text, "en")) < 200


def test_short_sentences_over_the_limit_are_refused_with_their_count(tmp_path, good, capsys):
    go = tmp_path / "go.txt"
    go.write_text("Go. " * (MAX_SENTENCES + 1), "utf-8")
    code = main(["compare", str(go), *good, "--json", str(tmp_path / "o.json"), "--quiet"])
    assert code == 2
    assert capsys.readouterr().err == (
        f"parallax: error: {go}: too many sentences for an article: 25,001 sentences, the limit is 25,000\n"
    )


def test_an_article_at_the_limit_is_accepted(tmp_path):
    go = tmp_path / "go.txt"
    go.write_text("Go. " * MAX_SENTENCES, "utf-8")
    assert load_article(str(go), "A").text.count("Go.") == MAX_SENTENCES
    lines = tmp_path / "lines.txt"
    lines.write_text("\n\n  \n".join(["word"] * MAX_SENTENCES), "utf-8")  # blank lines are no sentences
    load_article(str(lines), "A", presegmented=True)


def test_pasted_text_and_html_pages_have_the_same_limit(tmp_path):
    with pytest.raises(LoadError, match="25,001 sentences"):
        article_from_text("Go. " * (MAX_SENTENCES + 1), "A")
    page = tmp_path / "page.html"
    page.write_text("<html><body>" + "<p>Go.</p>" * (MAX_SENTENCES + 1) + "</body></html>", "utf-8")
    with pytest.raises(LoadError, match="too many sentences for an article"):
        load_article(str(page), "A")


def test_the_count_matches_what_segment_makes():
    text = "First line\n\n   \nSecond line\r\nThird line\rFourth\n"
    check_sentence_count(text, presegmented=True)
    assert len(segment(text, presegmented=True)) == 4
    with pytest.raises(TooManySentences) as caught:
        check_sentence_count("x\n" * (MAX_SENTENCES + 1), presegmented=True)
    assert caught.value.count == MAX_SENTENCES + 1


def test_segment_itself_refuses_past_the_limit():
    """For callers that segment without the loader (the app with --presegmented switched on later)."""
    with pytest.raises(TooManySentences):
        segment("x\n" * (MAX_SENTENCES + 1), presegmented=True)
    with pytest.raises(TooManySentences):
        segment("Go. " * (MAX_SENTENCES + 1), "en")


def test_batch_reports_the_long_article_and_compares_the_rest(tmp_path):
    pytest.importorskip("pyarrow")
    from desktop.batch.output import read_table

    rows = [
        {"cluster_id": "e1", "article_id": "a", "text": GOOD_A},
        {"cluster_id": "e1", "article_id": "b", "text": "Go. " * (MAX_SENTENCES + 1)},
        {"cluster_id": "e1", "article_id": "c", "text": GOOD_B},
    ]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(row) + "\n" for row in rows), "utf-8")
    out = tmp_path / "out"
    assert main(["batch", str(corpus), "--out", str(out), "--no-progress"]) == 0
    failures = read_table(out, "failures").to_pandas()
    assert list(failures["article_id"]) == ["b"]
    assert "too many sentences for an article: 25,001 sentences" in failures["reason"][0]
    assert len(read_table(out, "comparisons").to_pandas()) == 1
