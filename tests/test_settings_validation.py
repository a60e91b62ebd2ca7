"""Issue 16 item 8: settings are checked before anything is loaded or fetched; one line, exit 2."""

from __future__ import annotations

import pytest

from desktop.cli import main


@pytest.fixture
def articles(tmp_path):
    a = tmp_path / "daily.txt"
    b = tmp_path / "herald.txt"
    a.write_text("Mayor Jane Northwood opened the Elbe bridge on 12 March. It cost 4 million euros.\n", "utf-8")
    b.write_text("The Elbe bridge was opened on 12 March. It cost 4 million euros.\n", "utf-8")
    return a, b


def _one_error_line(capsys) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("parallax: error: ")
    return lines[0]


@pytest.mark.parametrize("value", ["nan", "inf", "-0.1", "1.5"])
def test_bad_threshold_is_refused_before_fetching(articles, value, capsys, monkeypatch):
    import desktop.core.sources.articles

    def no_loading(*args, **kwargs):
        raise AssertionError("loaded before the settings were checked")

    # ``compare`` imports the loader when it runs (``batch`` never needs it), so it is replaced where it lives.
    monkeypatch.setattr(desktop.core.sources.articles, "load_articles", no_loading)
    a, _ = articles
    assert main(["compare", str(a), "http://127.0.0.1:9/story", f"--threshold={value}", "--quiet"]) == 2
    assert "--threshold must be a number between 0 and 1" in _one_error_line(capsys)


def test_a_reference_naming_no_article_is_an_error_not_a_fallback(articles, capsys):
    a, b = articles
    assert main(["compare", str(a), str(b), "--reference", "Z", "--quiet"]) == 2
    assert _one_error_line(capsys) == "parallax: error: --reference 'Z' names no article; the articles are A, B"


def test_a_valid_reference_is_used(tmp_path, articles):
    from desktop.export import read_json

    a, b = articles
    out = tmp_path / "o.json"
    assert main(["compare", str(a), str(b), "--reference", "B", "--json", str(out), "--quiet"]) == 0
    assert read_json(out).settings.reference == "B"


def test_an_empty_save_name_is_an_error(tmp_path, articles, capsys):
    a, b = articles
    db = tmp_path / "lib.sqlite"
    assert main(["compare", str(a), str(b), "--save", "", "--db", str(db), "--quiet"]) == 2
    assert "--save needs a name" in _one_error_line(capsys)
    assert not db.exists()
