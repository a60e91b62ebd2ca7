"""Literal comparisons the library tests save and reload: one hand-built with every field set, one from the engine."""

import functools

from desktop.core.model import (
    Article,
    ArticleResult,
    ArticleSummary,
    Comparison,
    CorrectionKind,
    DiffOp,
    Fact,
    FactKind,
    Group,
    Role,
    Sentence,
    Settings,
    Status,
    UserLink,
    WordDiff,
)
from desktop.core.pipeline import compare

TEXT_A = "Bridge opens\nMayor Jane Northwood opened the bridge on 12 March. Critics called it a disgrace."
TEXT_B = "Bridge opened\nThe bridge was opened on 12 March. Subscribe now!"


def rich_comparison(title: str = "Bridge opens") -> Comparison:
    """Every field away from its default, so a column the store forgets shows up as an inequality."""
    a = Article("A", "/news/a.html", TEXT_A, "Bridge opens", "Daily A", "2025-03-12", "en")
    b = Article("B", "https://b.example/x", TEXT_B, "Bridge opened", "Herald B", "", "en")
    sa = (
        Sentence(0, 0, 12, "Bridge opens", Role.TITLE, Status.REWORDED, group=0),
        Sentence(1, 13, 64, TEXT_A[13:64], Role.BODY, Status.REWORDED, group=1),
        Sentence(2, 65, 94, TEXT_A[65:94], Role.BODY, Status.UNIQUE, commentary=True, cues=("disgrace", "critics")),
    )
    sb = (
        Sentence(0, 0, 13, "Bridge opened", Role.TITLE, Status.REWORDED, group=0),
        Sentence(1, 14, 48, TEXT_B[14:48], Role.BODY, Status.REWORDED, group=1),
        Sentence(2, 49, 63, "Subscribe now!", Role.BOILERPLATE, Status.UNIQUE),
    )
    groups = (
        Group(
            0,
            {"A": (0,), "B": (0,)},
            0.8333,
            Status.REWORDED,
            (WordDiff("A", "B", ((DiffOp.EQUAL, "Bridge "), (DiffOp.DELETE, "opens"), (DiffOp.INSERT, "opened"))),),
        ),
        Group(1, {"B": (1,), "A": (1, 2)}, 0.61, Status.REWORDED, ()),
    )
    facts = (
        Fact("Jane Northwood", FactKind.NAME, "A", 1, 19, 33, ("B",)),
        Fact("12 March", FactKind.DATE, "A", 1, 55, 63, ()),
        Fact("„Schande“", FactKind.QUOTE, "A", 2, 65, 94, ("B",)),  # non-ASCII survives
    )
    summary = {
        "A": ArticleSummary(3, 0, 2, 1, 1, 0, 0),
        "B": ArticleSummary(3, 0, 2, 0, 0, 1, 2),
    }
    settings = Settings(threshold=0.42, ignore_case=False, ignore_punctuation=True, reference="B", presegmented=True)
    user_links = (
        UserLink(CorrectionKind.LINK, (("A", 2), ("B", 1))),
        UserLink(CorrectionKind.NOT_COMMENTARY, (("A", 2),)),
    )
    return Comparison(
        settings,
        (ArticleResult(a, sa), ArticleResult(b, sb)),
        groups,
        facts,
        summary,
        title,
        matched_by="fuzzy",
        user_links=user_links,
    )


@functools.cache
def engine_comparison() -> Comparison:
    """What the pipeline really produces for three short outlets on one event (cached: results are immutable)."""
    articles = [
        Article(
            "A",
            "a.txt",
            "Mayor Jane Northwood opened the Elbe bridge on 12 March. It cost 4 million euros. "
            "Critics called the ceremony a shameful waste.",
            source="Daily A",
            language="en",
        ),
        Article(
            "B",
            "b.txt",
            "The Elbe bridge was opened on 12 March. It cost 4 million euros.",
            source="Herald B",
            language="en",
        ),
        Article(
            "C",
            "c.txt",
            "Mayor Northwood opened the new Elbe bridge on Thursday. The bridge cost 4 million euros.",
            source="Courier C",
            language="en",
        ),
    ]
    return compare(articles, Settings(threshold=0.5))
