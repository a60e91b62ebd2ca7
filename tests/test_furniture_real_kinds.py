"""Page furniture in the shapes real pages have: counters, credit lines and their captions, breadcrumbs,
header lines, signed social posts, sign-off codes, captions and teasers between paragraphs, datelines.

Every text here is invented; the shapes follow what real outlets print around a story.
"""

from __future__ import annotations

import pytest

from desktop.core.model import Role
from desktop.core.text.roles.furniture import boilerplate_reason
from desktop.core.text.segmentation import segment


def roles_by_text(text: str, language: str = "") -> dict[str, Role]:
    return {text[s.start : s.end]: s.role for s in segment(text, language)}


BODY_DE = (
    "Der Stadtrat von Kessingen hat am Dienstag den Bau einer neuen Brücke über die Lauter beschlossen. "
    "Die Kosten liegen nach Angaben der Verwaltung bei 14 Millionen Euro."
)
MORE_DE = "Die Arbeiten sollen im Frühjahr beginnen und zwei Jahre dauern, sagte Bürgermeisterin Petra Lang."
BODY_EN = (
    "Port Ellery's council voted on Tuesday to build a new bridge across the Lauter river. "
    "The project will cost 14 million dollars, officials said."
)
MORE_EN = "Work is due to start in the spring and will take two years, Mayor Petra Lang said."


@pytest.mark.parametrize(
    ("sentence", "language", "reason"),
    [
        ("• 1,204 views", "en", "counter"),
        ("99+ people have listened", "en", "counter"),
        ("64 Kommentare", "de", "counter"),
        ("About 3 minutes", "en", "link"),
        ("4 Min. Lesezeit", "de", "link"),
        ("Source | Northwind News Agency", "en", "credit"),
        ("|REUTERS", "en", "agency"),
        ("(abc, mit dpa)", "de", "agency"),
        ("dpa/ Associated Press/ Erika Muster", "de", "credit"),
        ("Max Muster - AFP/Archiv", "de", "credit"),
        ("Riga • Baltic Wire", "en", "dateline"),
        ("Kessingen | dpa", "de", "dateline"),
        ("Von dpa Aktualisiert am 21.11.2025", "de", "byline"),
        ("Jane Roe Published March 3, 2026 | 9:15 AM", "en", "byline"),
        ("2026-3-4 10:26 Port Ellery Northwind official account", "en", "timestamp"),
        ("— Jane Roe (@janeroe) March 3, 2026", "en", "social"),
        ("Sie sind hier: Startseite > Politik > Brücke beschlossen", "de", "breadcrumb"),
        ("Home Deutschland — Brücke beschlossen", "de", "breadcrumb"),
        ("You are here: Home > World > Bridge approved", "en", "breadcrumb"),
        ("LATEST DEVELOPMENTS: the mayor said the bridge would open in 2028", "en", "link"),
        ("Listen to the full text", "en", "link"),
        ("View Original", "en", "link"),
        ("Continue reading...", "de", "link"),
        ("Update", "en", "link"),
        ("This page may contain third-party content and is no endorsement.", "en", "link"),
        ("This photo taken on 3 March 2026 shows the old bridge over the Lauter river", "en", "link"),
        ("Das Archivbild zeigt die alte Brücke über die Lauter.", "de", "link"),
    ],
)
def test_furniture_shape_is_recognised(sentence: str, language: str, reason: str) -> None:
    assert boilerplate_reason(sentence, language) == reason


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("200 Leser protestierten gegen die Schließung der Bibliothek.", "de"),
        ("19 drones entered the country's airspace overnight.", "en"),
        ("Home Secretary Jane Roe said the bridge was safe.", "en"),
        ("Startseite und Archiv der Zeitung wurden neu gestaltet, teilte der Verlag mit.", "de"),
        ("A photo released by the ministry shows the damaged bridge.", "en"),
        ("Jane Roe published the report on March 3, 2026, after a year of work.", "en"),
        ("Scholz und Lang | ein Streit um Geld", "de"),
        ("Petra Lang: Wir bauen die Brücke schneller als geplant.", "de"),
        ("The 2026-27 budget includes the bridge, the mayor said.", "en"),
        ("20.12.2025: Ein Auto fährt in den Weihnachtsmarkt von Kessingen", "de"),
        ("This picture is far from complete, critics of the plan say.", "en"),
        ("Das Bild zeigt, wie tief die Krise der Koalition ist.", "de"),
    ],
)
def test_news_in_a_furniture_like_shape_stays_news(sentence: str, language: str) -> None:
    assert boilerplate_reason(sentence, language) == ""


