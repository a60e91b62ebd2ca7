"""End-to-end behaviour of the orchestrator on literal articles."""

import pytest

from desktop.core.model import Article, Settings, Status
from desktop.core.pipeline import ComparisonCancelled, article_ids, compare


def test_article_ids_continue_after_z():
    assert article_ids(28)[:3] == ["A", "B", "C"]
    assert article_ids(28)[25:] == ["Z", "AA", "AB"]


def test_reworded_sentence_is_grouped_with_word_diff():
    a = Article("A", "a.txt", "The president visited Berlin on Monday. It rained all day.", language="en")
    b = Article("B", "b.txt", "The dictator visited Berlin on Monday. Nobody expected that.", language="en")
    result = compare([a, b], Settings(threshold=0.5))
    first_a = result.article("A").sentences[0]
    first_b = result.article("B").sentences[0]
    assert first_a.group == first_b.group is not None
    assert first_a.status == Status.REWORDED
    group = result.group(first_a.group)
    assert ("-", "president") in [(str(op), text.strip()) for op, text in group.diffs[0].ops]
    assert result.article("B").sentences[1].status == Status.UNIQUE


def test_cancelled_comparison_raises_instead_of_returning():
    a = Article("A", "a.txt", "One sentence here.", language="en")
    b = Article("B", "b.txt", "One sentence here.", language="en")
    with pytest.raises(ComparisonCancelled):
        compare([a, b], cancelled=lambda: True)
