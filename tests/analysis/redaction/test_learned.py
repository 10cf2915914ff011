"""The learned second stage (``learned.py``, stop 51): what it takes that the rules leave, what it must never take,
the shipped weights matching their sources, and the estimator itself."""

import numpy as np
import pytest

from analysis.redaction import PersonalDataRedactor, build_learned
from analysis.redaction.learned import LearnedSpans, candidate, load, never_taken, token_labels


@pytest.fixture(scope="module")
def both():
    return PersonalDataRedactor().fit(), PersonalDataRedactor(learned=False).fit()


def test_the_shipped_weights_match_their_sources():
    assert build_learned.main(["--check"]) == 0


def test_the_shipped_weights_load_with_their_threshold():
    model = load()
    assert isinstance(model, LearnedSpans)
    assert model.coef_.shape == (2 ** 18,) and model.coef_.dtype == np.float32
    assert 0.5 <= model.threshold < 1


# Written for this test, in the long-tail contexts the rules left on the read blind writers: each is kept by the
# rules alone and taken by the rules with the learned stage.
@pytest.mark.parametrize(("text", "gone"), [
    ("my mum lisa just lets him shout at me", "lisa"),
    ("my nan (pauline) has us now", "pauline"),
    ("his mate deacon carries a blade", "deacon"),
    ("the lady there called hyacinth helps us", "hyacinth"),
    ("a lad they call spud nicked my bike", "spud"),
    ("my old school cockshut hill was better", "cockshut"),
    ("the head of year at ridgeway is sound", "ridgeway"),
    ("her @ is summer.rayy if u want it", "summer.rayy"),
    ("we lived on the nunny and it was rough", "nunny"),
    ("tell rahim i said sorry", "rahim"),
    ("our kid tj got jumped", "tj"),
    ("i blocked shaq on snap", "shaq"),
    ("everyone at denbigh knows about my dad", "denbigh"),
])
def test_the_learned_stage_takes_what_the_rules_leave(both, text, gone):
    full, rules = both
    assert gone in rules.redact(text)
    assert gone not in full.redact(text)


@pytest.mark.parametrize("text", [
    "we need hope in this town",
    "the summer holidays are boring",
    "there are gangs near my estate",
    "online bullying is a big problem at my school",
    "people smoking weed near the shops scares me",
    "my dad is strict but fair",
    "i would tell miss or sir",
    "grace period for homework would help",
    "the older boys make me carry stuff for them",
    "i feel safe in town but not on the estate",
    "we went to Leeds and Bradford on the train",
    "Workload is unsustainable",
    "the staff were helpful.the food was cold",
    "meet me at the park at 5, dot and me will be there",
    "one two three four five",
    "Thanks to all the staff on ward 1, you have been great",
    "Michelle my H/V is always helpful".replace("Michelle ", ""),
    "Thank you to the podiatrist who saw me",
    "ty",
    "training for sports clubs and faith settings",
    "Answer the call bell promptly, the staff are kind",
    "There was a delay because of COVID-19 but they rang me",
    "i used to live at Ashcroft Residential Unit".replace("Ashcroft ", ""),
])
def test_ordinary_answers_are_left_whole(both, text):
    full, _ = both
    assert full.redact(text) == text


def test_names_that_are_words_beside_a_kin_word(both):
    # a look-alike in test_families.py until stop 51, noted there as left only because no listed name stood beside
    # them; blind writer r32 labelled the same two sisters' names personal data
    full, rules = both
    text = "i look after my sisters, destiny and joy, on my own"
    assert rules.redact(text) == text
    assert full.redact(text) == "i look after my sisters, [name] and [name], on my own"


def test_titles_and_type_words_are_never_taken(both):
    full, _ = both
    assert full.redact("Dr Okafor was kind and so were the Ward staff") == \
        "Dr [name] was kind and so were the Ward staff"
    assert {"dr", "pcso", "ward", "centre", "academy"} <= never_taken()


@pytest.mark.parametrize(("token", "ok"), [
    ("summer.rayy", True), ("kev", True), ("ridgeway", True),
    ("Dr", False), ("Ward", False), ("helpful.the", False), ("i.e", False), ("2019", False),
    ("unsustainable", False), ("overthinking", False), ("three", False), ("dot", False), ("ty", False),
])
def test_candidate_words(token, ok):
    assert candidate(token) is ok


def test_the_learned_stage_only_adds_to_the_rules_spans(both):
    full, rules = both
    for text in ["my mum lisa and my sister Grace live at 4 Elm Close, LS6 2AB",
                 "ring 07700 900123 and ask for kev at the chippy on Dewsbury Road"]:
        assert set(rules.find(text)) <= set(full.find(text))


def test_the_estimator_learns_from_labelled_answers():
    rows = [{"text": f"i go to {school} and the teachers are ok", "must_remove": school}
            for school in ("brackwood", "ellerby", "tanmoor", "fenwick", "carrowby", "lindell", "oxley", "pelham")]
    rows += [{"text": f"i go to {place} and the teachers are ok", "must_remove": ""}
             for place in ("school", "college", "church", "work")]
    model = LearnedSpans(threshold=0.5, C=10).fit([r["text"] for r in rows], [token_labels(r) for r in rows],
                                                  [[] for _ in rows])
    assert model.coef_.shape == (2 ** 18,) and isinstance(model.intercept_, float)
    text = "i go to hartwell and the teachers are ok"
    assert [(a, b) for a, b, _ in model.find(text, [])] == [(8, 16)]
    assert model.find("i go to school and the teachers are ok", []) == []


def test_token_labels_cover_every_occurrence():
    row = {"text": "kev said kev would come", "must_remove": "kev"}
    assert token_labels(row) == [(0, 3), (9, 12)]


def test_a_school_name_ends_at_an_ordinary_word(both):
    # before stop 51 "kingsmead dont care" was taken whole as the school's name
    _, rules = both
    assert rules.redact("teachers at kingsmead dont care") == "teachers at [school] dont care"
    assert rules.redact("in year 9 at oakfield nobody listens") == "in year 9 at [school] nobody listens"
    assert rules.redact("the head at coombe dean") == "the head at [school]"
