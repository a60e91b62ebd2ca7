"""Highlight colours and shapes, chosen from the window palette so they read in light and dark mode.

Colour never carries a meaning alone: every kind also has a shape (strike-through, underline, solid or dashed
left rule, dotted, wavy or double underline, hatching), so the views stay legible for colour-blind users and in
greyscale.
The hues follow the Okabe–Ito set (blue, orange/amber, reddish purple, vermillion) that stays distinct under the
common colour-vision deficiencies.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette


@dataclass(frozen=True)
class Theme:
    dark: bool
    text: QColor
    muted: QColor
    reworded_bg: QColor
    unique_bg: QColor
    unique_rule: QColor
    commentary_bg: QColor
    commentary_rule: QColor
    deleted_bg: QColor
    deleted_fg: QColor
    inserted_bg: QColor
    inserted_line: QColor
    fact_fg: QColor
    label_line: QColor
    conflict_line: QColor
    gap_bg: QColor
    gap_hatch: QColor
    link: QColor
    grid: QColor
    identical_bar: QColor
    reworded_bar: QColor


def _c(value: str, alpha: int = 255) -> QColor:
    colour = QColor(value)
    colour.setAlpha(alpha)
    return colour


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def theme_for(palette: QPalette) -> Theme:
    text = palette.color(QPalette.ColorRole.Text)
    link = palette.color(QPalette.ColorRole.Highlight)
    if is_dark(palette):
        return Theme(
            dark=True,
            text=text,
            muted=_c("#9aa0a6"),
            reworded_bg=_c("#4a4122"),
            unique_bg=_c("#173a5c"),
            unique_rule=_c("#56b4e9"),
            commentary_bg=_c("#4a2446"),
            commentary_rule=_c("#d98fc7"),
            deleted_bg=_c("#6b2d23"),
            deleted_fg=_c("#ffb4a6"),
            inserted_bg=_c("#1d4d45"),
            inserted_line=_c("#5fd3b6"),
            fact_fg=_c("#ff9ad5"),
            label_line=_c("#f0b54a"),
            conflict_line=_c("#ff8c5a"),
            gap_bg=_c("#2b2d30"),
            gap_hatch=_c("#3c3f43"),
            link=link,
            grid=_c("#3a3d41"),
            identical_bar=_c("#6b7075"),
            reworded_bar=_c("#c9a227"),
        )
    return Theme(
        dark=False,
        text=text,
        muted=_c("#6b7075"),
        reworded_bg=_c("#fff4c7"),
        unique_bg=_c("#dfeafb"),
        unique_rule=_c("#0072b2"),
        commentary_bg=_c("#f5e1f2"),
        commentary_rule=_c("#a0447f"),
        deleted_bg=_c("#f9d3cc"),
        deleted_fg=_c("#8f2a17"),
        inserted_bg=_c("#cdeee4"),
        inserted_line=_c("#00795f"),
        fact_fg=_c("#a3005e"),
        label_line=_c("#8a5a00"),
        conflict_line=_c("#d55e00"),
        gap_bg=_c("#f4f5f6"),
        gap_hatch=_c("#e3e5e8"),
        link=link,
        grid=_c("#dcdfe3"),
        identical_bar=_c("#c5c9ce"),
        reworded_bar=_c("#e6b422"),
    )
