"""Sentence segmentation of German and English news text: where sentences end, and the span invariants."""

from __future__ import annotations

import re
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shared_inputs import SEEDS

from desktop.core.model import Role, Span
from desktop.core.text import segmentation
from desktop.core.text.roles.piece import Piece
from desktop.core.text.segmentation import CORPUS_LINES, MAX_SENTENCES, check_sentence_count, segment, split_sentences


def sentences(text: str, language: str = "") -> list[str]:
    return [text[s.start : s.end] for s in segment(text, language)]


# --- German -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Die Stadt zahlt z. B. die Miete, u. a. für Familien.",
        "Das gilt z.B. auch für Dr. Meier und Prof. Dr. med. Anna Schulz.",
        "Die Wahl findet am 13. April statt.",
        "Der 3. Oktober ist ein Feiertag.",
        "Im 19. Jahrhundert wuchs die Stadt stark.",
        "Das Tor fiel in der 90. Minute.",
        "Der 1. FC Köln spielt in der 2. Bundesliga.",
        "Seit dem 1. Januar 2024 gilt die Regel.",
        "Die Sitzung am 3. 10. 2023 dauerte lange.",
        "Die Preise stiegen um 3.5 Prozent, die Mieten um 2,7 Prozent.",
        "Die Kirche St. Marien in der Hauptstr. 5 wird saniert.",
        "Laut Art. 5 Abs. 3 GG und Nr. 7 der Satzung ist das erlaubt.",
        "Das kostet rund 5 Mio. Euro, insgesamt ca. 2 Mrd. Euro.",
        "Die Fa. Müller & Co. KG zahlt bzw. stundet die Summe.",
        "Papst Benedikt XVI. besuchte 2011 Berlin.",
        "Der Verein FC Bayern München e. V. hat gewählt.",
        "Er sagte: „Wir gehen. Das ist klar.“",
        "„Ist das gut?“, fragte er.",
        "„Das ist gut!“, rief sie.",
        "Sein Sprecher sagte (…), dass es gut sei.",
        "Sie sagte »Nein. Niemals.« und ging.",
        "Wolfgang M. aus Köln wurde verurteilt.",
    ],
)
def test_german_sentence_stays_whole(text: str) -> None:
    assert sentences(text, "de") == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Er kam um 14 Uhr. 200 Menschen waren da.",
            ["Er kam um 14 Uhr.", "200 Menschen waren da."],
        ),
        (
            "Die Zahl stieg auf 12. Die Polizei ermittelt.",
            ["Die Zahl stieg auf 12.", "Die Polizei ermittelt."],
        ),
        (
            "Das geschah im Jahr 2019. Seitdem ist es ruhig.",
            ["Das geschah im Jahr 2019.", "Seitdem ist es ruhig."],
        ),
        (
            "Er kam am 12. Die Polizei war schon da.",
            ["Er kam am 12.", "Die Polizei war schon da."],
        ),
        (
            "Es gab Äpfel, Birnen usw. Dann kam der Regen.",
            ["Es gab Äpfel, Birnen usw.", "Dann kam der Regen."],
        ),
        (
            "Er sagte: „Wir gehen.“ Dann ging er. Was?! Nein.",
            ["Er sagte: „Wir gehen.“", "Dann ging er.", "Was?!", "Nein."],
        ),
        (
            "Das ist gut… Aber reicht es?",
            ["Das ist gut…", "Aber reicht es?"],
        ),
    ],
)
def test_german_sentence_ends(text: str, expected: list[str]) -> None:
    assert sentences(text, "de") == expected


