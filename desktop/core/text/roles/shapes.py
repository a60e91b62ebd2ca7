"""The punctuation and word shapes every role rule reads: a sentence's final punctuation, a word, a capitalised
name token, and a label normalised the way the lexicons' labels are.
"""

from __future__ import annotations

import re

WORD = re.compile(r"\w+(?:[-'’.:]\w+)*\.?")
# Closing quotes include German "“" and "‘" („So.“).
FINAL = re.compile(r"[.!?…:;,][\"'”’“‘»«›‹)\]]*$")
SENTENCE_END = re.compile(r"[.!?…][\"'”’“‘»«›‹)\]]*$")
_CAPITALISED = r"[A-ZÄÖÜÉÁÀÓÚÍÇŁŚŽČ][\w'’.-]*"
_PARTICLE = r"(?:von|van|de|der|den|del|da|di|du|la|le|zu|ten|ter|al|bin|ibn|el)"
NAME_TOKEN = rf"(?:{_CAPITALISED}|{_PARTICLE})"


def normalised(sentence: str) -> str:
    return " ".join(sentence.strip().rstrip(":.…!|·•-–— ").split()).lower()
