"""The combined matcher: groups from pairwise links over all outlets, not anchored on the reference article."""

from desktop.core.align import combined_alignment, evidence, matching
from desktop.core.align.grouping import UNLINKED, Link, cluster
from desktop.core.align.news_model import link_model
from desktop.core.model import Article, Comparison, Role, Settings
from desktop.core.pipeline import compare
from desktop.core.resources import sample_paths
from desktop.core.sources.loading import load_article
from desktop.core.text import segmentation


def test_a_chain_of_two_links_does_not_join_sentences_with_no_link_of_their_own():
    links = [Link((0, 0), (1, 0), 3.0), Link((1, 0), (2, 0), 2.0)]
    assert cluster(links) == [[(0, 0), (1, 0)]]


def test_three_outlets_linked_pairwise_form_one_group():
    links = [Link((0, 0), (1, 0), 3.0), Link((1, 0), (2, 0), 2.0), Link((0, 0), (2, 0), 1.5)]
    assert cluster(links) == [[(0, 0), (1, 0), (2, 0)]]


def test_a_fixed_group_is_never_split_by_a_stronger_link_elsewhere():
    links = [Link((0, 0), (1, 0), 0.5), Link((1, 0), (2, 0), 4.0)]
    groups = cluster(links, fixed=[[(0, 0), (1, 0)]])
    assert [(0, 0), (1, 0)] in groups  # (2, 0) has no link to (0, 0): refused, and the pair stays whole


def _alike(nodes):
    """Every cross-article pair of ``nodes`` linked strongly: sentences cast in one mould."""
    return [Link(x, y, 4.0) for x in nodes for y in nodes if x < y and x[0] != y[0]]


def test_two_aligned_pairs_far_apart_stay_apart_however_alike():
    near, far = [(0, 10), (1, 10)], [(0, 400), (1, 407)]
    assert cluster(_alike(near + far), fixed=[near, far], articles=2) == [near, far]


def test_two_aligned_pairs_close_by_merge_as_a_restatement():
    headline, lead = [(0, 0), (1, 0)], [(0, 2), (1, 3)]
    assert cluster(_alike(headline + lead), fixed=[headline, lead], articles=2) == [sorted(headline + lead)]


def test_aligned_pairs_that_leave_an_article_out_may_merge_from_further():
    """Only pairs holding every article are the aligner's one-to-one decision; these grow like any group."""
    first, second = [(0, 10), (1, 10)], [(0, 60), (1, 67)]
    assert cluster(_alike(first + second), fixed=[first, second], articles=3) == [sorted(first + second)]


def test_no_group_gathers_alike_sentences_from_all_over_a_long_document():
    scattered = [(0, 5), (0, 900), (1, 7), (1, 950)]
    groups = cluster(_alike(scattered))
    assert sorted(groups) == [[(0, 5), (1, 7)], [(0, 900), (1, 950)]]
    assert cluster(_alike([(0, 5), (0, 60), (1, 7)])) == [[(0, 5), (0, 60), (1, 7)]]  # a restatement, same article


def test_unlinked_pairs_count_against_a_merge():
    assert UNLINKED < 0
    links = [Link((0, 0), (1, 0), 4.0), Link((0, 1), (1, 1), 4.0), Link((0, 0), (1, 1), 0.5)]
    assert cluster(links, same_article=1.0) == [[(0, 0), (1, 0)], [(0, 1), (1, 1)]]


REFERENCE = (
    "Harbour council approves new ferry timetable.\n\n"
    "The council of Port Ellery voted on Tuesday to add two evening crossings to the island ferry.\n\n"
    "The new timetable starts in May.\n"
)
SECOND = (
    "Evening ferries for Port Ellery.\n\n"
    "Councillors in Port Ellery agreed on Tuesday that the island ferry will run two more crossings at night.\n\n"
    "Mayor Hanne Voss said the extra crossings would cost 380,000 euros a year.\n"
)
THIRD = (
    "Port Ellery gets later ferries.\n\n"
    "According to mayor Hanne Voss, running the additional night crossings costs the town 380,000 euros annually.\n\n"
    "Island residents had asked for later boats for years.\n"
)


def _articles() -> list[Article]:
    return [
        Article(id, f"{id}.txt", text, language="en") for id, text in (("A", REFERENCE), ("B", SECOND), ("C", THIRD))
    ]


def test_two_outlets_share_a_fact_the_reference_article_lacks():
    comparison = compare(_articles(), Settings())
    b_cost = next(s for s in comparison.article("B").sentences if "380,000" in s.text)
    c_cost = next(s for s in comparison.article("C").sentences if "380,000" in s.text)
    assert b_cost.group is not None and b_cost.group == c_cost.group
    group = comparison.group(b_cost.group)
    assert "A" not in group.members
    assert group.evidence is not None and "380000" in group.evidence.anchors


def test_paraphrased_lead_with_shared_names_is_aligned_across_all_three():
    comparison = compare(_articles(), Settings())
    a_lead = comparison.article("A").sentences[1]
    b_lead = comparison.article("B").sentences[1]
    assert a_lead.group is not None and a_lead.group == b_lead.group


def test_fuzzy_matching_alone_misses_the_paraphrase_the_combined_matcher_finds():
    fuzzy = compare(_articles(), Settings(match="fuzzy"))
    b_cost = next(s for s in fuzzy.article("B").sentences if "380,000" in s.text)
    assert b_cost.group is None


