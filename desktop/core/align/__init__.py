"""Which sentences, and which words, of different articles correspond: the candidate index, the fuzzy,
semantic and combined aligners and ``matching`` that picks one, the evidence and calibrated link model the
combined aligner weighs, sentence vectors and their disk cache, and word-level diffs.
"""
