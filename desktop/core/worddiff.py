"""Word-level differences between two sentences, via diff-match-patch with words mapped to characters."""

from __future__ import annotations

import re

from diff_match_patch import diff_match_patch

from desktop.core.model import DiffOp

_TOKENS = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)
_OPS = {0: DiffOp.EQUAL, -1: DiffOp.DELETE, 1: DiffOp.INSERT}


def word_diff(a: str, b: str) -> tuple[tuple[DiffOp, str], ...]:
    """Edit script from ``a`` to ``b`` whose ``=``/``-`` parts rebuild ``a`` and ``=``/``+`` parts ``b``."""
    vocabulary: dict[str, str] = {}
    tokens: list[str] = []

    def encode(text: str) -> str:
        out = []
        for token in _TOKENS.findall(text):
            if token not in vocabulary:
                vocabulary[token] = chr(0xE000 + len(tokens)) if len(tokens) < 6400 else chr(0xF0000 + len(tokens))
                tokens.append(token)
            out.append(vocabulary[token])
        return "".join(out)

    engine = diff_match_patch()
    engine.Diff_Timeout = 0.5
    diffs = engine.diff_main(encode(a), encode(b), False)
    engine.diff_cleanupSemantic(diffs)
    decode = {char: token for token, char in vocabulary.items()}
    merged: list[tuple[DiffOp, str]] = []
    for code, chars in diffs:
        text = "".join(decode[c] for c in chars)
        op = _OPS[code]
        if merged and merged[-1][0] == op:
            merged[-1] = (op, merged[-1][1] + text)
        elif text:
            merged.append((op, text))
    return tuple(merged)
