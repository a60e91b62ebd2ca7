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

from desktop.core import commentary


@dataclass(frozen=True, slots=True)
class Feature:
    """One family of surface patterns, compiled once; ``name`` says which structural signal it is."""

    name: str
    regex: re.Pattern[str]
    weight: int


def _words(*alternatives: str) -> str:
    """Whole-word alternation; a phrase's spaces match any run of whitespace."""
    parts = sorted({a.strip() for a in alternatives if a.strip()}, key=len, reverse=True)
    return r"(?<![\w-])(?:" + "|".join(p.replace(" ", r"\s+") for p in parts) + r")(?![\w-])"


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
a step backwards|a step backward|a backward step|a slap|a kick in the teeth
""")
_EN_EVALUATIVE_WEAK = _lines("""
absurd|cynical|shameful|naive|brave|bold|welcome|wise|sensible|hasty|rushed|chaotic|nightmare|excuse
disastrous|catastrophic|terrible|terribly|awful|badly|poorly|dreadful|dire|bleak|grim|sorry|sad|depressing
alarming|worrying|troubling|disturbing|shocking|staggering|astonishing|astonishingly|remarkable|remarkably
striking|extraordinary|spectacular|spectacularly|predictable|predictably|inevitable|inevitably|convenient
populist|propaganda|lavish|bloated|dubious|questionable|flawed|deeply flawed|dangerous|harmful|damaging
costly|useless|hollow|empty|cheap|petty|lazy|failed|failing|broken|weak|feeble|timid|cautious|ambitious
vital|crucial|essential|urgently|desperately|overblown|exaggerated|inflated|unfair|unjust|injustice
fair|right|wrong|wrongly|mistake|mistaken|error|scandal|blunder|greatest|finest|gift to|insult
""")
_EN_ADDRESS = _lines("""
we|our|ours|ourselves|let's|let us|you|your|yours|yourself|yourselves
""")
_EN_OBLIGATION = _lines("""
must|must not|mustn't|should|should not|shouldn't|ought to|ought not|needs to|need to|has no right
cannot afford|can ill afford|cannot be allowed|must be allowed|must finally|should finally
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
apparently|evidently|obviously|clearly|plainly|in reality|in truth|in fact|the truth is|of course
presumably|seemingly|supposedly|ostensibly|transparently|all too
""")
_EN_PREDICTION = _lines("""
will only|will never|will simply|will just|will inevitably|will surely|will merely|would only|would merely
is bound to|are bound to|is doomed|are doomed|will pay|will backfire|would backfire|will come back to haunt
would mean|would be a|would be an|would amount to|would send|will go down|will be remembered
""")
_EN_INTENSIFIER = _lines("""
frankly|utterly|downright|truly|absolutely|entirely|totally|grossly|painfully|deeply|plain|sheer|mere
simply|so much|so little|far too|too little|too late|way too|hugely|massively|wildly|ridiculously
the latest sign|latest example|yet another|all the more|at best|at worst|whatsoever|at all
""")
_EN_GENERALISING = _lines("""
anyone who|anybody who|everyone knows|everybody knows|few things|rarely has|rarely have|rarely does|seldom has
never has|never have|no one in their right mind|nobody in their right mind|no sane|any sensible|any reasonable
those who need it least|those who need it most|ordinary people|ordinary families|hard-working|hardworking
""")
_EN_STANCE_OPENERS = re.compile(
    r"^[\W_]*(?:sadly|fortunately|unfortunately|thankfully|mercifully|frankly|predictably|ironically|tellingly|"
    r"curiously|oddly|rightly|worse|worse still|worse yet|even worse|better still|alas|honestly|admittedly|"
    r"astonishingly|remarkably|strangely|naturally|inevitably|shamefully|happily|luckily|regrettably|"
    r"in short|in the end|ultimately|put simply|simply put|the lesson is|the lesson here)(?![\w-])",
    _I,
)
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
_EN_COPULA = re.compile(
    r"(?<![\w-])(?:is|was|are|were|be|been|being|seems|seemed|looks|looked|remains|"
    r"proved|proves|sounds|feels|'s|’s)\s+(?:\w+\s+){0,3}$",
    _I,
)
_EN_US = re.compile(r"(?<![\w-])us(?![\w-])")  # lower case only: "US" is the country

# ---------------------------------------------------------------------------------------------------- German
_DE_EVALUATIVE_STRONG = _lines("""
Schande|schändlich|armselig|obszön|zahnlos|planlos|ideenlos|konzeptlos|gedankenlos|schamlos|maßlos
würdelos|instinktlos|mutlos|überfällig|überfälliger|überfällige|überfälligen|begrüßenswert|begrüßenswerte
begrüßenswerter|begrüßenswertes|begrüßenswerten|lobenswert|lobenswerte|lobenswerter|unklug|dumm|dümmer
unsinnig|Unsinn|Blödsinn|Farce|Posse|Trauerspiel|Armutszeugnis|Bankrotterklärung|Offenbarungseid
Feigenblatt|Nebelkerze|Nebelkerzen|Augenwischerei|Etikettenschwindel|Schaufensterpolitik|Symbolpolitik
Vetternwirtschaft|Klientelpolitik|Günstlingswirtschaft|Investitionsruine|Weckruf|Eigentor|Ohrfeige
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
desaströs|katastrophal|katastrophale|katastrophalen|katastrophaler|verheerende Bilanz|Schlamperei|Murks
Kehrtwende|Rolle rückwärts|Zickzackkurs|Hickhack|Chaostage|im Chaos|Geschenk an|Ohrfeige für|kein Ruhmesblatt
wenig überzeugend|nicht überzeugend|überzeugt nicht|greift zu kurz|greifen zu kurz|geht am Problem vorbei
an der Realität vorbei|mit Füßen getreten|ins Leere|Makulatur|Mogelpackung|Schildbürgerstreich
""")
_DE_EVALUATIVE_WEAK = _lines("""
absurd|zynisch|naiv|mutig|mutige|mutiger|mutigen|mutiges|kühn|kühne|kühner|ehrgeizig|vernünftig|klug|kluge
erstaunlich|erstaunlicherweise|bemerkenswert|bemerkenswerterweise|bequem|bequeme|herzlos|hilflos|tatenlos
ratlos|gescheitert|gescheiterte|gescheiterten|gescheitertes|Scheitern|Fehler|Fehlentscheidung|Albtraum
Chaos|chaotisch|Parolen|Populismus|populistisch|populistische|Propaganda|Skandal|skandalös|fatal|fatale
verheerend|verheerende|gefährlich|gefährliche|gefährlichen|schädlich|schädliche|fragwürdig|zweifelhaft
dürftig|dürftige|mager|magere|halbherzig|zaghaft|zaghafte|richtig|richtige|falsch|falsche|falschen
ungerecht|ungerechte|Ungerechtigkeit|gerecht|fair|unfair|traurig|bitter|bittere|bitterer|düster|düstere
alarmierend|besorgniserregend|schockierend|beschämend|peinlich|spektakulär|spektakuläres|spektakuläre
obszöne|verantwortlich zu machen|Beleidigung|Geschenk|Sieg|Niederlage|Versagen|Debakel|Desaster
""")
_DE_ADDRESS = _lines("""
wir|uns|unser|unsere|unserer|unseres|unserem|unseren|euch|euer|eure|eurer|eurem|euren|machen wir|seien wir
lassen wir|vergessen wir|wollen wir|dürfen wir|sollten wir|müssen wir
""")
_DE_OBLIGATION = _lines("""
muss|müssen|muss endlich|müssen endlich|sollte|sollten|sollte endlich|sollten endlich|darf nicht|dürfen nicht
darf keine|dürfen keine|darf kein|dürfen kein|gehört abgeschafft|gehören abgeschafft|man kann nur|man muss
man sollte|man darf|kann man nur|muss man|sollte man|darf man|es braucht|braucht es|es bräuchte|bräuchte es
""")
_DE_COMPARATIVE = _lines("""
besser|Besseres|Besseren|schlechter|schlimmer|schlimmer noch|noch schlimmer|am schlimmsten|das Beste
das Schlimmste|desto besser|umso besser|je eher|lieber|vorzuziehen
""")
_DE_REBUTTAL = _lines("""
stattdessen|anstelle|sondern|nicht etwa|mitnichten|keineswegs|beileibe nicht|geht es nie|ging es nie
ging es nicht|geht es nicht|geht es um|ging es um|weniger um|vielmehr|eher um|nichts anderes als|nicht mehr als
""")
_DE_MOTIVE = _lines("""
offenbar|offensichtlich|ganz offensichtlich|augenscheinlich|anscheinend|in Wahrheit|in Wirklichkeit
der eigentliche Grund|die eigentliche Absicht|das eigentliche Ziel|das eigentliche Problem|es geht ihm
es geht ihr|es geht ihnen|geht es ihm|geht es ihr|geht es ihnen|tatsächlich|natürlich|selbstverständlich
bekanntlich|freilich|durchschaubar|durchsichtig|vorgeblich|vorgeschoben|ausgerechnet|wohl kaum|kaum
""")
_DE_PREDICTION = _lines("""
wird nur|werden nur|wird nie|werden nie|wird niemals|werden niemals|wird kaum|werden kaum|wird zwangsläufig
wird sich rächen|werden sich rächen|wird teuer|wird am Ende|werden am Ende|zahlen den Preis|zahlt den Preis
würde bedeuten|würde nichts|würde nur|wäre ein|wäre eine|wäre das|wären|wird sein|sein wird|bleiben wird
""")
_DE_INTENSIFIER = _lines("""
schlicht|schlichtweg|geradezu|völlig|vollkommen|gänzlich|zutiefst|ausgesprochen|reichlich|allzu|viel zu|zu spät
zu wenig|überaus|höchst|nachgerade|regelrecht|blanker|blanke|blankes|reiner|reine|reines|pure|purer|pures
so viel|so wenig|jüngste Zeichen|jüngstes Beispiel|einmal mehr|wieder einmal|erneut|bestenfalls|schlimmstenfalls
überhaupt|ausgerechnet|nicht einmal|außer
""")
_DE_GENERALISING = _lines("""
kein vernünftiger|keine vernünftige|jeder weiß|jeder vernünftige|wer je|wer einmal|selten wurde|selten war
selten hat|selten hatte|niemals hat|kaum etwas|wenig ist|nichts ist|die kleinen Leute|der kleine Mann
die einfachen Leute|hart arbeitende|jene, die|diejenigen, die
""")
_DE_STANCE_OPENERS = re.compile(
    r"^[\W_]*(?:leider|zum Glück|glücklicherweise|immerhin|bezeichnenderweise|ausgerechnet|schlimmer noch|"
    r"erstaunlicherweise|dummerweise|ärgerlicherweise|bedauerlicherweise|fairerweise|ehrlicherweise|"
    r"ehrlich gesagt|offen gesagt|kurzum|am Ende|letztlich|unterm Strich|die Lehre|natürlich|"
    r"selbstverständlich|gottlob|zynisch|peinlich|traurig|fest steht|klar ist|sicher ist)(?![\w-])",
    _I,
)
_DE_IT_IS = re.compile(
    r"(?<![\w-])(?:es|das|dies)\s+(?:ist|war|wäre|bleibt|scheint)\s+(?:\w+\s+){0,2}?"
    r"(erstaunlich|bemerkenswert|bezeichnend|absurd|beschämend|ironisch|bedauerlich|inakzeptabel|unerhört|"
    r"skandalös|kaum zu glauben|schwer zu verstehen|wichtig|entscheidend|offensichtlich|kein Geheimnis|"
    r"kein Zufall|höchste Zeit|an der Zeit|Zeit|ein Skandal|eine Schande|schade|ein Fehler|eine Farce|"
    r"ein Witz|eine Zumutung|falsch|richtig|gut|schlecht|fair|unfair|traurig|schockierend|bizarr|"
    r"unverständlich|verständlich|unbegreiflich|notwendig|nötig|überfällig|ärgerlich|zynisch)(?![\w-])",
    _I,
)
# "statt" rebuts only in front of what it replaces; at a clause's end it is a verb particle ("findet … statt").
_DE_INSTEAD = re.compile(r"(?<![\w-])(?:an)?statt(?=\s+\w)", _I)
_DE_COPULA = re.compile(
    r"(?<![\w-])(?:ist|war|sind|waren|wäre|wären|sei|bleibt|blieb|scheint|wirkt|wirkte|"
    r"erscheint|klingt)\s+(?:\w+\s+){0,3}$",
    _I,
)


def _features(
    strong: list[str],
    weak: list[str],
    address: list[str],
    obligation: list[str],
    comparative: list[str],
    rebuttal: list[str],
    motive: list[str],
    prediction: list[str],
    intensifier: list[str],
    generalising: list[str],
) -> tuple[Feature, ...]:
    return (
        Feature("evaluative", re.compile(_words(*strong), _I), 2),
        Feature("evaluative", re.compile(_words(*weak), _I), 1),
        Feature("address", re.compile(_words(*address), _I), 2),
        Feature("obligation", re.compile(_words(*obligation), _I), 1),
        Feature("comparative", re.compile(_words(*comparative), _I), 1),
        Feature("rebuttal", re.compile(_words(*rebuttal), _I), 1),
        Feature("motive", re.compile(_words(*motive), _I), 1),
        Feature("prediction", re.compile(_words(*prediction), _I), 1),
        Feature("intensifier", re.compile(_words(*intensifier), _I), 1),
        Feature("generalising", re.compile(_words(*generalising), _I), 1),
    )


@dataclass(frozen=True, slots=True)
class Grammar:
    """A language's compiled features: word-list families and the few sentence-shape patterns."""

    features: tuple[Feature, ...]
    stance_opener: re.Pattern[str]
    it_is: re.Pattern[str]
    copula: re.Pattern[str]
    extra: tuple[Feature, ...] = ()


