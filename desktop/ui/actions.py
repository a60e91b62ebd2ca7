"""Every command of the main window as a ``QAction`` with its text, shortcut and status tip, in one place.

Menus and the toolbar are built from these, so each command has one shortcut, shown in its menu, and the
window only connects handlers.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QWidget

Key = QKeySequence.StandardKey
Shortcut = str | QKeySequence.StandardKey | list[str] | None


class Actions:
    def __init__(self, parent: QWidget) -> None:
        def make(text: str, shortcut: Shortcut = None, tip: str = "", *, checkable: bool = False) -> QAction:
            action = QAction(text, parent)
            if shortcut is not None:
                sequences = shortcut if isinstance(shortcut, list) else [shortcut]
                action.setShortcuts([QKeySequence(k) for k in sequences])
            if tip:
                action.setStatusTip(tip)
                keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                name = text.replace("&", "").rstrip("…")
                action.setToolTip(f"{name} ({keys})" if keys else name)
            action.setCheckable(checkable)
            parent.addAction(action)
            return action

        self.open = make("&Open…", Key.Open, "Start a new comparison: choose its articles (two or more) in one dialog")
        self.add_article = make(
            "&Add Article to This Comparison…", "Ctrl+Shift+A", "Add article files to the comparison on screen"
        )
        self.new = make("&New Comparison", Key.New, "Close the articles and start a new comparison")
        # Ctrl+L shows the library (the window's most used panel); Ctrl+Shift+O is "open location" elsewhere.
        self.open_url = make("Open &URL…", "Ctrl+Shift+O", "Download and add an article from a web address")
        self.paste = make("&Paste as New Article", "Ctrl+Shift+V", "Add the clipboard text as a new article")
        self.save_json = make(
            "&Save Comparison as JSON…", Key.Save, "Write the comparison as JSON (parallax/comparison-v1)"
        )
        self.export_html = make("&Export HTML…", "Ctrl+E", "Write a self-contained highlighted HTML report")
        self.clear_recent = make("&Clear Recent Files", None, "Forget the recent files list")
        self.quit = make("&Quit", "Ctrl+Q", "Close Parallax")  # Key.Quit is unbound on some Linux desktops
        self.note_comparison = make(
            "Note on &Comparison…",
            "Ctrl+Shift+M",
            "Write a note on the whole comparison (kept in the library, exported in HTML)",
        )
        self.note_sentence = make(
            "Add &Note to Sentence…",
            "Ctrl+M",
            "Write a note on the selected sentence, e.g. \u201cconfirmed omission\u201d",
        )
        self.note_group = make(
            "Add Note to &Group…",
            "Ctrl+Alt+M",
            "Write a note on the selected group of matching sentences, e.g. \u201cfalse match\u201d",
        )
        self.settings = make("Comparison &Settings…", "Ctrl+,", "Similarity threshold, case, punctuation, boilerplate")
        self.recompare = make("&Compare Again", Key.Refresh, "Reload nothing, re-run the comparison")
        self.cancel = make("C&ancel Comparison", "Esc", "Stop the comparison that is running")
        self.aligned = make("&Aligned", "Ctrl+1", "One row per group of matching sentences", checkable=True)
        self.reading = make(
            "&Reading", "Ctrl+2", "Each article in its own order, matching sentences linked", checkable=True
        )
        self.view_group = QActionGroup(parent)
        self.view_group.setExclusive(True)
        self.view_group.addAction(self.aligned)
        self.view_group.addAction(self.reading)
        self.aligned.setChecked(True)
        self.hide_boilerplate = make(
            "Hide &Boilerplate", "Ctrl+B", "Collapse captions, bylines and other page furniture", checkable=True
        )
        self.next_diff = make("&Next Difference", ["F8", "Alt+Down"], "Jump to the next difference")
        self.prev_diff = make("&Previous Difference", ["Shift+F8", "Alt+Up"], "Jump to the previous difference")
        self.next_pane = make(
            "Next &Pane", "F6", "Move the keyboard focus to the next pane (toolbar, differences, articles, library)"
        )
        self.prev_pane = make("Previous P&ane", "Shift+F6", "Move the keyboard focus to the previous pane")
        self.reference = make("Use as &Reference", "Ctrl+R", "Diff the other articles against the current article")
        self.move_left = make("Move &Left", "Ctrl+Shift+Left", "Move the current article one column left")
        self.move_right = make("Move &Right", "Ctrl+Shift+Right", "Move the current article one column right")
        self.remove = make("Re&move from Comparison", "Ctrl+Delete", "Remove the current article")
        self.about = make("&About Parallax", None, "Version and licence")
