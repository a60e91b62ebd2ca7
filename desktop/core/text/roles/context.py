"""Furniture told by its neighbours: the caption above a photo credit, a breadcrumb's line, an embedded post,
headline-shaped captions between the story's paragraphs, counters and the outlet's name in the header and footer,
the links after "Read more:", and an appeal's whole paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from desktop.core.model import Role
from desktop.core.text.roles.furniture import MAX_COUNTER_CHARS, MAX_LABEL_CHARS, is_counter
from desktop.core.text.roles.headline import heading_like
from desktop.core.text.roles.piece import Piece
from desktop.core.text.roles.rules import Rules
from desktop.core.text.roles.shapes import FINAL, SENTENCE_END, WORD, normalised

_QUESTION = re.compile(r"\?[\"'”’“‘»«›‹)\]]*$")
# Sentence punctuation inside a line ("Gentleman.2004 …", "… so. Dann"); a period after a digit is a date or
# number ("am 3. März", "20.30 Uhr").
_INNER_STOP = re.compile(r"[!?;…]|(?<!\d)\.")
_BULLET_START = re.compile(r"\s*(?:[-–—•·*▪►‣◦]|\d{1,2}[.)])\s")
_SIGNOFF = re.compile(r"\w(?:/|--)\w")
_LABEL_START = re.compile(r"[^\W\d_][\w'’ -]{0,40}:\s")
_MAX_CAPTION_CHARS = 300
_MAX_CAPTION_SENTENCES = 2
_MAX_LINK_TITLES = 8
_MAX_SOCIAL_POST_CHARS = 280  # a post's text above its signature
_MIN_CAPTION_WORDS = 8  # a verbless crosshead is shorter ("Politische Reaktionen und Ausblick")
_MIN_CAPTION_SMALL_WORDS = 2
_CONJUNCTIONS = frozenset(["und", "oder", "sowie", "and", "or"])
_MIN_PROSE_WORDS = 6
_MAX_OUTLET_WORDS = 4
_EDGE_PIECES = 12  # the header and footer: this many pieces at either end of the article
_MAX_SIGNOFF_CHARS = 40


def mark_captions(
    pieces: Sequence[Piece], sentences: Sequence[str], roles: list[Role], rules: Rules, reasons: Sequence[str]
) -> None:
    """The sentence(s) before a photo credit on its line are the photo's caption; so is a lone sentence on the
    line just above a credit line in the same paragraph ("Leere Bahnsteige am Freitag." / "Foto: IMAGO/…"), and
    a line without final punctuation just above a credit line anywhere ("Die Ministerin am Montag" / "|REUTERS").
    The article's first line is its headline when the lead picture's credit follows it after a bar
    ("Koalition einigt sich / Foto: …"), and the line under a headline is no caption."""
    for i, piece in enumerate(pieces):
        if piece.credit:
            caption: list[int] = []
            j = i - 1
            while j >= 0 and pieces[j].line == piece.line and len(caption) <= _MAX_CAPTION_SENTENCES:
                caption.append(j)
                j -= 1
            size = sum(pieces[k].end - pieces[k].start for k in caption)
            headline = piece.line == 0 and sentences[i][:1] in "/|"  # "Headline / Foto: …": the lead picture's
            if len(caption) <= _MAX_CAPTION_SENTENCES and size <= _MAX_CAPTION_CHARS and not headline:
                for k in caption:
                    roles[k] = Role.BOILERPLATE
            continue
        if i == 0 or not piece.whole_line or not pieces[i - 1].whole_line or pieces[i - 1].line == 0:
            continue
        above = pieces[i - 1]
        if above.end - above.start > _MAX_CAPTION_CHARS:
            continue
        same_paragraph = rules.credit_label.match(sentences[i]) and above.paragraph == piece.paragraph
        if same_paragraph or (reasons[i] in ("credit", "agency") and FINAL.search(sentences[i - 1]) is None):
            roles[i - 1] = Role.BOILERPLATE


def mark_lines(pieces: Sequence[Piece], sentences: Sequence[str], roles: list[Role], reasons: Sequence[str]) -> None:
    """A breadcrumb takes the rest of its line (the headline again); an embedded post's picture link takes the
    sentences before it on its line; a signed social post takes the line of text above its signature."""
    for i, piece in enumerate(pieces):
        if reasons[i] == "breadcrumb":
            j = i + 1
            while j < len(pieces) and pieces[j].line == piece.line:
                roles[j] = Role.BOILERPLATE
                j += 1
        elif reasons[i] == "post":
            same_line = [j for j in range(max(0, i - _MAX_CAPTION_SENTENCES), i) if pieces[j].line == piece.line]
            if same_line and piece.end - pieces[same_line[0]].start <= _MAX_SOCIAL_POST_CHARS:
                for j in same_line:
                    roles[j] = Role.BOILERPLATE  # the rest of the post: "We stand together. Today … pic.twitter…"
        elif reasons[i] == "social" and piece.whole_line and i > 0 and pieces[i - 1].line > 0:
            if roles[i - 1] == Role.BOILERPLATE:
                continue  # the post's text is known already (its picture link)
            post = [j for j in range(max(0, i - _MAX_CAPTION_SENTENCES - 1), i) if pieces[j].line == pieces[i - 1].line]
            first, last = pieces[post[0]], pieces[post[-1]]
            if post[0] > 0 and pieces[post[0] - 1].line == first.line:
                continue  # more of that line above: running text, not a post
            if last.end - first.start <= _MAX_SOCIAL_POST_CHARS:
                for j in post:
                    roles[j] = Role.BOILERPLATE


def _prose(sentence: str) -> bool:
    return SENTENCE_END.search(sentence) is not None and sentence.count(" ") + 1 >= _MIN_PROSE_WORDS


def mark_captions_between(pieces: Sequence[Piece], sentences: Sequence[str], roles: list[Role], rules: Rules) -> None:
    """Between the paragraphs of the story, a long line without any sentence punctuation and without a verb —
    its only lower-case words are articles, prepositions and conjunctions — is a photo caption ("Rückzug nach
    dem Aus: Ministerin Erika Muster (56) in der Tiefgarage des Kanzleramts"). A crosshead is short or has a
    verb; list items have their bullet or label, or follow "…:"; a list of nouns has no small words."""
    first_prose = next((i for i, s in enumerate(sentences) if roles[i] != Role.BOILERPLATE and _prose(s)), None)
    if first_prose is None:
        return
    for i in range(first_prose + 1, len(pieces)):
        sentence = sentences[i]
        if (
            roles[i] == Role.BOILERPLATE
            or not pieces[i].whole_line
            or sentence.count(" ") + 1 < _MIN_CAPTION_WORDS
            or FINAL.search(sentence) is not None
            or _INNER_STOP.search(sentence) is not None
            or _BULLET_START.match(sentence)
        ):
            continue
        if sentences[i - 1].rstrip().endswith(":") or _is_list_item(pieces, sentences, i):
            continue
        if _verbless(sentence, rules):
            roles[i] = Role.BOILERPLATE


def _verbless(sentence: str, rules: Rules) -> bool:
    """Every lower-case word is a caption's small word, at least two of them and not only "and"s; one line, at
    most one comma (a list of nouns has more: "Fleisch, Fisch und Gemüse, Reis- und Nudelgerichte")."""
    if sentence.count(",") > 1 or "\n" in sentence:
        return False
    small = []
    for word in WORD.findall(sentence):
        if word[:1].islower():
            if word.lower().rstrip(".") not in rules.caption_words:
                return False
            small.append(word.lower())
    return len(small) >= _MIN_CAPTION_SMALL_WORDS and any(w not in _CONJUNCTIONS for w in small)


def _is_list_item(pieces: Sequence[Piece], sentences: Sequence[str], i: int) -> bool:
    """ "Previous role: head of …" beside another line of that shape: a fact box, not a caption."""
    if not _LABEL_START.match(sentences[i]):
        return False
    return any(
        0 <= j < len(sentences)
        and pieces[j].whole_line
        and _LABEL_START.match(sentences[j])
        and FINAL.search(sentences[j]) is None
        for j in (i - 1, i + 1)
    )


def mark_edges(
    pieces: Sequence[Piece], sentences: Sequence[str], lows: Sequence[str], roles: list[Role], rules: Rules
) -> None:
    """In the header and footer: a number alone on its line (a comment or share counter: "169"), the outlet's
    name on a line of its own when furniture nearby names it again ("Northwind Times" above "… Northwind Times
    official account"), and an editor's sign-off code closing the text ("A.Roe--JD", "jr/ms")."""
    n = len(pieces)
    edge = [i for i in range(n) if i < _EDGE_PIECES or i >= n - _EDGE_PIECES]
    for i in edge:
        short = pieces[i].whole_line and i > 0 and len(sentences[i]) <= MAX_COUNTER_CHARS
        if short and is_counter(sentences[i], rules, bare=True):
            roles[i] = Role.BOILERPLATE
    furniture = [lows[j] for j in edge if roles[j] == Role.BOILERPLATE]
    for i in edge:
        sentence = sentences[i].strip()
        if roles[i] == Role.BOILERPLATE or not pieces[i].whole_line or i == 0:
            continue
        words = sentence.split()
        if len(words) <= _MAX_OUTLET_WORDS and FINAL.search(sentence) is None and all(w[:1].isupper() for w in words):
            name = re.compile(rf"(?<!\w){re.escape(lows[i].strip())}(?!\w)")
            if any(low != lows[i] and name.search(low) for low in furniture):
                roles[i] = Role.BOILERPLATE
                continue
        if i >= n - 2 and len(words) == 1 and len(sentence) <= _MAX_SIGNOFF_CHARS and _SIGNOFF.search(sentence):
            roles[i] = Role.BOILERPLATE


def mark_link_lists(pieces: Sequence[Piece], sentences: Sequence[str], roles: list[Role], rules: Rules) -> None:
    """After a bare "Mehr zum Thema:" / "Read more:", the headline-like lines that follow are links."""
    for i, sentence in enumerate(sentences):
        bare_label = len(sentence) <= MAX_LABEL_CHARS and normalised(sentence) in rules.link_labels
        # "Lesen Sie mehr auf Tagesspiegel Plus:", "Read more from our coverage:" introduce a list too.
        label_line = pieces[i].whole_line and sentence.endswith(":") and rules.starts.match(sentence.lower())
        if not (bare_label or label_line):
            continue
        for j in range(i + 1, min(i + 1 + _MAX_LINK_TITLES, len(pieces))):
            if not (pieces[j].whole_line and heading_like(sentences[j], allow_question=True)):
                break
            roles[j] = Role.BOILERPLATE


def mark_appeal_paragraphs(
    pieces: Sequence[Piece], lows: Sequence[str], appeals: Sequence[bool], roles: list[Role], rules: Rules
) -> None:
    """From an appeal to the end of its paragraph is furniture; all of it when the paragraph also talks about
    the outlet itself (a platform notice: "Der Zugang zu unserer Website wurde erschwert … teilt sie gern")."""
    by_paragraph: dict[int, list[int]] = {}
    for i, piece in enumerate(pieces):
        by_paragraph.setdefault(piece.paragraph, []).append(i)
    for members in by_paragraph.values():
        first_appeal = next((i for i in members if appeals[i]), None)
        if first_appeal is None:
            continue
        about_outlet = sum(1 for i in members if appeals[i] or rules.self_reference.search(lows[i]))
        first = members[0] if about_outlet >= 2 else first_appeal
        while first > members[0] and _QUESTION.search(lows[first - 1]):
            first -= 1  # the teaser before it: "Sie möchten nichts verpassen? Dann abonnieren Sie …"
        for i in range(first, members[-1] + 1):
            roles[i] = Role.BOILERPLATE
