from analysis import find_themes, match_themes


def _label_of(result, texts, answer):
    return result.theme(result.assignments[texts.index(answer)])


def test_year_on_year_matching(corpus, next_year, corpus_result, spacy_loaded):
    current = find_themes(next_year[0], k=4, seed=0)
    matching = match_themes(corpus_result, current)
    prev_texts, cur_texts = corpus[0], next_year[0]
    # continuing themes keep last year's id
    for before, after in [("Waiting lists for assessment are unacceptable", "CAMHS waiting times are unacceptable"),
                          ("Information sharing between agencies is poor",
                           "Information sharing between agencies is still slow"),
                          ("Not enough multi-agency training", "Multi-agency training is hard to access")]:
        prev_id = corpus_result.assignments[prev_texts.index(before)]
        assert matching.current.assignments[cur_texts.index(after)] == prev_id
    # the new theme is named, the vanished ones are listed
    new_ids = {t.id for t in matching.new}
    online = matching.current.assignments[cur_texts.index("Online grooming is increasing")]
    assert online in new_ids and online > max(t.id for t in corpus_result.themes)
    assert len(matching.vanished) == 2 and len(matching.matches) == 3
    labelled = {t.id for t in matching.current.themes if not t.other}
    assert labelled == {m.previous_id for m in matching.matches} | new_ids
    if corpus_result.other and matching.current.other:
        assert matching.current.other.id == corpus_result.other.id


def test_matching_a_result_with_itself_is_identity(corpus_result):
    matching = match_themes(corpus_result, corpus_result)
    assert matching.current == corpus_result and not matching.new and not matching.vanished
