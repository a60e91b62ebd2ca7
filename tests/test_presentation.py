"""The presentation layer on literal comparisons: which words are struck or underlined, facts, labels, conflicts,
sentence kinds, counts and shown locations. No Qt; the renderers are held to it in ``tests/ui/test_same_marks.py``.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from desktop.core.detect.summary import summarise
from desktop.core.model import (
    Article,
    ArticleResult,
    ArticleSummary,
    Comparison,
    Conflict,
    ConflictKind,
    ConflictValue,
    DiffOp,
    Fact,
    FactKind,
    Group,
    Label,
    MatchEvidence,
    Role,
    Sentence,
    Settings,
    Status,
    WordDiff,
)
from desktop.core.pipeline import compare
from desktop.core.presentation import MarkKind, SentenceKind, present, shown_location
from desktop.core.presentation.marks import _runs

EQ, DEL, INS = DiffOp.EQUAL, DiffOp.DELETE, DiffOp.INSERT


def _result(aid: str, *texts: str, status: Status = Status.REWORDED, group: int | None = 0) -> ArticleResult:
    """An article whose sentences are ``texts`` joined by single spaces, all in ``group``."""
    sentences, start = [], 0
    for index, text in enumerate(texts):
        sentences.append(Sentence(index, start, start + len(text), text, Role.BODY, status, group=group))
        start += len(text) + 1
    return ArticleResult(Article(aid, f"{aid.lower()}.txt", " ".join(texts), language="en"), tuple(sentences))


def _marked(comparison: Comparison, article: str, index: int, kind: MarkKind) -> list[tuple[str, str]]:
    view = present(comparison).sentence(article, index)
    return [(view.text[m.start : m.end], m.tip) for m in view.marks if m.kind == kind]


def _police() -> Comparison:
    """A says "old"; B replaced it, C dropped it and wrote "Officers" for "Police"."""
    ops_b = ((EQ, "Police closed the "), (DEL, "old"), (INS, "new"), (EQ, " road"))
    ops_c = ((DEL, "Police"), (INS, "Officers"), (EQ, " closed the "), (DEL, "old "), (EQ, "road"))
    return Comparison(
        Settings(),
        (
            _result("A", "Police closed the old road"),
            _result("B", "Police closed the new road"),
            _result("C", "Officers closed the road"),
        ),
        (
            Group(
                0,
                {"A": (0,), "B": (0,), "C": (0,)},
                0.8,
                Status.REWORDED,
                (WordDiff("A", "B", ops_b), WordDiff("A", "C", ops_c)),
            ),
        ),
        (),
    )


def test_a_word_is_struck_when_at_least_one_other_article_lacks_it_and_the_tip_names_which():
    assert _marked(_police(), "A", 0, MarkKind.DELETED) == [("Police", "not in C"), ("old", "not in B, C")]


def test_added_words_are_underlined_in_their_own_article_against_the_source():
    comparison = _police()
    assert _marked(comparison, "B", 0, MarkKind.INSERTED) == [("new", "added in B, not in A")]
    assert _marked(comparison, "C", 0, MarkKind.INSERTED) == [("Officers", "added in C, not in A")]
    assert _marked(comparison, "A", 0, MarkKind.INSERTED) == []


def test_every_underline_has_its_struck_counterpart_in_the_source():
    comparison = _police()
    struck = {text for text, _ in _marked(comparison, "A", 0, MarkKind.DELETED)}
    assert {"Police", "old"} <= struck  # C's "Officers" replaces "Police", B's "new" replaces "old"


def test_a_sentence_nearly_all_struck_against_one_article_gets_no_marks_from_it():
    """An n:m row: B's one sentence is A's first; A's second has no counterpart in B, so striking every word of it
    says nothing the row does not; C's own difference in that sentence is still struck."""
    first, second = "The port closed at dawn.", "Ferries stayed in the harbour all day."
    ops_b = ((EQ, first), (DEL, " " + second))
    ops_c = ((EQ, first + " Ferries stayed in the harbour "), (DEL, "all day"), (INS, "overnight"), (EQ, "."))
    comparison = Comparison(
        Settings(),
        (
            _result("A", first, second),
            _result("B", first),
            _result("C", first, "Ferries stayed in the harbour overnight."),
        ),
        (
            Group(
                0,
                {"A": (0, 1), "B": (0,), "C": (0, 1)},
                0.7,
                Status.REWORDED,
                (WordDiff("A", "B", ops_b), WordDiff("A", "C", ops_c)),
            ),
        ),
        (),
    )
    assert _marked(comparison, "A", 1, MarkKind.DELETED) == [("all day", "not in C")]
    assert _marked(comparison, "A", 0, MarkKind.DELETED) == []


