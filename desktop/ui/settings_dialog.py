"""Comparison settings: how sentences are matched, similarity threshold, case and punctuation, boilerplate.

The controls are the settings of the comparison on screen (saved with it in the library) and apply live; the
defaults new comparisons start with are shown apart, set from this comparison's or restored to Parallax's own.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from desktop.core.model import Settings

SLIDER_STEPS = 100

# ``Settings.match`` values with their labels, in menu order. "Meaning" needs the multilingual encoder; without it
# the core falls back to fuzzy matching and the status line says so.
MATCH_CHOICES = (
    ("auto", "Automatic (outlets and languages)"),
    ("fuzzy", "Fuzzy text"),
    ("semantic", "Meaning (multilingual)"),
    ("both", "Both (text and meaning)"),
    ("combined", "All evidence (news outlets)"),
)
MATCH_TIPS = {
    "auto": "All evidence when three or more outlets or two languages are compared, fuzzy text for two versions "
    "of one text",
    "fuzzy": "Compare the letters and words of sentences: fast, but blind to translation and loose paraphrase",
    "semantic": "Compare what sentences mean with multilingual sentence embeddings: works across German and English",
    "both": "Pair sentences when either their wording or their meaning is close enough",
    "combined": "Weigh shared words, names, numbers, meaning and headlines together, as calibrated on real news "
    "from different outlets; groups may join any outlets",
}


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
        # Fusion draws no focus on a slider: the widget frames itself while the slider has the keyboard (QSS
        # #thresholdSlider[focused="true"]).
        self.setObjectName("thresholdSlider")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setProperty("focused", False)
        self.slider.installEventFilter(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(6)
        layout.addWidget(self.slider)
        layout.addWidget(self.value)
        self.slider.valueChanged.connect(self._moved)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.slider and event.type() in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            self.setProperty("focused", event.type() == QEvent.Type.FocusIn)
            self.style().unpolish(self)
            self.style().polish(self)
            self.update()
        return False

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


class MatchChoice(QComboBox):
    """The matching signal, as a drop-down of ``MATCH_CHOICES``; ``changed`` carries the ``Settings.match`` value."""

    changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for value, label in MATCH_CHOICES:
            self.addItem(label, value)
            self.setItemData(self.count() - 1, MATCH_TIPS[value], Qt.ItemDataRole.ToolTipRole)
        self.setAccessibleName("Matching")
        self.setToolTip("How sentences are paired across articles")
        self.currentIndexChanged.connect(lambda _: self.changed.emit(self.match()))

    def set_match(self, value: str) -> None:
        index = self.findData(value)
        self.blockSignals(True)
        self.setCurrentIndex(max(0, index))
        self.blockSignals(False)

    def match(self) -> str:
        return str(self.currentData())


def describe_settings(settings: Settings) -> str:
    """One line for the defaults: "Automatic (outlets and languages) · similarity 0.50 · ignoring case and
    punctuation"."""
    match = dict(MATCH_CHOICES).get(settings.match, settings.match)
    flags = (("case", settings.ignore_case), ("punctuation", settings.ignore_punctuation))
    ignored = [name for name, on in flags if on]
    ignoring = f"ignoring {' and '.join(ignored)}" if ignored else "minding case and punctuation"
    return f"{match} · similarity {settings.threshold:.2f} · {ignoring}"


