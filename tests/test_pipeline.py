"""End-to-end behaviour of the orchestrator on literal articles."""

import pytest

from desktop.core.model import Article, Settings, Status, article_ids
from desktop.core.pipeline import ComparisonCancelled, compare


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


def _short_reports():
    a = Article(
        "A",
        "a.txt",
        "Dock workers strike over pay\n\nAbout 2,300 dock workers walked out on Tuesday at Harbourtown port. "
        "The union is demanding a 6.5 percent pay rise over two years. Container traffic was halted for the day.",
        language="en",
    )
    b = Article(
        "B",
        "b.txt",
        "Harbourtown workers say: enough\n\nDock workers abandoned their posts on Tuesday at Harbourtown port. "
        "The union wants a fair pay rise. Container traffic was halted for the day.",
        language="en",
    )
    return [a, b]


def test_headlines_pair_only_with_headlines():
    result = compare(_short_reports(), Settings(threshold=0.3))
    for group in result.groups:
        roles = {result.article(aid).sentences[i].role for aid, idx in group.members.items() for i in idx}
        assert len(roles) == 1, f"group {group.id} mixes a headline with body sentences"


def test_a_strict_threshold_leaves_loose_paraphrases_unpaired():
    loose = compare(_short_reports(), Settings(threshold=0.5))
    strict = compare(_short_reports(), Settings(threshold=0.95))

    def paired(comparison):
        return sum(len(idx) for g in comparison.groups for idx in g.members.values())

    assert paired(strict) < paired(loose)
    assert all(g.similarity >= 0.8 for g in strict.groups)
    assert any(g.status == Status.IDENTICAL for g in strict.groups)
