"""A real SPARQL server: ingest -> contradictions on Debian's Virtuoso, on loopback."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import XSD, Literal, URIRef
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.graph.detect.detection import refresh
from claimgraph.graph.errors import StoreError
from claimgraph.graph.pipeline import ingest_paths
from claimgraph.graph.report.findings import finding_json, load_findings
from claimgraph.graph.report.pages import load_findings_page
from claimgraph.graph.settings import Settings
from claimgraph.graph.store import ASSERTED, open_store
from claimgraph.graph.store.writes import GraphStore
from tests.helpers_store import fake_extractor, free_port, write_articles

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "virtuoso.sh"
SEED = ROOT / "seeds" / "il20-breitbart-2018-09-18.txt"
OTHER = ROOT / "corpus" / "gold" / "fishing-dispute.txt"

pytestmark = [
    pytest.mark.server,
    pytest.mark.slow,
    pytest.mark.skipif(
        shutil.which("virtuoso-t") is None,
        reason="virtuoso-t not found: install Debian's virtuoso-opensource "
        "(scripts/virtuoso.sh install)",
    ),
]
runner = CliRunner()


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("virtuoso")
    started = subprocess.run(
        ["bash", str(SCRIPT), "start", str(folder), str(free_port()), str(free_port())],
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    assert started.returncode == 0, started.stderr
    try:
        yield started.stdout.strip()
        assert "Error" not in (folder / "grant.log").read_text()
    finally:
        subprocess.run(
            ["bash", str(SCRIPT), "stop", str(folder)], timeout=30, check=False
        )


def report(store: str) -> list[dict[str, object]]:
    result = runner.invoke(
        app,
        [
            "contradictions",
            "--pairs",
            "--store",
            store,
            "--format",
            "json",
            "--corroborations",
        ],
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


@pytest.fixture
def empty(endpoint: str) -> str:
    """The server with every graph claimgraph wrote dropped."""
    with open_store(endpoint) as store:
        rows = store.endpoint.query(  # type: ignore[union-attr]
            "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", {}, 60
        )
        ours = [str(r[0]) for r in rows if str(r[0]).startswith("https://w3id.org/")]  # type: ignore[index]
        if ours:
            store.endpoint.update(  # type: ignore[union-attr]
                " ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in ours)
            )
    return endpoint


def findings(store: object) -> list[dict[str, object]]:
    kinds = ("contradiction", "corroboration")
    return [finding_json(r) for r in load_findings(store, kinds=kinds)]  # type: ignore[arg-type]


def test_fake_extractor_ingest_matches_the_embedded_store(
    empty: str, tmp_path: Path
) -> None:
    """No model needed: generated articles through Virtuoso and through Oxigraph."""
    write_articles(tmp_path / "a", 6)
    local = open_store(":memory:")
    ingest_paths(local, [str(tmp_path / "a")], extractor=fake_extractor)
    with open_store(empty) as remote:
        assert remote.endpoint is not None and remote.endpoint.union_default
        report = ingest_paths(remote, [str(tmp_path / "a")], extractor=fake_extractor)
        # Written as Graph Store documents (/sparql-graph-crud, guessed).
        written = remote.endpoint.graph_store
        assert written is not None and written.confirmed and not written.off
        assert report.findings == 24
        assert findings(remote) == findings(local)
        # Pages (aggregates, values bound inline) are slices of the whole report.
        whole = load_findings(remote, kinds=("contradiction", "corroboration"))
        side = next(a.side for r in whole for a in r.assertions if a.side)
        for filters in ({}, {"side": side}):
            kept = load_findings(remote, kinds=("contradiction",), **filters)  # type: ignore[arg-type]
            pages = [
                load_findings_page(remote, limit=5, offset=offset, **filters)  # type: ignore[arg-type]
                for offset in range(0, len(kept) + 1, 5)
            ]
            assert kept and {page.total for page in pages} == {len(kept)}
            assert [r for page in pages for r in page.records] == kept
        assert len(remote) == len(local)
        # Claim graphs are real named graphs; asserted triples are in ASSERTED.
        raw = remote.endpoint.query  # type: ignore[union-attr]
        graphs = raw(
            "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?v ckg:aspect ?a } }",
            {},
            60,
        )
        assert int(next(iter(graphs))[0]) == 24  # type: ignore[index]
        assert not remote.ask(
            "ASK { ?v ckg:aspect ?a }"
        )  # not asserted, even though Virtuoso's default graph is the union
        assert remote.ask("ASK { GRAPH ?g { ?a a ckg:Article } }", {"g": ASSERTED})
        # CONSTRUCT comes back as a graph, not a table (export, validate).
        dump = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
        asserted = remote.query(dump).graph
        assert asserted is not None and len(asserted) == len(local.query(dump).graph)  # type: ignore[arg-type]
        # Updates (clear-findings) reach the asserted graph: detect rebuilds.
        assert refresh(remote) == 24
        assert findings(remote) == findings(local)


def test_insert_data_fallback_and_graph_store_store_the_same(
    empty: str, tmp_path: Path
) -> None:
    """A guessed Graph Store URL that is refused: INSERT DATA, same results."""
    write_articles(tmp_path / "a", 4)
    local = open_store(":memory:")
    ingest_paths(local, [str(tmp_path / "a")], extractor=fake_extractor)
    with open_store(empty) as remote:
        assert remote.endpoint is not None
        missing = empty.replace("/sparql", "/no-such-graph-store")
        remote.endpoint.graph_store = GraphStore(missing, guessed=True)
        ingest_paths(remote, [str(tmp_path / "a")], extractor=fake_extractor)
        assert remote.endpoint.graph_store.off
        assert findings(remote) == findings(local)
        assert len(remote) == len(local)
    # Awkward literals come back the same whichever way they were written.
    x = "https://w3id.org/claimgraph/id/test/"
    values = [
        Literal('q " b \\ nl \n cr \r tab \t ctl \x01 é 日本 😀 """'),
        Literal("x", lang="en-GB"),
        Literal("2018-09-18", datatype=XSD.date),
        Literal("3.50", datatype=XSD.decimal),
        Literal(""),
    ]
    read = "SELECT ?s ?o WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?s"
    answers = []
    for mode in ("auto", "none"):
        with open_store(empty, settings=Settings(sparql_graph_store=mode)) as remote:
            remote.update(f"DROP SILENT GRAPH <{x}g>")
            remote.add_quads(
                [
                    (URIRef(f"{x}s{n}"), URIRef(f"{x}p"), value, URIRef(f"{x}g"))
                    for n, value in enumerate(values)
                ]
            )
            rows = remote.query(read, {"g": URIRef(f"{x}g")})
            answers.append([tuple(row) for row in rows])  # type: ignore[arg-type]
    assert answers[0] == answers[1] and len(answers[0]) == len(values)
    assert answers[0][0][1] == values[0]


