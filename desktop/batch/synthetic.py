"""A generated corpus of event clusters, for trying batch mode and for its tests and benchmark.

Each cluster is one invented event reported by a few outlets: a shared core of sentences, some
reworded, some left out, one outlet adding an opinion — enough for every result table to fill.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

_PLACES = ("Harbourtown", "Eastfield", "Millbrook", "Northwood", "Kestrel Bay", "Oakridge", "Lindenau", "Ravensburg")
_PEOPLE = ("Mayor Ada Brennan", "Councillor Tom Reyes", "Dr. Lena Ostrow", "Inspector Paul Graves", "Mira Talbot")
_TOPICS = ("the harbour strike", "the bridge closure", "the flood defences", "the school merger", "the rail link")
_OUTLETS = ("Wire Service", "Daily Ledger", "Morning Post", "Coastal Herald")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


def _event(rng: random.Random) -> list[str]:
    place, person, topic = rng.choice(_PLACES), rng.choice(_PEOPLE), rng.choice(_TOPICS)
    day, count, share = rng.choice(_DAYS), rng.randint(200, 9000), rng.randint(2, 15)
    return [
        f"Officials in {place} announced new measures on {topic} on {day}.",
        f"About {count} residents are affected by the decision, according to the city.",
        f"{person} said the plan would be reviewed within {share} weeks.",
        f"The council approved a budget increase of {share} percent for the project.",
        f"Local businesses in {place} asked for compensation during the works.",
        f"A public hearing is scheduled for next {rng.choice(_DAYS)} at the town hall.",
    ]


def _reword(sentence: str, rng: random.Random) -> str:
    swaps = (("announced", "unveiled"), ("affected by", "hit by"), ("said", "stated"), ("asked for", "demanded"))
    for old, new in swaps:
        if old in sentence and rng.random() < 0.7:
            sentence = sentence.replace(old, new)
    return sentence


def generate_rows(clusters: int, *, seed: int = 7) -> list[dict[str, str]]:
    rng = random.Random(seed)
    rows = []
    for number in range(clusters):
        core = _event(rng)
        for position, outlet in enumerate(rng.sample(_OUTLETS, rng.randint(2, 4))):
            sentences = [s if position == 0 else _reword(s, rng) for s in core if position == 0 or rng.random() > 0.2]
            if position == 2:
                sentences.insert(1, "Once again the authorities have shown their contempt for ordinary people.")
            if position == 3:
                rng.shuffle(sentences)
            rows.append(
                {
                    "cluster_id": f"event-{number:05d}",
                    "article_id": f"event-{number:05d}-{position}",
                    "source": outlet,
                    "title": f"{outlet}: {core[0][:40]}",
                    "text": " ".join(sentences),
                }
            )
    return rows


def write_jsonl(path: str | Path, rows: list[dict[str, str]]) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
