"""The English subjectivity features: word lists by family (evaluative words, address, obligation, prescription,
comparatives, rebuttal, motive, prediction, intensifiers, generalising, framing, forecasts, hedges), the stance
openers and impersonal verdicts, and the sentence shapes of judgement, compiled into ``ENGLISH``. Hand-written,
calibrated on ``tests/commentary_dev_set.py``.
"""

from __future__ import annotations

import re

from desktop.core.detect.subjectivity.grammar import Grammar, phrase_index, split_entries

_EN_EVALUATIVE_STRONG = split_entries("""
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
_EN_EVALUATIVE_WEAK = split_entries("""
absurd|cynical|shameful|naive|brave|bold|welcome|wise|sensible|hasty|rushed|chaotic|nightmare|excuse
astonishing|astonishingly|predictable|predictably|inevitable|inevitably|convenient
populist|propaganda|lavish|bloated|dubious|questionable|flawed|deeply flawed|useless|hollow
petty|lazy|feeble|timid|ambitious|overblown|exaggerated|inflated|unfair|unjust|injustice
wrong|wrongly|mistake|mistaken|error|scandal|blunder|greatest|finest|gift to|insult|the right decision
the right call|the right move|the right thing|the right one|the wrong decision|the wrong signal|the wrong message
""")
_EN_ADDRESS = split_entries("""
we|ourselves|let's|let us|you|your|yours|yourself|yourselves|our children|our country|our society
our democracy|our leaders|our politicians|our grandchildren|our future|all of us|each of us|none of us
""")
# "our offices", "bei uns in der Region": a local outlet speaking of itself; leans, but does not prove.
_EN_ADDRESS_WEAK = split_entries("our|ours|us")
_EN_OBLIGATION = split_entries("""
must|must not|mustn't|should|should not|shouldn't|needs to|need to
cannot afford|can ill afford|cannot be allowed|must be allowed
""")
# Prescribing to the reader or to the powerful: rare in reporting outside a quotation.
_EN_PRESCRIPTION = split_entries("""
ought to|ought not|has no right|have no right|needs more|need more|needs fewer|need fewer|needs less|need less
one can only hope|it is to be hoped|let us hope|let's hope|one would hope|one has to ask|one must ask
""")
_EN_COMPARATIVE = split_entries("""
better|worse|the best|the worst|worse still|even worse|worse yet|better still|far better|far worse
the sooner|the better|the more|preferable
""")
_EN_REBUTTAL = split_entries("""
instead of|rather than|was never about|is never about|is not about|was not about|is about|was about
not because|no more than|nothing less than|anything but
""")
_EN_MOTIVE = split_entries("""
evidently|obviously|clearly|plainly|in reality|in truth|in fact|the truth is|of course
supposedly|ostensibly|transparently|all too|would rather|would sooner
""")
_EN_PREDICTION = split_entries("""
will only|will never|will simply|will just|will inevitably|will surely|will merely|would only|would merely
is bound to|are bound to|is doomed|are doomed|will pay|will backfire|would backfire|will come back to haunt
would mean|would be a|would be an|would amount to|would send|will go down|will be remembered|mean nothing
means nothing|change nothing|changes nothing
""")
_EN_INTENSIFIER = split_entries("""
frankly|utterly|downright|truly|absolutely|entirely|totally|grossly|painfully|deeply|plain|sheer|mere
simply|so much|so little|far too|too little|too late|way too|hugely|massively|wildly|ridiculously
the latest sign|latest example|yet another|all the more|at best|at worst|whatsoever|at all|finally
not a single|not one single|a single
""")
_EN_GENERALISING = split_entries("""
anyone who|anybody who|everyone knows|everybody knows|few things|rarely has|rarely have|rarely does|seldom has
never has|never have|no one in their right mind|nobody in their right mind|no sane|any sensible|any reasonable
those who need it least|those who need it most|ordinary people|ordinary families|hard-working|hardworking
""")
_EN_STANCE_STRONG = re.compile(
    r"^[\W_]*(?:sadly|fortunately|unfortunately|thankfully|mercifully|frankly|predictably|ironically|tellingly|"
    r"curiously|oddly|rightly|worse|worse still|worse yet|even worse|better still|alas|honestly|admittedly|"
    r"astonishingly|remarkably|strangely|shamefully|happily|luckily|regrettably|put simply|simply put|"
    r"the lesson is|the lesson here)(?![\w-])",
    re.I,
)
_EN_STANCE_WEAK = re.compile(r"^[\W_]*(?:naturally|inevitably|in short|in the end|ultimately)(?![\w-])", re.I)
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
    re.I,
)
# Framing (issue 14; the package docstring says why): verdicts hedged as a reading, interim balances, outcome
# nouns, impressions, the mood of a scene.
_EN_FRAMING = split_entries("""
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
_EN_FRAMING_WEAK = split_entries("""
humiliating|awkward|sobering|bitter|fragile|symbolic|remarkable|historic|uncomfortable|disappointing
underwhelming|lacklustre|lackluster|tepid|lukewarm|stark|extraordinary|striking|telling|daunting|turnaround
spectacle|theatre|theater|gamble|triumph|divisive
""")
# Forecasts in the outlet's own voice, and the consequences they predict: together they make a verdict.
_EN_FORECAST = split_entries("""
is likely to|are likely to|was likely to|will likely|would likely|is set to deepen|could well|may well|might well
will probably|would probably|is expected to deepen|are expected to deepen|threatens to|threaten to
is unlikely to|are unlikely to|looks set to|seems set to|appears set to|looks likely|seems likely
""")
# Base forms only (what follows "is likely to"); "damages", "belastet" are as often plain reporting.
_EN_CONSEQUENCE = split_entries("""
deepen|fuel|overshadow|weigh on|embolden|undermine|complicate|strain|dent|erode|reignite|stoke|intensify|sour
haunt|dominate|backfire|hurt|damage|weaken|inflame|harden|widen|cloud|tarnish|unsettle
""")
# "offenbar", "apparently": hedging an unconfirmed fact ("es gibt offenbar zahlreiche Verletzte") is reporting;
# it leans towards opinion only together with another cue.
_EN_HEDGE = split_entries("apparently|seemingly|presumably")
_EN_SELF = frozenset(
    split_entries("""
correspondent|correspondents|reporter|reporters|newspaper|paper|editor|editors|editorial|readers|reader|website
site|newsletter|podcast|team|staff|journalists|colleagues|sources|source|survey|poll|analysis|investigation
""")
) | {"us"}
ENGLISH = Grammar(
    phrase_index(
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
    frozenset(split_entries("is|was|are|were|be|been|being|seems|seemed|looks|looked|remains|proved|proves|sounds")),
    _EN_STANCE_STRONG,
    _EN_STANCE_WEAK,
    _EN_IT_IS,
    _EN_SELF,
    case_sensitive=frozenset({"us"}),
    shapes=(
        (re.compile(r"^[\W_]*(?:only (?:a|an)|any|no)\s+(?:[\w-]+\s+){0,3}?(?:would|could)(?![\w-])", re.I), 2),
        (
            re.compile(
                r"^[\W_]*(?:a|an)\s+(?:serious|responsible|competent|sensible|decent|functioning|normal|"
                r"reasonable|honest|wise|good|grown-up|credible)\s+[\w-]+\s+(?:would|could)(?![\w-])",
                re.I,
            ),
            2,
        ),
        (re.compile(r"(?<![\w-])(?:should|ought to)\s+(?:never\s+|not\s+)?have\s+[\w-]+", re.I), 2),
        (
            re.compile(r"^[\W_]*let\s+(?:nobody|no one|no-one|them|it|there|everyone|anyone|him|her)(?![\w-])", re.I),
            2,
        ),
        (re.compile(r"^[\W_]*(?:nobody|no one|no-one)\s+(?:should|ought|needs to|can seriously)(?![\w-])", re.I), 2),
    ),
    openings=(
        # "What the region needs is investment": a pseudo-cleft that prescribes.
        re.compile(r"^[\W_]*what\s+(?:[\w'’-]+\s+){1,4}?(?:needs?|should do|ought to do|must do)\s+is(?![\w-])", re.I),
        # "Another summit, another communiqué": the weary repetition of the op-ed writer.
        re.compile(r"^[\W_]*(another|yet another)\s+[\w-]+,\s+(?:another|yet another)\s", re.I),
    ),
    rebuttal_end=re.compile(r",\s+(?:not|rather than|instead of)\s+(?:a |an |the )?[\w-]+(?:\s[\w-]+)?[.!]?\s*$", re.I),
)
