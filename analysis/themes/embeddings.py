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


def cache_key(model: str, text: str) -> str:
    return hashlib.sha256(f"{model}\x00{text}".encode("utf-8")).hexdigest()


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
                for key, blob in conn.execute(f"SELECT key, vec FROM emb WHERE key IN ({marks})", chunk):
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
    model : str
        Model name or path, passed to ``SentenceTransformer``.
    cache_dir : str or Path or None
        Directory of the embedding cache; ``None`` disables caching.
    batch_size : int
    device : str
    """

    def __init__(self, model=DEFAULT_MODEL, cache_dir=None, batch_size=64, device="cpu"):
        self.model = model
        self.cache_dir = cache_dir
        self.batch_size = batch_size
        self.device = device

    def fit(self, docs=None, y=None):
        self.model_ = None  # loaded on first cache miss
        self.n_encoded_ = 0
        return self

    def _load(self):
        if self.model_ is None:
            from sentence_transformers import SentenceTransformer

            self.model_ = SentenceTransformer(str(self.model), device=self.device)
        return self.model_

    def transform(self, docs):
        unique = list(dict.fromkeys(_text(d) for d in docs))
        cache = EmbeddingCache(self.cache_dir) if self.cache_dir is not None else None
        keys = {t: cache_key(str(self.model), t) for t in unique}
        found = cache.get_many(list(keys.values())) if cache else {}
        vectors = {t: found[keys[t]] for t in unique if keys[t] in found}
        missing = [t for t in unique if t not in vectors]
        if missing:
            encoded = self._load().encode(
                missing, batch_size=self.batch_size, normalize_embeddings=True,
                convert_to_numpy=True, show_progress_bar=False,
            ).astype(np.float32)
            self.n_encoded_ += len(missing)
            new = dict(zip(missing, encoded))
            vectors.update(new)
            if cache:
                cache.put_many({keys[t]: v for t, v in new.items()})
        if not unique:
            return np.zeros((0, 0), dtype=np.float32)
        return np.vstack([vectors[_text(d)] for d in docs])
