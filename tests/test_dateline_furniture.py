"""Datelines and agency tags opening a paragraph are furniture cut off from the news sentence (issue 13);
a sentence that only looks like one stays whole. Every text here is invented."""

from __future__ import annotations

import pytest

from desktop.core.model import Role
from desktop.core.text.segmentation import segment


def spans(text: str, language: str = "") -> list[tuple[str, Role]]:
    return [(text[s.start : s.end], s.role) for s in segment(text, language)]


@pytest.mark.parametrize(
    ("text", "dateline", "news"),
    [
        (
            "Port Ellery, Apr 3 (PTI) The council said on Thursday it would build a new bridge.",
            "Port Ellery, Apr 3 (PTI)",
            "The council said on Thursday it would build a new bridge.",
        ),
        (
            "KESSINGEN, Sept 10 (Reuters/AFP): Flood barriers were raised along the river on Wednesday.",
            "KESSINGEN, Sept 10 (Reuters/AFP):",
            "Flood barriers were raised along the river on Wednesday.",
        ),
        (
            "BERLIN, 6. Mai (dpa) – Der Stadtrat hat am Dienstag den Bau einer Brücke beschlossen.",
            "BERLIN, 6. Mai (dpa) –",
            "Der Stadtrat hat am Dienstag den Bau einer Brücke beschlossen.",
        ),
        (
            "Kessingen, 3. März – Die Feuerwehr war mit 40 Kräften im Einsatz.",
            "Kessingen, 3. März –",
            "Die Feuerwehr war mit 40 Kräften im Einsatz.",
        ),
        (
            "Riga, March 3, 2026 — The three Baltic states agreed on a joint air patrol.",
            "Riga, March 3, 2026 —",
            "The three Baltic states agreed on a joint air patrol.",
        ),
        (
            "PORT ELLERY — Bus drivers walked out on Monday over a pay dispute.",
            "PORT ELLERY —",
            "Bus drivers walked out on Monday over a pay dispute.",
        ),
    ],
)
def test_dateline_is_cut_off_as_furniture_and_the_news_stays(text: str, dateline: str, news: str) -> None:
    assert spans(text)[:2] == [(dateline, Role.BOILERPLATE), (news, Role.BODY)]


@pytest.mark.parametrize(
    "text",
    [
        "Scholz: Wir werden die Vertrauensfrage im Januar stellen, sagte der Kanzler.",
        "Berlin – die Stadt der Baustellen – bekommt einen neuen Bahnhof.",
        "Am Montag, 3. März – dem Tag der Wahl – blieben viele Menschen zu Hause.",
        "NATO – das Bündnis hat sich auf eine gemeinsame Antwort geeinigt.",
        "Jane Roe (AP) said the tariffs would stay in place for the time being.",
        "Petra Lang (CDU) sagte am Montag, die Koalition stehe zu dem Projekt.",
    ],
)
def test_sentence_that_only_looks_like_a_dateline_stays_whole(text: str) -> None:
    assert spans(text) == [(text, Role.BODY)]


def test_dateline_line_of_its_own_is_furniture() -> None:
    text = (
        "Baltic states agree on joint air patrol\n"
        "Riga • Baltic Wire\n"
        "The three Baltic states agreed on Tuesday to patrol their airspace together.\n"
    )
    assert ("Riga • Baltic Wire", Role.BOILERPLATE) in spans(text, "en")
