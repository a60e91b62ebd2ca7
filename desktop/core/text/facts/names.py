"""Proper names in one sentence. German capitalises every noun, so there a capitalised word counts as a name only
with support (a known place or organisation, an acronym, a title before it, two capitalised words that do not end
like German common nouns); multi-word names from the lexicon and institutions named by their remit ("Bundesamt
für Migration", "Office for National Statistics") are found whole first.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from desktop.core.memo import per_sentence
from desktop.core.text.facts.dates import month_and_day_words
from desktop.core.text.facts.lexicon import is_acronym, is_title, known_place, names, phrase_openers, without_possessive
from desktop.core.text.facts.words import TOKEN, fold_name

_MAX_RUN = 4  # tokens in a name
_SENTENCE_OPENERS = '.!?:;"“„»«([–—'
_GERMAN_NOUN_ENDINGS = (
    "ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften", "tion", "tionen", "sion", "sionen",
    "tät", "täten", "ismus", "ismen", "nis", "nisse", "nissen", "tum", "tümer", "ling", "linge", "chen", "lein",
    "ei", "eien", "ie", "ien", "ik", "iken", "enz", "enzen", "anz", "anzen", "ment", "mente", "ur", "uren",
)  # fmt: skip
_GERMAN_INFLECTIONS = ("e", "en", "er", "ern", "es", "em")
PARTICLES = {"von", "van", "der", "de", "den", "zu", "da", "di", "du", "la", "le", "al", "bin", "ibn", "del", "dos"}
_ARTICLES = {"der", "die", "das", "den", "dem", "des"}
_NAME_ABBREVIATIONS = {"st", "mt", "ft", "pt"}
_SAINTLY = frozenset({"St", "Saint", "Mt", "Mount", "San", "Santa", "Sankt"})


_CANDIDATE_ROLES = frozenset({"weak", "name", "strong"})  # the roles a name run is made of
_GROUP, _START, _END = re.Match.group, re.Match.start, re.Match.end


@dataclass(frozen=True, slots=True)
class _Reading:
    """What a sentence says about its names before the article's known surnames are consulted, remembered per
    sentence: a sentence is read again with other known surnames (later in its article, in another outlet, by
    the conflict readers), and only the roles of the words that could be those surnames change.

    Tokens are kept as parallel tuples (word, start, end): an object per token cost more than the reading."""

    words: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    # title, stop, strong, name, weak, common, particle, lower, known; a name word after punctuation carries a
    # "!" ("name!"): it may open a run but not continue one
    roles: tuple[str, ...]
    bare: tuple[str, ...]  # the roles without "!"
    spans: tuple[tuple[int, int], ...]  # names found whole before the runs: lexicon phrases, institutions, prefixes
    # (token index, word, role) of each word whose role would change were it a known surname
    surnames: tuple[tuple[int, str, str], ...]


def find_names(text: str, language: str, known: Collection[str] = ()) -> Iterator[tuple[int, int]]:
    """Proper names. German capitalises every noun, so there a capitalised word counts as a name only with
    support: a known place or organisation, an acronym, a title before it ("Senator X"), or two capitalised
    words in a row that do not end like German common nouns ("Keir Starmer", "Calverley Bay")."""
    reading = _read(text, language)
    yield from reading.spans
    roles: Sequence[str] = reading.roles
    bare: Sequence[str] = reading.bare
    promoted = [(i, role) for i, word, role in reading.surnames if word in known or word.removesuffix("s") in known]
    if promoted:
        roles, bare = list(roles), list(bare)
        for i, role in promoted:
            roles[i], bare[i] = role, role.rstrip("!")
    yield from _name_runs(text, reading, roles, bare, language)


@per_sentence
def _read(text: str, language: str) -> _Reading:
    """The tokens of a sentence and their roles with no known surnames, the names found before the runs, and
    the words a known surname would promote."""
    tokens = list(TOKEN.finditer(text))  # one scan for the words and their offsets
    if not tokens:
        return _Reading((), (), (), (), (), (), ())
    words = list(map(_GROUP, tokens))
    starts, ends = tuple(map(_START, tokens)), tuple(map(_END, tokens))
    roles = [""] * len(words)
    spans = [*_known_phrases(text, words, starts, ends, roles), *_institutions(text, starts, roles)]
    surnames: list[tuple[int, str, str]] = []
    for i, word in enumerate(words):
        if roles[i] == "known":
            continue
        if not word[0].isupper():
            roles[i] = "particle" if word.casefold() in PARTICLES else "lower"
            continue
        k = starts[i] - 1
        while k >= 0 and text[k].isspace():
            k -= 1
        at_start = k < 0 or text[k] in _SENTENCE_OPENERS
        if "-" in word:
            first, *_, last = word.split("-")
            if is_title(last) and not is_title(first) and first[:1].isupper() and len(first) > 1:
                if is_acronym(first) or known_place(first) or not first.casefold().endswith(_GERMAN_NOUN_ENDINGS):
                    spans.append((starts[i], starts[i] + len(first)))
                roles[i] = "title"
                continue
            if (is_acronym(first) or known_place(first)) and not known_place(word):
                spans.append((starts[i], starts[i] + len(first)))
                roles[i] = "lower"
                continue
        # Runs never cross punctuation, except the full stop of a place-name abbreviation ("St. Luke's Hospital").
        gap = text[ends[i - 1] : starts[i]].strip() if i else ""
        cut = bool(gap) and not (gap == "." and words[i - 1].casefold() in _NAME_ABBREVIATIONS)
        base, roles[i], promoted = _capitalised(word, at_start, cut, language)
        if promoted:
            surnames.append((i, base, promoted))
    shouted = _shouted_runs(text, words, starts, ends)
    for i in shouted:
        roles[i] = "lower"
    return _Reading(
        tuple(words),
        starts,
        ends,
        tuple(roles),
        tuple(role.rstrip("!") for role in roles),
        tuple(spans),
        tuple(s for s in surnames if s[0] not in shouted),
    )


@lru_cache(maxsize=65536)
def _capitalised(word: str, at_start: bool, cut: bool, language: str) -> tuple[str, str, str]:
    """A capitalised word's form as a surname (English possessive dropped), its role, and its role were it a
    known surname ("" when that is the same); a name word after punctuation (``cut``) is marked "!": it may
    open a run but not continue one. Remembered: a word's context varies little."""
    base = without_possessive(word) if language == "en" else word
    role = _word_role(base, at_start, language, False)
    promoted = _word_role(base, at_start, language, True)
    if cut:
        role, promoted = (r + "!" if r in _CANDIDATE_ROLES else r for r in (role, promoted))
    return base, role, promoted if promoted != role else ""


