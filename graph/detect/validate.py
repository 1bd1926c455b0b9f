"""Validate a store's default graph against ``ontology/shapes.ttl`` with pySHACL."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph

from ...ontology import resource
from ..errors import ValidationFailed
from ..store import ClaimStore

_DUMP = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"


@dataclass(frozen=True)
class ValidationResult:
    """A passed validation: how many default-graph triples were checked."""

    triples: int


def shapes_graph() -> Graph:
    """The SHACL shapes shipped in the ontology package."""
    graph = Graph()
    graph.parse(
        data=resource("shapes.ttl").read_text(encoding="utf-8"), format="turtle"
    )
    return graph


def validate_store(store: ClaimStore) -> ValidationResult:
    """Check the default graph; raise :class:`ValidationFailed` on violations."""
    from pyshacl import validate

    data = store.query(_DUMP).graph
    if data is None:  # pragma: no cover - CONSTRUCT always returns a graph
        data = Graph()
    conforms, report, _ = validate(
        data, shacl_graph=shapes_graph(), advanced=True, allow_warnings=False
    )
    if conforms:
        return ValidationResult(len(data))
    messages = sorted(
        {
            f"{focus}: {message}"
            for focus, message in report.query(
                "PREFIX sh: <http://www.w3.org/ns/shacl#> "
                "SELECT ?focus ?message WHERE { ?r a sh:ValidationResult ; "
                "sh:focusNode ?focus ; sh:resultMessage ?message }"
            )
        }
    )
    first = "; ".join(messages[:3])
    more = f" (and {len(messages) - 3} more)" if len(messages) > 3 else ""
    raise ValidationFailed(f"{len(messages)} SHACL violations: {first}{more}")
