"""How an article's text is read: sentences and their roles (title, body, page furniture), the language, the
normalisation matching uses, the sectioned word lists, and the checkable details a sentence states (names,
numbers, dates, quotations) with the spelling-blind keys that compare them.

Everything here works on one text at a time and knows nothing of alignment.
"""
