"""Attribution and certainty that disagree: who a sentence says said it (the source next to a verb of saying or a
source phrase: "police said", "laut Polizei", "according to the county", or the person named there) and how sure
the outlet sounds ("will" / "could", "reportedly"). One outlet citing a source the other does not name, or stating
as certain what the other only reports, is a conflict; headlines, which drop sources and modals by habit, are not.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache

from desktop.core.detect import commentary
from desktop.core.detect.conflicts.lexicon import (
    CLAUSE_BREAK,
    LEVELS,
    calendar_words,
    folded_words,
    speech_words,
    stem,
    word_classes,
)
from desktop.core.detect.conflicts.names import mentions
from desktop.core.detect.conflicts.statements import Side, Token, Value
from desktop.core.model import ConflictKind, FactKind
from desktop.core.text import wordlists
from desktop.core.text.facts.extraction import ExtractedFact
from desktop.core.text.facts.words import fold_name


def read_attribution(
    side: Side,
    text: str,
    tokens: list[Token],
    found: Sequence[ExtractedFact],
    language: str,
    value: Callable[[int, int], Value],
    place_starts: set[int],
) -> None:
    """Who the sentence says said it: the source next to a verb of saying or a source phrase ("police said",
    "laut Polizei", "according to the county", "der Stadt zufolge"), or the person named there."""
    quoted = commentary.quoted_spans(text)
    inside = [any(s <= t.start < e for s, e in quoted) for t in tokens]
    lowered = [t.lower for t in tokens]
    side.words.append(tuple(lowered))
    markers: list[tuple[int, int, str]] = []  # first token, token after it, where the source stands
    for pattern, match in commentary.lexicon("attribution", language).matches(text):
        first = next((i for i, t in enumerate(tokens) if t.start >= match.start()), None)
        if first is None or inside[first]:
            continue
        if pattern.section == "subjunctive":
            side.attributed = True
            continue
        last = max(first + 1, next((i for i, t in enumerate(tokens) if t.start >= match.end()), len(tokens)))
        if pattern.section == "speech" and " ".join(lowered[first:last]) in _ACTIONS:
            continue  # "Trump announced tariffs": an act, not a claim someone vouches for
        if first and lowered[first - 1] in _PASSIVE:
            # "residents were told" names no source; "it was stated by the ambassador" names one after "by"
            if last < len(tokens) and lowered[last] in {"by", "von"}:
                markers.append((first, last + 1, "after"))
            continue
        markers.append((first, last, "both" if pattern.section == "speech" else _direction(lowered[first:last])))
    citing, speech = word_classes()["citing"], word_classes()["speech"]
    for i in range(len(tokens)):
        if inside[i]:
            continue
        hit = citing.match(lowered, i)
        if hit is not None:
            markers.append((i, i + hit[1], _direction(lowered[i : i + hit[1]])))
        elif speech.match(lowered, i) is not None and not (i and lowered[i - 1] in _PASSIVE):
            markers.append((i, i + 1, "both"))
    if any(e - s > 20 for s, e in quoted):
        side.attributed = True
    if not markers:
        return
    side.attributed = True
    names_at = {
        i: (s, e)
        for _, kind, s, e in found
        if kind == FactKind.NAME and s not in place_starts
        for i, t in enumerate(tokens)
        if s <= t.start < e
    }
    for first, last, direction in markers:
        # German puts the speaker after the verb ("…, sagte ein Sprecher", "bestätigte Haseloff"), English
        # mostly before ("police said"): the language's usual side is tried first.
        sides = ("after", "before") if language == "de" else ("before", "after")
        for towards in sides if direction == "both" else (direction,):
            # After a verb of saying comes what was said, unless the source follows at once ("said police",
            # "sagte ein Polizeisprecher"): only a few words there, and no plain word stands for a source.
            reach = 3 if direction == "both" and towards == "after" else 6
            source = _source(text, tokens, lowered, inside, names_at, first, last, towards, language, reach)
            if source is not None:
                key, start, end = source
                if key:
                    side.sources.setdefault(key, value(start, end))
                break


# Verbs of the attribution lexicons that report an act rather than vouch for a claim.
_ACTIONS = frozenset(
    {
        "announced", "called", "described", "urged", "accused", "complained", "asked", "replied", "responded",
        "tweeted", "posted", "declared", "criticised", "criticized", "criticise", "criticize", "condemned",
        "praised", "welcomed", "denounced", "branded", "forderte", "forderten", "kritisierte", "kritisierten",
        "kündigte an", "verkündete", "nannte", "nannten", "bezeichnete", "bezeichneten", "lobte", "lobten",
        "begrüßte", "begrüßten", "verurteilte", "verurteilten", "warf", "warfen", "wirft", "werfen", "vorgeworfen",
        "kritisieren", "bemängeln", "bemängelte", "bemängelten", "zeigte sich", "zeigten sich",
    }
)  # fmt: skip
_PASSIVE = frozenset({"was", "were", "been", "be", "being", "is", "are", "wurde", "wurden", "worden"})
_SPEAKERS = frozenset(
    {
        "spokesman", "spokeswoman", "spokesperson", "official", "source", "sources", "statement", "he", "she",
        "they", "it", "er", "sie", "es", "man", "sprecher", "sprecherin", "mitteilung", "erklärung", "who",
    }
)  # fmt: skip


# A name after these is where someone is or comes from, not who speaks ("stamme aus Saudi-Arabien").
_ORIGIN = frozenset({"in", "im", "aus", "from", "nach", "bei", "near", "at", "to", "zu", "into", "nahe"})
_SPEAKER_STEMS = frozenset(stem(w) for w in _SPEAKERS)


def _direction(words: Sequence[str]) -> str:
    """Where a source phrase's source stands: after "laut", "according to"; before "zufolge"."""
    return "before" if words[-1] == "zufolge" or "eigenen" in words else "after"


