"""Alignment behaviour on literal sentences: reordering, splits, merges, thresholds, many articles, scale paths."""

import random

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.align import alignment, candidates, segments
from desktop.core.align.alignment import align, align_pair
from desktop.core.align.beads import AlignedSet, Bead
from desktop.core.align.candidates import MAX_DF, article_features, pair_index
from desktop.core.pipeline import ComparisonCancelled
from desktop.core.text.normalize import matching_key


def keys(*articles: list[str]) -> list[list[str]]:
    return [[matching_key(s) for s in article] for article in articles]


def groups(sets: list[AlignedSet]) -> set[tuple[tuple[int, tuple[int, ...]], ...]]:
    return {tuple(sorted(s.members.items())) for s in sets}


BERLIN = [
    "The city council of Hallberg approved the new harbour budget on Monday evening.",
    "Mayor Lina Okafor said the money would pay for 300 flats near the old port.",
    "Opposition members criticised the plan as rushed and far too expensive.",
    "Construction is expected to start next spring and to last four years.",
]


def test_reordered_sentences_find_their_counterparts():
    moved = [BERLIN[2], BERLIN[0], BERLIN[3], BERLIN[1]]
    result = groups(align(keys(BERLIN, moved), threshold=0.5))
    assert result == {((0, (0,)), (1, (1,))), ((0, (1,)), (1, (3,))), ((0, (2,)), (1, (0,))), ((0, (3,)), (1, (2,)))}


def test_one_sentence_split_in_two_is_one_group():
    original = [
        "The storm closed the motorway near Ostbrück for six hours and forced 2,000 drivers to wait in their cars.",
        "Rescue teams handed out blankets and hot tea.",
    ]
    simple = [
        "The storm closed the motorway near Ostbrück for six hours.",
        "2,000 drivers had to wait in their cars.",
        "Rescue teams handed out blankets and hot tea.",
    ]
    result = groups(align(keys(original, simple), threshold=0.5))
    assert ((0, (0,)), (1, (0, 1))) in result
    assert ((0, (1,)), (1, (2,))) in result


def test_two_sentences_merged_into_one_are_one_group():
    first = [
        "Die Polizei sperrte am Freitag die Innenstadt von Kremsfeld.",
        "Grund war ein verdächtiger Koffer am Bahnhof.",
        "Am Abend wurde die Sperrung aufgehoben.",
    ]
    second = [
        "Die Polizei sperrte am Freitag die Innenstadt von Kremsfeld, Grund war ein verdächtiger Koffer am Bahnhof.",
        "Am Abend wurde die Sperrung wieder aufgehoben.",
    ]
    result = groups(align(keys(first, second), threshold=0.5))
    assert ((0, (0, 1)), (1, (0,))) in result
    assert ((0, (2,)), (1, (1,))) in result


def test_unrelated_sentences_stay_unique():
    other = [BERLIN[0], "Tickets for the summer festival went on sale at noon.", BERLIN[2]]
    result = align(keys(BERLIN, other), threshold=0.5)
    aligned_b = {j for s in result for j in s.members.get(1, ())}
    assert 1 not in aligned_b
    assert aligned_b == {0, 2}


def test_threshold_decides_whether_a_loose_paraphrase_counts():
    a = ["Officials in Marbury confirmed that the bridge will stay closed until the end of March."]
    b = ["The bridge in Marbury stays shut until March, officials say."]
    assert align(keys(a, b), threshold=0.2)
    assert not align(keys(a, b), threshold=0.9)


def test_identical_sentences_have_similarity_one():
    result = align(keys(BERLIN[:2], BERLIN[:2]), threshold=0.5)
    assert [s.similarity for s in result] == [1.0, 1.0]


def test_three_articles_form_consistent_groups():
    a = [BERLIN[0], BERLIN[1], "Hallberg has about 80,000 inhabitants."]
    b = [BERLIN[1], BERLIN[0], "Critics in Hallberg called the harbour plan a waste of public money."]
    c = [
        "Critics in Hallberg called the harbour plan a waste of public money, a local paper reported.",
        BERLIN[0].replace("Monday evening", "Monday"),
    ]
    result = align(keys(a, b, c), threshold=0.5)
    result_groups = groups(result)
    assert ((0, (0,)), (1, (1,)), (2, (1,))) in result_groups
    assert ((0, (1,)), (1, (0,))) in result_groups
    assert ((1, (2,)), (2, (0,))) in result_groups  # shared by B and C only, found without the reference
    seen = [(art, i) for s in result for art, ix in s.members.items() for i in ix]
    assert len(seen) == len(set(seen))
    assert all(len(s.members) >= 2 for s in result)


