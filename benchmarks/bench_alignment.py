"""Alignment speed, memory and quality on synthetic German and English documents whose true alignment is known.

Run: ``.venv/bin/python -m benchmarks.bench_alignment [--quick]``.

Documents are generated from word lists and sentence templates (news-like: who did what, where, when, how many,
with rare names and compounds as real reports have them). A second version of each document is derived with
controlled edits, recording which sentences become which: rewording (a few words swapped, dropped or added),
splits (1:2), merges (2:1), deletions, insertions and moved blocks (reordering). Every figure is printed as time,
peak memory and F1 against the truth, beside two baselines run on the same inputs in the same process:

- difflib: ``SequenceMatcher`` over the sentence lists, as line-diff tools such as Meld do (equal runs are 1:1
  groups, each replaced run one n:m group);
- naive: every sentence of A scored against every sentence of B with rapidfuzz ``ratio`` in a Python loop, best
  partner kept when it reaches 50.

Baselines whose run would take more than about a minute (estimated from the smaller sizes) are skipped and
marked so. Peak memory is the resident-set growth of a forked child that runs only the measured call.
"""

from __future__ import annotations

import argparse
import difflib
import os
import random
import resource
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from desktop.core.align.alignment import align
from desktop.core.align.beads import AlignedSet
from desktop.core.text.normalize import matching_key

Truth = list[dict[int, tuple[int, ...]]]
Aligner = Callable[[list[list[str]]], list[AlignedSet]]

_WORDS = {
    "de": {
        "subject": "Die Regierung|Der Bürgermeister|Die Polizei|Ein Sprecher des Ministeriums|Die Feuerwehr|"
        "Der Stadtrat|Die Opposition|Eine Gruppe von Anwohnern|Der Verband|Die Staatsanwaltschaft|"
        "Die Gewerkschaft|Der Konzern|Die Behörde|Eine Sprecherin der Klinik|Der Landrat",
        "verb": "kündigte an|bestätigte|kritisierte|forderte|untersuchte|meldete|verschob|beschloss|"
        "lehnte ab|begrüßte|prüfte|veröffentlichte|stoppte|plante|verteidigte",
        "object": "den Neubau|die Sanierung|einen Bericht|neue Regeln|die Schließung|den Haushalt|"
        "eine Entschädigung|die Ermittlungen|den Vertrag|zusätzliche Mittel|eine Sperrung|die Evakuierung|"
        "den Abriss|eine Anhörung|die Preiserhöhung",
        "when": "am Montag|am Dienstag|am Mittwoch|am Donnerstag|am Freitag|am Wochenende|in der Nacht|"
        "am Vormittag|seit Jahren|im März|im Herbst|vergangene Woche",
        "where": "in der Innenstadt|im Hafen|am Bahnhof|im Landtag|vor dem Rathaus|in der Klinik|"
        "im Gewerbegebiet|an der Grenze|im Stadion|auf der Autobahn",
        "extra": "nach Angaben der Behörden|wie ein Sprecher sagte|laut einem Bericht|trotz heftiger Kritik|"
        "wegen des Unwetters|nach langen Verhandlungen|unter Protesten|ohne Vorwarnung",
        "unit": "Menschen|Euro|Millionen Euro|Prozent|Kilometer|Wohnungen|Beschäftigte|Tonnen",
        "filler": "auch|noch|bereits|nun|wohl|offenbar|erneut|zunächst",
        "syll": "berg|hafen|stein|feld|wald|bach|dorf|burg|au|heim|tal|brück|ried|hofen|ingen",
        "stem": "Wasser|Strom|Bahn|Klima|Schul|Kranken|Bau|Wohn|Rats|Hafen|Stadt|Land|Energie|Verkehrs",
        "tail": "versorgung|gesetz|projekt|behörde|netz|plan|bericht|haus|gipfel|streit|reform|anlage",
        "join": " und ",
        "for": "für",
    },
    "en": {
        "subject": "The government|The mayor|Police|A ministry spokesman|The fire brigade|The city council|"
        "The opposition|A group of residents|The association|Prosecutors|The union|The company|"
        "The agency|A hospital spokeswoman|The county chief",
        "verb": "announced|confirmed|criticised|demanded|investigated|reported|postponed|approved|rejected|"
        "welcomed|reviewed|published|halted|planned|defended",
        "object": "the new building|the renovation|a report|new rules|the closure|the budget|compensation|"
        "the investigation|the contract|extra funding|a road closure|the evacuation|the demolition|"
        "a hearing|the price rise",
        "when": "on Monday|on Tuesday|on Wednesday|on Thursday|on Friday|at the weekend|overnight|"
        "in the morning|for years|in March|in the autumn|last week",
        "where": "in the city centre|at the port|at the station|in parliament|outside the town hall|"
        "at the clinic|in the industrial park|at the border|at the stadium|on the motorway",
        "extra": "according to officials|a spokesman said|according to a report|despite fierce criticism|"
        "because of the storm|after long talks|amid protests|without warning",
        "unit": "people|dollars|million dollars|percent|kilometres|homes|workers|tonnes",
        "filler": "also|still|already|now|apparently|again|initially|reportedly",
        "syll": "ford|ham|ton|field|wood|brook|bury|bridge|dale|worth|stead|well|mouth|port|by",
        "stem": "Water|Power|Rail|Climate|School|Health|Housing|Council|Harbour|City|Land|Energy|Transport",
        "tail": " supply| act| project| agency| grid| plan| report| centre| summit| dispute| reform| plant",
        "join": " and ",
        "for": "for",
    },
}


