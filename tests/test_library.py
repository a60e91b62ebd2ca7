"""The library store on temporary databases: round trip, article reuse, notes, search, list operations."""

import dataclasses
from pathlib import Path

import pytest
import sqlite_utils
from library_samples import engine_comparison, rich_comparison

from desktop import __version__
from desktop.core import model
from desktop.core.model import Article, Note, Settings
from desktop.library import ENV_VAR, LibraryStore, UnknownComparison, library_path, open_library, result_rows


@pytest.fixture
def store(tmp_path: Path) -> LibraryStore:
    return open_library(tmp_path / "library.sqlite3")


def test_saved_comparison_reopens_equal_with_every_field(store):
    original = rich_comparison()
    cid = store.save(original, "Bridge")
    assert store.load(cid) == original


def test_engine_comparison_reopens_equal(store):
    original = engine_comparison()
    cid = store.save(original, "Elbe bridge")
    assert store.load(cid) == original


def test_round_trip_survives_closing_and_reopening_the_file(tmp_path):
    original = engine_comparison()
    first = open_library(tmp_path / "lib.sqlite3")
    cid = first.save(original, "Elbe bridge")
    first.db.close()
    assert open_library(tmp_path / "lib.sqlite3").load(cid) == original


def test_store_works_on_an_in_memory_database():
    store = LibraryStore(sqlite_utils.Database(memory=True))
    cid = store.save(rich_comparison(), "in memory")
    assert store.load(cid) == rich_comparison()


def test_library_tables_cover_every_model_field():
    """A field added to the model without a column would silently vanish on reopen; this names it."""
    stored = {
        model.Article: {"id", "path", "text", "title", "source", "published", "language"},
        model.Sentence: {"index", "start", "end", "text", "role", "status", "commentary", "cues", "group", "labels"},
        model.Label: {"start", "end", "text", "neutral"},
        model.Group: {"id", "members", "similarity", "status", "diffs", "evidence"},
        model.MatchEvidence: {"score", "anchors", "signals", "partial"},
        model.WordDiff: {"source", "target", "ops"},
        model.Fact: {"text", "kind", "article", "sentence", "start", "end", "missing_from"},
        model.Comparison: {
            "settings",
            "articles",
            "groups",
            "facts",
            "summary",
            "title",
            "matched_by",
            "conflicts",
            "user_links",
        },
        model.UserLink: {"kind", "sentences"},
        model.Conflict: {"group", "kind", "about", "values"},
        model.ConflictValue: {"article", "sentence", "text", "start", "end"},
        model.ArticleResult: {"article", "sentences"},
        model.Note: {"text", "article", "sentence", "group"},
    }
    for cls, fields in stored.items():
        assert {f.name for f in dataclasses.fields(cls)} == fields, cls.__name__


def test_same_article_text_is_stored_once_across_comparisons(store):
    store.save(rich_comparison(), "first")
    store.save(rich_comparison(title="again"), "second")
    assert len(store.articles.list()) == 2
    assert store.db.execute("SELECT COUNT(*) FROM comparison_articles").fetchone()[0] == 4


def test_article_moved_to_another_path_reuses_row_but_reopens_with_its_own_path(store):
    original = rich_comparison()
    moved_article = dataclasses.replace(original.articles[0].article, path="/elsewhere/a.html")
    moved = dataclasses.replace(
        original, articles=(dataclasses.replace(original.articles[0], article=moved_article), original.articles[1])
    )
    store.save(original, "first")
    cid = store.save(moved, "moved")
    assert len(store.articles.list()) == 2
    assert store.load(cid).article("A").article.path == "/elsewhere/a.html"


def test_add_article_reuses_by_content_and_hands_back_a_relabelled_article(store):
    article = Article("A", "x.txt", "Same words in both.", title="X", source="Outlet")
    first = store.articles.add(article)
    second = store.articles.add(dataclasses.replace(article, path="copy.txt", id="C"))
    assert first == second
    assert [a.path for a in store.articles.list()] == ["x.txt"]
    assert store.articles.get(first, "D") == Article("D", "x.txt", "Same words in both.", "X", "Outlet")


def test_search_finds_by_name_by_article_title_and_by_article_text(store):
    bridge = store.save(rich_comparison(), "Bridge opening")
    elbe = store.save(engine_comparison(), "Thursday ceremony")
    assert [i.id for i in store.search("opening")] == [bridge]
    assert {i.id for i in store.search("Northwood")} == {bridge, elbe}
    assert [i.id for i in store.search("shameful")] == [elbe]
    assert [i.id for i in store.search("Subscr")] == [bridge]  # the last word is a prefix, for search-as-you-type
    assert store.search("nothing-like-this") == ()


