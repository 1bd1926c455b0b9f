"""Synthetic disputed articles for benchmarks (no model needed)."""

from __future__ import annotations

from graph.models import Extraction
from tests.builders import ArticleBuilder


def disputed_article(n: int, statements: int = 10) -> Extraction:
    """Article ``n``: two new states blame each other, ``statements`` times in all."""
    a, b = f"Land{n}a", f"Land{n}b"
    builder = ArticleBuilder(f"synthetic-{n}", participants=(a, b))
    army, ministry = builder.org(f"{a} army", a), builder.org(f"{b} ministry", b)
    for i in range(statements // 2):
        builder.say(
            army,
            f"{b} fired first ({n}.{i})",
            values=[("Responsibility", {"actor": f"state:{b.lower()}"})],
        )
        builder.say(
            ministry,
            f"{a} fired first ({n}.{i})",
            values=[("Responsibility", {"actor": f"state:{a.lower()}"})],
        )
    return builder.build()
