"""Speed and memory of the clustering step on cached vectors (the issue's budgets).

    .venv/bin/python benchmarks/themes_speed.py [--data ../shared/data/px_phase1_text_data.csv]
        [--sizes 10000 100000] [--backends tfidf embeddings] [--cache-dir .embeddings-cache]

Budget: clustering 10,000 answers with cached embeddings under 2 s, 100,000 under 30 s, under 2 GB.

What is timed is the pipeline's clustering step as ``ThemePipeline`` runs it on vectors it already has:
``KMeansClusterer`` with the pipeline's defaults (k chosen by stability, largest themes split, "Other
answers", then the secondary themes at the default margin), on ``n`` *distinct* rows. Repeated answers are
one weighted row in the pipeline, so resampling texts would time far fewer rows than ``n``: here every row
is different.

Vectors: the answers' own vectors (the LSA vectors of the tfidf backend; the cached sentence embeddings of
the embeddings backend when the model's cache holds them), repeated to ``n`` rows with small Gaussian noise
(sd ``--noise`` per dimension, then L2-normalised) so that each row is distinct and the themes are kept.
When no embedding of the data is cached (no model on the machine), the embeddings rows are the LSA vectors
mapped to 384 dimensions (MiniLM's) by a fixed random Gaussian matrix: the same answers' structure at the
embeddings' width. Each size runs in a fresh process; peak memory is that process's peak RSS, and the
figure before the clustering (Python, numpy, scikit-learn, the vectors) is printed beside it.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import resource
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from benchmarks.themes import DEFAULT_CACHE, DEFAULT_DATA, load  # noqa: E402

EMBED_DIM = 384


def base_vectors(backend, texts, cache_dir):
    """``(vectors of the distinct real answers, where they came from)``."""
    from analysis.themes import NonAnswerFilter, SpacyPreprocessor, SVDReduction
    from analysis.themes.vectorize import LemmaTfidfVectorizer

    skip = NonAnswerFilter().fit(texts).transform(texts)
    unique = sorted({t.strip() for t, s in zip(texts, skip, strict=True) if not s})
    if backend == "embeddings":
        found = cached_embeddings(unique, cache_dir)
        if found is not None:
            from analysis.themes.reduce import NoReduction

            return NoReduction().fit_transform(found), "cached MiniLM embeddings"
    docs = SpacyPreprocessor().fit().transform(unique)
    X = LemmaTfidfVectorizer().fit(docs).transform(docs)
    Z = SVDReduction(random_state=0).fit_transform(X)
    if backend == "tfidf":
        return Z, "LSA vectors (100 dimensions)"
    projection = np.random.default_rng(1).normal(size=(Z.shape[1], EMBED_DIM)).astype(np.float32)
    return Z.astype(np.float32) @ projection, f"no cached embeddings: LSA vectors mapped to {EMBED_DIM} dimensions"


def cached_embeddings(unique, cache_dir):
    try:
        from analysis.themes.embeddings import DEFAULT_MODEL, EmbeddingCache, cache_key
    except ImportError:
        return None
    found = EmbeddingCache(cache_dir).get_many([cache_key(DEFAULT_MODEL, t) for t in unique]) \
        if Path(cache_dir, "embeddings.sqlite3").exists() else {}
    if len(found) < len(unique):
        return None
    return np.vstack([found[cache_key(DEFAULT_MODEL, t)] for t in unique])


def synthesise(Z, n, noise, seed=0):
    """``n`` distinct L2-normalised rows: the rows of ``Z`` in turn, each with Gaussian noise."""
    rng = np.random.default_rng(seed)
    rows = np.resize(np.arange(len(Z)), n)
    X = Z[rows].astype(np.float32) + rng.normal(scale=noise, size=(n, Z.shape[1])).astype(np.float32)
    X /= np.linalg.norm(X, axis=1, keepdims=True)
    return X


def peak_mb():
    """This process's peak resident memory (MB). ``VmHWM`` starts afresh in a spawned process; ``ru_maxrss``
    keeps the peak of the parent it was forked from (the benchmark's own, spaCy and all) where /proc is missing."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            return next(int(line.split()[1]) for line in f if line.startswith("VmHWM:")) / 1024
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child(args):
    path, n, seed, threads, backend = args
    from threadpoolctl import threadpool_limits

    from analysis.themes.pipeline import SECONDARY_MARGINS, default_clusterer

    X = np.load(path)
    before = peak_mb()
    with threadpool_limits(threads):
        cpu, start = time.process_time(), time.perf_counter()
        model = default_clusterer(backend, seed).fit(X)
        fitted = time.perf_counter()
        second = model.secondary(X, model.labels_, SECONDARY_MARGINS[backend])
        done, cpu = time.perf_counter(), time.process_time() - cpu
    return {"n": len(X), "d": X.shape[1], "k": model.n_clusters_, "fit_s": fitted - start,
            "secondary_s": done - fitted, "total_s": done - start, "cpu_s": cpu, "before_mb": before,
            "peak_mb": peak_mb(),
            "other": float(np.mean(model.labels_ < 0)), "multi": len({i for i, _ in second}) / len(X),
            "selection": model.k_selection_.method}


def in_fresh_process(*args):
    with mp.get_context("spawn").Pool(1) as pool:
        return pool.apply(_child, (args,))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(DEFAULT_DATA))
    parser.add_argument("--sizes", nargs="+", type=int, default=[10000, 100000])
    parser.add_argument("--backends", nargs="+", default=["tfidf", "embeddings"])
    parser.add_argument("--cache-dir", default=str(DEFAULT_CACHE))
    parser.add_argument("--noise", type=float, default=0.02)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--work-dir", default="/tmp")
    parser.add_argument("--threads", type=int, default=None,
                        help="BLAS/OpenMP threads (default: the libraries' own choice); 1 gives a CPU time that "
                             "a loaded machine changes least")
    args = parser.parse_args(argv)
    texts, _label, _sub = load(args.data)
    print(f"load average before: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}, "
          f"{os.cpu_count()} CPUs\n")
    print(f"threads: {args.threads or 'library default'}; cluster s and secondary s are wall time, CPU s is the "
          "process's CPU time for both (all threads)\n")
    print("| backend | vectors | n | dims | k | cluster s | secondary s | total s | CPU s | RSS before MB "
          "| peak RSS MB | in Other | load avg (1 min) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for backend in args.backends:
        Z, source = base_vectors(backend, texts, args.cache_dir)
        for n in args.sizes:
            path = Path(args.work_dir) / f"themes-speed-{backend}-{n}-{os.getpid()}.npy"
            np.save(path, synthesise(Z, n, args.noise, args.seed))
            try:
                got = in_fresh_process(str(path), n, args.seed, args.threads, backend)
            finally:
                path.unlink(missing_ok=True)
            print(f"| {backend} | {source} | {n} | {got['d']} | {got['k']} | {got['fit_s']:.2f} "
                  f"| {got['secondary_s']:.2f} | {got['total_s']:.2f} | {got['cpu_s']:.2f} | {got['before_mb']:.0f} "
                  f"| {got['peak_mb']:.0f} "
                  f"| {got['other']:.1%} | {os.getloadavg()[0]:.2f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
