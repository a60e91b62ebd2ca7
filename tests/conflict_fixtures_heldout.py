"""A second set of invented stories for ``desktop.core.detect.conflicts``, written after the detector was tuned on
``conflict_fixtures.py``: its figures say how the rules carry to phrasings they were not shaped on. Same format;
all events, places and people are made up.

First run: 12 planted, 11 near-misses, precision 0.83, recall 0.83 — a date after "said" taken for the source,
a source shown as its head word only ("officers" for "Coastguard officers"), and an office outside the lexicon
("Transport Secretary"). Those three were fixed, so the set is no longer unseen; write another for a fresh figure.
"""

from __future__ import annotations

from conflict_fixtures import NearMiss, Planted, Story

HELD_OUT: tuple[Story, ...] = (
    Story(
        "stadium crush (en/en)",
        ("en", "en"),
        ("Crush at Redmoor stadium", "Crush at Redmoor stadium"),
        (
            (
                "Nine fans were taken to hospital after the crush at the north stand.",
                "Seventeen fans were taken to hospital after the crush at the north stand.",
                Planted("number", "Nine", "Seventeen"),
            ),
            (
                "The match, watched by 31,000 spectators, was abandoned in the second half.",
                "The match, watched by 31,250 spectators, was abandoned in the second half.",
                NearMiss("a round attendance against the exact one"),
            ),
            (
                "The club's chief executive, Martin Oakes, said an inquiry would begin on Monday.",
                "The club's chief executive, Martin Oakes, said an inquiry would begin on Tuesday.",
                Planted("date", "Monday", "Tuesday"),
            ),
            (
                "Stewards had allegedly opened a locked gate before kick-off.",
                "Stewards had opened a locked gate before kick-off.",
                Planted("certainty", "allegedly", ""),
            ),
            (
                "Ambulance crews treated 40 people at the ground, the ambulance service said.",
                "Ambulance crews treated 40 people at the ground, according to the ambulance service.",
                NearMiss("the same source and figure"),
            ),
            (
                "The stadium, which holds 35,000, was last inspected in 2023.",
                "The stadium, which holds 35,000, was last inspected in 2023.",
                NearMiss("identical figures and year"),
            ),
        ),
    ),
    Story(
        "Tarifeinigung (de/de)",
        ("de", "de"),
        ("Einigung im Tarifstreit", "Einigung im Tarifstreit"),
        (
            (
                "Die Beschäftigten erhalten ab Juli 5,5 Prozent mehr Gehalt.",
                "Die Beschäftigten erhalten ab Juli 4,5 Prozent mehr Gehalt.",
                Planted("number", "5,5", "4,5"),
            ),
            (
                "Der Vertrag läuft 24 Monate.",
                "Der Vertrag läuft zwei Jahre.",
                NearMiss("the same span in another unit"),
            ),
            (
                "Verhandlungsführerin Petra Lindqvist sprach von einem fairen Kompromiss.",
                "Verhandlungsführerin Petra Lindqvist sprach von einem fairen Kompromiss.",
                NearMiss("identical sentence"),
            ),
            (
                "Die Einigung wurde laut Gewerkschaft in der Nacht zum Freitag erzielt.",
                "Die Einigung wurde laut Arbeitgeberverband in der Nacht zum Freitag erzielt.",
                Planted("attribution", "Gewerkschaft", "Arbeitgeberverband"),
            ),
            (
                "Die Mitglieder werden dem Ergebnis zustimmen.",
                "Die Mitglieder dürften dem Ergebnis zustimmen.",
                Planted("certainty", "werden", "dürften"),
            ),
            (
                "Rund 120.000 Beschäftigte im Land profitieren von dem Abschluss.",
                "Gut 118.000 Beschäftigte im Land profitieren von dem Abschluss.",
                NearMiss("two approximate figures"),
            ),
        ),
    ),
    Story(
        "Erdrutsch (de/en)",
        ("de", "en"),
        ("Erdrutsch verschüttet Straße", "Landslide buries road"),
        (
            (
                "Der Erdrutsch ereignete sich am Sonntagmorgen nahe Bergheim.",
                "The landslide happened on Sunday morning near Talbach.",
                Planted("place", "Bergheim", "Talbach"),
            ),
            (
                "Sechs Häuser wurden evakuiert.",
                "Eight houses were evacuated.",
                Planted("number", "Sechs", "Eight"),
            ),
            (
                "Bürgermeister Anton Reiter wird am Montag mit Geologen sprechen.",
                "Mayor Anton Reiter will speak to geologists on Monday.",
                NearMiss("office and name in two languages, same certainty"),
            ),
            (
                "Die Straße bleibt nach Angaben der Behörden mindestens zwei Wochen gesperrt.",
                "The road will stay closed for at least two weeks, authorities said.",
                NearMiss("the same source in two languages"),
            ),
            (
                "Der Schaden liegt bei etwa 3 Millionen Euro.",
                "Damage is put at around 3 million euros.",
                NearMiss("one approximate figure in two languages"),
            ),
        ),
    ),
    Story(
        "ferry delay (en/en)",
        ("en", "en"),
        ("Ferry service suspended", "Ferry service suspended"),
        (
            (
                "Harbour master Lucy Graves suspended all crossings at 7:15 a.m.",
                "Harbour master Lucy Graves suspended all crossings at 9:40 a.m.",
                Planted("date", "7:15", "9:40"),
            ),
            (
                "The ferry operator said more than 1,500 passengers were stranded.",
                "The ferry operator said 1,640 passengers were stranded.",
                NearMiss("a lower bound the figure meets"),
            ),
            (
                "Crossings will resume once winds drop below 40 knots.",
                "Crossings will resume once winds drop below 40 knots.",
                NearMiss("identical sentence"),
            ),
            (
                "Transport Secretary Alan Firth called the disruption unacceptable.",
                "Former Transport Secretary Alan Firth called the disruption unacceptable.",
                Planted("name", "Transport Secretary Alan Firth", "Former Transport Secretary Alan Firth"),
            ),
            (
                "The storm is expected to reach the coast in Brayford.",
                "The storm is expected to reach the coast in Kelham.",
                Planted("place", "Brayford", "Kelham"),
            ),
            (
                "Police said two vans had been blown over on the harbour road.",
                "Coastguard officers said two vans had been blown over on the harbour road.",
                Planted("attribution", "Police", "Coastguard"),
            ),
        ),
    ),
)
