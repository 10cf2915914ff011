"""Benchmark the theme pipeline against the coders' themes and for scale.

    HF_HUB_OFFLINE=1 .venv/bin/python benchmarks/themes.py [--data ../shared/data/px_phase1_text_data.csv]
        [--backends tfidf embeddings] [--model PATH ...] [--seeds 0 1 2] [--sizes 10000 100000]
        [--skip-scale] [--skip-quality]

Quality, for each backend (and each embedding model), seeds averaged:
- AMI and NMI against the coders' ``label`` at k=9 and at the chosen k, over the
  answers placed: non-answers count as one group (the tool reports them as
  one), answers in "Other answers" are left out (they are not placed);
  "real only" leaves non-answers out as well;
- coverage (share of all rows placed), share of real answers in "Other
  answers", the largest labelled theme's share of placed real answers;
- labels beside the coders' 9 themes (for each coders' theme, the generated
  theme holding most of its answers), seed 0, chosen k;
- multi-theme precision/recall against the sub-categories for several margins
  (see ``multi_theme`` below).
Scale: clustering step alone on cached embeddings / LSA vectors, wall time of
the whole fit, and peak RSS of a fresh process, at each size (answers resampled
with replacement), k chosen.
"""

from __future__ import annotations

import argparse
import csv
import multiprocessing as mp
import os
import resource
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "px_phase1_text_data.csv"
DEFAULT_CACHE = ROOT / ".embeddings-cache"
MARGINS = (0.0, 0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.08, 0.12)
PROFILE_SHARE = 0.15


def load(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["feedback"].strip()]
    return [r["feedback"] for r in rows], [r["label"] for r in rows], [r["subcategory"] for r in rows]


def fit(backend, texts, k, seed, model, cache_dir):
    from analysis.themes import ThemePipeline

    params = {"model": model, "cache_dir": str(cache_dir)} if backend == "embeddings" else {}
    return ThemePipeline(backend=backend, k=k, seed=seed, **params).fit(texts)


def multi_theme(pipe, texts, sub):
    """Secondary membership against the coders' sub-categories, for each margin.

    The data give one sub-category per comment, so the check is indirect: a
    theme's profile is the sub-categories making up at least 15% of its main
    members. A second theme is *right* when the comment's sub-category is in
    that theme's profile (precision). Among comments whose sub-category is not
    in their main theme's profile but is in some other theme's, recall is the
    share that get such a theme as a second theme.
    """
    result = pipe.result_
    unique = sorted(set(t.strip() for t in texts) - {""})
    docs = pipe.preprocessor_.transform(unique)
    Z = pipe.reducer_.transform(pipe.vectorizer_.transform(docs))
    index = {t: i for i, t in enumerate(unique)}
    labels = pipe.clusterer_.predict(Z)
    by_theme = {}
    for a, s in zip(result.assignments, sub, strict=True):
        if a is not None and a != (result.other.id if result.other else None):
            by_theme.setdefault(a, Counter())[s] += 1
    profile = {a: {s for s, n in c.items() if n >= PROFILE_SHARE * sum(c.values())} for a, c in by_theme.items()}
    ids = pipe.theme_ids_
    rows = []
    for margin in MARGINS:
        second = {}
        for i, c in pipe.clusterer_.secondary(Z, labels, margin):
            if c in ids:
                second.setdefault(i, set()).add(ids[c])
        right = total = reachable = reached = n_multi = 0
        for text, a, s in zip(texts, result.assignments, sub, strict=True):
            i = index.get(text.strip())
            if a is None or a not in profile or i is None:
                continue
            others = second.get(i, set()) - {a}
            n_multi += bool(others)
            total += len(others)
            right += sum(s in profile.get(o, ()) for o in others)
            if s not in profile[a] and any(s in p for o, p in profile.items() if o != a):
                reachable += 1
                reached += any(s in profile.get(o, ()) for o in others)
        placed = sum(a in profile for a in result.assignments)
        rows.append((margin, right / max(total, 1), reached / max(reachable, 1), n_multi / max(placed, 1)))
    return rows


def quality(backend, texts, label, sub, k, seed, model, cache_dir, with_multi=False):
    from sklearn.metrics import adjusted_mutual_info_score as ami
    from sklearn.metrics import normalized_mutual_info_score as nmi

    pipe = fit(backend, texts, k, seed, model, cache_dir)
    result = pipe.result_
    other = result.other.id if result.other else None
    pred = ["non-answer" if a is None else a for a in result.assignments]
    placed = [p != other for p in pred]
    real = [a is not None and a != other for a in result.assignments]
    t_all = [x for x, p in zip(label, placed, strict=True) if p]
    p_all = [str(x) for x, p in zip(pred, placed, strict=True) if p]
    t_real = [x for x, p in zip(label, real, strict=True) if p]
    p_real = [x for x, p in zip(result.assignments, real, strict=True) if p]
    n_real = sum(a is not None for a in result.assignments)
    sizes = Counter(p_real)
    out = {
        "k": result.k_chosen, "ami": ami(t_all, p_all), "nmi": nmi(t_all, p_all), "ami_real": ami(t_real, p_real),
        "coverage": sum(placed) / len(texts), "other": (result.other.size if result.other else 0) / max(n_real, 1),
        "largest": max(sizes.values()) / max(len(p_real), 1), "cluster_s": result.timings.get("cluster"),
        "selection": result.k_selection,
    }
    names = {}
    for human in sorted(set(label), key=lambda h: -label.count(h)):
        inside = Counter(a for a, h in zip(p_real, t_real, strict=True) if h == human)
        if inside:
            theme_id, n = inside.most_common(1)[0]
            theme = result.theme(theme_id)
            names[human] = (theme.label, ", ".join(theme.terms), n / sum(inside.values()), n / theme.size)
    out["names"] = names
    out["themes"] = [(t.label, t.size, ", ".join(t.terms), t.quotes) for t in result.themes]
    if with_multi:
        out["multi"] = multi_theme(pipe, texts, sub)
    return out