def test_search_with_quotes_and_operators_does_not_raise(store):
    store.save(rich_comparison(), 'The "bridge" AND OR NEAR(')
    assert len(store.search('"bridge" AND OR NEAR(')) == 1


def test_renamed_comparison_is_found_under_its_new_name_only(store):
    cid = store.save(rich_comparison(), "Bridge")
    store.rename(cid, "Northwood affair")
    assert store.info(cid).name == "Northwood affair"
    assert store.search("affair")[0].id == cid
    assert [i.id for i in store.search("Bridge")] == [cid]  # still found by the article titles
    by_name = "SELECT COUNT(*) FROM comparisons_fts WHERE comparisons_fts MATCH 'Bridge'"
    assert store.db.execute(by_name).fetchone()[0] == 0


def test_list_shows_newest_change_first_with_outlets(store):
    old = store.save(rich_comparison(), "old")
    new = store.save(engine_comparison(), "new")
    assert [i.id for i in store.list()] == [new, old]
    store.rename(old, "old, renamed")
    assert [i.id for i in store.list()] == [old, new]
    assert [i.id for i in store.list(limit=1)] == [old]
    assert store.info(new).outlets == ("Daily A", "Herald B", "Courier C")
    assert store.info(new).engine_version == __version__


def test_duplicate_copies_results_notes_and_engine_version(store):
    cid = store.save(rich_comparison(), "Bridge", notes=[Note("check this"), Note("false match", group=1)])
    store.db.execute("UPDATE comparisons SET engine_version = '0.0.1' WHERE id = ?", [cid])
    copy = store.duplicate(cid)
    assert copy != cid
    assert store.info(copy).name == "Bridge (copy)"
    assert store.load(copy) == store.load(cid)
    assert store.notes.of(copy) == store.notes.of(cid)
    assert store.engine_version(copy) == "0.0.1"


def test_delete_removes_results_and_notes_but_keeps_articles(store):
    keep = store.save(engine_comparison(), "keep")
    gone = store.save(rich_comparison(), "gone", notes=[Note("omission", "A", 1)])
    store.delete(gone)
    assert [i.id for i in store.list()] == [keep]
    for table in (
        "comparison_articles",
        "sentences",
        "alignment_groups",
        "group_members",
        "facts",
        "fact_absences",
        "notes",
    ):
        assert store.db.execute(f"SELECT COUNT(*) FROM {table} WHERE comparison_id = ?", [gone]).fetchone()[0] == 0
    assert len(store.articles.list()) == 5
    with pytest.raises(UnknownComparison):
        store.load(gone)


def test_unknown_id_raises_unknown_comparison(store):
    for call in (store.load, store.info, store.delete, store.notes.of, store.engine_version):
        with pytest.raises(UnknownComparison):
            call(42)
    with pytest.raises(UnknownComparison):
        store.rename(42, "x")


def test_notes_on_comparison_sentence_and_group_are_kept_and_replaced(store):
    cid = store.save(rich_comparison(), "Bridge", notes=[Note("first look")])
    store.notes.set(cid, "confirmed omission", article="B", sentence=1)
    store.notes.set(cid, "false match", group=1)
    store.notes.set(cid, "really confirmed", article="B", sentence=1)
    store.notes.set(cid, "whole story checked")
    assert store.notes.of(cid) == (
        Note("whole story checked"),
        Note("false match", group=1),
        Note("really confirmed", "B", 1),
    )
    store.notes.set(cid, "", group=1)
    assert Note("false match", group=1) not in store.notes.of(cid)
    assert store.info(cid).note == "whole story checked"


def test_note_with_half_a_target_is_refused(store):
    cid = store.save(rich_comparison(), "Bridge")
    with pytest.raises(ValueError, match="a note goes on"):
        store.notes.set(cid, "where?", article="A")
    with pytest.raises(ValueError, match="a note goes on"):
        store.notes.set(cid, "both?", article="A", sentence=1, group=0)


def test_notes_survive_an_update_of_the_results(store):
    cid = store.save(rich_comparison(), "Bridge", notes=[Note("omission", "A", 1)])
    store.update(cid, engine_comparison())
    assert store.load(cid) == engine_comparison()
    assert store.notes.of(cid) == (Note("omission", "A", 1),)
    assert store.info(cid).name == "Bridge"


