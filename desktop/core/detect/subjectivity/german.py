"""The German subjectivity features: word lists by family (evaluative words, address, obligation, prescription,
comparatives, rebuttal, motive, prediction, intensifiers, generalising, framing, forecasts, hedges), the stance
openers and impersonal verdicts, and the sentence shapes of judgement, compiled into ``GERMAN``. Hand-written,
calibrated on ``tests/commentary_dev_set.py``.
"""

from __future__ import annotations

import re

from desktop.core.detect.subjectivity.grammar import Grammar, phrase_index, split_entries

_DE_EVALUATIVE_STRONG = split_entries("""
Schande|schändlich|armselig|obszön|zahnlos|planlos|ideenlos|konzeptlos|gedankenlos|schamlos|maßlos
würdelos|instinktlos|mutlos|überfällig|überfälliger|überfällige|überfälligen|begrüßenswert|begrüßenswerte
begrüßenswerter|begrüßenswertes|begrüßenswerten|lobenswert|lobenswerte|lobenswerter|unklug|dumm|dümmer
unsinnig|Unsinn|Blödsinn|Farce|Posse|Trauerspiel|Armutszeugnis|Bankrotterklärung|Offenbarungseid
Feigenblatt|Nebelkerze|Nebelkerzen|Augenwischerei|Etikettenschwindel|Schaufensterpolitik|Symbolpolitik
Vetternwirtschaft|Klientelpolitik|Günstlingswirtschaft|Investitionsruine|Weckruf|Eigentor|Ohrfeige für
Reinwaschung|Schönfärberei|Getöse|Taschenspielertrick|Placebo|Luftnummer|Rohrkrepierer|Bärendienst
unerträglich|unverzeihlich|unanständig|Anstand|übereilt|übereilte|übereilter|übereiltes|übereilten
überhastet|überhastete|vorhersehbar|vorhersehbare|bezeichnend|bezeichnenderweise|zwangsläufig
zwangsläufige|zwangsläufigen|dringend nötig|dringend nötige|dringend notwendig|bitter nötig|längst überfällig
zum Scheitern verurteilt|Sieg der Vernunft|spricht Bände|sprechen Bände|allen Grund|zu Recht|keine Entschuldigung
wie üblich|wie immer|wie gewohnt|nichts zu bieten|Funken Anstand|riecht nach|höchste Zeit|allerhöchste Zeit
schwerer Fehler|schwerer Fehler|großer Fehler|fataler Fehler|fatales Signal|falsches Signal|verheerendes Signal
eine Beleidigung für|ein Schlag ins Gesicht|leere Versprechen|leeren Versprechen|Lippenbekenntnis
Lippenbekenntnisse|Tropfen auf den heißen Stein|Schritt in die richtige Richtung|bürokratischer Albtraum
bürokratisches Monster|Bürokratiemonster|verkommen|verkommt|gefährlichen Präzedenzfall|Präzedenzfall
bequeme Ausrede|billige Ausrede|faule Ausrede|Ausrede|Ausreden|Prestigeprojekt|Prestigeprojekte
Pflichtübung|Feigheit|feige|Dilettantismus|Realitätsverweigerung|Totalversagen|Staatsversagen|Politikversagen
desaströs|verheerende Bilanz|Schlamperei|Murks
Kehrtwende|Rolle rückwärts|Zickzackkurs|Hickhack|Chaostage|im Chaos|Geschenk an|kein Ruhmesblatt
wenig überzeugend|nicht überzeugend|überzeugt nicht|greift zu kurz|greifen zu kurz|geht am Problem vorbei
an der Realität vorbei|mit Füßen getreten|ins Leere|Makulatur|Mogelpackung|Schildbürgerstreich
verdienen Anerkennung|verdient Anerkennung|verdienen Lob|verdient Lob|verdienen Respekt|verdient Respekt
kaum übertreiben|am wenigsten brauchen|am dringendsten brauchen|kein vernünftiger Mensch|kein normaler Mensch
zahlen den Preis|zahlt den Preis|den Preis dafür
nichts anderes als|nichts weiter als|mit Ansage|in Reinform|von ihrer besten Seite|von seiner besten Seite
von ihrer schlechtesten Seite|genug ist genug|das Letzte, was|Abzocke|Unding|Milchmädchenrechnung|Narr|Narren
keine Ahnung|Kurzsichtigkeit|Ideen ausgegangen|wie so oft|Rezept für|Spiel mit dem Feuer|Pyrrhussieg
auf die lange Bank|Kopf in den Sand|Elefant im Raum|Schönrederei|Salamitaktik|Sündenbock|Geldverschwendung
Verschwendung von Steuergeld|Steuergeldverschwendung|gutes Geld hinterher|Luftschloss|Luftschlösser
Wolkenkuckucksheim|Sonntagsreden|warme Worte|große Worte|heiße Luft|Aktionismus|blinder Aktionismus
Geldmaschine|kleinherzig|kleinkariert|einseitig|oberflächlich|überzogen|unverhältnismäßig|drakonisch
rachsüchtig|unmenschlich|menschenverachtend|unredlich|kontraproduktiv|abgehoben|bürgerfern|überheblich
selbstherrlich|größenwahnsinnig|Größenwahn|Hybris|Verrat|Kapitulation|eingeknickt|einknicken|Kniefall
Taschengeld|Peanuts|Wunschzettel|Wunschliste|ohrenbetäubend|Freifahrtschein|Persilschein|durchgewinkt
abgenickt|Eitelkeit|Gerede|Geschwätz|Randnotiz|keine noch so|richtig entschieden|falsch entschieden
gut gemeint, aber|gut gemeint aber|gut gemeint|älteste Trick|Hirngespinst|Scheinersparnis|Luftnummer
""")
_DE_EVALUATIVE_WEAK = split_entries("""
absurd|zynisch|naiv|mutig|mutige|mutiger|mutigen|mutiges|kühn|kühne|kühner|ehrgeizig|vernünftig|klug|kluge
erstaunlich|erstaunlicherweise|bemerkenswert|bemerkenswerterweise|bequem|bequeme|herzlos|hilflos|tatenlos
ratlos|Fehler|Fehlentscheidung|Albtraum|Chaos|chaotisch|Parolen|Populismus|populistisch|populistische
Propaganda|Skandal|skandalös|fatal|fatale|fragwürdig|zweifelhaft|dürftig|dürftige|mager|magere|halbherzig
zaghaft|zaghafte|richtig|richtige|falsch|falsche|falschen|ungerecht|ungerechte|Ungerechtigkeit|gerecht|fair
unfair|beschämend|peinlich|obszöne|verantwortlich zu machen|Beleidigung|Versagen|Debakel
""")
_DE_ADDRESS = split_entries("""
wir|euch|euer|eure|eurer|eurem|euren|machen wir|seien wir|lassen wir|vergessen wir|wollen wir|dürfen wir
sollten wir|müssen wir|unsere Kinder|unseren Kindern|unser Land|unsere Gesellschaft|unsere Demokratie
unsere Politiker|unsere Zukunft|unsere Enkel|jeder von uns|keiner von uns|uns allen|wir alle
""")
_DE_ADDRESS_WEAK = split_entries("uns|unser|unsere|unserer|unseres|unserem|unseren")
_DE_OBLIGATION = split_entries("""
muss|müssen|sollte|sollten|darf nicht|dürfen nicht
darf keine|dürfen keine|darf kein|dürfen kein|man darf|darf man|man muss|muss man|man sollte|sollte man
es braucht|braucht es|es bräuchte|bräuchte es
""")
_DE_PRESCRIPTION = split_entries("""
gehört abgeschafft|gehören abgeschafft|man kann nur hoffen|kann man nur hoffen|bleibt zu hoffen|braucht mehr
braucht weniger|brauchen mehr|brauchen weniger|man muss sich fragen
""")
_DE_COMPARATIVE = split_entries("""
besser|Besseres|Besseren|schlechter|schlimmer|schlimmer noch|noch schlimmer|am schlimmsten|das Beste
das Schlimmste|desto besser|umso besser|je eher|lieber|vorzuziehen
""")
_DE_REBUTTAL = split_entries("""
statt|anstatt|stattdessen|anstelle|sondern|nicht etwa|mitnichten|keineswegs|beileibe nicht|geht es nie|ging es nie
ging es nicht|geht es nicht|nicht um|weniger um|vielmehr|eher um|nichts anderes als|nicht mehr als
""")
_DE_MOTIVE = split_entries("""
offensichtlich|ganz offensichtlich|in Wahrheit|in Wirklichkeit
der eigentliche Grund|die eigentliche Absicht|das eigentliche Ziel|das eigentliche Problem|es geht ihm
es geht ihr|es geht ihnen|geht es ihm|geht es ihr|geht es ihnen|natürlich|selbstverständlich
bekanntlich|freilich|durchschaubar|durchsichtig|vorgeblich|vorgeschoben|ausgerechnet|wohl kaum
""")
_DE_PREDICTION = split_entries("""
wird nur|werden nur|wird nie|werden nie|wird niemals|werden niemals|wird kaum|werden kaum|wird zwangsläufig
wird sich rächen|werden sich rächen|wird teuer|wird am Ende|werden am Ende|nichts bedeuten|bedeutet nichts
würde bedeuten|würde nichts|würde nur|wäre ein|wäre eine|wäre das|wären|wird sein|sein wird|bleiben wird
""")
_DE_INTENSIFIER = split_entries("""
schlicht|schlichtweg|geradezu|völlig|vollkommen|gänzlich|zutiefst|ausgesprochen|reichlich|allzu|viel zu|zu spät
zu wenig|überaus|höchst|nachgerade|regelrecht|blanker|blanke|blankes|reiner|reine|reines|pure|purer|pures
so viel|so wenig|jüngste Zeichen|jüngstes Beispiel|einmal mehr|wieder einmal|bestenfalls|schlimmstenfalls
ausgerechnet|nicht einmal|kein einziges|keine einzige|keinen einzigen|kein einziger|nicht ein einziges
""")
_DE_GENERALISING = split_entries("""
kein vernünftiger|keine vernünftige|jeder weiß|jeder vernünftige|wer je|wer einmal|selten wurde|selten war
selten hat|selten hatte|niemals hat|kaum etwas|wenig ist|nichts ist|die kleinen Leute|der kleine Mann
die einfachen Leute|hart arbeitende|jene, die|diejenigen, die
""")
# Framing (issue 14; the package docstring says why): verdicts hedged as a reading, interim balances, outcome
# nouns, impressions, the mood of a scene.
_DE_FRAMING = split_entries("""
gilt als Triumph|gilt als Niederlage|gilt als Erfolg|gilt als Sieg|gilt als Schlappe|gilt als Coup
Rückschlag für|Rückschlag|Dämpfer|Dämpfer für|Schlappe|Blamage|Denkzettel|Klatsche|Niederlage für
persönlicher Triumph|persönlichen Triumph|persönliche Niederlage|persönlichen Niederlage|herbe Niederlage
herben Niederlage|herber Rückschlag|herben Rückschlag|schwere Niederlage|schweren Niederlage|Triumph für
schaler Nachgeschmack|schalen Nachgeschmack|fader Beigeschmack|faden Beigeschmack|bitterer Beigeschmack
bitteren Beigeschmack|bitterer Nachgeschmack|bitteren Nachgeschmack|Beigeschmack|Nachgeschmack
wenig Greifbares|kaum Greifbares|nichts Greifbares|wenig Konkretes|kaum Konkretes|nichts Konkretes
wenig Zählbares|kaum Zählbares|wenig vorzuweisen|kaum etwas vorzuweisen|nichts vorzuweisen|wenig erreicht
kaum etwas erreicht|nichts erreicht|kaum mehr als|wenig mehr als|nicht viel mehr als|kaum die Rede
keine Rede sein|nicht die Rede sein|wirkt wie|wirkte wie|wirken wie|kaum zu übersehen|nicht zu übersehen
kaum zu überhören|nicht zu überhören|kaum ungünstiger|kaum schlechter|kaum besser|nicht ungünstiger
in die Hände spielen|in die Hände spielt|in die Hände spielte|in die Hände gespielt|Wasser auf die Mühlen
nicht hinwegtäuschen|nicht darüber hinwegtäuschen|kann nicht verdecken|darf bezweifelt werden
muss bezweifelt werden|ist zu bezweifeln|bleibt fraglich|ist fraglich|nicht viel übrig|wenig übrig
kaum etwas übrig|schlechtes Licht|kein gutes Licht|schiefes Licht|riskantes Spiel|riskanten Spiel
Vabanquespiel|Drahtseilakt|Hängepartie|Peinlichkeit|halbherzig|halbherzige|halbherzigen|halbherziger
weitgehend symbolisch|rein symbolisch|vor allem symbolisch|eher symbolisch|so gut wie gescheitert
so gut wie tot|so gut wie erledigt|so gut wie vom Tisch|mit Ansage|die kurze Antwort|die einfache Antwort
die ehrliche Antwort|kurz gesagt|kaum jemand glaubt|niemand rechnet|niemand glaubt ernsthaft
deutliches Zeichen|klares Zeichen|deutliches Signal|klares Signal|ein Signal an|ein Zeichen an|Signalwirkung
schwere Hypothek|Hypothek für|Bärendienst|herrscht Fassungslosigkeit|herrscht Entsetzen|herrscht Ratlosigkeit
herrscht Ernüchterung|herrscht Katerstimmung|herrscht Trauer|herrscht Fassungslosigkeit|herrscht Ohnmacht
herrscht Wut|herrscht Unmut|herrscht Verunsicherung|herrschte Fassungslosigkeit|herrschte Entsetzen
herrschte Ratlosigkeit|herrschte Ernüchterung|herrschte Trauer|macht sich Ernüchterung|macht sich Ratlosigkeit
macht sich Frust|brodelt|brodelte|brodelt es|brodelte es|rumort|rumorte|rumort es|rumorte es|gärt es|gärte es
zur Farce|zur Peinlichkeit|zum Debakel|zum Eigentor|zum Bumerang|historischer Schritt|historischen Schritt
historischer Tag|historischen Tag|historische Zäsur|historischen Zäsur
""")
_DE_FRAMING_WEAK = split_entries("""
Zerwürfnis|Zäsur|symbolisch|brüchig|brüchige|brüchigen|brüchiger|fragil|fragile|fragilen|ernüchternd
ernüchternde|ernüchternden|peinlich|peinliche|peinlichen|herb|herbe|herben|herber|bitter|bittere|bitteren
riskant|riskante|riskanten|gilt als|galt als|gelten als|historisch|historische|historischer|historischen
historisches|geschwächt|angeschlagen|angeschlagene|angeschlagenen
""")
_DE_HEDGE = split_entries("offenbar|anscheinend|augenscheinlich|mutmaßlich")
_DE_FUTURE_GAP = r"(?:\s+[\w-]+){1,20}?\s+"
_DE_CONTINUING = r"(?:erneut|weiter|weiterhin|noch lange|noch länger|zusätzlich|nachhaltig|dauerhaft|auf Jahre)\s+"
_DE_CONSEQUENCE_VERB = (
    r"(?:belasten|verschärfen|erschweren|befeuern|überschatten|aufwühlen|anheizen|schwächen|beschädigen|vergiften|"
    r"spalten|beschäftigen|lähmen|untergraben|eintrüben|trüben|gefährden|vertiefen|prägen|verunsichern)[.!]?\s*$"
)
_DE_FORECAST = split_entries("""
dürfte|dürften|dürfte sich|dürften sich|wird wohl|werden wohl|wohl noch|könnte sich rächen|droht|drohen|drohte
""")
_DE_CONSEQUENCE = split_entries("""
belasten|verschärfen|erschweren|befeuern|überschatten|aufwühlen|anheizen|schwächen|beschädigen|vergiften
spalten|rächen|beschäftigen|lähmen|zermürben|untergraben|eintrüben|trüben|nachwirken|nachhallen|schaden
gefährden|ermutigen|anstacheln|vertiefen
""")

