"""A merged cell names its sentences as a reader counts them."""

import pytest

from desktop.ui.highlights import Cell


@pytest.mark.parametrize(
    ("sentences", "label"),
    [((), ""), ((3,), "4"), ((3, 4, 5), "4–6"), ((0, 7), "1, 8"), ((0, 1, 7), "1, 2, 8")],
)
def test_cell_label_shows_runs_as_ranges_and_gaps_as_lists(sentences, label):
    assert Cell(article="A", sentences=sentences).label == label