_GRAMMARS = {
    "en": Grammar(
        _features(
            _EN_EVALUATIVE_STRONG,
            _EN_EVALUATIVE_WEAK,
            _EN_ADDRESS,
            _EN_OBLIGATION,
            _EN_COMPARATIVE,
            _EN_REBUTTAL,
            _EN_MOTIVE,
            _EN_PREDICTION,
            _EN_INTENSIFIER,
            _EN_GENERALISING,
        ),
        _EN_STANCE_OPENERS,
        _EN_IT_IS,
        _EN_COPULA,
        (Feature("address", _EN_US, 2),),
    ),
    "de": Grammar(
        _features(
            _DE_EVALUATIVE_STRONG,
            _DE_EVALUATIVE_WEAK,
            _DE_ADDRESS,
            _DE_OBLIGATION,
            _DE_COMPARATIVE,
            _DE_REBUTTAL,
            _DE_MOTIVE,
            _DE_PREDICTION,
            _DE_INTENSIFIER,
            _DE_GENERALISING,
        ),
        _DE_STANCE_OPENERS,
        _DE_IT_IS,
        _DE_COPULA,
        (Feature("rebuttal", _DE_INSTEAD, 1),),
    ),
}

# A short quotation of one or two lower-case words the sentence attributes to no one: scare quotes.
_SCARE_QUOTE = re.compile(r"(?:^|(?<=[\s(]))[\"“„‚‘'»«]([a-zäöüß][\w-]*(?:\s[\w-]+)?)[\"”“‘’'«»](?![\w])")
_EXCLAMATION_OPENER = re.compile(r"^[\W_]*(?:what a|what an|how|was für|welch|wie)(?![\w-])", _I)


