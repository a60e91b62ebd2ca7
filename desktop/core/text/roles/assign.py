"""One role per sentence of an article: each sentence's own signals first, then the rules that read its neighbours,
then the headline; presegmented corpora (one sentence a line, no layout) get only the obvious signals and a
heading-shaped first line as the title.
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop.core.model import Role
from desktop.core.text import wordlists
from desktop.core.text.roles.context import (
    mark_appeal_paragraphs,
    mark_captions,
    mark_captions_between,
    mark_edges,
    mark_lines,
    mark_link_lists,
)
from desktop.core.text.roles.furniture import obvious_reason_of, sentence_signals
from desktop.core.text.roles.headline import heading_like, mark_title
from desktop.core.text.roles.piece import Piece
from desktop.core.text.roles.rules import rules_for


def assign_roles(text: str, pieces: Sequence[Piece], language: str = "", *, presegmented: bool = False) -> list[Role]:
    """One role per piece, in order."""
    rules = rules_for(language)
    sentences = [text[p.start : p.end] for p in pieces]
    if presegmented:
        key = language if language in wordlists.LANGUAGES else ""
        roles = [Role.BOILERPLATE if obvious_reason_of(s, key) else Role.BODY for s in sentences]
        if roles and roles[0] == Role.BODY and heading_like(sentences[0], allow_question=True):
            roles[0] = Role.TITLE
        return roles
    lows = [s.lower() for s in sentences]
    key = language if language in wordlists.LANGUAGES else ""
    signals = [sentence_signals(s, key) for s in sentences]
    appeals = [appeal for appeal, _ in signals]
    reasons = [reason for _, reason in signals]
    roles = [
        Role.BOILERPLATE if p.credit or p.dateline or appeal or reason else Role.BODY
        for p, (appeal, reason) in zip(pieces, signals, strict=True)
    ]
    mark_captions(pieces, sentences, roles, rules, reasons)
    mark_link_lists(pieces, sentences, roles, rules)
    mark_appeal_paragraphs(pieces, lows, appeals, roles, rules)
    mark_lines(pieces, sentences, roles, reasons)
    mark_captions_between(pieces, sentences, roles, rules)
    mark_edges(pieces, sentences, lows, roles, rules)
    mark_title(pieces, sentences, roles, rules)
    return roles
