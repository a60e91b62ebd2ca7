"""A structural subjectivity signal that complements the commentary lexicons.

The lexicons in ``resources/lexicons`` know the loud words ("skandalös", "so-called"), but an op-ed writer who
avoids them still gives themselves away by the shape of the sentence: they address the reader ("we", "uns"),
prescribe ("must", "sollte"), weigh with comparatives ("deserve better", "schlimmer noch"), rebut ("nicht …,
sondern"), guess at motives ("offenbar geht es um", "the real reason"), predict consequences nobody is quoted
for ("will only deepen") and reach for stance adverbs and evaluative words the lexicon lacks. Each of these
features weighs 1 (leans towards opinion; hard news uses it too) or 2 (rare outside the author's own voice),
and the sentence's lexicon cues and these features are added up against the commentary threshold.

Everything runs on the sentence with quotations and attributed clauses blanked out (the masking of
``commentary.attributed_spans``), so "X said the plan was reckless" stays reporting. The word lists are
hand-written and were calibrated on ``tests/commentary_dev_set.py``; ``tests/commentary_heldout_set.py``
was written after they were frozen and measures how they carry over.

Real outlets rarely use the loud words. Their own voice shows in how they frame an event (issue 14): a verdict
hedged as a general reading ("is widely seen as"), an interim balance ("so far … little of substance"), an
outcome noun that says who won or lost ("a setback for", "ein Rückschlag für"), an impression ("looks all but
buried", "wirkt wie"), a forecast of consequences nobody is quoted for ("dürfte … belasten", "is likely to
deepen"), the mood of a scene ("es herrscht Fassungslosigkeit"). The strong forms of framing are rare in
reporting outside an attribution; the weak ones need a second cue.

The package: ``cues`` (``subjectivity_cues``, the entry point, and the search in one sentence), ``english`` and
``german`` (each language's word lists, openers and sentence shapes), ``grammar`` (how those are written down and
compiled).
"""

from desktop.core.detect.subjectivity.cues import subjectivity_cues

__all__ = ["subjectivity_cues"]
