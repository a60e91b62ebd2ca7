"""Row order of the aligned table, on hand-built comparisons so the alignment is exactly what each test says."""

from desktop.core.model import Article, ArticleResult, Comparison, Group, Role, Sentence, Settings, Status
from desktop.core.presentation.collation import Row, collate


def build(layout: dict[str, list[int | None]], reference: str = "A") -> Comparison:
    """``layout`` maps article id → the group id of each sentence in reading order (None = in no group)."""
    results = []
    members: dict[int, dict[str, list[int]]] = {}
    for aid, sentence_groups in layout.items():
        sentences = []
        for index, gid in enumerate(sentence_groups):
            status = Status.REWORDED if gid is not None else Status.UNIQUE
            sentences.append(Sentence(index, 0, 0, f"{aid}{index}", Role.BODY, status, group=gid))
            if gid is not None:
                members.setdefault(gid, {}).setdefault(aid, []).append(index)
        results.append(ArticleResult(Article(aid, f"{aid}.txt", ""), tuple(sentences)))
    groups = tuple(Group(gid, {aid: tuple(idx) for aid, idx in m.items()}, 0.9) for gid, m in sorted(members.items()))
    return Comparison(Settings(reference=reference), tuple(results), groups, ())


def reading_order(rows: list[Row], aid: str) -> list[int]:
    return [i for row in rows for i in row.cells.get(aid, ())]


def test_same_order_gives_one_row_per_group_in_that_order():
    rows = collate(build({"A": [0, 1, 2], "B": [0, 1, 2]}))
    assert rows == [Row({"A": (0,), "B": (0,)}, 0), Row({"A": (1,), "B": (1,)}, 1), Row({"A": (2,), "B": (2,)}, 2)]


def test_unique_sentence_follows_its_predecessor_in_its_own_article():
    rows = collate(build({"A": [0, 1, 2], "B": [0, None, 1, 2], "C": [0, 1, None, 2]}))
    assert [row.group for row in rows] == [0, None, 1, None, 2]
    assert rows[1].cells == {"B": (1,)}
    assert rows[3].cells == {"C": (2,)}


def test_reference_unique_sentences_come_before_others_at_the_same_place():
    rows = collate(build({"A": [None, 0], "B": [None, 0]}))
    assert [row.cells for row in rows] == [{"A": (0,)}, {"B": (0,)}, {"A": (1,), "B": (1,)}]


def test_every_sentence_appears_exactly_once():
    comparison = build({"A": [0, None, 1, 2, None], "B": [2, 0, None, 1], "C": [None, None, 1, 0]})
    rows = collate(comparison)
    for result in comparison.articles:
        aid = result.article.id
        assert sorted(reading_order(rows, aid)) == list(range(len(result.sentences)))


def test_each_article_reads_in_order_when_the_articles_agree():
    comparison = build({"A": [0, None, 1, None, 2], "B": [None, 0, 1, None, None, 2], "C": [0, 2]})
    rows = collate(comparison)
    for aid, count in (("A", 5), ("B", 6), ("C", 2)):
        assert reading_order(rows, aid) == list(range(count))


def test_reordering_follows_the_reference_and_keeps_the_other_sentences_after_their_predecessor():
    # B moved A's last sentence to the front, followed by a sentence of its own.
    rows = collate(build({"A": [0, 1, 2], "B": [2, None, 0, 1]}))
    assert reading_order(rows, "A") == [0, 1, 2]
    assert [row.group for row in rows] == [0, 1, 2, None]
    assert rows[-1].cells == {"B": (1,)}


def test_reference_setting_decides_whose_order_wins():
    layout = {"A": [0, 1], "B": [1, 0]}
    assert reading_order(collate(build(layout, reference="A")), "A") == [0, 1]
    assert reading_order(collate(build(layout, reference="B")), "B") == [0, 1]


def test_n_to_m_group_is_one_row_at_its_first_member():
    rows = collate(build({"A": [0, 0, 1], "B": [0, 1, 1]}))
    assert rows == [Row({"A": (0, 1), "B": (0,)}, 0), Row({"A": (2,), "B": (1, 2)}, 1)]
