"""Disputes in words: questions, counted units, numbers and short summaries."""

from __future__ import annotations

from decimal import Decimal

from rdflib import URIRef

from ..rdf.ids import humanise, local_name
from ..store import ClaimStore
from .rules import named_query

#: Question templates by aspect (local name); others ask for "the {aspect}".
QUESTIONS = {
    "Responsibility": "Who is responsible for the {event}?",
    "AdvanceNotice": "Was there advance notice before the {event}?",
    "Casualties": "How many people were killed or wounded in the {event}?",
    "Count": "How many {unit}?",
    "Timing": "When did the {event} happen?",
    "Location": "Where did the {event} happen?",
    "Payment": "Was the payment or delivery made?",
}


def plural(unit: str) -> str:
    """``unit`` for a count other than one: "shell" -> "shells"."""
    if unit in ("percent", "per cent") or unit.endswith("s"):
        return unit
    return (
        unit[:-1] + "ies"
        if unit.endswith("y") and unit[-2:-1] not in "aeiou"
        else unit + "s"
    )


def number_text(value: Decimal) -> str:
    return f"{value:,.0f}" if value == value.to_integral_value() else f"{value:,}"


class Names:
    """Labels of nodes and quotes of assertions, looked up once each."""

    def __init__(self, store: ClaimStore) -> None:
        self.store = store
        self.labels: dict[str, str] = {}

    def get(self, node: str, default: str) -> str:
        if node not in self.labels:
            rows = self.store.select(
                named_query("node-labels").text, {"node": URIRef(node)}
            )
            found = sorted(
                str(r.get("prefLabel") or r.get("label"))
                for r in rows
                if r.get("prefLabel") is not None or r.get("label") is not None
            )
            self.labels[node] = found[0] if found else humanise(local_name(node))
        return self.labels[node]

    def quote(self, assertion: str) -> str:
        rows = self.store.select(
            named_query("assertion-quote").text, {"assertion": URIRef(assertion)}
        )
        return str(rows[0]["quote"]) if rows else ""


def summary(quote: str, words: int = 14) -> str:
    """The first ``words`` words of a quote, with an ellipsis when cut."""
    parts = quote.split()
    return " ".join(parts[:words]) + ("\u2026" if len(parts) > words else "")


def question(aspect: str, event: str, unit: str | None, claim: str) -> str:
    """A dispute's question in words: from its aspect (local name), or for an
    open claim (``WholeClaim``) from the rebutted claim's words."""
    if aspect == "WholeClaim":
        return f"Is it true that \u201c{summary(claim)}\u201d?"
    if aspect == "Count" and unit in ("percent", "per cent"):
        return f"Which percentage is right for the {event}?"
    template = QUESTIONS.get(aspect, "What is the {aspect} of the {event}?")
    return template.format(
        event=event,
        unit=plural(unit) if unit else "of them",
        aspect=humanise(aspect).lower(),
    )
