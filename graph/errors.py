"""Exceptions raised by claimgraph.

Every error the library raises on purpose derives from :class:`CkgError`, so the
CLI can catch exactly one type and turn it into a one-line message::

    CkgError
     ├── InputError          bad article input (missing, empty, binary, too big)
     ├── StoreError          the store cannot be opened, is locked or is unreachable
     │    └── StoreBusyError another process holds the store
     ├── QueryError          invalid SPARQL, unknown named query, query timeout
     │    └── RefusedError   an update given as a query, SERVICE or LOAD not allowed
     ├── UsageError          an argument out of range or in the wrong form
     ├── OntologyError       broken lexicon, rule or shape file
     ├── ModelError          the spaCy model cannot be loaded
     └── ValidationFailed    SHACL validation found violations
"""

from __future__ import annotations


class CkgError(Exception):
    """Root of every error claimgraph raises on purpose."""

    def __init__(
        self, message: str = "", *, setting: str | None = None, name: str = ""
    ) -> None:
        self.setting = setting
        self.template = message if setting is not None else None
        super().__init__(
            message.replace("{name}", name) if setting is not None else message
        )

    def naming(self, name: str) -> str:
        """The message with the value called ``name`` (e.g. the CLI's flag)."""
        return self.template.replace("{name}", name) if self.template else str(self)


class InputError(CkgError):
    """An input article cannot be read or is not usable text."""


class StoreError(CkgError):
    """The RDF store cannot be opened, read or written."""


class StoreBusyError(StoreError):
    """Another process is using the store."""


class QueryError(CkgError):
    """A SPARQL query is invalid, unknown or timed out."""


class RefusedError(QueryError):
    """A SPARQL operation is valid but not allowed here (update, SERVICE, LOAD)."""


class UsageError(CkgError):
    """An argument or setting has a value that is not valid."""


class OntologyError(CkgError):
    """An ontology, lexicon, rule or shape file is missing or malformed."""


class ModelError(CkgError):
    """The spaCy language model cannot be loaded."""


class ValidationFailed(CkgError):
    """SHACL validation of the store found violations."""
