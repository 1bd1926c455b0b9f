"""Read queries for users: shipped names, ``.rq`` files or text, bound parameters."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from rdflib import Literal

from .detect.rules import load_queries, named_query
from .errors import InputError, QueryError
from .results import QueryTable
from .store import ClaimStore
from .store.sparql_guard import bind_as_values, check_query, projected


def list_queries() -> list[tuple[str, str]]:
    """Shipped read queries as (name, purpose)."""
    return [
        (name, item.purpose)
        for name, item in sorted(load_queries().items())
        if item.meta.get("kind") != "update"
    ]


def query_text(sparql: str) -> str:
    """The SPARQL of ``sparql``: a ``.rq`` file, a shipped query's name, or text."""
    if sparql.endswith(".rq") or (len(sparql) < 256 and Path(sparql).is_file()):
        path = Path(sparql)
        try:
            return path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise InputError(f"No such query file: {sparql}") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"Cannot read query file {sparql}: {exc}") from None
    if sparql in load_queries():
        return named_query(sparql).text
    check_query(sparql)  # an update, or SERVICE: refused with what to do instead
    if not any(
        word in sparql.upper() for word in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
    ):
        names = ", ".join(name for name, _ in list_queries())
        raise QueryError(
            f"'{sparql}' is neither a SPARQL query, a .rq file nor a shipped query "
            f"({names})."
        )
    return sparql


def parse_params(params: Iterable[str]) -> dict[str, str]:
    """``name=value`` pairs as a dict (a leading ``?`` or ``$`` is dropped)."""
    bindings: dict[str, str] = {}
    for param in params:
        name, sep, value = param.partition("=")
        if not sep or not name.strip():
            raise QueryError(f"Parameter '{param}' must look like name=value.")
        bindings[name.strip().lstrip("?$")] = value
    return bindings


def run_query(
    store: ClaimStore,
    sparql: str,
    params: Mapping[str, str],
    timeout: float | None = None,
    allow_hosts: Iterable[str] = (),
) -> QueryTable:
    """Run a read query with ``params`` bound as literals; rows as strings.

    Updates are refused, and ``SERVICE`` unless its host is in ``allow_hosts``.
    """
    text = query_text(sparql)
    check_query(text, allow_hosts)
    bindings: dict[str, Any] = {
        name.lstrip("?$"): Literal(value) for name, value in params.items()
    }
    names = projected(text)
    if bindings and names is not None and not set(bindings) <= names:
        # Oxigraph substitutes only projected variables; others join as VALUES.
        text, bindings = bind_as_values(text, bindings), {}
    result = store.query(text, bindings, timeout=timeout)
    if result.type == "ASK":
        return QueryTable(["ask"], [[str(bool(result.askAnswer)).lower()]])
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        graph = result.graph
        rows = [[str(s), str(p), str(o)] for s, p, o in graph] if graph else []
        return QueryTable(["subject", "predicate", "object"], sorted(rows))
    columns = [str(v) for v in result.vars or []]
    rows = [
        ["" if value is None else str(value) for value in row]  # type: ignore[union-attr]
        for row in result
    ]
    return QueryTable(columns, rows)
