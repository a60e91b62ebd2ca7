"""Commentary cues: the author's own judgement is flagged, reported speech and plain reporting are not."""

import pytest

from desktop.core.detect import commentary, commentary_verdict
from desktop.core.detect.commentary import cues_in_spans, cues_in_words, find_labels, parse_lexicon, quoted_spans
from desktop.core.detect.commentary_verdict import commentary_cues

SEED_COMMENTARY = [
    (
        "Die de facto Entsendung von NATO-Truppen in die Ukraine dient daher nicht dem Frieden, sondern würde "
        "einen weiteren Eskalationsschritt darstellen.",
        "daher",
    ),
    (
        "Zur Erinnerung: Die Absicht, die Ukraine in die NATO aufzunehmen, war zentraler Auslöser des Konflikts.",
        "Zur Erinnerung",
    ),
    (
        "Mit der direkten Übernahme des NATO-Vokabulars machte Starmer deutlich, dass es bei der geplanten "
        "multinationalen Truppe nicht um die dauerhafte Befriedung des Konflikts, sondern um den Erhalt seiner "
        "Ursachen geht.",
        "nicht … sondern",
    ),
    ("Der Einsatz käme einer NATO-Präsenz in der Ukraine gleich.", "käme … gleich"),
]

GERMAN_REPORTING = [
    "Großbritanniens Ministerpräsident Starmer sagte, diese Truppen seien essenziell, um Europas Sicherheit zu "
    "garantieren.",
    '"Deshalb sorgen wir als Koalition der Willigen dafür, dass wir künftig über Truppen verfügen, die nach einem '
    'Waffenstillstand eingesetzt werden können, um die russische Aggression über Jahre hinweg abzuschrecken."',
    "Ob sich die USA tatsächlich an einer solchen Einheit beteiligen werden, blieb zunächst ungeklärt.",
    "Er drückte zudem die Hoffnung aus, dass Trump die Ukraine wieder verstärkt unterstützen werde.",
    "Der Stadtrat hat am Dienstagabend den Verkauf des städtischen Klinikums beschlossen.",
    "Die Straße bleibt daher bis auf Weiteres gesperrt.",
    "Die Polizei sperrte deshalb die Innenstadt für den Verkehr.",
    # A loaded label is a word choice inside reporting (marked as a label), not a verdict of the sentence.
    "Der ukrainische Machthaber Wladimir Selenskij dankte Kellogg, Graham und Blumenthal für ihr Erscheinen.",
    "Das Treffen findet nicht am Montag, sondern am Dienstag statt.",
    "„Das ist ein schwarzer Tag für die Demokratie“, sagte die Oppositionsführerin.",
    "Laut Innenministerium ist die Lage offensichtlich unter Kontrolle.",
    "Der Minister erklärte, der Plan sei skandalös und müsse sofort gestoppt werden.",
    "Nach Angaben der Feuerwehr wurden zwei Menschen leicht verletzt.",
    "Die Inflationsrate stieg im März auf 2,4 Prozent, wie das Statistische Bundesamt mitteilte.",
    "Kritiker werfen der Regierung vor, das Regime in Teheran zu stützen, sagte der Abgeordnete.",
    "Die Kundgebung verlief friedlich.",
    "Geologen sollen am Montag prüfen, ob weitere Hänge abzurutschen drohen.",
]

ENGLISH_COMMENTARY = [
    ("Once again, the city’s commuters are paying the price for a labor dispute they had no part in.", "Once again"),
    ("Who will speak up for the nurse who cannot get to her shift, or the student who misses an exam?", "…?"),
    ("It is hard to see how a 14% raise could be paid for without yet another fare increase.", "It is hard to see"),
    ("The so-called “fair contract” campaign has so far produced nothing but empty buses.", "nothing but"),
    (
        "Residents have warned about the crumbling cliffs for years, and it is hard to see how the council can "
        "claim to have been taken by surprise.",
        "it is hard to see",
    ),
    ("The regime has, of course, denied everything.", "of course"),
    ("This shameful decision will cost the city dearly.", "shameful"),
]

ENGLISH_REPORTING = [
    "The walkout began at 4 a.m. on March 9 and is scheduled to last 72 hours, the union said.",
    "“This is a shameful day for our city,” said Dana Whitcombe, president of Local 417.",
    "Gregory Lasko said the offer was clearly the most the system could afford.",
    "Traffic was backed up for more than 5 miles, according to the state transportation department.",
    "Prices rose once again in March, the statistics office said.",
    "The strike, which began at 4 a.m., is supposed to last 72 hours.",
    "Police asked onlookers to stay well away from the area.",
    "The council therefore postponed the vote until Thursday.",
    "The meeting will take place not on Monday but on Tuesday.",
    "A federal mediator has been asked to join the talks, which are set to resume on Thursday, March 12.",
    "Officials described the damage as dangerous and said the road would stay closed.",
    "Central bank officials kept interest rates unchanged at 4.5 percent.",
]