# --- English ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Mr. and Mrs. Smith met Dr. Jones at St. Louis airport.",
        "The U.S. Army said the U.K. and the E.U. agreed.",
        "Sen. Lindsey Graham (R-S.C.) and Gov. Gavin Newsom spoke on Jan. 6 at No. 10 Downing St. in London.",
        "It starts at 10 a.m. Monday and ends at 4 p.m. on Friday.",
        "George W. Bush met J. R. R. Tolkien's publisher.",
        "Prices rose 3.5 percent, e.g. for fuel, i.e. petrol.",
        "The case Roe v. Wade was decided vs. the odds.",
        "Shares of Apple Inc. and Acme Corp. rose.",
        "“We will fight. We will win,” she said.",
        "Lt. Col. Smith flew to Fort Worth, Texas, with Ft. Worth officials.",
    ],
)
def test_english_sentence_stays_whole(text: str) -> None:
    assert sentences(text, "en") == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "He moved to the U.S. He liked it there.",
            ["He moved to the U.S.", "He liked it there."],
        ),
        (
            "The show ended at 10 p.m. The crowd left.",
            ["The show ended at 10 p.m.", "The crowd left."],
        ),
        (
            "He works for Apple Inc. The company grew.",
            ["He works for Apple Inc.", "The company grew."],
        ),
        (
            'He said "no." Then he left.',
            ['He said "no."', "Then he left."],
        ),
        (
            "“Why?” he asked. “Because,” she said.",
            ["“Why?” he asked.", "“Because,” she said."],
        ),
        (
            "The vote was 52 to 48. Officials said so. Visit www.example.com. Thanks.",
            ["The vote was 52 to 48.", "Officials said so.", "Visit www.example.com.", "Thanks."],
        ),
    ],
)
def test_english_sentence_ends(text: str, expected: list[str]) -> None:
    assert sentences(text, "en") == expected


def test_language_unknown_uses_both_abbreviation_lists() -> None:
    text = "Dr. Müller traf Mr. Smith z. B. in den U.S. Army Barracks."
    assert sentences(text) == [text]


# --- layout -------------------------------------------------------------------------------------------------


def test_headline_without_period_is_its_own_sentence_and_never_runs_into_the_paragraph() -> None:
    text = "Stadtrat stimmt für Verkauf\nDer Stadtrat hat am Dienstag beschlossen. Das war knapp."
    assert sentences(text, "de") == [
        "Stadtrat stimmt für Verkauf",
        "Der Stadtrat hat am Dienstag beschlossen.",
        "Das war knapp.",
    ]


def test_blank_line_is_a_hard_break_even_after_an_abbreviation() -> None:
    text = "Die Firma heißt Müller & Co.\n\nDas Werk liegt in Köln"
    assert sentences(text, "de") == ["Die Firma heißt Müller & Co.", "Das Werk liegt in Köln"]


def test_hard_wrapped_prose_is_joined_again() -> None:
    text = (
        "The council met on Tuesday and voted to sell the hospital to a private\n"
        "operator. Dr. Ruth Meyer, who chairs the health committee, said the deal\n"
        "was the only way to keep all three sites open for the next ten years, and\n"
        "that staff would keep their contracts.\n"
    )
    assert sentences(text, "en") == [
        "The council met on Tuesday and voted to sell the hospital to a private\noperator.",
        "Dr. Ruth Meyer, who chairs the health committee, said the deal\nwas the only way to keep all three sites "
        "open for the next ten years, and\nthat staff would keep their contracts.",
    ]


def test_list_items_stay_apart_inside_a_paragraph() -> None:
    text = "Die Forderungen:\n- mehr Personal\n- höhere Löhne\n1. kürzere Schichten"
    assert sentences(text, "de") == ["Die Forderungen:", "- mehr Personal", "- höhere Löhne", "1. kürzere Schichten"]


def test_line_continuing_in_lower_case_joins_the_line_above() -> None:
    text = "Die Regierung will die Steuer senken, wie\nder Minister am Montag sagte."
    assert sentences(text, "de") == [text]


def test_photo_credit_glued_to_the_caption_is_cut_off() -> None:
    text = "Koalition plant Hauptquartier in ParisQuelle: www.example.com © Erika Muster"
    spans = segment(text, "de")
    assert [text[s.start : s.end] for s in spans] == [
        "Koalition plant Hauptquartier in Paris",
        "Quelle: www.example.com © Erika Muster",
    ]
    assert [s.role for s in spans] == [Role.BOILERPLATE, Role.BOILERPLATE]


def test_english_credit_glued_to_the_caption_is_cut_off() -> None:
    text = "Protesters outside parliament on MondayPhoto: Jane Roe/Reuters"
    assert sentences(text, "en") == ["Protesters outside parliament on Monday", "Photo: Jane Roe/Reuters"]