@lru_cache(maxsize=4096)
def _vocabulary(lowered: tuple[str, ...]) -> frozenset[str]:
    """Source classes and word stems of a sentence: whether it names a source at all, as anything."""
    sources = word_classes()["sources"]
    found: set[str] = set()
    for i, word in enumerate(lowered):
        hit = sources.match(lowered, i)
        found.add(f"source:{hit[0]}" if hit is not None else "word:" + stem(word))
    return frozenset(found)


def _source(
    text: str,
    tokens: list[Token],
    lowered: list[str],
    inside: list[bool],
    names_at: dict[int, tuple[int, int]],
    first: int,
    last: int,
    towards: str,
    language: str,
    reach: int = 6,
) -> tuple[str, int, int] | None:
    """(key, start, end) of the source on one side of a marker; key "" for an unnamed one ("a spokesman");
    None when nothing stands there before the clause ends."""
    sources = word_classes()["sources"]
    if towards == "before":
        order = range(first - 1, max(first - 1 - reach, -1), -1)
    else:
        order = range(last, min(last + reach, len(tokens)))
    window: list[int] = []
    edge = first if towards == "before" else last - 1
    for i in order:
        gap = (
            text[tokens[i].end : tokens[edge].start]
            if towards == "before"
            else text[tokens[edge].end : tokens[i].start]
        )
        if CLAUSE_BREAK.search(gap) or inside[i] or lowered[i][:1].isdigit() or lowered[i] in calendar_words():
            break
        window.append(i)
        edge = i
    for i in sorted(window):
        hit = sources.match(lowered, i)
        if hit is not None:
            return f"source:{hit[0]}", tokens[i].start, tokens[min(i + hit[1], len(tokens)) - 1].end
    for i in window:
        if i in names_at and not (i and lowered[i - 1] in _ORIGIN):
            s, e = names_at[i]
            return "person:" + fold_name(text[s:e].split()[-1]), s, e
    content = [
        i
        for i in window
        if lowered[i] not in wordlists.function_words() and len(lowered[i]) > 2 and lowered[i] not in speech_words()
    ]
    if any(lowered[i] in _SPEAKERS or stem(lowered[i]) in _SPEAKER_STEMS for i in window):
        return "", 0, 0
    if not content or reach < 6:
        return None
    if language == "de":
        capitalised = [i for i in content if tokens[i].text[:1].isupper()]
        if not capitalised:
            return None
        pick = opening = capitalised[0]
    else:
        pick = content[0] if towards == "before" else content[-1]
        # the whole noun phrase for the reader ("Coastguard officers"), its head word as the key
        opening = pick
        while opening - 1 in content and (towards == "before" or opening - 1 >= last):
            opening -= 1
    return "word:" + stem(lowered[pick]), tokens[opening].start, tokens[pick].end


