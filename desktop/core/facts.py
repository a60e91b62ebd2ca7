"""Extract checkable details from a sentence (first version: numbers and capitalised names)."""

from __future__ import annotations

import re

from desktop.core.model import FactKind

_NUMBER = re.compile(r"\d[\d.,]*(?:\s?(?:%|percent|Prozent|km|Millionen|million))?")
_NAME = re.compile(r"(?<!^)(?<![.!?]\s)\b[A-ZÄÖÜ][a-zäöüß]+(?:\s[A-ZÄÖÜ][a-zäöüß]+)*")


def extract_facts(text: str, language: str) -> list[tuple[str, FactKind, int, int]]:
    facts = [(m.group(), FactKind.NUMBER, m.start(), m.end()) for m in _NUMBER.finditer(text)]
    if language == "en":
        facts += [(m.group(), FactKind.NAME, m.start(), m.end()) for m in _NAME.finditer(text)]
    return sorted(facts, key=lambda f: f[2])


def fact_key(text: str) -> str:
    return re.sub(r"\W+", "", text.casefold())


def fact_present(text: str, kind: FactKind, other: str, language: str) -> bool:
    """Whether ``other`` (a sentence or a whole article) states the same fact, spelling aside."""
    return fact_key(text) in fact_key(other)