def _shouted_runs(text: str, words: Sequence[str], starts: Sequence[int], ends: Sequence[int]) -> set[int]:
    """Capitals side by side are a shouted headline ("FERRY FIASCO", "EILMELDUNG AUS BERLIN"), not acronyms:
    acronyms rarely stand next to each other, and one of four letters or more next to another even less. The
    indices of such tokens, which count as lower-case words."""
    shouted: set[int] = set()
    if sum(1 for word in words if word.isupper()) < 2:
        return shouted  # a shouted word is all capitals: fewer than two such words make no run (most sentences)
    i = 0
    while i < len(words):
        j = i
        while _shouted(words[j]) and j + 1 < len(words) and _shouted(words[j + 1]):
            if text[ends[j] : starts[j + 1]].strip():
                break
            j += 1
        if j > i and any(len(word) >= 4 for word in words[i : j + 1]):
            shouted.update(range(i, j + 1))
        i = j + 1
    return shouted


def _shouted(word: str) -> bool:
    return len(word) >= 2 and word.isalpha() and word.isupper()


@lru_cache(maxsize=65536)
def _word_role(word: str, at_start: bool, language: str, known: bool) -> str:
    """The role of a capitalised word from the word alone (remembered: vocabulary repeats); ``known`` says
    whether the article introduced it as a surname."""
    folded = word.casefold()
    if folded in names().not_names or (at_start and folded in month_and_day_words()):
        return "stop"
    if is_title(word) and not known_place(word):
        return "title"
    if is_acronym(word) or known_place(word) or known:
        return "strong"
    if folded in names().first_names:
        return "name"
    if language == "en":
        return "weak" if at_start else "name"
    if at_start:
        return "weak"
    return "common" if folded.endswith(_GERMAN_NOUN_ENDINGS) else "weak"


