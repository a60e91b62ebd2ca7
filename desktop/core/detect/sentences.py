"""What each sentence is: identical, reworded or unique by its group, commentary or reporting by its cues (and
the classifier, for a comparison matched by meaning), and which loaded labels it uses."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from desktop.core.align import worddiff
from desktop.core.detect import commentary, commentary_model, commentary_verdict
from desktop.core.model import Article, ArticleResult, DiffOp, Group, Label, Role, Sentence, Span, Status
from desktop.core.text.normalize import canonical

if TYPE_CHECKING:
    from desktop.core.align.embeddings import Encoder


def read_ahead(articles: Sequence[Article], spans: Sequence[Sequence[Span]]) -> None:
    """Work out now the cues and labels ``classify_sentences`` will ask for (each is remembered per sentence), in
    a comparison matched by strings whose sentences a child process is aligning meanwhile (``align.aside``)."""
    for article, article_spans in zip(articles, spans, strict=True):
        for span in article_spans:
            if span.role != Role.BOILERPLATE:
                text = article.text[span.start : span.end]
                commentary_verdict.commentary_cues(text, article.language)
                commentary.find_labels(text, article.language)


def classify_sentences(
    articles: Sequence[Article], spans: Sequence[Sequence[Span]], groups: Sequence[Group], encoder: Encoder | None
) -> list[ArticleResult]:
    """Each sentence's status, commentary cues and labels; ``encoder`` (a comparison matched by meaning) lets the
    commentary classifier judge what the rules leave open."""
    group_of = {(aid, i): g for g in groups for aid, indices in g.members.items() for i in indices}
    inserted_cues = cues_in_insertions(articles, groups, spans)
    commentary_model.prepare(
        [
            (a.text[span.start : span.end], a.language)
            for a, article_spans in zip(articles, spans, strict=True)
            for span in article_spans
            if span.role != Role.BOILERPLATE
        ],
        encoder,
    )
    # A sentence is identical when another outlet's member of its group reads the same, even if the group also
    # holds a third outlet's paraphrase (the group as a whole is then reworded).
    folded = {
        (a.id, i): canonical(a.text[s[i].start : s[i].end])
        for a, s in zip(articles, spans, strict=True)
        for i in range(len(s))
        if (a.id, i) in group_of
    }

    def status(aid: str, index: int, group: Group | None) -> Status:
        if group is None:
            return Status.UNIQUE
        if group.status == Status.IDENTICAL:
            return Status.IDENTICAL
        mine = folded[(aid, index)]
        same = any(folded[(other, i)] == mine for other, ix in group.members.items() if other != aid for i in ix)
        return Status.IDENTICAL if same else Status.REWORDED

    results = []
    for article, article_spans in zip(articles, spans, strict=True):
        sentences = []
        for index, span in enumerate(article_spans):
            text = article.text[span.start : span.end]
            group = group_of.get((article.id, index))
            boilerplate = span.role == Role.BOILERPLATE
            cues = commentary_verdict.commentary_cues(text, article.language, encoder) if not boilerplate else ()
            cues = tuple(dict.fromkeys(cues + inserted_cues.get((article.id, index), ())))
            labels = () if boilerplate else commentary.find_labels(text, article.language)
            sentences.append(
                Sentence(
                    index=index,
                    start=span.start,
                    end=span.end,
                    text=text,
                    role=span.role,
                    status=status(article.id, index, group),
                    commentary=bool(cues),
                    cues=cues,
                    group=group.id if group else None,
                    labels=tuple(Label(span.start + c.start, span.start + c.end, c.text, c.neutral) for c in labels),
                )
            )
        results.append(ArticleResult(article, tuple(sentences)))
    return results


def cues_in_insertions(
    articles: Sequence[Article], groups: Sequence[Group], spans: Sequence[Sequence[Span]] | None = None
) -> dict[tuple[str, int], tuple[str, ...]]:
    """Evaluative words one outlet added to a shared sentence count as commentary in that outlet's sentence.

    With the sentence spans, a cue goes to the one member sentence it stands in (a headline merged into a
    group with a reporting sentence must not lend that sentence its cues); without them, to every member.
    """
    language = {a.id: a.language for a in articles}
    lengths = {
        a.id: [s.end - s.start for s in article_spans] for a, article_spans in zip(articles, spans or (), strict=False)
    }
    found: dict[tuple[str, int], tuple[str, ...]] = {}
    for group in groups:
        for diff in group.diffs:
            for side, op in ((diff.target, DiffOp.INSERT), (diff.source, DiffOp.DELETE)):
                changed = worddiff.changed_spans(diff.ops, op)
                if not changed:
                    continue
                # Judge the added words inside the side's own text, so one added inside a quotation stays
                # reporting; the ``=`` parts plus this side's parts rebuild that text exactly.
                text = "".join(t for kind, t in diff.ops if kind in (DiffOp.EQUAL, op))
                members = group.members[side]
                bounds, position = [], 0
                for i in members:
                    length = lengths[side][i] if side in lengths else len(text)
                    bounds.append((i, position, position + length))
                    position += length + 1  # members are joined with one space
                for cue in commentary.cue_matches_in_spans(text, changed, language[side]):
                    owners = [i for i, lo, hi in bounds if lo <= cue.start < hi] if side in lengths else members
                    for i in owners or members:
                        found[(side, i)] = tuple(dict.fromkeys((*found.get((side, i), ()), cue.text)))
    return found
