"""The learned safety net, its gate, and the text-speak normalisation it relies on."""

import csv

import pytest

from analysis.screening import CATEGORIES, DisclosureScreener
from analysis.screening.learned import TRAINING_CASES, UNKNOWN_CATEGORY, LearnedNet, load_training_cases

TRAIN_X = [
    "my dad hits me", "he hurts me when mum is out", "my uncle touches me",
    "i hate the food at school", "the youth club is great", "i like football",
    "nobody cooks at home and i am always hungry", "we went to the park",
]
TRAIN_Y = [("physical_abuse",), ("physical_abuse",), ("sexual_abuse",), (), (), (),
           ("neglect",), ()]


def test_training_cases_file_is_well_formed():
    texts, labels = load_training_cases()
    assert len(texts) == len(labels) > 1000
    assert any(labels) and not all(labels)
    for cats in labels:
        assert set(cats) <= set(CATEGORIES) | {UNKNOWN_CATEGORY}  # "?": minimal pairs, category not given
    with TRAINING_CASES.open(encoding="utf-8", newline="") as fh:
        sources = {row["source"] for row in csv.DictReader(fh)}
    assert "dev" in sources


def test_net_is_linear_and_explains_itself():
    tokens = [t.split() for t in TRAIN_X]
    net = LearnedNet().fit(tokens, TRAIN_Y)
    assert net.probability("my dad hits me".split()) > net.probability("we went to the park".split())
    contrib = net.word_contributions("my dad hits me".split())
    assert len(contrib) == 4 and max(contrib) > 0
    heavy = dict(net.top_features(50))
    assert "hits" in heavy and heavy["hits"] > 0
    cat, p = net.category("my dad hits me".split())
    assert cat == "physical_abuse" and 0 < p <= 1
    assert net.category("my dad hits me".split(), allowed={"neglect"})[0] == ""


def test_net_needs_both_kinds_of_answer():
    with pytest.raises(ValueError):
        LearnedNet().fit([["a"], ["b"]], [("neglect",), ("bullying",)])


def test_fit_on_given_cases_and_params():
    s = DisclosureScreener(learned_threshold=0.5).fit(TRAIN_X * 3, TRAIN_Y * 3)
    assert isinstance(s.learned_, LearnedNet)
    assert s.get_params()["learned"] is True
    off = DisclosureScreener(learned=False).fit()
    assert off.learned_ is None


def test_learned_hit_names_category_and_quotes_words(screener):
    # Wording no rule was written for; the net catches it and says why.
    text = "mums new fella stays over and i hide in my room till he goes"
    result = screener.screen(text)
    assert result.flagged
    for h in result.hits:
        assert h.category in CATEGORIES
        assert h.evidence == text[h.start:h.end] and h.evidence.strip()


@pytest.mark.parametrize("text", [
    "if i have to do one more survey ill die lol",          # joke marker
    "teachers should be trained to spot when kids are being put down at home",  # no personal anchor
    "nobody has ever touched me in a way i didnt like",      # denial
    "my dad told me not to tell mum what we got her for her birthday",  # benign frame
    "we had a session about people who get hit at home",     # lesson talk
    "not really me",                                         # score resting on "not", "me" alone
])
def test_gate_keeps_the_net_quiet_on_lookalikes(screener, text):
    assert not screener.screen(text).flagged


def test_gate_does_not_treat_absence_as_denial(screener):
    # "nobody makes tea" is the harm, not a denial of it.
    assert screener.screen("nobody makes tea at mine most days so i just have crisps").flagged
    # "says not to tell" is an instruction, not a denial.
    assert screener.screen("a teacher gives me presents and says not to tell anyone").flagged


@pytest.mark.parametrize("text,category", [
    ("ppl at skl keep jumpin me n filming it", "bullying"),      # skl -> school, jumpin -> jumping
    ("been sh-ing again", "self_harm_suicide"),                  # sh-ing -> self-harm
    ("i get hit wiv wateva is near", "physical_abuse"),          # wiv, wateva
    ("might jump off the bridge tbh no1 wud notice", "self_harm_suicide"),  # "might" is not hypothetical
])
def test_text_speak_is_normalised(screener, text, category):
    assert category in screener.screen(text).categories


