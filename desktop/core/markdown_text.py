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
_HEADING = re.compile(r"^\s{0,3}#{1,6}(?:\s+|$)(.*?)(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")
_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_LIST = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_HTML_BLOCK = re.compile(r"^\s*</?(?:div|details|summary|figure|table|tr|td|th|tbody|thead|center)\b[^>]*>\s*$", re.I)

_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)|!\[([^\]]*)\]\[[^\]]*\]")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)|\[([^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_FOOTNOTE = re.compile(r"\[\^[^\]]+\]")
_CODE = re.compile(r"(`+)(.+?)\1")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS_STAR = re.compile(r"\*(?=\S)([^*]+?)(?<=\S)\*")
_EMPHASIS_UNDERSCORE = re.compile(r"(?<![\w])_(?=\S)([^_]+?)(?<=\S)_(?![\w])")
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>")
_COMMENT = re.compile(r"<!--.*?-->")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~\"'])")
_HARD_BREAK = re.compile(r"(?:  +|\\)$")
_INLINE_LIMIT = 20_000


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
            text = _inline(heading.group(1))
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
        paragraph.append(_inline(_HARD_BREAK.sub("", body.strip())))
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


def _inline(text: str) -> str:
    if len(text) > _INLINE_LIMIT:
        return text.strip()  # a regex pass over an adversarial megabyte line could go quadratic; leave it
    text = _COMMENT.sub("", text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(lambda m: m.group(1) or m.group(2) or "", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _FOOTNOTE.sub("", text)
    text = _CODE.sub(lambda m: m.group(2).strip(), text)
    text = _STRONG.sub(r"\2", text)
    text = _EMPHASIS_STAR.sub(r"\1", text)
    text = _EMPHASIS_UNDERSCORE.sub(r"\1", text)
    text = _STRIKE.sub(r"\1", text)
    text = _TAG.sub("", text)
    text = _ESCAPE.sub(r"\1", text)
    return re.sub(r"[ \t]{2,}", " ", text).strip()