def test_credit_after_a_spaced_caption_is_cut_off() -> None:
    text = "Keir Starmer in Rom © Max Muster/dpa"
    assert sentences(text, "de") == ["Keir Starmer in Rom", "© Max Muster/dpa"]


def test_word_source_inside_running_text_is_not_a_credit() -> None:
    text = "Er nannte als Quelle: die Polizei in Köln."
    assert sentences(text, "de") == [text]


def test_long_quotation_is_cut_into_its_sentences() -> None:
    quote = " ".join(f"Satz Nummer {n} handelt von der Stadt und ihren vielen Problemen." for n in range(1, 8))
    text = f"Er sagte: „{quote}“ Dann ging er."
    assert len(sentences(text, "de")) == 8


# --- the seed article ---------------------------------------------------------------------------------------

# First words of each of the seed's 35 sentences (34 units of the reference, plus the photo credit cut off).
SEED_STARTS = [
    "International",
    "Truppenentsendung in die Ukraine: Koalition",
    "Großbritannien, Frankreich und",
    "Dafür soll in Paris",
    "Der Einsatz käme",
    "Truppenentsendung in die Ukraine: Koalition",
    "Quelle: www.globallookpress.com",
    "Am Rande der",
    "Konkret geht es",
    "Die Entsendung von britischen",
    "Zur Erinnerung:",
    "Russland sieht eine",
    "Die de facto",
    "Die Vertreter Frankreichs",
    "In einer gemeinsamen",
    "Im Anschluss sollen",
    "Diese multinationalen Truppen",
    "Ihnen sollen Experten",
    "Sie sollen zudem",
    "Ob sich die USA",
    "US-Präsident Donald Trump",
    "Großbritanniens Ministerpräsident Starmer",
    '"Deshalb sorgen wir',
    "Mit der direkten",
    "Der ukrainische Machthaber",
    "Er drückte zudem",
    "Mehr zum Thema",
    "Durch die Sperrung",
    "Und dies nicht",
    "Der Zugang zu",
    "Es liegt nun",
    "Wenn Euch unsere",
    "Das ist möglich",
    "Anmerkung: Allerdings hat",
    "Deswegen bitten wir",
]


@pytest.fixture(scope="module")
def seed_text() -> str:
    paths = sorted(SEEDS.glob("000_*.txt"))
    if not paths:
        pytest.skip("the shared seed article is not on this machine")
    return paths[0].read_text(encoding="utf-8")


def test_seed_is_cut_into_its_reference_sentences(seed_text: str) -> None:
    found = sentences(seed_text, "de")
    assert len(found) == len(SEED_STARTS)
    for sentence, start in zip(found, SEED_STARTS, strict=True):
        assert sentence.startswith(start)


def test_seed_caption_and_credit_are_split_at_the_glue(seed_text: str) -> None:
    found = sentences(seed_text, "de")
    assert found[5].endswith("Hauptquartiers in Paris")
    assert found[6] == "Quelle: www.globallookpress.com © Amrei Schulz"


def test_seed_keeps_ordinal_date_and_quotes_inside_sentences(seed_text: str) -> None:
    found = sentences(seed_text, "de")
    assert "am 13. April diesbezüglich" in found[33]
    assert found[22].startswith('"') and found[22].endswith('abzuschrecken."')
    assert all(re.search(r"[.!?]\"?$", s) for s in found[7:26])


def test_seed_roles(seed_text: str) -> None:
    roles = [s.role for s in segment(seed_text, "de")]
    assert roles[0] == Role.BOILERPLATE  # the section kicker
    assert roles[1] == Role.TITLE
    assert roles[5:7] == [Role.BOILERPLATE, Role.BOILERPLATE]  # caption and photo credit
    assert roles[26] == Role.BOILERPLATE  # "Mehr zum Thema"
    assert roles[27:] == [Role.BOILERPLATE] * 8  # the closing platform notice and appeal
    assert roles[2:5] == [Role.BODY] * 3
    assert roles[7:26] == [Role.BODY] * 19


# --- presegmented -------------------------------------------------------------------------------------------


