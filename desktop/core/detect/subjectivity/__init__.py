"""A structural subjectivity signal that complements the commentary lexicons.

The lexicons in ``resources/lexicons`` know the loud words ("skandalös", "so-called"), but an op-ed writer who
avoids them still gives themselves away by the shape of the sentence: they address the reader ("we", "uns"),
prescribe ("must", "sollte"), weigh with comparatives ("deserve better", "schlimmer noch"), rebut ("nicht …,
sondern"), guess at motives ("offenbar geht es um", "the real reason"), predict consequences nobody is quoted
for ("will only deepen") and reach for stance adverbs and evaluative words the lexicon lacks. Each of these
features weighs 1 (leans towards opinion; hard news uses it too) or 2 (rare outside the author's own voice),
and the sentence's lexicon cues and these features are added up against the commentary threshold.

Everything runs on the sentence with quotations and attributed clauses blanked out (the masking of
``commentary.attributed_spans``), so "X said the plan was reckless" stays reporting. The word lists are
hand-written and were calibrated on ``tests/commentary_dev_set.py``; ``tests/commentary_heldout_set.py``
was written after they were frozen and measures how they carry over.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from desktop.core.detect import commentary


def _lines(block: str) -> list[str]:
    return [w.strip() for line in block.strip().splitlines() for w in line.split("|")]


_I = re.IGNORECASE

# ---------------------------------------------------------------------------------------------------- English
_EN_EVALUATIVE_STRONG = _lines("""
disgrace|disgraceful|laughable|absurdity|cynicism|shameless|shamelessly|heartless|obscene|obscenely
reckless|recklessly|irresponsible|naivety|naïve|hypocritical|hypocrisy|outrageous|scandalous|appalling
deplorable|incompetent|incompetence|inept|spineless|toothless|farcical|grotesque|insulting|nonsense
cronyism|nepotism|sham|pandering|posturing|grandstanding|misguided|wrong-headed|short-sighted|ill-conceived
half-baked|foolish|stupid|idiotic|senseless|pointless|futile|contemptible|despicable|unforgivable|inexcusable
unconscionable|indefensible|shoddy|botched|bungled|blunder|blunders|fiasco|debacle|farce|charade|shambles
travesty|whitewash|commendable|laudable|praiseworthy|admirable|courageous|overdue|unwise|prudent
heavy-handed|tone-deaf|self-serving|opportunistic|demagogue|demagoguery|dishonest|arrogant|smug|complacent
complacency|cowardly|cowardice|hysterical|alarmist|scaremongering|fearmongering|pathetic|dismal|woeful
woefully|abysmal|lamentable|regrettable|baffling|inexplicable|inexplicably|unacceptable|intolerable
greedy|greed|mess|shambolic|sorely|needlessly|shamefully|wilfully|willfully|conveniently|mercifully
thankfully|rightly|deservedly|embarrassing|embarrassingly|bizarre|wasteful|callous|feckless|hapless
clueless|gutless|heavy handed|a disgrace|an insult to|an insult for|insult to|empty promises|empty promise
lip service|smokescreen|smoke screen|fig leaf|publicity stunt|pr stunt|photo opportunity|photo op
vanity project|white elephant|gravy train|wake-up call|wake up call|own goal|step in the right direction
box-ticking|box ticking|sticking plaster|band-aid|drop in the ocean|drop in the bucket|dead on arrival
doomed|decency|no business|no excuse|every right|speaks volumes|too little, too late|too little too late
far too|badly needed|sorely needed|long overdue|high time|pay the price|in disarray|dangerous precedent
the real reason|the real aim|the real motive|the real purpose|the real problem|a victory for common sense
sets a dangerous|shouting match|bureaucratic nightmare|nobody in their right mind|as usual|as ever
a welcome step|a welcome move|a welcome change|a welcome sign|a welcome relief|welcome news
a brave decision|a brave move|a brave step|a bold step|a bold move|a big mistake|a terrible mistake
a grave mistake|a serious mistake|a huge mistake|a costly mistake|a mistake|an error of judgement
beggars belief|defies belief|defies logic|makes no sense|made no sense|little sense|no sense
a step backwards|a step backward|a backward step|a slap|a kick in the teeth|deserve credit|deserves credit
deserve praise|deserves praise|hard to overstate|impossible to overstate|cannot overstate|need it least
need it most|need it the least|no sane person|pays the price|paying the price
nothing short of|waiting to happen|at its worst|at its best|at its finest|enough is enough|the last thing
wearing thin|daylight robbery|cash grab|short-termism|run out of ideas|as they always do|as it always does
a recipe for disaster|recipe for chaos|playing with fire|hollow victory|pyrrhic victory|papering over
paper over the cracks|kicking the can|kick the can|head in the sand|heads in the sand|lost the plot
elephant in the room|the writing is on the wall|smoke and mirrors|scapegoat|scapegoats|waste of money
waste of taxpayers' money|good money after bad|pie in the sky|fine words|grand words|hot air|knee-jerk
virtue signalling|virtue signaling|window dressing|tokenism|only a fool|no idea what|fool's errand
mean-spirited|one-sided|lopsided|superficial|disproportionate|out of proportion|overzealous|draconian
vindictive|spiteful|inhumane|disingenuous|self-defeating|counterproductive|ill-advised|ill-judged|ill-timed
out of touch|patronising|patronizing|condescending|high-handed|pompous|grandiose|delusional|sell-out|sellout
capitulation|caved in|cave in|pocket change|peanuts|wish list|deafening silence|slap on the wrist
free pass|got away with|get away with|gets away with|betrayal|betrayed|no amount of|got it right|got it wrong
got this one right|got this right|got this wrong|well-intentioned but|well-meaning but|well meant but
the oldest trick|a fantasy|pure fantasy|a false saving|false economy
""")
# Judging words that hard news also uses descriptively; after a copula ("the rollout was chaotic") they are the
# author's own predicate and weigh 2. Words of severity ("catastrophic", "verheerend", "dire") are left out on
# purpose: "the damage was catastrophic" is reporting, and they added nothing to recall on the dev set.
_EN_EVALUATIVE_WEAK = _lines("""
absurd|cynical|shameful|naive|brave|bold|welcome|wise|sensible|hasty|rushed|chaotic|nightmare|excuse
astonishing|astonishingly|predictable|predictably|inevitable|inevitably|convenient
populist|propaganda|lavish|bloated|dubious|questionable|flawed|deeply flawed|useless|hollow
petty|lazy|feeble|timid|ambitious|overblown|exaggerated|inflated|unfair|unjust|injustice
wrong|wrongly|mistake|mistaken|error|scandal|blunder|greatest|finest|gift to|insult|the right decision
the right call|the right move|the right thing|the right one|the wrong decision|the wrong signal|the wrong message
""")
_EN_ADDRESS = _lines("""
we|ourselves|let's|let us|you|your|yours|yourself|yourselves|our children|our country|our society
our democracy|our leaders|our politicians|our grandchildren|our future|all of us|each of us|none of us
""")
# "our offices", "bei uns in der Region": a local outlet speaking of itself; leans, but does not prove.
_EN_ADDRESS_WEAK = _lines("our|ours|us")
_EN_OBLIGATION = _lines("""
must|must not|mustn't|should|should not|shouldn't|needs to|need to
cannot afford|can ill afford|cannot be allowed|must be allowed
""")
# Prescribing to the reader or to the powerful: rare in reporting outside a quotation.
_EN_PRESCRIPTION = _lines("""
ought to|ought not|has no right|have no right|needs more|need more|needs fewer|need fewer|needs less|need less
one can only hope|it is to be hoped|let us hope|let's hope|one would hope|one has to ask|one must ask
""")
_EN_COMPARATIVE = _lines("""
better|worse|the best|the worst|worse still|even worse|worse yet|better still|far better|far worse
the sooner|the better|the more|preferable
""")
_EN_REBUTTAL = _lines("""
instead of|rather than|was never about|is never about|is not about|was not about|is about|was about
not because|no more than|nothing less than|anything but
""")
_EN_MOTIVE = _lines("""
evidently|obviously|clearly|plainly|in reality|in truth|in fact|the truth is|of course
supposedly|ostensibly|transparently|all too|would rather|would sooner
""")
_EN_PREDICTION = _lines("""
will only|will never|will simply|will just|will inevitably|will surely|will merely|would only|would merely
is bound to|are bound to|is doomed|are doomed|will pay|will backfire|would backfire|will come back to haunt
would mean|would be a|would be an|would amount to|would send|will go down|will be remembered|mean nothing
means nothing|change nothing|changes nothing
""")
_EN_INTENSIFIER = _lines("""
frankly|utterly|downright|truly|absolutely|entirely|totally|grossly|painfully|deeply|plain|sheer|mere
simply|so much|so little|far too|too little|too late|way too|hugely|massively|wildly|ridiculously
the latest sign|latest example|yet another|all the more|at best|at worst|whatsoever|at all|finally
not a single|not one single|a single
""")
_EN_GENERALISING = _lines("""
anyone who|anybody who|everyone knows|everybody knows|few things|rarely has|rarely have|rarely does|seldom has
never has|never have|no one in their right mind|nobody in their right mind|no sane|any sensible|any reasonable
those who need it least|those who need it most|ordinary people|ordinary families|hard-working|hardworking
""")
_EN_STANCE_STRONG = re.compile(
    r"^[\W_]*(?:sadly|fortunately|unfortunately|thankfully|mercifully|frankly|predictably|ironically|tellingly|"
    r"curiously|oddly|rightly|worse|worse still|worse yet|even worse|better still|alas|honestly|admittedly|"
    r"astonishingly|remarkably|strangely|shamefully|happily|luckily|regrettably|put simply|simply put|"
    r"the lesson is|the lesson here)(?![\w-])",
    _I,
)
_EN_STANCE_WEAK = re.compile(r"^[\W_]*(?:naturally|inevitably|in short|in the end|ultimately)(?![\w-])", _I)
# "It is astonishing that …": an impersonal frame around the author's own verdict.
_EN_IT_IS = re.compile(
    r"(?<![\w-])(?:it|this|that)\s+(?:is|was|would be|will be|seems|remains)\s+(?:\w+\s+){0,2}?"
    r"(astonishing|remarkable|telling|striking|absurd|shameful|ironic|regrettable|unacceptable|outrageous|"
    r"scandalous|hard to (?:overstate|believe|see|imagine|understand|justify|take seriously)|"
    r"difficult to (?:overstate|believe|see|imagine|understand|justify)|important|essential|crucial|vital|"
    r"obvious|no secret|no coincidence|worth (?:remembering|noting|asking|recalling)|high time|time to|"
    r"time for|a scandal|a disgrace|a shame|a pity|a mistake|an insult|a relief|a tragedy|a farce|a joke|"
    r"wrong|right|good|bad|fair|unfair|sad|shocking|galling|bizarre|baffling|depressing|troubling|"
    r"disturbing|alarming|worrying|encouraging|welcome|overdue|essential|necessary|understandable|"
    r"incomprehensible|inexplicable|difficult to)(?![\w-])",
    _I,
)

# ---------------------------------------------------------------------------------------------------- German
_DE_EVALUATIVE_STRONG = _lines("""
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
_DE_EVALUATIVE_WEAK = _lines("""
absurd|zynisch|naiv|mutig|mutige|mutiger|mutigen|mutiges|kühn|kühne|kühner|ehrgeizig|vernünftig|klug|kluge
erstaunlich|erstaunlicherweise|bemerkenswert|bemerkenswerterweise|bequem|bequeme|herzlos|hilflos|tatenlos
ratlos|Fehler|Fehlentscheidung|Albtraum|Chaos|chaotisch|Parolen|Populismus|populistisch|populistische
Propaganda|Skandal|skandalös|fatal|fatale|fragwürdig|zweifelhaft|dürftig|dürftige|mager|magere|halbherzig
zaghaft|zaghafte|richtig|richtige|falsch|falsche|falschen|ungerecht|ungerechte|Ungerechtigkeit|gerecht|fair
unfair|beschämend|peinlich|obszöne|verantwortlich zu machen|Beleidigung|Versagen|Debakel
""")
_DE_ADDRESS = _lines("""
wir|euch|euer|eure|eurer|eurem|euren|machen wir|seien wir|lassen wir|vergessen wir|wollen wir|dürfen wir
sollten wir|müssen wir|unsere Kinder|unseren Kindern|unser Land|unsere Gesellschaft|unsere Demokratie
unsere Politiker|unsere Zukunft|unsere Enkel|jeder von uns|keiner von uns|uns allen|wir alle
""")
_DE_ADDRESS_WEAK = _lines("uns|unser|unsere|unserer|unseres|unserem|unseren")
_DE_OBLIGATION = _lines("""
muss|müssen|sollte|sollten|darf nicht|dürfen nicht
darf keine|dürfen keine|darf kein|dürfen kein|man darf|darf man|man muss|muss man|man sollte|sollte man
es braucht|braucht es|es bräuchte|bräuchte es
""")
_DE_PRESCRIPTION = _lines("""
gehört abgeschafft|gehören abgeschafft|man kann nur hoffen|kann man nur hoffen|bleibt zu hoffen|braucht mehr
braucht weniger|brauchen mehr|brauchen weniger|man muss sich fragen
""")
_DE_COMPARATIVE = _lines("""
besser|Besseres|Besseren|schlechter|schlimmer|schlimmer noch|noch schlimmer|am schlimmsten|das Beste
das Schlimmste|desto besser|umso besser|je eher|lieber|vorzuziehen
""")
_DE_REBUTTAL = _lines("""
statt|anstatt|stattdessen|anstelle|sondern|nicht etwa|mitnichten|keineswegs|beileibe nicht|geht es nie|ging es nie
ging es nicht|geht es nicht|nicht um|weniger um|vielmehr|eher um|nichts anderes als|nicht mehr als
""")
_DE_MOTIVE = _lines("""
offensichtlich|ganz offensichtlich|in Wahrheit|in Wirklichkeit
der eigentliche Grund|die eigentliche Absicht|das eigentliche Ziel|das eigentliche Problem|es geht ihm
es geht ihr|es geht ihnen|geht es ihm|geht es ihr|geht es ihnen|natürlich|selbstverständlich
bekanntlich|freilich|durchschaubar|durchsichtig|vorgeblich|vorgeschoben|ausgerechnet|wohl kaum
""")
_DE_PREDICTION = _lines("""
wird nur|werden nur|wird nie|werden nie|wird niemals|werden niemals|wird kaum|werden kaum|wird zwangsläufig
wird sich rächen|werden sich rächen|wird teuer|wird am Ende|werden am Ende|nichts bedeuten|bedeutet nichts
würde bedeuten|würde nichts|würde nur|wäre ein|wäre eine|wäre das|wären|wird sein|sein wird|bleiben wird
""")
_DE_INTENSIFIER = _lines("""
schlicht|schlichtweg|geradezu|völlig|vollkommen|gänzlich|zutiefst|ausgesprochen|reichlich|allzu|viel zu|zu spät
zu wenig|überaus|höchst|nachgerade|regelrecht|blanker|blanke|blankes|reiner|reine|reines|pure|purer|pures
so viel|so wenig|jüngste Zeichen|jüngstes Beispiel|einmal mehr|wieder einmal|bestenfalls|schlimmstenfalls
ausgerechnet|nicht einmal|kein einziges|keine einzige|keinen einzigen|kein einziger|nicht ein einziges
""")
_DE_GENERALISING = _lines("""
kein vernünftiger|keine vernünftige|jeder weiß|jeder vernünftige|wer je|wer einmal|selten wurde|selten war
selten hat|selten hatte|niemals hat|kaum etwas|wenig ist|nichts ist|die kleinen Leute|der kleine Mann
die einfachen Leute|hart arbeitende|jene, die|diejenigen, die
""")
# ------------------------------------------------------------------------------------- framing (issue 14)
# Real outlets rarely use the loud words above. Their own voice shows in how they frame an event: a verdict
# hedged as a general reading ("is widely seen as"), an interim balance ("so far … little of substance"), an
# outcome noun that says who won or lost ("a setback for", "ein Rückschlag für"), an impression
# ("looks all but buried", "wirkt wie"), a forecast of consequences nobody is quoted for ("dürfte … belasten",
# "is likely to deepen"), the mood of a scene ("es herrscht Fassungslosigkeit"). The strong forms are rare in
# reporting outside an attribution; the weak ones need a second cue.


