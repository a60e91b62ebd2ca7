"""Proper names in one sentence. German capitalises every noun, so there a capitalised word counts as a name only
with support (a known place or organisation, an acronym, a title before it, two capitalised words that do not end
like German common nouns); multi-word names from the lexicon and institutions named by their remit ("Bundesamt
für Migration", "Office for National Statistics") are found whole first.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from functools import lru_cache

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


@dataclass(slots=True)
class _Token:
    text: str
    start: int
    end: int
    role: str = ""  # title, stop, strong, name, weak, particle, lower


def _tokens(text: str) -> list[_Token]:
    return [_Token(m[0], *m.span()) for m in TOKEN.finditer(text)]


def find_names(text: str, language: str, known: Collection[str] = ()) -> Iterator[tuple[int, int]]:
    """Proper names. German capitalises every noun, so there a capitalised word counts as a name only with
    support: a known place or organisation, an acronym, a title before it ("Senator X"), or two capitalised
    words in a row that do not end like German common nouns ("Keir Starmer", "Calverley Bay")."""
    tokens = _tokens(text)
    yield from _known_phrases(text, tokens)
    yield from _institutions(text, tokens)
    for i, token in enumerate(tokens):
        word = token.text
        folded = word.casefold()
        if token.role == "known":
            continue
        if not word[0].isupper():
            token.role = "particle" if folded in PARTICLES else "lower"
            continue
        k = token.start - 1
        while k >= 0 and text[k].isspace():
            k -= 1
        at_start = k < 0 or text[k] in _SENTENCE_OPENERS
        if "-" in word and word[0].isupper():
            first, *_, last = word.split("-")
            if is_title(last) and not is_title(first) and first[:1].isupper() and len(first) > 1:
                if is_acronym(first) or known_place(first) or not first.casefold().endswith(_GERMAN_NOUN_ENDINGS):
                    yield token.start, token.start + len(first)
                token.role = "title"
                continue
            if (is_acronym(first) or known_place(first)) and not known_place(word):
                yield token.start, token.start + len(first)
                token.role = "lower"
                continue
        base = without_possessive(word) if language == "en" else word
        token.role = _word_role(base, at_start, language, base in known or base.removesuffix("s") in known)
        # Runs never cross punctuation, except the full stop of a place-name abbreviation ("St. Luke's Hospital").
        gap = text[tokens[i - 1].end : token.start].strip() if i else ""
        if gap == "." and tokens[i - 1].text.casefold() in _NAME_ABBREVIATIONS:
            gap = ""
        if gap and token.role in {"weak", "name", "strong"}:
            token.role = token.role + "!"
    _demote_shouting(text, tokens)
    yield from _name_runs(text, tokens, language)


def _demote_shouting(text: str, tokens: list[_Token]) -> None:
    """Capitals side by side are a shouted headline ("FERRY FIASCO", "EILMELDUNG AUS BERLIN"), not acronyms:
    acronyms rarely stand next to each other, and one of four letters or more next to another even less."""
    if sum(1 for t in tokens if t.text.isupper()) < 2:
        return  # a shouted word is all capitals: fewer than two such words make no run (most sentences)
    i = 0
    while i < len(tokens):
        j = i
        while _shouted(tokens[j].text) and j + 1 < len(tokens) and _shouted(tokens[j + 1].text):
            if text[tokens[j].end : tokens[j + 1].start].strip():
                break
            j += 1
        run = tokens[i : j + 1]
        if len(run) > 1 and any(len(t.text) >= 4 for t in run):
            for t in run:
                t.role = "lower"
        i = j + 1


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


def _known_phrases(text: str, tokens: list[_Token]) -> Iterator[tuple[int, int]]:
    """Multi-word places and organisations from the lexicon ("European Union", "Weißen Haus"), found before
    the word-by-word rules can split them at a demonym or a common noun; their tokens are marked "known"."""
    lexicon = names()
    openers = phrase_openers()
    i = 0
    while i < len(tokens):
        if not tokens[i].text[:1].isupper() or fold_name(tokens[i].text) not in openers:
            i += 1
            continue
        for n in range(min(lexicon.longest, len(tokens) - i), 1, -1):
            run = tokens[i : i + n]
            if any(text[a.end : b.start].strip() not in {"", "/"} for a, b in itertools.pairwise(run)):
                continue
            phrase = fold_name(" ".join(t.text for t in run))
            if phrase in lexicon.classes or phrase.removesuffix("s") in lexicon.classes:
                for t in run:
                    t.role = "known"
                yield run[0].start, run[-1].end
                i += n - 1
                break
        i += 1


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


def _institutions(text: str, tokens: list[_Token]) -> Iterator[tuple[int, int]]:
    """Institutions named by their remit, found whole before the word rules split them at "für"/"of"; their
    tokens are marked "known"."""
    if " für " not in text and " of " not in text and " for " not in text:
        return
    for match in INSTITUTION.finditer(text):
        inside = [t for t in tokens if match.start() <= t.start < match.end()]
        if any(t.role == "known" for t in inside):
            continue
        for t in inside:
            t.role = "known"
        yield match.start(), match.end()


def _name_runs(text: str, tokens: list[_Token], language: str) -> Iterator[tuple[int, int]]:
    i = 0
    while i < len(tokens):
        role = tokens[i].role.rstrip("!")
        if role not in {"weak", "name", "strong"}:
            i += 1
            continue
        run = [tokens[i]]
        j = i + 1
        after_title = i > 0 and tokens[i - 1].role == "title" and not text[tokens[i - 1].end : run[0].start].strip(" .")
        while j < len(tokens) and len(run) < _MAX_RUN:
            if language == "en" and without_possessive(run[-1].text) != run[-1].text and run[0].text not in _SAINTLY:
                break  # "the White House’s Rose Garden" names two places; "St. Peter’s Square" one
            nxt = tokens[j]
            if nxt.role in {"weak", "name", "strong"}:
                run.append(nxt)
                j += 1
                continue
            if nxt.role == "particle" and (after_title or len(run) > 1) and _particle_joins(tokens, j, text, language):
                k = j
                while tokens[k].role == "particle":
                    k += 1
                run.extend(tokens[j : k + 1])
                j = k + 1
                continue
            break
        # "Vestalis Gesundheit AG": a company suffix pulls in up to two capitalised words before it.
        company = False
        for k in range(j, min(j + 3, len(tokens))):
            if text[tokens[k - 1].end : tokens[k].start].strip() or not tokens[k].text[:1].isupper():
                break
            if fold_name(tokens[k].text) in names().legal_forms:
                run.extend(tokens[j : k + 1])
                j = k + 1
                company = True
                break
        roles = {t.role.rstrip("!") for t in run}
        words = [t for t in run if t.role.rstrip("!") != "particle"]
        named = (
            after_title
            or "strong" in roles
            or (language == "en" and "name" in roles)
            or (len(words) >= 2 and (language == "en" or "name" in roles or company or not _inflected_nouns(words)))
        )
        if named:
            mixed = "strong" in roles and len(words) > 1 and _all_weak_or_strong_separate(run)
            if mixed and language == "en":
                # English capitalises names only, so a run is one name unless a place or acronym stands in it;
                # a word known as the last of an earlier name ("Guard" of "U.S. Coast Guard") does not split
                # "Coast Guard crews" into "Guard".
                mixed = any(t.role.rstrip("!") == "strong" and (is_acronym(t.text) or known_place(t.text)) for t in run)
            if mixed and not (after_title or company):
                # Known places stand alone: "Vertreter Frankreichs" is not one name.
                for t in run:
                    if t.role.rstrip("!") == "strong":
                        yield t.start, t.end
            else:
                end = run[0].start + len(without_possessive(text[run[0].start : run[-1].end]))
                if end - run[0].start > 1 and not _is_label(text, run[0].start, run[-1].end, roles):
                    yield run[0].start, end
        i = j


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


def _inflected_nouns(words: list[_Token]) -> bool:
    """Two German nouns side by side ("seit Jahren Verluste", "Soziale Medien"): every word carries a German
    inflection ending. Names rarely do throughout ("Keir Starmer", "Martin Oehlke", "Calverley Bay")."""
    return all(t.text.casefold().endswith(_GERMAN_INFLECTIONS) for t in words) and not known_place(
        " ".join(t.text for t in words)
    )


def _all_weak_or_strong_separate(run: list[_Token]) -> bool:
    """A run mixing a known place with unrecognised capitalised words in German-style noun order."""
    roles = [t.role.rstrip("!") for t in run]
    return "weak" in roles and "name" not in roles


def _particle_joins(tokens: list[_Token], j: int, text: str, language: str) -> bool:
    """ "Ursula von der Leyen": particles join a name only when exactly one name word follows them. In German,
    where articles are particles too, the run must open with "von"/"van"/"zu"… ("Koalition der Willigen" is no
    name)."""
    if text[tokens[j - 1].end : tokens[j].start].strip():
        return False
    if language != "en" and tokens[j].text.casefold() in _ARTICLES:
        return False
    k = j
    while k < len(tokens) and tokens[k].role == "particle":
        k += 1
    if k >= len(tokens) or tokens[k].role not in {"weak", "name"}:
        return False
    return k + 1 >= len(tokens) or tokens[k + 1].role not in {"weak", "name", "strong"}
