"""Checkable details in a sentence (names, numbers, dates, quotations) and whether another article states them.

An omission is only worth showing if it is real: "Selenskij" against "Selenskyj", "2.300" against "2,300" or
"Dienstag" against "Tuesday" are the same fact spelled differently. Facts are therefore compared through keys
that fold spelling, number format, language and transliteration, and each article is indexed once
(``FactIndex``) so that checking thousands of facts against a long article stays a set lookup.

The package, one module a job: ``extraction`` (``extract_facts``: the facts of one sentence), ``index``
(``FactIndex`` and ``fact_present``: whether an article states a fact), ``names``, ``dates`` and
``numbers`` (finding each kind in a sentence, and the keys dates and numbers compare by), ``lexicon`` (the names
lexicon and what it says about a word) and ``words`` (tokens, folded spellings, ``fact_key``, stems).
"""
