"""Facts: what is extracted from a sentence, and when another article counts as stating the same fact."""

import itertools

import pytest

from desktop.core.model import FactKind
from desktop.core.text.facts.extraction import extract_facts, introduced_surnames, speaker_words
from desktop.core.text.facts.index import FactIndex, fact_present
from desktop.core.text.facts.words import fact_key, fold_name

SEED_SENTENCE = (
    "Am Rande der Ukraine-Wiederaufbaukonferenz, die derzeit in Rom stattfindet, verabredeten Großbritanniens "
    "Premierminister Keir Starmer, Frankreichs Präsident Emmanuel Macron gemeinsam mit den US-Vertretern Keith "
    "Kellogg, Senator Lindsey Graham und Senator Richard Blumenthal, den Konflikt dauerhaft zu verlängern."
)


def _facts(text, language):
    return [(fact_text, str(kind)) for fact_text, kind, _, _ in extract_facts(text, language)]


def test_seed_sentence_names_people_and_places_but_not_titles():
    names = [t for t, kind in _facts(SEED_SENTENCE, "de") if kind == "name"]
    for expected in ("Rom", "Keir Starmer", "Emmanuel Macron", "Keith Kellogg", "Lindsey Graham", "Richard Blumenthal"):
        assert expected in names
    assert not any("Premierminister" in n or "Senator" in n or "Präsident" in n for n in names)
    assert "Konflikt" not in names


def test_german_common_nouns_are_not_names():
    sentence = (
        "Die Vertreter Frankreichs haben die Einrichtung eines Hauptquartiers in der Koalition der Willigen verabredet."
    )
    names = [t for t, kind in _facts(sentence, "de") if kind == "name"]
    assert names == ["Frankreichs"]


def test_title_hyphen_compound_and_company_suffix():
    assert ("Donald Trump", "name") in _facts("US-Präsident Donald Trump lehnte das ab.", "de")
    assert ("US", "name") in _facts("US-Präsident Donald Trump lehnte das ab.", "de")
    assert ("Vestalis Gesundheit AG", "name") in _facts("Käuferin ist die Vestalis Gesundheit AG aus Hannover.", "de")
    assert ("Penmorrow", "name") in _facts("Die Straße nach dem Nachbarort Penmorrow bleibt gesperrt.", "de")
    assert ("Ursula von der Leyen", "name") in _facts("Kommissionspräsidentin Ursula von der Leyen reiste ab.", "de")


def test_english_names_skip_sentence_openers_demonyms_and_possessives():
    facts = _facts("British Prime Minister Keir Starmer met Mayor Linda Achterberg at the Standard’s office.", "en")
    names = [t for t, kind in facts if kind == "name"]
    assert names == ["Keir Starmer", "Linda Achterberg", "Standard"]
    assert _facts("Residents have warned about the cliffs for years.", "en") == []


def test_numbers_with_units_currency_and_scale():
    facts = _facts("Sie zahlt 48,5 Millionen Euro, übernimmt 1.240 Beschäftigte und 3 Prozent mehr.", "de")
    assert [t for t, kind in facts if kind == "number"] == ["48,5 Millionen Euro", "1.240", "3 Prozent"]
    facts = _facts("It could cost $3.2 million a day, or 6.5 percent, at 4 a.m.", "en")
    assert [t for t, kind in facts if kind == "number"] == ["$3.2 million", "6.5 percent", "4 a.m."]


def test_dates_weekdays_and_years_in_both_languages():
    assert _facts("Der Vertrag soll am Dienstag, 13. April 2026 wirksam werden.", "de") == [
        ("Dienstag, 13. April 2026", "date")
    ]
    assert ("Samstagmorgen", "date") in _facts("Am frühen Samstagmorgen rutschte der Hang ab.", "de")
    assert _facts("The talks resume on Thursday, March 12.", "en") == [("Thursday, March 12", "date")]
    assert _facts("They met on 12 March 2026 and again in January 2024.", "en") == [
        ("12 March 2026", "date"),
        ("January 2024", "date"),
    ]
    assert ("2023", "date") in _facts("Die Gemeinde hatte bereits 2023 ein Gutachten bestellt.", "de")
    assert ("2000 Soldaten", "date") not in _facts("Es kamen 2000 Soldaten.", "de")


