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
# gives the answer at least READER_FLOOR (the learned net's at least READER_LEARNED_FLOOR too); where nothing else
# flagged an English answer, the reader makes a hit of its own at READER_THRESHOLD, through the veto gate, which
# it overrules at READER_OVERRULES_GATE. Chosen on 5 December leaving one writer out over writers 18-32
# (benchmarks/experiments/screen_more_writers/lowo_all.py; the reader learning the other writers): caught / alerts
# per 1,000 ordinary, writers 18-27 (1,800 / 6,500) and writers 28-32 (900 / 3,250, written to persona mixes):
#   4 December's settings (floor 0.3, threshold 0.7, gate always): 0.888 / 8.8 and 0.969 / 26.2;
#   the gate overruled at 0.9: 0.915 / 8.9 and 0.981 / 26.5 (it vetoed "if my dad didnt hit us", "the church.
#   nobody can hit me there": word vetoes misread whole answers the reader weighs);
#   and the learned net's hits at 0.5: 0.913 / 6.9 and 0.979 / 24.6; floor 0.5, learned 0.7, threshold 0.8:
#   0.896 / 5.4 and 0.974 / 16.0. But the reader learned from writers 18-32 gives the tests' hand-made look-alikes
#   0.9 or more, so only word-level vetoes give way (READER_OVERRULES), and a floor of 0.5 drops hand-made positives
#   it scores under 0.3 ("my brother is doing county lines" 0.29). With those: floor 0.25, learned 0.85 (a
#   category with a floor of its own keeps it), threshold 0.8: 0.886 / 4.6 and 0.967 / 20.0; **threshold 0.85:
#   0.881 / 4.3 and 0.962 / 17.5** (and "i can help out at the club", 0.805, stays quiet).
# Earlier (4 December, writers 18-23): without the gate on the reader's hits, 0.1 and 0.8 caught 0.927 at 8.2, and
# flagged 21 of the tests' hand-made look-alikes ("nobody at home hurts me", "what would happen if my dad hit me").
# The floor on every kind of hit (signals and the last resort too) gained nothing on the writers and dropped 12 of
# the hand-made signals' positives.
READER_FLOOR: dict[str, float] = {"*": 0.25, "self_harm_suicide": 0.05}  # explicit self-harm words, as the judge
READER_LEARNED_FLOOR = 0.85  # the learned net's hits, where their category has no floor of its own
READER_THRESHOLD = 0.85
READER_OVERRULES_GATE = 0.9
# ... where every veto that fires on its strongest words is one of these: word-level vetoes (the word belongs to a
# topic, not to a person: "no one. they would take us away from mum") that a reader of the whole answer outweighs.
# Whole-answer vetoes (a denial, a hypothetical, harm that is over, reassurance, a reason for trusting someone,
# general concern) still cancel: the reader trained on writers 18-32 gives "my dad because he is the only one who
# gets me" 0.99 and "nobody touches me at home" 0.98.
READER_OVERRULES: frozenset[str] = frozenset({"topic_anchor", "no_person"})
READER_FIRST_HAND_FLOOR = 0.1  # a rule's words name the writer's family and the writer (gate._first_hand)
# The last resort's own hit (the judge net's, ``gate._last_resort``) stands only where the reader gives the answer
# at least this much (0: no floor). Chosen on
# 5 December, evening, leaving one writer out over writers 18-42 (benchmarks/experiments/screen_quiet/lowo.py;
# caught of 4,500 / alerts per 1,000 of 16,250 ordinary): none 0.926 / 10.8; **last resort 0.5: 0.925 / 10.0**
# (0.3: 10.2); answer signals under a floor of 0.1 as well: 0.923 / 9.2, but the reader scores 20 of the tests'
# hand-made signal positives under 0.1 ("nothing now, my mind is made up", "they spit on me in the lunch queue"),
# so signals keep no floor (the experiment's code: SCREENING_RESULTS.md, 5 December, late evening).
# The last resort's own hits drew 41 alerts on writers 18-42 for 129 disclosures; its net never learned them.
# 6 December, late afternoon: the reader learned writers 43-72 too and scores answers lower; 0.4 (was 0.5). Leaving
# writers 68-72 out of the reader, 0.5 and 0.4 gave the same on them (0.979 / 33.2 per 1,000); the held-out youth
# disclosures it keeps ("i hid in the wardrobe with my little sister while they were fighting, again") read 0.48-0.49.
READER_LAST_RESORT_FLOOR = 0.4
# The agreement over every English alert (``agreement.py``): an alert stands where the mean of the judge net's
# probability (of the answer, or of a sentence the alert's words are in) and the reader's is at least its category's
# floor. Chosen on blind writers 73-88 (neither net had learned them; 10,400 ordinary answers, 2,880 disclosures), then
# checked on writers 89-96 and, at first sight, 97-104 (SCREENING_RESULTS.md, 6 December, night). Offline on
# 73-88 (the nets' probabilities of every alert of the screen before it, answer signals kept): alerts per 1,000 and
# recall, none 19.6 / 0.971; the mean at 0.5 with self-harm 0.3: 15.9 / 0.970; 0.6 and 0.4: 14.4 / 0.969 (hand-made
# tests' first-hand disclosures at 0.53-0.55 fail); self-harm 0.35 lost a held-out disclosure at 0.30 ("I'm dead tired
# lol. and tbh i'd rather actually be dead") and 0.25 keeps it, for 8 alerts on writers 73-96.
AGREEMENT_FLOOR: dict[str, float] = {"*": 0.5, "self_harm_suicide": 0.25}