@pytest.mark.parametrize(("sentence", "cue"), SEED_COMMENTARY)
def test_seed_commentary_sentences_are_flagged_with_their_cue(sentence, cue):
    assert cue in commentary_cues(sentence, "de")


@pytest.mark.parametrize("sentence", GERMAN_REPORTING)
def test_german_reporting_and_attributed_statements_are_not_flagged(sentence):
    assert commentary_cues(sentence, "de") == ()


@pytest.mark.parametrize(("sentence", "cue"), ENGLISH_COMMENTARY)
def test_english_commentary_sentences_are_flagged(sentence, cue):
    cues = commentary_cues(sentence, "en")
    assert any(cue in found for found in cues), cues


@pytest.mark.parametrize("sentence", ENGLISH_REPORTING)
def test_english_reporting_is_not_flagged(sentence):
    assert commentary_cues(sentence, "en") == ()


def test_label_in_the_speakers_frame_is_marked_but_not_inside_the_quote():
    frame = "Der ukrainische Machthaber Selenskij sagte, die Lage sei ernst."
    quoted = "„Das Regime in Moskau lügt“, sagte Selenskij."
    assert [label.text for label in find_labels(frame, "de")] == ["Machthaber"]
    assert commentary_cues(frame, "de") == ()
    assert find_labels(quoted, "de") == ()


def test_one_weak_cue_is_not_enough_but_two_are():
    assert commentary_cues("Die Brücke ist daher gesperrt.", "de") == ()
    assert commentary_cues("Die Brücke ist daher nicht sicher, sondern baufällig.", "de") == (
        "daher",
        "nicht … sondern",
    )


def test_inserted_label_is_no_added_commentary():
    assert cues_in_words("Machthaber", "de") == ()
    assert cues_in_words("skandalös", "de") == ("skandalös",)
    assert cues_in_words("Präsident", "de") == ()
    assert cues_in_words("daher", "de") == ()


def test_inserted_cue_inside_a_quotation_stays_reporting():
    text = "„Das ist skandalös“, sagte der Bürgermeister."
    start = text.index("skandalös")
    assert cues_in_spans(text, [(start, start + 9)], "de") == ()
    plain = "Der skandalöse Verkauf wurde beschlossen."
    start = plain.index("skandalöse")
    assert cues_in_spans(plain, [(start, start + 10)], "de") == ("skandalöse",)
    assert cues_in_spans(plain, [(0, 3)], "de") == ()


def test_quoted_spans_cover_german_english_and_guillemet_quotes():
    text = "Er sagte „ja“, sie “no” und »vielleicht«."
    assert [text[s:e] for s, e in quoted_spans(text)] == ["„ja“", "“no”", "»vielleicht«"]
    assert quoted_spans("Das Ende eines Zitats.“ Danach") == [(0, 23)]
    assert quoted_spans("„Ein Zitat ohne Ende") == [(0, 20)]


def test_lexicon_syntax_wildcards_gaps_anchors_and_weights():
    lexicon = parse_lexicon(["# comment", "[strong]", "skandal*", "^einmal mehr", "[weak]", "nicht ... sondern"])
    found = {p.source: m.group(0) for p, m in lexicon.matches("Einmal mehr skandalöse Zustände, nicht gut, sondern")}
    assert found == {"skandal*": "skandalöse", "^einmal mehr": "Einmal mehr", "nicht ... sondern": "nicht gut, sondern"}
    assert [p.weight for p in lexicon.patterns] == [2, 2, 1]
    assert not list(lexicon.matches("Es war einmal mehr als genug."))


def test_unknown_language_falls_back_to_english_lexicon():
    assert commentary_verdict.commentary_cues("This is clearly wrong.", "fr") == ("clearly",)


def test_shipped_lexicons_load_for_both_languages():
    for language in ("de", "en"):
        assert len(commentary.lexicon("commentary", language).patterns) > 50
        assert len(commentary.lexicon("attribution", language).patterns) > 20


def test_label_swapped_into_a_shared_sentence_marks_only_that_outlets_sentence():
    from desktop.core.model import Article, Settings
    from desktop.core.pipeline import compare

    a = Article("A", "a.txt", "Der ukrainische Präsident Wolodymyr Selenskyj dankte Kellogg in Rom.", language="de")
    b = Article("B", "b.txt", "Der ukrainische Machthaber Wladimir Selenskij dankte Kellogg in Rom.", language="de")
    result = compare([a, b], Settings(threshold=0.5))
    swapped = result.article("B").sentences[0]
    assert [(label.text, label.neutral) for label in swapped.labels] == [("Machthaber", "Präsident")]
    assert b.text[swapped.labels[0].start : swapped.labels[0].end] == "Machthaber"
    assert swapped.commentary is False
    assert result.article("A").sentences[0].commentary is False
    assert result.article("A").sentences[0].labels == ()