def subjectivity_cues(text: str, language: str, taken: Sequence[commentary.Cue] = ()) -> list[commentary.Cue]:
    """Structural cues in the author's own voice, minus the weight of lexicon cues (``taken``) they overlap,
    so a word both sources know counts once, at its heavier weight."""
    found = []
    for cue in _signal(text, language):
        overlap = max((c.weight for c in taken if c.start < cue.end and cue.start < c.end), default=0)
        if cue.weight > overlap:
            found.append(commentary.Cue(cue.text, cue.start, cue.end, cue.weight - overlap))
    return found


@lru_cache(maxsize=65536)
def _signal(text: str, language: str) -> tuple[commentary.Cue, ...]:
    grammar = _GRAMMARS.get(language, _GRAMMARS["en"])
    masked = commentary.attributed_spans(text, language)
    outside = commentary._blank(text, masked)  # the same masking as the lexicon cues
    found: list[commentary.Cue] = []
    for feature in (*grammar.features, *grammar.extra):
        for match in feature.regex.finditer(outside):
            weight = feature.weight
            if feature.name == "evaluative" and weight == 1 and grammar.copula.search(outside, 0, match.start()):
                weight = 2  # "the rollout was chaotic": the author's predicate, not a description of a scene
            found.append(commentary.Cue(match.group(), match.start(), match.end(), weight))
    for regex, weight in ((grammar.stance_opener, 2), (grammar.it_is, 2), (_EXCLAMATION_OPENER, 1)):
        opener = regex.search(outside)
        if opener:
            found.append(commentary.Cue(opener.group().strip(" \"'„“»«([–—-"), opener.start(), opener.end(), weight))
    found.extend(_scare_quotes(text, masked))
    return tuple(_strongest_per_span(found))


def _scare_quotes(text: str, masked: Sequence[tuple[int, int]]) -> list[commentary.Cue]:
    """Lower-case words put in quotation marks in a sentence with no one to say them."""
    quotes = commentary.quoted_spans(text)
    if any(span not in quotes for span in masked):
        return []  # a verb of saying or a source phrase: the quoted words are somebody's
    return [commentary.Cue(m.group(), m.start(), m.end(), 1) for m in _SCARE_QUOTE.finditer(text)]


def _strongest_per_span(cues: list[commentary.Cue]) -> list[commentary.Cue]:
    """Overlapping matches of several families ("far too" as intensifier and evaluative) count once."""
    cues.sort(key=lambda c: (c.start, -c.weight, -(c.end - c.start)))
    kept: list[commentary.Cue] = []
    for cue in cues:
        if kept and cue.start < kept[-1].end:
            if cue.weight > kept[-1].weight:
                kept[-1] = cue
            continue
        kept.append(cue)
    return kept
