"""Long German/English document pairs whose sentences are translations of each other, with the true pairs.

Every sentence comes from a pair of templates written for this benchmark (German and English, the same
statement), filled with the same invented names, places, numbers and weekday on both sides, so the German
document and its English counterpart say the same thing sentence by sentence. The English side is then edited
as ``bench_end_to_end`` edits a pre-split document: 8 % of its sentences deleted, 8 % new ones inserted and 10 %
moved in blocks of five (a translation is already a rewording, so nothing is reworded on top). Deterministic for a
given seed.
"""

from __future__ import annotations

import random
from pathlib import Path

from benchmarks.synthetic_articles import _SYLLABLES, Documents, edited_pair

# (German, English): one statement each, with the slots {person}, {place}, {number}, {day}.
TEMPLATES: tuple[tuple[str, str], ...] = (
    (
        "Der Gemeinderat von {place} hat am {day} einen neuen Haushalt beschlossen.",
        "The council of {place} passed a new budget on {day}.",
    ),
    (
        "Nach Angaben der Polizei wurden bei dem Unfall {number} Menschen verletzt.",
        "According to the police, {number} people were injured in the accident.",
    ),
    (
        "{person} sagte, die Entscheidung sei nach langen Beratungen gefallen.",
        "{person} said the decision had been reached after long deliberations.",
    ),
    (
        "Die Brücke über den Fluss bleibt bis auf Weiteres gesperrt.",
        "The bridge over the river will remain closed until further notice.",
    ),
    (
        "Rund {number} Beschäftigte legten am {day} die Arbeit nieder.",
        "Around {number} workers walked off the job on {day}.",
    ),
    (
        "Die Gewerkschaft fordert eine Lohnerhöhung von {number} Prozent.",
        "The union is demanding a pay rise of {number} percent.",
    ),
    (
        "Der Bürgermeister von {place} lehnte eine Stellungnahme ab.",
        "The mayor of {place} declined to comment.",
    ),
    (
        "Die Feuerwehr war mit {number} Einsatzkräften vor Ort.",
        "The fire brigade sent {number} firefighters to the scene.",
    ),
    (
        "Anwohner beklagen seit Monaten den Lärm auf der Baustelle.",
        "Residents have been complaining about the noise from the building site for months.",
    ),
    (
        "Das Krankenhaus in {place} soll bis Ende des Jahres verkauft werden.",
        "The hospital in {place} is to be sold by the end of the year.",
    ),
    (
        "{person} kündigte an, gegen den Beschluss zu klagen.",
        "{person} announced plans to challenge the decision in court.",
    ),
    (
        "Die Verhandlungen sollen am {day} fortgesetzt werden.",
        "Talks are due to resume on {day}.",
    ),
    (
        "Nach Schätzungen der Stadt kostet das Projekt {number} Millionen Euro.",
        "The city estimates that the project will cost {number} million euros.",
    ),
    (
        "Viele Pendler mussten am Morgen auf das Auto umsteigen.",
        "Many commuters had to switch to their cars in the morning.",
    ),
    (
        "Die Opposition warf der Regierung vor, die Bürger nicht informiert zu haben.",
        "The opposition accused the government of failing to inform the public.",
    ),
    (
        "In {place} fiel am {day} für mehrere Stunden der Strom aus.",
        "Power went out for several hours in {place} on {day}.",
    ),
    (
        "Die Schule bleibt wegen eines Wasserschadens geschlossen.",
        "The school remains closed because of water damage.",
    ),
    (
        "{person}, die Sprecherin des Unternehmens, bestätigte die Pläne.",
        "{person}, the company's spokeswoman, confirmed the plans.",
    ),
    (
        "Insgesamt gingen bei der Behörde {number} Beschwerden ein.",
        "In total, the authority received {number} complaints.",
    ),
    (
        "Der Zugverkehr zwischen {place} und der Hauptstadt wurde eingestellt.",
        "Rail services between {place} and the capital were suspended.",
    ),
    (
        "Experten rechnen mit weiteren Verzögerungen beim Bau.",
        "Experts expect further delays to the construction work.",
    ),
    (
        "Die Polizei nahm am {day} einen Verdächtigen fest.",
        "Police arrested a suspect on {day}.",
    ),
    (
        "Der Verein zählt inzwischen mehr als {number} Mitglieder.",
        "The club now has more than {number} members.",
    ),
    (
        "{person} warnte vor den Folgen für die Umwelt.",
        "{person} warned of the consequences for the environment.",
    ),
    (
        "Die Preise für Lebensmittel sind im vergangenen Jahr deutlich gestiegen.",
        "Food prices rose sharply over the past year.",
    ),
    (
        "Das Museum in {place} öffnet nach der Renovierung wieder seine Türen.",
        "The museum in {place} is reopening its doors after the renovation.",
    ),
    (
        "Die Abstimmung endete mit {number} zu {number} Stimmen.",
        "The vote ended with {number} votes to {number}.",
    ),
    (
        "Ein Sprecher des Ministeriums wollte sich zu den Vorwürfen nicht äußern.",
        "A spokesman for the ministry would not comment on the allegations.",
    ),
    (
        "Die Straße wird ab {day} für den Verkehr freigegeben.",
        "The road will be opened to traffic from {day}.",
    ),
    (
        "Laut {person} fehlen in der Region mehrere hundert Pflegekräfte.",
        "According to {person}, the region is short of several hundred nurses.",
    ),
    (
        "Der Sturm hat in {place} zahlreiche Bäume entwurzelt.",
        "The storm uprooted numerous trees in {place}.",
    ),
    (
        "Die Ermittlungen dauern nach Angaben der Staatsanwaltschaft an.",
        "The investigation is continuing, according to prosecutors.",
    ),
    (
        "Der Konzern will in {place} {number} neue Arbeitsplätze schaffen.",
        "The group plans to create {number} new jobs in {place}.",
    ),
    (
        "Kritiker halten den Plan für überstürzt.",
        "Critics consider the plan rushed.",
    ),
    (
        "Am {day} demonstrierten Tausende gegen die Schließung des Werks.",
        "Thousands protested against the closure of the plant on {day}.",
    ),
    (
        "{person} trat nach {number} Jahren im Amt zurück.",
        "{person} resigned after {number} years in office.",
    ),
    (
        "Die Wasserversorgung in {place} ist wiederhergestellt.",
        "The water supply in {place} has been restored.",
    ),
    (
        "Die Mieten in der Innenstadt haben sich binnen zehn Jahren fast verdoppelt.",
        "Rents in the city centre have almost doubled in ten years.",
    ),
    (
        "Das Gericht vertagte die Entscheidung auf den {day}.",
        "The court adjourned its ruling until {day}.",
    ),
    (
        "Nach dem Brand mussten {number} Bewohner ihre Wohnungen verlassen.",
        "After the fire, {number} residents had to leave their homes.",
    ),
)