def _known_phrases(
    text: str, words: Sequence[str], starts: Sequence[int], ends: Sequence[int], roles: list[str]
) -> Iterator[tuple[int, int]]:
    """Multi-word places and organisations from the lexicon ("European Union", "Weißen Haus"), found before
    the word-by-word rules can split them at a demonym or a common noun; their tokens are marked "known"."""
    lexicon = names()
    i = 0
    while i < len(words):
        if not _opens_phrase(words[i]):
            i += 1
            continue
        for n in range(min(lexicon.longest, len(words) - i), 1, -1):
            if any(text[ends[k] : starts[k + 1]].strip() not in {"", "/"} for k in range(i, i + n - 1)):
                continue
            phrase = fold_name(" ".join(words[i : i + n]))
            if phrase in lexicon.classes or phrase.removesuffix("s") in lexicon.classes:
                roles[i : i + n] = ["known"] * n
                yield starts[i], ends[i + n - 1]
                i += n - 1
                break
        i += 1


@lru_cache(maxsize=65536)
def _opens_phrase(word: str) -> bool:
    """Whether a word may open a multi-word name of the lexicon (remembered: most words open none)."""
    return word[:1].isupper() and fold_name(word) in phrase_openers()


# An institution named by what it is for: "Landesamt für Umwelt", "Bundesamt für Migration und Flüchtlinge",
# "Department of Health", "Office for National Statistics". German compounds end in the head noun.
_INSTITUTION_HEAD = (
    r"[A-ZÄÖÜ][\w-]*(?:amt|amts|ministerium|ministeriums|institut|instituts|behörde|zentrum|zentrums|agentur|"
    r"kommission|verband|verbands|stiftung|akademie|gericht|gerichts)"
    r"|Department|Ministry|Office|Institute|Agency|Bureau|Commission|Council|Board|University|Court|Secretary"
    r"|Bank|Church|Assembly|Parliament|Chamber|Museum|College|School|Academy|Republic|Kingdom|Federation|League"
    r"|Association|Society|Organi[sz]ation|Cent(?:re|er)|Committee|Tribunal|Service|Authority|Fund|Foundation"
    r"|Party|Union|Congress|Command|Corps"
)
# "Council of Europe", "Bank of England", "Parliamentary Assembly of the Council of Europe": one name, not
# "Council" and "Europe".
INSTITUTION = re.compile(
    rf"(?<![\w-])(?:{_INSTITUTION_HEAD})\s+(?:für|of|for)\s+(?:the\s+)?[A-ZÄÖÜ][\w-]*"
    r"(?:\s+(?:und|and)\s+[A-ZÄÖÜ][\w-]*|\s+[A-ZÄÖÜ][\w-]*){0,2}"
    r"(?:\s+of\s+(?:the\s+)?[A-ZÄÖÜ][\w-]*(?:\s+[A-ZÄÖÜ][\w-]*)?)?(?![\w-])"
)


def _institutions(text: str, starts: Sequence[int], roles: list[str]) -> Iterator[tuple[int, int]]:
    """Institutions named by their remit, found whole before the word rules split them at "für"/"of"; their
    tokens are marked "known"."""
    if " für " not in text and " of " not in text and " for " not in text:
        return
    for match in INSTITUTION.finditer(text):
        inside = [i for i, start in enumerate(starts) if match.start() <= start < match.end()]
        if any(roles[i] == "known" for i in inside):
            continue
        for i in inside:
            roles[i] = "known"
        yield match.start(), match.end()


