"""Score the screen, the fine-tuned model and their combinations on the validation sets (totals only).

Usage::

    python benchmarks/experiments/ft_screen/evaluate.py [--first 4] [--art /work/ft17-artifacts]

Needs ``screen_flags.npz`` (screen_flags.py) and ``scores_L{first}.npz`` (train.py).  Every threshold is
chosen on the *calibration split* (blind writers 7 and 8, ``fresh7_*`` / ``fresh8_*``, never trained on):
no figure of the validation sets (fresh9+10, the NHS score part) is used to choose anything.  Caveat: the
rules were tuned on fresh7/8, so the rules' own figures there are optimistic, and a combination chosen
there leans on the rules more than it would on an unseen writer.
"""

from __future__ import annotations

import argparse
import itertools
from pathlib import Path

import numpy as np
from data import load_all
from screen_flags import rows_hash

BUDGET = 10.0  # alerts per 1,000 ordinary youth answers (the aim)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--first", type=int, default=4)
    ap.add_argument("--art", default="/work/ft17-artifacts")
    ap.add_argument("--scores", default=None, help="default: ART/scores_L{first}.npz")
    args = ap.parse_args()
    art = Path(args.art)
    rows = load_all(verbose=False)
    h = rows_hash(rows)
    fz, sz = np.load(art / "screen_flags.npz"), np.load(args.scores or art / f"scores_L{args.first}.npz")
    assert str(fz["hash"]) == h and str(sz["hash"]) == h, "caches are out of date: rerun screen_flags.py / train.py"
    rules, p = fz["flags"].astype(bool), sz["p"]
    g = np.array([r[0] for r in rows])
    y = np.array([r[3] for r in rows])
    sets = {
        "calib_dis": np.isin(g, ["fresh7", "fresh8"]) & (y == 1),
        "calib_ord": np.isin(g, ["fresh7", "fresh8"]) & (y == 0),
        "val_dis": np.isin(g, ["val_fresh9", "val_fresh10"]) & (y == 1),
        "val_ord": np.isin(g, ["val_fresh9", "val_fresh10"]) & (y == 0),
        "nhs": g == "val_nhs",
    }
    print("sizes: " + ", ".join(f"{k} {v.sum()}" for k, v in sets.items()))
    print(f"training time (top {6 - args.first} layers + head): {float(sz['train_seconds']):.0f}s\n")

    def figs(flag):
        return (flag[sets["calib_dis"]].mean(), 1000 * flag[sets["calib_ord"]].mean(),
                flag[sets["val_dis"]].mean(), 1000 * flag[sets["val_ord"]].mean(), 1000 * flag[sets["nhs"]].mean())

    ord_calib = np.sort(p[sets["calib_ord"]])[::-1]

    def t_for(per_1000):  # lowest threshold keeping the model's own calibration alerts within the budget
        k = int(np.floor(per_1000 * len(ord_calib) / 1000))
        return float(ord_calib[k]) + 1e-6 if k < len(ord_calib) else 0.0

    lines = [("(a) current screen alone", rules)]
    thresholds = [("0.5", 0.5), ("0.9", 0.9)] + [(f"{b:g}/1000 on calib ⇒ {t_for(b):.3f}", t_for(b))
                                                 for b in (5, 10, 20)]
    for name, t in thresholds:
        lines.append((f"(b) model alone, t={name}", p >= t))
    for name, t in thresholds:
        lines.append((f"(c) rules OR model, t={name}", rules | (p >= t)))
    # (d) judge: a rule hit stands only if the model gives it at least t_lo; a model-only flag needs t_hi.
    grid = sorted(set(np.round(np.quantile(p[sets["calib_ord"] | sets["calib_dis"]], np.linspace(0, 1, 61)), 4)))
    best = None
    for t_lo, t_hi in itertools.product([0.0, *grid], [t for t in grid if t < 1.0] + [1.01]):
        if t_hi < t_lo:
            continue
        flag = (rules & (p >= t_lo)) | (p >= t_hi)
        rec, fa = flag[sets["calib_dis"]].mean(), 1000 * flag[sets["calib_ord"]].mean()
        if fa <= BUDGET and (best is None or (rec, -fa) > best[0]):
            best = ((rec, -fa), t_lo, t_hi)
    _, t_lo, t_hi = best
    lines.append((f"(d) judge: rules & p≥{t_lo:.4g}, or p≥{t_hi:.6g} (best calib recall at ≤10/1000)",
                  (rules & (p >= t_lo)) | (p >= t_hi)))
    # (d') the same with the union's threshold fixed at the model's 5/1000, the judge's floor from the grid
    t5 = t_for(5)
    best2 = None
    for t_lo in [0.0, *grid]:
        flag = (rules & (p >= t_lo)) | (p >= t5)
        rec, fa = flag[sets["calib_dis"]].mean(), 1000 * flag[sets["calib_ord"]].mean()
        if fa <= BUDGET and (best2 is None or (rec, -fa) > best2[0]):
            best2 = ((rec, -fa), t_lo)
    if best2:
        lines.append((f"(d') judge: rules & p≥{best2[1]:.3f}, or p≥{t5:.3f}",
                      (rules & (p >= best2[1])) | (p >= t5)))
    # (e) the model as a veto only: the highest floor that drops no calibration disclosure the rules catch
    caught = p[rules & sets["calib_dis"]]
    t_veto = float(caught.min()) if len(caught) else 0.0
    lines.append((f"(e) veto only: rules & p≥{t_veto:.4f} (floor = lowest p of a calib disclosure the rules catch)",
                  rules & (p >= t_veto)))
    print("| method | calib recall | calib alerts/1000 | **val recall (fresh9+10)** | **val youth alerts/1000** "
          "| **NHS score alerts/1000** |")
    print("|---|---|---|---|---|---|")
    for name, flag in lines:
        a, b, c, d, e = figs(flag)
        print(f"| {name} | {a:.3f} | {b:.1f} | **{c:.3f}** | **{d:.1f}** | **{e:.1f}** |")
    from sklearn.metrics import roc_auc_score

    for part in ("calib", "val"):
        m = sets[f"{part}_dis"] | sets[f"{part}_ord"]
        print(f"\nAUC of the model, {part}: {roc_auc_score(y[m], p[m]):.3f}", end="")
    t = t_for(10)
    print(f"\nat t={t:.3f}: validation rule false alarms the model scores below t: "
          f"{(rules & (p < t) & sets['val_ord']).sum()} of {(rules & sets['val_ord']).sum()}; "
          f"validation disclosures the rules miss that the model scores >= t: "
          f"{(~rules & (p >= t) & sets['val_dis']).sum()} of {(~rules & sets['val_dis']).sum()}; "
          f"disclosures the rules catch that the model scores below t: {(rules & (p < t) & sets['val_dis']).sum()}")
    # the recall/alerts curve of the model alone on validation, for reading (not for choosing)
    print("\nmodel alone, validation curve (read only, nothing chosen from it):")
    for t in (0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99):
        f = p >= t
        print(f"  t={t}: recall {f[sets['val_dis']].mean():.3f}, youth {1000 * f[sets['val_ord']].mean():.1f}/1000, "
              f"NHS {1000 * f[sets['nhs']].mean():.1f}/1000")


if __name__ == "__main__":
    main()
