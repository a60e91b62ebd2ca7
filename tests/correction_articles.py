"""Two outlets for the corrections tests: the last sentences report the same resignation in words no matcher
pairs, and B's second sentence is the outlet's own verdict."""

from desktop.core.model import Article

A = Article(
    "A",
    "a.txt",
    "The council approved the harbour budget on Monday. The vote was 31 to 12. The mayor will step down in spring.",
    language="en",
)
B = Article(
    "B",
    "b.txt",
    "On Monday the council approved the harbour budget. This is a shameful betrayal of every taxpayer. "
    "Come April, the town hall gets a new head.",
    language="en",
)
