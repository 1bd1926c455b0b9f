"""Settings: every ``CLAIMGRAPH_*`` environment variable, read in one place.

:meth:`Settings.from_env` reads the environment once; the result is passed down
to the store, the input reader, the rules and the lexicon, so no other module
reads ``os.environ``. Override a field in code with :func:`dataclasses.replace`::

    settings = dataclasses.replace(Settings.from_env(), query_timeout=5.0)

=================================  ======================  =======================
variable                           field                   default
=================================  ======================  =======================
``CLAIMGRAPH_STORE``               ``store``               ``.claimgraph``
``CLAIMGRAPH_QUERY_TIMEOUT``       ``query_timeout``       none (no limit)
``CLAIMGRAPH_LOCK_WAIT``           ``lock_wait``           none (fail at once)
``CLAIMGRAPH_SPARQL_USER``         ``sparql_user``         none (no HTTP Basic)
``CLAIMGRAPH_SPARQL_PASSWORD``     ``sparql_password``     empty
``CLAIMGRAPH_SPARQL_GRAPHS``       ``sparql_graphs``       none (probe the server)
``CLAIMGRAPH_SPARQL_GRAPH_STORE``  ``sparql_graph_store``  none (``auto``)
``CLAIMGRAPH_MAX_BYTES``           ``max_bytes``           5,000,000
``CLAIMGRAPH_RULES_DIR``           ``rules_dir``           none
``CLAIMGRAPH_LEXICON_DIR``         ``lexicon_dir``         none
``CLAIMGRAPH_REAL_CORPUS``         ``real_corpus``         ``.real-corpus``
``CLAIMGRAPH_SEMANTIC``            ``semantic``            off
=================================  ======================  =======================
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError, StoreError, UsageError

DEFAULT_LOCATION = ".claimgraph"
DEFAULT_MAX_BYTES = 5_000_000
DEFAULT_REAL_CORPUS = Path(".real-corpus")
#: How a SPARQL endpoint's graphs are used (``graph.store.endpoint.Endpoint``).
SPARQL_GRAPHS = ("default", "asserted")

ENV_STORE = "CLAIMGRAPH_STORE"
ENV_QUERY_TIMEOUT = "CLAIMGRAPH_QUERY_TIMEOUT"
ENV_LOCK_WAIT = "CLAIMGRAPH_LOCK_WAIT"
ENV_SPARQL_USER = "CLAIMGRAPH_SPARQL_USER"
ENV_SPARQL_PASSWORD = "CLAIMGRAPH_SPARQL_PASSWORD"
ENV_SPARQL_GRAPHS = "CLAIMGRAPH_SPARQL_GRAPHS"
ENV_SPARQL_GRAPH_STORE = "CLAIMGRAPH_SPARQL_GRAPH_STORE"
ENV_MAX_BYTES = "CLAIMGRAPH_MAX_BYTES"
ENV_RULES = "CLAIMGRAPH_RULES_DIR"
ENV_LEXICON = "CLAIMGRAPH_LEXICON_DIR"
ENV_REAL_CORPUS = "CLAIMGRAPH_REAL_CORPUS"
ENV_SEMANTIC = "CLAIMGRAPH_SEMANTIC"
_SWITCH = {"1": True, "true": True, "yes": True, "on": True}
_SWITCH |= {"0": False, "false": False, "no": False, "off": False}


def check_seconds(value: float | None, what: str, setting: str) -> None:
    """Refuse a duration that is not a positive number of seconds."""
    if value is not None and not value > 0:
        raise UsageError(
            f"{{name}} must be a positive number of seconds, not {value:g}.",
            setting=setting,
            name=what,
        )


@dataclass(frozen=True)
class Settings:
    """Where the store is, how long to wait, and where user rules and lexicons are.

    Every field has a default; :meth:`from_env` fills them from the environment.
    """

    #: Store location: a directory, ``:memory:``, ``rdflib:memory`` or a URL.
    store: str = DEFAULT_LOCATION
    #: Seconds allowed per query; ``None``: no limit.
    query_timeout: float | None = None
    #: Seconds to wait while another process writes the store; ``None``: fail.
    lock_wait: float | None = None
    #: HTTP Basic user for a SPARQL endpoint; ``None``: no credentials.
    sparql_user: str | None = None
    sparql_password: str = field(default="", repr=False)
    #: ``"default"``, ``"asserted"``, or ``None`` to ask the endpoint.
    sparql_graphs: str | None = None
    #: Where remote writes are POSTed as documents (SPARQL Graph Store
    #: Protocol): a URL, ``"none"``, or ``None``/``"auto"`` (Virtuoso's, guessed).
    sparql_graph_store: str | None = None
    #: Size limit per input article, in bytes.
    max_bytes: int = DEFAULT_MAX_BYTES
    #: A folder of extra ``.rq`` rules.
    rules_dir: Path | None = None
    #: A folder of extra lexicon ``.ttl`` files.
    lexicon_dir: Path | None = None
    #: Where the texts of real-news sets are (``docs/real-news.md``).
    real_corpus: Path = DEFAULT_REAL_CORPUS
    #: Sentence similarity chooses open-rule candidates the word test misses
    #: (``graph.detect.similar``; needs the ``semantic`` extra).
    semantic: bool = False

    def __post_init__(self) -> None:
        if not self.store:
            raise UsageError(
                "{name} must not be empty.", setting="store", name="The store location"
            )
        check_seconds(self.query_timeout, "The query timeout", "query_timeout")
        check_seconds(self.lock_wait, "The lock wait", "lock_wait")
        if self.sparql_graphs is not None and self.sparql_graphs not in SPARQL_GRAPHS:
            raise UsageError(
                "{name} must be 'default' or 'asserted', not "
                f"'{self.sparql_graphs}'.",
                setting="sparql_graphs",
                name="The SPARQL graphs mode",
            )
        store = self.sparql_graph_store
        if store is not None and not _graph_store_value(store):
            raise UsageError(
                f"{{name}} must be 'auto', 'none' or an http(s) URL, not '{store}'.",
                setting="sparql_graph_store",
                name="The SPARQL Graph Store URL",
            )
        if self.max_bytes < 0:
            raise UsageError(
                f"{{name}} must be a whole number of bytes, not {self.max_bytes}.",
                setting="max_bytes",
                name="The size limit",
            )

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Settings from ``environ`` (default ``os.environ``); unset means default.

        Raises :class:`StoreError` or :class:`InputError` naming the variable
        whose value is not valid.
        """
        env = os.environ if environ is None else environ

        def text(name: str) -> str | None:
            return env.get(name) or None

        def seconds(name: str) -> float | None:
            raw = text(name)
            if raw is None:
                return None
            try:
                value = float(raw)
            except ValueError:
                value = -1.0
            if not value > 0:
                raise StoreError(
                    f"{name} must be a positive number of seconds, not '{raw}'."
                )
            return value

        def folder(name: str) -> Path | None:
            raw = text(name)
            return Path(raw) if raw else None

        raw_bytes = text(ENV_MAX_BYTES)
        try:
            limit = DEFAULT_MAX_BYTES if raw_bytes is None else int(raw_bytes)
            if limit < 0:
                raise ValueError(raw_bytes)
        except ValueError:
            raise InputError(
                f"{ENV_MAX_BYTES} must be a whole number of bytes, not '{raw_bytes}'."
            ) from None
        mode = (text(ENV_SPARQL_GRAPHS) or "").strip().lower()
        if mode not in ("", *SPARQL_GRAPHS):
            raise StoreError(
                f"{ENV_SPARQL_GRAPHS} must be 'default' or 'asserted', not '{mode}'."
            )
        graph_store = text(ENV_SPARQL_GRAPH_STORE)
        if graph_store is not None and not _graph_store_value(graph_store):
            raise StoreError(
                f"{ENV_SPARQL_GRAPH_STORE} must be 'auto', 'none' or an http(s) URL, "
                f"not '{graph_store}'."
            )
        switch = (text(ENV_SEMANTIC) or "off").strip().lower()
        if switch not in _SWITCH:
            raise UsageError(
                f"{ENV_SEMANTIC} must be 'on' or 'off' (or 1/0, yes/no, true/false), "
                f"not '{switch}'."
            )
        return cls(
            store=text(ENV_STORE) or DEFAULT_LOCATION,
            query_timeout=seconds(ENV_QUERY_TIMEOUT),
            lock_wait=seconds(ENV_LOCK_WAIT),
            sparql_user=text(ENV_SPARQL_USER),
            sparql_password=env.get(ENV_SPARQL_PASSWORD, ""),
            sparql_graphs=mode or None,
            sparql_graph_store=graph_store,
            max_bytes=limit,
            rules_dir=folder(ENV_RULES),
            lexicon_dir=folder(ENV_LEXICON),
            real_corpus=folder(ENV_REAL_CORPUS) or DEFAULT_REAL_CORPUS,
            semantic=_SWITCH[switch],
        )


def _graph_store_value(value: str) -> bool:
    return value in ("auto", "none") or value.startswith(("http://", "https://"))


def resolve_settings(settings: Settings | None) -> Settings:
    """``settings``, or the environment's when none are given."""
    return settings if settings is not None else Settings.from_env()