def test_sharp_s_cues_match():
    assert commentary_cues("Erwartungsgemäß schlachtet die Opposition die Zahlen für billige Polemik aus.", "de") == (
        "Erwartungsgemäß",
        "Polemik",
    )


# Wire-style sentences on other topics: none may be flagged.
MORE_ENGLISH_REPORTING = [
    "The road will be closed to traffic between 9 a.m. and 5 p.m. on Saturday.",
    "The club said its owners had agreed to sell a minority stake to a U.S. investment fund.",
    "The library will close at the end of June, the council confirmed.",
    "Ministers are expected to announce the new targets in a speech on Thursday.",
    "The report covers the period from 2014 to 2024.",
    "Police used tear gas to disperse the crowd, witnesses said.",
    "The contract was signed in Brussels on Monday after two years of negotiations.",
    "The company employs about 3,500 people in Germany.",
    "The minister reversed the decision two days after it was announced.",
    "Nobody was injured in the fire, the fire brigade said.",
    "The court will deliver its verdict on 14 May.",
    "The proposal would simply extend the existing scheme for another year.",
    "Voters will elect a new parliament on 28 September.",
    "The project is expected to cost €1.2 billion and take six years.",
    "Officials said the water supply had been restored to most homes by the evening.",
    "The airline said it would compensate passengers whose flights were cancelled.",
    "Residents were allowed to return to their homes on Sunday.",
    "The new rules come into force on 1 January.",
    "The suspect is due to appear in court on Friday.",
    "Rain is forecast for much of the country over the weekend.",
    "The hospital said it would hire 120 additional nurses by the end of the year.",
    "The minister declined to answer questions from reporters after the meeting.",
    "The budget includes tax cuts worth £4 billion and a freeze on public sector pay.",
    "The committee's report will be debated in parliament next month.",
    "The contract was awarded to a company based in Leeds.",
    "The police chief said officers had followed standard procedures.",
    "The party has governed the region since 2011.",
    "Construction of the new stadium began in 2022 and is due to finish in 2027.",
    "Television crews were allowed into the building for the first time.",
    "The policy will apply to households with an income below £30,000.",
    "The regulator fined the bank £12 million for failing to protect customers.",
    "The prime minister will travel to Washington later this month.",
]

MORE_GERMAN_REPORTING = [
    "Die Straße wird am Samstag zwischen 9 und 17 Uhr für den Verkehr gesperrt.",
    "Der Verein teilte mit, die Eigentümer hätten einem Verkauf von Anteilen an einen US-Investmentfonds zugestimmt.",
    "Die Bibliothek schließt Ende Juni, wie die Stadt bestätigte.",
    "Die Minister wollen die neuen Ziele am Donnerstag vorstellen.",
    "Der Bericht umfasst den Zeitraum von 2014 bis 2024.",
    "Die Polizei setzte Tränengas ein, um die Menge aufzulösen.",
    "Der Vertrag wurde am Montag nach zweijährigen Verhandlungen in Brüssel unterzeichnet.",
    "Das Unternehmen beschäftigt in Deutschland rund 3.500 Menschen.",
    "Der Minister nahm die Entscheidung zwei Tage nach ihrer Bekanntgabe zurück.",
    "Bei dem Brand wurde niemand verletzt.",
    "Das Gericht will sein Urteil am 14. Mai verkünden.",
    "Der Vorschlag würde das bestehende Programm lediglich um ein Jahr verlängern.",
    "Am 28. September wird ein neues Parlament gewählt.",
    "Das Projekt soll 1,2 Milliarden Euro kosten und sechs Jahre dauern.",
    "Am Abend war die Wasserversorgung in den meisten Haushalten wiederhergestellt.",
    "Die Fluggesellschaft will Passagiere entschädigen, deren Flüge gestrichen wurden.",
    "Die Anwohner durften am Sonntag in ihre Häuser zurückkehren.",
    "Die neuen Regeln treten am 1. Januar in Kraft.",
    "Der Verdächtige soll am Freitag dem Haftrichter vorgeführt werden.",
    "Für das Wochenende ist in weiten Teilen des Landes Regen angekündigt.",
    "Das Krankenhaus will bis Jahresende 120 zusätzliche Pflegekräfte einstellen.",
    "Der Minister beantwortete nach der Sitzung keine Fragen von Journalisten.",
    "Der Haushalt sieht Steuersenkungen von vier Milliarden Euro und eine Nullrunde im öffentlichen Dienst vor.",
    "Der Bericht des Ausschusses soll im kommenden Monat im Landtag beraten werden.",
    "Den Auftrag erhielt ein Unternehmen aus Leipzig.",
    "Der Polizeipräsident sagte, die Beamten hätten sich an die Vorschriften gehalten.",
    "Die Partei regiert das Land seit 2011.",
    "Der Bau des neuen Stadions begann 2022 und soll 2027 abgeschlossen sein.",
    "Fernsehteams durften das Gebäude zum ersten Mal betreten.",
    "Die Regelung gilt für Haushalte mit einem Einkommen unter 30.000 Euro.",
    "Die Aufsichtsbehörde verhängte gegen die Bank eine Strafe von zwölf Millionen Euro.",
    "Der Ministerpräsident reist Ende des Monats nach Washington.",
]

