"""Tell a sentence's role in its article: the headline (title), the story (body), or page furniture.

Furniture ("boilerplate") is what an outlet wraps around every story — photo credits and captions, "Mehr zum
Thema" links, share bars, bylines, agency tags, timestamps, newsletter and donation appeals, notices about the
outlet itself. The pipeline leaves it out of the alignment, so a false positive hides a real sentence: the
rules here only fire on clear signals, and in presegmented corpora (one sentence a line, no layout) only the
most obvious of them run. The phrases live in ``resources/lexicons/boilerplate-*.txt``; the common file's
``starts`` and ``exact`` apply to every language, for the English strings aggregators and content systems put
under stories in any language ("Continue reading...").

Besides phrases, real pages show furniture by shape: counters ("169", "99+ people have listened"), place and
outlet lines ("Riga • Baltic Wire"), credit lines ("dpa/ Associated Press/ Jane Roe", "|REUTERS") and the
caption above them, signed social posts ("— Jane Roe (@jroe) March 3, 2026"), breadcrumbs, the outlet's own
name in the header, an editor's sign-off code closing the text, and long headline-shaped lines between the
paragraphs of the story (captions and teasers; a crosshead is short).

The package, one module a job: ``assign`` (``assign_roles``, the entry point: every sentence's role in order),
``furniture`` (what a sentence shows on its own; ``boilerplate_reason``), ``context`` (what its neighbours show),
``headline`` (the title lines and the kicker above them), ``cuts`` (where furniture begins inside a line, for the
segmenter), over ``rules`` (the lexicons compiled per language), ``shapes`` (punctuation and name shapes) and
``piece`` (the layout facts of a sentence).
"""
