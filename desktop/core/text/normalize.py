"""Text normalisation for matching, never for display: the shown text and its offsets stay untouched."""

from __future__ import annotations

import re
import unicodedata

from desktop.core.memo import per_sentence

_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_TRANSLATE = str.maketrans(
    {
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2039": "'",
        "\u203a": "'",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
    }
)
_SPACES = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w\s]")
# ``str.translate`` with a mapping looks up every character of a non-ASCII string in a dict (~15 µs for a news
# sentence, a second over two 10,000-sentence articles); a regex finds the few characters to change instead.
_INVISIBLE_CHARS = re.compile("[" + re.escape("".join(map(chr, _INVISIBLE))) + "]")
_TYPOGRAPHIC_CHARS = re.compile("[" + re.escape("".join(map(chr, _TRANSLATE))) + "]")


def _typographic(match: re.Match[str]) -> str:
    return str(_TRANSLATE[ord(match.group())])


@per_sentence
def canonical(text: str) -> str:
    """Fold the typographic variants that carry no meaning: invisible characters, quotes, dashes, ligatures.

    Remembered per sentence: a comparison matched by meaning asks for every sentence's canonical text several
    times over (the matcher, the classification, the commentary classifier's two passes), ~49,000 calls at
    ~10 µs for two 10,000-sentence articles."""
    text = _INVISIBLE_CHARS.sub("", text)
    text = _TYPOGRAPHIC_CHARS.sub(_typographic, unicodedata.normalize("NFKC", text))
    return _SPACES.sub(" ", text).strip()


def matching_key(text: str, *, ignore_case: bool = True, ignore_punctuation: bool = True) -> str:
    """The string the aligner compares: canonical text, optionally without case and punctuation."""
    key = canonical(text)
    if ignore_punctuation:
        key = _SPACES.sub(" ", _PUNCT.sub(" ", key)).strip()
    if ignore_case:
        key = key.casefold()
    return key