def test_may_as_a_verb_is_not_a_date():
    assert _facts("The council may decide later.", "en") == []


def test_quotations_and_quoted_terms():
    facts = _facts("„Wir verkaufen die Gesundheit unserer Stadt“, sagte er über „Unser Klinikum“.", "de")
    assert facts == [("„Wir verkaufen die Gesundheit unserer Stadt“", "quote"), ("„Unser Klinikum“", "term")]
    assert _facts("“We were very lucky,” Ashdown said.", "en")[0] == ("“We were very lucky,”", "quote")


def test_facts_never_overlap_and_offsets_point_into_the_sentence():
    sentence = "„Am 13. April zahlen wir 800 Millionen Euro an Selenskyj“, sagte Keir Starmer am Montag in Paris."
    facts = extract_facts(sentence, "de")
    for text, _, start, end in facts:
        assert sentence[start:end] == text
    spans = sorted((start, end) for _, _, start, end in facts)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


@pytest.mark.parametrize(
    ("spelling", "other"),
    [("Selenskij", "Selenskyj"), ("Selenskij", "Zelensky"), ("Zelenskyy", "Selenskyj"), ("Charkiw", "Kharkiv")],
)
def test_transliterations_fold_to_one_spelling(spelling, other):
    assert fold_name(spelling) == fold_name(other)


def test_name_present_across_spellings_and_languages():
    english = "Ukrainian President Volodymyr Zelensky thanked Britain and the Kremlin on Tuesday."
    assert fact_present("Wladimir Selenskij", FactKind.NAME, english, "en")
    assert fact_present("Großbritanniens", FactKind.NAME, english, "en")
    assert fact_present("Kreml", FactKind.NAME, english, "en")
    assert not fact_present("Keir Starmer", FactKind.NAME, english, "en")
    assert not fact_present("Northwood", FactKind.NAME, "Die Anwohner von Calverley Bay mussten gehen.", "de")


def test_numbers_present_by_value_not_by_spelling():
    assert fact_present("2,300", FactKind.NUMBER, "Es kamen 2.300 Menschen.", "de")
    assert fact_present("2300", FactKind.NUMBER, "About 2,300 people came.", "en")
    assert fact_present("6,5 Prozent", FactKind.NUMBER, "growth of 6.5 percent", "en")
    assert fact_present("800 Millionen", FactKind.NUMBER, "some 800 million euros", "en")
    assert fact_present("12 homes", FactKind.NUMBER, "Zwölf Häuser wurden zerstört.", "de")
    assert not fact_present("800 Millionen", FactKind.NUMBER, "800 people", "en")
    assert not fact_present("11,2 Millionen Euro", FactKind.NUMBER, "48,5 Millionen Euro", "de")


def test_dates_present_across_languages():
    assert fact_present("Dienstag", FactKind.DATE, "The vote was on Tuesday.", "en")
    assert fact_present("13. März", FactKind.DATE, "on March 13, 2026", "en")
    assert fact_present("Thursday, March 12", FactKind.DATE, "am 12. März", "de")
    assert fact_present("2023", FactKind.DATE, "in 2023 the council acted", "en")
    assert not fact_present("1. April 2026", FactKind.DATE, "im Frühjahr 2026", "de")
    assert not fact_present("Dienstag", FactKind.DATE, "on Wednesday", "en")


def test_quotation_present_only_where_its_words_appear_in_sequence():
    quote = "“Our drivers have gone two years without a contract, and they are done waiting,”"
    echoed = "The union said its drivers have gone two years without a contract and they are done waiting."
    vocabulary = "Drivers have been working without a contract for two years; they are tired and done."
    assert fact_present(quote, FactKind.QUOTE, echoed, "en")
    assert not fact_present(quote, FactKind.QUOTE, vocabulary, "en")


def test_fact_key_ignores_spelling_and_punctuation():
    assert fact_key("Selenskij") == fact_key("Selenskyj") == fact_key("SELENSKYJ")
    assert fact_key("„Unser Klinikum“") == fact_key('"Unser Klinikum"')


def test_a_german_index_answers_english_questions():
    index = FactIndex.build("Keir Starmer sagte am Montag, 2.300 Soldaten kämen.", "de")
    assert index.contains("Starmer", FactKind.NAME, "en")
    assert index.contains("2,300", FactKind.NUMBER, "en")
    assert index.contains("Monday", FactKind.DATE, "en")
    assert not index.contains("Macron", FactKind.NAME, "en")


