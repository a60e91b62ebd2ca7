"""The default aligner for news: the fuzzy aligner's groups, then every further pair the evidence supports.

Outlets that write independently share facts, not sentences. The fuzzy aligner finds what they share word for
word (and keeps its splits and merges); everything else is scored pair by pair with ``evidence`` and the
calibrated ``news_model``, and ``grouping`` builds groups from the fuzzy groups plus those links, over every
pair of articles, so two outlets can share a group that the reference article has no part in. Headlines and
body sentences are scored together (roles are signals), so a headline can meet the other outlets' headlines and
the leads that restate it.

Large inputs: the sentence vectors and the dense pair matrices are what cost; past ``EMBED_ALL`` sentences only
those the fuzzy aligner left alone are scored, and an article pair with more than ``MAX_CELLS`` such pairs keeps
its fuzzy groups only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import combinations

import numpy as np
import numpy.typing as npt

from desktop.core.align import alignment, evidence, grouping, sections, soft_overlap
from desktop.core.align.beads import AlignedSet
from desktop.core.align.cancellation import check
from desktop.core.align.news_model import LinkModel, link_model
from desktop.core.model import MatchEvidence

EMBED_ALL = 4_000
MAX_CELLS = 2_000_000
FIXED_LOG_ODDS = 8.0  # a pair inside one of the fuzzy aligner's groups: as sure as the model ever is
TOP_K = 10  # candidates per sentence and article pair handed to the grouping

Encode = Callable[[Sequence[str]], npt.NDArray[np.float32]]
Detail = tuple[evidence.PairEvidence, evidence.Matrix, int, int]  # a link's evidence, its pair's log-odds, cell
FuzzyGroups = list[tuple[list[grouping.Node], float]]  # the fuzzy aligner's groups of (article, sentence), similarity


def align(
    keys: Sequence[Sequence[str]],
    texts: Sequence[Sequence[str]],
    titles: Sequence[Sequence[bool]],
    languages: Sequence[str],
    *,
    threshold: float,
    reference: int,
    encode: Encode | None,
    cancelled: Callable[[], bool] | None = None,
    model: LinkModel | None = None,
    found_by_fuzzy: FuzzyGroups | None = None,
) -> list[AlignedSet]:
    """Aligned sets over all sentences given (headlines and body together); ``encode`` is None where the
    encoder is not installed, and then meaning is simply not among the signals. ``model`` replaces the bundled
    link model (the fitting script scores held-out events with models fitted without them).
    ``found_by_fuzzy`` is what ``fuzzy_groups`` gives for these keys, where another process found it
    (``align.aside``)."""
    if found_by_fuzzy is None:
        found_by_fuzzy = fuzzy_groups(keys, titles, threshold, reference, cancelled)
    fixed = [group for group, _similarity in found_by_fuzzy]
    fixed_nodes = {node for group in fixed for node in group}
    total = sum(len(k) for k in keys)
    scored = [
        [i for i in range(len(article)) if total <= EMBED_ALL or (a, i) not in fixed_nodes]
        for a, article in enumerate(keys)
    ]
    infos = [
        [evidence.SentenceInfo(texts[a][i], languages[a] if a < len(languages) else "", titles[a][i]) for i in rows]
        for a, rows in enumerate(scored)
    ]
    pairs = [
        (a, b)
        for a, b in combinations(range(len(keys)), 2)
        if infos[a] and infos[b] and len(infos[a]) * len(infos[b]) <= MAX_CELLS
    ]
    needed = {a for pair in pairs for a in pair}
    # Only articles that take part in a scored pair are embedded: the encoder is the slowest stage.
    vectors = [
        encode([s.text for s in article]) if encode is not None and a in needed else None
        for a, article in enumerate(infos)
    ]
    # The words themselves, for the ``soft`` signal: a news comparison has a thousand or two; past
    # ``EMBED_ALL`` sentences the fuzzy groups carry the alignment and the words are not worth encoding.
    word_vectors = None
    if encode is not None and pairs and total <= EMBED_ALL:
        vocabulary = evidence.word_vocabulary(infos)
        word_vectors = dict(zip(vocabulary, encode(vocabulary), strict=True))
    check(cancelled)
    idf = evidence.corpus_idf(infos)
    model = model or link_model()
    # The user's threshold moves the bar the link model must clear: 0.5 (the default) is the calibrated one.
    bar = (threshold - 0.5) * 8.0
    links: list[grouping.Link] = []
    details: dict[frozenset[grouping.Node], Detail] = {}
    for a, b in pairs:
        check(cancelled)
        found, odds = _scored(infos[a], infos[b], vectors[a], vectors[b], idf, word_vectors, model, bar)
        for i, j in zip(*np.nonzero(_candidates(odds - bar)), strict=True):
            x, y = (a, scored[a][i]), (b, scored[b][j])
            links.append(grouping.Link(x, y, float(odds[i, j] - bar)))
            details[frozenset((x, y))] = (found, odds, int(i), int(j))
    fixed_links = [
        grouping.Link(x, y, FIXED_LOG_ODDS) for group in fixed for x, y in combinations(group, 2) if x[0] != y[0]
    ]
    translations = _translation_links(pairs, infos, scored, vectors, languages, threshold, cancelled)
    for pair in translations:
        x, y = sorted(pair)
        fixed_links.append(grouping.Link(x, y, FIXED_LOG_ODDS))
    groups = grouping.cluster(
        [*fixed_links, *links],
        fixed=fixed,
        same_article=model.same_article,
        link_min=model.link_min,
        articles=len(keys),
    )
    fixed_similarity = {tuple(group): similarity for group, similarity in found_by_fuzzy}
    sets = []
    for group in groups:
        members: dict[int, list[int]] = {}
        for art, idx in group:
            members.setdefault(art, []).append(idx)
        best = _strongest(group, details, model, translations)
        similarity = fixed_similarity.get(tuple(group))
        if similarity is None:
            similarity = best[0] if best else 0.0
        sets.append(
            AlignedSet(
                {art: tuple(sorted(ix)) for art, ix in sorted(members.items())},
                round(float(similarity), 4),
                _explain(group, fixed_nodes, best),
            )
        )
    return sets


def _translation_links(
    pairs: Sequence[tuple[int, int]],
    infos: Sequence[Sequence[evidence.SentenceInfo]],
    scored: Sequence[Sequence[int]],
    vectors: Sequence[npt.NDArray[np.float32] | None],
    languages: Sequence[str],
    threshold: float,
    cancelled: Callable[[], bool] | None,
) -> dict[frozenset[grouping.Node], float]:
    """What the fuzzy aligner is within a language, the semantic bead aligner is across two: its beads (found in
    order, headlines with headlines) join the links as sure ones. Without them a translated sentence that shares
    no name or number with its counterpart rested on a cosine the link model, fitted mostly on one-language
    pairs, weighs too lightly. Returns each bead's sentence pairs with the bead's similarity."""
    from desktop.core.align import semantic_alignment

    links: dict[frozenset[grouping.Node], float] = {}
    for a, b in pairs:
        va, vb = vectors[a], vectors[b]
        if va is None or vb is None or not languages[a] or not languages[b] or languages[a] == languages[b]:
            continue
        for rows, cols in sections.split([[s.title for s in infos[a]], [s.title for s in infos[b]]]):
            for bead in semantic_alignment.align_pair(va[rows], vb[cols], threshold, cancelled):
                nodes = [(a, scored[a][rows[i]]) for i in bead.a] + [(b, scored[b][cols[j]]) for j in bead.b]
                for x, y in combinations(nodes, 2):
                    if x[0] != y[0]:
                        links[frozenset((x, y))] = bead.similarity
    return links


def _scored(
    a: Sequence[evidence.SentenceInfo],
    b: Sequence[evidence.SentenceInfo],
    vectors_a: npt.NDArray[np.float32] | None,
    vectors_b: npt.NDArray[np.float32] | None,
    idf: dict[str, dict[str, float]],
    word_vectors: soft_overlap.WordVectors | None,
    model: LinkModel,
    bar: float,
) -> tuple[evidence.PairEvidence, evidence.Matrix]:
    """The evidence and log-odds of every pair of two articles, exact wherever a pair can become a candidate.

    The token-set ratio was 5.7 of 7.3 s for 1,000 x 2,000 sentences, and only candidates (``_candidates``)
    are read afterwards. So every other signal is scored first; the ratio (between 0 and 1) can then move a
    pair's log-odds by at most its weight, and a pair that stays below its row's and its column's ``TOP_K``-th
    best even with the most the ratio could add is no candidate, whatever its ratio. The ratio is worked out
    for the others only, and the log-odds computed again, in the same order as over the full matrix."""
    partial = evidence.pair_evidence(a, b, vectors_a, vectors_b, idf, word_vectors, fuzzy_ratio=False)
    weight = model.weight(partial, "fuzzy")
    if not weight or not partial.signals["same_language"].any():
        return partial, model.log_odds(partial)
    without = model.log_odds(partial) - bar
    low, high = without + min(0.0, weight), without + max(0.0, weight)
    # Both articles hold sentences here (``align`` scores only such pairs).
    row_bar = np.partition(low, -min(TOP_K, low.shape[1]), axis=1)[:, -min(TOP_K, low.shape[1])][:, None]
    col_bar = np.partition(low, -min(TOP_K, low.shape[0]), axis=0)[-min(TOP_K, low.shape[0]), :][None, :]
    cells = (high > grouping.UNLINKED) & ((high >= row_bar) | (high >= col_bar))
    found = evidence.with_fuzzy(partial, a, b, cells)
    return found, model.log_odds(found)


def _candidates(odds: evidence.Matrix) -> npt.NDArray[np.bool_]:
    """The pairs worth handing to the grouping: each sentence's ``TOP_K`` best in the other article (either
    way), and no pair below ``UNLINKED``. A sentence has at most a few counterparts; keeping every weak pair
    made the grouping quadratic and let long repetitive articles chain into a few huge groups."""
    keep = odds > grouping.UNLINKED
    rows = np.zeros_like(keep)
    cols = np.zeros_like(keep)
    if odds.shape[1]:
        k = min(TOP_K, odds.shape[1])
        rows = odds >= np.partition(odds, -k, axis=1)[:, -k][:, None]
    if odds.shape[0]:
        k = min(TOP_K, odds.shape[0])
        cols = odds >= np.partition(odds, -k, axis=0)[-k, :][None, :]
    selected: npt.NDArray[np.bool_] = keep & (rows | cols)
    return selected


def fuzzy_groups(
    keys: Sequence[Sequence[str]],
    titles: Sequence[Sequence[bool]],
    threshold: float,
    reference: int,
    cancelled: Callable[[], bool] | None = None,
) -> FuzzyGroups:
    """The fuzzy aligner's groups and similarities, headlines with headlines and body with body as it was
    calibrated."""
    out: FuzzyGroups = []
    for positions in sections.split(titles):
        section_keys = sections.pick(keys, positions)
        found = alignment.align(section_keys, threshold=threshold, reference=reference, cancelled=cancelled)
        for s in sections.place(positions, found):
            out.append((sorted((art, i) for art, idx in s.members.items() for i in idx), s.similarity))
    return out


def _strongest(
    group: list[grouping.Node],
    details: dict[frozenset[grouping.Node], Detail],
    model: LinkModel,
    translations: dict[frozenset[grouping.Node], float],
) -> tuple[float, evidence.PairEvidence, int, int] | None:
    """The group's best-supported pair: the link model's probability, or a translation bead's similarity where
    the semantic aligner paired it (its cosine is what joined the pair, not the model)."""
    best: tuple[float, evidence.PairEvidence, int, int] | None = None
    for pair in combinations(group, 2):
        if pair[0][0] == pair[1][0]:
            continue
        detail = details.get(frozenset(pair))
        if detail is None:
            continue
        found, odds, i, j = detail
        probability = float(1 / (1 + np.exp(-(odds[i, j] + model.shift))))
        probability = max(probability, translations.get(frozenset(pair), 0.0))
        if best is None or probability > best[0]:
            best = (probability, found, i, j)
    return best


def _explain(
    group: list[grouping.Node],
    fixed_nodes: set[grouping.Node],
    best: tuple[float, evidence.PairEvidence, int, int] | None,
) -> MatchEvidence:
    """The evidence a user sees for a group: its strongest pair's probability, shared anchors and signals."""
    signals: list[str] = []
    if all(node in fixed_nodes for node in group):
        signals.append("same wording")
    if best is None:
        return MatchEvidence(score=1.0, signals=tuple(signals))
    probability, found, i, j = best
    s = {name: float(matrix[i, j]) for name, matrix in found.signals.items()}
    anchors = tuple(sorted(a.split(":", 1)[1] for a in found.anchors_of(i, j)))
    if s["fuzzy"] >= 0.8 and "same wording" not in signals:
        signals.append("same wording")
    if s["words"] >= 0.25 or s["phrases"] > 0:
        signals.append("shared words")
    elif s["soft"] >= 0.5:
        signals.append("related words")
    if anchors:
        signals.append("shared names and numbers")
    if s["cosine"] >= 0.5 and s["margin"] > 0:
        signals.append("same meaning")
    if s["both_titles"]:
        signals.append("both headlines")
    partial = s["words_in"] >= 0.6 and s["words"] < 0.4
    return MatchEvidence(round(float(probability), 4), anchors, tuple(signals), partial)
