"""The plain, immutable data every stage of the pipeline passes on: articles, sentences, groups, facts.

Frozen dataclasses with ``slots`` and ``StrEnum`` labels, so results can be shared between threads and
processes without copying; ``records`` maps each class to the plain data of the JSON contract, the library and
the batch tables.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Role(StrEnum):
    """What part of an article a sentence is: the headline, the story, or page furniture."""

    TITLE = "title"
    BODY = "body"
    BOILERPLATE = "boilerplate"


class Status(StrEnum):
    """How a sentence relates to the other articles."""

    IDENTICAL = "identical"
    REWORDED = "reworded"
    UNIQUE = "unique"


class FactKind(StrEnum):
    NAME = "name"
    NUMBER = "number"
    DATE = "date"
    QUOTE = "quote"
    TERM = "term"


class DiffOp(StrEnum):
    EQUAL = "="
    DELETE = "-"
    INSERT = "+"


def article_ids(count: int) -> list[str]:
    """A, B, … Z, then AA, AB … so any number of articles gets short, stable ids."""
    ids = []
    for n in range(count):
        label = ""
        n += 1
        while n:
            n, rest = divmod(n - 1, 26)
            label = chr(65 + rest) + label
        ids.append(label)
    return ids


@dataclass(frozen=True, slots=True)
class Article:
    """One loaded article. ``text`` is what sentence offsets point into and what the app displays."""

    id: str
    path: str
    text: str
    title: str = ""
    source: str = ""
    published: str = ""
    language: str = ""


@dataclass(frozen=True, slots=True)
class Span:
    """A sentence as cut by the segmenter: ``text == article.text[start:end]``."""

    start: int
    end: int
    role: Role = Role.BODY


@dataclass(frozen=True, slots=True)
class Label:
    """A loaded label inside a sentence: its offsets in the article text, its words, and the outlet-neutral
    word where the lexicon names one ("Machthaber" → "Präsident")."""

    start: int
    end: int
    text: str
    neutral: str = ""


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    role: Role
    status: Status
    commentary: bool = False
    cues: tuple[str, ...] = ()
    group: int | None = None
    # Loaded word choices ("so-called", "Machthaber") in the outlet's own voice; they do not make the sentence
    # commentary by themselves.
    labels: tuple[Label, ...] = ()


@dataclass(frozen=True, slots=True)
class WordDiff:
    """Word-level edit script turning the ``source`` article's side of a group into the ``target`` side."""

    source: str
    target: str
    ops: tuple[tuple[DiffOp, str], ...]


@dataclass(frozen=True, slots=True)
class MatchEvidence:
    """Why a group's sentences were matched, so a user can judge it: the link probability of its strongest
    pair, the names/numbers/dates its members share, which signals spoke for it, and whether one member's
    claim is only one part of a longer sentence elsewhere (``partial``)."""

    score: float
    anchors: tuple[str, ...] = ()
    signals: tuple[str, ...] = ()
    partial: bool = False


@dataclass(frozen=True, slots=True)
class Group:
    """An alignment group: the sentences (by index, per article id) that say the same thing."""

    id: int
    members: dict[str, tuple[int, ...]]
    similarity: float
    status: Status = Status.REWORDED
    diffs: tuple[WordDiff, ...] = ()
    evidence: MatchEvidence | None = None


@dataclass(frozen=True, slots=True)
class Fact:
    """A checkable detail (name, number, date, quote, term) found in one sentence of one article."""

    text: str
    kind: FactKind
    article: str
    sentence: int
    start: int
    end: int
    missing_from: tuple[str, ...] = ()


class ConflictKind(StrEnum):
    """What two outlets disagree about inside one aligned group."""

    NUMBER = "number"
    DATE = "date"
    NAME = "name"
    PLACE = "place"
    ATTRIBUTION = "attribution"
    CERTAINTY = "certainty"


