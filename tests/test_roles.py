"""Sentence roles: the headline, the story, and the page furniture the aligner must leave out."""

from __future__ import annotations

import pytest

from desktop.core.model import Role
from desktop.core.text.roles.furniture import boilerplate_reason
from desktop.core.text.segmentation import segment


def roles_by_text(text: str, language: str = "") -> dict[str, Role]:
    return {text[s.start : s.end]: s.role for s in segment(text, language)}


@pytest.mark.parametrize(
    ("sentence", "language", "reason"),
    [
        ("Foto: Max Muster/dpa", "de", "credit"),
        ("Quelle: www.example.com © Erika Muster", "de", "credit"),
        ("Bildquelle: picture alliance / Kurt Beispiel", "de", "credit"),
        ("Photo: Jane Roe/Reuters", "en", "credit"),
        ("© Northwind Daily / J. Moreno", "en", "credit"),
        ("Getty Images", "en", "credit"),
        ("Mehr zum Thema - Gericht kippt Verbot", "de", "link"),
        ("Lesen Sie auch: Was der Beschluss bedeutet", "de", "link"),
        ("Read more: What the ruling means", "en", "link"),
        ("Share this story", "en", "link"),
        ("Facebook WhatsApp E-Mail", "de", "share"),
        ("Share · Save · Print", "en", "share"),
        ("(dpa)", "de", "agency"),
        ("dpa/AFP/Reuters", "", "agency"),
        ("jm/dpa", "de", "agency"),
        ("Max Mustermann, dpa", "de", "agency"),
        ("Von Max Mustermann", "de", "byline"),
        ("Von Max Mustermann und Erika Musterfrau, Berlin", "de", "byline"),
        ("By Jane Doe, Staff Reporter | March 9, 2026", "en", "byline"),
        ("By Martha Quill, Environment correspondent", "en", "byline"),
        ("Stand: 14.06.2024 16:42 Uhr", "de", "timestamp"),
        ("Aktualisiert am 3. Mai 2024, 10:15 Uhr", "de", "timestamp"),
        ("Updated 2 hours ago", "en", "timestamp"),
        ("Published March 9, 2026", "en", "timestamp"),
        ("Montag, 13.04.2025, 14:30 Uhr", "de", "timestamp"),
        ("Sat 23 Mar 2024 02.14 GMT", "en", "timestamp"),
        ("Jetzt den kostenlosen Newsletter abonnieren!", "de", "notice"),
        ("Sign up for our newsletter to get the top stories every morning.", "en", "link"),
        ("Get our best stories delivered straight to your inbox.", "en", "link"),
        ("Reuters contributed to this report", "en", "notice"),
        ("Unterstützen Sie unabhängigen Journalismus mit einer Spende.", "de", "appeal"),
        ("Wenn Euch unsere Artikel gefallen, teilt sie gern.", "de", "appeal"),
        ("If you value our reporting, please consider a donation.", "en", "appeal"),
        ("Mit Material von dpa und Reuters", "de", "link"),
        ("Copyright 2026 Northwind Media. All rights reserved.", "en", "link"),
        ("Von Erika Muster | Stand: 12.03.2026, 14:05 Uhr", "de", "byline"),
        ("By Jane Roe, Northwind Wire | Updated 3:45 PM EST, March 10, 2026", "en", "byline"),
        ("Newsletter: Jeden Morgen das Wichtigste aus der Region – jetzt kostenlos abonnieren!", "de", "link"),
        ("Newsletter: The day's top stories from the region, every morning in your inbox.", "en", "link"),
    ],
)
def test_furniture_sentence_is_recognised(sentence: str, language: str, reason: str) -> None:
    assert boilerplate_reason(sentence, language) == reason


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("Passau (dpa) - Nach dem Hochwasser sinken die Pegelstände langsam.", "de"),
        ("Von Berlin aus fuhr der Zug nach Hamburg.", "de"),
        ("Von Angela Merkel stammt der Satz, den alle kennen.", "de"),
        ("By Monday, the strike had ended.", "en"),
        ("Published figures show 3 percent growth in the region.", "en"),
        ("Stand 2023 gab es in der Stadt 5.000 Fälle.", "de"),
        ("Updated guidelines were released on Monday.", "en"),
        ("Die Quelle des Flusses liegt in den Alpen.", "de"),
        ("Er nannte als Quelle: die Polizei.", "de"),
        (
            "The ministry said its newsletter for farmers, sent every month to more than 40,000 subscribers "
            "across the region, would now also cover water prices, fertiliser costs and the new subsidy rules.",
            "en",
        ),
        ("„Unterstützen Sie die Ukraine“, forderte der Redner.", "de"),
        ("Die Bild-Zeitung berichtete zuerst darüber.", "de"),
        ("Share prices fell 3 percent on Monday.", "en"),
        ("AP and Reuters reported the vote first, citing officials.", "en"),
        ("Folgen Sie der Straße bis zum Ende, sagte der Polizist.", "de"),
        ("Von Erika Muster | Die Stadt zahlt 3 Millionen Euro.", "de"),
        ("Der Newsletter: ein Erfolg, sagte die Verlegerin.", "de"),
    ],
)
def test_news_sentence_is_not_furniture(sentence: str, language: str) -> None:
    assert boilerplate_reason(sentence, language) == ""


