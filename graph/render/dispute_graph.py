"""The HTML graph around disputes: parties linked to the positions they hold.

Each dispute is a box (its question) with its positions around it, drawn as one
group; a party is a dot linked to every position it holds, the link as wide as
the number of its statements there. Clicking a position lists its statements.
The page is ``graph/templates/disputes.html``: offline, and text reaches it only
as JSON shown with ``textContent`` (see :mod:`graph.render.viz`).
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import Any

from ..detect.rules import named_query
from ..report.disputes import DisputeRecord, Position
from ..store import ClaimStore
from .colours import PALETTE, side_colours
from .output import write_atomically

#: Findings above which ``viz`` draws disputes unless told otherwise.
LARGE_STORE = 300
_WIDTH_CAP = 12


def _statements(position: Position) -> str:
    lines = [f"Position: {position.value}"]
    for item in position.statements:
        also = "".join(
            f"\n    also {r.source} {r.start}\u2013{r.end}" for r in item.reports
        )
        date = f" {item.published}" if item.published else ""
        lines.append(
            f"\u2022 {item.speaker} ({item.party}) {item.cue}: "
            f"\u201c{item.quote}\u201d\n"
            f"    {item.source}{date} {item.start}\u2013{item.end}{also}"
        )
    return "\n".join(lines)


def dispute_network(
    records: list[DisputeRecord],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """vis-network nodes and edges for ``records``."""
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    parties = sorted({x.name for r in records for p in r.positions for x in p.parties})
    colours = side_colours(parties)
    for n, record in enumerate(records):
        group = f"d{n}"
        tint = PALETTE[n % len(PALETTE)]
        nodes.append(
            {
                "id": record.id,
                "label": record.question,
                "title": f"{record.question}\n{record.event}\n"
                f"confidence {record.confidence:.2f}, {len(record.findings)} findings",
                "shape": "box",
                "group": group,
                "color": {"background": "#fff8e1", "border": tint},
                "widthConstraint": {"maximum": 220},
                "font": {"size": 14},
            }
        )
        for m, position in enumerate(record.positions):
            pid = f"{record.id}#p{m}"
            nodes.append(
                {
                    "id": pid,
                    "label": position.value,
                    "title": _statements(position),
                    "shape": "ellipse",
                    "group": group,
                    "color": {"background": "#ffffff", "border": tint},
                    "widthConstraint": {"maximum": 180},
                }
            )
            edges.append(
                {"from": record.id, "to": pid, "color": tint, "width": 1, "length": 140}
            )
            for party in position.parties:
                count = sum(1 for s in position.statements if s.party == party.name)
                edges.append(
                    {
                        "from": f"party:{party.name}",
                        "to": pid,
                        "width": min(1 + count, _WIDTH_CAP),
                        "color": colours[party.name],
                        "title": f"{party.name}: {count} statement"
                        f"{'' if count == 1 else 's'}",
                    }
                )
    for name in parties:
        nodes.append(
            {
                "id": f"party:{name}",
                "label": name,
                "title": name,
                "shape": "dot",
                "size": 16,
                "color": colours[name],
            }
        )
    return nodes, edges


def render_disputes(
    records: list[DisputeRecord], note: str | None = None
) -> tuple[str, int, int]:
    """The page for ``records``; returns (html, nodes, edges)."""
    import jinja2
    from markupsafe import Markup

    nodes, edges = dispute_network(records)
    options = {
        "layout": {"randomSeed": 7},
        "physics": {
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"avoidOverlap": 1, "springLength": 140},
            "stabilization": {"iterations": 300},
        },
        "interaction": {"hover": True, "tooltipDelay": 120},
        "edges": {"smooth": False},
    }
    lib = files("pyvis") / "lib" / "vis-9.1.2"  # as graph.render.viz inlines it
    vis_js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    vis_css = (lib / "vis-network.css").read_text(encoding="utf-8")
    text = (files("claimgraph.graph") / "templates" / "disputes.html").read_text(
        "utf-8"
    )
    html = (
        jinja2.Environment(autoescape=True)
        .from_string(text)
        .render(
            vis_js=Markup(vis_js),
            vis_css=Markup(vis_css),
            payload={"nodes": nodes, "edges": edges, "options": options, "note": note},
        )
    )
    return html, len(nodes), len(edges)


def write_dispute_graph(records: list[DisputeRecord], output: Path) -> tuple[int, int]:
    """Write the dispute graph of ``records`` to ``output``; (nodes, edges)."""
    note = None if records else "No disputes found."
    html, nodes, edges = render_disputes(records, note)
    write_atomically(output, html.encode("utf-8"))
    return nodes, edges


def wants_disputes(store: ClaimStore) -> bool:
    """Whether the store has too many findings for a readable assertion graph."""
    rows = store.select(named_query("finding-counts").text)
    return sum(int(r["count"]) for r in rows) > LARGE_STORE


def draw_disputes(
    store: ClaimStore,
    output: Path,
    *,
    event: str | None = None,
    side: str | None = None,
) -> tuple[int, int]:
    """Write the dispute graph of ``store`` (filtered) to ``output``."""
    from ..report.disputes import load_disputes

    return write_dispute_graph(load_disputes(store, event=event, side=side), output)
