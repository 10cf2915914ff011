"""Word lists shared by the screening rules.

Everything here is plain data so that a reviewer can audit exactly which
words the screen reacts to.  Words are written as a young person might
write them; they are normalised (lower case, text speak expanded, lemma)
when the rules are compiled, so listing one inflection is enough.
"""

from __future__ import annotations

from .wordlists import word_lists

# The word lists live in data/lexicon.yaml, each group with its reason and motivating case.
_W = word_lists("lexicon")
SLANG = _W["SLANG"]
NEGATIONS = _W["NEGATIONS"]
NEGATION_SKIP = _W["NEGATION_SKIP"]
HYPOTHETICAL_CUES = _W["HYPOTHETICAL_CUES"]
TOPIC_CUES = _W["TOPIC_CUES"]
PROFESSIONAL_ROLES = _W["PROFESSIONAL_ROLES"]
FRAME_CUES = _W["FRAME_CUES"]
FRAME_LINKS = _W["FRAME_LINKS"]
FRAME_VERBS = _W["FRAME_VERBS"]
FRAME_VERB_LINKS = _W["FRAME_VERB_LINKS"]
PAST_CUES = _W["PAST_CUES"]
OVER_CUES = _W["OVER_CUES"]
RESOLVED_CUES = _W["RESOLVED_CUES"]
STILL_CUES = _W["STILL_CUES"]
CLAUSE_BREAKS = _W["CLAUSE_BREAKS"]
ABSENCE_CATEGORIES = _W["ABSENCE_CATEGORIES"]
JOKE_MARKERS = _W["JOKE_MARKERS"]
LEARNED_REASSURANCE = _W["LEARNED_REASSURANCE"]
REASSURANCE_EXEMPT = _W["REASSURANCE_EXEMPT"]
SETS = _W["SETS"]
LEARNED_BENIGN = _W["LEARNED_BENIGN"]


