"""load_articles: the inputs of one comparison loaded and lettered, for the command line, the app and batch mode."""

from pathlib import Path

import pytest

from desktop.core.model import Article
from desktop.core.sources.articles import ArticleInput, load_articles
from desktop.core.sources.errors import LoadError

WIRE = "Bridge opens\n\nThe mayor opened the bridge on Monday. It cost four million euros."
BRIEF = "Bridge opened\n\nThe bridge opened on Monday."


@pytest.fixture
def files(tmp_path: Path) -> tuple[str, str, str]:
    (tmp_path / "wire.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "brief.txt").write_text(BRIEF, encoding="utf-8")
    return str(tmp_path / "wire.txt"), str(tmp_path / "missing.txt"), str(tmp_path / "brief.txt")


def test_a_failed_input_keeps_its_letter_so_the_others_keep_theirs(files):
    loaded = load_articles(files)
    assert [a.id for a in loaded.articles] == ["A", "C"]
    assert [a.text for a in loaded.articles] == [WIRE, BRIEF]
    assert [str(e) for e in loaded.errors] == [f"{files[1]}: no such file"]
    assert isinstance(loaded.outcomes[1], LoadError)


def test_compact_letters_only_the_articles_that_opened(files):
    loaded = load_articles(files, compact=True)
    assert [(a.id, a.path) for a in loaded.articles] == [("A", files[0]), ("B", files[2])]


def test_text_in_hand_is_named_by_its_location_and_never_read_from_it(files):
    loaded = load_articles([ArticleInput("row-7", text=BRIEF), files[0]])
    first, second = loaded.articles
    assert (first.id, first.path, first.text) == ("A", "row-7", BRIEF)
    assert second.id == "B"
    assert loaded.fresh == {files[0]: second}  # only what was read from a location


def test_a_refused_input_is_an_error_with_its_reason_and_is_not_read(files):
    loaded = load_articles([ArticleInput(files[0], refused="outside the corpus folder"), files[2]])
    assert [(e.source, e.reason) for e in loaded.errors] == [(files[0], "outside the corpus folder")]
    assert [a.id for a in loaded.articles] == ["B"]


def test_a_given_article_is_only_lettered(files):
    pasted = Article("Z", "Pasted text 1", BRIEF, title="Bridge opened")
    loaded = load_articles([files[0], ArticleInput(pasted.path, article=pasted)])
    assert loaded.articles[1] == Article("B", "Pasted text 1", BRIEF, title="Bridge opened")
    assert list(loaded.fresh) == [files[0]]


def test_a_cached_article_is_not_read_again(tmp_path):
    gone = str(tmp_path / "deleted-since.txt")
    cached = Article("A", gone, WIRE)
    loaded = load_articles([ArticleInput(gone), ArticleInput("other", text=BRIEF)], cache={gone: cached})
    assert loaded.articles[0] == cached
    assert loaded.errors == [] and loaded.fresh == {}


def test_progress_before_each_input_and_a_raising_stop_ends_the_loading(files):
    seen: list[tuple[int, int]] = []

    class Stopped(Exception):
        pass

    def stop() -> None:
        if len(seen) == 2:
            raise Stopped

    with pytest.raises(Stopped):
        load_articles(files, progress=lambda done, total: seen.append((done, total)), stop=stop)
    assert seen == [(0, 3), (1, 3)]
    load_articles(files, progress=lambda done, total: seen.append((done, total)))
    assert seen[2:] == [(0, 3), (1, 3), (2, 3)]