def _inflected(block: str) -> list[str]:
    """German adjectives with their endings: "herb" gives herb, herbe, herbem, herben, herber, herbes."""
    return [w + ending for w in _lines(block) for ending in ("", "e", "em", "en", "er", "es")]


_EN_FRAMING = _lines("""
widely seen as|widely read as|widely regarded as|widely viewed as|widely considered|widely interpreted as
is seen as a|was seen as a|is being seen as|can be seen as|could be read as|can only be read as|reads as
amounts to little|amounted to little|amount to little|little more than|no more than a|not much more than
little of substance|nothing of substance|little to show for|little to show|precious little|little concrete
few concrete|scant|all but dead|all but buried|all but over|all but finished|all but certain
all but impossible|all but ended|all but collapsed|all but abandoned|setback for|setback to|blow to|blow for
humiliation for|embarrassment for|a personal triumph|personal triumph|a triumph for|triumph for|climbdown
u-turn|snub to|rebuke to|a coup for|boost for|a boost to|a gift to|raises questions|raise questions
raised questions|raises uncomfortable|raises serious questions|raises fresh questions|raises new questions
sends a signal|sends a clear|sends a strong|send a signal|sent a signal|sends the message|sends a message
a clear signal|a strong signal|hard to miss|hard to ignore|hard to overlook|could hardly have
could not have come at a worse|bitter aftertaste|bitter taste|sour taste|bad taste|leaves a bitter
left a bitter|tells its own story|speaks for itself|daunting task|daunting challenge|tall order|uphill battle
uphill struggle|the short answer|the simple answer|the honest answer|in short|once hailed as|once touted as
once billed as|political theatre|political theater|piece of theatre|piece of theater|show of unity
more symbolic than|largely symbolic|purely symbolic|mostly symbolic|half-hearted|halfhearted|few expect
few believe|nobody expects|no one expects|hardly anyone|few would|is unlikely to change|will do little
did little to|does little to|do little to|has done little|have done little|done little to|has achieved little
have achieved little|achieved little|achieved nothing|a gamble|a big gamble|a risky bet|a calculated risk
on thin ice|on shaky ground|a fig leaf|a far cry from|for all the|despite all the
""")
_EN_FRAMING_WEAK = _lines("""
humiliating|awkward|sobering|bitter|fragile|symbolic|remarkable|historic|uncomfortable|disappointing
underwhelming|lacklustre|lackluster|tepid|lukewarm|stark|extraordinary|striking|telling|daunting|turnaround
spectacle|theatre|theater|gamble|triumph|divisive
""")
# Forecasts in the outlet's own voice, and the consequences they predict: together they make a verdict.
_EN_FORECAST = _lines("""
is likely to|are likely to|was likely to|will likely|would likely|is set to deepen|could well|may well|might well
will probably|would probably|is expected to deepen|are expected to deepen|threatens to|threaten to
is unlikely to|are unlikely to|looks set to|seems set to|appears set to|looks likely|seems likely
""")
# Base forms only (what follows "is likely to"); "damages", "belastet" are as often plain reporting.
_EN_CONSEQUENCE = _lines("""
deepen|fuel|overshadow|weigh on|embolden|undermine|complicate|strain|dent|erode|reignite|stoke|intensify|sour
haunt|dominate|backfire|hurt|damage|weaken|inflame|harden|widen|cloud|tarnish|unsettle
""")

