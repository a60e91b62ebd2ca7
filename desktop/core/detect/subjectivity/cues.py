"""Finding the structural cues in one sentence: the language's phrases, openers and shapes on the sentence with
quotations and attributed clauses blanked out, scare quotes, one cue per span at its heaviest weight, a boost for
a judging cue in a sentence anchored in no number or date, and ``subjectivity_cues`` weighing them against the
lexicon cues they overlap.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from desktop.core.detect import commentary
from desktop.core.detect.subjectivity.english import ENGLISH
from desktop.core.detect.subjectivity.german import GERMAN
from desktop.core.detect.subjectivity.grammar import Grammar, Phrase
from desktop.core.memo import per_sentence

_GRAMMARS = {"en": ENGLISH, "de": GERMAN}

# A short quotation of one or two lower-case words the sentence attributes to no one: scare quotes.
_SCARE_OPENERS = "\"“„‚‘'»«"
_SCARE_QUOTE = re.compile(rf"(?:^|(?<=[\s(]))[{_SCARE_OPENERS}]([a-zäöüß][\w-]*(?:\s[\w-]+)?)[\"”“‘’'«»](?![\w])")
_EXCLAMATION_OPENER = re.compile(r"^[\W_]*(?:what a|what an|how|was für|welch|wie)(?![\w-])", re.I)
# Reporting is anchored in numbers and dates; opinion seldom is. A sentence with neither, attributed to no one,
# lets its heaviest structural cue count once more (on the dev set ~95% of commentary but ~13% of reporting).
_ANCHOR = re.compile(
    r"\d|(?<![\w-])(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|"
    r"june|july|august|september|october|november|december|yesterday|today|tonight|last (?:week|month|year)|"
    r"next (?:week|month|year)|earlier this|later this|montag|dienstag|mittwoch|donnerstag|freitag|samstag|"
    r"sonntag|januar|februar|märz|mai|juni|juli|oktober|dezember|gestern|heute|vorgestern|übermorgen|"
    r"vergangene[nmrs]?|kommende[nmrs]?|nächste[nmrs]?|vorige[nmrs]?|one|two|three|four|five|six|seven|eight|"
    r"nine|ten|eleven|twelve|dozens?|hundreds?|thousands?|millions?|billions?|zwei|drei|vier|fünf|sechs|"
    r"sieben|acht|neun|zehn|elf|zwölf|hundert|tausend|dutzend|dutzende|hunderte|tausende|millionen|"
    r"milliarden|prozent|percent|per cent)(?![\w-])",
    re.I,
)
_COPULA_REACH = 4
# Families that judge rather than prescribe or predict: "must", "will only", "better" are common in plain
# reporting of rules, forecasts and results without numbers ("Drivers must show proof of insurance").
_JUDGING = frozenset(
    {"evaluative-weak", "motive", "rebuttal", "generalising"}
)  # tokens before an evaluative word in which a copula makes it the author's predicate


def subjectivity_cues(text: str, language: str, taken: Sequence[commentary.Cue] = ()) -> list[commentary.Cue]:
    """Structural cues in the author's own voice, minus the weight of lexicon cues (``taken``) they overlap,
    so a word both sources know counts once, at its heavier weight."""
    found = []
    for cue in _signal(text, language):
        overlapping = [c for c in taken if c.start < cue.end and cue.start < c.end]
        overlap = max((c.weight for c in overlapping), default=0)
        if cue.weight <= overlap:
            continue
        # Inside a lexicon cue ("sondern" in "nicht … sondern"), the surplus weight is shown under its words.
        host = next((c for c in overlapping if c.start <= cue.start and cue.end <= c.end), None)
        shown = host.text if host else cue.text
        found.append(commentary.Cue(shown, cue.start, cue.end, cue.weight - overlap))
    return found


@per_sentence
def _signal(text: str, language: str) -> tuple[commentary.Cue, ...]:
    grammar = _GRAMMARS.get(language, _GRAMMARS["en"])
    masked = commentary.attributed_spans(text, language)
    outside = commentary._blank(text, masked)  # the same masking as the lexicon cues
    found, judging = _phrases(outside, grammar)
    for regex, weight in (
        (grammar.stance_strong, 2),
        (grammar.it_is, 2),
        (grammar.stance_weak, 1),
        (_EXCLAMATION_OPENER, 1),
    ):
        opener = regex.search(outside)
        if opener:
            found.append(commentary.Cue(opener.group().strip(" \"'„“»«([–—-"), opener.start(), opener.end(), weight))
    for regex, weight in (*grammar.shapes, *((opening, 2) for opening in grammar.openings)):
        shape = regex.search(outside)
        if shape:
            found.append(commentary.Cue(shape.group().strip(" \"'„“»«([–—-"), shape.start(), shape.end(), weight))
    closing = grammar.rebuttal_end.search(outside) if grammar.rebuttal_end else None
    if closing:
        found.append(commentary.Cue(closing.group().strip(" ,.!"), closing.start(), closing.end(), 1))
        judging.add((closing.start(), closing.end()))
    found.extend(_scare_quotes(text, masked))
    kept = _strongest_per_span(found)
    boost = [k for k, cue in enumerate(kept) if (cue.start, cue.end) in judging]
    if boost and not masked and not _ANCHOR.search(text):
        cue = kept[boost[0]]
        kept[boost[0]] = commentary.Cue(cue.text, cue.start, cue.end, cue.weight + 1)
    return tuple(kept)


def _phrases(outside: str, grammar: Grammar) -> tuple[list[commentary.Cue], set[tuple[int, int]]]:
    """Phrase cues, and the spans of those that judge (which an unanchored sentence lets count once more)."""
    written, starts, ends = commentary.word_spans(outside)  # the words the lexicon cues were looked up by
    words = list(map(str.lower, written))
    found: list[commentary.Cue] = []
    judging: set[tuple[int, int]] = set()
    for i, word in enumerate(words):
        if word not in grammar.phrases:
            continue  # most words open no phrase: skipped without a call
        phrase = _phrase_at(words, i, grammar, written[i], ends[i], outside)
        if phrase is None:
            continue
        last = i + len(phrase.tokens) - 1
        weight = phrase.weight
        if phrase.family == "evaluative-weak" and grammar.copulas.intersection(words[max(0, i - _COPULA_REACH) : i]):
            weight = 2  # "the rollout was chaotic": the author's own predicate, not a description of a scene
        start, end = starts[i], ends[last]
        found.append(commentary.Cue(outside[start:end], start, end, weight))
        if phrase.family in _JUDGING:
            judging.add((start, end))
    return found, judging


def _phrase_at(words: list[str], i: int, grammar: Grammar, first: str, end: int, outside: str) -> Phrase | None:
    """The longest phrase of the grammar starting at word ``i`` (written ``first``, ending at ``end``)."""
    for phrase in grammar.phrases.get(words[i], ()):
        n = len(phrase.tokens)
        if tuple(words[i : i + n]) != phrase.tokens:
            continue
        if first.lower() in grammar.case_sensitive and first != first.lower():
            continue
        if phrase.family.startswith("address") and i + n < len(words) and words[i + n] in grammar.self_reference:
            continue
        if words[i] in grammar.need_follower and not _followed_by_word(outside, end):
            continue
        return phrase
    return None


def _followed_by_word(text: str, end: int) -> bool:
    rest = text[end : end + 3]
    return rest[:1].isspace() and rest[1:2].isalnum()


def _scare_quotes(text: str, masked: Sequence[tuple[int, int]]) -> list[commentary.Cue]:
    """Lower-case words put in quotation marks in a sentence with no one to say them."""
    if not any(mark in text for mark in _SCARE_OPENERS):
        return []  # no opening mark (most sentences): spares the quotation scan and the pattern
    quotes = commentary.quoted_spans(text)
    if any(span not in quotes for span in masked):
        return []  # a verb of saying or a source phrase: the quoted words are somebody's
    return [commentary.Cue(m.group(), m.start(), m.end(), 1) for m in _SCARE_QUOTE.finditer(text)]


def _strongest_per_span(cues: list[commentary.Cue]) -> list[commentary.Cue]:
    """A match inside another ("doomed" in "is doomed") counts once, at the heavier weight; matches that only
    share a word ("will pay" and "pay the price") are two signals and both count."""
    cues.sort(key=lambda c: (c.start, -(c.end - c.start), -c.weight))
    kept: list[commentary.Cue] = []
    for cue in cues:
        if kept and cue.end <= kept[-1].end:
            if cue.weight > kept[-1].weight:
                kept[-1] = cue
            continue
        kept.append(cue)
    return kept
