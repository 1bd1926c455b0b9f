"""A networkx projection of the store, shared by the HTML graph, exports and stats.

Nodes (attribute ``kind``): ``actor`` (speakers, with ``actor_kind`` and
``side``), ``state`` (the states actors act for; a state that speaks is one node,
not two), ``event`` (incidents) and ``assertion`` (speaker, side, cue, exact
quote, source, offsets, polarity, certainty). Edges (attribute ``kind``):
``said`` (actor -> assertion), ``about`` (assertion -> event), ``acts for``
(actor -> state), and ``contradiction`` / ``corroboration`` between two
assertions. Assertions are nodes rather than edges so that a finding links
exactly the two statements it is about; see ``docs/visualisation.md``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..detect.rules import named_query
from ..detect.wording import summary
from ..errors import CkgError
from ..rdf.ids import humanise, local_name
from ..store import ClaimStore
from .colours import edge_colour, node_colours
from .output import write_atomically

if TYPE_CHECKING:
    import networkx as nx

NETWORK_FORMATS = ("graphml", "gexf")
FINDINGS = ("contradiction", "corroboration")


@dataclass
class Projection:
    """The projected graph and a note saying what the node cap left out."""

    graph: nx.MultiDiGraph
    note: str | None = None


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _concept(label: object, node: object) -> str:
    # Lexicon label when loaded ("positive"), else the IRI's local name.
    return _text(label) or humanise(local_name(str(node)))


def full_graph(store: ClaimStore) -> nx.MultiDiGraph:
    """The unfiltered projection of every assertion and finding in ``store``."""
    import networkx as nx

    g = nx.MultiDiGraph()
    for row in store.select(named_query("network").text):
        assertion = str(row["assertion"])
        if assertion in g:  # several labels for one node give several rows
            continue
        speaker = str(row["speakerNode"])
        side_node = _text(row["sideNode"])
        side = _text(row["side"]) or (local_name(side_node) if side_node else "")
        actor_kind = _text(row["kind"]) or "unknown"
        is_state = actor_kind == "state" or speaker == side_node
        g.add_node(
            speaker,
            kind="state" if is_state else "actor",
            label=_text(row["speaker"]) or local_name(speaker),
            actor_kind=actor_kind,
            side=side,
        )
        g.add_node(
            assertion,
            kind="assertion",
            # What was said, not the cue word ("said" tells a reader nothing).
            label=summary(_text(row["quote"]), 6),
            speaker=_text(row["speaker"]) or local_name(speaker),
            side=side,
            cue=_text(row["cue"]),
            quote=_text(row["quote"]),
            source=_text(row["source"]),
            # Not "start"/"end": the GEXF writer reads those as time intervals.
            begin_index=int(row["start"]),
            end_index=int(row["end"]),
            polarity=_concept(row["polarity"], row["polarityNode"]),
            certainty=_concept(row["certainty"], row["certaintyNode"]),
            event=_text(row["event"]),
        )
        g.add_edge(speaker, assertion, key="said", kind="said")
        if side_node and side_node != speaker:
            if side_node not in g:
                g.add_node(
                    side_node,
                    kind="state",
                    label=side,
                    actor_kind="state",
                    side=side,
                )
            if not g.has_edge(speaker, side_node, key="acts for"):
                g.add_edge(speaker, side_node, key="acts for", kind="acts for")
        if row["incident"] is not None:
            incident = str(row["incident"])
            if incident not in g:
                g.add_node(incident, kind="event", label=_text(row["event"]))
            g.add_edge(assertion, incident, key="about", kind="about")
    for row in store.select(named_query("finding-links").text):
        a1, a2 = str(row["a1"]), str(row["a2"])
        if a1 in g and a2 in g:
            g.add_edge(
                a1,
                a2,
                key=str(row["finding"]),
                kind=local_name(row["kind"]).lower(),
                finding=str(row["finding"]),
                aspect=local_name(row["aspect"]),
                type=local_name(row["type"]),
                confidence=float(row["confidence"]),
                explanation=_text(row["explanation"]),
            )
    return g


def _context(g: nx.MultiDiGraph, assertion: str) -> set[str]:
    """An assertion with its speaker, the speaker's state and its incident."""
    nodes = {assertion}
    for speaker, _, kind in g.in_edges(assertion, data="kind"):
        if kind == "said":
            nodes.add(speaker)
            nodes |= {
                s for _, s, k in g.out_edges(speaker, data="kind") if k == "acts for"
            }
    nodes |= {e for _, e, k in g.out_edges(assertion, data="kind") if k == "about"}
    return nodes


def involvement(
    g: nx.MultiDiGraph, kinds: tuple[str, ...] = ("contradiction",)
) -> Counter[str]:
    """In how many findings of ``kinds`` each node takes part.

    An assertion counts its own findings; its speaker, the speaker's state and
    its incident count every finding of theirs (each finding once per node).
    """
    counts: Counter[str] = Counter()
    for a, b, kind in g.edges(data="kind"):
        if kind in kinds:
            counts.update(_context(g, a) | _context(g, b))
    return counts


def _partners(g: nx.MultiDiGraph, node: str, kinds: tuple[str, ...]) -> set[str]:
    edges = [*g.out_edges(node, data="kind"), *g.in_edges(node, data="kind")]
    return {b if a == node else a for a, b, kind in edges if kind in kinds}