def test_quotation_across_languages_is_recognised_by_its_speaker():
    german = "„Wir haben großes Glück gehabt“, sagte Ashdown."
    english = FactIndex.build("“We were very lucky,” Ashdown said. Police closed the road.", "en")
    assert speaker_words(german, extract_facts(german, "de")) == ["Ashdown"]
    assert english.quotes_someone_named(["Ashdown"])
    assert not english.quotes_someone_named(["Police"])


def test_surname_introduced_earlier_is_a_name_on_its_own():
    first = extract_facts("Senator Lindsey Graham reiste nach Rom.", "de")
    known = introduced_surnames(first)
    assert known == ["Graham"]
    later = "Der Machthaber dankte Graham für sein Erscheinen."
    assert ("Graham", FactKind.NAME, 22, 28) in extract_facts(later, "de", known)
    assert "Graham" not in [t for t, *_ in extract_facts(later, "de")]


def test_two_inflected_german_nouns_are_not_a_name_but_a_given_name_makes_one():
    assert _facts("Das Klinikum schreibt seit Jahren Verluste.", "de") == []
    assert _facts("Mehrere Soziale Medien haben Konten gesperrt.", "de") == []
    assert _facts("Christine Lagarde sprach in Frankfurt.", "de") == [
        ("Christine Lagarde", "name"),
        ("Frankfurt", "name"),
    ]
    assert _facts("Zwei Mitglieder der Fraktion Neue Mitte enthielten sich.", "de") == [("Neue Mitte", "name")]


def test_clock_times_are_one_fact_and_match_across_12_and_24_hours():
    assert _facts("Ergebnisse gibt es ab 18:30 Uhr.", "de") == [("18:30 Uhr", "number")]
    assert fact_present("18:30 Uhr", FactKind.NUMBER, "Results are due from 6:30 p.m.", "en")
    assert not fact_present("18:30 Uhr", FactKind.NUMBER, "Results are due from 6:30 a.m.", "en")


def test_currency_scales_across_languages():
    assert fact_present("3,5 Mrd. Euro", FactKind.NUMBER, "worth 3.5 billion euros", "en")
    assert fact_present("$12bn", FactKind.NUMBER, "12 Milliarden Dollar", "de")
    assert not fact_present("2 Billionen Euro", FactKind.NUMBER, "2 billion euros", "en")


def test_multi_word_places_from_the_lexicon_stay_whole():
    assert _facts("The European Union and the White House disagreed.", "en") == [
        ("European Union", "name"),
        ("White House", "name"),
    ]
    assert _facts("Im Weißen Haus gab es Streit.", "de") == [("Weißen Haus", "name")]
    assert fact_present("Weißen Haus", FactKind.NAME, "talks at the White House", "en")


def test_sonnabend_is_saturday_and_not_cut_to_a_stem():
    from desktop.core.model import FactKind
    from desktop.core.text.facts.index import fact_present

    assert fact_present("Sonnabend", FactKind.DATE, "The vote is on Saturday.", "en")
    assert not fact_present("Sonnabend", FactKind.DATE, "The vote is on Sunday.", "en")


def test_clock_time_written_with_a_dot_is_the_same_time():
    assert fact_present("5.30 Uhr", FactKind.NUMBER, "Das Feuer brach gegen 5:30 Uhr aus.", "de")
    assert fact_present("5:30 Uhr", FactKind.NUMBER, "Das Feuer brach gegen 5.30 Uhr aus.", "de")
    assert not fact_present("5.30 Uhr", FactKind.NUMBER, "Das Feuer brach gegen 5:20 Uhr aus.", "de")
    assert fact_present("6.30 p.m.", FactKind.NUMBER, "from 18:30 Uhr", "de")


def test_british_and_american_spellings_of_a_name_are_one_name():
    assert fact_present("Danby Harbor", FactKind.NAME, "It sailed from Danby Harbour to the city.", "en")
    assert fact_present("Labour Party", FactKind.NAME, "The Labor Party won.", "en")
    assert not fact_present("Danby Harbor", FactKind.NAME, "It sailed from Kestrel Point to the city.", "en")