@pytest.mark.parametrize("text", [
    "my sister beats me at fifa every time",
    "my lil bro slapped me wiv a pillow n started crying \U0001f602",
    "my dad hits the gym every day hes obsessed",
    "i used to get picked on but it stopped wen i moved schools",
    "Supervision for staff dealing with self-harm disclosures is not adequate in our setting.",
])
def test_benign_frames(screener, text):
    assert not screener.screen(text).flagged


@pytest.mark.parametrize("text", ["my step dad strangeled me", "he punchd me in the stomache", "mum slappped me"])
def test_misspellings_are_corrected_towards_rule_words(text):
    plain = DisclosureScreener(fuzzy=False, learned=False).fit()
    fuzzy = DisclosureScreener(fuzzy=True, learned=False).fit()
    assert fuzzy.screen(text).categories == ("physical_abuse",)
    assert plain.normaliser_.norm("strangeled") != fuzzy.normaliser_.norm("strangeled")


# ------------------------------------------------- a confident net's gate
def _index(doc, norm):
    return next(t.i for t in doc if norm in (t.norm_, t.lower_))


def test_confident_score_is_not_vetoed_by_lesson_words(screener):
    # "videos" is a lesson word ("we watched a video about ..."), but here it is what he shows
    doc = screener._doc("mums boyfriend keeps showing me videos of people having sex")
    i = _index(doc, "boyfriend")
    assert not screener._learned_gate(doc, i, "sexual_abuse", 0.5)
    assert screener._learned_gate(doc, i, "sexual_abuse", 0.95)


def test_confident_score_counts_other_children_as_personal(screener):
    doc = screener._doc("the girl next door gets left on her own all weekend with no food")
    i = _index(doc, "leave")
    assert not screener.cues_.topic_ok(doc, i, i + 1)
    assert screener._learned_gate(doc, i, "neglect", 0.95)


@pytest.mark.parametrize("text,word,category", [
    ("we watched a video about online grooming in pshe and it was useful", "grooming",
     "sexual_exploitation_grooming"),                                                  # lesson frame
    ("nobody has ever asked me to carry drugs", "drug", "criminal_exploitation"),      # denial
    ("i never thought about hurting myself, im just stressed about exams", "hurt", "self_harm_suicide"),
])
def test_confident_gate_still_checks_frames_and_denials(screener, text, word, category):
    doc = screener._doc(text)
    assert not screener._learned_gate(doc, _index(doc, word), category, 0.99)
    assert not screener.screen(text).flagged


def test_confident_hit_may_rest_on_its_next_strongest_word(screener):
    from analysis.screening.evidence import learned_hit
    from analysis.screening.learned import doc_tokens

    doc = screener._doc("i didnt want to but he made me go to his room")
    norms, idx = doc_tokens(doc)
    ranked = sorted(range(len(norms)), key=screener.learned_.word_contributions(norms).__getitem__, reverse=True)
    best = next(k for k in ranked if norms[k] not in ("i", "me", "he", "to", "not", "do", "but"))
    refuse_best = lambda d, i, c, p: i != idx[best]  # noqa: E731
    assert learned_hit(screener.learned_, doc, set(CATEGORIES), refuse_best) is None
    found = learned_hit(screener.learned_, doc, set(CATEGORIES), refuse_best, confident=0.0)
    assert found is not None
    cat, (a, b) = found
    assert cat in CATEGORIES and doc.text[a:b].strip()


def test_confident_disclosures_without_harm_words(screener):
    assert screener.screen("my mums new boyfriend shows me videos of people doing sex stuff and wants me "
                           "to copy them").flagged
    assert screener.screen("older boys on the estate pay year 7s in vapes to hold packages for them").flagged


def test_its_hits_can_be_switched_off_for_the_ablation():
    """``ablate={"learned hits"}`` (``benchmarks/screening.py --ablate``): a bare answer only the net flags."""
    answer = "my mums boyfriend"
    assert DisclosureScreener(ablate={"last resort", "reader hits"}).fit().screen(answer).flagged
    assert not DisclosureScreener(ablate={"last resort", "reader hits", "learned hits"}).fit().screen(answer).flagged
