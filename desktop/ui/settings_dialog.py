"""Comparison settings: similarity threshold, case and punctuation, boilerplate. Changes apply live."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from desktop.core.model import Settings

SLIDER_STEPS = 100


def threshold_to_slider(value: float) -> int:
    return round(value * SLIDER_STEPS)


def slider_to_threshold(value: int) -> float:
    return round(value / SLIDER_STEPS, 2)


class ThresholdSlider(QWidget):
    """Slider plus its value, shared by the toolbar and the dialog."""

    changed = Signal(float)

    def __init__(self, parent: QWidget | None = None, *, compact: bool = False) -> None:
        super().__init__(parent)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(20, 95)
        self.slider.setSingleStep(1)
        self.slider.setPageStep(5)
        self.slider.setAccessibleName("Similarity threshold")
        self.slider.setToolTip("How similar two sentences must be to count as the same statement")
        self.slider.setFixedWidth(120 if compact else 220)
        self.value = QLabel()
        self.value.setMinimumWidth(32)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.slider)
        layout.addWidget(self.value)
        self.slider.valueChanged.connect(self._moved)

    def set_threshold(self, value: float) -> None:
        self.slider.blockSignals(True)
        self.slider.setValue(threshold_to_slider(value))
        self.slider.blockSignals(False)
        self.value.setText(f"{value:.2f}")

    def threshold(self) -> float:
        return slider_to_threshold(self.slider.value())

    def _moved(self, value: int) -> None:
        threshold = slider_to_threshold(value)
        self.value.setText(f"{threshold:.2f}")
        self.changed.emit(threshold)


class SettingsDialog(QDialog):
    threshold_changed = Signal(float)
    options_changed = Signal(bool, bool)  # ignore case, ignore punctuation
    boilerplate_changed = Signal(bool)

    def __init__(self, settings: Settings, hide_boilerplate: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Comparison Settings")
        self.threshold = ThresholdSlider()
        self.threshold.set_threshold(settings.threshold)
        self.ignore_case = QCheckBox("Ignore &case when matching sentences")
        self.ignore_case.setChecked(settings.ignore_case)
        self.ignore_punctuation = QCheckBox("Ignore &punctuation when matching sentences")
        self.ignore_punctuation.setChecked(settings.ignore_punctuation)
        self.hide_boilerplate = QCheckBox("&Hide boilerplate (captions, bylines, “read more” lines)")
        self.hide_boilerplate.setChecked(hide_boilerplate)
        note = QLabel("Lower thresholds pair looser paraphrases; higher ones keep only close rewordings. "
                      "The comparison updates as you change these.")
        note.setWordWrap(True)
        note.setObjectName("hint")
        form = QFormLayout()
        form.addRow("&Similarity threshold:", self.threshold)
        label = form.labelForField(self.threshold)
        if isinstance(label, QLabel):
            label.setBuddy(self.threshold.slider)
        form.addRow("", self.ignore_case)
        form.addRow("", self.ignore_punctuation)
        form.addRow("", self.hide_boilerplate)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.threshold.changed.connect(self.threshold_changed)
        self.ignore_case.toggled.connect(self._options)
        self.ignore_punctuation.toggled.connect(self._options)
        self.hide_boilerplate.toggled.connect(self.boilerplate_changed)

    def _options(self) -> None:
        self.options_changed.emit(self.ignore_case.isChecked(), self.ignore_punctuation.isChecked())
