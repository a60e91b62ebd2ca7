"""Cut an article's text into sentence spans with roles (first version: sentencex plus line breaks)."""

from __future__ import annotations

from sentencex import segment as _sentencex_segment

from desktop.core.model import Role, Span


def segment(text: str, language: str = "", *, presegmented: bool = False) -> list[Span]:
    spans: list[Span] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            pieces = [stripped] if presegmented else list(_sentencex_segment(language or "en", stripped))
            cursor = offset + line.index(stripped[0])
            for piece in pieces:
                piece = piece.strip()
                if not piece:
                    continue
                start = text.index(piece, cursor)
                spans.append(Span(start, start + len(piece), Role.BODY))
                cursor = start + len(piece)
        offset += len(line)
    return spans