def test_explicit_graph_store_refusal_is_one_line(empty: str, tmp_path: Path) -> None:
    write_articles(tmp_path / "a", 1)
    missing = empty.replace("/sparql", "/no-such-graph-store")
    settings = Settings(sparql_graph_store=missing)
    with open_store(empty, settings=settings) as remote:
        with pytest.raises(StoreError) as raised:
            ingest_paths(remote, [str(tmp_path / "a")], extractor=fake_extractor)
    message = str(raised.value)
    assert message.startswith(
        f"Graph Store endpoint {missing} (CLAIMGRAPH_SPARQL_GRAPH_STORE) "
        "refused a write (HTTP 404: "
    )
    assert "\n" not in message and "<" not in message


@pytest.mark.model
def test_ingest_and_report_match_the_embedded_store(empty: str, tmp_path: Path) -> None:
    endpoint = empty
    local = str(tmp_path / "local")
    for store in (endpoint, local):
        result = runner.invoke(
            app, ["ingest", str(SEED), str(OTHER), "--store", store, "-q"]
        )
        assert result.exit_code == 0, result.output
    remote_report, local_report = report(endpoint), report(local)
    assert remote_report
    for remote, local in zip(remote_report, local_report, strict=True):
        assert remote == local
    aspects = {f["aspect"] for f in remote_report}
    assert {"AdvanceNotice", "Responsibility", "Location"} <= aspects
    again = runner.invoke(app, ["ingest", str(SEED), "--store", endpoint, "-q"])
    assert "unchanged" in again.stdout
    query = runner.invoke(
        app, ["query", "who-blames-whom", "--store", endpoint, "--format", "json"]
    )
    assert query.exit_code == 0 and json.loads(query.stdout)