def test_kicker_title_byline_and_body_at_the_top() -> None:
    text = (
        "Inland\n\n"
        "Bundestag beschließt Rentenpaket\n\n"
        "Stand: 14.06.2024 16:42 Uhr\n\n"
        "Der Bundestag hat das Rentenpaket verabschiedet. Die Union kritisierte die Pläne.\n\n"
        "Von Katrin Beispiel, Hauptstadtstudio\n"
    )
    assert roles_by_text(text, "de") == {
        "Inland": Role.BOILERPLATE,
        "Bundestag beschließt Rentenpaket": Role.TITLE,
        "Stand: 14.06.2024 16:42 Uhr": Role.BOILERPLATE,
        "Der Bundestag hat das Rentenpaket verabschiedet.": Role.BODY,
        "Die Union kritisierte die Pläne.": Role.BODY,
        "Von Katrin Beispiel, Hauptstadtstudio": Role.BOILERPLATE,
    }


def test_headline_and_deck_are_both_title() -> None:
    text = (
        "Senate passes spending bill hours before deadline\n"
        "Lawmakers approved the package late on Friday\n\n"
        "The Senate passed the bill early on Saturday. The vote was 74 to 24.\n"
    )
    roles = roles_by_text(text, "en")
    assert roles["Senate passes spending bill hours before deadline"] == Role.TITLE
    assert roles["Lawmakers approved the package late on Friday"] == Role.TITLE
    assert roles["The vote was 74 to 24."] == Role.BODY


def test_article_without_headline_has_no_title() -> None:
    text = "The council met on Tuesday. It voted to sell the hospital.\n\nStaff will keep their contracts.\n"
    assert set(roles_by_text(text, "en").values()) == {Role.BODY}


def test_subheading_inside_the_story_stays_body() -> None:
    text = "Headline of the story\n\nFirst paragraph here. It has two sentences.\n\nWhat happens next\n\nMore text.\n"
    assert roles_by_text(text, "en")["What happens next"] == Role.BODY


def test_caption_before_a_glued_credit_is_furniture() -> None:
    text = (
        "Stadtrat verkauft Klinikum\n\n"
        "Das Klinikum am MarktplatzFoto: Bildagentur Nord © Petra Beispiel\n\n"
        "Der Stadtrat hat den Verkauf beschlossen.\n"
    )
    assert roles_by_text(text, "de") == {
        "Stadtrat verkauft Klinikum": Role.TITLE,
        "Das Klinikum am Marktplatz": Role.BOILERPLATE,
        "Foto: Bildagentur Nord © Petra Beispiel": Role.BOILERPLATE,
        "Der Stadtrat hat den Verkauf beschlossen.": Role.BODY,
    }


