"""Reading one article's members of a group into a ``Side``: each sentence read once (outlets share sentences,
re-runs read the same ones) by the readers of every kind, its values then moved to their offsets in the article.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from desktop.core.detect.conflicts.attribution import read_attribution, read_certainty
from desktop.core.detect.conflicts.dates import date_context, preposition_before
from desktop.core.detect.conflicts.lexicon import WORD
from desktop.core.detect.conflicts.names import loose_places, read_name
from desktop.core.detect.conflicts.numbers import read_number, spelled_numbers
from desktop.core.detect.conflicts.statements import Date, Side, Token, Value
from desktop.core.memo import per_sentence
from desktop.core.model import Article, ArticleResult, FactKind, Role, Sentence, Span, Status
from desktop.core.text.facts.dates import DATE, date_key
from desktop.core.text.facts.extraction import extract_facts
from desktop.core.text.facts.words import fold_name


def read_ahead(articles: Sequence[Article], spans: Sequence[Sequence[Span]], waiting: Callable[[], bool]) -> None:
    """Read, while ``waiting()`` holds, the sentences ``find_conflicts`` will most likely read: those no other
    article has word for word (a group whose members all read the same is never read). A long comparison does this
    while it waits for its child process's alignment (``align.aside``), so it stops as soon as that arrives."""
    texts = [
        [article.text[s.start : s.end] for s in article_spans if s.role != Role.BOILERPLATE]
        for article, article_spans in zip(articles, spans, strict=True)
    ]
    for n, article in enumerate(articles):
        elsewhere = {text for m, other in enumerate(texts) if m != n for text in other}
        for count, text in enumerate(t for t in texts[n] if t not in elsewhere):
            if count % _LOOK_EVERY == 0 and not waiting():
                return
            sentence_reading(text, article.language)


_LOOK_EVERY = 16  # sentences read between two looks at ``waiting`` (a sentence takes ~0.2 ms, a look a syscall)


def read_side(result: ArticleResult, indices: Sequence[int]) -> Side | None:
    """What one article's members of a group state, offsets in the article; None when all are page furniture."""
    language = result.article.language
    sentences = [result.sentences[i] for i in indices if result.sentences[i].role != Role.BOILERPLATE]
    if not sentences:
        return None
    side = Side(result.article.id, language, sentences, all(s.role == Role.TITLE for s in sentences))
    levels: list[tuple[str, Value | None]] = []
    for sentence in sentences:
        read = sentence_reading(sentence.text, language)

        def shift(v: Value, at: Sentence = sentence) -> Value:
            return Value(at.index, v.text, at.start + v.start, at.start + v.end)

        side.numbers.extend(replace(n, value=shift(n.value)) for n in read.numbers)
        side.dates.extend(replace(d, value=shift(d.value)) for d in read.dates)
        side.holders.extend(replace(h, value=shift(h.value)) for h in read.holders)
        side.parties.extend(replace(p, value=shift(p.value)) for p in read.parties)
        side.places.extend(replace(p, value=shift(p.value)) for p in read.places)
        for key, named in read.sources.items():
            side.sources.setdefault(key, shift(named))
        side.attributed = side.attributed or read.attributed
        side.mentioned |= read.mentioned
        side.words.extend(read.words)
        level, where = read.certainty
        levels.append((level, shift(where) if where is not None else None))
    order = {"hearsay": 3, "hedged": 2, "certain": 1, "plain": 0}
    side.certainty = max(levels, key=lambda level: order[level[0]], default=("plain", None))
    return side


@per_sentence
def sentence_reading(text: str, language: str) -> Side:
    """What one sentence states, offsets inside it: outlets share sentences, and a re-run reads the same ones.
    The result is shared, so it is only ever copied from."""
    sentence = Sentence(0, 0, len(text), text, Role.BODY, Status.UNIQUE)
    side = Side("", language, [sentence], False)
    levels: list[tuple[str, Value | None]] = []
    _read_sentence(side, sentence, language, levels)
    side.certainty = levels[0]
    return side


def _read_sentence(side: Side, sentence: Sentence, language: str, levels: list[tuple[str, Value | None]]) -> None:
    text = sentence.text
    tokens = [Token(m.group(), m.group().casefold().replace("’", "'"), m.start(), m.end()) for m in WORD.finditer(text)]
    found = extract_facts(text, language)
    side.mentioned.update(fold_name(t.text) for t in tokens if t.text[:1].isupper())

    def value(start: int, end: int) -> Value:
        return Value(sentence.index, text[start:end], sentence.start + start, sentence.start + end)

    taken: list[tuple[int, int]] = []
    for surface, kind, start, end in found:
        if kind == FactKind.NUMBER:
            taken.append((start, end))
            number = read_number(text, tokens, surface, start, end, language, value(start, end))
            if number is not None:
                side.numbers.append(number)
        elif kind == FactKind.DATE:
            taken.append((start, end))
            match = DATE.fullmatch(surface)
            if match is not None:
                side.dates.append(
                    Date(
                        value(start, end),
                        date_key(match),
                        preposition_before(tokens, start),
                        date_context(tokens, start, end),
                    )
                )
        elif kind == FactKind.NAME:
            read_name(side, text, tokens, start, end, language, value)
    spelled_numbers(side, text, tokens, taken, language, value)
    loose_places(side, text, tokens, found, language, value)
    place_starts = {p.value.start - sentence.start for p in side.places if p.value.sentence == sentence.index}
    read_attribution(side, text, tokens, found, language, value, place_starts)
    levels.append(read_certainty(tokens, value))