@dataclass(frozen=True, slots=True)
class ConflictValue:
    """One outlet's side of a conflict: its words and their offsets in that article's text. ``text`` is empty
    where the outlet makes no such statement (an unattributed claim); the offsets then span its sentence."""

    article: str
    sentence: int
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Conflict:
    """Members of one aligned group that give different values for the same slot: ``about`` names the slot
    (the noun a number counts, "weekday", the office a name holds, "source", …)."""

    group: int
    kind: ConflictKind
    about: str
    values: tuple[ConflictValue, ...]


@dataclass(frozen=True, slots=True)
class Note:
    """A user's remark kept with a saved comparison ("confirmed omission", "false match").

    With ``article`` and ``sentence`` it is on that sentence, with ``group`` on that alignment group, with
    neither on the whole comparison.
    """

    text: str
    article: str | None = None
    sentence: int | None = None
    group: int | None = None


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    sentences: int
    identical: int
    reworded: int
    unique: int
    commentary: int
    boilerplate: int
    missing_facts: int


@dataclass(frozen=True, slots=True)
class ArticleResult:
    article: Article
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True, slots=True)
class Settings:
    """What the user can change about a comparison; stored with every result so it can be redone."""

    threshold: float = 0.5  # calibrated on DEplain-web (exact n:m F1 peaks at 0.5): see desktop/core/align/alignment.py
    ignore_case: bool = True
    ignore_punctuation: bool = True
    reference: str = "A"
    presegmented: bool = False
    # "auto": fuzzy when all articles share a language, semantic (sentence vectors) when they differ;
    # "fuzzy", "semantic" or "both" (fuzzy and semantic evidence in one bead score) force one; "combined" adds the
    # calibrated link model (words, anchors, meaning, roles) on top of the fuzzy aligner's groups.
    match: str = "auto"


class MatchMode(StrEnum):
    """The matchers ``Settings.match`` chooses from (``desktop.core.align.matching`` says what each does)."""

    AUTO = "auto"
    FUZZY = "fuzzy"
    SEMANTIC = "semantic"
    BOTH = "both"
    COMBINED = "combined"


class CorrectionKind(StrEnum):
    LINK = "link"  # these sentences report the same fact: one group
    UNLINK = "unlink"  # each of these sentences stands alone, whatever the aligner finds
    NOT_COMMENTARY = "not_commentary"  # these sentences are reporting, whatever the detector says


@dataclass(frozen=True, slots=True)
class UserLink:
    """A user's correction of the automatic result, kept with the comparison and applied, in order, on every run:
    no aligner or detector is always right, and a correction that a re-run forgot would be lost work."""

    kind: CorrectionKind
    sentences: tuple[tuple[str, int], ...]  # (article id, sentence index)


@dataclass(frozen=True, slots=True)
class Comparison:
    settings: Settings
    articles: tuple[ArticleResult, ...]
    groups: tuple[Group, ...]
    facts: tuple[Fact, ...]
    summary: dict[str, ArticleSummary] = field(default_factory=dict)
    title: str = ""
    # Where members of one group disagree (numbers, dates, names, places, attribution, certainty).
    conflicts: tuple[Conflict, ...] = ()
    # The matcher that aligned it ("fuzzy", "semantic", "both", "combined"), recorded when it ran: worked out
    # again later it could differ (the encoder uninstalled, the rule for "auto" changed). "" = not recorded.
    matched_by: str = ""
    # The user's corrections, oldest first (``corrections`` applies them).
    user_links: tuple[UserLink, ...] = ()

    @property
    def cross_language(self) -> bool:
        """The articles are in different languages (an undetected one does not count): they were aligned by
        meaning where ``settings.match`` is "auto", and pairs in different languages carry no word diff."""
        return len({r.article.language for r in self.articles if r.article.language}) > 1

    def article(self, article_id: str) -> ArticleResult:
        for result in self.articles:
            if result.article.id == article_id:
                return result
        raise KeyError(article_id)

    def group(self, group_id: int) -> Group:
        for group in self.groups:
            if group.id == group_id:
                return group
        raise KeyError(group_id)
