"""Issue 14: real SPARQL clients against ``serve`` (SPARQLWrapper, rdflib SPARQLStore)."""

from __future__ import annotations

import gc
import urllib.error
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore, SPARQLUpdateStore

from claimgraph.graph.serve import start_in_thread
from claimgraph.graph.store import open_store

SPARQLWrapper = pytest.importorskip("SPARQLWrapper")

DATA = (
    "PREFIX ex: <http://example.org/> INSERT DATA { ex:a ex:p 'one' . ex:b ex:p 2 . "
    "GRAPH ex:g { ex:c ex:p 'in g' } }"
)
SELECT = "SELECT ?s ?o WHERE { ?s <http://example.org/p> ?o } ORDER BY ?s"
ASK = "ASK { ?s <http://example.org/p> 2 }"
CONSTRUCT = "CONSTRUCT WHERE { ?s <http://example.org/p> ?o }"
DESCRIBE = "DESCRIBE <http://example.org/a>"


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    location = tmp_path_factory.mktemp("clients") / "store"
    with open_store(location) as store:
        store.update(DATA)
    store = open_store(location, read_only=True)
    running = start_in_thread(store)
    try:
        yield f"{running.url}/sparql"
    finally:
        running.stop()
        store.close()


def wrapper(url: str, query: str, fmt: str, method: str = "GET") -> Any:
    from SPARQLWrapper import SPARQLWrapper as Client

    client = Client(url)
    client.setQuery(query)
    client.setReturnFormat(fmt)
    client.setMethod(method)
    with quiet():
        result = client.query()
        try:
            return result.convert()
        finally:
            result.response.close()


@contextmanager
def quiet() -> Iterator[None]:
    """SPARQLWrapper warns about types it did not guess and leaves error
    responses unclosed; collect them here, not in a later test."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            yield
        finally:
            gc.collect()


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_sparqlwrapper_select_in_json_xml_csv_tsv(endpoint: str, method: str) -> None:
    data = wrapper(endpoint, SELECT, "json", method)
    assert [row["o"]["value"] for row in data["results"]["bindings"]] == ["one", "2"]
    xml = wrapper(endpoint, SELECT, "xml", method)
    assert [n.firstChild.data for n in xml.getElementsByTagName("literal")] == [
        "one",
        "2",
    ]
    csv = wrapper(endpoint, SELECT, "csv", method)
    assert csv.decode().splitlines() == [
        "s,o",
        "http://example.org/a,one",
        "http://example.org/b,2",
    ]
    tsv = wrapper(endpoint, SELECT, "tsv", method).decode().splitlines()
    assert tsv[0] == "?s\t?o" and tsv[1].startswith("<http://example.org/a>\t")


def test_sparqlwrapper_ask_in_json_and_xml(endpoint: str) -> None:
    assert wrapper(endpoint, ASK, "json")["boolean"] is True
    xml = wrapper(endpoint, ASK, "xml")
    assert xml.getElementsByTagName("boolean")[0].firstChild.data == "true"


@pytest.mark.parametrize("query", [CONSTRUCT, DESCRIBE])
@pytest.mark.parametrize("fmt", ["turtle", "n3", "json-ld", "rdf+xml"])
def test_sparqlwrapper_graphs(endpoint: str, query: str, fmt: str) -> None:
    result = wrapper(endpoint, query, fmt)
    graph = result if isinstance(result, Graph) else Graph()
    if not isinstance(result, Graph):
        kind = {"turtle": "turtle", "n3": "turtle"}[fmt]
        graph.parse(data=result, format=kind)
    assert (
        URIRef("http://example.org/a"),
        URIRef("http://example.org/p"),
        Literal("one"),
    ) in graph


def test_sparqlwrapper_errors(endpoint: str) -> None:
    from SPARQLWrapper import SPARQLWrapper as Client
    from SPARQLWrapper.SPARQLExceptions import QueryBadFormed, SPARQLWrapperException

    with quiet(), pytest.raises(QueryBadFormed):
        wrapper(endpoint, "SELECT ?x WHERE {", "json")
    client = Client(endpoint)
    client.setMethod("POST")
    client.setQuery("INSERT DATA { <x:a> <x:b> 1 }")
    with quiet():
        with pytest.raises((SPARQLWrapperException, urllib.error.HTTPError)) as caught:
            client.query()  # read-only
        assert "403" in str(caught.value)
        del caught


def test_sparqlwrapper_update_with_the_token() -> None:
    from SPARQLWrapper import SPARQLWrapper as Client
    from SPARQLWrapper.SPARQLExceptions import Unauthorized

    store = open_store(":memory:")
    running = start_in_thread(store, writable=True)
    try:
        client = Client(f"{running.url}/sparql")
        client.setMethod("POST")
        client.setQuery("INSERT DATA { <x:a> <x:b> 1 }")
        with quiet(), pytest.raises(Unauthorized):
            client.query()
        client.setCredentials("anyone", running.token)
        with quiet():
            client.query().response.close()
        assert store.ask("ASK { <x:a> <x:b> 1 }")
    finally:
        running.stop()


@pytest.mark.parametrize("fmt", ["json", "xml", "csv"])
def test_rdflib_sparqlstore_select_and_ask(endpoint: str, fmt: str) -> None:
    graph = Graph(SPARQLStore(endpoint, returnFormat=fmt))
    rows = [(str(s), str(o)) for s, o in graph.query(SELECT)]
    assert rows == [("http://example.org/a", "one"), ("http://example.org/b", "2")]
    if fmt != "csv":
        assert graph.query(ASK).askAnswer is True


def test_rdflib_sparqlstore_construct_and_update(endpoint: str, tmp_path: Path) -> None:
    graph = Graph(SPARQLStore(endpoint))
    result = graph.query(CONSTRUCT).graph
    assert result is not None and len(result) == 2
    store = open_store(":memory:")
    running = start_in_thread(store, writable=True)
    try:
        url = f"{running.url}/sparql"
        writer = Graph(
            SPARQLUpdateStore(url, url, auth=("me", str(running.token))),
            identifier=URIRef("http://example.org/w"),
        )
        writer.update("INSERT DATA { <x:a> <x:b> 1 }")
        assert store.ask("ASK { GRAPH <http://example.org/w> { <x:a> <x:b> 1 } }")
    finally:
        running.stop()
