"""Thresholds of the screen, calibrated by cross-validation on training data only.

Kept apart from :mod:`.learned` because the pre-fitted net's weights do not depend on
them: changing a threshold does not make the artefact stale (``build.NOT_SOURCES``).
How each figure was chosen: ``benchmarks/SCREENING_RESULTS.md``.
"""

from __future__ import annotations

# Calibrated for a realistic base rate on the NHS learn part (2-fold) and rounds
# 17-18 held out of the net: 0.7 keeps held-out recall at 0.96-0.97 with fewer false
# alarms than 0.5; 0.8 lost recall on rounds 17-18 and the youth training disclosures
# (2-fold, issue 17 youth training sets).
LEARNED_THRESHOLD = 0.7
# Second stage of the screen: a rule hit is dropped when the net's probability
# for the whole answer (and for the sentence the rule fired in) is below its
# category's floor ("*" for the others).  Self-harm keeps a lower floor: explicit
# words ("suicidal", "overdose") must reach a person even in an otherwise ordinary
# answer.  Chosen by 2-fold cross-validation on the NHS learn part and the youth
# training sets, with rounds 17-18 held out of the net.
JUDGE_FLOOR: dict[str, float] = {"*": 0.3, "self_harm_suicide": 0.05}
# Last resort (``gate._last_resort``): when nothing else flagged an English answer, the judge net (trained on
# every tuning writer, short answers read beside their question) makes a learned hit of its own at this
# probability, through the same veto gate. Chosen among 0.8, 0.9 and 0.95 on writers 18 and 19 (totals only,
# their errors never printed; they are calibration data since). Caught of 360 / alerts of 1,300 ordinary:
# none 321 / 9, 0.95 324 / 9, 0.9 328 / 10, 0.8 335 / 11. 0.8 would also flag a common general answer of the
# youth demo, "People I don't know add me on Snapchat and message me" (0.85), and 32 of the tests' hand-made
# near misses (0.9: 12). Writers 20 and 21 were scored once after it was chosen (SCREENING_RESULTS.md).
LAST_RESORT_THRESHOLD = 0.9
# The reader of whole answers (``charmodel.py``, ``reading.py``): a topic rule's hit stands only where the reader
# gives the answer at least READER_FLOOR; where nothing else flagged an English answer, the reader makes a hit of
# its own at READER_THRESHOLD, through the veto gate. Chosen leaving one writer out over writers 18-23
# (benchmarks/experiments/screen_reader/integrated.py): caught of 1,080 / alerts per 1,000 of 3,900 ordinary /
# per 1,000 of the NHS score part: the screen without the reader 0.871 / 9.0 / 6.5; floor 0.1, threshold 0.8
# 0.909 / 7.7 / 5.4; 0.1 and 0.7 0.920 / 9.0 / 6.1; 0.2 and 0.7 0.919 / 8.2 / 5.8; **0.3 and 0.7 0.917 / 6.9 /
# 5.1**; 0.3 and 0.6 0.924 / 9.7 / 6.3 (too near the 1% budget); 0.3 and 0.5 0.929 / 11.5 / 8.6. Without the gate
# on the reader's hits, 0.1 and 0.8 caught 0.927 at 8.2, and flagged 21 of the tests' hand-made look-alikes
# ("nobody at home hurts me", "what would happen if my dad hit me"). The floor on every kind of hit (signals and
# the last resort too) gained nothing on the writers and dropped 12 of the hand-made signals' positives.
READER_FLOOR: dict[str, float] = {"*": 0.3, "self_harm_suicide": 0.05}  # explicit self-harm words, as the judge
READER_THRESHOLD = 0.7
READER_FIRST_HAND_FLOOR = 0.1  # a rule's words name the writer's family and the writer (gate._first_hand)