def test_reference_article_changes_nothing_for_two_identical_pairs():
    assert groups(align(keys(BERLIN, BERLIN), threshold=0.5, reference=1)) == groups(
        align(keys(BERLIN, BERLIN), threshold=0.5)
    )


def test_cancelled_alignment_raises_the_comparisons_cancel_exception():
    with pytest.raises(ComparisonCancelled):
        align(keys(BERLIN, BERLIN), threshold=0.5, cancelled=lambda: True)


def test_empty_articles_align_to_nothing():
    assert align([[], matching_key_list(BERLIN)], threshold=0.5) == []


def matching_key_list(sentences: list[str]) -> list[str]:
    return [matching_key(s) for s in sentences]


def _generated_pair(count: int, seed: int) -> tuple[list[str], list[str]]:
    """Two versions of a document of made-up words: mostly verbatim, some reworded, split, dropped or added."""
    rng = random.Random(seed)
    vocabulary = ["".join(rng.choice("aeioubdfgklmnprstvz") for _ in range(rng.randint(3, 9))) for _ in range(3000)]
    common = vocabulary[:30]

    def sentence() -> str:
        return " ".join(rng.choice(common) if rng.random() < 0.4 else rng.choice(vocabulary) for _ in range(14))

    a = [sentence() for _ in range(count)]
    b: list[str] = []
    for s in a:
        roll = rng.random()
        if roll < 0.1:
            continue
        if roll < 0.2:
            words = s.split()
            b += [" ".join(words[:7]), " ".join(words[7:])]
        elif roll < 0.4:
            words = s.split()
            words[rng.randrange(len(words))] = rng.choice(vocabulary)
            b.append(" ".join(words))
        else:
            b.append(s)
        if rng.random() < 0.1:
            b.append(sentence())
    return a, b


def test_pruned_long_document_path_gives_the_same_groups_as_the_full_dp():
    a, b = _generated_pair(400, seed=7)
    fa, fb = article_features(a), article_features(b)
    index = pair_index(fa, fb)
    sim = index.similarity()
    cut = segments.cut(
        index.rows, index.cols, sim, index.size_a, index.size_b, anchor=alignment.ANCHOR, dense_cells=1_000
    )
    assert len(cut) >= 3  # the pruned path really runs segment by segment
    full = align_pair(fa, fb, 0.5, dense_cells=10**9)
    pruned = align_pair(fa, fb, 0.5, dense_cells=1_000)
    assert {(x.a, x.b) for x in pruned} == {(x.a, x.b) for x in full}
    assert len(full) > 300


def test_index_skips_pairs_that_share_nothing_informative(monkeypatch):
    monkeypatch.setattr(candidates, "JOIN_BUDGET", 0)  # as in a long document: only rare features are joined
    monkeypatch.setattr(candidates, "JOIN_PER_SENTENCE", 0)
    a, b = _generated_pair(200, seed=3)
    index = pair_index(article_features(a), article_features(b))
    assert 0 < len(index.code) < len(a) * len(b) // 4
    assert list(index.code) == sorted(index.code)


def test_very_common_features_carry_no_weight(monkeypatch):
    monkeypatch.setattr(candidates, "JOIN_BUDGET", 0)
    monkeypatch.setattr(candidates, "JOIN_PER_SENTENCE", 0)
    letters = "abcdefghijklmnopqrstuvwxyz"
    rare = [f"{x}{y}" for x in letters for y in letters][:MAX_DF]  # two-letter words share no 4-gram
    a = [f"zorb {word}" for word in rare]  # "zorb" is in 2 × MAX_DF sentences: above the cap
    index = pair_index(article_features(a), article_features(a))
    assert sorted(index.code.tolist()) == [i * MAX_DF + i for i in range(MAX_DF)]


def test_short_documents_weigh_every_feature_long_ones_stay_within_budget():
    df_a = np.array([1, 2, 100, 300])
    assert candidates.max_df(df_a, df_a) == 600  # join cost 1 + 4 + 10,000 + 90,000 fits the budget
    rng = np.random.default_rng(5)
    big_a, big_b = rng.integers(1, 3_000, 50_000), rng.integers(1, 3_000, 50_000)
    cap = candidates.max_df(big_a, big_b)
    kept = big_a + big_b <= cap
    assert MAX_DF < cap < 6_000
    assert (big_a * big_b)[kept].sum() <= candidates.JOIN_BUDGET < (big_a * big_b)[big_a + big_b <= cap + 1].sum()