def test_presegmented_line_is_one_sentence_whatever_it_contains() -> None:
    text = "Erster Satz. Zweiter Satz.\n\n  Dritte Zeile ohne Punkt  \r\nVierte z. B. mit Dr. Meier\n"
    spans = segment(text, "de", presegmented=True)
    assert [text[s.start : s.end] for s in spans] == [
        "Erster Satz. Zweiter Satz.",
        "Dritte Zeile ohne Punkt",
        "Vierte z. B. mit Dr. Meier",
    ]


def test_presegmented_marks_only_obvious_furniture() -> None:
    text = (
        "Die Stadt baut eine Brücke.\n"
        "Foto: Max Muster/dpa\n"
        "Wenn Ihnen dieser Artikel gefällt, erzählen Sie es weiter.\n"
        "Quelle: Statistisches Bundesamt\n"
    )
    roles = [s.role for s in segment(text, "de", presegmented=True)]
    assert roles == [Role.BODY, Role.BOILERPLATE, Role.BODY, Role.BOILERPLATE]


def _numbered_lines(count: int) -> list[str]:
    return [f"Der Ausschuss {n} tagte am Montag in Halle und vertagte die Entscheidung." for n in range(count)]


_CUT_BY_THE_RULES = "Die Sitzung ist am Montag, 26. Brumaire, in Paris."  # a month name the rules do not know


def test_a_long_file_of_one_sentence_a_line_is_read_line_by_line() -> None:
    lines = _numbered_lines(CORPUS_LINES)
    lines[100] = _CUT_BY_THE_RULES
    text = "\n".join(lines) + "\n"
    assert sentences(text, "de") == lines
    assert segment(text, "de") == segment(text, "de", presegmented=True)


def test_a_short_text_of_one_sentence_a_line_is_still_cut_by_the_rules() -> None:
    lines = _numbered_lines(CORPUS_LINES - 1)
    lines[100] = _CUT_BY_THE_RULES
    assert sentences("\n".join(lines), "de")[100:102] == ["Die Sitzung ist am Montag, 26.", "Brumaire, in Paris."]


def test_a_long_file_whose_lines_often_hold_two_sentences_is_cut_by_the_rules() -> None:
    lines = _numbered_lines(CORPUS_LINES)
    for n in range(0, CORPUS_LINES, 25):  # 4 % of the lines
        lines[n] += " Das Protokoll folgt."
    found = sentences("\n".join(lines), "de")
    assert len(found) == CORPUS_LINES + CORPUS_LINES // 25
    assert found[:2] == [_numbered_lines(1)[0], "Das Protokoll folgt."]


def test_a_long_file_of_lines_without_punctuation_is_read_line_by_line() -> None:
    """The rules run a line that starts in lower case into the line above; a corpus without punctuation keeps its
    lines."""
    lines = [f"item number {n} of the list" for n in range(CORPUS_LINES)]
    assert sentences("\n".join(lines), "en") == lines
    assert len(sentences("\n".join(lines[: CORPUS_LINES - 1]), "en")) < 10


def test_long_hard_wrapped_prose_is_still_joined_into_its_sentences() -> None:
    prose = " ".join(f"Der Ausschuss {n} tagte am Montag in Halle und vertagte die Entscheidung." for n in range(170))
    wrapped = textwrap.wrap(prose, width=60)
    assert len(wrapped) >= CORPUS_LINES
    found = [" ".join(sentence.split()) for sentence in sentences("\n".join(wrapped), "de")]
    assert found == re.findall(r"Der Ausschuss \d+ [^.]+\.", prose)


def test_lines_broken_by_a_separator_other_than_a_newline_are_cut_by_the_rules() -> None:
    """A presegmented file is read by \\n and \\r only: read line by line, this text would be one sentence."""
    lines = _numbered_lines(CORPUS_LINES)
    assert sentences("\u2028".join(lines), "de") == lines


