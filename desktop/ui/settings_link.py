"""Keeps the toolbar's similarity slider, the Comparison Settings dialog and the session's settings in step, and
the defaults for new comparisons (``Preferences``) apart from them.

A comparison's settings are its own: they change it (and are saved with it in the library), never the defaults.
The controls follow ``Session.settings_changed``, so a change that gave no result (cancelled, failed) and a
reopened comparison's own settings show in them at once.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from desktop.core.model import Settings
from desktop.ui.preferences import Preferences
from desktop.ui.session import Session
from desktop.ui.settings_dialog import SettingsDialog, ThresholdSlider


class SettingsLink(QObject):
    def __init__(
        self, session: Session, prefs: Preferences, slider: ThresholdSlider, hide_boilerplate: QAction, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.prefs = prefs
        self.slider = slider
        self.hide_boilerplate = hide_boilerplate
        self.dialog: SettingsDialog | None = None
        self._parent = parent
        slider.set_threshold(session.settings.threshold)
        slider.changed.connect(self.set_threshold)
        session.settings_changed.connect(self._show)
        hide_boilerplate.toggled.connect(self._show_boilerplate)

    def show_dialog(self) -> SettingsDialog:
        if self.dialog is None:
            dialog = SettingsDialog(
                self.session.settings, self.hide_boilerplate.isChecked(), self.prefs.comparison_settings(), self._parent
            )
            dialog.threshold_changed.connect(self.set_threshold)
            dialog.match_changed.connect(self.set_match)
            dialog.options_changed.connect(self.set_options)
            dialog.boilerplate_changed.connect(self.hide_boilerplate.setChecked)
            dialog.use_as_defaults.connect(self.use_as_defaults)
            dialog.restore_defaults.connect(self.restore_defaults)
            dialog.reset_to_defaults.connect(self.reset_to_defaults)
            self.dialog = dialog
        self.dialog.set_settings(self.session.settings)
        self.dialog.set_defaults(self.prefs.comparison_settings())
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog

    # -- this comparison --------------------------------------------------------------------------------------
    def set_threshold(self, value: float) -> None:
        self.session.update_settings(threshold=value)

    def set_match(self, match: str) -> None:
        """Align again with another matching signal (``Settings.match``)."""
        self.session.update_settings(match=match, debounce=False)

    def set_options(self, ignore_case: bool, ignore_punctuation: bool) -> None:
        self.session.update_settings(ignore_case=ignore_case, ignore_punctuation=ignore_punctuation, debounce=False)

    def reset_to_defaults(self) -> None:
        """This comparison takes the settings new comparisons start with."""
        defaults = self.prefs.comparison_settings()
        self.session.update_settings(
            threshold=defaults.threshold,
            match=defaults.match,
            ignore_case=defaults.ignore_case,
            ignore_punctuation=defaults.ignore_punctuation,
            debounce=False,
        )

    # -- new comparisons --------------------------------------------------------------------------------------
    def use_as_defaults(self) -> None:
        self.prefs.save_comparison_settings(self.session.settings)
        self._show_defaults(self.prefs.comparison_settings())

    def restore_defaults(self) -> None:
        self._show_defaults(self.prefs.reset_comparison_settings())

    # -- showing ----------------------------------------------------------------------------------------------
    def _show(self, settings: Settings) -> None:
        self.slider.set_threshold(settings.threshold)
        if self.dialog is not None:
            self.dialog.set_settings(settings)

    def _show_defaults(self, defaults: Settings) -> None:
        if self.dialog is not None:
            self.dialog.set_defaults(defaults)

    def _show_boilerplate(self, hide: bool) -> None:
        if self.dialog is not None:
            box = self.dialog.hide_boilerplate
            box.blockSignals(True)
            box.setChecked(hide)
            box.blockSignals(False)
