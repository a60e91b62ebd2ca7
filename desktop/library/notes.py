"""The user's notes in the library: on a whole comparison, on one sentence of an article, or on an alignment group.

A comparison's own note lives in its row (``comparisons.note``, shown in the list); sentence and group notes in the
``notes`` table. ``LibraryStore.notes`` is the one ``LibraryNotes`` of a store.
"""

from __future__ import annotations

from desktop.core.model import Note
from desktop.library.connection import Connection, now, sqlite_errors


class LibraryNotes:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    @sqlite_errors("save to")
    def set(
        self,
        comparison_id: int,
        text: str,
        *,
        article: str | None = None,
        sentence: int | None = None,
        group: int | None = None,
    ) -> None:
        """Set, replace or (with empty ``text``) remove the note on a comparison, a sentence or a group."""
        with self.connection.writing():
            self.connection.require(comparison_id)
            self.write(comparison_id, Note(text, article, sentence, group), now())

    def write(self, comparison_id: int, note: Note, when: str) -> None:
        """``set`` inside a transaction the caller holds (saving a comparison with its notes)."""
        on_sentence = note.article is not None and note.sentence is not None
        if (note.article is None) != (note.sentence is None) or (on_sentence and note.group is not None):
            raise ValueError(f"a note goes on a comparison, a sentence (article and sentence) or a group, not {note}")
        db = self.connection.db
        if note.group is None and not on_sentence:
            db.execute("UPDATE comparisons SET note = ? WHERE id = ?", [note.text, comparison_id])
            return
        where = "comparison_id = ? AND article IS ? AND sentence_number IS ? AND group_number IS ?"
        key = [comparison_id, note.article, note.sentence, note.group]
        db.execute(f"DELETE FROM notes WHERE {where}", key)
        if note.text:
            db.execute(
                "INSERT INTO notes (comparison_id, article, sentence_number, group_number, text, updated) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [*key, note.text, when],
            )

    @sqlite_errors("read")
    def of(self, comparison_id: int) -> tuple[Note, ...]:
        """The comparison's own note first (if any), then sentence and group notes in the order written."""
        row = self.connection.require(comparison_id)
        found = [Note(row["note"])] if row["note"] else []
        found.extend(
            Note(text, article, sentence, group)
            for article, sentence, group, text in self.connection.db.execute(
                "SELECT article, sentence_number, group_number, text FROM notes WHERE comparison_id = ? ORDER BY id",
                [comparison_id],
            )
        )
        return tuple(found)

    def delete_all(self, comparison_id: int) -> None:
        """Inside the caller's transaction: the sentence and group notes of a comparison being deleted."""
        self.connection.db.execute("DELETE FROM notes WHERE comparison_id = ?", [comparison_id])
