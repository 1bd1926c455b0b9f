"""Check SPARQL text before it reaches an engine: what it may fetch, what it is.

Oxigraph follows ``SERVICE <url>`` (and ``LOAD <url>`` in an update) to any
address, which lets a query read from the network around the server
(server-side request forgery). Here the text is scanned without strings,
IRIs and comments, so a keyword inside a literal is not one:

- :func:`check_query` refuses an update where a query is expected, and any
  ``SERVICE`` whose host is not explicitly allowed;
- :func:`check_update` refuses ``LOAD`` and ``SERVICE`` likewise;
- :func:`bind_as_values` binds values for variables a SELECT does not project.

Dataset clauses (``FROM``, ``FROM NAMED``) name graphs of the store; Oxigraph
never fetches them, so they are not refused.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from rdflib.term import Node

from ..errors import QueryError, RefusedError

_TOKEN = re.compile(
    r"""
    (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
      |'''(?:[^'\\]|\\.|'(?!''))*'''
      |"(?:[^"\\\n]|\\.)*"
      |'(?:[^'\\\n]|\\.)*')
    |(?P<iri><[^<>"{}|^`\\\s]*>)
    |(?P<comment>\#[^\n]*)
    |(?P<var>[?$][\w\u00b7-\uffff]+)
    |(?P<word>[A-Za-z_\u00c0-\uffff][\w.\u00b7-\uffff-]*(?::[\w.%\\-]*)?
      |:[\w.%\\-]*)
    |(?P<punct>[{}*()])
    """,
    re.X,
)
_QUERY_FORMS = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}
_UPDATE_FORMS = {
    "INSERT",
    "DELETE",
    "LOAD",
    "CLEAR",
    "CREATE",
    "DROP",
    "COPY",
    "MOVE",
    "ADD",
    "WITH",
}


@dataclass(frozen=True)
class Token:
    """One lexical token: its kind, text and offset in the SPARQL text."""

    kind: str
    text: str
    start: int


def tokens(text: str) -> list[Token]:
    """The tokens that matter here (strings and comments are kept as such)."""
    return [
        Token(str(m.lastgroup), m.group(), m.start())
        for m in _TOKEN.finditer(text)
        if m.lastgroup != "comment"
    ]


def _prefixes(items: list[Token]) -> dict[str, str]:
    found: dict[str, str] = {}
    for n, item in enumerate(items[:-2]):
        if item.kind == "word" and item.text.upper() == "PREFIX":
            name, iri = items[n + 1], items[n + 2]
            if name.kind == "word" and name.text.endswith(":") and iri.kind == "iri":
                found[name.text[:-1]] = iri.text[1:-1]
    return found


def operation(text: str) -> str:
    """``"query"``, ``"update"`` or ``"unknown"``, by the first keyword."""
    items = tokens(text)
    n = 0
    while n < len(items):
        word = items[n].text.upper() if items[n].kind == "word" else ""
        if word == "PREFIX":
            n += 3
        elif word == "BASE":
            n += 2
        elif word in _QUERY_FORMS:
            return "query"
        elif word in _UPDATE_FORMS:
            return "update"
        else:
            return "unknown"
    return "unknown"


def _targets(items: list[Token], keyword: str) -> Iterable[tuple[Token, str | None]]:
    """Each ``keyword`` token and the IRI it names (None: a variable or unknown)."""
    names = _prefixes(items)
    for n, item in enumerate(items):
        if item.kind != "word" or item.text.upper() != keyword:
            continue
        rest = items[n + 1 : n + 3]
        if rest and rest[0].kind == "word" and rest[0].text.upper() == "SILENT":
            rest = rest[1:]
        target = rest[0] if rest else None
        if target is not None and target.kind == "iri":
            yield item, target.text[1:-1]
        elif target is not None and target.kind == "word" and ":" in target.text:
            prefix, _, local = target.text.partition(":")
            base = names.get(prefix)
            yield item, None if base is None else base + local
        else:
            yield item, None


def _allowed(iri: str | None, hosts: Iterable[str]) -> bool:
    if iri is None:
        return False
    allowed = {host.lower() for host in hosts}
    try:
        host = urlsplit(iri).hostname
    except ValueError:
        return False
    return host is not None and host.lower() in allowed


def _check_fetches(text: str, keywords: tuple[str, ...], hosts: Iterable[str]) -> None:
    items = tokens(text)
    hosts = list(hosts)
    for keyword in keywords:
        for _, iri in _targets(items, keyword):
            if _allowed(iri, hosts):
                continue
            where = f"<{iri}>" if iri else "a variable or unknown address"
            allowed = ", ".join(hosts) if hosts else "none"
            raise RefusedError(
                f"{keyword} {where} is refused: this endpoint fetches nothing from "
                f"the network except from allowed hosts ({allowed})."
            )


def check_query(text: str, allow_hosts: Iterable[str] = ()) -> None:
    """Refuse an update, and a ``SERVICE`` to a host not in ``allow_hosts``."""
    if operation(text) == "update":
        first = " ".join(text.split())[:40]
        raise RefusedError(
            f"'{first}' is a SPARQL update, and a query only reads the store. "
            "Run updates against a writable SPARQL endpoint (claimgraph serve, "
            "started writable, with its token) or with ClaimStore.update."
        )
    _check_fetches(text, ("SERVICE",), allow_hosts)


def check_update(text: str, allow_hosts: Iterable[str] = ()) -> None:
    """Refuse ``LOAD`` and ``SERVICE`` to hosts not in ``allow_hosts``."""
    _check_fetches(text, ("LOAD", "SERVICE"), allow_hosts)


def projected(text: str) -> set[str] | None:
    """Variables the (first) SELECT projects; None for ``SELECT *`` or another form."""
    items = tokens(text)
    for n, item in enumerate(items):
        if item.kind == "word" and item.text.upper() in _QUERY_FORMS:
            if item.text.upper() != "SELECT":
                return None
            names: set[str] = set()
            depth = 0
            for other in items[n + 1 :]:
                if other.kind == "punct" and other.text == "*" and depth == 0:
                    return None
                if other.kind == "punct" and other.text == "(":
                    depth += 1
                elif other.kind == "punct" and other.text == ")":
                    depth -= 1
                elif other.kind == "punct" and other.text == "{":
                    break
                elif other.kind == "word" and other.text.upper() in ("WHERE", "FROM"):
                    break
                elif other.kind == "var" and depth == 0:
                    names.add(other.text[1:])
                elif other.kind == "var" and depth > 0:
                    # ``(expr AS ?x)``: the name after AS is projected.
                    names.add(other.text[1:])
            return names
    return None


def bind_as_values(text: str, bindings: Mapping[str, Node]) -> str:
    """``text`` with ``bindings`` as a ``VALUES`` block opening its WHERE group.

    For variables a SELECT does not project, which Oxigraph's substitution
    refuses. Each value is written by rdflib (``Node.n3()``), which escapes it,
    so no value can change the query's structure.
    """
    if not bindings:
        return text
    items = tokens(text)
    form = next(
        (
            n
            for n, item in enumerate(items)
            if item.kind == "word" and item.text.upper() in _QUERY_FORMS
        ),
        None,
    )
    brace = None
    if form is not None:
        brace = next(
            (
                item
                for item in items[form:]
                if item.kind == "punct" and item.text == "{"
            ),
            None,
        )
    if brace is None:
        raise QueryError("Cannot bind parameters: the query has no WHERE group.")
    names = " ".join(f"?{name}" for name in bindings)
    terms = " ".join(term.n3() for term in bindings.values())
    at = brace.start + 1
    return f"{text[:at]} VALUES ({names}) {{ ({terms}) }} {text[at:]}"