_DE_FRAMING = _lines("""
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
_DE_FRAMING_WEAK = _lines("""
Zerwürfnis|Zäsur|symbolisch|brüchig|brüchige|brüchigen|brüchiger|fragil|fragile|fragilen|ernüchternd
ernüchternde|ernüchternden|peinlich|peinliche|peinlichen|herb|herbe|herben|herber|bitter|bittere|bitteren
riskant|riskante|riskanten|gilt als|galt als|gelten als|historisch|historische|historischer|historischen
historisches|geschwächt|angeschlagen|angeschlagene|angeschlagenen
""")
# "offenbar", "apparently": hedging an unconfirmed fact ("es gibt offenbar zahlreiche Verletzte") is reporting;
# it leans towards opinion only together with another cue.
_EN_HEDGE = _lines("apparently|seemingly|presumably")
_DE_HEDGE = _lines("offenbar|anscheinend|augenscheinlich|mutmaßlich")
_DE_FUTURE_GAP = r"(?:\s+[\w-]+){1,20}?\s+"
_DE_CONTINUING = r"(?:erneut|weiter|weiterhin|noch lange|noch länger|zusätzlich|nachhaltig|dauerhaft|auf Jahre)\s+"
_DE_CONSEQUENCE_VERB = (
    r"(?:belasten|verschärfen|erschweren|befeuern|überschatten|aufwühlen|anheizen|schwächen|beschädigen|vergiften|"
    r"spalten|beschäftigen|lähmen|untergraben|eintrüben|trüben|gefährden|vertiefen|prägen|verunsichern)[.!]?\s*$"
)
_DE_FORECAST = _lines("""
dürfte|dürften|dürfte sich|dürften sich|wird wohl|werden wohl|wohl noch|könnte sich rächen|droht|drohen|drohte
""")
_DE_CONSEQUENCE = _lines("""
belasten|verschärfen|erschweren|befeuern|überschatten|aufwühlen|anheizen|schwächen|beschädigen|vergiften
spalten|rächen|beschäftigen|lähmen|zermürben|untergraben|eintrüben|trüben|nachwirken|nachhallen|schaden
gefährden|ermutigen|anstacheln|vertiefen
""")

_DE_STANCE_STRONG = re.compile(
    r"^[\W_]*(?:leider|zum Glück|glücklicherweise|bezeichnenderweise|ausgerechnet|schlimmer noch|"
    r"erstaunlicherweise|dummerweise|ärgerlicherweise|bedauerlicherweise|fairerweise|ehrlicherweise|"
    r"ehrlich gesagt|offen gesagt|die Lehre|gottlob|zynisch|peinlich|traurig|fest steht|klar ist)(?![\w-])",
    _I,
)
_DE_STANCE_WEAK = re.compile(
    r"^[\W_]*(?:immerhin|kurzum|am Ende|letztlich|unterm Strich|natürlich|selbstverständlich|sicher ist)(?![\w-])",
    _I,
)
_DE_IT_IS = re.compile(
    r"(?<![\w-])(?:es|das|dies)\s+(?:ist|war|wäre|bleibt|scheint)\s+(?:\w+\s+){0,2}?"
    r"(erstaunlich|bemerkenswert|bezeichnend|absurd|beschämend|ironisch|bedauerlich|inakzeptabel|unerhört|"
    r"skandalös|kaum zu glauben|schwer zu verstehen|wichtig|entscheidend|offensichtlich|kein Geheimnis|"
    r"kein Zufall|höchste Zeit|an der Zeit|Zeit, dass|Zeit für|ein Skandal|eine Schande|schade|ein Fehler|eine Farce|"
    r"ein Witz|eine Zumutung|falsch|richtig|gut|schlecht|fair|unfair|traurig|schockierend|bizarr|"
    r"unverständlich|verständlich|unbegreiflich|notwendig|nötig|überfällig|ärgerlich|zynisch)(?![\w-])",
    _I,
)


@dataclass(frozen=True, slots=True)
class Phrase:
    """A word or phrase of one feature family, as lower-case tokens (punctuation between them is ignored)."""

    tokens: tuple[str, ...]
    family: str
    weight: int


_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*")


def _index(families: dict[str, tuple[int, list[str]]]) -> dict[str, tuple[Phrase, ...]]:
    """Phrases by their first token, longest first: one dictionary lookup per word of a sentence (a regex
    alternation of the same lists cost ~0.3 ms a sentence)."""
    by_first: dict[str, list[Phrase]] = {}
    for family, (weight, entries) in families.items():
        for entry in entries:
            tokens = tuple(t.lower() for t in _TOKEN.findall(entry))
            if tokens:
                by_first.setdefault(tokens[0], []).append(Phrase(tokens, family, weight))
    return {k: tuple(sorted(v, key=lambda p: (-len(p.tokens), -p.weight))) for k, v in by_first.items()}


@dataclass(frozen=True, slots=True)
class Grammar:
    """A language's compiled features: the phrase index and the few sentence-shape patterns."""

    phrases: dict[str, tuple[Phrase, ...]]
    copulas: frozenset[str]
    stance_strong: re.Pattern[str]
    stance_weak: re.Pattern[str]
    it_is: re.Pattern[str]
    # An address word followed by one of these is the outlet naming itself ("our correspondent"), not the reader.
    self_reference: frozenset[str]
    # Words that only rebut in front of what they replace ("statt Straßen"), not at a clause's end.
    need_follower: frozenset[str] = frozenset()
    # Sentence shapes of judgement: a generic subject under a counterfactual, a reproach in "should have".
    shapes: tuple[tuple[re.Pattern[str], int], ...] = ()
    openings: tuple[re.Pattern[str], ...] = ()  # sentence openings that only an author writes (weigh 2)
    # "… a wish list, not a plan.": a closing rebuttal, which judges (it counts twice in an unanchored sentence).
    rebuttal_end: re.Pattern[str] | None = None
    case_sensitive: frozenset[str] = frozenset()


_EN_SELF = frozenset(
    _lines("""
correspondent|correspondents|reporter|reporters|newspaper|paper|editor|editors|editorial|readers|reader|website
site|newsletter|podcast|team|staff|journalists|colleagues|sources|source|survey|poll|analysis|investigation
""")
) | {"us"}
_DE_SELF = frozenset(
    _lines("""
korrespondent|korrespondentin|korrespondenten|reporter|reporterin|redaktion|zeitung|leser|leserinnen|artikel
bloggerin|blogger|autor|autorin|team|newsletter|podcast|recherche|recherchen|umfrage|quellen|informationen
""")
) | {"uns"}

_GRAMMARS = {
    "en": Grammar(
        _index(
            {
                "evaluative": (2, _EN_EVALUATIVE_STRONG),
                "evaluative-weak": (1, _EN_EVALUATIVE_WEAK),
                "address": (2, _EN_ADDRESS),
                "address-weak": (1, _EN_ADDRESS_WEAK),
                "obligation": (1, _EN_OBLIGATION),
                "prescription": (2, _EN_PRESCRIPTION),
                "comparative": (1, _EN_COMPARATIVE),
                "rebuttal": (1, _EN_REBUTTAL),
                "motive": (1, _EN_MOTIVE),
                "prediction": (1, _EN_PREDICTION),
                "intensifier": (1, _EN_INTENSIFIER),
                "generalising": (1, _EN_GENERALISING),
                "framing": (2, _EN_FRAMING),
                "framing-weak": (1, _EN_FRAMING_WEAK),
                "forecast": (1, _EN_FORECAST),
                "consequence": (1, _EN_CONSEQUENCE),
                "hedge": (1, _EN_HEDGE),
            }
        ),
        frozenset(_lines("is|was|are|were|be|been|being|seems|seemed|looks|looked|remains|proved|proves|sounds")),
        _EN_STANCE_STRONG,
        _EN_STANCE_WEAK,
        _EN_IT_IS,
        _EN_SELF,
        case_sensitive=frozenset({"us"}),
        shapes=(
            (re.compile(r"^[\W_]*(?:only (?:a|an)|any|no)\s+(?:[\w-]+\s+){0,3}?(?:would|could)(?![\w-])", _I), 2),
            (
                re.compile(
                    r"^[\W_]*(?:a|an)\s+(?:serious|responsible|competent|sensible|decent|functioning|normal|"
                    r"reasonable|honest|wise|good|grown-up|credible)\s+[\w-]+\s+(?:would|could)(?![\w-])",
                    _I,
                ),
                2,
            ),
            (re.compile(r"(?<![\w-])(?:should|ought to)\s+(?:never\s+|not\s+)?have\s+[\w-]+", _I), 2),
            (
                re.compile(r"^[\W_]*let\s+(?:nobody|no one|no-one|them|it|there|everyone|anyone|him|her)(?![\w-])", _I),
                2,
            ),
            (re.compile(r"^[\W_]*(?:nobody|no one|no-one)\s+(?:should|ought|needs to|can seriously)(?![\w-])", _I), 2),
        ),
        openings=(
            # "What the region needs is investment": a pseudo-cleft that prescribes.
            re.compile(
                r"^[\W_]*what\s+(?:[\w'’-]+\s+){1,4}?(?:needs?|should do|ought to do|must do)\s+is(?![\w-])", _I
            ),
            # "Another summit, another communiqué": the weary repetition of the op-ed writer.
            re.compile(r"^[\W_]*(another|yet another)\s+[\w-]+,\s+(?:another|yet another)\s", _I),
        ),
        rebuttal_end=re.compile(
            r",\s+(?:not|rather than|instead of)\s+(?:a |an |the )?[\w-]+(?:\s[\w-]+)?[.!]?\s*$", _I
        ),
    ),
    "de": Grammar(
        _index(
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
        frozenset(_lines("ist|war|sind|waren|wäre|wären|sei|bleibt|blieb|scheint|wirkt|wirkte|erscheint|klingt")),
        _DE_STANCE_STRONG,
        _DE_STANCE_WEAK,
        _DE_IT_IS,
        _DE_SELF,
        need_follower=frozenset({"statt", "anstatt"}),
        shapes=(
            # A forecast of consequences in the outlet's own voice: "… wird die Debatte erneut aufwühlen".
            (re.compile(rf"(?<![\w-])(?:wird|werden){_DE_FUTURE_GAP}{_DE_CONTINUING}{_DE_CONSEQUENCE_VERB}", _I), 2),
            (
                re.compile(
                    r"^[\W_]*(?:nur ein|nur eine|kein|keine|jede|jeder)\s+(?:[\w-]+\s+){0,3}?"
                    r"(?:würde|würden|hätte|hätten|wäre|wären|könnte)(?![\w-])",
                    _I,
                ),
                2,
            ),
            (
                re.compile(
                    r"^[\W_]*(?:eine?)\s+(?:ernsthafte|verantwortungsvolle|kompetente|vernünftige|anständige|"
                    r"funktionierende|normale|gute|kluge|ehrliche|seriöse)[nrs]?\s+[\w-]+\s+"
                    r"(?:würde|hätte|wäre|könnte)(?![\w-])",
                    _I,
                ),
                2,
            ),
            (re.compile(r"(?<![\w-])hätten?(?:\s+[\w-]+){1,8}?\s+(?:müssen|sollen|dürfen)(?![\w-])", _I), 2),
            (re.compile(r"^[\W_]*(?:niemand|keiner)\s+(?:sollte|müsste|braucht sich|darf sich)(?![\w-])", _I), 2),
        ),
        openings=(
            re.compile(r"^[\W_]*was\s+(?:[\w-]+\s+){1,4}?(?:braucht|brauchen|bräuchte|tun müsste|tun sollte),\s", _I),
            re.compile(
                r"^[\W_]*(?:wieder|schon wieder|noch)\s+(?:ein|eine)\s+[\w-]+,\s+(?:wieder|schon wieder|noch)\s", _I
            ),
        ),
        rebuttal_end=re.compile(
            r"(?:,\s+(?:kein|keine|keinen|nicht)|\s(?:statt|anstatt))\s+(?:[\w-]+\s){0,2}?[\w-]+[.!]?\s*$", _I
        ),
    ),
}

# A short quotation of one or two lower-case words the sentence attributes to no one: scare quotes.
_SCARE_QUOTE = re.compile(r"(?:^|(?<=[\s(]))[\"“„‚‘'»«]([a-zäöüß][\w-]*(?:\s[\w-]+)?)[\"”“‘’'«»](?![\w])")
_EXCLAMATION_OPENER = re.compile(r"^[\W_]*(?:what a|what an|how|was für|welch|wie)(?![\w-])", _I)
# Reporting is anchored in numbers and dates; opinion seldom is. A sentence with neither, attributed to no one,
# lets its heaviest structural cue count once more (on the dev set ~95% of commentary but ~13% of reporting).
_ANCHOR = re.compile(
    r"\d|(?<![\w-])(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|"
    r"june|july|august|september|october|november|december|yesterday|today|tonight|last (?:week|month|year)|"
    r"next (?:week|month|year)|earlier this|later this|montag|dienstag|mittwoch|donnerstag|freitag|samstag|"
    r"sonntag|januar|februar|märz|mai|juni|juli|oktober|dezember|gestern|heute|vorgestern|übermorgen|"
    r"vergangene[nmrs]?|kommende[nmrs]?|nächste[nmrs]?|vorige[nmrs]?|one|two|three|four|five|six|seven|eight|"
    r"nine|ten|eleven|twelve|dozens?|hundreds?|thousands?|millions?|billions?|zwei|drei|vier|fünf|sechs|"
    r"sieben|acht|neun|zehn|elf|zwölf|hundert|tausend|dutzend|dutzende|hunderte|tausende|millionen|"
    r"milliarden|prozent|percent|per cent)(?![\w-])",
    _I,
)
_COPULA_REACH = 4
# Families that judge rather than prescribe or predict: "must", "will only", "better" are common in plain
# reporting of rules, forecasts and results without numbers ("Drivers must show proof of insurance").
_JUDGING = frozenset(
    {"evaluative-weak", "motive", "rebuttal", "generalising"}
)  # tokens before an evaluative word in which a copula makes it the author's predicate


def subjectivity_cues(text: str, language: str, taken: Sequence[commentary.Cue] = ()) -> list[commentary.Cue]:
    """Structural cues in the author's own voice, minus the weight of lexicon cues (``taken``) they overlap,
    so a word both sources know counts once, at its heavier weight."""
    found = []
    for cue in _signal(text, language):
        overlapping = [c for c in taken if c.start < cue.end and cue.start < c.end]
        overlap = max((c.weight for c in overlapping), default=0)
        if cue.weight <= overlap:
            continue
        # Inside a lexicon cue ("sondern" in "nicht … sondern"), the surplus weight is shown under its words.
        host = next((c for c in overlapping if c.start <= cue.start and cue.end <= c.end), None)
        shown = host.text if host else cue.text
        found.append(commentary.Cue(shown, cue.start, cue.end, cue.weight - overlap))
    return found


@lru_cache(maxsize=65536)
def _signal(text: str, language: str) -> tuple[commentary.Cue, ...]:
    grammar = _GRAMMARS.get(language, _GRAMMARS["en"])
    masked = commentary.attributed_spans(text, language)
    outside = commentary._blank(text, masked)  # the same masking as the lexicon cues
    found, judging = _phrases(outside, grammar)
    for regex, weight in (
        (grammar.stance_strong, 2),
        (grammar.it_is, 2),
        (grammar.stance_weak, 1),
        (_EXCLAMATION_OPENER, 1),
    ):
        opener = regex.search(outside)
        if opener:
            found.append(commentary.Cue(opener.group().strip(" \"'„“»«([–—-"), opener.start(), opener.end(), weight))
    for regex, weight in (*grammar.shapes, *((opening, 2) for opening in grammar.openings)):
        shape = regex.search(outside)
        if shape:
            found.append(commentary.Cue(shape.group().strip(" \"'„“»«([–—-"), shape.start(), shape.end(), weight))
    closing = grammar.rebuttal_end.search(outside) if grammar.rebuttal_end else None
    if closing:
        found.append(commentary.Cue(closing.group().strip(" ,.!"), closing.start(), closing.end(), 1))
        judging.add((closing.start(), closing.end()))
    found.extend(_scare_quotes(text, masked))
    kept = _strongest_per_span(found)
    boost = [k for k, cue in enumerate(kept) if (cue.start, cue.end) in judging]
    if boost and not masked and not _ANCHOR.search(text):
        cue = kept[boost[0]]
        kept[boost[0]] = commentary.Cue(cue.text, cue.start, cue.end, cue.weight + 1)
    return tuple(kept)


def _phrases(outside: str, grammar: Grammar) -> tuple[list[commentary.Cue], set[tuple[int, int]]]:
    """Phrase cues, and the spans of those that judge (which an unanchored sentence lets count once more)."""
    tokens = list(_TOKEN.finditer(outside))
    words = [t.group().lower() for t in tokens]
    found: list[commentary.Cue] = []
    judging: set[tuple[int, int]] = set()
    i = 0
    while i < len(words):
        phrase = _phrase_at(words, i, grammar, tokens, outside)
        if phrase is None:
            i += 1
            continue
        last = i + len(phrase.tokens) - 1
        weight = phrase.weight
        if phrase.family == "evaluative-weak" and grammar.copulas.intersection(words[max(0, i - _COPULA_REACH) : i]):
            weight = 2  # "the rollout was chaotic": the author's own predicate, not a description of a scene
        start, end = tokens[i].start(), tokens[last].end()
        found.append(commentary.Cue(outside[start:end], start, end, weight))
        if phrase.family in _JUDGING:
            judging.add((start, end))
        i += 1
    return found, judging


def _phrase_at(words: list[str], i: int, grammar: Grammar, tokens: list[re.Match[str]], outside: str) -> Phrase | None:
    for phrase in grammar.phrases.get(words[i], ()):
        n = len(phrase.tokens)
        if tuple(words[i : i + n]) != phrase.tokens:
            continue
        first = tokens[i].group()
        if first.lower() in grammar.case_sensitive and first != first.lower():
            continue
        if phrase.family.startswith("address") and i + n < len(words) and words[i + n] in grammar.self_reference:
            continue
        if words[i] in grammar.need_follower and not _followed_by_word(outside, tokens[i].end()):
            continue
        return phrase
    return None


def _followed_by_word(text: str, end: int) -> bool:
    rest = text[end : end + 3]
    return rest[:1].isspace() and rest[1:2].isalnum()


def _scare_quotes(text: str, masked: Sequence[tuple[int, int]]) -> list[commentary.Cue]:
    """Lower-case words put in quotation marks in a sentence with no one to say them."""
    quotes = commentary.quoted_spans(text)
    if any(span not in quotes for span in masked):
        return []  # a verb of saying or a source phrase: the quoted words are somebody's
    return [commentary.Cue(m.group(), m.start(), m.end(), 1) for m in _SCARE_QUOTE.finditer(text)]


def _strongest_per_span(cues: list[commentary.Cue]) -> list[commentary.Cue]:
    """A match inside another ("doomed" in "is doomed") counts once, at the heavier weight; matches that only
    share a word ("will pay" and "pay the price") are two signals and both count."""
    cues.sort(key=lambda c: (c.start, -(c.end - c.start), -c.weight))
    kept: list[commentary.Cue] = []
    for cue in cues:
        if kept and cue.end <= kept[-1].end:
            if cue.weight > kept[-1].weight:
                kept[-1] = cue
            continue
        kept.append(cue)
    return kept
