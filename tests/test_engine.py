"""What a front end keeps between comparisons (``Engine``) serves later ones without changing their result, and a
comparison on its own depends on nothing an earlier one left behind."""

import dataclasses
import pickle
import threading

import pytest

from desktop.core import engine as engine_module
from desktop.core.align import embeddings
from desktop.core.engine import Engine
from desktop.core.model import Article, FactKind, Settings
from desktop.core.pipeline import compare
from desktop.core.resources import sample_paths
from desktop.core.sources.loading import load_article
from desktop.core.text.facts.index import FactIndex
from desktop.export import jsonio


def _samples(language: str):
    return [load_article(str(p), aid) for p, aid in zip(sample_paths(language), "ABC", strict=True)]


def test_an_engine_remembers_the_spans_and_fact_indexes_it_worked_out():
    engine = Engine()
    text = "The bridge is closed. It opens again on Friday."
    assert engine.segment(text, "en", False) is engine.segment(text, "en", False)
    assert engine.fact_index(text, "en") is engine.fact_index(text, "en")
    assert engine.segment(text, "en", True) is not engine.segment(text, "en", False)  # presegmented is its own


def test_an_engine_keeps_only_the_recent_texts(monkeypatch):
    monkeypatch.setattr(engine_module, "RECENT_TEXTS", 3)
    engine = Engine()
    first = engine.segment("Text number 0.", "en", False)
    for n in range(1, 6):
        engine.segment(f"Text number {n}.", "en", False)
    assert len(engine._segments) == 3
    assert engine.segment("Text number 0.", "en", False) is not first  # worked out again, equal
    assert engine.segment("Text number 0.", "en", False) == first


def test_a_fact_index_cannot_be_changed_by_one_of_the_comparisons_sharing_it():
    index = Engine().fact_index("Kowalczyk said 27 members voted on 6 May.", "en")
    with pytest.raises(dataclasses.FrozenInstanceError):
        index.numbers = frozenset()  # type: ignore[misc]
    with pytest.raises(TypeError):
        index.by_initial["k"] = ("someone",)  # type: ignore[index]


def test_a_fact_index_built_in_another_process_arrives_whole_and_read_only():
    index = Engine().fact_index("Kowalczyk told Reuters that 27 members voted on 6 May in Warsaw.", "en")
    copy = pickle.loads(pickle.dumps(index))
    assert copy == index
    assert copy.contains("Kowalczk", FactKind.NAME) and copy.contains("6 May", FactKind.DATE)
    with pytest.raises(TypeError):
        copy.by_initial["k"] = ("someone",)  # type: ignore[index]


def test_an_index_kept_from_elsewhere_answers_without_being_built_again():
    engine = Engine()
    index = FactIndex.build("The bridge opens on Friday.", "en")
    assert not engine.holds_fact_index("The bridge opens on Friday.", "en")
    engine.keep_fact_index("The bridge opens on Friday.", "en", index)
    assert engine.holds_fact_index("The bridge opens on Friday.", "en")
    assert engine.fact_index("The bridge opens on Friday.", "en") is index


def test_comparisons_sharing_an_engine_give_what_fresh_ones_give():
    articles = _samples("en")
    shared = Engine()
    for threshold in (0.5, 0.7, 0.5):
        alone = jsonio.dumps(compare(articles, Settings(match="fuzzy", threshold=threshold)))
        assert jsonio.dumps(compare(articles, Settings(match="fuzzy", threshold=threshold), engine=shared)) == alone


def test_two_threads_may_share_one_engine():
    english, german = _samples("en"), _samples("de")
    expected = {id(a): jsonio.dumps(compare(a, Settings(match="fuzzy"))) for a in (english, german)}
    shared, found, errors = Engine(), {}, []

    def run(articles):
        try:
            for _ in range(3):
                found.setdefault(id(articles), set()).add(
                    jsonio.dumps(compare(articles, Settings(match="fuzzy"), engine=shared))
                )
        except Exception as error:  # reported below: an exception in a thread would otherwise vanish
            errors.append(error)

    threads = [threading.Thread(target=run, args=(a,)) for a in (english, german, english)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert found == {key: {value} for key, value in expected.items()}


@pytest.mark.skipif(not embeddings.available(), reason="the sentence encoder is not installed")
def test_a_comparison_by_strings_is_not_judged_by_vectors_an_earlier_one_left_in_the_encoder():
    # The commentary classifier reads vectors only of a comparison that matched by meaning: a fuzzy comparison
    # after a combined one in the same window reads exactly as in a fresh process.
    quiet = "So far the reform has changed remarkably little in the classrooms."  # no listed word: model only
    articles = [
        Article("A", "a.txt", f"The council approved the school reform on Monday. {quiet}", language="en"),
        Article(
            "B", "b.txt", "The council approved the school reform on Monday. Teachers had asked for it.", language="en"
        ),
    ]
    fresh = jsonio.dumps(compare(articles, Settings(match="fuzzy")))
    assert not compare(articles, Settings(match="fuzzy")).articles[0].sentences[1].commentary
    shared = Engine()
    assert compare(articles, Settings(match="combined"), engine=shared).articles[0].sentences[1].commentary
    compare(articles, Settings(match="combined"), engine=shared)
    assert shared.encoder.holds_vectors
    assert jsonio.dumps(compare(articles, Settings(match="fuzzy"), engine=shared)) == fresh