def read_certainty(tokens: list[Token], value: Callable[[int, int], Value]) -> tuple[str, Value | None]:
    levels = word_classes()["levels"]
    lowered = [t.lower for t in tokens]
    found: dict[int, Value] = {}
    for i, token in enumerate(tokens):
        # "May" is a month and "Will" a name: the modals are lower-case.
        if token.text[:1].isupper() and token.lower in {"may", "will", "might", "sicher"}:
            continue
        hit = levels.match(lowered, i)
        if hit is not None:
            found.setdefault(hit[0], value(token.start, tokens[i + hit[1] - 1].end))
    if not found:
        return "plain", None
    level = min(found)
    return LEVELS[level], found[level]


_CERTAINTY_CONFLICTS = frozenset({("certain", "hedged"), ("certain", "hearsay"), ("plain", "hearsay")})


def statement_conflicts(a: Side, b: Side) -> Iterator[tuple[ConflictKind, str, Value, Value]]:
    if a.headline or b.headline:
        return  # headlines drop sources and modals by habit
    if a.sources and b.sources:
        if not _shares_source(a, b) and not _shares_source(b, a):
            yield ConflictKind.ATTRIBUTION, "source", next(iter(a.sources.values())), next(iter(b.sources.values()))
    else:
        for x, y, swap in ((a, b, False), (b, a, True)):
            if x.sources and not y.attributed and not _shares_source(x, y) and _same_claim(x, y):
                named = next(iter(x.sources.values()))
                pair = (y.whole(), named) if swap else (named, y.whole())
                yield ConflictKind.ATTRIBUTION, "source", *pair
    levels = (a.certainty[0], b.certainty[0])
    if len(a.sentences) > 1 or len(b.sentences) > 1:
        return  # one "offenbar" among several merged sentences need not qualify the claim the others make
    if ("plain" in levels and (a if levels[0] == "plain" else b).attributed) or levels[0] == levels[1]:
        return  # reported speech ("…, sagte er"; "gebe es") carries its own distance
    if levels in _CERTAINTY_CONFLICTS or levels[::-1] in _CERTAINTY_CONFLICTS:
        yield ConflictKind.CERTAINTY, "/".join(levels), a.certainty[1] or a.whole(), b.certainty[1] or b.whole()


_SAME_CLAIM = 0.4  # share of the shorter side's content words the other must have to state the same claim


def _same_claim(x: Side, y: Side) -> bool:
    """Whether two sides of one language state the same claim, so that one citing a source and the other not
    is a difference in attribution rather than two claims a loose group put together ("China has noted that
    the U.S. announced …" / "Trump announced … on Wednesday"). Across languages the alignment vouches for it."""
    if x.language != y.language:
        return True
    named = {w for v in x.sources.values() for w in folded_words(v.text)}
    words_x = _content(x, named)
    words_y = _content(y, named)
    if not words_x or not words_y:
        return False
    return len(words_x & words_y) >= _SAME_CLAIM * min(len(words_x), len(words_y))


def _content(side: Side, left_out: set[str]) -> set[str]:
    stop, speech = wordlists.function_words(), speech_words()
    return {
        stem(w)
        for words in side.words
        for w in words
        if len(w) > 2 and w not in stop and w not in speech and w not in left_out and not w[:1].isdigit()
    }


def _shares_source(x: Side, y: Side) -> bool:
    """Whether ``y`` names any of ``x``'s sources at all, as a source or anywhere in its words ("police said
    the road was closed" against "police closed the road")."""
    for key in x.sources:
        if key.startswith("person:"):
            if mentions(y, key[7:]):
                return True
        elif key in y.sources or any(key in _vocabulary(words) for words in y.words):
            return True
    return False
