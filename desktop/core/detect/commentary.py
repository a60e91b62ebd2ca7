"""Tell commentary from reporting: cue lexicons per language, with quotations and attributed clauses masked.

A news sentence turns into commentary when the author speaks in their own voice: judging ("skandalös",
"shameful"), arguing ("Zur Erinnerung:", "daher", "of course"), labelling ("Machthaber", "so-called") or asking
the reader a rhetorical question. The same words inside a quotation or an attributed clause ("…, sagte
Hassberg", "according to the union") are reported speech and do not count. The cue lists are plain text files in
``resources/lexicons`` so they can be edited without touching code; each cue weighs 1 (weak) or 2 (strong) and a
sentence is commentary when its unmasked cues weigh at least 2, so a lone "daher" in a factual sentence stays
reporting while "dient daher nicht dem Frieden, sondern …" does not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

from desktop.core.memo import per_sentence
from desktop.core.resources import resource_path
from desktop.core.text import wordlists

THRESHOLD = 2
LABEL = "label"  # the lexicon section of loaded labels: marked, but no weight towards commentary
_WEIGHTS = {"strong": 2, "weak": 1}
_GAP_WORDS = 10
# A word is letters/digits joined by inner hyphens or apostrophes ("so-called", "NATO-Präsenz").
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_BOUNDARY_BEFORE = r"(?<![\w-])"
_BOUNDARY_AFTER = r"(?![\w-])"
_OPEN_CLOSE = {"„": "“", "“": "”", "»": "«", "«": "»", "‚": "‘", '"': '"'}
_OPENERS = '.!?:;"“„»«([–—-'
_POST_ATTRIBUTION_WORDS = 5
# Where a reported statement ends and the author's own clause may begin: "X warned …, and it is hard to see …".
_NEXT_CLAUSE = re.compile(
    r",\s+(?:and|but|yet|while|whereas|und|aber|doch|jedoch|während|sondern)\b|;|\s[–—]\s", re.IGNORECASE
)
_QUOTE_MARK = re.compile("[" + re.escape("".join(sorted(set(_OPEN_CLOSE) | set(_OPEN_CLOSE.values())))) + "]")
_QUESTION_WORDS = 6
_MIN_QUESTION_WORDS = 4


_GROUP, _START, _END = re.Match.group, re.Match.start, re.Match.end


@lru_cache(maxsize=1024)
def word_spans(text: str) -> tuple[tuple[str, ...], tuple[int, ...], tuple[int, ...]]:
    """The words of a sentence (``_WORD``) with their starts and ends. Remembered for the sentences in hand:
    the commentary and attribution lexicons and the subjectivity phrases read the same sentence (or its copy
    with quotations blanked, mostly equal to it), and the word scan was a third of a lexicon's time."""
    tokens = list(_WORD.finditer(text))
    return tuple(map(_GROUP, tokens)), tuple(map(_START, tokens)), tuple(map(_END, tokens))


@dataclass(frozen=True, slots=True)
class Pattern:
    """One lexicon line compiled: its regex (capturing the literal parts), weight and section."""

    source: str
    expression: str
    weight: int
    section: str
    # Written in lower case: a capitalised match must stand at the start of the sentence, so the adjective
    # "feige" (cowardly) does not fire on the noun "Feigen" (figs), nor "bold" on a Mr Bold.
    lowercase: bool = False
    neutral: str = ""  # ``[label]`` cues: the outlet-neutral word, where the lexicon names one

    @property
    def regex(self) -> re.Pattern[str]:
        # Compiled on first use: most of a lexicon's few hundred cues never get a candidate word in a given
        # comparison, and compiling them all up front cost ~0.1 s a language at start-up.
        return _compile(self.expression)


@lru_cache(maxsize=4096)
def _compile(expression: str) -> re.Pattern[str]:
    return re.compile(expression, re.IGNORECASE)


_PREFIX = 3  # characters of a word's beginning that index the cues starting with ``word*``


_Candidates = tuple[tuple[Pattern, re.Pattern[str]], ...]
_APOSTROPHE = re.compile(r"['’]")


