"""Settings state (issue 17, item 5): a change that gives no result is taken back in every control; settings belong
to a comparison (saved with it, shown again when it is reopened); the defaults for new comparisons are set apart,
with Restore Defaults."""

from __future__ import annotations

import time

import pytest

from desktop.core import pipeline
from desktop.core.model import Settings
from desktop.library import open_library


@pytest.fixture
def stall(monkeypatch):
    """Calling it makes the next comparisons run until they are cancelled."""

    def waits_for_cancel(
        articles, settings=None, *, progress=None, cancelled=None, encoding=None, user_links=(), engine=None
    ):
        while not cancelled():
            time.sleep(0.005)
        raise pipeline.ComparisonCancelled()

    return lambda: monkeypatch.setattr(pipeline, "compare", waits_for_cancel)


def test_cancelling_a_slider_change_puts_the_slider_back(window, open_articles, article_files, qtbot, stall):
    open_articles(article_files[:2])
    stall()
    dialog = window.settings_link.show_dialog()
    window.threshold.slider.setValue(49)
    assert window.session.settings.threshold == 0.49
    assert dialog.threshold.threshold() == 0.49  # the dialog follows the toolbar
    qtbot.waitUntil(lambda: window.session.runs.busy, timeout=5000)
    with qtbot.waitSignal(window.session.run_cancelled, timeout=30000):
        window.actions_.cancel.trigger()
    assert window.comparison.settings.threshold == 0.5  # what the view shows
    assert window.threshold.threshold() == 0.5
    assert window.threshold.value.text() == "0.50"
    assert dialog.threshold.threshold() == 0.5
    assert window.session.settings.threshold == 0.5
    assert window.prefs.comparison_settings().threshold == 0.5  # and 0.49 did not become the default
    dialog.close()


def test_a_change_cancelled_before_its_run_starts_is_taken_back_too(window, open_articles, article_files):
    open_articles(article_files[:2])
    window.threshold.slider.setValue(60)
    assert not window.session.runs.busy  # still waiting for the slider to rest
    window.session.cancel()
    assert window.threshold.threshold() == 0.5
    assert window.session.settings.threshold == 0.5
    assert not window.session.runs.busy


def test_a_failed_run_takes_its_change_back(window, open_articles, article_files, qtbot, monkeypatch):
    open_articles(article_files[:2])
    monkeypatch.setattr(window, "show_error", lambda title, text: None)

    def fails(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(pipeline, "compare", fails)
    with qtbot.waitSignal(window.session.run_failed, timeout=30000):
        window.settings_link.set_options(ignore_case=False, ignore_punctuation=True)
    assert window.session.settings.ignore_case is True
    assert window.comparison.settings.ignore_case is True


def test_a_comparisons_settings_are_its_own_and_come_back_when_it_is_reopened(
    window, open_articles, article_files, private_library, qtbot
):
    open_articles(article_files[:2])
    with qtbot.waitSignal(window.session.comparison_changed, timeout=30000):
        window.set_threshold(0.7)
    qtbot.waitUntil(lambda: not window.session.runs.busy, timeout=30000)
    window.library.wait(30000)
    qtbot.wait(20)
    first = window.library.current_id
    assert window.prefs.comparison_settings().threshold == 0.5
    library = open_library(private_library)
    assert library.comparison_settings(first).threshold == 0.7  # saved with the comparison
    library.db.close()

    with qtbot.waitSignal(window.session.comparison_changed, timeout=30000):
        window.opening.open_new(article_files[2:4])
    qtbot.waitUntil(lambda: not window.session.runs.busy, timeout=30000)
    assert window.comparison.settings.threshold == 0.5  # a new comparison starts with the defaults
    assert window.threshold.threshold() == 0.5

    with qtbot.waitSignal(window.library.opened, timeout=30000):
        window.library.open_saved(first)
    assert window.threshold.threshold() == 0.7
    assert window.session.settings.threshold == 0.7
    assert not window.info_bar.isVisible()  # no "0.7 → 0.5, re-align?" offer


def test_new_comparison_starts_from_the_defaults(window, open_articles, article_files, qtbot):
    open_articles(article_files[:2])
    with qtbot.waitSignal(window.session.comparison_changed, timeout=30000):
        window.set_threshold(0.8)
    window.actions_.new.trigger()
    assert window.session.settings.threshold == 0.5
    assert window.threshold.threshold() == 0.5


def test_defaults_are_set_from_a_comparison_and_restored(window, open_articles, article_files, qtbot, store):
    open_articles(article_files[:2])
    dialog = window.settings_link.show_dialog()
    assert not dialog.restore_button.isEnabled()  # the defaults are Parallax's own already
    with qtbot.waitSignal(window.session.comparison_changed, timeout=30000):
        dialog.threshold.slider.setValue(65)
    qtbot.waitUntil(lambda: not window.session.runs.busy, timeout=30000)
    assert "similarity 0.50" in dialog.defaults_text.text()
    dialog.use_button.click()
    store.sync()
    assert window.prefs.comparison_settings().threshold == 0.65
    assert "similarity 0.65" in dialog.defaults_text.text()
    assert dialog.restore_button.isEnabled()
    dialog.restore_button.click()
    assert window.prefs.comparison_settings() == Settings()
    assert "similarity 0.50" in dialog.defaults_text.text()
    assert window.comparison.settings.threshold == 0.65  # restoring the defaults leaves this comparison alone
    dialog.close()


def test_reset_to_defaults_gives_this_comparison_the_defaults(window, open_articles, article_files, qtbot, store):
    store.setValue("compare/threshold", 0.4)
    open_articles(article_files[:2])
    with qtbot.waitSignal(window.session.comparison_changed, timeout=30000):
        window.set_threshold(0.8)
    qtbot.waitUntil(lambda: not window.session.runs.busy, timeout=30000)
    dialog = window.settings_link.show_dialog()
    with qtbot.waitSignal(window.session.comparison_changed, timeout=30000):
        dialog.reset_button.click()
    assert window.comparison.settings.threshold == 0.4
    assert window.threshold.threshold() == 0.4
    assert dialog.threshold.threshold() == 0.4
    dialog.close()