def test_header_lines_of_a_real_page_are_furniture_and_the_headline_stays() -> None:
    text = (
        "Stadtrat beschließt neue Brücke über die Lauter\n"
        "Mi 05.11.25 | 18:40 Uhr\n"
        "169\n"
        "Bürgermeisterin Petra Lang im Rathaus (Bild: dpa/ Associated Press/ Erika Muster)\n"
        "dpa/ Associated Press/ Erika Muster\n"
        f"{BODY_DE}\n{MORE_DE}\n"
    )
    roles = roles_by_text(text, "de")
    assert roles["Stadtrat beschließt neue Brücke über die Lauter"] == Role.TITLE
    for furniture in (
        "Mi 05.11.25 | 18:40 Uhr",
        "169",
        "Bürgermeisterin Petra Lang im Rathaus",
        "(Bild: dpa/ Associated Press/ Erika Muster)",
        "dpa/ Associated Press/ Erika Muster",
    ):
        assert roles[furniture] == Role.BOILERPLATE, furniture
    assert all(
        role == Role.BODY for sentence, role in roles.items() if "Lauter" in sentence and "Stadtrat von" in sentence
    )
    assert roles[MORE_DE] == Role.BODY


def test_outlet_name_on_its_own_line_is_furniture_when_the_header_names_it_again() -> None:
    text = (
        "Port Ellery approves a new bridge.\n"
        "Northwind Times\n"
        "2026-3-4 10:26 Port Ellery Northwind Times official account\n"
        "Listen to the full text\n"
        "About 1 minute\n"
        f"{BODY_EN}\n{MORE_EN}\n"
        "Source | Northwind News Agency\n"
    )
    roles = roles_by_text(text, "en")
    assert roles["Northwind Times"] == Role.BOILERPLATE
    assert roles["Source | Northwind News Agency"] == Role.BOILERPLATE
    assert roles[MORE_EN] == Role.BODY
    assert roles["Port Ellery approves a new bridge."] != Role.BOILERPLATE


def test_headline_with_the_lead_pictures_credit_after_a_bar_stays_the_headline() -> None:
    text = f"Stadtrat beschließt neue Brücke / Foto: Erika Muster - AFP/Archiv\n{BODY_DE}\n"
    roles = roles_by_text(text, "de")
    assert roles["Stadtrat beschließt neue Brücke"] == Role.TITLE
    assert roles["/ Foto: Erika Muster - AFP/Archiv"] == Role.BOILERPLATE


def test_caption_before_a_parenthesised_credit_on_its_line_is_furniture() -> None:
    text = (
        f"Neue Brücke für Kessingen\n{BODY_DE}\nDie alte Brücke wurde gesperrt. (Quelle: Erika Muster/dpa)\n{MORE_DE}\n"
    )
    roles = roles_by_text(text, "de")
    assert roles["Die alte Brücke wurde gesperrt."] == Role.BOILERPLATE
    assert roles["(Quelle: Erika Muster/dpa)"] == Role.BOILERPLATE
    assert roles[MORE_DE] == Role.BODY


def test_caption_above_a_bar_credit_line_and_a_glued_agency_are_furniture() -> None:
    text = (
        "Port Ellery approves new bridge\n"
        f"{BODY_EN}\n"
        "The mayor met engineers at the old bridge on Monday morning before the vote\n"
        "|REUTERS\n"
        f"{MORE_EN}\n"
        "Engineers inspect the old bridge over the Lauter river in Port ElleryAFP\n"
        "The council will meet again in May to approve the contracts, a spokesman said.\n"
    )
    roles = roles_by_text(text, "en")
    assert roles["The mayor met engineers at the old bridge on Monday morning before the vote"] == Role.BOILERPLATE
    assert roles["|REUTERS"] == Role.BOILERPLATE
    assert roles["Engineers inspect the old bridge over the Lauter river in Port Ellery"] == Role.BOILERPLATE
    assert roles["AFP"] == Role.BOILERPLATE
    assert roles[MORE_EN] == Role.BODY
    assert roles["The council will meet again in May to approve the contracts, a spokesman said."] == Role.BODY


