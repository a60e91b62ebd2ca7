"""Names that disagree: the same office held by different people ("Kanzler Scholz" / "Chancellor Merz"), one
person former holder in one outlet and holder in the other, a party given differently with a name, and the place
an event happened (a name after a locative preposition, "in Lindau"). Names compare with their spelling folded,
through the name lexicon's classes, and fuzzily above a threshold.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from rapidfuzz import fuzz

from desktop.core.detect.conflicts.lexicon import calendar_words, folded_words, word_classes
from desktop.core.detect.conflicts.statements import Holder, Party, Place, Side, Token, Value
from desktop.core.model import ConflictKind
from desktop.core.text.facts.extraction import ExtractedFact
from desktop.core.text.facts.lexicon import is_title, names
from desktop.core.text.facts.words import fold_name

_SAME_NAME = 85  # rapidfuzz ratio of folded surnames that still counts as one person or place
_LOCATIVE = {
    "en": frozenset({"in", "near", "outside", "at"}),
    "de": frozenset({"in", "im", "nahe", "bei", "beim"}),
}
_PLACE_ARTICLES = frozenset({"the", "der", "dem", "den"})
_HONORIFICS = frozenset({"dr", "prof", "mr", "mrs", "ms", "sir", "herr", "frau", "dame", "lord"})


def read_name(
    side: Side,
    text: str,
    tokens: list[Token],
    start: int,
    end: int,
    language: str,
    value: Callable[[int, int], Value],
) -> None:
    name = text[start:end]
    words = name.split()
    surname = fold_name(words[-1]) if words else ""
    if not surname:
        return
    before = [t for t in tokens if t.end <= start]
    # Nothing but spaces between the words before the name and the name itself.
    joined: list[Token] = []
    edge = start
    for token in reversed(before):
        if text[token.end : edge].strip():
            break
        joined.insert(0, token)
        edge = token.start
        if len(joined) == 4:
            break
    office = _office(joined)
    if office is not None:
        key, label, first, former = office
        if not _is_office_word(words):
            side.holders.append(Holder(value(first, end), key, label, surname, former))
    party = _party_of(text, joined, end)
    if party is not None:
        side.parties.append(Party(value(party[1], party[2]), surname, party[0]))
    if (
        joined
        and office is None
        and _is_locative(joined, language)
        and words[0].casefold() not in _HONORIFICS
        and party is None
    ):
        side.places.append(Place(value(start, end), fold_name(name)))


_NOT_PLACES = frozenset(
    {
        "kraft", "haft", "gefahr", "brand", "ordnung", "frage", "sicherheit", "panik", "betrieb", "rente",
        "zukunft", "summe", "kürze", "teilen", "folge", "nacht", "regen", "tag", "bedarf", "sicht", "ruhe",
        "gang", "höhe", "richtung", "zeiten", "wirklichkeit", "anbetracht", "erwägung", "aussicht",
    }
)  # fmt: skip


def loose_places(
    side: Side,
    text: str,
    tokens: list[Token],
    found: Sequence[ExtractedFact],
    language: str,
    value: Callable[[int, int], Value],
) -> None:
    """Place names the name finder leaves alone (one capitalised word proves nothing in German, and a lone
    unknown word in English may open a sentence): a capitalised word straight after "in", "bei", "nahe" or
    "near" with no article is a place ("in Lindau"), unless it is a month or weekday, ends like a German common
    noun or is a fixed phrase ("in Kraft", "bei Nacht")."""
    claimed = [(s, e) for _, _, s, e in found]
    prepositions = {"in", "bei", "nahe"} if language == "de" else {"in", "near", "outside"}
    for i, token in enumerate(tokens[1:], start=1):
        if tokens[i - 1].lower not in prepositions or not token.text[:1].isupper() or len(token.text) < 3:
            continue
        if text[tokens[i - 1].end : token.start].strip() or any(s <= token.start < e for s, e in claimed):
            continue
        word = token.lower
        if word in _NOT_PLACES or word in names().not_names or word in calendar_words():
            continue
        if language == "de" and word.endswith((*_GERMAN_ENDINGS, "en", "ern", "e")):
            continue
        side.places.append(Place(value(token.start, token.end), fold_name(token.text)))


_GERMAN_ENDINGS = (
    "ung", "ungen", "heit", "keit", "schaft", "tion", "sion", "tät", "ismus", "nis", "tum", "ling", "chen", "ei",
    "ie", "ik", "enz", "anz", "ment", "ur",
)  # fmt: skip


def _is_office_word(words: Sequence[str]) -> bool:
    lowered = [w.casefold() for w in words]
    return word_classes()["offices"].match(lowered, 0) is not None


def _office(joined: list[Token]) -> tuple[str, str, int, bool] | None:
    """(office key, office as written, start of the office words, former) for the words right before a name:
    an office of the lexicon in either language ("Kanzler", "chancellor"), else a title the name finder knows
    with the capitalised words before it ("Transport Secretary"), compared within one language."""
    offices = word_classes()["offices"]
    lowered = [_masculine(t.lower) for t in joined]
    for at in range(len(lowered)):
        words = list(lowered[at:])
        former = False
        first = words[0]
        for prefix in ("ex-", "alt"):
            if first.startswith(prefix) and offices.match([first[len(prefix) :], *words[1:]], 0):
                words[0] = first[len(prefix) :]
                former = True
        hit = offices.match(words, 0)
        if hit is None or hit[1] != len(words):
            continue
        return _with_former(joined, at, f"office:{hit[0]}", offices.names[hit[0]], former)
    if joined and joined[-1].lower not in _HONORIFICS and is_title(joined[-1].text):
        at = len(joined) - 1
        while (
            at and joined[at - 1].text[:1].isupper() and not word_classes()["former"].match([joined[at - 1].lower], 0)
        ):
            at -= 1
        words = [t.lower for t in joined[at:]]
        return _with_former(joined, at, "title:" + " ".join(words), " ".join(words), False)
    return None


def _with_former(joined: list[Token], at: int, key: str, label: str, former: bool) -> tuple[str, str, int, bool]:
    former_words = word_classes()["former"]
    earlier = [t.lower for t in joined[:at] if t.lower not in _HONORIFICS][-2:]
    former = former or any(former_words.match([w], 0) for w in earlier)
    start = joined[at].start
    if former:
        start = next((t.start for t in joined[:at] if former_words.match([t.lower], 0)), start)
    return key, label, start, former


def _masculine(word: str) -> str:
    """German feminine office words ("Kanzlerin", "Bürgermeisterin") looked up as the office."""
    offices = word_classes()["offices"]
    if word.endswith("in") and len(word) > 5 and offices.match([word], 0) is None:
        stem = word[:-2]
        if offices.match([stem.removeprefix("ex-").removeprefix("alt")], 0) is not None:
            return stem
    return word


def _party_of(text: str, joined: list[Token], end: int) -> tuple[int, int, int] | None:
    """A party stated with a name: "Müller (CDU)", "CDU-Politiker Müller", "Labour MP Smith"."""
    parties = word_classes()["parties"]
    after = re.match(r"\s*\(([^()]{1,40})\)", text[end:])
    if after:
        inner = after.group(1)
        for word in folded_words(inner):
            hit = parties.match([word], 0)
            if hit is not None:
                return hit[0], end + after.start(1), end + after.end(1)
    for token in joined[-2:]:
        for part in token.lower.split("-"):
            hit = parties.match([part], 0)
            if hit is not None:
                return hit[0], token.start, token.end
    return None


def _is_locative(joined: list[Token], language: str) -> bool:
    words = [t.lower for t in joined]
    if words and words[-1] in _PLACE_ARTICLES:
        words = words[:-1]
    prepositions = _LOCATIVE.get(language, _LOCATIVE["en"] | _LOCATIVE["de"])
    return bool(words) and words[-1] in prepositions


def _same_person(x: str, y: str) -> bool:
    if x == y:
        return True
    lexicon = names().classes
    if x in lexicon and lexicon.get(x) == lexicon.get(y):
        return True
    return min(len(x), len(y)) >= 5 and fuzz.ratio(x, y) >= _SAME_NAME


def mentions(side: Side, folded: str) -> bool:
    """Whether a side names this person or place anywhere (any word of it, spelling folded)."""
    parts = [w for w in folded.split() if len(w) > 2]
    return any(_same_person(p, m) for p in parts for m in side.mentioned)


def name_conflicts(a: Side, b: Side) -> Iterator[tuple[ConflictKind, str, Value, Value]]:
    # The same office held by different people: "Kanzler Scholz" against "Chancellor Merz".
    for x in a.holders:
        same_office = [y for y in b.holders if y.office == x.office and y.former == x.former]
        if not same_office or any(_same_person(x.surname, y.surname) for y in same_office):
            continue
        if any(_same_person(x.surname, y.surname) for y in b.holders):
            continue
        y = same_office[0]
        if mentions(b, x.surname) or mentions(a, y.surname):
            continue
        yield ConflictKind.NAME, x.label, x.value, y.value
    # The same person a former holder in one, the holder in the other.
    for x in a.holders:
        for y in b.holders:
            if x.office == y.office and x.former != y.former and _same_person(x.surname, y.surname):
                yield ConflictKind.NAME, "former " + x.label, x.value, y.value
    parties = word_classes()["parties"].names
    for p in a.parties:
        for q in b.parties:
            if p.party != q.party and _same_person(p.surname, q.surname):
                yield ConflictKind.NAME, f"party ({parties[p.party]}/{parties[q.party]})", p.value, q.value


def place_conflicts(a: Side, b: Side) -> Iterator[tuple[ConflictKind, str, Value, Value]]:
    keys_a = {p.key for p in a.places}
    keys_b = {p.key for p in b.places}
    if len(keys_a) != 1 or len(keys_b) != 1:
        return
    x, y = a.places[0], b.places[0]
    if _same_place(x.key, y.key) or mentions(b, x.key) or mentions(a, y.key):
        return
    if _is_region(x.value.text) != _is_region(y.value.text):
        return  # a town and the country around it
    yield ConflictKind.PLACE, "place", x.value, y.value


def _is_region(name: str) -> bool:
    return word_classes()["regions"].match(folded_words(name), 0) is not None


def _same_place(x: str, y: str) -> bool:
    words_x, words_y = set(x.split()), set(y.split())
    return words_x <= words_y or words_y <= words_x or _same_person(x, y)
