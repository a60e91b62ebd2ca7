"""What a member sentence states, as conflicts compares it: a ``Value`` (a surface and its offsets in the
article), the figures, dates, office holders, parties and places read from it, and the ``Side`` that gathers them
for one article's members of a group.

Plain data only: the reading lives in ``reading`` and the modules of each kind, so every kind can name these types
without importing another kind.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.core.model import Sentence
from desktop.core.text.facts.dates import DateKey


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    lower: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Value:
    """One statement in one sentence: its surface, offsets into the article, and what it is compared by."""

    sentence: int
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Number:
    value: Value
    values: frozenset[float]
    unit: str
    bound: str  # "", "approximate", "lower-bound", "upper-bound"
    after: frozenset[str]  # the noun it counts and the words right after it
    before: frozenset[str]  # the words right before it in its clause ("Zahl der Toten", "turnout of")
    clock: bool = False


@dataclass(frozen=True, slots=True)
class Date:
    value: Value
    key: DateKey
    preposition: str
    context: frozenset[str]  # content words around it: what happened then


@dataclass(frozen=True, slots=True)
class Holder:
    value: Value
    office: str  # "office:3" (a lexicon office, either language) or "title:transport secretary"
    label: str
    surname: str
    former: bool


@dataclass(frozen=True, slots=True)
class Party:
    value: Value
    surname: str
    party: int


@dataclass(frozen=True, slots=True)
class Place:
    value: Value
    key: str


@dataclass(slots=True)
class Side:
    """Everything one article's members of a group state, each with its offsets in that article's text."""

    article: str
    language: str
    sentences: list[Sentence]
    headline: bool
    numbers: list[Number] = field(default_factory=list)
    dates: list[Date] = field(default_factory=list)
    holders: list[Holder] = field(default_factory=list)
    parties: list[Party] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    sources: dict[str, Value] = field(default_factory=dict)  # source key → where it is named
    attributed: bool = False  # a verb of saying, a source phrase, a quotation or indirect speech
    certainty: tuple[str, Value | None] = ("plain", None)
    mentioned: set[str] = field(default_factory=set)  # folded capitalised words, to see a name stated anywhere
    words: list[tuple[str, ...]] = field(default_factory=list)  # each sentence's lower-case words

    def whole(self) -> Value:
        first, last = self.sentences[0], self.sentences[-1]
        return Value(first.index, "", first.start, last.end)