class SettingsDialog(QDialog):
    """``*_changed`` signals change the comparison on screen; ``use_as_defaults`` and ``restore_defaults`` ask the
    window to change the defaults for new comparisons, and ``reset_to_defaults`` to give this comparison them."""

    match_changed = Signal(str)
    threshold_changed = Signal(float)
    options_changed = Signal(bool, bool)  # ignore case, ignore punctuation
    boilerplate_changed = Signal(bool)
    use_as_defaults = Signal()
    restore_defaults = Signal()
    reset_to_defaults = Signal()

    def __init__(
        self, settings: Settings, hide_boilerplate: bool, defaults: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Comparison Settings")
        self.match = MatchChoice()
        self.threshold = ThresholdSlider()
        self.ignore_case = QCheckBox("Ignore &case when matching sentences")
        self.ignore_punctuation = QCheckBox("Ignore &punctuation when matching sentences")
        self.hide_boilerplate = QCheckBox("&Hide boilerplate (captions, bylines, “read more” lines)")
        self.hide_boilerplate.setChecked(hide_boilerplate)
        note = QLabel(
            "Automatic matching pairs sentences by their text when the articles share a language and "
            "by their meaning when they do not (German with English); there is no word diff between "
            "languages. Lower thresholds pair looser paraphrases; higher ones keep only close "
            "rewordings. The comparison updates as you change these, and they are saved with it."
        )
        note.setWordWrap(True)
        note.setObjectName("hint")
        form = QFormLayout()
        form.addRow("&Matching:", self.match)
        form.addRow("&Similarity threshold:", self.threshold)
        label = form.labelForField(self.threshold)
        if isinstance(label, QLabel):
            label.setBuddy(self.threshold.slider)
        form.addRow("", self.ignore_case)
        form.addRow("", self.ignore_punctuation)
        self.reset_button = QPushButton("Reset to &Defaults")
        self.reset_button.setToolTip("Give this comparison the settings new comparisons start with, and align again")
        reset_row = QHBoxLayout()
        reset_row.addStretch(1)
        reset_row.addWidget(self.reset_button)
        this = QGroupBox("This comparison")
        this_layout = QVBoxLayout(this)
        this_layout.addLayout(form)
        this_layout.addWidget(note)
        this_layout.addLayout(reset_row)

        self.defaults_text = QLabel()
        self.defaults_text.setWordWrap(True)
        self.defaults_text.setTextFormat(Qt.TextFormat.PlainText)
        self.defaults_text.setAccessibleName("Defaults for new comparisons")
        self.use_button = QPushButton("&Use This Comparison’s Settings")
        self.use_button.setToolTip("New comparisons start with the settings shown above")
        self.restore_button = QPushButton("&Restore Defaults")
        self.restore_button.setToolTip(
            f"New comparisons start with Parallax’s own settings again ({describe_settings(Settings())})"
        )
        default_buttons = QHBoxLayout()
        default_buttons.addStretch(1)
        default_buttons.addWidget(self.use_button)
        default_buttons.addWidget(self.restore_button)
        new = QGroupBox("New comparisons start with")
        new_layout = QVBoxLayout(new)
        new_layout.addWidget(self.defaults_text)
        new_layout.addLayout(default_buttons)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(this)
        layout.addWidget(new)
        layout.addWidget(self.hide_boilerplate)
        layout.addWidget(buttons)
        self.set_settings(settings)
        self.set_defaults(defaults)
        self.match.changed.connect(self.match_changed)
        self.threshold.changed.connect(self.threshold_changed)
        self.ignore_case.toggled.connect(self._options)
        self.ignore_punctuation.toggled.connect(self._options)
        self.hide_boilerplate.toggled.connect(self.boilerplate_changed)
        self.use_button.clicked.connect(self.use_as_defaults)
        self.restore_button.clicked.connect(self.restore_defaults)
        self.reset_button.clicked.connect(self.reset_to_defaults)

    def set_settings(self, settings: Settings) -> None:
        """Show the comparison's settings without sending them back as changes."""
        self.match.set_match(settings.match)
        self.threshold.set_threshold(settings.threshold)
        for box, on in (
            (self.ignore_case, settings.ignore_case),
            (self.ignore_punctuation, settings.ignore_punctuation),
        ):
            box.blockSignals(True)
            box.setChecked(on)
            box.blockSignals(False)

    def set_defaults(self, defaults: Settings) -> None:
        self.defaults_text.setText(describe_settings(defaults))
        self.restore_button.setEnabled(defaults != Settings())

    def _options(self) -> None:
        self.options_changed.emit(self.ignore_case.isChecked(), self.ignore_punctuation.isChecked())
