"""The SPARQL endpoint answers real HTTP requests on loopback."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator

import pytest

from graph.serve import make_server
from tests.test_viz import disputed


@pytest.fixture
def endpoint() -> Iterator[str]:
    server = make_server(disputed(), host="127.0.0.1", port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def get(url: str, accept: str = "") -> tuple[int, str, str]:
    request = urllib.request.Request(url, headers={"Accept": accept} if accept else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return (
                response.status,
                response.headers["Content-Type"],
                response.read().decode(),
            )
    except urllib.error.HTTPError as exc:
        with exc:
            return exc.code, exc.headers["Content-Type"], exc.read().decode()


COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?c a <https://w3id.org/claimgraph/ns#Contradiction> }"


def test_select_as_json_and_csv(endpoint: str) -> None:
    url = f"{endpoint}/sparql?query={urllib.parse.quote(COUNT)}"
    status, media, body = get(url)
    assert status == 200 and media.startswith("application/sparql-results+json")
    assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == "1"
    status, media, body = get(url, accept="text/csv")
    assert media.startswith("text/csv") and body.splitlines()[1].strip() == "1"


def test_post_query_and_read_only_update(endpoint: str) -> None:
    request = urllib.request.Request(
        f"{endpoint}/sparql",
        data=COUNT.encode(),
        method="POST",
        headers={"Content-Type": "application/sparql-query"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        assert (
            json.loads(response.read())["results"]["bindings"][0]["n"]["value"] == "1"
        )
    update = urllib.request.Request(
        f"{endpoint}/sparql",
        data=b"update=DELETE+WHERE+%7B+%3Fs+%3Fp+%3Fo+%7D",
        method="POST",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(update, timeout=10)
    assert refused.value.code == 403
    refused.value.close()


def test_bad_query_is_400_and_graph_page_is_served(endpoint: str) -> None:
    status, _, body = get(f"{endpoint}/sparql?query=SELECT+%3Fx+WHERE+%7B")
    assert status == 400 and "Invalid SPARQL" in body
    status, media, body = get(f"{endpoint}/")
    assert status == 200 and media.startswith("text/html") and "vis.Network" in body
