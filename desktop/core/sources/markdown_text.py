"""Markdown to the plain text a reader sees, so sentences compare without ``**``, ``[…](…)`` or ``#`` in them.

Line-based on purpose: articles use a small part of Markdown (headings, emphasis, links, lists, quotes,
the odd code block), every regex here is bounded by one line, and paragraphs stay blank-line separated
so the segmenter sees the same blocks a renderer would show. Soft-wrapped paragraph lines are joined
with a space, as a renderer does; list items, headings and quotes stay one block each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"\s{0,3}#{1,6}(?:\s|$)")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")
_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_LIST = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_HTML_BLOCK = re.compile(r"^\s*</?(?:div|details|summary|figure|table|tr|td|th|tbody|thead|center)\b[^>]*>\s*$", re.I)

# Inline patterns: every variable part excludes its own delimiters, so a failed match ends at the next
# bracket, backtick or asterisk and a line of ten thousand "[" or "**a " stays linear (".+?" took 17 s).
_LINK_TARGET = r"(?:\((?:[^()]|\([^()]{0,500}\)){0,2000}\)|\[[^\[\]]{0,200}\])"
_IMAGE = re.compile(r"!\[[^\[\]]{0,1000}\]" + _LINK_TARGET)
_LINK = re.compile(r"\[([^\[\]]{1,1000})\]" + _LINK_TARGET)
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^<>\s]+)>")
_FOOTNOTE = re.compile(r"\[\^[^\[\]]{1,100}\]")
_CODE = re.compile(r"(`+)([^`]+)\1")
_STRONG = re.compile(r"\*\*(?=[^*\s])([^*]+)(?<=\S)\*\*|__(?=[^_\s])([^_]+)(?<=\S)__")
_EMPHASIS_STAR = re.compile(r"\*(?=[^*\s])([^*]+)(?<=\S)\*")
_EMPHASIS_UNDERSCORE = re.compile(r"(?<![\w])_(?=[^_\s])([^_]+)(?<=\S)_(?![\w])")
_STRIKE = re.compile(r"~~(?=[^~\s])([^~]+)(?<=\S)~~")
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~\"'])")
_INLINE_LIMIT = 20_000
_SPACES = re.compile(r"[ \t]{2,}")


@dataclass(frozen=True, slots=True)
class MarkdownText:
    text: str
    title: str = ""


def markdown_to_text(markdown: str) -> MarkdownText:
    lines = markdown.split("\n")
    lines, front_title = _front_matter(lines)
    blocks: list[str] = []
    paragraph: list[str] = []
    title = front_title
    fence: str | None = None

    def flush() -> None:
        if paragraph:
            blocks.append(" ".join(part for part in paragraph if part))
            paragraph.clear()

    for index, line in enumerate(lines):
        if fence is None and line[:1].isalpha():  # plain prose, the common case: no block syntax to try
            paragraph.append(_inline(line.strip().removesuffix("\\")))
            continue
        if fence is not None:
            if line.strip().startswith(fence):
                fence = None
                flush()
            elif line.strip():
                blocks.append(line.rstrip())
            continue
        fence_match = _FENCE.match(line)
        if fence_match:
            flush()
            fence = fence_match.group(1)[0] * 3
            continue
        if not line.strip() or _RULE.match(line) or _REFERENCE.match(line) or _TABLE_RULE.match(line):
            if _SETEXT.match(line) and paragraph and index > 0 and lines[index - 1].strip():
                title = title or (paragraph[-1] if set(line.strip()) == {"="} else "")
            flush()
            continue
        if _SETEXT.match(line) and paragraph:
            title = title or (paragraph[-1] if set(line.strip()) == {"="} else "")
            flush()
            continue
        if _HTML_BLOCK.match(line):
            flush()
            continue
        heading = _HEADING.match(line)
        if heading:
            flush()
            text = _inline(_closing_hashes(line[heading.end() :]))
            if text:
                blocks.append(text)
                title = title or text
            continue
        quote = _QUOTE.match(line)
        body = line[quote.end() :] if quote else line
        item = _LIST.match(body)
        if item:
            flush()
            body = body[item.end() :]
        if "|" in body and body.strip().startswith("|"):
            flush()
            cells = [_inline(cell) for cell in body.strip().strip("|").split("|")]
            blocks.append(" · ".join(cell for cell in cells if cell))
            continue
        paragraph.append(_inline(body.strip().removesuffix("\\")))  # trailing spaces or "\\": a hard break
    flush()
    return MarkdownText(text="\n\n".join(block for block in blocks if block.strip()), title=title)


def _front_matter(lines: list[str]) -> tuple[list[str], str]:
    """YAML front matter (static-site exports) is metadata, not prose; its ``title:`` is the headline."""
    if not lines or lines[0].strip() != "---":
        return lines, ""
    for end in range(1, min(len(lines), 200)):
        if lines[end].strip() in {"---", "..."}:
            title = ""
            for line in lines[1:end]:
                if line.lower().startswith("title:"):
                    title = line.split(":", 1)[1].strip().strip("\"'")
            return lines[end + 1 :], title
    return lines, ""


def _closing_hashes(text: str) -> str:
    """'Title ##' -> 'Title' (an ATX heading's optional closing sequence), without a backtracking regex."""
    text = text.strip()
    stripped = text.rstrip("#")
    return stripped.rstrip() if stripped != text and (not stripped or stripped[-1] in " \t") else text


def _without_comments(text: str) -> str:
    pieces: list[str] = []
    position = 0
    while (start := text.find("<!--", position)) >= 0:
        pieces.append(text[position:start])
        end = text.find("-->", start + 4)
        if end < 0:
            return "".join(pieces)
        position = end + 3
    pieces.append(text[position:])
    return "".join(pieces)


def _inline(text: str) -> str:
    if len(text) > _INLINE_LIMIT:
        return text.strip()  # even linear passes add up on a megabyte line; such a line is not prose
    # Each pass only where its delimiter occurs: most prose lines have none, and this halves the time.
    if "<" in text:
        text = _AUTOLINK.sub(r"\1", _without_comments(text))
    if "[" in text:
        text = _FOOTNOTE.sub("", _LINK.sub(r"\1", _IMAGE.sub("", text)))
    if "`" in text:
        text = _CODE.sub(lambda m: m.group(2).strip(), text)
    if "*" in text or "_" in text:
        for _ in range(2):  # twice: "**bold *and* emphasis**" needs the inner pair gone first
            text = _STRONG.sub(lambda m: m.group(1) or m.group(2), text)
            text = _EMPHASIS_STAR.sub(r"\1", text)
        text = _EMPHASIS_UNDERSCORE.sub(r"\1", text)
    if "~" in text:
        text = _STRIKE.sub(r"\1", text)
    if "<" in text:
        text = _TAG.sub("", text)
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    if "  " in text or "\t" in text:
        text = _SPACES.sub(" ", text)
    return text.strip()
