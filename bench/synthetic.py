"""Synthetic disputed articles for benchmarks (no model needed)."""

from __future__ import annotations

from claimgraph.graph.models import Extraction
from tests.builders import ArticleBuilder


def disputed_article(n: int, statements: int = 10, outlet: int = 0) -> Extraction:
    """Article ``n``: two new states blame each other, ``statements`` times in all.

    With ``outlet`` > 0, another outlet's report of the same incident: only the
    first state's army, saying the same (its statements restate article ``n``'s).
    """
    a, b = f"Land{n}a", f"Land{n}b"
    name = f"synthetic-{n}" if not outlet else f"synthetic-{n}-outlet-{outlet}"
    builder = ArticleBuilder(name, participants=(a, b))
    if outlet:
        builder.text = f"Outlet {outlet} report.\n\n"
    army, ministry = builder.org(f"{a} army", a), builder.org(f"{b} ministry", b)
    for i in range(statements // 2):
        builder.say(
            army,
            f"{b} fired first ({n}.{i})",
            values=[("Responsibility", {"actor": f"state:{b.lower()}"})],
        )
        if not outlet:
            builder.say(
                ministry,
                f"{a} fired first ({n}.{i})",
                values=[("Responsibility", {"actor": f"state:{a.lower()}"})],
            )
    return builder.build()
