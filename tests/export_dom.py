"""A tiny DOM for exported reports, and what a comparison says the DOM must contain.

Shared by the export tests that read the file Parallax writes and those that read what Chromium made of it,
so both hold the page to the same expectations.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser

from desktop.core.model import Comparison
from desktop.core.presentation import MarkKind, present
from desktop.export import to_dict

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def text(self, *, skip_sr: bool = False) -> str:
        parts = []
        for child in self.children:
            if isinstance(child, str):
                parts.append(child)
            elif not (skip_sr and "sr" in child.classes):
                parts.append(child.text(skip_sr=skip_sr))
        return "".join(parts)

    def iter(self):
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list[Node]:
        return [n for n in self.iter() if (tag is None or n.tag == tag) and (cls is None or cls in n.classes)]


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]
        self.attribute_lists: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.attribute_lists.append((tag, attrs))
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.attribute_lists.append((tag, attrs))
        self.stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse(html: str) -> tuple[Node, list[tuple[str, list[tuple[str, str | None]]]]]:
    """The document tree and every start tag's raw attribute list (duplicates included)."""
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.root, builder.attribute_lists


STATUS_CLASS = {"identical": "id", "reworded": "rw", "unique": "un", "commentary": "cm", "boilerplate": "bp"}


def sentence_counts(root: Node) -> dict[str, dict[str, int]]:
    """Per article id: how many sentence blocks carry each highlight class."""
    counts: dict[str, dict[str, int]] = {}
    for node in root.find_all("div", "s"):
        article = node.attrs["id"].split("-")[1]
        per = counts.setdefault(article, dict.fromkeys(STATUS_CLASS, 0))
        for name, cls in STATUS_CLASS.items():
            per[name] += cls in node.classes
        per.setdefault("sentences", 0)
        per["sentences"] += 1
    return counts


def expected_sentence_counts(comparison: Comparison) -> dict[str, dict[str, int]]:
    """The same counts as the JSON contract's summary states them."""
    summary = to_dict(comparison)["summary"]
    return {aid: {name: s[name] for name in [*STATUS_CLASS, "sentences"]} for aid, s in summary.items()}


def fact_ids(root: Node) -> set[int]:
    marks = [m for m in root.find_all("mark", "fm") if "sw" not in m.classes]  # "sw": the legend's sample
    return {int(i) for mark in marks for i in mark.attrs["data-facts"].split()}


def expected_fact_ids(comparison: Comparison) -> set[int]:
    return {i for i, f in enumerate(comparison.facts) if f.missing_from}


def _chars(texts) -> Counter[str]:
    return Counter(c for text in texts for c in text if not c.isspace())


def ins_chars(root: Node) -> Counter[str]:
    return _chars(n.text(skip_sr=True) for n in root.find_all("ins") if "sw" not in n.classes)


def del_chars(root: Node) -> Counter[str]:
    return _chars(n.text(skip_sr=True) for n in root.find_all("del") if "sw" not in n.classes)


def _presented_chars(comparison: Comparison, kind: MarkKind) -> Counter[str]:
    presentation = present(comparison)
    return _chars(
        view.text[m.start : m.end]
        for views in presentation.sentences.values()
        for view in views
        for m in view.marks
        if m.kind == kind
    )


def expected_ins_chars(comparison: Comparison) -> Counter[str]:
    """Underlined words as the presentation decides them (its rule is pinned in ``tests/test_presentation.py``)."""
    return _presented_chars(comparison, MarkKind.INSERTED)


def expected_del_chars(comparison: Comparison) -> Counter[str]:
    """Struck words as the presentation decides them."""
    return _presented_chars(comparison, MarkKind.DELETED)


MarkedChar = tuple[str, int, str]  # mark kind, offset in the sentence, tooltip

_TAG_KIND = {"del": "deleted", "ins": "inserted"}
_MARK_KIND = {"fm": "fact", "lb": "label", "cf": "conflict"}
_NOT_TEXT = {"n", "pm", "sr"}  # sentence number, partial-match sign, screen-reader labels


def _mark_kind(node: Node) -> str:
    if node.tag in _TAG_KIND:
        return _TAG_KIND[node.tag]
    if node.tag == "mark":
        return next((_MARK_KIND[c] for c in node.classes if c in _MARK_KIND), "")
    return ""


def dom_marks(root: Node) -> dict[tuple[str, int], tuple[str, set[MarkedChar]]]:
    """Per sentence block (article id, index): its text, and every marked non-space character with the kind and
    tooltip of each mark around it. Spaces are left out: a renderer may leave the space at a mark's cut outside."""
    found: dict[tuple[str, int], tuple[str, set[MarkedChar]]] = {}
    for block in root.find_all("div", "s"):
        if "sw" in block.classes:
            continue
        _, article, index = block.attrs["id"].split("-")
        text: list[str] = []
        chars: set[MarkedChar] = set()
        _walk(block, [], text, chars)
        found[(article, int(index))] = ("".join(text), chars)
    return found


def _walk(node: Node, around: list[tuple[str, str]], text: list[str], chars: set[MarkedChar]) -> None:
    for child in node.children:
        if isinstance(child, str):
            for char in child:
                if not char.isspace():
                    chars.update((kind, len(text), title) for kind, title in around)
                text.append(char)
        elif child.classes & _NOT_TEXT or child.tag in ("sup", "p"):
            continue
        else:
            kind = _mark_kind(child)
            _walk(child, [*around, (kind, child.attrs.get("title", ""))] if kind else around, text, chars)


def presented_marks(comparison: Comparison) -> dict[tuple[str, int], tuple[str, set[MarkedChar]]]:
    """The same, straight from the presentation: what every renderer must draw."""
    presentation = present(comparison)
    return {
        (view.article, view.index): (
            view.text,
            {(str(m.kind), n, m.tip) for m in view.marks for n in range(m.start, m.end) if not view.text[n].isspace()},
        )
        for views in presentation.sentences.values()
        for view in views
    }


def reading_orders(root: Node) -> dict[str, list[int]]:
    orders: dict[str, list[int]] = {}
    for node in root.find_all("div", "s"):
        _, article, index = node.attrs["id"].split("-")
        orders.setdefault(article, []).append(int(index))
    return orders


def visible_text(root: Node) -> str:
    return re.sub(r"\s+", " ", root.text(skip_sr=True))
