"""A brief to share: the disputes of a store or an incident as one offline page.

Positions stand side by side with their parties and quotes, each quote linked to
its source; a timeline (statements per party over time) is drawn at build time
with matplotlib and inlined as SVG, so the page fetches nothing when viewed.
Article text is escaped by Jinja's autoescaping; the SVG has no script.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from datetime import date
from importlib.resources import files
from typing import TYPE_CHECKING

from ..errors import CkgError
from .colours import side_colours
from .dispute_text import disputes_markdown, quotes, statement_count

if TYPE_CHECKING:
    from ..report.disputes import DisputeRecord

_URL = re.compile(r"^https?://", re.IGNORECASE)


def _link(source: str) -> str | None:
    """A source that is a web address (other sources are file names)."""
    return source if _URL.match(source) else None


def timeline_svg(records: list[DisputeRecord]) -> str | None:
    """Statements per party and day as an inline SVG; None without dates."""
    counts: Counter[tuple[str, date]] = Counter()
    for record in records:
        for position in record.positions:
            for item in position.statements:
                if item.published:
                    try:
                        day = date.fromisoformat(item.published[:10])
                    except ValueError:
                        continue
                    counts[(item.party, day)] += 1 + len(item.reports)
    if not counts:
        return None
    try:
        import matplotlib

        matplotlib.use("svg")
        import matplotlib.pyplot as plt
    except ImportError as exc:  # the `brief` extra
        raise CkgError(
            "The brief's timeline needs matplotlib: pip install 'claimgraph[brief]'."
        ) from exc
    parties = sorted({party for party, _ in counts})
    colours = side_colours(parties)
    matplotlib.rcParams["svg.hashsalt"] = "claimgraph"  # stable ids in the SVG
    figure, axes = plt.subplots(figsize=(8, 0.5 + 0.45 * len(parties)))
    try:
        # Days as ordinals, labelled with their dates (a date has no time of day).
        for row, party in enumerate(parties):
            days = [d for p, d in counts if p == party]
            sizes = [30 + 25 * counts[(party, d)] for d in days]
            axes.scatter(
                [d.toordinal() for d in days],
                [row] * len(days),
                s=sizes,
                color=colours[party],
            )
        axes.set_yticks(range(len(parties)), parties)
        axes.set_ylim(-0.7, len(parties) - 0.3)
        seen = sorted({d for _, d in counts})
        ticks = seen[:: max(1, len(seen) // 6)]
        axes.set_xticks([d.toordinal() for d in ticks], [d.isoformat() for d in ticks])
        axes.set_xlim(seen[0].toordinal() - 0.5, seen[-1].toordinal() + 0.5)
        axes.set_title(
            "Statements per party and day (dot size: statements and reports)"
        )
        axes.grid(axis="x", alpha=0.3)
        figure.tight_layout()
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    finally:
        plt.close(figure)
    svg = buffer.getvalue()
    return svg[svg.index("<svg") :]


def brief_html(records: list[DisputeRecord], title: str) -> str:
    """The brief as one standalone HTML page."""
    import jinja2
    from markupsafe import Markup

    svg = timeline_svg(records)
    text = (files("claimgraph.graph") / "templates" / "brief.html").read_text("utf-8")
    env = jinja2.Environment(autoescape=True)
    env.globals.update(link=_link, quotes=quotes, count=statement_count)
    return env.from_string(text).render(
        title=title,
        records=records,
        timeline=Markup(svg) if svg else None,
    )


def brief_markdown(records: list[DisputeRecord], title: str) -> str:
    """The brief as Markdown (no timeline)."""
    return f"# {title}\n\n" + disputes_markdown(records)
