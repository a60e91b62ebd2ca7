"""Loaded labels are their own kind: the span is marked, the sentence stays factual (issue 14).

Sentences are invented for these tests."""

import dataclasses
import json
from pathlib import Path

import pytest
from commentary_real_kinds_set import LABELLED
from library_samples import rich_comparison

from desktop.core.detect.commentary import find_labels
from desktop.core.detect.commentary_verdict import commentary_cues
from desktop.core.model import Article, Label, Settings
from desktop.core.pipeline import compare
from desktop.export import jsonio
from desktop.library import open_library


@pytest.mark.parametrize(("sentence", "language", "label"), LABELLED)
def test_a_label_alone_leaves_a_factual_sentence_reporting(sentence, language, label):
    assert [found.text for found in find_labels(sentence, language)] == [label]
    assert commentary_cues(sentence, language) == ()


def test_a_labelled_sentence_that_also_judges_is_commentary_and_keeps_its_label():
    sentence = "Die sogenannte Friedensmission ist eine Farce."
    assert [found.text for found in find_labels(sentence, "de")] == ["sogenannte"]
    assert "Farce" in commentary_cues(sentence, "de")


def test_label_offsets_neutral_word_and_quotations():
    found = find_labels("Das Regime in Minsk ließ 40 Gefangene frei.", "de")
    assert [(f.text, f.start, f.end, f.neutral) for f in found] == [("Regime", 4, 10, "Regierung")]
    assert find_labels("„Das Regime lügt“, sagte der Oppositionsführer.", "de") == ()
    assert find_labels("Die Regierung ließ 40 Gefangene frei.", "de") == ()
    # Written in lower case, an English label matches a capitalised word only at the start of a sentence.
    assert [f.text for f in find_labels("Regime officials met in Tehran.", "en")] == ["Regime"]
    assert find_labels("The Ancien Regime Society met in Paris.", "en") == ()


def test_pipeline_marks_labels_with_article_offsets_and_keeps_the_sentence_aligned():
    a = Article(
        "A", "a.txt", "Kurz notiert. Die Militärregierung kündigte am Montag Wahlen für 2027 an.", language="de"
    )
    b = Article("B", "b.txt", "Kurz notiert. Die Junta kündigte am Montag Wahlen für 2027 an.", language="de")
    result = compare([a, b], Settings(threshold=0.5))
    sentence = next(s for s in result.article("B").sentences if "Junta" in s.text)
    assert [(b.text[label.start : label.end], label.neutral) for label in sentence.labels] == [
        ("Junta", "Militärregierung")
    ]
    assert not sentence.commentary
    assert all(not s.labels for s in result.article("A").sentences)


def _with_label(comparison):
    first = comparison.articles[0]
    sentence = first.sentences[1]
    labelled = dataclasses.replace(
        sentence,
        labels=(
            Label(sentence.start, sentence.start + 3, first.article.text[sentence.start : sentence.start + 3], "x"),
        ),
    )
    sentences = (first.sentences[0], labelled, *first.sentences[2:])
    return dataclasses.replace(
        comparison, articles=(dataclasses.replace(first, sentences=sentences), *comparison.articles[1:])
    )


def test_labels_survive_json_and_old_files_read_as_none():
    original = _with_label(rich_comparison())
    data = jsonio.to_dict(original)
    record = data["articles"][0]["sentences"][1]["labels"][0]
    assert set(record) == {"start", "end", "text", "neutral"}
    assert jsonio.from_dict(json.loads(json.dumps(data))) == original
    for article in data["articles"]:
        for sentence in article["sentences"]:
            del sentence["labels"]
    assert all(not s.labels for r in jsonio.from_dict(data).articles for s in r.sentences)


def test_labels_survive_the_library(tmp_path: Path):
    original = _with_label(rich_comparison())
    store = open_library(tmp_path / "library.sqlite3")
    assert store.load(store.save(original, "labelled")) == original