def _child(args):
    kind, *rest = args
    start = time.perf_counter()
    if kind == "quality":
        out = quality(*rest)
    else:
        backend, texts, seed, model, cache_dir = rest
        result = fit(backend, texts, None, seed, model, cache_dir).result_
        out = {"cluster_s": result.timings.get("cluster"), "k": result.k_chosen}
    out["wall"] = time.perf_counter() - start
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def in_fresh_process(*args):
    with mp.get_context("spawn").Pool(1) as pool:
        return pool.apply(_child, (args,))


def model_name(model):
    return "default" if model is None else Path(model).name


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(DEFAULT_DATA))
    parser.add_argument("--backends", nargs="+", default=["tfidf", "embeddings"])
    parser.add_argument("--model", nargs="+", default=[None], help="embedding models (paths); default: packaged")
    parser.add_argument("--seeds", nargs="+", type=int, default=[0, 1, 2])
    parser.add_argument("--sizes", nargs="+", type=int, default=[10000, 100000])
    parser.add_argument("--cache-dir", default=str(DEFAULT_CACHE))
    parser.add_argument("--skip-quality", action="store_true")
    parser.add_argument("--skip-scale", action="store_true")
    args = parser.parse_args(argv)
    texts, label, sub = load(args.data)
    runs = [(b, m) for b in args.backends for m in (args.model if b == "embeddings" else [None])]
    for backend, model in runs:
        if backend == "embeddings":  # warm the cache so timings below are for cached answers
            t = time.perf_counter()
            warm = in_fresh_process("quality", backend, texts, label, sub, 9, 0, model, args.cache_dir)
            print(f"embeddings {model_name(model)}: first run incl. model load and any encoding "
                  f"{time.perf_counter() - t:.1f} s, peak {warm['peak_mb']:.0f} MB", flush=True)

    if not args.skip_quality:
        print(f"\nData: {Path(args.data).name}, {len(texts)} answers with text. Seeds {args.seeds} (mean).\n")
        print("| backend | model | k | AMI | NMI | AMI real only | coverage | in Other | largest theme |")
        print("|---|---|---|---|---|---|---|---|---|")
        detail = {}
        for backend, model in runs:
            for k in (9, None):
                got = [in_fresh_process("quality", backend, texts, label, sub, k, seed, model, args.cache_dir,
                                        seed == args.seeds[0] and k is None) for seed in args.seeds]
                mean = {key: float(np.mean([g[key] for g in got])) for key in
                        ("k", "ami", "nmi", "ami_real", "coverage", "other", "largest")}
                ks = "9" if k == 9 else "chosen " + "/".join(str(g["k"]) for g in got)
                print(f"| {backend} | {model_name(model)} | {ks} | {mean['ami']:.3f} | {mean['nmi']:.3f} "
                      f"| {mean['ami_real']:.3f} | {mean['coverage']:.1%} | {mean['other']:.1%} "
                      f"| {mean['largest']:.1%} |", flush=True)
                if k is None:
                    detail[(backend, model)] = got[0]
        for (backend, model), got in detail.items():
            sel = got["selection"]
            print(f"\n### {backend}, {model_name(model)}: chosen k = {sel.k_chosen} ({sel.method}); "
                  f"candidates {list(sel.candidates)}, scores {list(sel.scores)}\n")
            print("| coders' theme | generated label (most of its answers) | key terms | share of coders' theme "
                  "| purity |")
            print("|---|---|---|---|---|")
            for human, (name, terms, share, purity) in got["names"].items():
                print(f"| {human} | {name} | {terms} | {share:.0%} | {purity:.0%} |")
            print("\nAll themes (label, size, key terms, quotes):\n")
            for name, size, terms, quotes in got["themes"]:
                print(f"- **{name}** ({size}; {terms}): " + " / ".join(f"“{q}”" for q in quotes))
            print("\nMulti-theme membership against the sub-categories (seed 0, chosen k):\n")
            print("| margin | precision | recall | answers with 2+ themes |")
            print("|---|---|---|---|")
            for margin, p, r, share in got["multi"]:
                print(f"| {margin:.2f} | {p:.2f} | {r:.2f} | {share:.1%} |")

    if not args.skip_scale:
        print("\nScale (seed 0, k chosen, answers resampled; embeddings cached; cluster = clustering step "
              "incl. choosing k; wall = whole fit incl. spaCy load, labels, quotes; peak RSS of a fresh process):\n")
        print("| backend | model | n | k | cluster s | wall s | peak RSS MB |")
        print("|---|---|---|---|---|---|---|")
        rng = np.random.default_rng(0)
        samples = {n: [texts[i] for i in rng.integers(0, len(texts), n)] for n in args.sizes}
        for backend, model in runs:
            for n, sample in samples.items():
                got = in_fresh_process("scale", backend, sample, 0, model, args.cache_dir)
                print(f"| {backend} | {model_name(model)} | {n} | {got['k']} | {got['cluster_s']:.2f} "
                      f"| {got['wall']:.2f} | {got['peak_mb']:.0f} |", flush=True)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    sys.exit(main())
