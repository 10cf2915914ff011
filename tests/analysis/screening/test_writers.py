"""The blind writers' youth sets, grouped by writer for leave-one-writer-out (benchmarks/screening_lowo.py)."""

from pathlib import Path

from analysis.screening import CATEGORIES
from analysis.screening.learned import (
    DATA_DIR,
    UNKNOWN_CATEGORY,
    LearnedNet,
    _features,
    load_training_rows,
    question_token,
)
from analysis.screening.writers import CATEGORY_OF, WRITERS, writer_rows

DIRS = (Path(__file__).resolve().parents[3] / "benchmarks" / "data", DATA_DIR)


def test_every_writers_sets_train_with_the_screens_categories():
    # A later writer's own category names ("self_harm", "radicalisation") must not reach the category
    # model: it would name a category the screen does not report, and the learned hit would be dropped.
    assert set(CATEGORY_OF.values()) <= set(CATEGORIES) | {UNKNOWN_CATEGORY}
    for name, files in WRITERS.items():
        rows = writer_rows(name, DIRS)
        assert {r["kind"] for r in rows} >= {"ordinary", "disclosure"}
        assert {c for r in rows for c in r["cats"]} <= set(CATEGORIES) | {UNKNOWN_CATEGORY}, name
        paths = [next(d / f for d in DIRS if (d / f).exists()) for f in files]
        assert {c for _t, cs, _s in load_training_rows(paths) for c in cs} <= set(CATEGORIES) | {UNKNOWN_CATEGORY}


def test_a_later_writers_own_category_names_are_mapped():
    rows = [r for r in writer_rows("fresh6", DIRS) if r["kind"] == "disclosure"]
    assert len(rows) == 180
    assert {c for r in rows for c in r["cats"]} <= set(CATEGORIES) | {UNKNOWN_CATEGORY}
    assert ("self_harm_suicide",) in [r["cats"] for r in rows]


def test_minimal_pairs_keep_their_look_alikes_as_negatives():
    rows = writer_rows("w1_blind", DIRS)
    assert {r["kind"] for r in rows} == {"ordinary", "disclosure", "lookalike"}
    assert all(r["cats"] == () for r in rows if r["kind"] == "lookalike")
    assert all(r["cats"] == (UNKNOWN_CATEGORY,) for r in rows if r["kind"] == "disclosure")



def test_sample_weights_move_the_yes_no_model():
    tokens = [t.split() for t in ["my dad hits me", "staff hurt my arm", "the park is nice", "i like football"]]
    labels = [("physical_abuse",), (), (), ()]
    plain = LearnedNet().fit(tokens, labels)
    weighted = LearnedNet().fit(tokens, labels, sample_weight=[1.0, 4.0, 1.0, 1.0])
    assert weighted.probability("hurt".split()) < plain.probability("hurt".split())


def test_the_question_kind_is_a_feature_only_for_a_net_that_learned_it():
    q = question_token("feels_unsafe")
    assert q == ["__q_feels_unsafe"] and question_token(None) == []
    tokens = [q + ["home"], ["home", "is", "nice"], ["home", "time"], ["my", "dad", "hits", "me"], ["football"]]
    labels = [("domestic_abuse",), (), (), ("physical_abuse",), ()]
    with_q = LearnedNet().fit(tokens, labels)
    assert with_q.probability(q + ["home"]) > with_q.probability(["home"])
    plain = LearnedNet().fit([t for t in tokens if t[0] != q[0]], [lab for t, lab in zip(tokens, labels, strict=True)
                                                                  if t[0] != q[0]])
    assert plain.probability(q + ["home"]) == plain.probability(["home"])


def test_the_judges_youth_file_holds_every_tuning_writer_as_written():
    # data/youth_writers.csv (python -m analysis.screening.build --writers benchmarks/data) is what the judge learns.
    import csv

    from analysis.screening.learned import YOUTH_WRITERS
    from analysis.screening.questions import question_kind

    with YOUTH_WRITERS.open(encoding="utf-8", newline="") as fh:
        stored = [(r["writer"], r["question"], r["question_kind"], r["answer"], r["category"])
                  for r in csv.DictReader(fh)]
    expected = [(name, r["question"] or "", question_kind(r["question"]) or "", r["answer"],
                 r["cats"][0] if r["cats"] else "") for name in WRITERS for r in writer_rows(name, DIRS)]
    assert stored == expected
    assert {"fresh8", "fresh17", "w0_youth_train", "w1_blind"} <= {w for w, *_ in stored}


def test_a_short_answer_is_read_beside_its_question():
    # "home" learned answering "What makes you feel unsafe?" says nothing about "home" answering "Who would you tell?".
    unsafe, tell = question_token("feels_unsafe"), question_token("trusted_person")
    tokens = [unsafe + ["home"], unsafe + ["home", "tbh"], tell + ["my", "mum"], tell + ["home", "and", "mum"],
              ["i", "like", "going", "home", "after", "school", "to", "play"], unsafe + ["the", "park", "at", "night"],
              ["my", "dad", "hits", "me", "when", "he", "drinks", "too", "much"]]
    labels = [("domestic_abuse",), ("domestic_abuse",), (), (), (), (), ("physical_abuse",)]
    net = LearnedNet(short_words=4).fit(tokens, labels)
    assert net.probability(unsafe + ["home"]) > 0.5 > net.probability(tell + ["home"])
    assert net.probability(["home"]) < 0.5  # no known question: read apart from both
    # a long answer is read alone: its words are the same features whatever the question
    long = ["i", "feel", "unsafe", "at", "home", "when", "he", "shouts"]
    assert _features(unsafe + long, 4) == [*unsafe, *_features(long, 4)]  # only the question's own pseudo-word
    assert {f for f in net.features_ if "|" in f} >= {"feels_unsafe|home", "trusted_person|home"}
    assert sum(net.word_contributions(unsafe + ["home"])[1:]) > 0
