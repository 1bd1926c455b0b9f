"""How quads reach a SPARQL server: ``INSERT DATA``, or one document per graph.

:func:`insert_data` makes the SPARQL Update that any SPARQL 1.1 server takes.
:class:`GraphStore` writes through the SPARQL 1.1 Graph Store HTTP Protocol
instead: one POST per graph.

Virtuoso compiles ``INSERT DATA`` into SQL at about 0.4 ms a triple; posted to
its Graph Store endpoint (``/sparql-graph-crud``) as a document, the same
triples go through its Turtle loader in a few percent of that time
(``docs/benchmarks.md``). :class:`~.endpoint.Endpoint` writes this way when it
has a :class:`GraphStore`, and otherwise (or when the guessed URL turns out not
to take documents) with ``INSERT DATA``, which every SPARQL 1.1 server takes.

The setting ``sparql_graph_store`` (``CLAIMGRAPH_SPARQL_GRAPH_STORE``):
``auto`` (the default) guesses Virtuoso's URL beside a union-default ``/sparql``
endpoint and falls back to ``INSERT DATA`` if its first write is refused;
``none`` never uses it; a URL is used as given, and a refusal is an error.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from ..rdf.quads import DEFAULT, Quad

AUTO = "auto"
OFF = "none"
#: What a graph document is sent as (N-Triples is a subset of Turtle, which
#: every Graph Store server reads).
CONTENT_TYPE = "text/turtle; charset=utf-8"
#: The markup of a server's HTML error page (Virtuoso's), not the IRIs it quotes.
_MARKUP = re.compile(
    r"</?(?:!DOCTYPE|html|head|title|body|h\d|pre|xmp|p)\b[^>]*>", re.I
)
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"}


def _literal(value: Literal) -> str:
    """A literal in N-Triples: quotes, backslashes and control characters escaped."""
    text = "".join(
        _ESCAPES.get(c) or (f"\\u{ord(c):04X}" if ord(c) < 0x20 else c)
        for c in str(value)
    )
    if value.language:
        return f'"{text}"@{value.language}'
    if value.datatype:
        return f'"{text}"^^<{value.datatype}>'
    return f'"{text}"'


def _term(node: Node) -> str:
    # URIRef.n3() refuses an IRI with characters N-Triples cannot carry.
    return _literal(node) if isinstance(node, Literal) else node.n3()


def insert_data(
    quads: Iterable[Quad], default: URIRef | None, *, split: int = 0
) -> str:
    """``INSERT DATA`` for ``quads``, sent as one request.

    Default-graph quads go to the graph ``default`` when given, else to the
    server's default graph. With ``split``, each graph gets its own operations
    of at most ``split`` triples (Virtuoso compiles one operation into at most
    10,000 lines of SQL); otherwise it is one operation, atomic on any server.
    """
    groups: dict[URIRef | None, list[str]] = {}
    for s, p, o, g in quads:
        target = (default if g == DEFAULT else g) or None
        groups.setdefault(target, []).append(f"{s.n3()} {p.n3()} {o.n3()} .")
    blocks = []
    for graph, triples in groups.items():
        step = split or len(triples)
        for start in range(0, len(triples), step):
            block = "\n".join(triples[start : start + step])
            blocks.append(
                block if graph is None else f"GRAPH <{graph}> {{\n{block}\n}}"
            )
    if split:
        return " ;\n".join(f"INSERT DATA {{\n{block}\n}}" for block in blocks)
    return "INSERT DATA {\n" + "\n".join(blocks) + "\n}"


def has_blank_nodes(quads: Iterable[Quad]) -> bool:
    """Whether any quad has a blank node (its scope would be one document)."""
    return any(isinstance(q[0], BNode) or isinstance(q[2], BNode) for q in quads)


def graph_documents(
    quads: Iterable[Quad], default: URIRef | None
) -> list[tuple[URIRef | None, bytes]]:
    """``quads`` as N-Triples documents, one per graph: (graph, UTF-8 body).

    Default-graph quads go to the graph ``default`` when given, else to the
    server's default graph (None). Named graphs come first and the default
    graph last: it holds the article's record, so a write that fails half-way
    leaves no article that looks stored, and ingesting it again completes it.
    """
    groups: dict[URIRef | None, list[str]] = {}
    for s, p, o, g in quads:
        target = (default if g == DEFAULT else g) or None
        groups.setdefault(target, []).append(f"{_term(s)} {_term(p)} {_term(o)} .")
    last = default if default is not None else None
    order = [g for g in groups if g != last] + [g for g in groups if g == last]
    return [(g, ("\n".join(groups[g]) + "\n").encode("utf-8")) for g in order]


def page_text(body: str) -> str:
    """An error page's text without its HTML markup, on one line."""
    return " ".join(_MARKUP.sub(" ", body).split())


def guess_url(endpoint: str) -> str | None:
    """Virtuoso's Graph Store URL beside its SPARQL endpoint ``…/sparql``."""
    parts = urllib.parse.urlsplit(endpoint)
    path = parts.path.rstrip("/")
    if not path.endswith("/sparql") or parts.query:
        return None
    return urllib.parse.urlunsplit(parts._replace(path=path + "-graph-crud"))


@dataclass
class GraphStore:
    """A Graph Store Protocol endpoint that graph documents are POSTed to.

    ``guessed`` stores were not configured: the first write finds out whether
    they take documents, and a refusal turns them :attr:`off`.
    """

    url: str
    guessed: bool = False
    headers: dict[str, str] = field(default_factory=dict, repr=False)
    #: True once a document was accepted.
    confirmed: bool = False
    #: True once a guessed store refused its first document.
    off: bool = False

    def target(self, graph: URIRef | None) -> str:
        """The URL for ``graph`` (None: the default graph)."""
        query = "default" if graph is None else urllib.parse.urlencode({"graph": graph})
        return f"{self.url}{'&' if '?' in self.url else '?'}{query}"

    def post(self, graph: URIRef | None, body: bytes) -> None:
        """Add ``body``'s triples to ``graph``; urllib's errors are the caller's."""
        request = urllib.request.Request(
            self.target(graph),
            data=body,
            method="POST",
            headers={"Content-Type": CONTENT_TYPE, **self.headers},
        )
        with urllib.request.urlopen(request) as answer:
            answer.read()
            # urllib follows a redirect of a POST as a GET, which drops the body.
            if (
                answer.status not in (200, 201, 204)
                or answer.geturl() != request.full_url
            ):
                raise urllib.error.HTTPError(
                    request.full_url,
                    answer.status,
                    f"answered {answer.status} from {answer.geturl()}, "
                    "not a Graph Store Protocol answer",
                    answer.headers,
                    None,
                )