def test_a_sentence_rewritten_wholesale_gets_no_underline():
    ops = ((DEL, "Talks failed."), (INS, "Negotiators walked out."))
    comparison = Comparison(
        Settings(),
        (_result("A", "Talks failed."), _result("B", "Negotiators walked out.")),
        (Group(0, {"A": (0,), "B": (0,)}, 0.6, Status.REWORDED, (WordDiff("A", "B", ops),)),),
        (),
    )
    assert present(comparison).sentence("B", 0).marks == ()
    assert present(comparison).sentence("A", 0).marks == ()


def test_identical_rows_carry_no_word_marks():
    ops = ((EQ, "The mayor said "), (DEL, "“yes”"), (INS, '"yes"'), (EQ, "."))
    comparison = Comparison(
        Settings(),
        (
            _result("A", "The mayor said “yes”.", status=Status.IDENTICAL),
            _result("B", 'The mayor said "yes".', status=Status.IDENTICAL),
        ),
        (Group(0, {"A": (0,), "B": (0,)}, 1.0, Status.IDENTICAL, (WordDiff("A", "B", ops),)),),
        (),
    )
    assert present(comparison).sentence("A", 0).marks == ()
    assert present(comparison).sentence("B", 0).marks == ()


def _punctuation(settings: Settings) -> Comparison:
    ops = ((EQ, "Buses stopped"), (DEL, ";"), (INS, ","), (EQ, " trams ran"), (INS, " again"))
    return Comparison(
        settings,
        (_result("A", "Buses stopped; trams ran"), _result("B", "Buses stopped, trams ran again")),
        (Group(0, {"A": (0,), "B": (0,)}, 0.8, Status.REWORDED, (WordDiff("A", "B", ops),)),),
        (),
    )


def test_punctuation_alone_is_not_marked_when_the_comparison_ignores_punctuation():
    comparison = _punctuation(Settings())
    assert _marked(comparison, "A", 0, MarkKind.DELETED) == []
    assert _marked(comparison, "B", 0, MarkKind.INSERTED) == [("again", "added in B, not in A")]
    counted = _punctuation(Settings(ignore_punctuation=False))
    assert _marked(counted, "A", 0, MarkKind.DELETED) == [(";", "not in B")]
    assert _marked(counted, "B", 0, MarkKind.INSERTED) == [
        (",", "added in B, not in A"),
        ("again", "added in B, not in A"),
    ]


def test_a_full_stop_left_over_where_a_struck_run_crosses_into_the_next_sentence_is_not_marked():
    """A's two sentences against B's one: "weekday. Many" is one struck run, split onto A's sentences; the full
    stop alone in the first is punctuation, which the comparison ignores."""
    first, second = "Buses carry riders every weekday.", "Many walked to work."
    b_text = "Buses carry riders every weekday, and many walked to work."
    ops = ((EQ, "Buses carry riders every weekday"), (DEL, ". Many"), (INS, ", and many"), (EQ, " walked to work."))
    comparison = Comparison(
        Settings(),
        (_result("A", first, second), _result("B", b_text)),
        (Group(0, {"A": (0, 1), "B": (0,)}, 0.8, Status.REWORDED, (WordDiff("A", "B", ops),)),),
        (),
    )
    assert _marked(comparison, "A", 0, MarkKind.DELETED) == []
    assert _marked(comparison, "A", 1, MarkKind.DELETED) == [("Many", "not in B")]