class _Writer:
    """Builds news-like sentences; a few hundred rare names and compound terms keep rare words realistic."""

    def __init__(self, language: str, rng: random.Random, sentences: int) -> None:
        self.rng = rng
        self.w = {k: v.split("|") for k, v in _WORDS[language].items()}  # one-word entries: a list of one
        syll = self.w["syll"]
        first = ["Al", "Ber", "Chr", "Dor", "El", "Fin", "Gr", "Hal", "Is", "Jo", "Kr", "Lin", "Mar", "Nor", "Ost"]
        # long documents name more places, people and things (vocabulary grows with length, as Heaps' law says)
        names = max(200, int(8 * sentences**0.6))
        self.places = [self._coin(first, syll) for _ in range(names)]
        self.people = [self._coin(first, ["ina", "as", "ert", "ald", "ke", "ani", "or"]) for _ in range(names)]
        stems = self.w["stem"]
        self.terms = [
            rng.choice(stems) + (rng.choice(stems).lower() if n >= 200 else "") + rng.choice(self.w["tail"])
            for n in range(names)
        ]

    def _coin(self, first: list[str], tails: list[str]) -> str:
        middle = "".join(self.rng.choice("aeiou") + self.rng.choice("lmnrst") for _ in range(self.rng.randint(0, 2)))
        return self.rng.choice(first) + middle + self.rng.choice(tails)

    def _pick(self, key: str) -> str:
        words = self.w[key]
        # Zipf-like: the first entries are much more frequent, as function-heavy news language is
        return words[min(int(self.rng.paretovariate(1.2)) - 1, len(words) - 1)]

    def sentence(self) -> str:
        r = self.rng
        parts = [self._pick("subject"), r.choice(self.places), self._pick("verb"), self._pick("when")]
        parts.append(f"{r.choice(self.w['object'])} {self.w['for'][0]} {r.choice(self.terms)}")
        if r.random() < 0.6:
            parts.append(f"{r.randint(2, 9999)} {self._pick('unit')}")
        if r.random() < 0.5:
            parts.append(self._pick("where"))
        if r.random() < 0.4:
            parts.append(f"{self._pick('extra')} {r.choice(self.people)}")
        return " ".join(parts) + "."

    def reword(self, sentence: str) -> str:
        words = sentence.rstrip(".").split()
        for _ in range(self.rng.randint(1, 3)):
            op = self.rng.random()
            at = self.rng.randrange(len(words))
            if op < 0.4:
                words[at] = self._pick("filler")
            elif op < 0.7 and len(words) > 6:
                del words[at]
            else:
                words.insert(at, self._pick("filler"))
        return " ".join(words) + "."

    def split(self, sentence: str) -> list[str]:
        words = sentence.rstrip(".").split()
        cut = len(words) // 2
        return [" ".join(words[:cut]) + ".", " ".join(words[cut:]).capitalize() + "."]

    def merge(self, first: str, second: str) -> str:
        return first.rstrip(".") + self.w["join"][0] + second[0].lower() + second[1:]


@dataclass(frozen=True, slots=True)
class Case:
    name: str
    articles: list[list[str]]
    truth: Truth


