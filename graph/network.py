"""A networkx projection of the store, shared by the HTML graph, exports and stats.

Nodes: actors (speakers), the states they act for, incidents, and assertions.
Edges: actor -> assertion ("said"), assertion -> incident ("about"), actor ->
state ("acts for"), and assertion -- assertion for findings ("contradicts" in
red, "corroborates" in green). Assertions are nodes rather than edges so that a
finding links exactly the two statements it is about, with their quotes.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph.detect import local_name
from graph.errors import CkgError
from graph.rules import named_query
from graph.store import ClaimStore


@dataclass
class Projection:
    """The projected graph and a note on what a cap left out."""

    graph: Any  # networkx.MultiDiGraph
    note: str | None = None


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _full_graph(store: ClaimStore) -> Any:
    import networkx as nx

    g = nx.MultiDiGraph()
    for row in store.select(named_query("network").text):
        assertion = str(row["assertion"])
        if assertion in g:
            continue
        speaker = str(row["speakerNode"])
        side = _text(row["side"])
        g.add_node(
            speaker,
            kind="actor",
            label=_text(row["speaker"]) or local_name(speaker),
            actor_kind=_text(row["kind"]),
            side=side,
        )
        g.add_node(
            assertion,
            kind="assertion",
            label=_text(row["cue"]),
            speaker=_text(row["speaker"]),
            side=side,
            cue=_text(row["cue"]),
            quote=_text(row["quote"]),
            source=_text(row["source"]),
            start=int(row["start"]),
            end=int(row["end"]),
            polarity=_text(row["polarity"]),
            certainty=_text(row["certainty"]),
            event=_text(row["event"]),
        )
        g.add_edge(speaker, assertion, kind="said")
        if side and row["kind"] is not None and str(row["kind"]) != "state":
            state = f"side:{side}"
            g.add_node(state, kind="state", label=side, side=side)
            g.add_edge(speaker, state, kind="acts for")
        if row["incident"] is not None:
            incident = str(row["incident"])
            g.add_node(incident, kind="event", label=_text(row["event"]))
            g.add_edge(assertion, incident, kind="about")
    for row in store.select(named_query("finding-links").text):
        a1, a2 = str(row["a1"]), str(row["a2"])
        if a1 in g and a2 in g:
            g.add_edge(
                a1,
                a2,
                kind=local_name(row["kind"]).lower(),
                aspect=local_name(row["aspect"]),
                type=local_name(row["type"]),
                confidence=float(row["confidence"]),
                explanation=_text(row["explanation"]),
            )
    return g


def involvement(g: Any) -> Counter[str]:
    """How many findings each node takes part in (actors count their assertions')."""
    counts: Counter[str] = Counter()
    for a, b, data in g.edges(data=True):
        if data.get("kind") in ("contradiction", "corroboration"):
            for node in (a, b):
                counts[node] += 1
                for speaker, _, edge in g.in_edges(node, data=True):
                    if edge.get("kind") == "said":
                        counts[speaker] += 1
    return counts


def project(
    store: ClaimStore,
    *,
    event: str | None = None,
    actor: str | None = None,
    side: str | None = None,
    contradictions_only: bool = False,
    max_nodes: int = 500,
) -> Projection:
    """The filtered, capped projection of ``store``."""
    g = _full_graph(store)
    assertions = [n for n, d in g.nodes(data=True) if d["kind"] == "assertion"]
    keep: set[str] = set()
    for node in assertions:
        data = g.nodes[node]
        if event and event.lower() not in data["event"].lower():
            continue
        if actor and actor.lower() not in data["speaker"].lower():
            continue
        if side and side.lower() != data["side"].lower():
            continue
        disputed = any(
            e.get("kind") in ("contradiction", "corroboration")
            for _, _, e in [*g.out_edges(node, data=True), *g.in_edges(node, data=True)]
        )
        if contradictions_only and not disputed:
            continue
        keep.add(node)
    counts = involvement(g)
    ranked = sorted(keep, key=lambda n: (-counts[n], n))
    chosen: set[str] = set()
    note = None
    for node in ranked:
        neighbours = {m for m in g.predecessors(node)} | {m for m in g.successors(node)}
        neighbours |= {
            s
            for m in neighbours
            for s in g.successors(m)
            if g.nodes[s]["kind"] == "state"
        }
        extra = {node, *neighbours} - chosen
        if len(chosen) + len(extra) > max_nodes:
            left = len(ranked) - sum(1 for n in ranked if n in chosen)
            note = (
                f"Showing {len(chosen)} of {g.number_of_nodes()} nodes (--max-nodes "
                f"{max_nodes}); {left} assertions were left out, least disputed first."
            )
            break
        chosen |= extra
    sub = g.subgraph(chosen).copy()
    return Projection(sub, note)


def write_network(store: ClaimStore, output: Path, fmt: str) -> int:
    """Write the projection as GraphML or GEXF for Gephi; returns the node count."""
    import networkx as nx

    from graph.export import write_atomically

    writers = {"graphml": nx.generate_graphml, "gexf": nx.generate_gexf}
    if fmt not in writers:
        raise CkgError(f"Unknown network format '{fmt}'. Valid: graphml, gexf.")
    g = project(store, max_nodes=10**9).graph
    # Gephi wants one value type per attribute: store everything as text.
    flat = nx.MultiDiGraph()
    for node, data in g.nodes(data=True):
        flat.add_node(node, **{k: str(v) for k, v in data.items()})
    for a, b, data in g.edges(data=True):
        flat.add_edge(a, b, **{k: str(v) for k, v in data.items()})
    text = "\n".join(writers[fmt](flat))
    write_atomically(output, text.encode("utf-8"))
    return int(flat.number_of_nodes())


def stats(store: ClaimStore) -> dict[str, Any]:
    """Counts and the actors most involved in disputes (JSON-serialisable)."""
    counts = {
        str(row["what"]): int(row["n"])
        for row in store.select(named_query("counts").text)
    }
    g = _full_graph(store)
    involved = involvement(g)
    top = [
        {
            "actor": g.nodes[node]["label"],
            "side": g.nodes[node].get("side") or None,
            "findings": n,
        }
        for node, n in involved.most_common()
        if g.nodes[node]["kind"] == "actor"
    ][:10]
    return {**counts, "most_disputed_actors": top}
