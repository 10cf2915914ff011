from analysis.themes.preprocess import SpacyPreprocessor


def test_lookup_lemmas_are_lower_case(preprocessor):
    doc = preprocessor.transform(["Waiting for appointments, Parents"])[0]
    assert doc.surface == ("waiting", "for", "appointments", "|", "parents")
    assert doc.lemmas[2] == "appointment" and doc.lemmas[4] == "parent"


def test_negations_are_not_stop_words(preprocessor):
    doc = preprocessor.transform(["Nothing is never not shared"])[0]
    assert {"nothing", "never", "not"} <= set(doc.content_lemmas())
    assert "be" not in doc.content_lemmas()


def test_punctuation_marks_phrase_boundaries(preprocessor):
    doc = preprocessor.transform(["staff turnover. training"])[0]
    assert doc.surface == ("staff", "turnover", "|", "training")
    assert doc.is_stop[2]


def test_extra_stop_words_and_no_lemmatisation(spacy_loaded):
    doc = SpacyPreprocessor(lemmatize=False, extra_stop_words=["camhs"]).fit().transform(["CAMHS appointments"])[0]
    assert doc.content_lemmas() == ["appointments"]


def test_one_output_per_input_in_order(preprocessor):
    docs = preprocessor.transform(["b", "a", "b"])
    assert [d.text for d in docs] == ["b", "a", "b"]
