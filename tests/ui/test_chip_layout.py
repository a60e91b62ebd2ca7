"""The filter chips keep their whole label when counts grow to thousands: they flow onto new rows instead of
being squeezed two to a row ("✓ 266 o...d facts" on a real pair of long documents)."""

from desktop.ui.differences_panel import DifferencesPanel, chip_text


def test_chips_with_four_digit_counts_are_shown_whole_and_apart(qtbot):
    panel = DifferencesPanel()
    qtbot.addWidget(panel)
    for kind, chip in panel.chips.items():
        chip.setText(chip_text(kind, 1051, True))
    panel.resize(panel.minimumWidth(), 600)
    panel.show()
    qtbot.waitExposed(panel)
    chips = list(panel.chips.values())
    for chip in chips:
        assert chip.width() >= chip.sizeHint().width(), chip.text()
        assert chip.geometry().right() < chip.parentWidget().width()
    for n, chip in enumerate(chips):
        assert not any(chip.geometry().intersects(other.geometry()) for other in chips[n + 1 :])
    assert panel.list.geometry().top() > max(chip.mapTo(panel, chip.rect().bottomLeft()).y() for chip in chips)