def test_verbless_caption_lines_between_paragraphs_are_furniture_and_crossheads_stay() -> None:
    text = (
        "Kessingen baut neue Brücke\n"
        f"{BODY_DE}\n"
        "Ortstermin an der Lauter: Bürgermeisterin Petra Lang am Dienstag auf der Brücke\n"
        "Baudezernent Jonas Weber (52) mit Plänen vor dem Rathaus von Kessingen\n"
        f"{MORE_DE}\n"
        "Opposition kritisiert die Kosten\n"
        "Die Fraktion der Freien Wähler nannte den Preis zu hoch und forderte eine Prüfung.\n"
        "Brücke, Straße und Radweg, Ampeln und Geländer für den Neubau\n"
        "Die Freien Wähler wollen im Mai über ein Bürgerbegehren beraten und entscheiden.\n"
    )
    roles = roles_by_text(text, "de")
    assert roles["Ortstermin an der Lauter: Bürgermeisterin Petra Lang am Dienstag auf der Brücke"] == (
        Role.BOILERPLATE
    )
    assert roles["Baudezernent Jonas Weber (52) mit Plänen vor dem Rathaus von Kessingen"] == Role.BOILERPLATE
    assert roles["Opposition kritisiert die Kosten"] == Role.BODY
    assert roles["Brücke, Straße und Radweg, Ampeln und Geländer für den Neubau"] == Role.BODY
    assert roles[MORE_DE] == Role.BODY


def test_long_line_with_a_verb_between_paragraphs_stays_body() -> None:
    text = (
        "Port Ellery approves new bridge\n"
        f"{BODY_EN}\n"
        "Council members from all parties backed the plan after a long debate on Tuesday night\n"
        f"{MORE_EN}\n"
        "Mayor Petra Lang and Deputy Mayor John Roe at the Lauter Bridge in Port Ellery on Monday\n"
        "The council will meet again in May to approve the contracts, a spokesman said.\n"
    )
    roles = roles_by_text(text, "en")
    assert roles["Council members from all parties backed the plan after a long debate on Tuesday night"] == Role.BODY
    caption = "Mayor Petra Lang and Deputy Mayor John Roe at the Lauter Bridge in Port Ellery on Monday"
    assert roles[caption] == Role.BOILERPLATE


def test_fact_box_lines_and_bullets_stay_body() -> None:
    text = (
        "New bridge for Port Ellery\n"
        f"{BODY_EN}\n"
        "The bridge in numbers:\n"
        "Length: four hundred metres across the river and the railway line below it\n"
        "Cost: fourteen million dollars, shared by the city and the regional government\n"
        "- Opening: planned for the spring of 2028 after two years of construction work\n"
        f"{MORE_EN}\n"
    )
    roles = roles_by_text(text, "en")
    assert roles["Length: four hundred metres across the river and the railway line below it"] == Role.BODY
    assert roles["Cost: fourteen million dollars, shared by the city and the regional government"] == Role.BODY
    assert roles["- Opening: planned for the spring of 2028 after two years of construction work"] == Role.BODY


def test_breadcrumb_takes_its_whole_line() -> None:
    text = (
        "Scholz entlässt Lang: Aus! Die Koalition ist aus!\n"
        "Home Deutschland Deutschland — Scholz entlässt Lang: Aus! Die Koalition ist aus!\n"
        f"{BODY_DE}\n"
    )
    spans = segment(text, "de")
    second_line = [s for s in spans if text.index("Home") <= s.start < text.index("Der Stadtrat")]
    assert second_line and all(s.role == Role.BOILERPLATE for s in second_line)


def test_signed_social_post_and_its_text_are_furniture() -> None:
    text = (
        "Port Ellery approves new bridge\n"
        f"{BODY_EN}\n"
        "What a day. Proud of our city today - the new bridge is coming! pic.twitter.com/abc123\n"
        "— Petra Lang (@mayorlang) March 3, 2026\n"
        f"{MORE_EN}\n"
    )
    roles = roles_by_text(text, "en")
    assert roles["What a day."] == Role.BOILERPLATE
    assert roles["— Petra Lang (@mayorlang) March 3, 2026"] == Role.BOILERPLATE
    assert roles["Proud of our city today - the new bridge is coming! pic.twitter.com/abc123"] == Role.BOILERPLATE
    assert roles[MORE_EN] == Role.BODY


def test_social_signature_glued_to_the_post_is_cut_off() -> None:
    text = (
        "Port Ellery approves new bridge\n"
        f"{BODY_EN}\n"
        "The bridge is coming, finally. — Petra Lang (@mayorlang) March 3, 2026\n"
        f"{MORE_EN}\n"
    )
    roles = roles_by_text(text, "en")
    assert roles["— Petra Lang (@mayorlang) March 3, 2026"] == Role.BOILERPLATE
    assert roles["The bridge is coming, finally."] == Role.BOILERPLATE
    assert roles[MORE_EN] == Role.BODY


