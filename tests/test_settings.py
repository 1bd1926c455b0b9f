"""Settings: the environment read once, values checked, errors naming the value."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from claimgraph import CkgError, InputError, Settings, StoreError, UsageError
from claimgraph.graph.store import open_store


def test_defaults_and_environment() -> None:
    assert Settings.from_env({}) == Settings()
    settings = Settings.from_env(
        {
            "CLAIMGRAPH_STORE": "/data/store",
            "CLAIMGRAPH_QUERY_TIMEOUT": "2.5",
            "CLAIMGRAPH_LOCK_WAIT": "10",
            "CLAIMGRAPH_SPARQL_USER": "reader",
            "CLAIMGRAPH_SPARQL_PASSWORD": "pw",
            "CLAIMGRAPH_SPARQL_GRAPHS": "Asserted",
            "CLAIMGRAPH_SPARQL_GRAPH_STORE": "http://db/sparql-graph-crud",
            "CLAIMGRAPH_MAX_BYTES": "100",
            "CLAIMGRAPH_RULES_DIR": "/rules",
            "CLAIMGRAPH_LEXICON_DIR": "/lexicon",
            "CLAIMGRAPH_REAL_CORPUS": "/texts",
        }
    )
    assert settings == Settings(
        store="/data/store",
        query_timeout=2.5,
        lock_wait=10.0,
        sparql_user="reader",
        sparql_password="pw",
        sparql_graphs="asserted",
        sparql_graph_store="http://db/sparql-graph-crud",
        max_bytes=100,
        rules_dir=Path("/rules"),
        lexicon_dir=Path("/lexicon"),
        real_corpus=Path("/texts"),
    )
    assert "pw" not in repr(settings)


@pytest.mark.parametrize(
    ("variable", "value", "error", "message"),
    [
        ("CLAIMGRAPH_QUERY_TIMEOUT", "soon", StoreError, "positive number of seconds"),
        ("CLAIMGRAPH_LOCK_WAIT", "0", StoreError, "positive number of seconds"),
        ("CLAIMGRAPH_MAX_BYTES", "lots", InputError, "whole number of bytes"),
        ("CLAIMGRAPH_MAX_BYTES", "-1", InputError, "whole number of bytes"),
        ("CLAIMGRAPH_SPARQL_GRAPHS", "union", StoreError, "'default' or 'asserted'"),
        ("CLAIMGRAPH_SPARQL_GRAPH_STORE", "off", StoreError, "'auto', 'none' or an"),
    ],
)
def test_bad_environment_names_the_variable(
    variable: str, value: str, error: type[CkgError], message: str
) -> None:
    with pytest.raises(error, match=f"^{variable} must be .*{message}"):
        Settings.from_env({variable: value})


def test_code_overrides_are_checked_and_name_the_value() -> None:
    base = Settings()
    assert dataclasses.replace(base, query_timeout=1.0).query_timeout == 1.0
    with pytest.raises(UsageError) as raised:
        dataclasses.replace(base, query_timeout=0)
    assert str(raised.value) == (
        "The query timeout must be a positive number of seconds, not 0."
    )
    assert raised.value.setting == "query_timeout"
    assert raised.value.naming("--timeout") == (
        "--timeout must be a positive number of seconds, not 0."
    )
    with pytest.raises(UsageError, match="^The SPARQL graphs mode must be"):
        Settings(sparql_graphs="union")
    with pytest.raises(UsageError, match="^The SPARQL Graph Store URL must be"):
        Settings(sparql_graph_store="/sparql-graph-crud")


def test_settings_are_passed_down_not_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings(store=str(tmp_path / "store"), query_timeout=0.5)
    # The environment is not read when settings are given.
    monkeypatch.setenv("CLAIMGRAPH_QUERY_TIMEOUT", "not a number")
    with open_store(settings=settings) as store:
        assert store.location == settings.store
        assert store.timeout == 0.5
