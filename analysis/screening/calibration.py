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