_DAYS = (
    ("Montag", "Monday"),
    ("Dienstag", "Tuesday"),
    ("Mittwoch", "Wednesday"),
    ("Donnerstag", "Thursday"),
    ("Freitag", "Friday"),
    ("Samstag", "Saturday"),
    ("Sonntag", "Sunday"),
)


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _pair(rng: random.Random) -> tuple[str, str]:
    """One statement in both languages, its slots filled alike."""
    german, english = rng.choice(TEMPLATES)
    person, place = f"{_word(rng)} {_word(rng)}", _word(rng) + rng.choice(("", "burg", "ford", "feld"))
    day = rng.choice(_DAYS)
    numbers = [str(rng.randint(2, 9000)) for _ in range(german.count("{number}"))]
    filled = []
    for side, template in enumerate((german, english)):
        text = template.replace("{day}", day[side])
        for number in numbers:
            text = text.replace("{number}", number, 1)
        filled.append(text.format(person=person, place=place))
    return filled[0], filled[1]


def _statements(n: int, rng: random.Random) -> tuple[list[str], dict[str, str]]:
    """``n`` German sentences and each one's English translation."""
    pairs = [_pair(rng) for _ in range(n)]
    return [german for german, _ in pairs], dict(pairs)


def bilingual_pair(n: int, folder: Path, seed: int = 13) -> Documents:
    """A German document of ``n`` sentences and its English counterpart, edited, one sentence a line."""
    rng = random.Random(seed)
    german, translation = _statements(n, rng)
    folder.mkdir(parents=True, exist_ok=True)
    return edited_pair(
        german,
        translation.__getitem__,
        lambda: _pair(rng)[1],
        rng,
        folder / f"{n}-de.txt",
        folder / f"{n}-en.txt",
        reworded=1.0,  # every sentence translated
    )


Truth = set[tuple[int, int]]


def bilingual_trio(n: int, folder: Path, seed: int = 13) -> tuple[list[Path], dict[tuple[int, int], Truth]]:
    """A German document of ``n`` sentences and two English counterparts, each edited on its own, as two outlets
    would carry one agency report: the three files and the true pairs of each two (by their place in the list);
    the two English ones pair where both kept a German sentence."""
    rng = random.Random(seed)
    german, translation = _statements(n, rng)
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"{n}-de.txt", folder / f"{n}-en-1.txt", folder / f"{n}-en-2.txt"]
    truths = [
        edited_pair(german, translation.__getitem__, lambda: _pair(rng)[1], rng, paths[0], path, reworded=1.0)[2]
        for path in paths[1:]
    ]
    first: dict[int, list[int]] = {}
    for i, j in truths[0]:
        first.setdefault(i, []).append(j)
    between = {(j, k) for i, k in truths[1] for j in first.get(i, ())}
    return paths, {(0, 1): truths[0], (0, 2): truths[1], (1, 2): between}
