"""Where article text comes from: files (plain text, Markdown, saved web pages, PDF, Word, e-mail), pasted
text and URLs, each turned into an ``Article`` or a ``LoadError`` that names the input and the problem.

``loading`` is the door (``load_article``, ``article_from_text``); ``articles`` loads and letters all the inputs of
one comparison (``load_articles``, for the command line, the app and batch mode); the other modules each read one
kind of input. Loading refuses an article by the segmenter's sentence count, so this room may read ``text``;
the pipeline never loads anything (it takes ``Article`` values).
"""
