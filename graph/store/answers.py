"""A query to a SPARQL server and its answer: the request, row limits, parsing.

Queries are form POSTs (SPARQL 1.1 Protocol) sent with urllib, as rdflib's
``SPARQLConnector`` sends them, but here the answer's headers are read too:
Virtuoso cuts every answer at ``ResultSetMaxRows`` (10,000 rows by default)
and says so only in an ``X-SPARQL-MaxRows`` header, and a cut answer must be an
error, not a silently smaller result. Rows wanted as text skip rdflib's terms:
for SPARQL JSON they are read straight from the JSON, several times faster on
the tens of thousands of rows a dispute rebuild reads.
"""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from dataclasses import dataclass
from io import BytesIO
from typing import Any

from rdflib.query import Result

from ..errors import QueryError
from .common import lexical_rows

JSON_RESULTS = "application/sparql-results+json"
#: For SELECT and ASK (and a graph, should the server send one).
TABLES = (
    "application/sparql-results+json, text/turtle;q=0.9, "
    "application/n-triples;q=0.8, application/rdf+xml;q=0.5"
)
#: For CONSTRUCT and DESCRIBE: Virtuoso takes the first type it can make, and
#: would answer them as an ``?s ?p ?o`` table in SPARQL JSON.
GRAPHS = "text/turtle, application/n-triples;q=0.9, application/rdf+xml;q=0.5"


@dataclass
class Answer:
    """The body of a query's answer, its media type and the rows it may hold."""

    body: bytes
    media: str
    #: The server's row limit when it says it applied one (Virtuoso).
    max_rows: int | None = None

    def result(self) -> Result:
        """The answer parsed by rdflib (complete when returned)."""
        result = Result.parse(BytesIO(self.body), content_type=self.media)
        if result.type == "SELECT":
            result.bindings  # noqa: B018 - parse every row now, inside the deadline
        return result

    def lexical_rows(self) -> list[dict[str, str | None]]:
        """Rows of a SELECT as text (None where unbound)."""
        if self.media != JSON_RESULTS:
            return lexical_rows(self.result())
        data: Any = json.loads(self.body)
        names = [str(name) for name in data["head"]["vars"]]
        return [
            {name: cell["value"] if (cell := row.get(name)) else None for name in names}
            for row in data["results"]["bindings"]
        ]


def fetch(url: str, text: str, accept: str, headers: dict[str, str]) -> Answer:
    """POST ``text`` as a query form to ``url``; urllib's errors are the caller's."""
    request = urllib.request.Request(
        url,
        data=urllib.parse.urlencode({"query": text}).encode("utf-8"),
        headers={
            "Accept": accept,
            "Content-Type": "application/x-www-form-urlencoded",
            **headers,
        },
    )
    with urllib.request.urlopen(request) as answer:
        body = answer.read()
        media = (answer.headers.get("Content-Type") or "").split(";")[0].strip()
        limit = answer.headers.get("X-SPARQL-MaxRows", "").strip()
    return Answer(body, media, int(limit) if limit.isdigit() else None)


def check_complete(answer: Answer, rows: int, url: str) -> None:
    """Refuse an answer the server cut at its row limit."""
    if answer.max_rows is not None and rows >= answer.max_rows:
        raise QueryError(
            f"SPARQL endpoint {url} cut the answer at its limit of "
            f"{answer.max_rows} rows (Virtuoso: ResultSetMaxRows in the [SPARQL] "
            "section of virtuoso.ini); raise the limit, the answer would be "
            "incomplete."
        )