def derive(writer: _Writer, base: list[str], rng: random.Random) -> tuple[list[str], list[tuple[int, ...]]]:
    """Another outlet's version of ``base``; returns its sentences and, per sentence, the base sentences it holds."""
    out: list[tuple[str, tuple[int, ...]]] = []
    i = 0
    while i < len(base):
        roll = rng.random()
        if roll < 0.08:  # deleted
            i += 1
            continue
        if roll < 0.16:  # split into two
            out += [(part, (i,)) for part in writer.split(base[i])]
        elif roll < 0.21 and i + 1 < len(base):  # two merged into one
            out.append((writer.merge(base[i], base[i + 1]), (i, i + 1)))
            i += 1
        elif roll < 0.55:
            out.append((writer.reword(base[i]), (i,)))
        else:
            out.append((base[i], (i,)))
        if rng.random() < 0.08:
            out.append((writer.sentence(), ()))  # inserted
        i += 1
    # move a few blocks of 3–6 sentences elsewhere (reordering)
    for _ in range(max(1, len(out) // 60)):
        size = rng.randint(3, 6)
        if len(out) <= 2 * size:
            break
        start = rng.randrange(len(out) - size)
        block = out[start : start + size]
        del out[start : start + size]
        at = rng.randrange(len(out))
        out[at:at] = block
    return [s for s, _ in out], [src for _, src in out]


def make_case(name: str, sentences: int, articles: int, seed: int) -> Case:
    rng = random.Random(seed)
    language = "de" if seed % 2 else "en"
    writer = _Writer(language, rng, sentences)
    base = [writer.sentence() for _ in range(sentences)]
    texts = [base]
    sources: list[list[tuple[int, ...]]] = [[(i,) for i in range(len(base))]]
    for _ in range(articles - 1):
        text, source = derive(writer, base, rng)
        texts.append(text)
        sources.append(source)
    return Case(name, texts, _truth(sources))


def _truth(sources: list[list[tuple[int, ...]]]) -> Truth:
    """Groups = sentences sharing base sentences, joined transitively (a merge ties two base sentences)."""
    parent = list(range(max((b for src in sources for s in src for b in s), default=0) + 1))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for src in sources:
        for held in src:
            for b in held[1:]:
                parent[find(b)] = find(held[0])
    groups: dict[int, dict[int, list[int]]] = {}
    for art, src in enumerate(sources):
        for idx, held in enumerate(src):
            if held:
                groups.setdefault(find(held[0]), {}).setdefault(art, []).append(idx)
    return [{a: tuple(ix) for a, ix in g.items()} for g in groups.values() if len(g) >= 2]


def scores(predicted: Sequence[dict[int, tuple[int, ...]]], truth: Truth) -> tuple[float, float]:
    """Exact group F1 and atomic F1 (pairs of sentences of different articles put in one group)."""

    def frozen(groups: Sequence[dict[int, tuple[int, ...]]]) -> set[frozenset[tuple[int, int]]]:
        return {frozenset((a, i) for a, ix in g.items() for i in ix) for g in groups}

    def links(groups: Sequence[dict[int, tuple[int, ...]]]) -> set[tuple[int, int, int, int]]:
        out: set[tuple[int, int, int, int]] = set()
        for g in groups:
            nodes = sorted((a, i) for a, ix in g.items() for i in ix)
            out.update((*x, *y) for n, x in enumerate(nodes) for y in nodes[n + 1 :] if x[0] != y[0])
        return out

    def f1(p: set[object], t: set[object]) -> float:
        hit = len(p & t)
        return 2 * hit / (len(p) + len(t)) if p or t else 1.0

    return f1(frozen(predicted), frozen(truth)), f1(links(predicted), links(truth))  # type: ignore[arg-type]


def ours(keys: list[list[str]]) -> list[AlignedSet]:
    return align(keys, threshold=0.5)


def difflib_baseline(keys: list[list[str]]) -> list[AlignedSet]:
    sets = []
    for other in range(1, len(keys)):
        matcher = difflib.SequenceMatcher(None, keys[0], keys[other], autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                sets += [AlignedSet({0: (i1 + k,), other: (j1 + k,)}, 1.0) for k in range(i2 - i1)]
            elif op == "replace":
                sets.append(AlignedSet({0: tuple(range(i1, i2)), other: tuple(range(j1, j2))}, 0.0))
    return _merge_on_reference(sets)


def naive_baseline(keys: list[list[str]]) -> list[AlignedSet]:
    sets = []
    for other in range(1, len(keys)):
        taken: set[int] = set()
        for i, a in enumerate(keys[0]):
            best, best_j = 50.0, -1
            for j, b in enumerate(keys[other]):
                score = fuzz.ratio(a, b)
                if score >= best and j not in taken:
                    best, best_j = score, j
            if best_j >= 0:
                taken.add(best_j)
                sets.append(AlignedSet({0: (i,), other: (best_j,)}, best / 100))
    return _merge_on_reference(sets)


def _merge_on_reference(sets: list[AlignedSet]) -> list[AlignedSet]:
    """Pairwise sets against article 0 joined on shared reference sentences (baselines only)."""
    by_ref: dict[tuple[int, ...], dict[int, tuple[int, ...]]] = {}
    owner: dict[int, tuple[int, ...]] = {}
    for s in sets:
        key = s.members[0]
        for i in key:
            key = owner.get(i, key)
        group = by_ref.setdefault(key, {0: key})
        for art, ix in s.members.items():
            if art:
                group[art] = tuple(sorted(set(group.get(art, ())) | set(ix)))
        for i in key:
            owner[i] = key
    return [AlignedSet(m, 0.0) for m in by_ref.values()]


def measure(aligner: Aligner, keys: list[list[str]]) -> tuple[float, float, float, list[AlignedSet]]:
    """Wall seconds, CPU seconds (steadier on a shared machine), peak MB (resident growth in a forked child)
    and the result (from the in-process run)."""
    started, cpu = time.perf_counter(), time.process_time()
    result = aligner(keys)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return seconds, cpu, _peak_mb(aligner, keys), result


def _peak_mb(aligner: Aligner, keys: list[list[str]]) -> float:
    if not hasattr(os, "fork"):
        return float("nan")
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: measure, report, exit without running the parent's cleanup
        os.close(read)
        with open("/proc/self/statm") as statm:
            before = int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1024
        aligner(keys)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        os.write(write, f"{(max(peak - before, 0)) / 1024:.1f}".encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        text = pipe.read()
    os.waitpid(pid, 0)
    return float(text or "nan")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="only the sizes up to 1,000 sentences")
    args = parser.parse_args(argv)
    two = [100, 1_000] if args.quick else [100, 1_000, 10_000, 50_000]
    many = [2, 5] if args.quick else [2, 5, 10, 20]
    cases = [make_case(f"2 × {n:,}", n, 2, seed=n + 1) for n in two]
    cases += [make_case(f"{k} × 300", 300, k, seed=k) for k in many]
    budget = 60.0
    estimate: dict[str, float] = {}  # seconds per unit of work, from the last size run
    print(
        f"{'input':<12} {'ours s':>8} {'MB':>6} {'exact':>6} {'atomic':>6} | "
        f"{'difflib s':>9} {'ratio':>7} {'exact':>6} {'atomic':>6} | "
        f"{'naive s':>8} {'ratio':>7} {'exact':>6} {'atomic':>6}"
    )
    for case in cases:
        keys = [[matching_key(s) for s in article] for article in case.articles]
        seconds, cpu, mb, result = measure(ours, keys)
        exact, atomic = scores([s.members for s in result], case.truth)
        row = f"{case.name:<12} {seconds:8.3f} {cpu:6.2f} {mb:6.0f} {exact:6.3f} {atomic:6.3f} |"
        for name, baseline, work in (
            ("difflib", difflib_baseline, len(keys[0]) * sum(len(k) for k in keys[1:])),
            ("naive", naive_baseline, len(keys[0]) * sum(len(k) for k in keys[1:])),
        ):
            guess = estimate.get(name, 0.0) * work
            if guess > budget:
                row += f" {'skipped (~' + format(guess, '.0f') + ' s)':>33} |"
                continue
            b_seconds, _, b_result = _timed(baseline, keys)
            estimate[name] = b_seconds / work
            b_exact, b_atomic = scores([s.members for s in b_result], case.truth)
            row += f" {b_seconds:9.3f} {seconds / b_seconds:6.2f}× {b_exact:6.3f} {b_atomic:6.3f} |"
        print(row.rstrip(" |"), flush=True)
    print("ratio = our time / baseline time (below 1: faster); exact = exact group F1, atomic = sentence-pair F1")
    return 0


def _timed(aligner: Aligner, keys: list[list[str]]) -> tuple[float, float, list[AlignedSet]]:
    started = time.perf_counter()
    result = aligner(keys)
    return time.perf_counter() - started, float("nan"), result


if __name__ == "__main__":
    sys.exit(main())