def project(
    store: ClaimStore,
    *,
    event: str | None = None,
    actor: str | None = None,
    side: str | None = None,
    contradictions_only: bool = False,
    max_nodes: int = 500,
) -> Projection:
    """The filtered, capped projection of ``store``.

    ``event`` and ``actor`` match labels by case-insensitive substring, ``side``
    matches a side name exactly (case-insensitive). The assertions matching the
    filters are shown with the assertions they are linked to by a finding, so a
    red or green link never loses one end. ``contradictions_only`` keeps only
    assertions in a contradiction. ``max_nodes`` keeps the assertions most
    involved in disputes (with their speaker, state and incident) and says in
    ``note`` what it left out.
    """
    g = full_graph(store)
    kinds = ("contradiction",) if contradictions_only else FINDINGS
    focus: set[str] = set()
    for node, data in g.nodes(data=True):
        if data["kind"] != "assertion":
            continue
        if event and event.casefold() not in data["event"].casefold():
            continue
        if actor and actor.casefold() not in data["speaker"].casefold():
            continue
        if side and side.casefold() != data["side"].casefold():
            continue
        if contradictions_only and not _partners(g, node, kinds):
            continue
        focus.add(node)
    keep = set(focus)
    for node in focus:
        keep |= _partners(g, node, kinds)
    disputes = involvement(g)
    agreements = involvement(g, ("corroboration",))
    ranked = sorted(keep, key=lambda n: (-disputes[n], -agreements[n], n))
    contexts = {node: _context(g, node) for node in ranked}
    total = len(set().union(*contexts.values())) if contexts else 0
    chosen: set[str] = set()
    shown = 0
    for node in ranked:
        extra = contexts[node] - chosen
        if len(chosen) + len(extra) > max_nodes:
            break
        chosen |= extra
        shown += 1
    note = None
    if shown < len(ranked):
        note = (
            f"Showing {len(chosen)} of {total} nodes (node cap {max_nodes}): "
            f"{len(ranked) - shown} of {len(ranked)} assertions left out, "
            "the least disputed first."
        )
    return Projection(g.subgraph(chosen).copy(), note)


def _gephi_value(value: object) -> str | int | float:
    # One type per attribute name, and no None, lists or dicts: what both
    # networkx writers accept and Gephi can rank and filter on.
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return value
    return _text(value)


def _rgb(colour: str) -> dict[str, int | float]:
    return {
        "r": int(colour[1:3], 16),
        "g": int(colour[3:5], 16),
        "b": int(colour[5:7], 16),
        "a": 1.0,
    }


def gephi_graph(g: nx.MultiDiGraph, fmt: str) -> nx.MultiDiGraph:
    """A copy of ``g`` ready for the GraphML/GEXF writers and for Gephi.

    Attribute values become text or numbers; nodes get ``disputes`` and
    ``agreements`` counts, a ``color`` (hex) and, in GEXF, Gephi's own
    ``viz`` colour and size; edges get a ``weight`` (a finding's confidence).
    """
    import networkx as nx

    disputes = involvement(g)
    agreements = involvement(g, ("corroboration",))
    colours = node_colours(g)
    flat = nx.MultiDiGraph()
    for node, data in g.nodes(data=True):
        attrs: dict[str, Any] = {k: _gephi_value(v) for k, v in data.items()}
        attrs.update(
            disputes=disputes[node],
            agreements=agreements[node],
            color=colours[node],
        )
        if fmt == "gexf":
            attrs["viz"] = {
                "color": _rgb(colours[node]),
                "size": float(5 + 2 * min(disputes[node], 10)),
            }
        flat.add_node(node, **attrs)
    for number, (a, b, key, data) in enumerate(g.edges(keys=True, data=True)):
        attrs = {k: _gephi_value(v) for k, v in data.items()}
        colour = edge_colour(data["kind"])
        # Unique edge ids (the keys "said", "about"... repeat across node pairs).
        attrs.update(id=f"e{number}", weight=float(data.get("confidence", 1.0)))
        attrs["color"] = colour
        if fmt == "gexf":
            attrs["viz"] = {"color": _rgb(colour)}
        flat.add_edge(a, b, key=key, **attrs)
    return flat


def write_network(store: ClaimStore, output: Path, fmt: str) -> int:
    """Write the whole projection as GraphML or GEXF; returns the node count."""
    import networkx as nx

    if fmt not in NETWORK_FORMATS:
        raise CkgError(
            f"Unknown network format '{fmt}'. Valid: {', '.join(NETWORK_FORMATS)}."
        )
    flat = gephi_graph(full_graph(store), fmt)
    if fmt == "graphml":
        lines = nx.generate_graphml(flat, edge_id_from_attribute="id")
    else:
        lines = nx.generate_gexf(flat)
    write_atomically(output, ("\n".join(lines) + "\n").encode("utf-8"))
    return int(flat.number_of_nodes())


def stats(store: ClaimStore) -> dict[str, Any]:
    """Counts and the actors most involved in disputes (JSON-serialisable).

    ``most_disputed_actors`` lists up to ten speakers and states by the number
    of contradictions their assertions (or, for a state, its actors') are in.
    """
    counts = {
        str(row["what"]): int(row["n"])
        for row in store.select(named_query("counts").text)
    }
    g = full_graph(store)
    disputes = involvement(g)
    agreements = involvement(g, ("corroboration",))
    actors = [
        node
        for node, kind in g.nodes(data="kind")
        if kind in ("actor", "state") and disputes[node]
    ]
    actors.sort(key=lambda n: (-disputes[n], -agreements[n], g.nodes[n]["label"]))
    top = [
        {
            "actor": g.nodes[node]["label"],
            "kind": g.nodes[node]["actor_kind"],
            "side": g.nodes[node]["side"] or None,
            "contradictions": disputes[node],
            "corroborations": agreements[node],
        }
        for node in actors[:10]
    ]
    return {**counts, "most_disputed_actors": top}