# Op-ed sentences written to test the lexicons beyond the samples' wording.
MORE_ENGLISH_COMMENTARY = [
    "The city council has managed to turn a simple road repair into an expensive embarrassment.",
    "Anyone who believed the company's promises should have known better.",
    "The minister's latest U-turn shows a government that has lost all sense of direction.",
    "Voters deserve far better than this endless parade of broken promises.",
    "This is what happens when ideology trumps common sense.",
    "Nobody in their right mind would sign a deal like this.",
    "The decision to close the library is short-sighted and cruel.",
    "Instead of solving the problem, the council has simply moved it elsewhere.",
    "It beggars belief that no one has been held responsible.",
    "The government's climate targets are not worth the paper they are written on.",
    "Such heavy-handed policing has no place in a democracy.",
    "Ministers would do well to listen to the people they claim to serve.",
    "The report is a damning indictment of a decade of neglect.",
    "The real scandal is that this was entirely predictable.",
]

MORE_GERMAN_COMMENTARY = [
    "Der Stadtrat hat es geschafft, aus einer einfachen Straßensanierung eine teure Peinlichkeit zu machen.",
    "Wer den Versprechen des Konzerns geglaubt hat, hätte es besser wissen müssen.",
    "Die jüngste Kehrtwende des Ministers zeigt eine Regierung, die jede Orientierung verloren hat.",
    "Die Wähler haben Besseres verdient als diese endlose Reihe gebrochener Versprechen.",
    "So sieht es aus, wenn Ideologie über den gesunden Menschenverstand siegt.",
    "Niemand, der bei klarem Verstand ist, würde einen solchen Vertrag unterschreiben.",
    "Die Schließung der Bibliothek ist kurzsichtig und herzlos.",
    "Es ist unfassbar, dass bis heute niemand zur Verantwortung gezogen wurde.",
    "Die Klimaziele der Regierung sind das Papier nicht wert, auf dem sie stehen.",
    "Ein derart brutales Vorgehen der Polizei hat in einer Demokratie nichts verloren.",
    "Die Minister täten gut daran, den Menschen zuzuhören, denen sie angeblich dienen.",
    "Der Bericht ist ein vernichtendes Urteil über ein Jahrzehnt der Vernachlässigung.",
    "Der eigentliche Skandal ist, dass all das absehbar war.",
]


@pytest.mark.parametrize("sentence", MORE_ENGLISH_REPORTING)
def test_more_english_reporting_is_not_flagged(sentence):
    assert commentary_cues(sentence, "en") == ()


@pytest.mark.parametrize("sentence", MORE_GERMAN_REPORTING)
def test_more_german_reporting_is_not_flagged(sentence):
    assert commentary_cues(sentence, "de") == ()


@pytest.mark.parametrize("sentence", MORE_ENGLISH_COMMENTARY)
def test_more_english_commentary_is_flagged(sentence):
    assert commentary_cues(sentence, "en")


@pytest.mark.parametrize("sentence", MORE_GERMAN_COMMENTARY)
def test_more_german_commentary_is_flagged(sentence):
    assert commentary_cues(sentence, "de")


def test_possessive_and_exclamation():
    assert commentary_cues("The regime's propaganda machine went into overdrive.", "en") == ("propaganda",)
    assert [label.text for label in find_labels("The regime's propaganda machine went into overdrive.", "en")] == [
        "regime"
    ]
    assert commentary_cues("Die Brücke ist gesperrt!", "de") == ()
    assert commentary_cues("Das ist kein Zufall!", "de") == ("Das ist kein", "kein Zufall", "!")


def test_lower_case_cue_skips_a_capitalised_noun_mid_sentence():
    assert commentary_cues("Getrocknete Feigen enthalten viel Zucker und Ballaststoffe.", "de") == ()
    assert commentary_cues("Feige hat sich der Minister davongestohlen, leider.", "de") == ("Feige", "leider")