class _CueStarts(dict[str, _Candidates]):
    """A word as written → the indexed patterns that may start at it, in lookup order, compiled; filled as words
    are met. Kept per lexicon: a 10,000-sentence article repeats its vocabulary, and rebuilding the list (a
    stem split, three lookups, a compile-cache call per pattern) was most of the per-word cost."""

    __slots__ = ("_by_prefix", "_by_word")

    def __init__(self, by_word: dict[str, tuple[Pattern, ...]], by_prefix: dict[str, tuple[Pattern, ...]]) -> None:
        super().__init__()
        self._by_word = by_word
        self._by_prefix = by_prefix

    def __missing__(self, word: str) -> _Candidates:
        lowered = word.lower()
        stem = _APOSTROPHE.split(lowered, maxsplit=1)[0]  # "regime's" is looked up as "regime"
        found = (
            *self._by_word.get(lowered, ()),
            *(self._by_word.get(stem, ()) if stem != lowered else ()),
            *self._by_prefix.get(lowered[:_PREFIX], ()),
        )
        candidates = self[word] = tuple((pattern, pattern.regex) for pattern in found)
        return candidates


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Cue patterns indexed by their first word, so a sentence costs one dictionary lookup per word and a
    regex only where a cue can start (a single alternation of all cues was ~4 ms a sentence)."""

    patterns: tuple[Pattern, ...]
    by_word: dict[str, tuple[Pattern, ...]]
    by_prefix: dict[str, tuple[Pattern, ...]]
    anywhere: tuple[Pattern, ...]  # first word starts with "*" or is too short to index by prefix
    anchored: tuple[Pattern, ...]  # "^…": only at the start of the sentence
    candidates: _CueStarts = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "candidates", _CueStarts(self.by_word, self.by_prefix))

    def matches(self, text: str) -> Iterator[tuple[Pattern, re.Match[str]]]:
        """Every pattern occurrence, overlapping ones included (a strong cue may sit inside a weak one)."""
        for pattern in self.anchored:
            match = pattern.regex.match(text)
            if match:
                yield pattern, match
        anywhere = tuple((p, p.regex) for p in self.anywhere if _core_search(p.source).search(text))
        words, starts, _ = word_spans(text)
        # One C-level lookup per word; the loop below only visits the few words that may start a cue (every
        # word, where a "*…" cue occurs in the sentence).
        found = list(map(self.candidates.__getitem__, words))
        visit = range(len(words)) if anywhere else [k for k, c in enumerate(found) if c]
        for k in visit:
            candidates = (*found[k], *anywhere) if anywhere else found[k]
            word, start = words[k], starts[k]
            capitalised = word[:1].isupper()
            for pattern, regex in candidates:
                if pattern.lowercase and capitalised and not _opens_sentence(text, start):
                    continue
                match = regex.match(text, start)
                if match:
                    yield pattern, match


@lru_cache(maxsize=256)
def _core_search(source: str) -> re.Pattern[str]:
    """A cheap test whether a ``*word`` cue can match anywhere in a sentence: its literal core must occur
    (the same case rules as the cue's own regex, so the test never rules out a real match)."""
    first = source.lstrip("^").split()[0].rstrip(",:;")
    return re.compile(re.escape(first.strip("*")), re.IGNORECASE)


def _opens_sentence(text: str, position: int) -> bool:
    before = text[:position].rstrip()
    return not before or before[-1] in _OPENERS


def _index(patterns: Sequence[Pattern]) -> Lexicon:
    by_word: dict[str, list[Pattern]] = {}
    by_prefix: dict[str, list[Pattern]] = {}
    anywhere: list[Pattern] = []
    anchored: list[Pattern] = []
    for pattern in patterns:
        first = pattern.source.lstrip("^").split()[0].rstrip(",:;")
        if pattern.source.startswith("^"):
            anchored.append(pattern)
        elif first.startswith("*") or (first.endswith("*") and len(first) - 1 < _PREFIX):
            anywhere.append(pattern)
        elif first.endswith("*"):
            by_prefix.setdefault(first[:_PREFIX], []).append(pattern)
        else:
            by_word.setdefault(first, []).append(pattern)
    return Lexicon(
        tuple(patterns),
        {k: tuple(v) for k, v in by_word.items()},
        {k: tuple(v) for k, v in by_prefix.items()},
        tuple(anywhere),
        tuple(anchored),
    )


def _word_regex(word: str) -> str:
    core = re.escape(word.strip("*"))
    prefix = r"[\w-]*" if word.startswith("*") else ""
    suffix = r"[\w-]*" if word.endswith("*") else ""
    return f"{prefix}{core}{suffix}"


def compile_pattern(line: str) -> str:
    """Regex for one lexicon line: words with optional ``*``, ``...`` gaps, a leading ``^`` anchor.

    Each literal word is a capturing group, so the surface of a gapped cue ("nicht … sondern") can be shown
    without the words in between.
    """
    anchored = line.startswith("^")
    body = ""
    glued = None  # None before the first word; else whether the previous word ended in punctuation
    for part in line.lstrip("^").split():
        if part == "...":
            body += rf"(?:\W+\w+(?:[-'’]\w+)*){{0,{_GAP_WORDS}}}?"
            continue
        # Punctuation glued to a word ("deutlich," / "again,") must be there, with optional space around.
        word, trailing = part.rstrip(",:;"), part[len(part.rstrip(",:;")) :]
        if glued is not None:
            body += r"\s*" if glued else r"\W+"
        body += f"({_word_regex(word)})"
        if trailing:
            body += rf"\s*{re.escape(trailing)}"
        glued = bool(trailing)
    start = r"^[\W_]*" if anchored else _BOUNDARY_BEFORE
    return f"{start}{body}{_BOUNDARY_AFTER}"


def parse_lexicon(lines: Iterable[str], weights: dict[str, int] | None = None) -> Lexicon:
    """Sections in ``[brackets]``, one cue per line, ``#`` comments; unknown sections weigh 1."""
    weights = weights if weights is not None else _WEIGHTS
    patterns = []
    for section, entry in ((s.lower(), e) for s, entries in wordlists.parse_sections(lines).items() for e in entries):
        written, _, neutral = entry.partition("=")
        written, neutral = written.strip(), neutral.strip()
        line = written.lower()
        if not line:
            continue
        first = written.lstrip("^*")[:1]
        weight = 0 if section == LABEL else weights.get(section, 1)
        pattern = Pattern(line, compile_pattern(line), weight, section, first.islower(), neutral)
        patterns.append(pattern)
    return _index(patterns)


@cache
def lexicon(kind: str, language: str) -> Lexicon:
    """The ``commentary`` or ``attribution`` lexicon of a language (English when the language has none)."""
    path = resource_path("lexicons", f"{kind}-{language}.txt")
    if not path.is_file():
        path = resource_path("lexicons", f"{kind}-en.txt")
    return parse_lexicon(path.read_text(encoding="utf-8").splitlines())


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks, marks included. An opening mark never closed runs to the end
    of the sentence; a closing mark never opened (a quotation that began in an earlier sentence) runs from the
    start."""
    spans: list[tuple[int, int]] = []
    i = 0
    closers = set(_OPEN_CLOSE.values())
    while True:
        # Only quotation marks matter; jumping between them instead of stepping through every character.
        mark = _QUOTE_MARK.search(text, i)
        if mark is None:
            break
        i = mark.start()
        char = text[i]
        if char == "“" and i and not text[i - 1].isspace() and (i + 1 == len(text) or text[i + 1].isspace()):
            # German closing mark glued to the last quoted word, its opening mark in an earlier sentence.
            if not spans:
                spans.append((0, i + 1))
            i += 1
            continue
        if char in _OPEN_CLOSE:
            close = text.find(_OPEN_CLOSE[char], i + 1)
            if close == -1 and char == "“":  # English closes “ with ”, German „ with “
                close = text.find("”", i + 1)
            if close == -1:
                spans.append((i, len(text)))
                break
            spans.append((i, close + 1))
            i = close + 1
            continue
        if char in closers and char not in _OPEN_CLOSE and not spans:
            spans.append((0, i + 1))
        i += 1
    return spans


def attributed_spans(text: str, language: str) -> list[tuple[int, int]]:
    """Ranges that report someone else's words: quotations, and clauses governed by a verb of saying, a
    source phrase or (German) the subjunctive of indirect speech."""
    return list(_attributed_spans(text, language))


@per_sentence
def _attributed_spans(text: str, language: str) -> tuple[tuple[int, int], ...]:
    """Remembered per sentence: the lexicon cues, the structural cues and the classifier all mask the same
    ranges of the same sentence."""
    spans = quoted_spans(text)
    outside = _blank(text, spans)
    for pattern, match in lexicon("attribution", language).matches(outside):
        if pattern.section == "source":
            spans.append((0, len(text)))
        elif pattern.section == "subjunctive":
            clause = max(outside.rfind(mark, 0, match.start()) for mark in ",;:")
            spans.append((max(clause, 0), len(text)))
        elif _VAGUE_SOURCE.search(outside, 0, match.start()):
            # "many experts say …": no one to attribute the claim to; the outlet states it in its own voice.
            continue
        elif _follows_statement(text, match.start()):
            spans.append((0, len(text)))
        else:
            boundary = _NEXT_CLAUSE.search(outside, match.end())
            spans.append((match.end(), boundary.start() if boundary else len(text)))
    return tuple(spans)


_VAGUE_SOURCE = re.compile(
    r"(?<![\w-])(?:many|most|some|several|numerous|viele|manche|einige|zahlreiche)\s+(?:[\w-]+\s+)?"
    r"(?:experts?|analysts?|observers?|economists?|critics?|commentators?|people|Experten|Beobachter|Kritiker|"
    r"Analysten|Ökonomen|Kommentatoren)\s+$",
    re.IGNORECASE,
)


def _follows_statement(text: str, verb: int) -> bool:
    """Whether a verb of saying comes after its statement ("…, sagte Hassberg", "“…” Lasko said").

    A closing quotation mark only counts when the quotation opens the sentence: in "der sogenannten
    „Koalition der Willigen“ wird erklärt" the quoted words are a name, not the statement.
    """
    before = text[:verb]
    comma = before.rfind(",")
    quote = -1
    for start, end in quoted_spans(before):
        if not text[:start].strip() and end > comma:
            quote = end - 1
    mark = max(comma, quote)
    if mark <= 0:
        return False
    return len(_WORD.findall(before[mark + 1 :])) <= _POST_ATTRIBUTION_WORDS and bool(before[:mark].strip())


def _blank(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` with the given ranges overwritten by spaces, so offsets survive and nothing inside matches."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue found in a sentence: its surface words (what the user sees), position and weight."""

    text: str
    start: int
    end: int
    weight: int


def find_cues(text: str, language: str) -> list[Cue]:
    """Every commentary cue in the author's own voice, whatever its weight."""
    return list(_cues(text, language))


@per_sentence
def _cues(text: str, language: str) -> tuple[Cue, ...]:
    """Remembered per sentence: the pipeline asks again for a sentence shared word for word by several
    outlets, and for the same text when it checks the words an outlet added to a shared sentence."""
    masked = _attributed_spans(text, language)
    found: list[Cue] = []
    for pattern, match in _commentary_matches(text, language):
        if pattern.section == LABEL or _overlaps(match.start(), match.end(), masked):
            continue
        surface = " … ".join(g for g in match.groups() if g) if "..." in pattern.source else None
        surface = surface or text[match.start(_first_group(match)) : match.end()].strip(" ,:;")
        found.append(Cue(surface, match.start(), match.end(), pattern.weight))
    question = _rhetorical_question(text, masked)
    if question:
        found.append(question)
    exclamation = text.rstrip().rfind("!")
    if exclamation > 0 and not _overlaps(exclamation, exclamation + 1, masked):
        # An exclamation in the author's own voice leans towards opinion; on its own it proves nothing, unless
        # it is a verbless fragment ("Krisensitzungen, Eilmeldungen!"): the outlet's own dramatisation.
        found.append(Cue("!", exclamation, exclamation + 1, 2 if _exclaimed_fragment(text, language) else 1))
    return tuple(_without_nested(found))


@lru_cache(maxsize=4096)
def _commentary_matches(text: str, language: str) -> tuple[tuple[Pattern, re.Match[str]], ...]:
    """The commentary lexicon's matches in a sentence, read once for its cues and once more for its labels."""
    return tuple(lexicon("commentary", language).matches(text))


@dataclass(frozen=True, slots=True)
class LabelCue:
    """A loaded label in a sentence: its words, position in the sentence and the neutral alternative."""

    text: str
    start: int
    end: int
    neutral: str = ""


def find_labels(text: str, language: str) -> tuple[LabelCue, ...]:
    """Loaded labels in the outlet's own words ("die sogenannte Friedensmission", "the regime"): a word choice,
    marked as such, that does not make its sentence commentary. Inside quotation marks the label is the quoted
    speaker's and is left alone."""
    return _labels(text, language)


@per_sentence
def _labels(text: str, language: str) -> tuple[LabelCue, ...]:
    quoted = quoted_spans(text)
    found: list[LabelCue] = []
    for pattern, match in _commentary_matches(text, language):
        if pattern.section != LABEL or _overlaps(match.start(), match.end(), quoted):
            continue
        start = match.start(_first_group(match))
        if any(f.start <= start < f.end for f in found):
            continue
        found.append(LabelCue(text[start : match.end()].strip(" ,:;"), start, match.end(), pattern.neutral))
    return tuple(sorted(found, key=lambda f: f.start))


_FRAGMENT_WORDS = 6


def _exclaimed_fragment(text: str, language: str) -> bool:
    """A short exclamation made of listed words ("Chaos, again!"); in German every word capitalised, i.e.
    nouns without a verb ("Krisensitzungen, Eilmeldungen!", but not "Die Brücke ist gesperrt!")."""
    words = _WORD.findall(text)
    if not 1 < len(words) <= _FRAGMENT_WORDS or "," not in text:
        return False
    return language != "de" or all(w[:1].isupper() for w in words)


def _first_group(match: re.Match[str]) -> int:
    return next((i for i in range(1, (match.re.groups or 0) + 1) if match.group(i)), 0)


def _without_nested(cues: list[Cue]) -> list[Cue]:
    """Drop a cue lying inside a longer one ("einmal mehr" inside "^einmal mehr"), keeping the heavier."""
    cues.sort(key=lambda c: (c.start, -(c.end - c.start), -c.weight))
    kept: list[Cue] = []
    for cue in cues:
        if kept and cue.start >= kept[-1].start and cue.end <= kept[-1].end:
            if cue.weight > kept[-1].weight:
                kept[-1] = Cue(kept[-1].text, kept[-1].start, kept[-1].end, cue.weight)
            continue
        kept.append(cue)
    return kept


def _rhetorical_question(text: str, masked: Sequence[tuple[int, int]]) -> Cue | None:
    """A question the author puts to the reader: a question mark outside any quotation or attribution."""
    end = text.rstrip().rfind("?")
    if end == -1 or _overlaps(end, end + 1, masked):
        return None
    start = max(text.rfind(mark, 0, end) for mark in ".!:;") + 1
    words = text[start : end + 1].split()
    # Short questions ("Tom?", "Heute Abend?") and dash-led dialogue lines are conversation, not rhetoric.
    if len(words) < _MIN_QUESTION_WORDS or words[0][0] in '-–—»«"“„':
        return None
    surface = " ".join(words) if len(words) <= _QUESTION_WORDS else " ".join(words[:3]) + " …?"
    return Cue(surface, start, end + 1, 2)


def cues_in_words(words: str, language: str) -> tuple[str, ...]:
    """Strong cues among words one outlet inserted into a sentence it shares with another (no context)."""
    return tuple(dict.fromkeys(c.text for c in find_cues(words, language) if c.weight >= THRESHOLD))


def cues_in_spans(text: str, spans: Sequence[tuple[int, int]], language: str) -> tuple[str, ...]:
    """Cues touching the given ranges of ``text`` (words one outlet added to a shared sentence), judged in
    their sentence so that an insertion inside a quotation or attributed clause stays reporting."""
    return tuple(dict.fromkeys(c.text for c in cue_matches_in_spans(text, spans, language)))


def cue_matches_in_spans(text: str, spans: Sequence[tuple[int, int]], language: str) -> list[Cue]:
    """The cues behind ``cues_in_spans``, with their positions in ``text``.

    A strong cue counts alone; weak cues count when the inserted ones together reach the threshold (two
    connectives an outlet slipped into the same shared sentence)."""
    if not spans:
        return []
    inserted = [c for c in find_cues(text, language) if _overlaps(c.start, c.end, spans)]
    if sum(c.weight for c in inserted) < THRESHOLD:
        return []
    return inserted