def test_sign_off_code_and_agency_credit_closing_the_text_are_furniture() -> None:
    text = f"Neue Brücke für Kessingen\n{BODY_DE}\n{MORE_DE} (abc, mit dpa)\nJ.Roe--EM\n"
    roles = roles_by_text(text, "de")
    assert roles["(abc, mit dpa)"] == Role.BOILERPLATE
    assert roles["J.Roe--EM"] == Role.BOILERPLATE
    assert roles[MORE_DE] == Role.BODY


def test_counters_and_top_stories_block_are_furniture() -> None:
    text = (
        "Port Ellery approves new bridge\n"
        "• 1,204 views\n"
        f"{BODY_EN}\n{MORE_EN}\n"
        "Top stories\n"
        "Storm closes schools across the northern coast for a second day\n"
        "Ferry operator cancels winter timetable\n"
    )
    roles = roles_by_text(text, "en")
    assert roles["• 1,204 views"] == Role.BOILERPLATE
    assert roles["Top stories"] == Role.BOILERPLATE
    assert roles["Storm closes schools across the northern coast for a second day"] == Role.BOILERPLATE
    assert roles["Ferry operator cancels winter timetable"] == Role.BOILERPLATE
    assert roles[MORE_EN] == Role.BODY


def test_bare_number_in_a_long_article_middle_stays() -> None:
    body = [f"Absatz {i}: Der Rat beriet am Dienstag über Punkt {i} der Tagesordnung." for i in range(30)]
    text = "\n\n".join(["Neue Brücke für Kessingen", *body[:15], "1.240", *body[15:]]) + "\n"
    assert roles_by_text(text, "de")["1.240"] == Role.BODY


def test_saved_page_with_caption_and_embedded_post_keeps_the_story() -> None:
    from desktop.core.sources.html_extract import extract_page

    markup = (
        "<html><head><title>Bridge approved | Northwind Times</title></head><body><article>"
        "<h1>Port Ellery approves new bridge</h1>"
        f"<p>{BODY_EN}</p>"
        "<figure><img src='a.jpg'><figcaption>The mayor at the old bridge on Monday. "
        "Photo: Jane Roe/Reuters</figcaption></figure>"
        f"<p>{MORE_EN} The old bridge, built in 1921, was closed last year after inspectors found cracks.</p>"
        "<blockquote class='twitter-tweet'><p>Proud of our city today - the new bridge is coming! "
        "<a href='https://t.co/x'>pic.twitter.com/abc123</a></p>&mdash; Petra Lang (@mayorlang) "
        "<a href='#'>March 3, 2026</a></blockquote>"
        "<p>The council will meet again in May to approve the contracts, a spokesman for the city said.</p>"
        "<p>Opposition members said the cost was too high and asked for an independent review.</p>"
        "</article></body></html>"
    )
    text = extract_page(markup).text
    roles = roles_by_text(text, "en")
    assert roles[MORE_EN] == Role.BODY
    assert roles["The old bridge, built in 1921, was closed last year after inspectors found cracks."] == Role.BODY
    assert roles["— Petra Lang (@mayorlang) March 3, 2026"] == Role.BOILERPLATE
    assert roles["Proud of our city today - the new bridge is coming! pic.twitter.com/abc123"] == Role.BOILERPLATE
    assert roles["Opposition members said the cost was too high and asked for an independent review."] == Role.BODY
    assert all(role == Role.BOILERPLATE for sentence, role in roles.items() if "mayor at the old bridge" in sentence)


@pytest.mark.parametrize(
    ("sentence", "language", "reason"),
    [
        ("Jane Roe | March 3, 2026 | 9:15 AM", "en", "dateline"),
        ("1,204 views • 3 min read", "en", "dateline"),
        ("Update, 14:30 Uhr", "de", "timestamp"),
        ("UPDATE: 10:15 GMT", "en", "timestamp"),
        ("Kommentare (12)", "de", "link"),
        ("Teilen auf WhatsApp", "de", "link"),
        ("Audio: Erika Muster im Gespräch mit der Bürgermeisterin", "de", "credit"),
        ("Podcast: How the bridge vote was won", "en", "credit"),
        ("Inhaltsverzeichnis", "de", "link"),
    ],
)
def test_header_line_variants_are_furniture(sentence: str, language: str, reason: str) -> None:
    assert boilerplate_reason(sentence, language) == reason


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("Update: Police now say three people died in the fire.", "en"),
        ("Update 2: the council voted to build the bridge after all.", "en"),
        ("Updated figures show 19 drones entered the country's airspace.", "en"),
    ],
)
def test_update_with_news_after_it_stays_news(sentence: str, language: str) -> None:
    assert boilerplate_reason(sentence, language) == ""