@pytest.mark.parametrize("threshold", [0.3, 0.5, 0.7])
def test_every_sentence_is_in_at_most_one_group(threshold: float):
    a, b = _generated_pair(150, seed=11)
    result = align([a, b, b[::-1]], threshold=threshold)
    seen = [(art, i) for s in result for art, ix in s.members.items() for i in ix]
    assert len(seen) == len(set(seen))
    assert all(0.0 <= s.similarity <= 1.0 for s in result)


def test_sandwiched_sentences_sharing_only_function_words_stay_apart():
    # One outlet left out the investigation sentence and put a comment in its place; between two agreed pairs
    # the low gap bar must not pair them on "die", "ist" and "hat" alone.
    wire = [
        "Den Schaden an der Lagerhalle schätzt die Polizei auf rund 3,2 Millionen Euro.",
        "Die Brandursache ist noch unklar, die Kriminalpolizei hat die Ermittlungen aufgenommen.",
        "Bereits im August 2023 hatte es auf dem Gelände der Firma einen kleineren Brand gegeben.",
    ]
    partisan = [
        "Die Polizei beziffert den Schaden an der Lagerhalle auf rund 3,2 Millionen Euro.",
        "Dass die Stadtverwaltung keine strengeren Auflagen verhängt hat, ist schlicht unverantwortlich.",
        "Schon im August 2023 hatte es auf dem Gelände der Firma einen kleineren Brand gegeben.",
    ]
    result = groups(align(keys(wire, partisan), threshold=0.5))
    assert result == {((0, (0,)), (1, (0,))), ((0, (2,)), (1, (2,)))}


def test_sandwiched_paraphrase_sharing_an_inflected_word_is_still_paired():
    original = [
        "The council of Hallberg approved the harbour budget on Monday evening after a long debate.",
        "Ein wissenschaftlicher Test zeigte, dass der Joghurt noch nach einem Jahr essbar war.",
        "Construction of the new quay is expected to start next spring and to last four years.",
    ]
    simple = [
        "The council of Hallberg approved the harbour budget on Monday evening after a debate.",
        "Das ist wissenschaftlich bewiesen.",
        "Construction of the new quay is expected to start next spring and last four years.",
    ]
    result = groups(align(keys(original, simple), threshold=0.5))
    assert ((0, (1,)), (1, (1,))) in result


def test_a_sentence_too_common_to_weigh_does_not_join_its_neighbours_bead(monkeypatch):
    # A line repeated throughout a long document has no word rare enough to count (here the cap is lowered, as a
    # long document's join budget lowers it): joining a bead adds nothing to its similarity, and that tie must not
    # turn every 1:1 pair next to it into a 2:1 merge.
    monkeypatch.setattr(candidates, "max_df", lambda df_a, df_b, sentences=0: 3)
    units = [
        "Der Stadtrat hat am Montag den Haushalt beschlossen.",
        "Die Grundschule am Markt bekommt ein neues Dach.",
        "Für die Sanierung der Brücke fehlen noch zwei Millionen Euro.",
        "Die Feuerwehr zieht im Herbst in das neue Gerätehaus.",
        "Im Freibad beginnt die Saison eine Woche früher.",
        "Der Wochenmarkt wandert auf den Platz vor der Kirche.",
    ]
    repeated = "Das sagte er dann auch so."
    a = [line for unit in units for line in (unit, repeated)]
    b = [line for k, unit in enumerate(units) for line in ([unit, repeated] if k % 2 else [unit])]
    groups = align([[matching_key(s) for s in a], [matching_key(s) for s in b]])
    pairs = sorted((g.members[0], g.members[1]) for g in groups if len(g.members) == 2)
    assert [(a[i[0]], b[j[0]]) for i, j in pairs if a[i[0]] != repeated] == list(zip(units, units, strict=True))
    assert all(len(i) == 1 and len(j) == 1 for i, j in pairs)


def test_unpaired_copies_of_one_sentence_pair_in_order_between_the_same_beads():
    found = [Bead((0,), (0,), 1.0), Bead((3,), (2,), 1.0), Bead((5,), (1,), 0.8)]
    keys_a = ["x", "r", "r", "y", "r", "moved", "r"]
    keys_b = ["x", "moved", "y", "r", "r", "z"]
    extra = alignment.identical_in_gaps(found, keys_a, keys_b)
    # Between x and y: two copies of r in A, none in B (its sentence there belongs to a moved bead). The bead
    # moved back (A 5, B 1) opens no gap before it, so the r beside it in A (4) stays alone; after it, A's last
    # r meets the first unpaired r in B.
    assert [(b.a, b.b) for b in extra] == [((6,), (3,))]


