"""The interactive HTML graph: pyvis network data in a self-contained page.

pyvis builds the nodes, edges and options (``cdn_resources="in_line"``); the page
is our own template (``graph/templates/graph.html``) with vis-network's JavaScript
and CSS inlined from the copy pyvis ships, so it works offline and links nothing:
pyvis's template links Bootstrap (and tom-select) from CDNs even in ``in_line``
mode and shows pop-ups with ``innerHTML``. Article text reaches the page only as
JSON (Jinja's ``tojson`` escapes ``<``, ``>``, ``&`` and ``'``, so ``</script>``
cannot end the script) and is shown with ``innerText``/``textContent``, so markup
in an article stays text.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..store import ClaimStore
from .colours import (
    EVENT,
    GREEN,
    LINK,
    NO_SIDE,
    RED,
    edge_colour,
    node_colours,
    side_colours,
)
from .network import FINDINGS, involvement, project
from .output import write_atomically

if TYPE_CHECKING:
    import networkx as nx

SEED = 7
LARGE = 300  # nodes above which the layout trades polish for speed


@dataclass(frozen=True)
class VizResult:
    """What was drawn, and a note on what the node cap left out."""

    nodes: int
    edges: int
    note: str | None = None


def _title(data: dict[str, Any]) -> str:
    # Plain text: vis-network shows a string title with innerText, the details
    # panel with textContent. html.escape here would show "&lt;" to the reader.
    kind = data["kind"]
    if kind == "assertion":
        return (
            f"{data['speaker']} ({data['side'] or 'no side'}) {data['cue']}:\n"
            f"\u201c{data['quote']}\u201d\n"
            f"{data['source']} [{data['begin_index']}\u2013{data['end_index']}]  "
            f"polarity {data['polarity']}, certainty {data['certainty']}"
        )
    if kind in ("actor", "state"):
        return f"{data['label']} ({data.get('side') or 'no side'})"
    return str(data.get("label", ""))


def _vis_files() -> tuple[str, str]:
    lib = files("pyvis") / "lib" / "vis-9.1.2"
    return (
        (lib / "vis-network.min.js").read_text(encoding="utf-8"),
        (lib / "vis-network.css").read_text(encoding="utf-8"),
    )


def render(projection_graph: nx.MultiDiGraph, note: str | None) -> tuple[str, int, int]:
    """The page for a projected graph; returns (html, nodes, edges)."""
    import jinja2
    from markupsafe import Markup
    from pyvis.network import Network

    g = projection_graph
    disputes = involvement(g)
    colours = node_colours(g)
    net = Network(directed=True, cdn_resources="in_line")
    for node, data in g.nodes(data=True):
        kind = data["kind"]
        size = (
            6 + 3 * min(disputes[node], 6)
            if kind == "assertion"
            else 10 + 4 * min(disputes[node], 10)
        )
        net.add_node(
            node,
            label=data["label"],
            title=_title(data),
            color=colours[node],
            shape={"event": "box", "state": "diamond"}.get(kind, "dot"),
            size=size,
        )
    for a, b, data in g.edges(data=True):
        kind = data["kind"]
        if kind in FINDINGS:
            net.add_edge(
                a,
                b,
                color=edge_colour(kind),
                width=4,
                title=f"{kind} ({data['type']}, {data['aspect']}, "
                f"confidence {data['confidence']:.2f}):\n{data['explanation']}",
                label=data["aspect"],
                arrows={"to": {"enabled": False}},
            )
        else:
            net.add_edge(a, b, color=LINK, width=1, title=kind)
    nodes, edges, *_ = net.get_network_data()
    large = len(nodes) > LARGE
    options = {
        # vis-network's improved layout is quadratic: only for small graphs.
        "layout": {"randomSeed": SEED, "improvedLayout": not large},
        "physics": {
            "solver": "forceAtlas2Based",
            "stabilization": {"iterations": 60 if large else 300, "updateInterval": 50},
        },
        "interaction": {"hover": True, "tooltipDelay": 120},
        "edges": {"smooth": False, "font": {"size": 11, "align": "middle"}},
        "nodes": {"font": {"size": 13}},
    }
    sides = sorted({d.get("side") or "" for _, d in g.nodes(data=True)} - {""})
    side_colour = side_colours(sides)
    vis_js, vis_css = _vis_files()
    template_text = (files("claimgraph.graph") / "templates" / "graph.html").read_text(
        "utf-8"
    )
    env = jinja2.Environment(autoescape=True)
    html = env.from_string(template_text).render(
        vis_js=Markup(vis_js),
        vis_css=Markup(vis_css),
        sides=[(side, side_colour[side]) for side in sides],
        red=RED,
        green=GREEN,
        event=EVENT,
        no_side=NO_SIDE,
        payload={
            "nodes": nodes,
            "edges": edges,
            "options": options,
            "sides": sides,
            "note": note,
        },
    )
    return html, len(nodes), len(edges)


def visualise(
    store: ClaimStore,
    output: Path,
    *,
    event: str | None = None,
    actor: str | None = None,
    side: str | None = None,
    contradictions_only: bool = False,
    max_nodes: int = 500,
    disputes: bool | None = None,
) -> VizResult:
    """Write the interactive graph of ``store`` to ``output``: assertions, or
    with ``disputes`` parties and the positions they hold (the default for a
    store with many findings, see :mod:`graph.render.dispute_graph`)."""
    from .dispute_graph import draw_disputes, wants_disputes

    if disputes or (disputes is None and wants_disputes(store)):
        nodes, edges = draw_disputes(store, output, event=event, side=side)
        return VizResult(nodes, edges)
    projection = project(
        store,
        event=event,
        actor=actor,
        side=side,
        contradictions_only=contradictions_only,
        max_nodes=max_nodes,
    )
    html, nodes, edges = render(projection.graph, projection.note)
    write_atomically(output, html.encode("utf-8"))
    return VizResult(nodes, edges, projection.note)
