"""Findings between the same statements fold into one, and the links that say so.

One statement carried by several outlets makes one finding per outlet; reports
show them as one finding with several reports (:func:`group_by_statement`).
Detection also writes ``ckg:foldedInto`` from every other member of a group to
its most confident finding (:func:`fold_links`), so a report counts the groups
with aggregate queries instead of reading every finding.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from rdflib import RDF, URIRef
from rdflib.term import Node

from ...ontology.vocab import CKG
from ..rdf.ids import local_name
from ..rdf.quads import DEFAULT, Quad
from ..store import ClaimStore
from .rules import named_query


class Statements:
    """Union-find over ``ckg:restates``: which assertions report one statement.

    Each group's root is its lowest IRI, whatever order the pairs come in, so
    one incident's pairs name its groups as the whole store's do.
    """

    def __init__(self, pairs: Iterable[tuple[str, str]]) -> None:
        self.parent: dict[str, str] = {}
        for one, two in pairs:
            self.parent.setdefault(one, one)
            self.parent.setdefault(two, two)
            low, high = sorted((self.find(one), self.find(two)))
            self.parent[high] = low

    def __contains__(self, key: str) -> bool:
        """Whether ``key`` restates or is restated by another assertion."""
        return key in self.parent

    def find(self, key: str) -> str:
        root = key
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while key != root:  # path compression keeps later lookups short
            self.parent[key], key = root, self.parent.get(key, key)
        return root


class _Foldable(Protocol):
    id: str
    kind: str
    type: str
    aspect: str
    incident: str
    confidence: float


_F = TypeVar("_F", bound=_Foldable)


def restated_statements(
    store: ClaimStore, incident: Node | None = None
) -> Statements | None:
    """Which assertions report one statement (about ``incident``, or anywhere
    when None); None when nothing is restated. Restatements never cross
    incidents (the rule joins on the incident), so one incident's pairs group
    its assertions as the whole store's do."""
    if incident is None:
        rows = store.select_values(named_query("restatements").text)
    else:
        query = named_query("incident-restatements").text
        rows = store.select_values(query, {"incident": incident})
    pairs = [(str(r["a"]), str(r["b"])) for r in rows]
    return Statements(pairs) if pairs else None


def group_by_statement(
    items: list[_F],
    statements: Statements | None,
    assertions: Callable[[_F], Iterable[str]],
) -> list[list[_F]]:
    """Findings between the same statements, each group most confident first.

    Members share kind, type, aspect, incident and the statements at both ends.
    Only findings with a restated assertion fold (restatements themselves never
    do).
    """
    groups: dict[tuple[object, ...], list[_F]] = {}
    for item in items:
        ends = list(assertions(item))
        if (
            statements is None
            or item.kind == "restatement"
            or not any(a in statements for a in ends)
        ):
            groups[(item.id,)] = [item]
            continue
        roots = frozenset(statements.find(a) for a in ends)
        key = (item.kind, item.type, item.aspect, item.incident, roots)
        groups.setdefault(key, []).append(item)
    for members in groups.values():
        members.sort(key=lambda m: (-m.confidence, m.id))
    return list(groups.values())


@dataclass
class _Member:
    id: str
    kind: str = ""
    type: str = ""
    aspect: str = ""
    incident: str = ""
    confidence: float = 0.0
    assertions: list[str] = field(default_factory=list)
    folded: bool = False


_KINDS = {"contradiction", "corroboration", "revision"}  # restatements never fold


def _pending(
    findings: Iterable[Quad],
) -> tuple[dict[str, _Member], list[tuple[str, str]]]:
    """Members and restated pairs among quads not written yet."""
    members: dict[str, _Member] = defaultdict(lambda: _Member(""))
    pairs: list[tuple[str, str]] = []
    # The terms once, not per quad (a namespace lookup mints a new term).
    restates, rdf_type, between, conflict_type, aspect, about, confidence = (
        CKG.restates,
        RDF.type,
        CKG.between,
        CKG.conflictType,
        CKG.contestedAspect,
        CKG.aboutEvent,
        CKG.confidence,
    )
    for s, p, o, _ in findings:
        if p == restates:
            pairs.append((str(s), str(o)))
            continue
        member = members[str(s)]
        member.id = str(s)
        if p == rdf_type and local_name(o).lower() in _KINDS:
            member.kind = local_name(o).lower()
        elif p == between:
            member.assertions.append(str(o))
        elif p == conflict_type:
            member.type = str(o)
        elif p == aspect:
            member.aspect = str(o)
        elif p == about:
            member.incident = str(o)
        elif p == confidence:
            member.confidence = float(str(o))
    return {k: m for k, m in members.items() if m.kind and m.incident}, pairs


def fold_links(store: ClaimStore, findings: list[Quad]) -> list[Quad]:
    """The ``ckg:foldedInto`` links that ``findings`` (not written yet) call for.

    In each group of findings between the same statements, every member but the
    most confident is folded into it. Groups only grow as articles arrive and
    their most confident member was never folded, so links are only added;
    ``claimgraph detect`` rebuilds them with the findings.
    """
    pending, pairs = _pending(findings)
    incidents: dict[str, list[_Member]] = defaultdict(list)
    for member in pending.values():
        incidents[member.incident].append(member)
    links: list[Quad] = []
    for incident in sorted(incidents):
        node: Node = URIRef(incident)
        restated = pairs + [
            (str(row["a"]), str(row["b"]))
            for row in store.select_values(
                named_query("incident-restatements").text, {"incident": node}
            )
        ]
        if not restated:
            continue  # nothing restated: nothing folds
        members = {m.id: m for m in incidents[incident]}
        query = named_query("incident-folds").text
        for row in store.select_values(query, {"incident": node}):
            key = str(row["finding"])
            if key not in members:
                members[key] = _Member(
                    key,
                    local_name(row["kind"]).lower(),
                    str(row["type"]),
                    str(row["aspect"]),
                    incident,
                    float(str(row["confidence"])),
                )
            member = members[key]
            if str(row["assertion"]) not in member.assertions:
                member.assertions.append(str(row["assertion"]))
            member.folded = member.folded or row["into"] is not None
        for lead, *rest in group_by_statement(
            list(members.values()), Statements(restated), lambda m: m.assertions
        ):
            links += [
                (URIRef(m.id), CKG.foldedInto, URIRef(lead.id), DEFAULT)
                for m in rest
                if not m.folded
            ]
    return links
