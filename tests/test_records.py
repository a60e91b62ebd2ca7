"""One record per model class: the JSON, the library's rows and the batch tables are all made of the same records."""

import dataclasses
import json

import pytest
from library_samples import engine_comparison, rich_comparison

from desktop.core import model, records
from desktop.core.model import (
    Comparison,
    Conflict,
    ConflictKind,
    ConflictValue,
    Label,
    MatchEvidence,
)
from desktop.export import from_dict, to_dict
from desktop.library import rows


def every_field_comparison() -> Comparison:
    """``rich_comparison`` plus what it leaves at the default: labels, evidence (one partial), conflicts."""
    rich = rich_comparison()
    a, b = rich.articles
    labelled = dataclasses.replace(a.sentences[2], labels=(Label(65, 73, "Critics", "Observers"),))
    a = dataclasses.replace(a, sentences=(*a.sentences[:2], labelled))
    groups = (
        dataclasses.replace(rich.groups[0], evidence=MatchEvidence(0.91, ("Bridge",), ("words",))),
        dataclasses.replace(rich.groups[1], evidence=MatchEvidence(0.55, (), ("meaning", "roles"), partial=True)),
    )
    conflict = Conflict(
        1, ConflictKind.DATE, "weekday", (ConflictValue("A", 1, "12 March", 55, 63), ConflictValue("B", 1, "", 14, 48))
    )
    return dataclasses.replace(rich, articles=(a, b), groups=groups, conflicts=(conflict,))


COMPARISON = every_field_comparison()


def test_every_model_value_comes_back_equal_from_its_record():
    c = COMPARISON
    assert records.settings_from_record(records.settings_record(c.settings)) == c.settings
    for result in c.articles:
        assert records.article_from_record(records.article_record(result.article)) == result.article
        for sentence in result.sentences:
            assert records.sentence_from_record(records.sentence_record(sentence)) == sentence
    for group in c.groups:
        assert records.group_from_record(records.group_record(group)) == group
    for fact in c.facts:
        assert records.fact_from_record(records.fact_record(fact)) == fact
    for summary in c.summary.values():
        assert records.summary_from_record(records.summary_record(summary)) == summary
    assert records.conflicts_from_records([records.conflict_record(x) for x in c.conflicts]) == c.conflicts
    assert records.user_links_from_records(records.user_link_records(c.user_links)) == c.user_links


# The record's name for each field where it is not the field's own (the JSON contract's names).
RENAMED = {model.WordDiff: {"source": "from", "target": "to"}}


@pytest.mark.parametrize(
    ("cls", "record_of", "value"),
    [
        (model.Article, records.article_record, COMPARISON.articles[0].article),
        (model.Sentence, records.sentence_record, COMPARISON.articles[0].sentences[2]),
        (model.Label, records.label_record, COMPARISON.articles[0].sentences[2].labels[0]),
        (model.Group, records.group_record, COMPARISON.groups[1]),
        (model.MatchEvidence, records.evidence_record, COMPARISON.groups[1].evidence),
        (model.WordDiff, records.word_diff_record, COMPARISON.groups[0].diffs[0]),
        (model.Fact, records.fact_record, COMPARISON.facts[0]),
        (model.Conflict, records.conflict_record, COMPARISON.conflicts[0]),
        (model.ConflictValue, records.conflict_value_record, COMPARISON.conflicts[0].values[0]),
        (model.ArticleSummary, records.summary_record, COMPARISON.summary["A"]),
        (model.Settings, records.settings_record, COMPARISON.settings),
    ],
)
def test_a_record_carries_every_field_of_its_class(cls, record_of, value):
    """A field added to the model but not to its record would vanish from the JSON, the library and batch at once."""
    renamed = RENAMED.get(cls, {})
    expected = {renamed.get(f.name, f.name) for f in dataclasses.fields(cls)}
    extra = {"partial"} if cls is model.Group else set()  # the evidence's flag, repeated beside it for readers
    assert set(record_of(value)) == expected | extra