def test_acronym_and_its_expansion_are_one_name():
    assert fact_present("NTSB", FactKind.NAME, "The National Transportation Safety Board will investigate.", "en")
    assert fact_present("National Transportation Safety Board", FactKind.NAME, "The NTSB will investigate.", "en")
    assert fact_present("CDU", FactKind.NAME, "Die Christlich Demokratische Union gewann.", "de")
    assert not fact_present("NTSB", FactKind.NAME, "The National Weather Service reported fog.", "en")


def test_saint_abbreviation_stays_inside_the_name():
    assert _facts("Three passengers were treated at St. Luke's Hospital and released.", "en") == [
        ("St. Luke's Hospital", "name")
    ]


def test_english_surname_known_from_an_earlier_name_does_not_split_a_run():
    known = introduced_surnames(extract_facts("The U.S. Coast Guard said all were safe.", "en"))
    assert known == ["Guard"]
    found = [t for t, *_ in extract_facts("Coast Guard crews and two tugboats helped.", "en", known)]
    assert found == ["Coast Guard"]


def test_month_named_alone_is_a_date_not_a_name():
    assert _facts("It passed its last inspection in November.", "en") == [("November", "date")]
    assert _facts("Im Oktober wurde gewählt.", "de") == [("Oktober", "date")]
    assert _facts("Theresa May spoke.", "en") == [("Theresa May", "name")]
    assert fact_present("November", FactKind.DATE, "It was inspected on November 12.", "en")
    assert not fact_present("November", FactKind.DATE, "It was inspected in December.", "en")


def test_road_code_and_the_road_written_out_are_one_fact():
    assert fact_present("B214", FactKind.NAME, "Die Bundesstraße 214 war bis zum Mittag gesperrt.", "de")
    assert fact_present("B214", FactKind.NAME, "Die B 214 war gesperrt.", "de")
    assert fact_present("I-95", FactKind.NAME, "Interstate 95 was closed for hours.", "en")
    assert fact_present("214", FactKind.NUMBER, "Die B214 war stundenlang gesperrt.", "de")
    assert not fact_present("B214", FactKind.NAME, "Die Bundesstraße 241 war gesperrt.", "de")
    assert not fact_present("A7", FactKind.NAME, "Die B7 war gesperrt.", "de")


def test_german_relief_organisations_and_their_abbreviations_are_one_name():
    assert fact_present(
        "Technischem Hilfswerk", FactKind.NAME, "Rund 140 Einsatzkräfte von Feuerwehr und THW waren vor Ort.", "de"
    )
    assert fact_present("THW", FactKind.NAME, "Helfer des Technischen Hilfswerks waren vor Ort.", "de")
    assert fact_present("DRK", FactKind.NAME, "Das Deutsche Rote Kreuz richtete eine Notunterkunft ein.", "de")


def test_shouted_headline_words_are_not_acronyms():
    assert _facts("FERRY FIASCO: Packed boat slams into sandbar off Kestrel Point", "en") == [("Kestrel Point", "name")]
    assert _facts("The NTSB and the FBI sent investigators.", "en") == [("NTSB", "name"), ("FBI", "name")]


def test_institution_named_by_its_remit_is_one_name():
    assert _facts("Messungen des Landesamts für Umwelt ergaben keine erhöhten Werte.", "de") == [
        ("Landesamts für Umwelt", "name")
    ]
    assert _facts("The Department of Health and the Office for National Statistics agreed.", "en") == [
        ("Department of Health", "name"),
        ("Office for National Statistics", "name"),
    ]
    assert _facts("Die Stadt bezahlt für Strom und Wasser.", "de") == []
    assert fact_present("Landesamts für Umwelt", FactKind.NAME, "Das Landesamt für Umwelt gab Entwarnung.", "de")
    assert not fact_present("Landesamts für Umwelt", FactKind.NAME, "Die Feuerwehr schützt die Umwelt.", "de")


def test_abbreviated_month_does_not_end_the_sentence_holding_the_date():
    assert fact_present("12. November", FactKind.DATE, "It was inspected on Nov. 12. Then it sailed.", "de")
    assert fact_present("November", FactKind.DATE, "It was inspected on Nov. 12. Then it sailed.", "en")
    assert not fact_present("November 13", FactKind.DATE, "It was inspected on Nov. 12. Then it sailed.", "en")