def test_a_diff_that_does_not_rebuild_the_text_is_skipped():
    ops = ((EQ, "Something else entirely"), (INS, " here"))
    comparison = Comparison(
        Settings(),
        (_result("A", "Police closed the road"), _result("B", "Police closed the road here")),
        (Group(0, {"A": (0,), "B": (0,)}, 0.9, Status.REWORDED, (WordDiff("A", "B", ops),)),),
        (),
    )
    assert present(comparison).sentence("B", 0).marks == ()


def test_marked_words_separated_by_spaces_join_into_one_run_unless_other_articles_lack_them():
    text = "Once again the port"
    same = dict.fromkeys([*range(0, 4), *range(5, 10)], ("B",))
    assert _runs(same, text) == [(0, 10, ("B",))]
    mixed = {**dict.fromkeys(range(0, 4), ("B",)), **dict.fromkeys(range(5, 10), ("B", "C"))}
    assert _runs(mixed, text) == [(0, 4, ("B",)), (5, 10, ("B", "C"))]
    assert _runs(dict.fromkeys([1, 2], ()), " ab ") == [(1, 3, ())]


def test_missing_facts_overlapping_merge_into_one_mark_naming_every_article_that_lacks_them():
    text = "Mayor Anna Berg met 40 people."
    name, title = text.index("Anna Berg"), text.index("Mayor Anna")
    facts = (
        Fact("Anna Berg", FactKind.NAME, "A", 0, name, name + 9, ("B",)),
        Fact("Mayor Anna", FactKind.TERM, "A", 0, title, title + 10, ("C",)),
        Fact("40", FactKind.NUMBER, "A", 0, 0, 2, ("B", "C")),  # offsets off (an edited file): found by text
    )
    comparison = Comparison(
        Settings(),
        (
            _result("A", text, status=Status.UNIQUE, group=None),
            _result("B", "x", status=Status.UNIQUE, group=None),
            _result("C", "y", status=Status.UNIQUE, group=None),
        ),
        (),
        facts,
    )
    marks = [m for m in present(comparison).sentence("A", 0).marks if m.kind == MarkKind.FACT]
    assert [(text[m.start : m.end], m.tip, m.facts) for m in marks] == [
        ("Mayor Anna Berg", "missing from C, B · present in A", (1, 0)),
        ("40", "missing from B, C · present in A", (2,)),
    ]
    assert marks[1].spoken == "fact missing from B, C: "


def test_labels_and_conflicts_are_marked_with_their_tooltips():
    a_text, b_text = "Officials counted 20,000 marchers.", "The regime counted 6,000 marchers."
    regime = b_text.index("regime")
    b = _result("B", b_text)
    b = replace(b, sentences=(replace(b.sentences[0], labels=(Label(regime, regime + 6, "regime", "government"),)),))
    conflict = Conflict(
        0,
        ConflictKind.NUMBER,
        "marchers",
        (
            ConflictValue("A", 0, "20,000", a_text.index("20,000"), a_text.index("20,000") + 6),
            ConflictValue("B", 0, "6,000", b_text.index("6,000"), b_text.index("6,000") + 5),
        ),
    )
    comparison = Comparison(Settings(), (_result("A", a_text), b), (), (), conflicts=(conflict,))
    tip = "Disagreement (number, marchers): A 20,000 · B 6,000"
    assert _marked(comparison, "A", 0, MarkKind.CONFLICT) == [("20,000", tip)]
    assert _marked(comparison, "B", 0, MarkKind.CONFLICT) == [("6,000", tip)]
    assert _marked(comparison, "B", 0, MarkKind.LABEL) == [("regime", "loaded label — neutral: government")]