def test_the_json_document_is_made_of_the_records():
    document = to_dict(COMPARISON)
    article = COMPARISON.articles[0]
    assert document["articles"][0] == records.article_record(article.article) | {
        "sentences": [records.sentence_record(s) for s in article.sentences]
    }
    assert document["alignments"] == [records.group_record(g) for g in COMPARISON.groups]
    assert document["facts"] == [records.fact_record(f) for f in COMPARISON.facts]
    assert document["conflicts"] == [records.conflict_record(c) for c in COMPARISON.conflicts]
    assert from_dict(json.loads(json.dumps(document))) == COMPARISON


def test_library_rows_are_the_records_with_their_columns_renamed():
    laid_out = rows.result_rows(COMPARISON)
    sentence = COMPARISON.articles[0].sentences[2]
    row = laid_out.sentences[2]
    assert (row["article"], row["number"], row["start_char"]) == ("A", 2, sentence.start)
    assert json.loads(row["labels"]) == records.sentence_record(sentence)["labels"]
    # Read back as the store reads it (columns selected under the record's names), it is the same record.
    selected = [row[rows.SENTENCE.column(k)] for k in rows.SENTENCE.keys]
    assert rows.SENTENCE.record(selected) == records.sentence_record(sentence)
    group = laid_out.groups[1]
    assert json.loads(group["evidence"]) == records.evidence_record(COMPARISON.groups[1].evidence)
    values = [r for r in laid_out.conflicts if r["number"] == 0]
    assert [(v["article"], v["value"], v["group_number"]) for v in values] == [("A", "12 March", 1), ("B", "", 1)]


def test_a_record_from_an_older_file_gets_the_defaults_of_what_it_lacks():
    sentence = records.sentence_from_record(
        {"index": 0, "start": 0, "end": 4, "text": "Text", "role": "body", "status": "unique"}
    )
    assert (sentence.commentary, sentence.cues, sentence.group, sentence.labels) == (False, (), None, ())
    group = records.group_from_record({"id": 0, "members": {"A": [0]}, "similarity": 1.0, "status": "identical"})
    assert (group.diffs, group.evidence) == ((), None)
    article = records.article_from_record({"id": "A", "text": "Text", "published": None})
    assert (article.path, article.published, article.language) == ("", "", "")


def test_the_groups_own_partial_flag_wins_over_the_evidence_and_without_it_the_evidence_stands():
    record = records.group_record(COMPARISON.groups[1])
    assert records.group_from_record(record | {"partial": False}).evidence.partial is False
    without = {k: v for k, v in record.items() if k != "partial"}
    assert records.group_from_record(without).evidence.partial is True


def test_an_unknown_role_in_a_record_still_fails_naming_the_value():
    with pytest.raises(ValueError, match="'headline'"):
        records.sentence_from_record(
            {"index": 0, "start": 0, "end": 4, "text": "Text", "role": "headline", "status": "unique"}
        )


def test_library_round_trip_of_every_field(tmp_path):
    from desktop.library import open_library

    store = open_library(tmp_path / "library.sqlite3")
    for comparison in (COMPARISON, engine_comparison()):
        assert store.load(store.save(comparison, "all fields")) == comparison


def test_batch_rows_are_the_json_records_beside_the_corpus_names():
    from desktop.batch.tables import comparison_rows
    from desktop.export import dumps

    tables = comparison_rows("c1", COMPARISON, {"A": "a-1", "B": "b-1"}, {"A": "Daily A", "B": "Herald B"})
    document = to_dict(COMPARISON)
    corpus = {"cluster": "c1", "article": "A", "article_id": "a-1", "outlet": "Daily A"}
    assert tables["sentences"][2] == corpus | document["articles"][0]["sentences"][2]
    assert tables["summary"][0] == corpus | {"title": "Bridge opens", "language": "en"} | document["summary"]["A"]
    assert tables["facts"][0]["missing_outlets"] == ["Herald B"]
    assert tables["comparisons"] == [{"cluster": "c1", "comparison": dumps(COMPARISON)}]
