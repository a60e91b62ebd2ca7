"""Words as facts compares them: the tokeniser, spellings folded blind to accents, case and transliteration
(``fold_name``: Selenskij, Selenskyj and Zelensky all read "selensky"), the key that counts a fact once however it
is spelled (``fact_key``), and the stems and content words that compare quotations across grammar.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import cache, lru_cache

from desktop.core.memo import per_sentence
from desktop.core.text import wordlists

TOKEN = re.compile(r"(?:[A-ZÄÖÜ]\.){2,}|\w+(?:[-'’]\w+)*")
_TRANSLITERATION = (
    ("tsch", "ch"), ("sch", "sh"), ("zh", "sh"), ("kh", "h"), ("ch", "h"), ("ck", "k"), ("ph", "f"), ("th", "t"),
    ("w", "v"), ("z", "s"), ("ij", "y"), ("yj", "y"), ("iy", "y"), ("j", "y"), ("c", "k"), ("ie", "i"), ("ou", "u"),
)  # fmt: skip
_DOUBLE = re.compile(r"(\w)\1+")
_WORD_CHARACTERS = re.compile(r"\w+")


@lru_cache(maxsize=262144)
def plain_form(text: str) -> str:
    """Case and accents folded, umlauts as their vowels and "ß" as "ss": the form words are compared in."""
    if text.isascii():
        return text.casefold()  # what the steps below leave of a plain ASCII word (most words, and every initial)
    text = text.casefold().replace("ß", "ss")
    for umlaut, vowel in (("ä", "a"), ("ö", "o"), ("ü", "u")):
        text = text.replace(umlaut, vowel)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def fold_name(text: str) -> str:
    """A spelling-blind form of a name: accents, case and the German/English transliteration habits folded,
    so Selenskij, Selenskyj, Zelensky and Zelenskyy all read "selensky"."""
    words = []
    for word in _WORD_CHARACTERS.findall(plain_form(text).replace(".", "")):
        if word.endswith("our") and len(word) > 5:  # British and American spelling: Harbour/Harbor, Labour/Labor
            word = word[:-3] + "or"
        # Each rule is looked for before it is applied, and doubles before they are collapsed: most words hold
        # few of them, and a long document's name runs fold ~100,000 initials ("nws") that the memo has not seen.
        for old, new in _TRANSLITERATION:
            if old in word:
                word = word.replace(old, new)
        words.append(_DOUBLE.sub(r"\1", word) if _DOUBLE.search(word) else word)
    return " ".join(words)


@lru_cache(maxsize=65536)
def fact_key(text: str) -> str:
    """One key per fact however it is spelled, used to count distinct missing facts (remembered: the summary,
    the report's fact table and the app ask for every fact of a comparison)."""
    return _NON_WORD.sub("", fold_name(text))


_NON_WORD = re.compile(r"\W+")
LETTERS = re.compile(r"[^\W\d_]+")
_STEM_ENDINGS = ("ern", "en", "er", "es", "em", "e", "s", "n", "ed", "ing")


@lru_cache(maxsize=262144)
def word_stem(word: str) -> str:
    """A word without its inflection ending, for comparing quoted words across grammar ("gesicherte"/"gesichert")."""
    for ending in _STEM_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


@per_sentence
def _content_words(text: str) -> tuple[str, ...]:
    return tuple(stem for word in LETTERS.findall(text) if (stem := _content_stem(word)))


@lru_cache(maxsize=262144)
def _content_stem(word: str) -> str:
    """The stem of a word that says something, else "" (remembered: every sentence of an article is read)."""
    plain = plain_form(word)
    return word_stem(plain) if len(plain) > 3 and plain not in _stopwords() else ""


def content_stems(text: str) -> frozenset[str]:
    return frozenset(_content_words(text))


def content_pairs(text: str) -> frozenset[str]:
    return frozenset(f"{a} {b}" for a, b in itertools.pairwise(_content_words(text)))


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(plain_form(word) for lang in ("de", "en") for word in wordlists.sections(f"stopwords-{lang}")[""])
