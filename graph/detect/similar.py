"""Candidates by sentence similarity for the open rules (:data:`RULES`).

The open rules (``open-polarity``, ``open-rebuttal``) return every pair a
statement may answer, and keep one by shared words
(:mod:`graph.detect.relevance`). Paraphrases share few words ("Vell never
fired a shot" / "Vell opened fire on the officers"), so a statement whose
every candidate fails the word test is given a second chance here: of its
candidates sharing at least one content word or name with it, the one most
similar by sentence vectors (:mod:`graph.semantic`), if the cosine reaches
:data:`MIN_COSINE`. The rule's own conditions (a negative against a
positive statement, a rejection against a claim, two parties) have already
held in SPARQL: the cosine only chooses which candidate, never whether they
disagree.

Only the texts of those candidates are encoded, when the rules ask, once each
(the encoder's cache serves repeated wire copy); nothing is encoded at
extraction. The shared word keeps that to a few texts per article: without it
every statement of an article with a denial would be encoded (see
docs/benchmarks.md, semantic layer throughput).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from rdflib.term import Node

from ..errors import ModelError
from .relevance import word_overlap

if TYPE_CHECKING:
    from ..semantic import Encoder
    from ..settings import Settings
    from .rules import Rule

#: The lowest cosine at which a candidate the word test missed is kept:
#: between other statements of one incident (about 0.35 on average) and
#: hand-written paraphrases (0.54 and up; docs/semantic.md). What other bars
#: give on the dev split is in docs/evaluation.md.
MIN_COSINE = 0.5
#: Texts shorter than this many words say too little for a cosine to mean
#: "same proposition" ("That is false" is the rebuttal rule's business).
MIN_WORDS = 4
#: The rules whose only test outside SPARQL is the word test, so a cosine may
#: stand in for it: their decision (a negative against a positive statement,
#: a rejection against a claim) is all in the query. A rule that decides in
#: Python too (a required antonym, say) is not listed, nor are user rules.
RULES = frozenset({"open-polarity", "open-rebuttal"})
#: The row key holding the cosine of a pair chosen here.
COSINE = "cosine"
_TEXTS = ("value1", "value2")

NO_EXTRA = (
    "The semantic layer (--semantic, CLAIMGRAPH_SEMANTIC) needs the 'semantic' "
    "extra: pip install 'claimgraph[semantic]'"
)


class SimilarPairs:
    """Chooses, by cosine, a candidate for statements the word test left alone.

    :param encoder: default the process-wide :func:`graph.semantic.load_encoder`
        (one thread, so results are deterministic), loaded on first use.
    :param min_cosine: the bar a candidate must reach.
    """

    def __init__(
        self, encoder: Encoder | None = None, *, min_cosine: float = MIN_COSINE
    ) -> None:
        self._encoder = encoder
        self.min_cosine = min_cosine

    @property
    def encoder(self) -> Encoder:
        """The encoder, loaded when first needed."""
        if self._encoder is None:
            from ..semantic import load_encoder

            self._encoder = load_encoder()
        return self._encoder

    def extra_rows(
        self, rows: Iterable[dict[str, Any]], chosen: Iterable[dict[str, Any]]
    ) -> list[dict[str, Any]]:
        """For each ``?a1`` among ``rows`` with no row in ``chosen``, its
        candidate of highest cosine at or above :attr:`min_cosine` (ties: the
        lowest ``?a2`` IRI), a copy with the cosine under :data:`COSINE`."""
        done = {row["a1"] for row in chosen}
        waiting: dict[Node, list[dict[str, Any]]] = {}
        for row in rows:
            if row["a1"] in done or row["a1"] == row["a2"]:
                continue
            first, second = str(row["value1"]), str(row["value2"])
            if min(_length(first), _length(second)) < MIN_WORDS:
                continue
            if not word_overlap(first, second) > 0:
                continue  # not one content word or name in common
            waiting.setdefault(row["a1"], []).append(row)
        if not waiting:
            return []
        texts = sorted(
            {str(row[k]) for held in waiting.values() for row in held for k in _TEXTS}
        )
        vectors = dict(zip(texts, self.encoder.encode(texts), strict=True))
        extra = []
        for a1 in sorted(waiting, key=str):
            scored = [
                (float(vectors[str(r["value1"])] @ vectors[str(r["value2"])]), r)
                for r in waiting[a1]
            ]
            # Highest cosine first; among equals the lowest IRI, as best() does.
            score, row = min(scored, key=lambda item: (-item[0], str(item[1]["a2"])))
            if score >= self.min_cosine:
                extra.append({**row, COSINE: score})
        return extra


def _length(value: object) -> int:
    return len(str(value).split())


def note(row: dict[str, Any]) -> str:
    """The sentence a finding's explanation gains when its pair came from here."""
    if COSINE not in row:
        return ""
    return (
        f" (Candidate chosen by sentence similarity, cosine {row[COSINE]:.2f}; "
        "few shared words.)"
    )


def similar_pairs(settings: Settings) -> SimilarPairs | None:
    """A :class:`SimilarPairs` when ``settings.semantic`` is on, else None.

    Raises :class:`ModelError` at once when the setting is on but the
    ``semantic`` extra is not installed; the model itself loads only when a
    rule first needs it.
    """
    if not settings.semantic:
        return None
    from ..semantic import available

    if not available():
        raise ModelError(NO_EXTRA)
    return SimilarPairs()


def selected(
    rule: Rule,
    rows: list[dict[str, Any]],
    chosen: list[dict[str, Any]],
    similar: SimilarPairs | None,
) -> list[dict[str, Any]]:
    """``chosen`` (the word test's picks among ``rows`` for ``rule``) plus, with
    ``similar`` and a rule of :data:`RULES`, the pairs chosen by cosine for the
    statements left alone."""
    if similar is None or rule.id not in RULES:
        return chosen
    return chosen + similar.extra_rows(rows, chosen)