def _name_runs(
    text: str, reading: _Reading, roles: Sequence[str], bare: Sequence[str], language: str
) -> Iterator[tuple[int, int]]:
    """Runs of name words, each one name or, where a known place stands among unrecognised words, that place
    alone; a title before a run, particles inside it and a company suffix after it count as support."""
    words, starts, ends = reading.words, reading.starts, reading.ends
    j = 0
    # Only a name word opens a run: the other words (most of a sentence) are stepped over at once.
    for i in [k for k, role in enumerate(bare) if role in _CANDIDATE_ROLES]:
        if i < j:
            continue  # inside the run before
        j = i + 1
        after_title = i > 0 and roles[i - 1] == "title" and not text[ends[i - 1] : starts[i]].strip(" .")
        while j < len(words) and j - i < _MAX_RUN:
            if language == "en" and without_possessive(words[j - 1]) != words[j - 1] and words[i] not in _SAINTLY:
                break  # "the White House’s Rose Garden" names two places; "St. Peter’s Square" one
            if roles[j] in _CANDIDATE_ROLES:
                j += 1
                continue
            if (
                roles[j] == "particle"
                and (after_title or j - i > 1)
                and _particle_joins(reading, roles, j, text, language)
            ):
                k = j
                while roles[k] == "particle":
                    k += 1
                j = k + 1
                continue
            break
        # "Vestalis Gesundheit AG": a company suffix pulls in up to two capitalised words before it.
        company = False
        for k in range(j, min(j + 3, len(words))):
            if text[ends[k - 1] : starts[k]].strip() or not words[k][:1].isupper():
                break
            if fold_name(words[k]) in names().legal_forms:
                j = k + 1
                company = True
                break
        run = range(i, j)
        kinds = set(bare[i:j])
        named_words = [words[k] for k in run if bare[k] != "particle"]
        named = (
            after_title
            or "strong" in kinds
            or (language == "en" and "name" in kinds)
            or (
                len(named_words) >= 2
                and (language == "en" or "name" in kinds or company or not _inflected_nouns(named_words))
            )
        )
        if not named:
            continue
        mixed = "strong" in kinds and len(named_words) > 1 and _all_weak_or_strong_separate(kinds)
        if mixed and language == "en":
            # English capitalises names only, so a run is one name unless a place or acronym stands in it;
            # a word known as the last of an earlier name ("Guard" of "U.S. Coast Guard") does not split
            # "Coast Guard crews" into "Guard".
            mixed = any(bare[k] == "strong" and (is_acronym(words[k]) or known_place(words[k])) for k in run)
        if mixed and not (after_title or company):
            # Known places stand alone: "Vertreter Frankreichs" is not one name.
            yield from ((starts[k], ends[k]) for k in run if bare[k] == "strong")
        else:
            start = starts[i]
            end = start + len(without_possessive(text[start : ends[j - 1]]))
            if end - start > 1 and not _is_label(text, start, ends[j - 1], kinds):
                yield start, end


_LIST_MARKER = re.compile(r"\s*(?:[-–—•*·▪►]|\d{1,2}[.)])\s*")


def _is_label(text: str, start: int, end: int, roles: set[str]) -> bool:
    """The heading of a list item, "- Previous Role: …", "• Missionary Work: …": a label, not a name. A known
    place or acronym stays a name ("- Berlin: …")."""
    return (
        "strong" not in roles
        and _LIST_MARKER.fullmatch(text[:start]) is not None
        and text[start:end].count(" ") < 4
        and text[end : end + 1] == ":"
    )


def _inflected_nouns(words: list[str]) -> bool:
    """Two German nouns side by side ("seit Jahren Verluste", "Soziale Medien"): every word carries a German
    inflection ending. Names rarely do throughout ("Keir Starmer", "Martin Oehlke", "Calverley Bay")."""
    return all(word.casefold().endswith(_GERMAN_INFLECTIONS) for word in words) and not known_place(" ".join(words))


def _all_weak_or_strong_separate(kinds: set[str]) -> bool:
    """A run mixing a known place with unrecognised capitalised words in German-style noun order."""
    return "weak" in kinds and "name" not in kinds


def _particle_joins(reading: _Reading, roles: Sequence[str], j: int, text: str, language: str) -> bool:
    """ "Ursula von der Leyen": particles join a name only when exactly one name word follows them. In German,
    where articles are particles too, the run must open with "von"/"van"/"zu"… ("Koalition der Willigen" is no
    name)."""
    if text[reading.ends[j - 1] : reading.starts[j]].strip():
        return False
    if language != "en" and reading.words[j].casefold() in _ARTICLES:
        return False
    k = j
    while k < len(roles) and roles[k] == "particle":
        k += 1
    if k >= len(roles) or roles[k] not in {"weak", "name"}:
        return False
    return k + 1 >= len(roles) or roles[k + 1] not in {"weak", "name", "strong"}