def test_two_independent_outlets_left_to_fuzzy_matching_get_a_hint_to_combine():
    two = [_articles()[0], _articles()[2]]
    comparison = compare(two, Settings())
    assert matching.matched_by(comparison) == "fuzzy"
    assert "--match combined" in matching.advice(comparison)


def test_no_hint_for_versions_of_one_text_or_several_outlets():
    same = [Article(id, f"{id}.txt", SECOND, language="en") for id in ("A", "B")]
    assert matching.advice(compare(same, Settings())) == ""
    assert matching.advice(compare(_articles(), Settings())) == ""
    assert matching.advice(compare(_articles()[1:], Settings(match="fuzzy"))) == ""


SPEAKER_A = (
    "Lindqvist elected speaker of the Tarvonian parliament\n\n"
    "The Tarvonian parliament on Thursday elected Mara Lindqvist as its new speaker.\n\n"
    "She received 402 votes in the secret ballot, while 361 were needed for a majority.\n\n"
    "After three days of talks, the coalition parties also agreed on a new budget for the port of Elsund.\n"
)
SPEAKER_B = (
    "New speaker for Tarvonia: Lindqvist wins vote\n\n"
    "Mara Lindqvist is the new speaker of Tarvonia's parliament, lawmakers decided on Thursday.\n\n"
    "A new budget for the port of Elsund was agreed by the coalition parties after three days of talks.\n\n"
    "The opposition called the vote rushed.\n"
)
SPEAKER_C = (
    "Tarvonia's parliament picks Lindqvist as speaker\n\n"
    "Lindqvist, a former mayor of Elsund, was chosen in a secret ballot on Thursday.\n\n"
    "Her term begins on Monday.\n"
)


def _speaker() -> Comparison:
    texts = (("A", SPEAKER_A), ("B", SPEAKER_B), ("C", SPEAKER_C))
    return compare([Article(id, f"{id}.txt", text, language="en") for id, text in texts], Settings())


def test_three_headlines_on_one_event_share_a_group():
    comparison = _speaker()
    heads = [comparison.article(aid).sentences[0] for aid in "ABC"]
    assert all(h.role == Role.TITLE for h in heads)
    assert len({h.group for h in heads}) == 1 and heads[0].group is not None
    group = comparison.group(heads[0].group)
    assert group.evidence is not None and group.evidence.score > 0.5


def test_a_sentence_with_its_clauses_rotated_is_paired():
    comparison = _speaker()
    budget_a = next(s for s in comparison.article("A").sentences if "budget" in s.text)
    budget_b = next(s for s in comparison.article("B").sentences if "budget" in s.text)
    assert budget_a.group is not None and budget_a.group == budget_b.group


def test_an_outlets_own_remark_stays_unpaired():
    comparison = _speaker()
    remark = next(s for s in comparison.article("B").sentences if "rushed" in s.text)
    assert remark.group is None


def test_a_comparison_remembers_its_matcher_after_the_encoder_is_gone(monkeypatch, tmp_path):
    """Read back from JSON or the library, a combined comparison still says combined, even where the encoder
    (and so the combined matcher) is no longer installed."""
    import sqlite_utils

    from desktop.core.align import embeddings
    from desktop.export import jsonio
    from desktop.library import LibraryStore

    comparison = compare(_articles(), Settings())
    assert comparison.matched_by == "combined"
    monkeypatch.setattr(embeddings, "available", lambda: False)
    assert matching.resolve("auto", ["en", "en", "en"]) == "fuzzy"  # what it would be worked out as now
    again = jsonio.from_dict(jsonio.to_dict(comparison))
    assert again.matched_by == "combined" and jsonio.to_dict(again)["matched_by"] == "combined"
    store = LibraryStore(sqlite_utils.Database(tmp_path / "lib.sqlite3"))
    assert store.load(store.save(comparison, "x")).matched_by == "combined"


def test_the_ratio_is_left_out_only_where_it_cannot_make_a_candidate(monkeypatch):
    # The bundled samples' sentences against themselves reordered: every pair the full token-set matrix makes a
    # candidate is a candidate with the same log-odds when only the bounded cells get a ratio. Fewer candidates
    # per sentence than the default, so that these few dozen sentences already leave pairs out.
    monkeypatch.setattr(combined_alignment, "TOP_K", 2)

    texts = []
    for path in sample_paths("en"):
        article = load_article(str(path), "A")
        texts += [article.text[s.start : s.end] for s in segmentation.segment(article.text, "en")]
    a = [evidence.SentenceInfo(t, "en") for t in texts]
    b = [evidence.SentenceInfo(t, "en") for t in texts[::-1] + texts[5:]]
    idf = evidence.corpus_idf([a, b])
    model = link_model()
    full_found = evidence.pair_evidence(a, b, None, None, idf)
    full = combined_alignment._candidates(model.log_odds(full_found))
    found, odds = combined_alignment._scored(a, b, None, None, idf, None, model, 0.0)
    chosen = combined_alignment._candidates(odds)
    assert chosen.sum() > 0 and (chosen == full).all()
    assert (odds[chosen] == model.log_odds(full_found)[chosen]).all()
    assert (found.signals["fuzzy"] == 0).mean() > 0.3  # the ratio was skipped for many pairs
