"""What was planted in ``resources/samples``, written out literally so tests can check the pipeline finds it.

Sentences are named by a substring that occurs in exactly one sentence of one article (case-sensitive, after
folding runs of whitespace to one space), so the expectations survive small segmentation changes but still fail
when a sentence is cut in the wrong place. Article ids follow file-name order: A, B, C.
``resources/samples/README.md`` describes the same features for people.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Ref = tuple[str, str]
"""(article id, substring naming one sentence)."""


@dataclass(frozen=True)
class FactTruth:
    """A fact in ``article`` (any extracted fact whose text contains ``key``) and who must or must not lack it."""

    article: str
    key: str
    kind: str | None  # None where "number" and "date" are both fair (a bare year)
    missing_from: tuple[str, ...] = ()
    present_in: tuple[str, ...] = ()


@dataclass(frozen=True)
class SampleTruth:
    folder: str
    files: tuple[str, ...]
    languages: tuple[str, ...]
    # Articles written without page furniture: every sentence is the title or body, and exactly this many.
    clean_sentence_counts: dict[str, int]
    # Exact sentence texts a segmenter must cut whole (abbreviations, ordinal dates, quotes).
    whole_sentences: tuple[Ref, ...]
    titles: tuple[Ref, ...]
    boilerplate: tuple[Ref, ...]
    commentary: tuple[Ref, ...]
    # Articles in which no sentence is commentary, and single sentences elsewhere that are reporting.
    neutral_articles: tuple[str, ...]
    neutral: tuple[Ref, ...]
    # Each tuple: sentences that must land in one alignment group (splits and merges list every part);
    # different tuples must land in different groups.
    same_group: tuple[tuple[Ref, ...], ...]
    identical: tuple[Ref, ...]
    reworded: tuple[Ref, ...]
    unique: tuple[Ref, ...]
    missing_facts: tuple[FactTruth, ...]
    present_facts: tuple[FactTruth, ...]
    # Lower bounds for the JSON summary of the partisan article (planted commentary, facts it lacks).
    min_commentary: dict[str, int] = field(default_factory=dict)
    min_missing_facts: dict[str, int] = field(default_factory=dict)


GERMAN = SampleTruth(
    folder="de",
    files=("1-agentur.txt", "2-kommentar.txt", "3-kurzmeldung.txt"),
    languages=("de", "de", "de"),
    clean_sentence_counts={"A": 21, "C": 8},
    whole_sentences=(
        (
            "A",
            "Der Vertrag verpflichte den Käufer, alle drei Standorte, z. B. die Geburtsstation in Ostheim, "
            "mindestens zehn Jahre lang weiterzubetreiben.",
        ),
        ("A", "Oberbürgermeister Dr. Ulrich Hassberg (parteilos) verteidigte den Verkauf nach der Sitzung."),
        ("A", "„Ohne einen starken Partner hätte das Klinikum spätestens 2027 schließen müssen“, sagte Hassberg."),
        ("A", "Der Vertrag soll zum 1. April 2026 wirksam werden, sofern das Bundeskartellamt zustimmt."),
        (
            "A",
            "Die Beschäftigten sollen am Donnerstag, 16. Oktober, in einer Betriebsversammlung über die "
            "Einzelheiten informiert werden.",
        ),
        ("B", "Käuferin ist die Vestalis Gesundheit AG aus Hannover."),
        (
            "B",
            "Zur Erinnerung: Vor der Kommunalwahl 2021 hatte Hassberg versprochen, das Klinikum bleibe "
            "„in Bürgerhand“.",
        ),
        (
            "B",
            "Wer glaubt ernsthaft, dass ein Konzern eine defizitäre Geburtsstation aus Nächstenliebe weiterbetreibt?",
        ),
    ),
    titles=(
        ("A", "Marlbacher Stadtrat stimmt für Verkauf"),
        ("B", "Ausverkauf im Rathaus: Marlbach verscherbelt sein Klinikum"),
        ("C", "Marlbach verkauft Klinikum an privaten Betreiber"),
    ),
    boilerplate=(
        ("B", "© Petra Auer"),
        ("B", "Mehr zum Thema - Private Klinikkonzerne"),
        ("B", "Mit einer Spende ab 5 Euro"),
        ("B", "Jetzt den kostenlosen Newsletter abonnieren"),
    ),
    commentary=(
        ("B", "Einmal mehr zeigt sich"),
        ("B", "Wer glaubt ernsthaft"),
        ("B", "Zur Erinnerung:"),
        ("B", "ein schwarzer Tag für Marlbach"),
        ("B", "Es bleibt zu hoffen"),
        ("B", "Rathaus-Machthaber Ulrich Hassberg"),
    ),
    neutral_articles=("A", "C"),
    neutral=(
        ("B", "Die sogenannte Standortgarantie"),  # a loaded label in a factual sentence: marked, not commentary
        ("B", "Während drinnen über die Zukunft"),
        ("B", "an einen privaten Konzern beschlossen"),
        ("B", "dagegen 19, zwei Mitglieder"),
        ("B", "Käuferin ist die Vestalis"),
        ("B", "schreibt seit Jahren rote Zahlen"),
        ("B", "fand deutliche Worte"),
        ("B", "Die Bürgerliste will den Beschluss rechtlich prüfen lassen"),
        ("B", "6.300 Unterschriften"),
    ),
    same_group=(
        (("A", "an einen privaten Betreiber beschlossen"), ("B", "an einen privaten Konzern beschlossen")),
        # merge: two wire sentences become one
        (
            ("A", "stimmten 27 Ratsmitglieder, dagegen 19."),
            ("A", "Zwei Mitglieder der Fraktion"),
            ("B", "dagegen 19, zwei"),
        ),
        # split: one wire sentence becomes two
        (
            ("A", "Die Vestalis Gesundheit AG aus Hannover zahlt"),
            ("B", "Käuferin ist die Vestalis"),
            ("B", "Sie zahlt nach"),
        ),
        (("A", "Vor dem Rathaus protestierten während der Sitzung"), ("B", "Während drinnen über die Zukunft")),
        (("A", "schreibt seit Jahren Verluste"), ("B", "schreibt seit Jahren rote Zahlen")),
        (("A", "verteidigte den Verkauf nach der Sitzung"), ("B", "verteidigte den Ausverkauf")),
        (("A", "Der Vertrag verpflichte den Käufer"), ("B", "Die sogenannte Standortgarantie")),
        (("A", "„Wir verkaufen die Gesundheit unserer Stadt"), ("B", "fand deutliche Worte")),
        (("A", "6.300 Unterschriften"), ("B", "6.300 Unterschriften")),
        (("A", "Für einen Bürgerentscheid"), ("B", "Für einen Bürgerentscheid")),
    ),
    identical=(
        ("A", "Für einen Bürgerentscheid wären 7.500"),
        ("B", "Für einen Bürgerentscheid wären 7.500"),
        ("A", "in einer Betriebsversammlung"),
        ("B", "in einer Betriebsversammlung"),
    ),
    reworded=(
        ("A", "schreibt seit Jahren Verluste"),
        ("B", "schreibt seit Jahren rote Zahlen"),
        ("B", "verteidigte den Ausverkauf"),
        ("B", "Die sogenannte Standortgarantie"),
        ("B", "Während drinnen über die Zukunft"),
    ),
    unique=(
        ("A", "Vestalis-Vorstandschef Martin Oehlke"),
        ("A", "Im vergangenen Jahr lag das Defizit"),
        ("A", "Der Betriebsrat hatte zuvor"),
        ("A", "„Ohne einen starken Partner"),
        ("B", "Einmal mehr zeigt sich"),
        ("B", "Wer glaubt ernsthaft"),
        ("B", "Zur Erinnerung:"),
        ("B", "ein schwarzer Tag für Marlbach"),
        ("B", "Es bleibt zu hoffen"),
    ),
    missing_facts=(
        FactTruth("A", "Oehlke", "name", missing_from=("B", "C")),
        FactTruth("A", "11,2", "number", missing_from=("B", "C")),
        FactTruth("A", "1. April", "date", missing_from=("B", "C")),
        FactTruth("A", "Ohne einen starken Partner", "quote", missing_from=("B", "C")),
        FactTruth("B", "2021", None, missing_from=("A", "C")),
    ),
    present_facts=(
        FactTruth("A", "48,5", "number", present_in=("B", "C")),
        FactTruth("A", "1.240", "number", present_in=("B", "C")),
        FactTruth("A", "800", "number", present_in=("B", "C")),
        FactTruth("A", "Hassberg", "name", present_in=("B", "C")),
        FactTruth("A", "Vestalis", "name", present_in=("B", "C")),
        FactTruth("B", "6.300", "number", present_in=("A",)),
        FactTruth("B", "Kowalczyk", "name", present_in=("A",)),
    ),
    min_commentary={"B": 7},
    min_missing_facts={"B": 4},
)


ENGLISH = SampleTruth(
    folder="en",
    files=("1-wire.txt", "2-partisan.txt", "3-brief.txt"),
    languages=("en", "en", "en"),
    clean_sentence_counts={"A": 19, "C": 7},
    whole_sentences=(
        ("A", "The walkout began at 4 a.m. on March 9 and is scheduled to last 72 hours, the union said."),
        ("A", "Transit experts said it was the largest bus strike in a mid-sized U.S. city since 2019."),
        (
            "A",
            "Dr. Renata Voss, a labor economist at Halden University, estimated that the strike could cost local "
            "businesses about $3.2 million a day.",
        ),
        (
            "A",
            "“Our drivers have gone two years without a contract, and they are done waiting,” said Dana Whitcombe, "
            "president of Local 417.",
        ),
        ("B", "The strike, which began at 4 a.m., is supposed to last 72 hours."),
        ("B", "Anything more, he said, would mean raising fares."),
        ("C", "Port Ellery’s bus drivers began a 72-hour strike on Monday, shutting down all 62 routes."),
    ),
    titles=(
        ("A", "Port Ellery bus drivers walk off the job after contract talks collapse"),
        ("B", "Union bosses strand 140,000 riders"),
        ("C", "Bus strike halts Port Ellery transit"),
    ),
    boilerplate=(
        ("B", "By Kyle Brandt, Staff Reporter"),
        ("B", "© Ellery Standard / J. Moreno"),
        ("B", "Share this story"),
        ("B", "Sign up for our newsletter"),
    ),
    commentary=(
        ("B", "Once again, the city’s commuters"),
        ("B", "Who will speak up for the nurse"),
        ("B", "It is hard to see how"),
        ("B", "The so-called “fair contract” campaign"),
        ("B", "The union bosses are demanding"),
    ),
    neutral_articles=("A", "C"),
    neutral=(
        ("B", "walked off the job early Monday"),
        ("B", "The strike, which began at 4 a.m."),
        ("B", "weekday, and many of them"),
        ("B", "Anything more, he said"),
        ("B", "“We have put a fair offer on the table"),
        ("B", "Traffic on the Harbor Bridge backed up"),
        ("B", "The mayor urged both sides"),
        ("B", "Drivers have been working without a contract"),
    ),
    same_group=(
        (("A", "PORT ELLERY (Meridian Wire)"), ("B", "walked off the job early Monday")),
        (("A", "The walkout began at 4 a.m."), ("B", "The strike, which began at 4 a.m.")),
        # merge: two wire sentences become one
        (
            ("A", "140,000 riders on a typical weekday."),
            ("A", "Many of them were left"),
            ("B", "weekday, and many of them"),
        ),
        # split: one wire sentence becomes two
        (
            ("A", "could afford without raising fares"),
            ("B", "the system could afford."),
            ("B", "Anything more, he said"),
        ),
        (("A", "The union is seeking raises"), ("B", "The union bosses are demanding raises")),
        (("A", "Traffic on the Harbor Bridge was backed up"), ("B", "Traffic on the Harbor Bridge backed up")),
        (("A", "Mayor Linda Achterberg urged"), ("B", "The mayor urged both sides")),
        (("A", "Transit experts said"), ("B", "Experts said it was the largest")),
        (("A", "Paratransit service for riders"), ("B", "The agency said paratransit")),
        (("A", "Drivers have been working without"), ("B", "Drivers have been working without")),
        (("A", "Dr. Renata Voss"), ("B", "Dr. Renata Voss")),
        (("A", "“We have put a fair offer"), ("B", "“We have put a fair offer")),
    ),
    identical=(
        ("A", "Drivers have been working without a contract since January 2024."),
        ("B", "Drivers have been working without a contract since January 2024."),
        ("A", "Dr. Renata Voss"),
        ("B", "Dr. Renata Voss"),
        ("A", "“We have put a fair offer"),
        ("B", "“We have put a fair offer"),
    ),
    reworded=(
        ("A", "PORT ELLERY (Meridian Wire)"),
        ("B", "walked off the job early Monday"),
        ("B", "The union bosses are demanding raises"),
        ("B", "Traffic on the Harbor Bridge backed up"),
        ("B", "The mayor urged both sides"),
    ),
    unique=(
        ("A", "Picket lines formed"),
        ("A", "About 1,850 drivers"),
        ("A", "“Our drivers have gone two years"),
        ("A", "School officials said"),
        ("B", "Once again, the city’s commuters"),
        ("B", "Who will speak up for the nurse"),
        ("B", "It is hard to see how"),
        ("B", "The so-called “fair contract” campaign"),
    ),
    missing_facts=(
        FactTruth("A", "Achterberg", "name", missing_from=("B",), present_in=("C",)),
        FactTruth("A", "1,850", "number", missing_from=("B", "C")),
        FactTruth("A", "March 12", "date", missing_from=("B", "C")),
        FactTruth("A", "Our drivers have gone two years", "quote", missing_from=("B", "C")),
        FactTruth("A", "Whitcombe", "name", missing_from=("B", "C")),
    ),
    present_facts=(
        FactTruth("A", "3.2 million", "number", present_in=("B",)),
        FactTruth("A", "140,000", "number", present_in=("B", "C")),
        FactTruth("A", "14%", "number", present_in=("B", "C")),
        FactTruth("A", "Lasko", "name", present_in=("B",)),
        FactTruth("A", "Renata Voss", "name", present_in=("B",)),
        FactTruth("B", "January 2024", "date", present_in=("A",)),
    ),
    min_commentary={"B": 5},
    min_missing_facts={"B": 4},
)


CROSS = SampleTruth(
    folder="cross",
    files=("1-de.txt", "2-en.txt"),
    languages=("de", "en"),
    clean_sentence_counts={"A": 12, "B": 13},
    whole_sentences=(
        ("A", "„Wir haben großes Glück gehabt, dass niemand ums Leben gekommen ist“, sagte Ashdown."),
        ("B", "“We were very lucky that nobody was killed,” Ashdown said."),
    ),
    titles=(
        ("A", "Erdrutsch in Calverley Bay: Zwölf Häuser zerstört"),
        ("B", "Landslide destroys 12 homes in Calverley Bay"),
    ),
    boilerplate=(),
    commentary=(("B", "it is hard to see how the council"),),
    neutral_articles=("A",),
    neutral=(
        ("B", "A landslide destroyed 12 homes"),
        ("B", "Residents of the Northwood neighbourhood"),
        ("B", "“We were very lucky"),
        ("B", "The council commissioned a report"),
    ),
    same_group=(
        (("A", "Ein Erdrutsch hat in der Küstenstadt"), ("B", "A landslide destroyed 12 homes")),
        (("A", "zwei Menschen leicht verletzt"), ("B", "Two people suffered minor injuries")),
        (("A", "Rund 340 Anwohner"), ("B", "Residents of the Northwood neighbourhood")),
        (("A", "starker Dauerregen"), ("B", "persistent heavy rain")),
        (("A", "Abschnitt der Steilküste"), ("B", "A section of cliff")),
        (("A", "großes Glück gehabt"), ("B", "We were very lucky")),
        (("A", "Die Küstenstraße zwischen"), ("B", "The coast road between")),
        (("A", "Schaulustige"), ("B", "onlookers")),
        (("A", "Geologen sollen"), ("B", "Geologists are due")),
        (("A", "Gutachten zur Stabilität"), ("B", "commissioned a report")),
        (("A", "Soforthilfen"), ("B", "emergency aid")),
    ),
    identical=(),
    reworded=(("A", "Ein Erdrutsch hat in der Küstenstadt"), ("B", "Two people suffered minor injuries")),
    unique=(("B", "it is hard to see how the council"),),
    missing_facts=(
        FactTruth("B", "Northwood", "name", missing_from=("A",)),
        FactTruth("A", "340", "number", missing_from=("B",)),
    ),
    present_facts=(
        FactTruth("A", "Ashdown", "name", present_in=("B",)),
        FactTruth("A", "Penmorrow", "name", present_in=("B",)),
        FactTruth("A", "Claire Dunmore", "name", present_in=("B",)),
        FactTruth("A", "7. Februar", "date", present_in=("B",)),
        FactTruth("A", "180", "number", present_in=("B",)),
        FactTruth("A", "200", "number", present_in=("B",)),
        FactTruth("A", "2023", None, present_in=("B",)),
        FactTruth("B", "February 7", "date", present_in=("A",)),
        # A quote translated in the aligned sentence is the same statement, not an omission.
        FactTruth("A", "Wir haben großes Glück", "quote", present_in=("B",)),
        FactTruth("B", "We were very lucky", "quote", present_in=("A",)),
    ),
    min_commentary={"B": 1},
    min_missing_facts={"A": 1, "B": 1},
)

SAMPLES = {"de": GERMAN, "en": ENGLISH, "cross": CROSS}

# The saved web page should yield the wire report's paragraphs and meta data, and none of the page chrome.
HTML_SAMPLE = "formats/meridian-wire-bus-strike.html"
HTML_SAMPLE_SAME_AS = "en/1-wire.txt"
HTML_SAMPLE_META = {
    "title": "Port Ellery bus drivers walk off the job after contract talks collapse",
    "source": "Meridian Wire",
    "published": "2026-03-09",
}
HTML_SAMPLE_NOT_IN_TEXT = (
    "ADVERTISEMENT",
    "Harborline Mobile",
    "Privacy policy",
    "Sign in",
    "Ellery teachers ratify",
    "Harbor Index",
)
MARKDOWN_SAMPLE = "formats/ellery-standard-bus-strike.md"
MARKDOWN_SAMPLE_SAME_AS = "en/2-partisan.txt"
# Paragraphs of the .txt the Markdown words differently (byline with a link, image instead of a credit, link bar).
MARKDOWN_SAMPLE_FURNITURE = ("By Kyle Brandt", "Photo:", "Share this story", "Sign up for our newsletter")
MARKDOWN_SAMPLE_NOT_IN_TEXT = ("**", "](", "# ", "![", "> “")
