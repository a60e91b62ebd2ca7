"""Facts on real pages (issue 14): possessives, parties, ranks, multi-word names, compounds, clock times and
weekdays against dates. Every sentence here is invented."""

from desktop.core.model import FactKind
from desktop.core.text.facts.extraction import extract_facts
from desktop.core.text.facts.index import FactIndex


def _names(text: str, language: str) -> list[str]:
    return [fact for fact, kind, _, _ in extract_facts(text, language) if kind == FactKind.NAME]


def _present(article: str, language: str, fact: str, kind: FactKind = FactKind.NAME, asked: str = "") -> bool:
    return FactIndex.build(article, language).contains(fact, kind, asked or language)


def test_possessives_name_the_owner_and_split_two_names():
    assert _names("Officials praised Macron's plan on the ferry.", "en") == ["Macron"]
    assert _names("The envoy waited in the White House’s Rose Garden.", "en") == ["White House", "Rose Garden"]
    assert _names("Pilgrims crowded St. Peter’s Square at noon.", "en") == ["St. Peter’s Square"]
    # The other article's possessive or German genitive states the name.
    assert _present("The Kremlin’s envoy declined to comment.", "en", "Kremlin")
    assert _present("Nach Macrons Rede blieb es still.", "de", "Macron", asked="en")
    assert _present("Macron sprach lange.", "de", "Macrons")


def test_parties_are_names_and_match_across_spellings():
    names = _names("Die AfD, die Grünen und die Union stimmten dagegen; die CDU/CSU enthielt sich.", "de")
    assert names == ["AfD", "Grünen", "Union", "CDU/CSU"]
    assert "Labour" in _names("Labour lost two seats in the harbour town.", "en")
    assert _present("Die Alternative für Deutschland legte Widerspruch ein.", "de", "AfD")
    assert _present("The Greens walked out of the chamber.", "en", "Grünen", asked="de")
    assert _present("Die Unionsparteien lehnten ab.", "de", "CDU/CSU")
    assert _present("The Labor Party won the by-election.", "en", "Labour")
    # A quoted party name is that party: "„Alternative für Deutschland“" against "AfD".
    assert _present("Die AfD klagt.", "de", "„Alternative für Deutschland“", FactKind.TERM)
    # "Union" inside "Europäische Union" is not the CDU/CSU.
    assert not _present("Die Europäische Union verhängte Zölle.", "de", "Union")


def test_ranks_and_party_adjectives_are_not_names():
    names = _names("Retired Col. Dana Whitfield and Vice Adm. Rory Pask briefed the Democratic senator.", "en")
    assert names == ["Dana Whitfield", "Rory Pask"]
    assert _names("Republican lawmakers left early.", "en") == []


def test_multi_word_names_stay_whole():
    assert _names("He addressed the Council of Europe on Tuesday.", "en") == ["Council of Europe"]
    assert _names("Rates were set by the Bank of England.", "en") == ["Bank of England"]
    assert _names("- Previous Role: clerk at the harbour office", "en") == []


def test_compound_parts_and_acronyms_written_in_capitals():
    assert _present("FDP-Chef Brandtner verließ den Saal.", "de", "FDP")
    assert _present("Der Ministerpräsident von Sachsen-Anhalt kam.", "de", "Sachsen-Anhalts")
    assert _present("Ein US-Kardinal wurde gewählt.", "de", "United States", asked="en")
    # A capitalised "As" opening a sentence is no short form of a name (the name was reported present).
    assert not _present("As the ferry left, Anne Smith waved.", "en", "Andrew Sand")
    assert _present("The NTSB opened an inquiry.", "en", "National Transportation Safety Board")


def test_institution_by_its_one_word_remit():
    assert _present("Der Verfassungsschutz legte ein Gutachten vor.", "de", "Bundesamt für Verfassungsschutz")
    assert not _present("Die Umwelt litt.", "de", "Landesamt für Umwelt")


def test_clock_times_with_pm_and_full_hours():
    assert ("6:00 pm", FactKind.NUMBER) in [(f, k) for f, k, _, _ in extract_facts("It ended at 6:00 pm.", "en")]
    assert _present("The bells rang at 6:00 pm.", "en", "18 Uhr", FactKind.NUMBER, asked="de")
    assert _present("The bells rang at 6:07 p.m.", "en", "18 Uhr", FactKind.NUMBER, asked="de")
    assert not _present("The bells rang at 6:40 p.m.", "en", "18 Uhr", FactKind.NUMBER, asked="de")
    assert not _present("Kurz nach 18 Uhr läuteten die Glocken.", "de", "6:07 p.m.", FactKind.NUMBER, asked="en")


def test_weekday_against_a_date_of_a_known_year():
    article = "The tariffs were announced on April 2nd. Trade talks began in 2025."
    assert _present(article, "en", "Wednesday", FactKind.DATE)
    assert not _present(article, "en", "Friday", FactKind.DATE)
    assert not _present("The tariffs were announced on April 2nd.", "en", "Wednesday", FactKind.DATE)


def test_quoted_terms_inflected_and_statements_reworded():
    article = "Die Partei gilt nun als gesichert rechtsextremistisch, teilte das Amt mit."
    assert _present(article, "de", "„gesichert rechtsextremistische Bestrebung“", FactKind.TERM)
    assert not _present(article, "de", "„rechtsextremistischer Verdachtsfall“", FactKind.TERM)
    reworded = "The ministry called the levies a typical example of unilateral bullying by the harbour board."
    assert _present(reworded, "en", "“typical unilateral bullying practice,”", FactKind.QUOTE)
    assert not _present(reworded, "en", "“we will answer every tariff with a tariff,”", FactKind.QUOTE)
