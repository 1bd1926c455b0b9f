"""The semantic layer: sentence vectors (marked ``model``) and the vector helpers."""

from __future__ import annotations

import builtins
import gzip
import hashlib
from typing import Any

import numpy as np
import pytest

from claimgraph.graph.errors import CkgError, ModelError
from claimgraph.graph.semantic import (
    DIM,
    MODEL_PACKAGE,
    TOKENIZER_SHA256,
    EmbeddingModelError,
    Encoder,
    candidate_pairs,
    cluster,
    cosine,
    load_encoder,
    nearest_label,
    normalize,
    similarity_matrix,
)
from claimgraph.ontology import resource

PARAPHRASES = [
    (
        "The ministry said the drone was shot down over the border.",
        "According to the ministry, border guards downed the drone.",
    ),
    (
        "Police said three people were injured in the blast.",
        "Three people were hurt in the explosion, police said.",
    ),
    (
        "The union said 4,000 workers joined the strike on Monday.",
        "Some 4,000 employees walked out on Monday, according to the union.",
    ),
]
UNRELATED = [
    (
        "The court fined the pharmacy 20,000 euros.",
        "Rain is expected across the north on Friday.",
    ),
    (
        "The union called the strike illegal.",
        "The club signed a new goalkeeper from Porto.",
    ),
    (
        "Police said three people were injured in the blast.",
        "The recipe needs two cups of flour.",
    ),
]


@pytest.fixture(scope="module")
def encoder() -> Encoder:
    return load_encoder()


# --- with the model ----------------------------------------------------------


@pytest.mark.model
def test_vectors_are_unit_float32_rows(encoder: Encoder) -> None:
    texts = ["The army denied the report.", "", "A much longer sentence " * 80]
    vectors = encoder.encode(texts)
    assert vectors.shape == (3, DIM)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert encoder.encode([]).shape == (0, DIM)


@pytest.mark.model
def test_same_input_gives_identical_bytes(encoder: Encoder) -> None:
    texts = [a for a, _ in PARAPHRASES] + [b for _, b in UNRELATED]
    first = encoder.encode(texts).tobytes()
    fresh = Encoder(cache_size=0)  # a second session computes them again
    assert fresh.encode(texts).tobytes() == first
    assert fresh.encode(texts).tobytes() == first


@pytest.mark.model
def test_batch_and_single_agree(encoder: Encoder) -> None:
    texts = [t for pair in PARAPHRASES + UNRELATED for t in pair]
    fresh = Encoder(cache_size=0, batch_size=4)
    batched = fresh.encode(texts)
    single = np.stack([fresh.encode([t])[0] for t in texts])
    assert np.abs(batched - single).max() < 1e-5


@pytest.mark.model
def test_paraphrases_score_above_unrelated(encoder: Encoder) -> None:
    para = [encoder.similarity(a, b) for a, b in PARAPHRASES]
    unrelated = [encoder.similarity(a, b) for a, b in UNRELATED]
    assert min(para) > 0.5
    assert max(unrelated) < 0.3
    assert min(para) > max(unrelated) + 0.2


@pytest.mark.model
def test_cache_returns_the_computed_vector() -> None:
    fresh = Encoder(cache_size=2)
    first = fresh.encode(["one claim", "two claims", "one claim"])
    assert fresh.misses == 2 and fresh.hits == 0
    again = fresh.encode(["one claim"])
    assert fresh.hits == 1
    assert again[0].tobytes() == first[0].tobytes() == first[2].tobytes()
    fresh.encode(["three", "four"])  # evicts the oldest entries
    assert len(fresh._cache) == 2


@pytest.mark.model
def test_load_encoder_is_shared() -> None:
    assert load_encoder() is load_encoder()


@pytest.mark.model
def test_one_string_is_refused(encoder: Encoder) -> None:
    with pytest.raises(TypeError):
        encoder.encode("not a list")


@pytest.mark.model
def test_aspects_assigned_by_nearest_definition(encoder: Encoder) -> None:
    aspects = encoder.encode(
        [
            "who is responsible for the attack, who carried it out or is to blame",
            "how many people were killed or injured, the number of casualties",
            "where the incident took place: which waters, territory, country or place",
        ]
    )
    claims = encoder.encode(
        [
            "The ministry blamed rebel fighters for the attack.",
            "At least twelve people were killed and thirty wounded.",
            "The trawler was in Norwegian waters when it was stopped.",
        ]
    )
    assert nearest_label(claims, aspects, min_score=0.25) == [0, 1, 2]
    # A claim about none of them stays unassigned.
    other = encoder.encode(["The recipe needs two cups of flour."])
    assert nearest_label(other, aspects, min_score=0.25) == [None]


# --- without the model -------------------------------------------------------


