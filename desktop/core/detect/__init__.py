"""What is found in aligned text: commentary (cue lexicons, the structural subjectivity signal, the small
classifier, and ``commentary_verdict`` that combines them), conflicts, where outlets state different
figures, dates, office holders, places or sources for the same fact, the user's corrections over what the
aligner and the detectors found, and the per-article counts of it all (``summary``).
"""