def test_a_sentence_kind_puts_boilerplate_before_its_status_and_keeps_its_cues():
    a = _result("A", "Subscribe now.", "Ferries stopped.", status=Status.UNIQUE, group=None)
    a = replace(
        a,
        sentences=(
            replace(a.sentences[0], role=Role.BOILERPLATE),
            replace(a.sentences[1], commentary=True, cues=("sadly",), status=Status.REWORDED, group=0),
        ),
    )
    b = ArticleResult(
        Article("B", "b.txt", "Die Fähren standen still.", language="de"),
        (Sentence(0, 0, 25, "Die Fähren standen still.", Role.TITLE, Status.REWORDED, group=0),),
    )
    group = Group(0, {"A": (1,), "B": (0,)}, 0.7, evidence=MatchEvidence(0.8, partial=True))
    presentation = present(Comparison(Settings(), (a, b), (group,), ()))
    boilerplate, ferries = presentation.sentences["A"]
    assert boilerplate.kind == SentenceKind.BOILERPLATE and boilerplate.status == Status.UNIQUE
    assert ferries.kind == SentenceKind.REWORDED and ferries.commentary and ferries.cues == ("sadly",)
    assert ferries.partial and ferries.other_language and not ferries.title
    assert presentation.sentence("B", 0).title


def test_counts_come_from_the_stored_summary_and_are_worked_out_alike_when_there_is_none():
    a = Article("A", "a.txt", "The mayor opened the bridge on Monday. It rained.", language="en")
    b = Article("B", "b.txt", "The mayor opened the bridge. Crowds cheered on Tuesday.", language="en")
    comparison = compare([a, b], Settings())
    stored = present(comparison)
    bare = present(replace(comparison, summary={}))
    assert [v.summary for v in stored.articles] == [v.summary for v in bare.articles]
    assert {v.id: v.summary for v in bare.articles} == summarise(comparison.articles, comparison.facts)
    marked = replace(comparison, summary={**comparison.summary, "A": ArticleSummary(9, 9, 0, 0, 0, 0, 0)})
    assert present(marked).article("A").summary.sentences == 9  # the stored figures are what is shown


def test_each_article_counts_its_facts_missing_from_each_other_article():
    a = Article("A", "a.txt", "Anna Berg opened the bridge on Monday before 300 people.", language="en")
    b = Article("B", "b.txt", "The mayor opened the bridge.", language="en")
    view = present(compare([a, b], Settings())).article("A")
    assert dict(view.facts_missing_from)["B"] >= 2


@pytest.mark.parametrize(
    ("path", "full", "shown"),
    [
        ("/home/jana/leaks/2026/report.txt", False, ("file", "report.txt")),
        ("/home/jana/leaks/2026/report.txt", True, ("file", "/home/jana/leaks/2026/report.txt")),
        ("C:\\Users\\jana\\Desktop\\bericht.docx", False, ("file", "bericht.docx")),
        ("file:///home/jana/a.html", False, ("file", "a.html")),
        ("https://example.org/news/1", False, ("URL", "https://example.org/news/1")),
        ("https://jana:secret@example.org/news/1", True, ("URL", "https://example.org/news/1")),
        ("pasted text 2", False, ("file", "pasted text 2")),
    ],
)
def test_a_local_file_is_shown_by_its_name_and_a_url_without_its_password(path, full, shown):
    assert shown_location(path, full_paths=full) == shown


def test_the_presentation_names_files_not_folders_unless_asked():
    comparison = _police()
    comparison = replace(
        comparison,
        articles=tuple(
            replace(r, article=replace(r.article, path=f"/home/jana/{r.article.id}.txt")) for r in comparison.articles
        ),
    )
    assert [v.location for v in present(comparison).articles] == ["A.txt", "B.txt", "C.txt"]
    assert present(comparison, full_paths=True).article("A").location == "/home/jana/A.txt"
