"""Where outlets disagree: inside each aligned group, the figures, dates, office holders, places, sources and
certainty that members give differently for the same slot.

Two numbers differ all the time in two sentences about one event ("20,000 marched; 300 were arrested"); they
disagree only when both speak of the same quantity. A number's slot is read from the words around it (the
noun it counts, the verb or noun before it) through the word classes of ``resources/lexicons/conflicts-de-en.txt``
(so "Demonstranten" meets "protesters") or, within one language, through shared stems. Figures that round
to each other ("about 6,000" / "6,012"), bounds that hold ("more than 6,000" / "6,012") and different units are
not conflicts. Dates compare by weekday and calendar day (``facts`` reads both languages' names), office
holders by office ("Kanzler" / "chancellor"), places by the locative preposition before them, attribution by
who is cited, certainty by the modal the outlet uses ("will" / "could", "reportedly").

``Comparison.conflicts`` goes into the JSON, the library and the HTML export. The desktop app does not show
them yet (issue 15 asks for a highlight with its own non-colour cue, a Differences-panel filter and a tooltip
naming each outlet's value): ``ConflictValue`` offsets index the article text like ``Fact`` offsets do.

The package, one module a job: ``finding`` (``find_conflicts``, the entry point: sides, pairs, merging),
``reading`` (a group member's sentences read into a ``Side``), ``statements`` (the data a side holds), ``lexicon``
(the word classes, tokeniser and stems every kind looks up), and one module per kind of disagreement, each
reading its values from a sentence and comparing two sides: ``numbers``, ``dates``, ``names`` (office holders,
parties, places), ``attribution`` (sources and certainty).
"""

from desktop.core.detect.conflicts.finding import find_conflicts
from desktop.core.detect.conflicts.reading import read_ahead

__all__ = ["find_conflicts", "read_ahead"]
