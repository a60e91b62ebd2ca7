"""Cut an article's text into sentence spans and give each one a role (title, body or boilerplate).

A rule-based splitter rather than a library: news text needs decisions no general splitter makes together —
German ordinal dates ("am 13. April"), abbreviations that may or may not end a sentence ("in the U.S. He …"
vs "the U.S. Army"), short quotations kept whole, headlines without a final period, and photo credits glued
to the caption before them ("…in ParisQuelle: …"). The abbreviation and date lists live in
``resources/lexicons`` so they can be extended without code. Everything is regex-driven per candidate
boundary, so a megabyte of text segments in a fraction of a second.

Layout is respected first: blank lines and line breaks are hard breaks (a headline never runs into the
paragraph below it) unless a paragraph is visibly hard-wrapped prose, whose lines are joined again.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise

from desktop.core.model import Span
from desktop.core.text import wordlists
from desktop.core.text.roles.assign import assign_roles
from desktop.core.text.roles.cuts import credit_starts, dateline_end
from desktop.core.text.roles.piece import Piece

_LINE_BREAK = re.compile(r"\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
# Presegmented files are read line by line the way Python's text mode reads them, so sentence i is line i
# exactly as a corpus tool that wrote "\n".join(sentences) meant it.
_PRESEGMENTED_BREAK = re.compile(r"\r\n|\r|\n")
_NON_SPACE = re.compile(r"\S")
_NON_BLANK_LINE = re.compile(r"(?:\A|\r\n|\r|\n)[^\S\r\n]*[^\s]")  # a line a presegmented file makes a sentence of

_CLOSERS = "\"'”’»«›‹)]}“‘"
_TERMINAL = re.compile(r"[.!?…‼⁇⁈⁉]+(?P<close>[" + re.escape(_CLOSERS) + r"]*)(?=\s|$)")
_QUOTE_OR_BRACKET = re.compile(r"[\"„“”«»()\[\]]")
_OPENERS = "\"'„“‚‘«»‹›([{¿¡"
QUOTE_OPENERS = "\"'„“‚‘«»‹›"  # also: a text that brings its own (presentation.quoted)
_DETACHED_CLOSERS = '"“”»«’'
_LEADING = "\"'„“”‚‘’«»‹›([{<-–—*•/¿¡…"
_WORD_AT = re.compile(r"[^\W_]+")
_INITIAL = re.compile(r"[^\W\d_]")
_DOTTED = re.compile(r"(?:[^\W\d_]{1,3}\.)+[^\W\d_]{1,3}")
_NUMBER = re.compile(r"\d+")
_DAY_MONTH = re.compile(r"\d{1,2}\.\d{1,2}")
_ROMAN = re.compile(r"[IVXLC]{2,7}")
_BULLET = re.compile(r"(?:[-–—•·*▪►‣◦]|\d{1,2}[.)])\s")

# A quotation or parenthesis up to this long is kept in one sentence ("He said: "We go. Now." Then …");
# a longer one is more useful to the aligner cut into its sentences.
_MAX_PROTECTED = 320
# A hard-wrapped paragraph: lines no wider than this, most of them filled to this share of the widest.
_MAX_WRAP_WIDTH = 120
_MIN_WRAP_WIDTH = 40
_FULL_LINE = 0.7
# Far longer than any real sentence (German court rulings stay under 1,500 characters). Text without sentence
# punctuation — a data dump, thousands of one-word lines run together — is cut at a space before this length,
# so that the aligner, the differ and the window all work on sentence-sized pieces, never on one 1 MB string.
MAX_SENTENCE_CHARS = 2000
# Far more than any article: a long feature has 300 sentences, a book of 2 million characters (the text limit)
# 10,000-20,000. Every stage after this one costs time and memory per sentence (about 8 KB and 0.15 s per
# 1,000 sentences of one article over the whole comparison); three files of a million one-line sentences took
# 6 minutes and 8.3 GB. At this limit three such articles compare in 11 s within 0.5 GB.
MAX_SENTENCES = 25_000
# A text of at least this many lines, of which at least this share are each exactly one sentence, is read one
# sentence a line, as if ``presegmented`` (``_one_sentence_a_line``).
CORPUS_LINES = 200
CORPUS_WHOLE_LINES = 0.98


class TooManySentences(ValueError):
    """An article with more sentences than ``MAX_SENTENCES``; ``str(error)`` is the reason shown to the user."""

    def __init__(self, count: int, presegmented: bool) -> None:
        unit = "lines (one sentence each with --presegmented)" if presegmented else "sentences"
        super().__init__(f"too many sentences for an article: {count:,} {unit}, the limit is {MAX_SENTENCES:,}")
        self.count = count


def check_sentence_count(text: str, language: str = "", *, presegmented: bool = False) -> None:
    """Raise ``TooManySentences`` for a text ``segment`` would cut into more than ``MAX_SENTENCES`` spans.

    A bound first, so an ordinary article costs one regex pass: a sentence ends at sentence punctuation, a line
    break, or a cut every 1,000 characters or more (doubled, for splits at credits and datelines). Only a text
    over that bound is split to count exactly (2.8 s for 2 MB of "Go. Go. …", 500,000 sentences), unless it is
    read one sentence a line, which ``_corpus_lines`` allows only within the limit."""
    if presegmented:
        count = sum(1 for _ in _NON_BLANK_LINE.finditer(text))
        if count > MAX_SENTENCES:
            raise TooManySentences(count, presegmented=True)
        return
    breaks = text.count("\n")
    bound = 2 * (sum(1 for _ in _TERMINAL.finditer(text)) + breaks) + len(text) // (MAX_SENTENCE_CHARS // 2) + 1
    if bound <= MAX_SENTENCES:
        return
    pieces, _by_lines = _rule_pieces(text, language)
    if len(pieces) > MAX_SENTENCES:
        raise TooManySentences(len(pieces), presegmented=False)


@dataclass(frozen=True, slots=True)
class _SplitRules:
    abbreviations: dict[str, str]
    suffixes: tuple[str, ...]
    longest_abbreviation: int
    starters: frozenset[str]
    months: frozenset[str]
    ordinal_nouns: frozenset[str]
    ordinal_cues: frozenset[str]
    german_ordinals: bool


def segment(text: str, language: str = "", *, presegmented: bool = False) -> list[Span]:
    """Sentence spans of ``text`` in order; with ``presegmented`` every non-blank line is exactly one span, as in a
    long text the rules find written one sentence a line (``_corpus_lines``). Raises ``TooManySentences`` past
    ``MAX_SENTENCES`` (the loader refuses such a file first)."""
    if presegmented:
        lines = _lines(text, _PRESEGMENTED_BREAK)
        if len(lines) > MAX_SENTENCES:
            raise TooManySentences(len(lines), presegmented=True)
        pieces, by_lines = _line_pieces(lines), True
    else:
        pieces, by_lines = _rule_pieces(text, language)
        if len(pieces) > MAX_SENTENCES:  # not when by lines: ``_corpus_lines`` stops at the limit
            raise TooManySentences(len(pieces), presegmented=False)
    roles = assign_roles(text, pieces, language, presegmented=by_lines)
    return [Span(p.start, p.end, role) for p, role in zip(pieces, roles, strict=True)]


def _line_pieces(lines: Sequence[tuple[int, int]]) -> tuple[Piece, ...]:
    return tuple(Piece(s, e, paragraph=i, line=i, whole_line=True) for i, (s, e) in enumerate(lines))


@lru_cache(maxsize=4)
def _rule_pieces(text: str, language: str) -> tuple[tuple[Piece, ...], bool]:
    """The sentences of ``text`` without ``presegmented``, and whether they are its lines: a text written one
    sentence a line is read so. Lines with no sentence end inside are known before any cutting, so such a file
    costs no more than with ``presegmented``.

    Remembered for the last few texts: the loader cuts a long article to count its sentences
    (``check_sentence_count``), and the comparison then segments the same text in the same language (0.45 s
    for 10,000 sentences)."""
    corpus = _corpus_lines(text)
    if corpus is not None and _mostly(sum(not _ends_inside(text, s, e) for s, e in corpus), corpus):
        return _line_pieces(corpus), True
    pieces = tuple(_split_article(text, language))
    if corpus is not None and _mostly(sum(piece.whole_line for piece in pieces), corpus):
        return _line_pieces(corpus), True
    return pieces, False


def _corpus_lines(text: str) -> list[tuple[int, int]] | None:
    """The lines of a text long enough to be a sentence-per-line file (a corpus, another tool's output) that was
    not declared one, else None.

    Such a file is read line by line when nearly every line is exactly one sentence by the rules, or when nearly
    none has a sentence end before its own (lines without punctuation, which the rules would run together where
    the next starts in lower case): hundreds of lines like that were segmented by whoever wrote them. The few lines
    the rules would cut are likelier the rules' mistakes (an abbreviation or a month name they do not know: "am
    Donnerstag, 26. Nivôse, …") than two sentences, and cutting or joining lines would shift every later sentence's
    line. A news article has tens of paragraphs, and hard-wrapped prose has sentence ends inside many of its lines.
    """
    lines = _lines(text, _PRESEGMENTED_BREAK)
    # Only within the sentence limit (past it the rules' fewer pieces are compared, as before), and only where
    # \r and \n are the only line breaks: the rules also break at a form feed or U+2028, a presegmented file not.
    if not CORPUS_LINES <= len(lines) <= MAX_SENTENCES or len(lines) != len(_lines(text, _LINE_BREAK)):
        return None
    return lines


def _mostly(count: int, lines: Sequence[tuple[int, int]]) -> bool:
    """Whether ``count`` lines are at least ``CORPUS_WHOLE_LINES`` of a corpus's ``lines``."""
    return count >= CORPUS_WHOLE_LINES * len(lines)


def _ends_inside(text: str, start: int, end: int) -> bool:
    """Whether a sentence ends inside the line ``text[start:end]`` before the line's own end."""
    found = _TERMINAL.search(text, start, end)
    return found is not None and found.end() < end


def split_sentences(text: str, language: str = "") -> list[tuple[int, int]]:
    """``(start, end)`` of every sentence, without roles: for callers that only need the cuts."""
    return [(p.start, p.end) for p in _split_article(text, language)]


# --- layout: lines, paragraphs, hard-wrapped prose ------------------------------------------------------------


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    found = _NON_SPACE.search(text, start, end)
    if found is None:
        return start, start
    start = found.start()
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _lines(text: str, breaks: re.Pattern[str]) -> list[tuple[int, int]]:
    """Trimmed bounds of the non-blank lines."""
    bounds = []
    start = 0
    for found in breaks.finditer(text):
        bounds.append(_trim(text, start, found.start()))
        start = found.end()
    bounds.append(_trim(text, start, len(text)))
    return [(s, e) for s, e in bounds if e > s]


def _paragraphs(text: str) -> list[list[tuple[int, int]]]:
    """Runs of non-blank lines; a blank line (only whitespace) ends a paragraph."""
    paragraphs: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    start = 0
    for found in [*_LINE_BREAK.finditer(text), None]:
        end = found.start() if found else len(text)
        s, e = _trim(text, start, end)
        if e > s:
            current.append((s, e))
        elif current:
            paragraphs.append(current)
            current = []
        if found:
            start = found.end()
    if current:
        paragraphs.append(current)
    return paragraphs


def _looks_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    """Prose broken at a fixed width (e-mail, plain-text exports), as opposed to one paragraph per line."""
    if len(lines) < 3:
        return False
    widths = [e - s for s, e in lines]
    widest = max(widths)
    if not _MIN_WRAP_WIDTH <= widest <= _MAX_WRAP_WIDTH:
        return False
    inner = lines[:-1]
    full = sum(e - s >= _FULL_LINE * widest for s, e in inner)
    if full < 2 or full < 0.6 * len(inner):
        return False
    mid_sentence = any(text[e - 1].islower() or text[e - 1] in ",;-" for _, e in inner)
    has_sentence_end = any(_TERMINAL.search(text, s, e) for s, e in lines)
    return mid_sentence and has_sentence_end


def _continues(text: str, previous: tuple[int, int], line: tuple[int, int], wrapped: bool, widest: int) -> bool:
    """Whether ``line`` carries on the sentence of ``previous`` instead of starting a new one."""
    if _BULLET.match(text, line[0]):
        return False
    if wrapped and previous[1] - previous[0] >= _FULL_LINE * widest:
        return True
    last = text[previous[1] - 1]
    return text[line[0]].islower() and (last.isalnum() or last in ",;-–(")


def _units(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join the lines of one paragraph that belong to one flow of sentences."""
    wrapped = _looks_wrapped(text, lines)
    widest = max(e - s for s, e in lines)
    units = [lines[0]]
    for line in lines[1:]:
        if _continues(text, units[-1], line, wrapped, widest):
            units[-1] = (units[-1][0], line[1])
        else:
            units.append(line)
    return units


# --- sentences ------------------------------------------------------------------------------------------------


def _split_article(text: str, language: str) -> list[Piece]:
    rules = _rules(language)
    line_starts: list[int] = []
    pieces: list[Piece] = []
    paragraphs = _paragraphs(text)
    for para in paragraphs:
        line_starts.extend(s for s, _ in para)
    line_ends = {e for para in paragraphs for _, e in para}
    line_begins = set(line_starts)
    flows = [_units(text, para) for para in paragraphs]
    # Without a single blank line, a text is written one paragraph a line: each flow of lines is a paragraph,
    # or the paragraph rules (an appeal takes the rest of its paragraph) would reach to the end of the text.
    per_unit = len(paragraphs) == 1 and len(flows[0]) > 1
    for number, units in enumerate(flows):
        for unit_number, (unit_start, unit_end) in enumerate(units):
            paragraph = unit_number if per_unit else number
            news = dateline_end(text, unit_start, unit_end, language)
            if news > unit_start:
                dateline_stop = news - 1  # the space after the dash
                line = bisect_right(line_starts, unit_start) - 1
                pieces.append(Piece(unit_start, dateline_stop, paragraph, line, whole_line=False, dateline=True))
            cuts = credit_starts(text, news, unit_end, language)
            bounds = [news, *cuts, unit_end]
            for part_start, part_end in pairwise(bounds):
                is_credit = part_start in cuts
                for s, e in _sentences(text, part_start, part_end, rules):
                    pieces.append(
                        Piece(
                            s,
                            e,
                            paragraph=paragraph,
                            line=bisect_right(line_starts, s) - 1,
                            whole_line=s in line_begins and e in line_ends,
                            credit=is_credit and s == part_start,
                        )
                    )
    return pieces


def _sentences(text: str, start: int, end: int, rules: _SplitRules) -> list[tuple[int, int]]:
    """Trimmed sentence bounds inside one unit of text (no hard breaks inside it)."""
    start, end = _trim(text, start, end)
    if end <= start:
        return []
    protected = _protected_regions(text, start, end)
    result = []
    sentence_start = start
    for found in _TERMINAL.finditer(text, start, end):
        cut = found.end()
        following = _NON_SPACE.search(text, cut, end)
        if following is None:
            break
        if _inside(text, protected, found.start(), cut):
            continue
        quote = following.start()
        if text[quote] in _DETACHED_CLOSERS and (quote + 1 == end or not text[quote + 1].isalnum()):
            # A closing quote set off by a space: "„Was? “, rufen sie" goes on; "„… Zeugen! “ Und" ends there.
            if quote + 1 < end and text[quote + 1] in ",;:":
                continue
            cut = quote + 1
            following = _NON_SPACE.search(text, cut, end)
            if following is None:
                break
        if _is_boundary(text, found, sentence_start, following.start(), rules):
            s, e = _trim(text, sentence_start, cut)
            if e > s:
                result.append((s, e))
            sentence_start = following.start()
    s, e = _trim(text, sentence_start, end)
    if e > s:
        result.append((s, e))
    if any(e - s > MAX_SENTENCE_CHARS for s, e in result):
        return [piece for s, e in result for piece in _capped(text, s, e)]
    return result


def _capped(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut an overlong sentence at the last space before ``MAX_SENTENCE_CHARS`` (at the limit if there is none)."""
    pieces = []
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        cut = next((i for i in range(limit, start + MAX_SENTENCE_CHARS // 2, -1) if text[i].isspace()), limit)
        pieces.append(_trim(text, start, cut))
        start, end = _trim(text, cut, end)
    pieces.append((start, end))
    return pieces


def _protected_regions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Short quotations and parentheses: sorted, disjoint ``(open, close)`` positions of their delimiters."""
    regions = []
    quotes: list[int] = []
    brackets: list[int] = []
    for found in _QUOTE_OR_BRACKET.finditer(text, start, end):
        pos = found.start()
        char = text[pos]
        if char in "([":
            brackets.append(pos)
            continue
        if char in ")]":
            if brackets:
                regions.append((brackets.pop(), pos))
            continue
        before = text[pos - 1] if pos > start else " "
        after = text[pos + 1] if pos + 1 < end else " "
        if char == "„":
            opens = True
        elif char == "”":
            opens = False
        elif before.isspace() or before in "([{-–—/":
            opens = not after.isspace()
        else:
            opens = False
        if opens:
            quotes.append(pos)
        elif quotes:
            regions.append((quotes.pop(), pos))
    merged: list[tuple[int, int]] = []
    for o, c in sorted(r for r in regions if r[1] - r[0] <= _MAX_PROTECTED):
        if merged and o <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(c, merged[-1][1]))
        else:
            merged.append((o, c))
    return merged


def _inside(text: str, regions: list[tuple[int, int]], punct: int, cut: int) -> bool:
    """A candidate boundary strictly inside a protected region; at its very end (closing delimiters absorbed,
    or only a space before them) it is outside."""
    i = bisect_right(regions, (punct,)) - 1
    if i < 0 or regions[i][0] >= punct or cut > regions[i][1]:
        return False
    return not text[cut : regions[i][1]].isspace()


def _is_boundary(text: str, found: re.Match[str], sentence_start: int, following: int, rules: _SplitRules) -> bool:
    punct_start = found.start()
    punct = text[punct_start : found.start("close")]
    nxt = text[following]
    if nxt.islower() or nxt in ",;:":
        return False
    if punct_start <= sentence_start or text[punct_start - 1] in "([":
        return False  # nothing before the mark, or an omission "(…)"
    if "!" in punct or "?" in punct or "‼" in punct or "⁇" in punct:
        return True
    if punct != ".":
        return True  # an ellipsis before a capital
    return _period_ends_sentence(text, punct_start, sentence_start, following, rules)


def _period_ends_sentence(text: str, period: int, sentence_start: int, following: int, rules: _SplitRules) -> bool:
    window_start = max(sentence_start, period - 60)
    words = text[window_start:period].split()
    if not words or text[period - 1].isspace():
        return True
    token = words[-1].lstrip(_LEADING)
    if not token:
        return True
    if len(token) > rules.longest_abbreviation and token.isalpha() and not token.endswith(rules.suffixes):
        return True  # the common case, an ordinary word: no lexicon entry is that long
    nxt = text[following]
    next_word_match = _WORD_AT.match(text, following + 1 if nxt in _OPENERS else following)
    next_word = next_word_match.group() if next_word_match else ""
    # A quotation opening after the period starts a sentence; a parenthesis does not ("Gregor I. (um 604)").
    starter_next = nxt in QUOTE_OPENERS or next_word in rules.starters

    kind = _abbreviation_kind(words, token, rules)
    if kind == "inside":
        return False
    if kind == "number" and nxt.isdigit():
        return False
    if kind == "may-end":
        return starter_next
    if _INITIAL.fullmatch(token) or _DOTTED.fullmatch(token):
        return starter_next
    if _NUMBER.fullmatch(token) or _DAY_MONTH.fullmatch(token):
        first_in_sentence = window_start == sentence_start and len(words) == 1
        return _number_ends_sentence(token, words, first_in_sentence, nxt, next_word, starter_next, rules)
    if _ROMAN.fullmatch(token) and len(words) > 1 and words[-2][:1].isupper():
        return starter_next  # a regnal number: "Benedikt XVI. sagte"
    return True


def _abbreviation_kind(words: list[str], token: str, rules: _SplitRules) -> str:
    """The lexicon kind of the abbreviation ending at this period, trying multi-part ones ("z. B.") first."""
    chain = [token]
    for word in reversed(words[:-1]):
        part = word.lstrip(_LEADING)
        if len(chain) == 4 or not part or len(part) > 5:
            break
        chain.insert(0, part)
    for first in range(len(chain)):
        key = "".join(chain[first:])
        kind = rules.abbreviations.get(key)
        if kind is None and key[:1].isupper():
            kind = rules.abbreviations.get(key[0].lower() + key[1:])  # "Vgl." at a sentence start
        if kind is not None:
            return kind
    if token.endswith(rules.suffixes) and token not in rules.suffixes:
        return "may-end"
    return ""


def _number_ends_sentence(
    token: str,
    words: list[str],
    first_in_sentence: bool,
    nxt: str,
    next_word: str,
    starter_next: bool,
    rules: _SplitRules,
) -> bool:
    small = len(token) <= 3 or _DAY_MONTH.fullmatch(token) is not None
    if first_in_sentence and len(token) <= 2:
        return False  # an enumeration or a ranked name: "3. Liga", "1. FC Köln", "2. The second point"
    if nxt.isdigit():
        return not (len(token) <= 2 and small)  # a spaced date "3. 10. 2023"
    if not rules.german_ordinals or not small:
        return True
    folded = next_word.casefold()
    if folded in rules.months or next_word in rules.ordinal_nouns:
        return False
    previous = words[-2].lstrip(_LEADING).casefold() if len(words) > 1 else ""
    return not (previous in rules.ordinal_cues and not starter_next)


def _rules(language: str) -> _SplitRules:
    """Rules for "de", "en", or both for any other language (one cache entry for all of those)."""
    return _compiled_rules(language if language in wordlists.LANGUAGES else "")


@cache
def _compiled_rules(language: str) -> _SplitRules:
    abbreviations: dict[str, str] = {}
    # Where languages disagree, the weaker kind wins: a missed split costs less than a wrong one only
    # when the lexicon is sure; "may-end" still splits before a clear sentence opener.
    strength = {"inside": 0, "number": 1, "may-end": 2}
    suffixes: set[str] = set()
    for lang in wordlists.languages_for(language):
        for kind, entries in wordlists.sections(f"abbreviations-{lang}").items():
            if kind == "may-end-suffix":
                suffixes.update(e.removesuffix(".") for e in entries)
                continue
            for entry in entries:
                key = "".join(entry.split()).removesuffix(".")
                old = abbreviations.get(key)
                if old is None or strength[kind] > strength[old]:
                    abbreviations[key] = kind
    german = language != "en"
    dates = "de" if german else "en"
    return _SplitRules(
        abbreviations=abbreviations,
        suffixes=tuple(sorted(suffixes)),
        longest_abbreviation=max(7, *map(len, abbreviations)),  # 7: the longest Roman numeral checked
        starters=frozenset(wordlists.merged("sentence-starts", language, "")),
        months=frozenset(m.casefold().removesuffix(".") for m in wordlists.sections(f"dates-{dates}")["months"]),
        ordinal_nouns=frozenset(wordlists.sections("dates-de")["ordinal-nouns"]),
        ordinal_cues=frozenset(wordlists.sections("dates-de")["ordinal-cues"]),
        german_ordinals=german,
    )