def test_settings_and_engine_version_are_readable_without_loading(store):
    cid = store.save(rich_comparison(), "Bridge")
    assert store.comparison_settings(cid) == rich_comparison().settings
    assert store.engine_version(cid) == __version__
    store.update(cid, engine_comparison(), engine_version="9.9.9")
    assert store.comparison_settings(cid) == Settings(threshold=0.5)
    assert store.engine_version(cid) == "9.9.9"


def test_settings_saved_by_a_newer_version_with_unknown_fields_still_load(store):
    cid = store.save(rich_comparison(), "Bridge")
    store.db.execute("UPDATE comparisons SET settings = json_set(settings, '$.future_option', 3) WHERE id = ?", [cid])
    assert store.load(cid).settings == rich_comparison().settings


def test_one_query_answers_which_outlets_left_out_a_name(store):
    """The query the docs show; literal facts (rich_comparison) so engine changes cannot move the answer."""
    store.save(rich_comparison(), "Bridge")
    store.save(rich_comparison(title="again"), "Bridge, second look")
    store.save(engine_comparison(), "Elbe")
    rows = store.db.execute(
        """
        SELECT DISTINCT c.name, fa.outlet
        FROM facts AS f
        JOIN fact_absences AS fa ON fa.fact_id = f.id
        JOIN comparisons AS c ON c.id = f.comparison_id
        WHERE f.text LIKE '%Northwood%' AND c.name LIKE 'Bridge%'
        ORDER BY c.name
        """
    ).fetchall()
    assert rows == [("Bridge", "Herald B"), ("Bridge, second look", "Herald B")]


def test_rows_laid_out_before_the_save_belong_to_the_comparison_they_are_written_for(store):
    """The app lays a comparison's rows out before it knows their comparison and fact ids (``ResultRows``); written
    after other comparisons, they must take that comparison's id and facts of their own."""
    first = store.save(rich_comparison(), "Bridge")
    laid_out = result_rows(engine_comparison())
    second = store.save(engine_comparison(), "Elbe", rows=laid_out)
    store.update(first, engine_comparison(), rows=laid_out)  # the same rows, now for the first comparison
    assert store.load(first) == store.load(second) == engine_comparison()
    counts = store.db.execute(
        "SELECT f.comparison_id, COUNT(DISTINCT f.id), COUNT(fa.fact_id) FROM facts AS f "
        "LEFT JOIN fact_absences AS fa ON fa.fact_id = f.id AND fa.comparison_id = f.comparison_id "
        "GROUP BY f.comparison_id ORDER BY f.comparison_id"
    ).fetchall()
    absences = len(laid_out.absences)
    assert absences and counts == [(first, len(laid_out.facts), absences), (second, len(laid_out.facts), absences)]
    assert store.db.execute("SELECT COUNT(*) FROM fact_absences").fetchone()[0] == 2 * absences


def test_sentences_are_queryable_by_status_and_commentary(store):
    store.save(rich_comparison(), "Bridge")
    rows = store.db.execute(
        "SELECT article, number, cues FROM sentences WHERE commentary = 1 AND status = 'unique'"
    ).fetchall()
    assert rows == [("A", 2, '["disgrace","critics"]')]


def test_library_path_prefers_flag_then_environment_then_user_data_folder(tmp_path):
    assert library_path(tmp_path / "flag.db", {ENV_VAR: "/env.db"}) == tmp_path / "flag.db"
    assert library_path(None, {ENV_VAR: str(tmp_path / "env.db")}) == tmp_path / "env.db"
    default = library_path(None, {})
    assert default.name == "library.sqlite3"
    assert "arallax" in str(default.parent)


def test_open_library_creates_missing_folders_and_uses_wal(tmp_path):
    store = open_library(tmp_path / "new" / "folder" / "lib.sqlite3")
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_realign_reason_names_engine_version_and_changed_settings(store):
    cid = store.save(rich_comparison(), "Bridge")
    assert store.realign_reason(cid) == ""
    assert store.realign_reason(cid, rich_comparison().settings) == ""
    assert store.realign_reason(cid, engine_version="9.0") == f"aligned by Parallax {__version__}, this is 9.0"
    reason = store.realign_reason(cid, Settings(threshold=0.42, ignore_case=True, reference="B", presegmented=True))
    assert reason == "settings changed: ignore_case False → True"