_DE_STANCE_STRONG = re.compile(
    r"^[\W_]*(?:leider|zum Glück|glücklicherweise|bezeichnenderweise|ausgerechnet|schlimmer noch|"
    r"erstaunlicherweise|dummerweise|ärgerlicherweise|bedauerlicherweise|fairerweise|ehrlicherweise|"
    r"ehrlich gesagt|offen gesagt|die Lehre|gottlob|zynisch|peinlich|traurig|fest steht|klar ist)(?![\w-])",
    re.I,
)
_DE_STANCE_WEAK = re.compile(
    r"^[\W_]*(?:immerhin|kurzum|am Ende|letztlich|unterm Strich|natürlich|selbstverständlich|sicher ist)(?![\w-])",
    re.I,
)
_DE_IT_IS = re.compile(
    r"(?<![\w-])(?:es|das|dies)\s+(?:ist|war|wäre|bleibt|scheint)\s+(?:\w+\s+){0,2}?"
    r"(erstaunlich|bemerkenswert|bezeichnend|absurd|beschämend|ironisch|bedauerlich|inakzeptabel|unerhört|"
    r"skandalös|kaum zu glauben|schwer zu verstehen|wichtig|entscheidend|offensichtlich|kein Geheimnis|"
    r"kein Zufall|höchste Zeit|an der Zeit|Zeit, dass|Zeit für|ein Skandal|eine Schande|schade|ein Fehler|eine Farce|"
    r"ein Witz|eine Zumutung|falsch|richtig|gut|schlecht|fair|unfair|traurig|schockierend|bizarr|"
    r"unverständlich|verständlich|unbegreiflich|notwendig|nötig|überfällig|ärgerlich|zynisch)(?![\w-])",
    re.I,
)
_DE_SELF = frozenset(
    split_entries("""
korrespondent|korrespondentin|korrespondenten|reporter|reporterin|redaktion|zeitung|leser|leserinnen|artikel
bloggerin|blogger|autor|autorin|team|newsletter|podcast|recherche|recherchen|umfrage|quellen|informationen
""")
) | {"uns"}
GERMAN = Grammar(
    phrase_index(
        {
            "evaluative": (2, _DE_EVALUATIVE_STRONG),
            "evaluative-weak": (1, _DE_EVALUATIVE_WEAK),
            "address": (2, _DE_ADDRESS),
            "address-weak": (1, _DE_ADDRESS_WEAK),
            "obligation": (1, _DE_OBLIGATION),
            "prescription": (2, _DE_PRESCRIPTION),
            "comparative": (1, _DE_COMPARATIVE),
            "rebuttal": (1, _DE_REBUTTAL),
            "motive": (1, _DE_MOTIVE),
            "prediction": (1, _DE_PREDICTION),
            "intensifier": (1, _DE_INTENSIFIER),
            "generalising": (1, _DE_GENERALISING),
            "framing": (2, _DE_FRAMING),
            "framing-weak": (1, _DE_FRAMING_WEAK),
            "forecast": (1, _DE_FORECAST),
            "consequence": (1, _DE_CONSEQUENCE),
            "hedge": (1, _DE_HEDGE),
        }
    ),
    frozenset(split_entries("ist|war|sind|waren|wäre|wären|sei|bleibt|blieb|scheint|wirkt|wirkte|erscheint|klingt")),
    _DE_STANCE_STRONG,
    _DE_STANCE_WEAK,
    _DE_IT_IS,
    _DE_SELF,
    need_follower=frozenset({"statt", "anstatt"}),
    shapes=(
        # A forecast of consequences in the outlet's own voice: "… wird die Debatte erneut aufwühlen".
        (re.compile(rf"(?<![\w-])(?:wird|werden){_DE_FUTURE_GAP}{_DE_CONTINUING}{_DE_CONSEQUENCE_VERB}", re.I), 2),
        (
            re.compile(
                r"^[\W_]*(?:nur ein|nur eine|kein|keine|jede|jeder)\s+(?:[\w-]+\s+){0,3}?"
                r"(?:würde|würden|hätte|hätten|wäre|wären|könnte)(?![\w-])",
                re.I,
            ),
            2,
        ),
        (
            re.compile(
                r"^[\W_]*(?:eine?)\s+(?:ernsthafte|verantwortungsvolle|kompetente|vernünftige|anständige|"
                r"funktionierende|normale|gute|kluge|ehrliche|seriöse)[nrs]?\s+[\w-]+\s+"
                r"(?:würde|hätte|wäre|könnte)(?![\w-])",
                re.I,
            ),
            2,
        ),
        (re.compile(r"(?<![\w-])hätten?(?:\s+[\w-]+){1,8}?\s+(?:müssen|sollen|dürfen)(?![\w-])", re.I), 2),
        (re.compile(r"^[\W_]*(?:niemand|keiner)\s+(?:sollte|müsste|braucht sich|darf sich)(?![\w-])", re.I), 2),
    ),
    openings=(
        re.compile(r"^[\W_]*was\s+(?:[\w-]+\s+){1,4}?(?:braucht|brauchen|bräuchte|tun müsste|tun sollte),\s", re.I),
        re.compile(
            r"^[\W_]*(?:wieder|schon wieder|noch)\s+(?:ein|eine)\s+[\w-]+,\s+(?:wieder|schon wieder|noch)\s", re.I
        ),
    ),
    rebuttal_end=re.compile(
        r"(?:,\s+(?:kein|keine|keinen|nicht)|\s(?:statt|anstatt))\s+(?:[\w-]+\s){0,2}?[\w-]+[.!]?\s*$", re.I
    ),
)
