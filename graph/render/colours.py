"""Colours shared by the HTML view and the Gephi exports: sides, findings, events."""

from __future__ import annotations

import zlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx

RED = "#d62728"
GREEN = "#2ca02c"
NO_SIDE = "#9e9e9e"
EVENT = "#bdbdbd"
LINK = "#cccccc"

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
    "#252525",
)


def side_colours(sides: list[str]) -> dict[str, str]:
    """A colour per side, derived from its name and distinct within ``sides``.

    Each side starts at the palette slot given by a CRC-32 of its name, so it
    keeps its colour across stores and filters; a clash moves the later name
    (in name order) to the next free slot. Past 12 sides colours repeat.
    """
    colours: dict[str, str] = {}
    used: set[int] = set()
    for side in sorted(set(sides)):
        slot = zlib.crc32(side.casefold().encode("utf-8")) % len(PALETTE)
        if len(used) < len(PALETTE):
            while slot in used:
                slot = (slot + 1) % len(PALETTE)
        used.add(slot)
        colours[side] = PALETTE[slot]
    return colours


def edge_colour(kind: str) -> str:
    """Red for contradictions, green for corroborations, grey otherwise."""
    return {"contradiction": RED, "corroboration": GREEN}.get(kind, LINK)


def node_colours(g: nx.MultiDiGraph) -> dict[str, str]:
    """Each node's colour: its side's for actors, states and assertions."""
    sides = sorted({d.get("side") or "" for _, d in g.nodes(data=True)} - {""})
    colours = side_colours(sides)
    return {
        node: EVENT
        if data["kind"] == "event"
        else colours.get(data.get("side") or "", NO_SIDE)
        for node, data in g.nodes(data=True)
    }
