"""Invented two-outlet stories with planted disagreements and near-misses, for ``desktop.core.detect.conflicts``.

Each story is two short articles (German, English, or one of each) whose sentences pair up one to one. A pair
either plants one conflict — ``Planted(kind, words in A, words in B)``, where "" stands for a statement the
outlet does not make (an unattributed claim, a plain verb) — or is a near-miss: two sentences that a careless
reader would call contradictory but that agree (a rounded figure, another unit, the same number counting
something else, a name spelled another way). Every other word of a pair says the same thing, so anything else
reported is a false alarm. All events, places and people are made up.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Planted:
    kind: str
    a: str
    b: str


@dataclass(frozen=True)
class NearMiss:
    why: str


@dataclass(frozen=True)
class Story:
    name: str
    languages: tuple[str, str]
    headlines: tuple[str, str]
    pairs: tuple[tuple[str, str, Planted | NearMiss], ...]

    def texts(self) -> tuple[str, str]:
        a = self.headlines[0] + "\n\n" + " ".join(p[0] for p in self.pairs)
        b = self.headlines[1] + "\n\n" + " ".join(p[1] for p in self.pairs)
        return a, b

    @property
    def planted(self) -> list[Planted]:
        return [p[2] for p in self.pairs if isinstance(p[2], Planted)]

    @property
    def near_misses(self) -> list[NearMiss]:
        return [p[2] for p in self.pairs if isinstance(p[2], NearMiss)]


STORIES: tuple[Story, ...] = (
    Story(
        "harbour strike (en/en)",
        ("en", "en"),
        ("Harbour strike brings Calverley to a halt", "Harbour strike brings Calverley to a halt"),
        (
            (
                "About 20,000 protesters marched through Calverley on Saturday, organisers said.",
                "Some 6,000 protesters marched through Calverley on Saturday, organisers said.",
                Planted("number", "20,000", "6,000"),
            ),
            (
                "The harbour board approved the pay offer with 402 votes to 11.",
                "The harbour board approved the pay offer with 398 votes to 11.",
                Planted("number", "402", "398"),
            ),
            (
                "Mayor Ellen Hartley will open the new ferry terminal next spring.",
                "Mayor Ellen Hartley could open the new ferry terminal next spring.",
                Planted("certainty", "will", "could"),
            ),
            (
                "The walkout at the northern docks began on Thursday morning.",
                "The walkout at the northern docks began on Wednesday morning.",
                Planted("date", "Thursday", "Wednesday"),
            ),
            (
                "Around 6,000 dock workers have joined the stoppage so far.",
                "Exactly 6,012 dock workers have joined the stoppage so far.",
                NearMiss("rounded figure against the exact one"),
            ),
            (
                "The disputed new pier is 400 metres long.",
                "The disputed new pier is 0.25 miles long.",
                NearMiss("another unit"),
            ),
            (
                "Union leader Tom Rudd said the strike would continue until the board gave way.",
                "Union leader Tom Rudd said the strike would continue until the board gave way.",
                NearMiss("identical sentence"),
            ),
        ),
    ),
    Story(
        "Hochwasser (de/de)",
        ("de", "de"),
        ("Hochwasser trifft Ebersdorf schwer", "Hochwasser trifft Ebersdorf schwer"),
        (
            (
                "Beim Hochwasser an der Lenne sind nach Angaben der Feuerwehr drei Menschen ums Leben gekommen.",
                "Beim Hochwasser an der Lenne sind nach Angaben der Feuerwehr fünf Menschen ums Leben gekommen.",
                Planted("number", "drei", "fünf"),
            ),
            (
                "Der Pegel der Lenne erreichte in der Nacht einen Höchststand von 4,80 Meter.",
                "Der Pegel der Lenne erreichte in der Nacht einen Höchststand von 5,20 Meter.",
                Planted("number", "4,80", "5,20"),
            ),
            (
                "Landrat Peter Maibach (CDU) rief für den ganzen Kreis den Katastrophenfall aus.",
                "Landrat Peter Maibach (SPD) rief für den ganzen Kreis den Katastrophenfall aus.",
                Planted("name", "CDU", "SPD"),
            ),
            (
                "Die Polizei sperrte die Bundesstraße zwischen den Dörfern am Mittwoch vollständig.",
                "Die Polizei sperrte die Bundesstraße zwischen den Dörfern am Donnerstag vollständig.",
                Planted("date", "Mittwoch", "Donnerstag"),
            ),
            (
                "Rund 300 Einsatzkräfte waren laut Polizei die ganze Nacht an den Deichen im Einsatz.",
                "Rund 300 Einsatzkräfte waren die ganze Nacht an den Deichen im Einsatz.",
                Planted("attribution", "Polizei", ""),
            ),
            (
                "Mehr als 200 Keller im Ortskern liefen voll, teilte die Stadtverwaltung mit.",
                "Insgesamt 240 Keller im Ortskern liefen voll, teilte die Stadtverwaltung mit.",
                NearMiss("a lower bound the exact figure meets"),
            ),
            (
                "Die Feuerwehr pumpte in der Altstadt 40 Keller leer.",
                "Die Feuerwehr war in der Altstadt mit 65 Fahrzeugen unterwegs und pumpte Keller leer.",
                NearMiss("a different number counting something else"),
            ),
            (
                "Der Wind erreichte in Böen bis zu 90 Kilometer pro Stunde.",
                "Der Wind erreichte in Böen 25 Meter pro Sekunde.",
                NearMiss("another unit"),
            ),
        ),
    ),
    Story(
        "Zugunglück (de/en)",
        ("de", "en"),
        ("Zugunglück bei Rothenbach", "Train crash near Rothenbach"),
        (
            (
                "Bei dem Zugunglück kamen nach Angaben der Polizei zwölf Menschen ums Leben.",
                "Police said fourteen people were killed in the train crash.",
                Planted("number", "zwölf", "fourteen"),
            ),
            (
                "Der Regionalzug war am Dienstag mit 2.300 Fahrgästen unterwegs.",
                "The regional train was carrying 2,300 passengers on Monday.",
                Planted("date", "Dienstag", "Monday"),
            ),
            (
                "Verkehrsministerin Laura Brenner besuchte am Abend die Unglücksstelle.",
                "Transport Minister Laura Brenner visited the scene of the crash in the evening.",
                NearMiss("one person, her office in two languages"),
            ),
            (
                "Der Schaden wird auf 1,2 Millionen Euro geschätzt.",
                "The damage is estimated at 1.2 million euros.",
                NearMiss("one figure in two number formats"),
            ),
            (
                "Die Bahn wird die Strecke nach Angaben eines Sprechers bis Freitag sperren.",
                "The railway could close the line until Friday, a spokesman said.",
                Planted("certainty", "wird", "could"),
            ),
            (
                "Die Unfallstelle liegt in Rothenbach an der Grenze zu Thüringen.",
                "The crash site lies in Wenzelsdorf on the border with Thuringia.",
                Planted("place", "Rothenbach", "Wenzelsdorf"),
            ),
            (
                "Rund 150 Rettungskräfte waren an der Unglücksstelle im Einsatz.",
                "Some 140 rescuers were working at the scene of the crash.",
                NearMiss("two approximate figures within rounding"),
            ),
        ),
    ),
    Story(
        "Bürgermeisterwahl (de/de)",
        ("de", "de"),
        ("Neuer Bürgermeister in Kallstadt", "Neuer Bürgermeister in Kallstadt"),
        (
            (
                "Die Wahlbeteiligung lag bei 48 Prozent.",
                "Die Wahlbeteiligung lag bei 52 Prozent.",
                Planted("number", "48", "52"),
            ),
            (
                "Bürgermeister Jonas Ebert gratulierte seinem Nachfolger am Sonntagabend im Rathaus.",
                "Bürgermeister Martin Fuchs gratulierte seinem Nachfolger am Sonntagabend im Rathaus.",
                Planted("name", "Jonas Ebert", "Martin Fuchs"),
            ),
            (
                "Der neue Bürgermeister will sein Amt am 1. März antreten.",
                "Der neue Bürgermeister will sein Amt am 1. April antreten.",
                Planted("date", "1. März", "1. April"),
            ),
            (
                "Die Stadt hat nach eigenen Angaben 21.000 Einwohner.",
                "Die Stadt hat 21.000 Einwohner.",
                Planted("attribution", "Stadt", ""),
            ),
            (
                "Der Gewinner erhielt knapp 1.000 Stimmen mehr als sein Herausforderer.",
                "Der Gewinner erhielt 980 Stimmen mehr als sein Herausforderer.",
                NearMiss("'knapp 1.000' is just under a thousand"),
            ),
            (
                "Die Stichwahl könnte im Mai wiederholt werden, falls Einsprüche Erfolg haben.",
                "Die Stichwahl könnte im Mai wiederholt werden, falls Einsprüche Erfolg haben.",
                NearMiss("the same hedge in both"),
            ),
            (
                "Die Auszählung endete gegen 20 Uhr.",
                "Die Auszählung endete um 20.05 Uhr.",
                NearMiss("an approximate time against the exact one"),
            ),
        ),
    ),
    Story(
        "drone sightings (en/en)",
        ("en", "en"),
        ("Drones close Penmorrow airport", "Drones close Penmorrow airport"),
        (
            (
                "The airport was closed for 3 hours after the sightings, the operator said.",
                "The airport was closed for 5 hours after the sightings, the operator said.",
                Planted("number", "3", "5"),
            ),
            (
                "Police said at least 19 drones had been seen over the runway.",
                "The army said at least 19 drones had been seen over the runway.",
                Planted("attribution", "Police", "army"),
            ),
            (
                "Flights resumed at 6 p.m. local time.",
                "Flights resumed at 8 p.m. local time.",
                Planted("date", "6 p.m.", "8 p.m."),
            ),
            (
                "The drones were reportedly launched from a fishing boat.",
                "The drones were launched from a fishing boat.",
                Planted("certainty", "reportedly", ""),
            ),
            (
                "The airport handles up to 500 flights a day.",
                "The airport handles 450 flights a day.",
                NearMiss("an upper bound the figure respects"),
            ),
            (
                "Police said the first drone was spotted shortly after 9 a.m.",
                "According to police, the first drone was spotted shortly after 9 a.m.",
                NearMiss("the same source, phrased differently"),
            ),
            (
                "The incident came two days after a similar closure in Lisbury.",
                "The incident came two days after a similar closure in Lisbury.",
                NearMiss("identical sentence with a place"),
            ),
            (
                "Interior Minister Karen Doyle will visit the airport on Friday.",
                "Interior Minister Karen Doyle will visit the airport on Friday, May 8.",
                NearMiss("a weekday and the full date with the same weekday"),
            ),
        ),
    ),
    Story(
        "Parteitag (de/en)",
        ("de", "en"),
        ("Parteitag in Lindau", "Party conference in Lindau"),
        (
            (
                "Der Parteitag findet in Lindau statt.",
                "The party conference is taking place in Konstanz.",
                Planted("place", "Lindau", "Konstanz"),
            ),
            (
                "Parteichefin Sabine Roth wurde mit 87 Prozent der Stimmen wiedergewählt.",
                "Party leader Sabine Roth was re-elected with 78 percent of the vote.",
                Planted("number", "87", "78"),
            ),
            (
                "Ex-Kanzler Walter Grimm sprach als Gastredner.",
                "Chancellor Walter Grimm spoke as a guest speaker.",
                Planted("name", "Ex-Kanzler Walter Grimm", "Chancellor Walter Grimm"),
            ),
            (
                "Der Parteitag wird am Sonntag mit einer Abstimmung über das Programm enden.",
                "The conference will end on Sunday with a vote on the programme.",
                NearMiss("'wird' and 'will' both certain"),
            ),
            (
                "Die Partei hat derzeit rund 20.000 Mitglieder.",
                "The party currently has some 19,500 members.",
                NearMiss("approximate figures within rounding across languages"),
            ),
            (
                "Nach Angaben der Polizei demonstrierten vor der Halle etwa 400 Menschen.",
                "Police said about 400 people demonstrated outside the hall.",
                NearMiss("same source in two languages"),
            ),
            (
                "Der Antrag zur Rente erhielt 310 Stimmen, 45 Delegierte stimmten dagegen.",
                "The pension motion received 310 votes, with 45 delegates voting against.",
                NearMiss("two numbers, each the same"),
            ),
        ),
    ),
    Story(
        "factory fire (en/en)",
        ("en", "en"),
        ("Fire destroys chemical plant", "Fire destroys chemical plant"),
        (
            (
                "The fire broke out at the plant in Ashgrove late on Tuesday.",
                "The fire broke out at the plant in Millbrook late on Tuesday.",
                Planted("place", "Ashgrove", "Millbrook"),
            ),
            (
                "Firefighters said 14 workers were injured, two of them seriously.",
                "Firefighters said 11 workers were injured, two of them seriously.",
                Planted("number", "14", "11"),
            ),
            (
                "The company will pay compensation to every family affected.",
                "The company may pay compensation to every family affected.",
                Planted("certainty", "will", "may"),
            ),
            (
                "Residents within 2 kilometres were told to keep their windows closed, the council said.",
                "Residents within 2 kilometres were told to keep their windows closed.",
                Planted("attribution", "council", ""),
            ),
            (
                "The plant, opened in 2019, employs 600 people.",
                "The plant, in operation since 2020, employs 600 people.",
                NearMiss("two years in different roles"),
            ),
            (
                "Damage was put at 12 million pounds.",
                "Damage was put at 15 million dollars.",
                NearMiss("another currency"),
            ),
            (
                "Police said 40 firefighters and 12 engines fought the blaze through the night.",
                "Police said 40 firefighters fought the blaze through the night.",
                NearMiss("one outlet gives an extra figure for something else"),
            ),
            (
                "The fire was under control by 3:30 a.m., officials said.",
                "The fire was under control by 3:30 a.m., officials said.",
                NearMiss("identical time"),
            ),
        ),
    ),
    Story(
        "Gipfel (de/de)",
        ("de", "de"),
        ("Gipfeltreffen der Regierungschefs", "Gipfeltreffen der Regierungschefs"),
        (
            (
                "Kanzler Olaf Brandt empfing die Gäste im Schloss.",
                "Kanzler Markus Hellwig empfing die Gäste im Schloss.",
                Planted("name", "Olaf Brandt", "Markus Hellwig"),
            ),
            (
                "Das Treffen fand in Waldbrück statt.",
                "Das Treffen fand in Seefeld statt.",
                Planted("place", "Waldbrück", "Seefeld"),
            ),
            (
                "Die Regierung teilte mit, dass 2,5 Milliarden Euro für den Klimafonds bereitstehen.",
                "Das Finanzministerium teilte mit, dass 2,5 Milliarden Euro für den Klimafonds bereitstehen.",
                Planted("attribution", "Regierung", "Finanzministerium"),
            ),
            (
                "Die Abschlusserklärung wird am Freitag unterzeichnet.",
                "Die Abschlusserklärung wird möglicherweise am Freitag unterzeichnet.",
                Planted("certainty", "wird", "möglicherweise"),
            ),
            (
                "Präsident Wolodymyr Selenskyj wurde per Video zugeschaltet.",
                "Präsident Wolodimir Selenskij wurde per Video zugeschaltet.",
                NearMiss("one name in two transliterations"),
            ),
            (
                "Kanzler Brandt und Präsident Lemaire sprachen am Rande über Zölle.",
                "Präsident Lemaire und Kanzler Brandt sprachen am Rande über Zölle.",
                NearMiss("two office holders in another order"),
            ),
            (
                "Die Delegationen reisten mit 14 Flugzeugen an.",
                "Die Delegationen reisten mit 14 Flugzeugen und 30 Bussen an.",
                NearMiss("an extra figure for something else"),
            ),
            (
                "Die Demonstration vor dem Schloss war nach Polizeiangaben friedlich.",
                "Die Demonstration vor dem Schloss war laut Polizei friedlich.",
                NearMiss("the same source, phrased differently"),
            ),
        ),
    ),
    Story(
        "election count (en/de)",
        ("en", "de"),
        ("Northfield re-elects its council", "Northfield wählt seinen Stadtrat neu"),
        (
            (
                "The count was completed on 12 March.",
                "Die Auszählung wurde am 14. März abgeschlossen.",
                Planted("date", "12 March", "14. März"),
            ),
            (
                "Mayor Helen Walsh thanked the volunteers in the town hall.",
                "Bürgermeisterin Karin Vogt dankte den Helfern im Rathaus.",
                Planted("name", "Helen Walsh", "Karin Vogt"),
            ),
            (
                "The Greens won 9 seats on the council.",
                "Die Grünen gewannen 11 Sitze im Stadtrat.",
                Planted("number", "9", "11"),
            ),
            (
                "The result was announced in Northfield.",
                "Das Ergebnis wurde in Southam verkündet.",
                Planted("place", "Northfield", "Southam"),
            ),
            (
                "Turnout rose by 3 percentage points to 61 percent.",
                "Die Wahlbeteiligung stieg auf 61 Prozent.",
                NearMiss("percentage points and percent"),
            ),
            (
                "The vote was held on Sunday, 10 March.",
                "Die Wahl fand am Sonntag statt.",
                NearMiss("the full date and its weekday"),
            ),
            (
                "Police said the count passed without incident.",
                "Laut Polizei verlief die Auszählung ohne Zwischenfälle.",
                NearMiss("the same source in two languages"),
            ),
        ),
    ),
    Story(
        "Waldbrand (de/de)",
        ("de", "de"),
        ("Waldbrand im Harz", "Waldbrand im Harz"),
        (
            (
                "Das Feuer hat nach Angaben des Landkreises bereits 120 Hektar Wald zerstört.",
                "Das Feuer hat nach Angaben des Landkreises bereits 210 Hektar Wald zerstört.",
                Planted("number", "120", "210"),
            ),
            (
                "Der Brand war am Samstag in einem Waldstück bei Elbingerode ausgebrochen.",
                "Der Brand war am Freitag in einem Waldstück bei Elbingerode ausgebrochen.",
                Planted("date", "Samstag", "Freitag"),
            ),
            (
                "Ein Brandstifter soll das Feuer gelegt haben, Ermittler gehen angeblich von Vorsatz aus.",
                "Ein Brandstifter soll das Feuer gelegt haben, Ermittler gehen von Vorsatz aus.",
                Planted("certainty", "angeblich", ""),
            ),
            (
                "Die Staatsanwaltschaft ermittelt nach Angaben eines Sprechers gegen einen 34-Jährigen.",
                "Die Polizei ermittelt nach Angaben eines Sprechers gegen einen 34-Jährigen.",
                NearMiss("who investigates is not who is cited"),
            ),
            (
                "Etwa 600 Menschen mussten ihre Häuser verlassen.",
                "Rund 620 Menschen mussten ihre Häuser verlassen.",
                NearMiss("two approximate figures"),
            ),
            (
                "Innenministerin Tamara Zieschang machte sich vor Ort ein Bild.",
                "Die Innenministerin Tamara Zieschang machte sich vor Ort ein Bild.",
                NearMiss("the same office holder"),
            ),
            (
                "Der Landrat sagte, die Löscharbeiten könnten noch Tage dauern.",
                "Der Landrat sagte, die Löscharbeiten könnten noch Tage dauern.",
                NearMiss("identical hedge"),
            ),
        ),
    ),
    Story(
        "bridge reopening (en/en)",
        ("en", "en"),
        ("Kessington bridge to reopen", "Kessington bridge to reopen"),
        (
            (
                "Repairs to the bridge cost 4.2 million pounds, the county said.",
                "Repairs to the bridge cost 4.2 million pounds, the contractor said.",
                Planted("attribution", "county", "contractor"),
            ),
            (
                "The bridge will reopen to traffic in June.",
                "The bridge will reopen to traffic in July.",
                Planted("date", "June", "July"),
            ),
            (
                "Former Mayor Alan Price campaigned for the repairs.",
                "Mayor Alan Price campaigned for the repairs.",
                Planted("name", "Former Mayor Alan Price", "Mayor Alan Price"),
            ),
            (
                "Some 18,000 vehicles used the bridge every day before it closed.",
                "Some 25,000 vehicles used the bridge every day before it closed.",
                Planted("number", "18,000", "25,000"),
            ),
            (
                "Engineers found cracks in 3 of the 12 steel cables.",
                "Engineers found cracks in three of the twelve steel cables.",
                NearMiss("digits and number words"),
            ),
            (
                "The bridge was built in 1962 and carries the A38.",
                "The bridge, built in 1962, carries the A38.",
                NearMiss("the same year"),
            ),
            (
                "The diversion added 20 minutes to journeys, drivers said.",
                "The diversion added 12 miles to journeys, drivers said.",
                NearMiss("another unit for the detour"),
            ),
        ),
    ),
    Story(
        "Streik (de/en)",
        ("de", "en"),
        ("Warnstreik legt Nahverkehr lahm", "Strike halts public transport"),
        (
            (
                "Die Gewerkschaft fordert 8 Prozent mehr Lohn.",
                "The union is demanding a 6 percent pay rise.",
                Planted("number", "8", "6"),
            ),
            (
                "Der Streik soll um 3 Uhr morgens beginnen und am Mittwoch enden.",
                "The strike is due to start at 3 a.m. and end on Thursday.",
                Planted("date", "Mittwoch", "Thursday"),
            ),
            (
                "Der Streik wird den Nahverkehr in Köln lahmlegen.",
                "The strike could paralyse public transport in Cologne.",
                Planted("certainty", "wird", "could"),
            ),
            (
                "Betroffen sind nach Angaben der Verkehrsbetriebe 1,2 Millionen Fahrgäste.",
                "About 1.2 million passengers are affected.",
                Planted("attribution", "Verkehrsbetriebe", ""),
            ),
            (
                "Verdi-Chef Frank Werneke rief zu weiteren Protesten in München auf.",
                "Verdi leader Frank Werneke called for further protests in Munich.",
                NearMiss("a place in two languages"),
            ),
            (
                "Die Verhandlungen werden am 20. Februar fortgesetzt.",
                "Talks will resume on February 20.",
                NearMiss("one date in two languages"),
            ),
            (
                "Rund 2.000 Beschäftigte beteiligten sich an der Kundgebung.",
                "Around 2,000 employees took part in the rally.",
                NearMiss("one approximate figure in two languages"),
            ),
        ),
    ),
)


@dataclass(frozen=True)
class Score:
    true_positives: int
    false_positives: int
    false_negatives: int
    planted: int
    near_misses: int
    misses: tuple[str, ...]  # planted conflicts not found, as "story: kind a / b"
    false_alarms: tuple[str, ...]  # conflicts reported that were not planted

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.planted if self.planted else 1.0


def _fits(expected: str, found: str) -> bool:
    if not expected or not found:
        return expected == found
    return expected.casefold() in found.casefold() or found.casefold() in expected.casefold()


def score(stories: tuple[Story, ...] = STORIES, settings: object = None) -> Score:
    """Run every story through ``desktop.core.pipeline.compare`` and match what it reports to what was planted:
    same kind, and each outlet's words containing (or contained in) the planted words."""
    from desktop.core.model import Article, Settings
    from desktop.core.pipeline import compare

    tp = fp = 0
    misses: list[str] = []
    alarms: list[str] = []
    for story in stories:
        a, b = story.texts()
        comparison = compare(
            [
                Article("A", "a.txt", a, language=story.languages[0]),
                Article("B", "b.txt", b, language=story.languages[1]),
            ],
            settings if isinstance(settings, Settings) else Settings(match="combined"),
        )
        open_plants = list(story.planted)
        for conflict in comparison.conflicts:
            values = {v.article: v.text for v in conflict.values}
            hit = next(
                (
                    p
                    for p in open_plants
                    if p.kind == str(conflict.kind)
                    and _fits(p.a, values.get("A", "?"))
                    and _fits(p.b, values.get("B", "?"))
                ),
                None,
            )
            if hit is None:
                fp += 1
                alarms.append(f"{story.name}: {conflict.kind} {values.get('A')!r} / {values.get('B')!r}")
            else:
                tp += 1
                open_plants.remove(hit)
        misses.extend(f"{story.name}: {p.kind} {p.a!r} / {p.b!r}" for p in open_plants)
    planted = sum(len(s.planted) for s in stories)
    near = sum(len(s.near_misses) for s in stories)
    return Score(tp, fp, planted - tp, planted, near, tuple(misses), tuple(alarms))
