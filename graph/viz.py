"""The interactive HTML graph: pyvis network data in a self-contained page.

pyvis builds the nodes, edges and options; the page is our own template
(``graph/templates/graph.html``) with vis-network's JavaScript and CSS inlined
from the copy pyvis ships, so it works offline and loads nothing from a CDN.
Article text reaches the page only as JSON (``<``, ``>``, ``&`` and ``'`` escaped)
and is shown with ``textContent``/``innerText``, so markup in an article is inert.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

from graph.export import write_atomically
from graph.network import involvement, project
from graph.store import ClaimStore

RED = "#d62728"
GREEN = "#2ca02c"
NO_SIDE = "#9e9e9e"
SEED = 7
LARGE = 300  # nodes above which the layout trades polish for speed


@dataclass(frozen=True)
class VizResult:
    """What was drawn, and a note on what the node cap left out."""

    nodes: int
    edges: int
    note: str | None = None


# Tableau-style qualitative colours, without the red and green of findings.
PALETTE = (
    "#1f77b4",
    "#ff7f0e",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#bcbd22",
    "#393b79",
    "#ad494a",
    "#637939",
    "#7b4173",
    "#3182bd",
)


def side_colours(sides: list[str]) -> dict[str, str]:
    """A distinct colour per side, assigned in name order (stable for a store)."""
    return {side: PALETTE[i % len(PALETTE)] for i, side in enumerate(sorted(sides))}


def _title(data: dict[str, Any]) -> str:
    kind = data["kind"]
    if kind == "assertion":
        return (
            f"{data['speaker']} ({data['side'] or 'no side'}) {data['cue']}:\n"
            f"\u201c{data['quote']}\u201d\n"
            f"{data['source']} [{data['start']}\u2013{data['end']}]  "
            f"polarity {data['polarity']}, certainty {data['certainty']}"
        )
    if kind == "actor":
        return f"{data['label']} ({data.get('side') or 'no side'})"
    return str(data.get("label", ""))


def _vis_files() -> tuple[str, str]:
    lib = files("pyvis") / "lib" / "vis-9.1.2"
    return (
        (lib / "vis-network.min.js").read_text(encoding="utf-8"),
        (lib / "vis-network.css").read_text(encoding="utf-8"),
    )


def render(projection_graph: Any, note: str | None) -> tuple[str, int, int]:
    """The page for a projected graph; returns (html, nodes, edges)."""
    import jinja2
    from markupsafe import Markup
    from pyvis.network import Network

    g = projection_graph
    counts = involvement(g)
    net = Network(directed=True, cdn_resources="in_line")
    sides = sorted({d.get("side") or "" for _, d in g.nodes(data=True)} - {""})
    colours = side_colours(sides)
    for node, data in g.nodes(data=True):
        kind = data["kind"]
        colour = colours.get(data.get("side") or "", NO_SIDE)
        shape = {"event": "box", "state": "diamond"}.get(kind, "dot")
        size = (
            (6 + 3 * min(counts[node], 6))
            if kind == "assertion"
            else 10 + 4 * min(counts[node], 10)
        )
        net.add_node(
            node,
            label=data["cue"] if kind == "assertion" else data["label"],
            title=_title(data),
            color="#bdbdbd" if kind == "event" else colour,
            shape=shape,
            size=size,
        )
    for a, b, data in g.edges(data=True):
        kind = data["kind"]
        if kind in ("contradiction", "corroboration"):
            net.add_edge(
                a,
                b,
                color=RED if kind == "contradiction" else GREEN,
                width=4,
                title=f"{kind} ({data['type']}, {data['aspect']}, "
                f"confidence {data['confidence']:.2f}):\n{data['explanation']}",
                label=data["aspect"],
                arrows={"to": {"enabled": False}},
            )
        else:
            net.add_edge(a, b, color="#cccccc", width=1, title=kind)
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
    vis_js, vis_css = _vis_files()
    template_text = (files("graph") / "templates" / "graph.html").read_text("utf-8")
    env = jinja2.Environment(autoescape=True)
    html = env.from_string(template_text).render(
        vis_js=Markup(vis_js),
        vis_css=Markup(vis_css),
        sides=[(side, colours[side]) for side in sides],
        red=RED,
        green=GREEN,
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
) -> VizResult:
    """Write the interactive graph of ``store`` to ``output``."""
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