def test_an_unpaired_sentence_joins_one_gap_only_the_narrowest():
    # Beads by A: p (A 1, B 1), q (A 3, B 6), r (A 5, B 3). The gap p-q spans B 2-5, the gap after r B 4-8: both
    # hold B 4, the only unpaired "x" there, and both have an "x" in A. The narrower gap (p-q) takes it; it was
    # once paired in both, one B sentence in two groups.
    found = [Bead((1,), (1,), 0.9), Bead((3,), (6,), 0.9), Bead((5,), (3,), 0.9)]
    keys_a = ["a0", "p", "x", "q", "a4", "r", "x"]
    keys_b = ["b0", "p", "b2", "r", "x", "b5", "q", "b7", "b8"]
    extra = alignment.identical_in_gaps(found, keys_a, keys_b)
    assert [(b.a, b.b) for b in extra] == [((2,), (4,))]


def test_identical_sentences_without_a_weighted_word_still_pair(monkeypatch):
    monkeypatch.setattr(candidates, "max_df", lambda df_a, df_b, sentences=0: 3)
    repeated = "Das sagte er dann auch so."
    units = [f"Der Stadtrat hat am {day} den Punkt {n} beschlossen." for n, day in enumerate(["Montag", "Dienstag",
             "Mittwoch", "Donnerstag", "Freitag"])]  # fmt: skip
    a = [line for unit in units for line in (unit, repeated)]
    groups = align([[matching_key(s) for s in a], [matching_key(s) for s in a]])
    assert sorted((g.members[0], g.members[1]) for g in groups) == [((i,), (i,)) for i in range(len(a))]


@given(st.lists(st.integers(min_value=-(2**63), max_value=2**63 - 1) | st.sampled_from([0, 1, -1, 7]), max_size=60))
def test_the_sorted_unique_gives_numpys_answer(values):
    array = np.asarray(values, dtype=np.int64)
    expected, expected_inverse = np.unique(array, return_inverse=True)
    for in_runs in (False, True):
        distinct, inverse = candidates._unique_inverse(array, in_runs=in_runs)
        assert np.array_equal(distinct, expected) and np.array_equal(inverse, expected_inverse)
        assert np.array_equal(distinct[inverse], array)


@given(st.lists(st.integers(min_value=0, max_value=2**64 - 1) | st.sampled_from([0, 1, 7, 2**64 - 1]), max_size=60))
def test_first_occurrences_give_numpys_answer(values):
    array = np.asarray(values, dtype=np.uint64)
    expected = np.sort(np.unique(array, return_index=True)[1])
    assert np.array_equal(candidates._first_occurrences(array), expected)


def test_an_unpaired_sentence_pairs_its_only_identical_copy_wherever_it_stands():
    # A 4 stands after every bead in A; its copy is B 0, before every bead in B: no gap holds both.
    found = [Bead((0,), (1,), 0.9), Bead((1,), (2,), 0.9)]
    keys_a = ["p", "q", "twice", "twice", "moved", ""]
    keys_b = ["moved", "p", "q", "twice", ""]
    extra = alignment.identical_anywhere(found, keys_a, keys_b)
    # "twice" has two unpaired copies in A: which one is meant is not known, so neither pairs; empty keys never do.
    assert [(b.a, b.b, b.similarity) for b in extra] == [((4,), (0,), 1.0)]


def test_a_reworded_sentence_nearby_pairs_by_its_characters():
    found = [Bead((0,), (0,), 0.9), Bead((3,), (3,), 0.9)]
    keys_a = ["p", "the council approved the new budget on monday", "an unrelated line about the weather", "q"]
    keys_b = ["p", "a different remark on sports results", "the council approved its new budget on monday", "q"]
    extra = alignment.similar_nearby(found, keys_a, keys_b, 0.6)
    assert [(b.a, b.b) for b in extra] == [((1,), (2,))]
    assert 0.6 <= extra[0].similarity < 1.0
    # A stricter bar than the pair's characters reach keeps them apart.
    assert alignment.similar_nearby(found, keys_a, keys_b, 0.99) == []


def test_a_counterpart_is_looked_for_near_where_the_bead_before_puts_it():
    # The bead before A 1 puts it at B 1 (after a moved block, B 1 may be anywhere): B sentences up to NEARBY
    # away are read, no further.
    original = "the council approved the new budget on monday"
    reworded = "the council approved its new budget on monday"
    for distance, pairs in ((alignment.NEARBY, True), (alignment.NEARBY + 1, False)):
        keys_b = ["p", *(f"filler line number {n}" for n in range(distance)), reworded]
        extra = alignment.similar_nearby([Bead((0,), (0,), 0.9)], ["p", original], keys_b, 0.6)
        assert [(b.a, b.b) for b in extra] == ([((1,), (distance + 1,))] if pairs else [])


