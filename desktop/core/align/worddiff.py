"""Word-level differences between two sentences: diff-match-patch run on words encoded as single characters.

diff-match-patch works on characters; fed raw text it cuts words apart ("Sel[-ij-][+yj+]"). Mapping every
distinct token (word, run of spaces, punctuation mark) to one code point first makes it diff whole words,
and its semantic cleanup then merges runs of changed words into readable replacements.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from diff_match_patch import diff_match_patch

from desktop.core.model import DiffOp

_TOKENS = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)
_OPS = {0: DiffOp.EQUAL, -1: DiffOp.DELETE, 1: DiffOp.INSERT}
# Beyond this many tokens on one side the Myers diff can take seconds; the timeout only ever bites on
# pathological input (a whole article pasted as one "sentence"), where a coarser diff is acceptable.
_TIMEOUT_SECONDS = 1.0

# Code points used as token ids. The encoded strings contain nothing but these ids, so no id can collide with
# text; private-use planes come first because diff-match-patch's semantic cleanup treats them as neutral
# symbols (not letters or spaces) and so never shifts edits by the ids' character classes. The later ranges
# (everything outside the surrogates) only serve inputs with more than ~137,000 distinct tokens.
_ID_RANGES = (
    (0xE000, 0xF8FF),
    (0xF0000, 0xFFFFD),
    (0x100000, 0x10FFFD),
    (0x0100, 0xD7FF),
    (0xF900, 0xFFFD),
    (0x10000, 0xEFFFF),
)


def _token_ids() -> Iterator[str]:
    for first, last in _ID_RANGES:
        for code in range(first, last + 1):
            yield chr(code)


def tokens(text: str) -> list[str]:
    """Words, whitespace runs and single punctuation marks; joined they give back ``text`` exactly."""
    return _TOKENS.findall(text)


MIN_SHARED_WORDS = 0.3  # share of the longer side's words a diff must keep for its marks to mean something


def readable(ops: tuple[tuple[DiffOp, str], ...]) -> bool:
    """Whether a diff says which words differ, or only that two outlets wrote the same fact in their own words.

    Two independent paraphrases share a name and a number and little else: their diff strikes nearly every word
    of one and underlines nearly every word of the other, which reads as "everything left out". Below
    ``MIN_SHARED_WORDS`` shared words the pair is shown side by side without marks, as pairs across languages
    are.
    """
    if all(kind == DiffOp.EQUAL for kind, _ in ops):
        return True  # nothing differs (most groups of a long comparison): no need to count the words
    counted = {DiffOp.EQUAL: 0, DiffOp.DELETE: 0, DiffOp.INSERT: 0}
    for kind, text in ops:  # each part's words counted once (three passes over every part were a third of a diff)
        counted[kind] += len(_WORDS.findall(text))
    shared = counted[DiffOp.EQUAL]
    longer = max(counted[op] + shared for op in _SIDES)
    return longer == 0 or shared >= MIN_SHARED_WORDS * longer


_WORDS = re.compile(r"\w+", re.UNICODE)
_SIDES = (DiffOp.DELETE, DiffOp.INSERT)


def word_diff(a: str, b: str) -> tuple[tuple[DiffOp, str], ...]:
    """Edit script from ``a`` to ``b`` whose ``=``/``-`` parts rebuild ``a`` and ``=``/``+`` parts ``b``."""
    if a == b:
        return ((DiffOp.EQUAL, a),) if a else ()
    return _word_diff(a, b)


@lru_cache(maxsize=32768)
def _word_diff(a: str, b: str) -> tuple[tuple[DiffOp, str], ...]:
    """Remembered per pair: a re-run after a threshold change diffs the same sentence pairs again, and a story
    reprinted by several outlets pairs the reference with the same reworded sentence more than once."""
    ids = _token_ids()
    vocabulary: dict[str, str] = {}

    def encode(text: str) -> str | None:
        out = []
        for token in tokens(text):
            char = vocabulary.get(token)
            if char is None:
                char = next(ids, None)
                if char is None:
                    return None
                vocabulary[token] = char
            out.append(char)
        return "".join(out)

    encoded_a, encoded_b = encode(a), encode(b)
    if encoded_a is None or encoded_b is None:
        # More distinct tokens than Unicode has code points (over a million): replace wholesale, which still
        # keeps the rebuild contract.
        return tuple((op, text) for op, text in ((DiffOp.DELETE, a), (DiffOp.INSERT, b)) if text)

    engine = diff_match_patch()
    engine.Diff_Timeout = _TIMEOUT_SECONDS
    diffs = engine.diff_main(encoded_a, encoded_b, False)
    engine.diff_cleanupSemantic(diffs)
    decode = {char: token for token, char in vocabulary.items()}
    merged: list[tuple[DiffOp, str]] = []
    for code, chars in diffs:
        text = "".join(decode[c] for c in chars)
        op = _OPS[code]
        if not text:
            continue
        if merged and merged[-1][0] == op:
            merged[-1] = (op, merged[-1][1] + text)
        else:
            merged.append((op, text))
    return tuple(_pair_words(merged))


def _pair_words(ops: list[tuple[DiffOp, str]]) -> list[tuple[DiffOp, str]]:
    """Split a replaced run into word-for-word replacements when both sides have the same shape.

    Semantic cleanup turns "Machthaber Wladimir Selenskij" → "Präsident Wolodymyr Selenskyj" into one block;
    a reader wants to see three words swapped, each beside its counterpart.
    """
    out: list[tuple[DiffOp, str]] = []
    i = 0
    while i < len(ops):
        op, text = ops[i]
        if op == DiffOp.DELETE and i + 1 < len(ops) and ops[i + 1][0] == DiffOp.INSERT:
            old, new = tokens(text), tokens(ops[i + 1][1])
            if len(old) == len(new) > 1 and all(
                _is_word(x) == _is_word(y) and (_is_word(x) or x == y) for x, y in zip(old, new, strict=True)
            ):
                for x, y in zip(old, new, strict=True):
                    if x == y:
                        _append(out, DiffOp.EQUAL, x)
                    else:
                        _append(out, DiffOp.DELETE, x)
                        _append(out, DiffOp.INSERT, y)
                i += 2
                continue
        _append(out, op, text)
        i += 1
    return out


def _is_word(token: str) -> bool:
    return bool(token) and (token[0].isalnum() or token[0] == "_")


def _append(out: list[tuple[DiffOp, str]], op: DiffOp, text: str) -> None:
    if out and out[-1][0] == op:
        out[-1] = (op, out[-1][1] + text)
    else:
        out.append((op, text))


def changed_spans(ops: tuple[tuple[DiffOp, str], ...], side: DiffOp) -> list[tuple[int, int]]:
    """Character ranges, in the text that ``side`` (DELETE: ``a``, INSERT: ``b``) belongs to, that the other
    text lacks; lets callers look at inserted words in their sentence context rather than cut out."""
    spans = []
    position = 0
    for op, text in ops:
        if op == DiffOp.EQUAL:
            position += len(text)
        elif op == side:
            spans.append((position, position + len(text)))
            position += len(text)
    return spans
