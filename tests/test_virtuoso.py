"""A real SPARQL server: ingest -> contradictions on Debian's Virtuoso, on loopback."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "virtuoso.sh"
SEED = ROOT / "seeds" / "il20-breitbart-2018-09-18.txt"
OTHER = ROOT / "corpus" / "gold" / "fishing-dispute.txt"

pytestmark = [
    pytest.mark.server,
    pytest.mark.model,
    pytest.mark.slow,
    pytest.mark.skipif(
        shutil.which("virtuoso-t") is None,
        reason="virtuoso-opensource is not installed",
    ),
]
runner = CliRunner()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


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
    finally:
        subprocess.run(
            ["bash", str(SCRIPT), "stop", str(folder)], timeout=30, check=False
        )


def report(store: str) -> list[dict[str, object]]:
    result = runner.invoke(
        app,
        ["contradictions", "--store", store, "--format", "json", "--corroborations"],
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_ingest_and_report_match_the_embedded_store(
    endpoint: str, tmp_path: Path
) -> None:
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