def test_a_long_text_the_loader_counted_is_not_cut_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """The loader cuts an article past the one-pass bound to count it exactly; the comparison reuses those cuts."""
    text = " ".join(f"Satz {n} steht hier. Dr. Meier prüft ihn z. B. am Montag." for n in range(MAX_SENTENCES // 3))
    cuts = 0
    real = segmentation._split_article

    def counting(*args: str) -> list[Piece]:
        nonlocal cuts
        cuts += 1
        return real(*args)

    monkeypatch.setattr(segmentation, "_split_article", counting)
    segmentation._rule_pieces.cache_clear()
    check_sentence_count(text, "de")
    spans = segment(text, "de")
    assert (cuts, len(spans)) == (1, 2 * (MAX_SENTENCES // 3))


def test_empty_and_blank_text_have_no_sentences() -> None:
    assert segment("") == []
    assert segment(" \n\n\t \u00a0\n") == []
    assert segment(" \n \n", presegmented=True) == []


def test_split_sentences_matches_segment() -> None:
    text = "Titel\n\nEin Satz. Noch einer."
    assert split_sentences(text, "de") == [(s.start, s.end) for s in segment(text, "de")]


# --- invariants ---------------------------------------------------------------------------------------------

_NEWS_PIECES = [
    *"aAbBzZäÖß019 .,:;!?…-–\"'„“”«»()[]©/\n\n\r\t\u00a0\u2028\u200b",
    *["Dr.", "z. B.", "U.S.", "13. April", "Quelle:", "Foto:", "Mehr zum Thema", "By Jane Doe", " am ", "Paris"],
]
_NEWSY = st.lists(st.sampled_from(_NEWS_PIECES), max_size=60).map("".join)


def _check_invariants(text: str, spans: list[Span]) -> None:
    previous_end = 0
    for span in spans:
        assert 0 <= previous_end <= span.start < span.end <= len(text)
        piece = text[span.start : span.end]
        assert piece == piece.strip()
        assert piece
        assert span.role in Role
        previous_end = span.end


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["de", "en", ""]))
def test_spans_are_sorted_disjoint_trimmed_and_inside_any_text(text: str, language: str) -> None:
    _check_invariants(text, segment(text, language))


@settings(max_examples=300, deadline=None)
@given(_NEWSY, st.sampled_from(["de", "en", ""]))
def test_spans_keep_their_invariants_on_news_like_text(text: str, language: str) -> None:
    _check_invariants(text, segment(text, language))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_presegmented_spans_are_exactly_the_non_blank_lines(text: str) -> None:
    spans = segment(text, "de", presegmented=True)
    _check_invariants(text, spans)
    lines = [line.strip() for line in re.split(r"\r\n|\r|\n", text) if line.strip()]
    assert [text[s.start : s.end] for s in spans] == lines


def test_closing_quote_set_off_by_a_space_stays_with_its_sentence() -> None:
    text = "„Ihr seid heute Zeugen! “ Und alle stimmten zu. „Was? “, riefen die anderen."
    assert sentences(text, "de") == [
        "„Ihr seid heute Zeugen! “",
        "Und alle stimmten zu.",
        "„Was? “, riefen die anderen.",
    ]


def test_parenthesis_after_an_initial_does_not_start_a_sentence() -> None:
    text = "Papst Gregor I. (um 604) legte die Adventszeit fest."
    assert sentences(text, "de") == [text]


def test_wire_dateline_is_cut_off_as_furniture() -> None:
    text = (
        "Kessingen (dpa/lno) - Bei einem Brand in einer Lagerhalle sind am Donnerstag zwei Menschen verletzt worden. "
        "Die Polizei ermittelt.\n\nPORT ELLERY (AP) — Bus drivers went on strike early Monday."
    )
    found = [(text[s.start : s.end], s.role) for s in segment(text, "de")]
    assert found[:3] == [
        ("Kessingen (dpa/lno) -", Role.BOILERPLATE),
        ("Bei einem Brand in einer Lagerhalle sind am Donnerstag zwei Menschen verletzt worden.", Role.BODY),
        ("Die Polizei ermittelt.", Role.BODY),
    ]
    assert found[3:] == [
        ("PORT ELLERY (AP) —", Role.BOILERPLATE),
        ("Bus drivers went on strike early Monday.", Role.BODY),
    ]


def test_parenthesis_and_dash_without_an_agency_are_no_dateline() -> None:
    text = "Die Grünen (Bündnis 90) - das ist eine Partei mit vielen Zielen. Berlin (Reuters) – Kurz."
    assert [text[s.start : s.end] for s in segment(text, "de")] == [
        "Die Grünen (Bündnis 90) - das ist eine Partei mit vielen Zielen.",
        "Berlin (Reuters) – Kurz.",
    ]
