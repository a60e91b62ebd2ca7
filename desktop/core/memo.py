"""One size for the memos on pure functions of one sentence.

A long comparison reads each sentence in several stages: ahead while a child process aligns (``align.aside``),
then again to classify it, find its facts and read its conflicts. Each stage's memo must hold every distinct
sentence of the comparison at once: a least-recently-used memo read twice in the same order, over more
sentences than it holds, has dropped every sentence by the time it is asked again, and the second pass works
everything out anew. The memos had grown to 65,536 entries one by one; one constant now says how many, sized for
the largest comparison the limits allow. (The 2 x 50,000 benchmark has fewer distinct sentences than the old size
and ran no faster with the new one.)
"""

from __future__ import annotations

from functools import lru_cache

SENTENCES = 1 << 17  # 2 x 50,000 sentences, or five articles at the 25,000-sentence limit of one article

per_sentence = lru_cache(maxsize=SENTENCES)  # decorator for a pure function of one sentence (and its language)