def test_the_best_pair_by_characters_comes_first_and_each_sentence_pairs_once():
    found = [Bead((0,), (0,), 0.9)]
    keys_a = ["p", "the mayor opened the new bridge on friday", "the mayor opened the old bridge on friday"]
    keys_b = ["p", "the mayor opened the old bridge on friday!"]
    extra = alignment.similar_nearby(found, keys_a, keys_b, 0.6)
    assert [(b.a, b.b) for b in extra] == [((2,), (1,))]


def test_sentences_of_words_too_common_to_weigh_still_align(monkeypatch):
    # A long document written from a small vocabulary: no word or 4-gram is rare enough for the index (here its
    # cap drops them all). Verbatim sentences, a reworded one and a moved block must all still pair.
    monkeypatch.setattr(candidates, "max_df", lambda df_a, df_b, sentences=0: 0)
    rng = random.Random(5)
    vocabulary = ["rat", "stadt", "plan", "jahr", "geld", "haus", "weg", "tag", "bau", "amt"]
    a = [" ".join(rng.choice(vocabulary) for _ in range(12)) for _ in range(40)]
    b = list(a)
    words = b[7].split()
    words[3] = "brücke"
    b[7] = " ".join(words)  # reworded
    b[30:35], b[5:5] = [], b[30:35]  # a block of five moved forward
    pairs = {(g.members[0][0], g.members[1][0]) for g in align([a, b]) if len(g.members) == 2}
    where = {text: j for j, text in enumerate(b)}
    truth = {(i, where[text]) for i, text in enumerate(a) if text in where} | {(7, where[" ".join(words)])}
    assert pairs == truth


def test_a_rare_word_alone_does_not_pair_sentences_the_index_barely_weighs(monkeypatch):
    # Every word but "zebra" occurs in more sentences than the (lowered) cap, so the index weighs only "zebra"
    # and its 4-grams: the two sentences holding it score 1.0 though they share nothing else.
    monkeypatch.setattr(candidates, "max_df", lambda df_a, df_b, sentences=0: 2)
    rng = random.Random(3)
    syllables = ["ka", "ber", "lin", "mo", "ra", "ten", "dor", "vi", "sel", "hau"]
    vocabulary = sorted({"".join(rng.choice(syllables) for _ in range(3)) for _ in range(80)})

    def line() -> str:
        return " ".join(rng.choice(vocabulary) for _ in range(20))

    shared = [line() for _ in range(12)]
    a = [*shared[:6], line() + " zebra", *shared[6:]]
    b = [*shared[:6], "zebra " + line(), *shared[6:]]
    index = pair_index(article_features(a), article_features(b))
    assert max(index.weighed_a[6], index.weighed_b[6]) < alignment.SEEN
    pairs = {(g.members[0][0], g.members[1][0]) for g in align([a, b]) if len(g.members) == 2}
    assert pairs == {(i, i) for i in range(13) if i != 6}
    # Without the check, the rare word alone paired them.
    monkeypatch.setattr(alignment._Words, "seen", lambda self, bead: True)
    assert (6, 6) in {(g.members[0][0], g.members[1][0]) for g in align([a, b]) if len(g.members) == 2}


def test_an_index_that_drops_nothing_weighs_every_sentence_whole():
    a = ["Der Stadtrat hat am Montag den Haushalt beschlossen.", "Die Brücke bleibt gesperrt.", ""]
    b = ["Am Montag beschloss der Stadtrat den Haushalt.", "Das Freibad öffnet früher."]
    index = pair_index(article_features([matching_key(s) for s in a]), article_features([matching_key(s) for s in b]))
    assert index.weighed_a.tolist() == [1.0, 1.0, 1.0] and index.weighed_b.tolist() == [1.0, 1.0]


def test_a_sentence_whose_clauses_swapped_places_still_pairs_by_its_characters():
    found = [Bead((0,), (0,), 0.9), Bead((2,), (2,), 0.9)]
    keys_a = ["p", "on monday evening the city council approved the new budget", "q"]
    keys_b = ["p", "the city council approved the new budget on monday evening", "q"]
    assert [(b.a, b.b) for b in alignment.similar_nearby(found, keys_a, keys_b, 0.7)] == [((1,), (1,))]