def test_tokenizer_file_is_the_documented_one() -> None:
    packed = resource("data", "minilm", "tokenizer.json.gz").read_bytes()
    assert hashlib.sha256(gzip.decompress(packed)).hexdigest() == TOKENIZER_SHA256
    assert resource("data", "minilm", "LICENSE").is_file()
    assert resource("data", "minilm", "NOTICE").is_file()


def test_missing_model_package_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import claimgraph.graph.semantic as semantic

    monkeypatch.setattr(semantic, "find_spec", lambda name: None)
    with pytest.raises(EmbeddingModelError, match=MODEL_PACKAGE) as info:
        semantic._model_file()
    assert isinstance(info.value, ModelError) and isinstance(info.value, CkgError)
    assert semantic.available() is False


def test_a_different_tokenizer_file_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    import claimgraph.graph.semantic as semantic

    monkeypatch.setattr(semantic, "TOKENIZER_SHA256", "0" * 64)
    with pytest.raises(EmbeddingModelError, match="does not hold the pinned"):
        semantic._tokenizer_json()


def test_missing_runtime_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_onnxruntime(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "onnxruntime":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_onnxruntime)
    with pytest.raises(EmbeddingModelError, match="pip install onnxruntime"):
        Encoder()


def test_similarity_helpers_normalise() -> None:
    vectors = np.array([[3.0, 0.0], [0.0, 2.0], [1.0, 1.0], [0.0, 0.0]])
    unit = normalize(vectors)
    assert np.allclose(np.linalg.norm(unit[:3], axis=1), 1.0)
    assert not unit[3].any()  # a zero row stays zero, no NaN
    sims = similarity_matrix(vectors)
    assert sims.shape == (4, 4)
    assert sims[0, 1] == pytest.approx(0.0)
    assert sims[0, 2] == pytest.approx(np.sqrt(0.5), abs=1e-6)
    assert cosine([1.0, 0.0], [2.0, 0.0]) == pytest.approx(1.0)
    assert similarity_matrix(np.zeros((0, 2)), vectors).shape == (0, 4)
    with pytest.raises(ValueError):
        similarity_matrix(vectors, np.ones((2, 3)))


def _angles(*degrees: float) -> np.ndarray:
    radians = np.radians(degrees)
    return np.stack([np.cos(radians), np.sin(radians)], axis=1)


def test_cluster_single_linkage_is_connected_components() -> None:
    # 0-10-20 degrees chain together at cos >= 0.98 (about 11.5 degrees); 90 is alone.
    vectors = _angles(90, 0, 10, 20, 91)
    assert cluster(vectors, 0.98) == [0, 1, 1, 1, 0]
    assert cluster(vectors, 0.9999) == [0, 1, 2, 3, 4]
    assert cluster(vectors, -1.0) == [0, 0, 0, 0, 0]
    assert cluster(np.zeros((0, 2)), 0.5) == []


def test_cluster_complete_linkage_does_not_chain() -> None:
    vectors = _angles(0, 8, 17, 90, 91)
    assert cluster(vectors, 0.98) == [0, 0, 0, 1, 1]
    # 0 and 17 degrees are too far apart for one complete-linkage cluster.
    assert cluster(vectors, 0.98, linkage="complete") == [0, 0, 1, 2, 2]
    assert cluster(vectors, 0.98, linkage="average") == [0, 0, 1, 2, 2]
    assert cluster(vectors, 0.9, linkage="complete") == [0, 0, 0, 1, 1]
    with pytest.raises(ValueError):
        cluster(vectors, 0.9, linkage="ward")  # type: ignore[arg-type]


def test_cluster_is_stable_under_repetition() -> None:
    rng = np.random.default_rng(7)
    vectors = rng.normal(size=(40, 8))
    for linkage in ("single", "complete", "average"):
        first = cluster(vectors, 0.3, linkage=linkage)
        assert cluster(vectors.copy(), 0.3, linkage=linkage) == first
        assert first[0] == 0
        seen: list[int] = []
        for label in first:  # ids appear in increasing order
            if label not in seen:
                assert label == len(seen)
                seen.append(label)


def test_nearest_label() -> None:
    labels = _angles(0, 90)
    claims = _angles(5, 80, 44, 200)
    assert nearest_label(claims, labels, min_score=0.5) == [0, 1, 0, None]
    # 44 degrees is nearly a tie: the margin leaves it unassigned.
    assert nearest_label(claims, labels, min_score=0.5, margin=0.05) == [
        0,
        1,
        None,
        None,
    ]
    assert nearest_label(claims, np.zeros((0, 2)), min_score=0.0) == [None] * 4
    assert nearest_label(np.zeros((0, 2)), labels, min_score=0.0) == []


def test_candidate_pairs_sorted_by_score() -> None:
    vectors = _angles(0, 30, 5, 180)
    pairs = candidate_pairs(vectors, 0.8)
    assert [(i, j) for i, j, _ in pairs] == [(0, 2), (1, 2), (0, 1)]
    assert pairs[0][2] == pytest.approx(np.cos(np.radians(5)), abs=1e-6)
