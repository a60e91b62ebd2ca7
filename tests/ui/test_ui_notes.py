"""Notes follow their sentences when the comparison changes: reordered, re-aligned or an article removed."""

from __future__ import annotations

import sys
import threading
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QPoint

from desktop.core.model import Note, Settings
from desktop.core.pipeline import compare
from desktop.ui.notes import NoteIndex, remap_notes

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from library_samples import engine_comparison


def test_a_sentence_note_follows_its_article_to_a_new_letter():
    old = engine_comparison()
    articles = [r.article for r in old.articles]
    new = compare(
        [replace(articles[2], id="A"), replace(articles[0], id="B"), replace(articles[1], id="C")], Settings()
    )
    note = Note("confirmed omission", "A", 1)  # a.txt, second sentence
    moved = remap_notes([Note("overall"), note], old, new)
    assert moved.notes == (Note("overall"), Note("confirmed omission", "B", 1))
    assert moved.lost == ()


def test_a_group_note_follows_its_sentences_and_a_vanished_sentence_is_reported_lost():
    old = engine_comparison()
    articles = [r.article for r in old.articles]
    new = compare([replace(articles[1], id="A"), replace(articles[0], id="B")], Settings())
    # Old group 1 holds a.txt's sentence 1 (the cost); a.txt is B now, and its sentence 1 sits in new group 1.
    assert 1 in old.group(1).members["A"]
    assert new.article("B").sentences[1].group == 1
    moved = remap_notes([Note("false match", group=1), Note("gone", "C", 0)], old, new)
    assert moved.notes == (Note("false match", group=1),)
    assert moved.lost == (Note("gone", "C", 0),)
    assert remap_notes([Note("x", group=99)], old, new).lost == (Note("x", group=99),)  # no such group


def test_moving_an_article_keeps_its_sentence_note_on_the_same_sentence(
    window, own_library, open_articles, article_files, monkeypatch, qtbot
):
    comparison = open_articles(article_files[:2])
    sentence = comparison.article("B").sentences[1]
    window.aligned.show_sentence("B", 1)
    monkeypatch.setattr(window.note_commands, "ask_note", lambda *args: "checked: quote is real")
    window.actions_.note_sentence.trigger()
    with qtbot.waitSignal(window.session.comparison_changed, timeout=30000):
        window.session.move(1, -1)
    qtbot.waitUntil(lambda: ("A", 1) in window.library.notes.index.sentences, timeout=30000)
    assert window.comparison.article("A").sentences[1].text == sentence.text
    qtbot.waitUntil(lambda: not window.library.notes.waiting, timeout=10000)
    assert own_library.notes.of(window.library.current_id) == (Note("checked: quote is real", "A", 1),)


def test_removing_the_article_of_a_note_keeps_the_note_text_on_the_comparison(
    window, open_articles, article_files, monkeypatch, qtbot
):
    open_articles(article_files[:3])
    window.aligned.show_sentence("C", 0)
    monkeypatch.setattr(window.note_commands, "ask_note", lambda *args: "headline overstates")
    window.actions_.note_sentence.trigger()
    with qtbot.waitSignal(window.session.comparison_changed, timeout=30000):
        window.session.remove(2)
    qtbot.waitUntil(lambda: "headline overstates" in window.library.notes.index.comparison, timeout=30000)
    assert "no longer in the comparison" in window.library.notes.index.comparison
    assert window.library.notes.index.sentences == {}


def test_a_note_still_being_written_follows_its_sentence_when_the_article_is_removed(
    window, open_articles, article_files, monkeypatch, qtbot
):
    open_articles(article_files[:3])
    notes = window.library.notes
    qtbot.waitUntil(lambda: notes.worker.current_id is not None, timeout=30000)  # the first save has landed
    gate = threading.Event()
    notes.worker.ask(lambda store: gate.wait(30))  # the library is busy: the note's write queues behind this
    window.aligned.show_sentence("C", 0)
    monkeypatch.setattr(window.note_commands, "ask_note", lambda *args: "headline overstates")
    window.actions_.note_sentence.trigger()
    assert notes.index.sentences == {}  # not written yet, so not shown yet
    with qtbot.waitSignal(window.session.comparison_changed, timeout=30000):
        window.session.remove(2)
    gate.set()
    qtbot.waitUntil(lambda: "headline overstates" in notes.index.comparison, timeout=30000)
    assert notes.index.sentences == {}


def test_right_click_on_a_sentence_offers_notes_for_it(window, open_articles, article_files, monkeypatch, qtbot):
    comparison = open_articles(article_files[:2])
    group = next(g for g in comparison.groups if {"A", "B"} <= set(g.members))
    row = window.aligned_model.row_of("B", group.members["B"][0])
    table = window.aligned.table
    table.scrollTo(window.aligned_model.index(row, 1))
    rect = table.visualRect(window.aligned_model.index(row, 1))
    offered = []
    monkeypatch.setattr(
        window.note_commands, "exec_menu", lambda menu, pos: offered.extend(a.text() for a in menu.actions())
    )
    from PySide6.QtGui import QContextMenuEvent

    point = table.viewport().mapToGlobal(rect.center())
    window.contextMenuEvent(QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(0, 0), point))
    assert "Add &Note to Sentence…" in offered and "Add Note to &Group…" in offered
    assert window.aligned.current_position() == ("B", group.members["B"][0])


def test_note_index_finds_notes_for_a_cell():
    from desktop.ui.highlights import Cell

    index = NoteIndex.of([Note("all"), Note("s", "A", 2), Note("g", group=5)])
    assert index.comparison == "all"
    assert index.for_cell(Cell("A", (1, 2), "x", group=5)) == ["s", "g"]
    assert index.for_cell(Cell("B", (2,), "x")) == []