def test_links_listed_under_a_bare_label_are_furniture() -> None:
    text = (
        "Die Kosten steigen weiter.\n\n"
        "Mehr zum Thema:\n"
        "Rentenniveau: Was das Paket bedeutet\n"
        "Generationenkapital: So funktioniert der Fonds\n\n"
        "Die Debatte geht weiter.\n"
    )
    roles = roles_by_text(text, "de")
    assert roles["Mehr zum Thema:"] == Role.BOILERPLATE
    assert roles["Rentenniveau: Was das Paket bedeutet"] == Role.BOILERPLATE
    assert roles["Generationenkapital: So funktioniert der Fonds"] == Role.BOILERPLATE
    assert roles["Die Debatte geht weiter."] == Role.BODY


def test_paragraph_opening_with_an_appeal_is_furniture_to_its_end() -> None:
    text = (
        "Der Rat tagt am Montag.\n\n"
        "Unterstützen Sie unabhängigen Journalismus: Mit 5 Euro im Monat sichern Sie unsere Arbeit. Danke!\n"
    )
    roles = roles_by_text(text, "de")
    assert roles["Der Rat tagt am Montag."] == Role.BODY
    assert roles["Unterstützen Sie unabhängigen Journalismus: Mit 5 Euro im Monat sichern Sie unsere Arbeit."] == (
        Role.BOILERPLATE
    )
    assert roles["Danke!"] == Role.BOILERPLATE


def test_platform_notice_paragraph_is_furniture_from_its_first_sentence() -> None:
    text = (
        "Der Rat tagt am Montag.\n\n"
        "Die Plattform sperrt uns seit Wochen. Der Zugang zu unserer Website wurde erschwert. "
        "Wenn Ihnen unsere Artikel gefallen, teilen Sie sie gern weiter. Vielen Dank.\n"
    )
    roles = roles_by_text(text, "de")
    assert roles["Der Rat tagt am Montag."] == Role.BODY
    assert roles["Die Plattform sperrt uns seit Wochen."] == Role.BOILERPLATE
    assert roles["Vielen Dank."] == Role.BOILERPLATE


def test_teaser_question_before_a_newsletter_appeal_is_furniture() -> None:
    text = (
        "Die Pegel sinken.\n\nSie möchten nichts mehr verpassen? Dann abonnieren Sie unseren kostenlosen Newsletter.\n"
    )
    roles = roles_by_text(text, "de")
    assert roles["Sie möchten nichts mehr verpassen?"] == Role.BOILERPLATE
    assert roles["Die Pegel sinken."] == Role.BODY


def test_appeal_inside_a_news_paragraph_leaves_the_sentences_before_it() -> None:
    text = "The council voted on Tuesday. Officials said the deal was fair. Support our journalism today.\n"
    roles = roles_by_text(text, "en")
    assert roles["The council voted on Tuesday."] == Role.BODY
    assert roles["Officials said the deal was fair."] == Role.BODY
    assert roles["Support our journalism today."] == Role.BOILERPLATE


def test_english_furniture_around_a_story() -> None:
    text = (
        "World\n\n"
        "Storm forces thousands from their homes\n\n"
        "By Martha Example, Environment correspondent\n"
        "Published 3 hours ago\n\n"
        "Image source, Getty Images\n"
        "Image caption, Flood water covered the main square\n\n"
        "More than 4,000 people were evacuated on Sunday. Dr. Sam Price said both were stable.\n\n"
        "Related Topics\n"
        "Storms\n"
        "Flooding\n\n"
        "Follow Example News on X and Facebook.\n"
    )
    roles = roles_by_text(text, "en")
    body = {t for t, r in roles.items() if r == Role.BODY}
    assert body == {"More than 4,000 people were evacuated on Sunday.", "Dr. Sam Price said both were stable."}
    assert roles["Storm forces thousands from their homes"] == Role.TITLE
    assert roles["World"] == Role.BOILERPLATE


def test_presegmented_keeps_appeals_and_dates_as_body() -> None:
    text = "Die Stadt baut.\nUnterstützen Sie uns.\n13. April 2024\nMehr zum Thema: Brücken\n"
    roles = [s.role for s in segment(text, "de", presegmented=True)]
    assert roles == [Role.BODY, Role.BODY, Role.BODY, Role.BOILERPLATE]


def test_presegmented_first_line_without_period_is_the_title() -> None:
    text = "Neue Brücke für Marlbach\nDie Stadt baut eine Brücke.\n"
    roles = [s.role for s in segment(text, "de", presegmented=True)]
    assert roles == [Role.TITLE, Role.BODY]


