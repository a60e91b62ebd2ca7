"""What the pipeline stages remember between calls never changes what they answer.

The later stages keep per-sentence results (commentary cues, facts, word diffs, sentence spans) so that
sentences shared by many outlets, and a re-run after a threshold change, are not worked out again. These tests
pin that the remembered answers are the ones a fresh computation gives, and that callers cannot spoil them.
"""

from desktop.core import pipeline
from desktop.core.align import worddiff
from desktop.core.detect import commentary, commentary_verdict
from desktop.core.engine import Engine
from desktop.core.model import DiffOp, FactKind, Settings
from desktop.core.resources import sample_paths
from desktop.core.sources.loading import load_article
from desktop.core.text import segmentation
from desktop.core.text.facts.extraction import extract_facts
from desktop.core.text.facts.index import FactIndex
from desktop.export import jsonio


def test_hyphenated_label_cue_is_found_wherever_its_word_occurs():
    # "*-machthaber" may start inside any word, so it is tried only in sentences containing its core.
    found = commentary.find_labels("Der Rathaus-Machthaber verteidigte den Verkauf.", "de")
    assert [label.text for label in found] == ["Rathaus-Machthaber"]
    assert commentary.find_labels("Der Rathaus-Chef verteidigte den Verkauf.", "de") == ()


def test_cues_handed_out_are_copies_the_caller_may_change():
    sentence = "Zur Erinnerung: Die Stadt hat das Klinikum verkauft."
    first = commentary.find_cues(sentence, "de")
    first.clear()
    assert [c.text for c in commentary.find_cues(sentence, "de")] == ["Zur Erinnerung"]


def test_same_sentence_judged_alike_in_each_language_it_is_asked_in():
    # Remembered per language: the English lexicon knows "clearly", the German one does not.
    sentence = "This is clearly wrong."
    assert commentary_verdict.commentary_cues(sentence, "en") == ("clearly",)
    assert commentary_verdict.commentary_cues(sentence, "de") == ()
    assert commentary_verdict.commentary_cues(sentence, "en") == ("clearly",)


def test_quotation_marks_far_apart_still_mask_the_quoted_words():
    quoted = "„" + "sehr " * 200 + "skandalös“"
    sentence = "Kowalczyk sagte: " + quoted + " Die Sitzung endete um 22 Uhr."
    assert commentary.quoted_spans(sentence) == [(17, 17 + len(quoted))]
    assert commentary_verdict.commentary_cues(sentence, "de") == ()


def test_remembered_facts_still_depend_on_the_names_the_article_introduced():
    later = "Am Abend sprach Graham mit Journalisten."
    assert "Graham" not in [t for t, *_ in extract_facts(later, "de")]
    assert "Graham" in [t for t, *_ in extract_facts(later, "de", {"Graham", "Starmer"})]
    assert "Graham" in [t for t, *_ in extract_facts(later, "de", {"Graham"})]
    assert "Graham" not in [t for t, *_ in extract_facts(later, "de", {"Starmer"})]


def test_extracted_facts_handed_out_are_copies():
    sentence = "Der Vertrag gilt ab 1. April 2026."
    first = extract_facts(sentence, "de")
    first.clear()
    assert extract_facts(sentence, "de") == [("1. April 2026", FactKind.DATE, 20, 33)]


def test_fact_index_answers_each_asking_language_on_its_own():
    # "billion" is 10^9 in English and 10^12 in German: one index asked from both must not mix the answers.
    index = FactIndex.build("Die Schulden liegen bei 2 Billionen Euro.", "de")
    assert not index.contains("2 billion", FactKind.NUMBER, "en")
    assert index.contains("2 billion", FactKind.NUMBER, "de")
    assert not index.contains("2 billion", FactKind.NUMBER, "en")


def test_a_second_comparison_of_the_same_articles_gives_the_same_json():
    # The second run answers segmentation, cues, facts and word diffs from memory, at another threshold too.
    articles = [load_article(str(p), aid) for p, aid in zip(sample_paths("de"), "ABC", strict=True)]
    engine = Engine()
    cold = jsonio.dumps(pipeline.compare(articles, Settings(match="fuzzy", threshold=0.6), engine=engine))
    pipeline.compare(articles, Settings(match="fuzzy"), engine=engine)
    warm = jsonio.dumps(pipeline.compare(articles, Settings(match="fuzzy", threshold=0.6), engine=engine))
    assert warm == cold


def test_remembered_word_diffs_are_the_diffs():
    old, new = "Der Stadtrat stimmte zu.", "Der Rat stimmte knapp zu."
    expected = (
        (DiffOp.EQUAL, "Der "),
        (DiffOp.DELETE, "Stadtrat"),
        (DiffOp.INSERT, "Rat"),
        (DiffOp.EQUAL, " stimmte "),
        (DiffOp.INSERT, "knapp "),
        (DiffOp.EQUAL, "zu."),
    )
    assert worddiff.word_diff(old, new) == expected
    assert worddiff.word_diff(old, new) == expected
    assert worddiff.word_diff(old, old) == ((DiffOp.EQUAL, old),)


def test_furniture_judgement_is_remembered_per_language():
    # "Mehr zum Thema" is a German link label; under English rules the same line is ordinary text.
    text = "Der Stadtrat tagte am Montag.\n\nMehr zum Thema: Klinikum verkauft\n\nDie Sitzung dauerte lange."

    def roles(language: str) -> list[str]:
        return [str(span.role) for span in segmentation.segment(text, language)]

    assert roles("de") == ["body", "boilerplate", "body"]
    assert roles("en") == ["body", "body", "body"]
    assert roles("de") == ["body", "boilerplate", "body"]
