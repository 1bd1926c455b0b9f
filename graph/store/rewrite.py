"""Queries and updates rewritten for a SPARQL server, and their syntax checked.

A union-default server (Virtuoso) gets ``FROM <asserted>`` on every query and
``WITH <asserted>`` on every update operation (:class:`.endpoint.Endpoint`);
bindings become a ``VALUES`` block, each term serialised by rdflib.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from rdflib.plugins.sparql.parser import parseQuery
from rdflib.term import Node

from ...ontology.vocab import PREFIXES
from .common import ASSERTED, one_line

_WHERE = re.compile(r"\bWHERE\s*\{", re.I)
_ASK = re.compile(r"\bASK\s*\{", re.I)
_OPERATION = re.compile(r";\s*(?=(?:DELETE|INSERT|WITH)\b)", re.I)
#: claimgraph's prefixes, put in front of every request.
PROLOGUE = " ".join(f"PREFIX {name}: <{ns}>" for name, ns in PREFIXES.items())
_GRAPH_FORM = re.compile(
    r"^\s*(?:(?:PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*(?:CONSTRUCT|DESCRIBE)\b",
    re.I,
)


def strip_comments(text: str) -> str:
    return "\n".join(
        line for line in text.splitlines() if not line.lstrip().startswith("#")
    )


def remote_query(
    text: str, bindings: Mapping[str, Node], *, asserted: bool = True
) -> str:
    """Rewrite a query for a SPARQL server: ``FROM <asserted>`` and bindings.

    Bindings become a ``VALUES`` block at the start of the WHERE group, with each
    term serialised by rdflib (``Node.n3()``), so FILTERs see them and no value is
    formatted into the query as text (a trailing ``VALUES`` is rejected by
    Virtuoso after ASK). ``asserted=False`` leaves the dataset alone.
    """
    body = strip_comments(text)
    match = _WHERE.search(body) or _ASK.search(body)
    if match is None:
        return text
    brace = match.end()
    keyword_end = match.start() + (3 if match.re is _ASK else 0)
    values = ""
    if bindings:
        names = " ".join(f"?{name}" for name in bindings)
        terms = " ".join(term.n3() for term in bindings.values())
        values = f" VALUES ({names}) {{ ({terms}) }} "
    dataset = f" FROM <{ASSERTED}> " if asserted else ""
    return (
        body[:keyword_end] + dataset + body[keyword_end:brace] + values + body[brace:]
    )


def remote_update(text: str) -> str:
    """Point every operation of an update at the asserted graph (``WITH``)."""
    operations = _OPERATION.split(strip_comments(text))
    return " ;\n".join(
        f"WITH <{ASSERTED}> {op.strip()}" for op in operations if op.strip()
    )


def is_graph_form(text: str) -> bool:
    """Whether ``text`` is a CONSTRUCT or DESCRIBE (its answer is a graph)."""
    return _GRAPH_FORM.match(strip_comments(text)) is not None


def syntax_error(text: str) -> str | None:
    """rdflib's syntax error for ``text``, or None if the grammar accepts it.

    A 400 is explained by rdflib's parser when it finds the error too, in the
    same words whatever the server (grammar only: server extensions such as
    Virtuoso's ``bif:`` functions are not errors here); otherwise the message
    carries the server's own reason.
    """
    try:
        parseQuery(text)
    except Exception as exc:  # noqa: BLE001 - the parser raises several types
        return one_line(str(exc))[:500]
    return None
