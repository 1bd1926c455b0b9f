"""Load SPARQL files (rules and named queries) with their header comments.

Every ``.rq`` file starts with ``# key: value`` lines: ``id`` and ``purpose`` for
all of them; rules add ``finding`` (one of :data:`FINDING_KINDS`), ``type`` (a
conflict-type concept), ``confidence`` and ``explain`` (a template filled with
``{speaker1}``, ``{party1}``, ``{side1}``, ``{value1}``, ``{aspect}``, ``{event}``
...), and
optionally ``symmetric: yes`` (either order is one finding), ``link`` (an extra
``ckg:`` property from ``?a1`` to ``?a2``, e.g. ``rebuts``) and ``similarity``
(keep a row only when ``?value1`` and ``?value2`` share at least this share of
words; see :func:`graph.detect.relevance.word_overlap`) and ``select: best``
(keep for each ``?a1`` only its most related ``?a2``, for rules that return
every candidate a statement may answer; such a rule is a fallback, and a pair
another rule reports is left to that rule) and ``require: antonym`` (keep a row
only when one value holds a negated form of a word of the other: "unarmed" and
"armed"; see :func:`graph.detect.relevance.antonymous`; ``negated-apart``: the
words the values share are not negated in both).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from ...ontology import resource
from ..errors import OntologyError
from ..kinds import FINDING_KINDS
from ..settings import ENV_RULES, Settings, resolve_settings
from .relevance import REQUIRES as _CHECKS

_HEADER = re.compile(r"^#\s*([a-z]+):\s*(.*)$")
LINKS = ("rebuts",)


@dataclass(frozen=True)
class SparqlFile:
    """A query or rule with the metadata from its header."""

    id: str
    purpose: str
    text: str
    path: str
    meta: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Rule:
    """A contradiction or corroboration rule."""

    id: str
    purpose: str
    text: str
    path: str
    finding: str
    type: str
    confidence: float
    explain: str
    symmetric: bool = False
    link: str | None = None
    similarity: float | None = None
    select: str | None = None
    require: str | None = None


#: ``# require:`` values, the checks of :data:`graph.detect.relevance.REQUIRES`:
#: ``antonym`` keeps rows whose values hold a word and its negated form;
#: ``negated-apart`` keeps rows whose shared words the second value does not
#: negate too.
REQUIRES = tuple(_CHECKS)
#: ``# select:`` values: ``best`` keeps, for each ``?a1``, only the candidate
#: ``?a2`` most related to it (see :func:`graph.detect.relevance.relevance`).
SELECTS = ("best",)


def parse_sparql_file(text: str, path: str) -> SparqlFile:
    """Read the header of a ``.rq`` file; ``id`` and ``purpose`` are required."""
    meta: dict[str, str] = {}
    last = ""
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        match = _HEADER.match(line)
        if match:
            last = match.group(1)
            meta[last] = match.group(2).strip()
        elif last and line.startswith("#   "):
            meta[last] += " " + line[1:].strip()
    for key in ("id", "purpose"):
        if not meta.get(key):
            raise OntologyError(f"{path}: header line '# {key}: ...' is missing.")
    return SparqlFile(meta["id"], meta["purpose"], text, path, meta)


def _to_rule(item: SparqlFile) -> Rule:
    meta = item.meta
    finding = meta.get("finding", "")
    if finding not in FINDING_KINDS:
        raise OntologyError(
            f"{item.path}: '# finding:' must be one of {', '.join(FINDING_KINDS)}, "
            f"not '{finding}'."
        )
    try:
        confidence = float(meta.get("confidence", ""))
    except ValueError:
        raise OntologyError(
            f"{item.path}: '# confidence:' must be a number between 0 and 1."
        ) from None
    if not 0 <= confidence <= 1 or not meta.get("type") or not meta.get("explain"):
        raise OntologyError(
            f"{item.path}: a rule needs '# type:', '# explain:' and a confidence "
            "between 0 and 1."
        )
    link = meta.get("link") or None
    if link is not None and link not in LINKS:
        raise OntologyError(
            f"{item.path}: '# link:' must be one of {', '.join(LINKS)}, not '{link}'."
        )
    similarity = None
    if meta.get("similarity"):
        try:
            similarity = float(meta["similarity"])
        except ValueError:
            similarity = -1.0
        if not 0 < similarity <= 1:
            raise OntologyError(
                f"{item.path}: '# similarity:' must be a number in (0, 1], "
                f"not '{meta['similarity']}'."
            )
    select = meta.get("select") or None
    if select is not None and select not in SELECTS:
        raise OntologyError(
            f"{item.path}: '# select:' must be one of {', '.join(SELECTS)}, "
            f"not '{select}'."
        )
    require = meta.get("require") or None
    if require is not None and require not in REQUIRES:
        raise OntologyError(
            f"{item.path}: '# require:' must be one of {', '.join(REQUIRES)}, "
            f"not '{require}'."
        )
    return Rule(
        item.id,
        item.purpose,
        item.text,
        item.path,
        finding,
        meta["type"],
        confidence,
        meta["explain"],
        symmetric=meta.get("symmetric", "no").lower() == "yes",
        link=link,
        similarity=similarity,
        select=select,
        require=require,
    )


def _read_dir(files: list[tuple[str, str]]) -> list[SparqlFile]:
    return [parse_sparql_file(text, name) for name, text in sorted(files)]


def _package_files(node: Traversable, label: str) -> list[tuple[str, str]]:
    return [
        (f"{label}/{entry.name}", entry.read_text(encoding="utf-8"))
        for entry in node.iterdir()
        if entry.name.endswith(".rq")
    ]


def _user_files(folder: str | None) -> list[tuple[str, str]]:
    if not folder:
        return []
    path = Path(folder)
    if not path.is_dir():
        raise OntologyError(
            f"The extra rules folder {folder} ({ENV_RULES}) is not a directory."
        )
    return [(str(p), p.read_text(encoding="utf-8")) for p in sorted(path.glob("*.rq"))]


@lru_cache(maxsize=8)
def _load_rules(user_dir: str | None) -> tuple[Rule, ...]:
    items = _read_dir(
        _package_files(resource("rules"), "ontology/rules") + _user_files(user_dir)
    )
    rules = [_to_rule(item) for item in items]
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            raise OntologyError(f"{rule.path}: rule id '{rule.id}' is used twice.")
        seen.add(rule.id)
    return tuple(rules)


def load_rules(settings: Settings | None = None) -> tuple[Rule, ...]:
    """All rules: ``ontology/rules/*.rq`` plus ``settings.rules_dir/*.rq``
    (default: the environment's :class:`~graph.settings.Settings`)."""
    folder = resolve_settings(settings).rules_dir
    return _load_rules(str(folder) if folder else None)


@lru_cache(maxsize=1)
def load_queries() -> dict[str, SparqlFile]:
    """Named queries shipped in ``graph/queries/``, by id."""
    return {
        item.id: item
        for item in _read_dir(
            _package_files(files("claimgraph.graph") / "queries", "graph/queries")
        )
    }


def named_query(name: str) -> SparqlFile:
    """The named query ``name``; the error lists the valid names."""
    queries = load_queries()
    if name not in queries:
        raise OntologyError(
            f"Unknown query '{name}'. Available: {', '.join(sorted(queries))}."
        )
    return queries[name]