def test_short_headline_above_its_deck_is_the_title_not_a_kicker() -> None:
    text = "Bus strike ends\nDrivers return to work after a deal late on Friday\n\nThe buses ran again on Saturday.\n"
    roles = roles_by_text(text, "en")
    assert roles["Bus strike ends"] == Role.TITLE
    assert roles["Drivers return to work after a deal late on Friday"] == Role.TITLE


def test_known_section_label_above_the_headline_is_furniture() -> None:
    text = "Analysis\n\nWhy the talks failed\n\nThe talks failed on Friday. Both sides blamed each other.\n"
    roles = roles_by_text(text, "en")
    assert roles["Analysis"] == Role.BOILERPLATE
    assert roles["Why the talks failed"] == Role.TITLE


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("Donate blood, officials urged residents on Monday.", "en"),
        ("Help us find the missing girl, police said.", "en"),
        ("Please share any information with police, the statement said.", "en"),
        ("More from the ministry is expected next week.", "en"),
        ("Spenden Sie Blut, appellierte das Rote Kreuz.", "de"),
        ("Bitte teilen Sie Hinweise der Polizei mit.", "de"),
    ],
)
def test_appeal_made_by_someone_in_the_news_is_not_furniture(sentence: str, language: str) -> None:
    assert boilerplate_reason(sentence, language) == ""


@pytest.mark.parametrize("sentence", ["2024", "1.240", '22".', "co2-rechner", "Tabelle 3"])
def test_bare_number_is_not_a_timestamp(sentence: str) -> None:
    assert boilerplate_reason(sentence, "de") == ""


def test_kicker_ending_in_a_colon_is_furniture_and_the_line_below_the_title() -> None:
    text = "Ukraine-Krieg:\nKoalition plant Hauptquartier in Paris\n\nDie Vertreter haben sich geeinigt.\n"
    roles = roles_by_text(text, "de")
    assert roles["Ukraine-Krieg:"] == Role.BOILERPLATE
    assert roles["Koalition plant Hauptquartier in Paris"] == Role.TITLE


def test_caption_line_above_a_credit_line_is_furniture() -> None:
    text = (
        "Ein Warnstreik legt den Nahverkehr lahm. Betroffen sind Busse und Bahnen.\n\n"
        "Leere Bahnsteige am Alexanderplatz am Freitagmorgen.\n"
        "Foto: IMAGO/Max Beispiel\n\n"
        "Die Gewerkschaft hatte zum Ausstand aufgerufen.\n"
    )
    roles = roles_by_text(text, "de")
    assert roles["Leere Bahnsteige am Alexanderplatz am Freitagmorgen."] == Role.BOILERPLATE
    assert roles["Foto: IMAGO/Max Beispiel"] == Role.BOILERPLATE
    assert roles["Betroffen sind Busse und Bahnen."] == Role.BODY
    assert roles["Die Gewerkschaft hatte zum Ausstand aufgerufen."] == Role.BODY


def test_links_under_a_longer_label_with_a_colon_are_furniture() -> None:
    text = (
        "Die BVG nannte den Streik unverhältnismäßig.\n\n"
        "Lesen Sie mehr auf Beispiel Plus:\n"
        "Warum der Nahverkehr so teuer ist\n"
        "Diese Linien sind besonders betroffen\n\n"
        "Mehr zum Streik in unserem Liveblog.\n\n"
        "(Mit dpa)\n"
    )
    roles = roles_by_text(text, "de")
    assert roles["Die BVG nannte den Streik unverhältnismäßig."] == Role.BODY
    assert {r for t, r in roles.items() if t != "Die BVG nannte den Streik unverhältnismäßig."} == {Role.BOILERPLATE}


def test_separator_line_is_furniture_but_a_presegmented_punctuation_line_is_not() -> None:
    assert roles_by_text("Erster Absatz.\n\n___\n\nZweiter Absatz.\n", "de")["___"] == Role.BOILERPLATE
    roles = [s.role for s in segment("Erster Satz.\n.\nZweiter Satz.\n", "de", presegmented=True)]
    assert roles == [Role.BODY, Role.BODY, Role.BODY]
