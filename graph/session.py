"""The library's front door: :class:`ClaimGraph`, one store and its settings.

In the spirit of sqlite-utils' ``Database`` and httpx's ``Client``::

    with ClaimGraph(":memory:") as graph:
        graph.ingest(["seeds/"])
        for finding in graph.findings(ReportFilter(min_confidence=0.5)):
            print(finding.event, finding.explanation)

The store is opened on first use (read-only for reads, so a missing store is an
error and not an empty new one) and stays open until :meth:`ClaimGraph.close`
or the end of the ``with`` block, so an in-memory store keeps what was ingested.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from .detect.validate import ValidationResult
from .errors import InputError, UsageError
from .evaluate.real import RealReport
from .evaluate.scoring import EvalReport
from .filters import GraphFilter, ReportFilter
from .models import Article
from .pipeline import IngestReport, Progress
from .render.viz import VizResult
from .report.disputes import DisputePage
from .report.findings import AssertionRecord, FindingRecord
from .report.pages import FindingPage
from .results import GraphStats, QueryTable
from .settings import Settings, check_seconds, resolve_settings
from .store import MEMORY, RDFLIB_MEMORY, ClaimStore, open_store

if TYPE_CHECKING:
    from .serve.security import ServeOptions

Source = str | os.PathLike[str]


class ClaimGraph:
    """A claim graph in one store: ingest articles, read findings, query, export.

    :param store: a directory (embedded Oxigraph), ``":memory:"``, or a SPARQL
        endpoint URL; default ``settings.store``.
    :param settings: default :meth:`Settings.from_env`.
    """

    def __init__(
        self, store: Source | None = None, *, settings: Settings | None = None
    ) -> None:
        self.settings = resolve_settings(settings)
        given = str(store) if store is not None else ""
        #: Where the store is (a path, ``:memory:`` or a URL).
        self.location = given or self.settings.store
        self._store: ClaimStore | None = None

    def __repr__(self) -> str:
        return f"ClaimGraph({self.location!r})"

    def __enter__(self) -> ClaimGraph:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the store (a later call opens it again)."""
        if self._store is not None:
            self._store.close()
            self._store = None

    def store(self, *, write: bool = False) -> ClaimStore:
        """The open store; reopened for writing when ``write`` and it was not."""
        opened = self._store
        if opened is not None and (not write or not opened.read_only):
            return opened
        self.close()
        # In-memory stores are always writable: there is nothing to protect.
        read_only = not write and self.location not in (MEMORY, RDFLIB_MEMORY)
        self._store = open_store(
            self.location, read_only=read_only, settings=self.settings
        )
        return self._store

    # Writing ---------------------------------------------------------------

    def ingest(
        self,
        sources: Iterable[Source | Article],
        *,
        jobs: int = 1,
        progress: Progress | None = None,
    ) -> IngestReport:
        """Read, extract and store articles, then detect findings against the store.

        :param sources: files, folders and ``"-"`` (standard input), or
            :class:`~graph.models.Article` objects; not both in one call.
        :param jobs: worker processes for extraction (same result for any number).
        :param progress: called as ``progress(done, total, article_id)``.
        """
        from .pipeline import ingest_articles, ingest_paths

        if jobs < 1:
            raise UsageError(
                f"{{name}} must be at least 1, not {jobs}.",
                setting="jobs",
                name="The number of jobs",
            )
        items = list(sources)
        articles = [item for item in items if isinstance(item, Article)]
        if articles and len(articles) != len(items):
            raise InputError("Give paths or Article objects to ingest, not both.")
        if articles:
            return ingest_articles(
                self.store(write=True),
                articles,
                jobs=jobs,
                progress=progress,
                settings=self.settings,
            )
        paths = [str(item) for item in items if not isinstance(item, Article)]
        return ingest_paths(
            self.store(write=True),
            paths,
            jobs=jobs,
            progress=progress,
            settings=self.settings,
        )

    def detect(self) -> int:
        """Delete all findings and run every rule again; the number of findings."""
        from .detect.detection import refresh
        from .detect.rules import load_rules
        from .detect.similar import similar_pairs

        similar = similar_pairs(self.settings)
        return refresh(self.store(write=True), load_rules(self.settings), similar)

    # Reading ---------------------------------------------------------------

    def findings(self, filter: ReportFilter | None = None) -> list[FindingRecord]:
        """Findings kept by ``filter`` (default: every contradiction), grouped by
        incident and aspect; one page of them when the filter asks for one."""
        chosen = filter or ReportFilter()
        if chosen.paged:
            return self.findings_page(chosen).records
        from .report.findings import load_findings

        return load_findings(
            self.store(),
            kinds=chosen.kinds,
            side=chosen.side,
            event=chosen.event,
            types=chosen.types,
            min_confidence=chosen.min_confidence,
        )

    def findings_page(self, filter: ReportFilter | None = None) -> FindingPage:
        """One page of :meth:`findings` (``filter.limit``, ``filter.offset``) and
        the number of findings in all; far faster than the whole report."""
        from .report.pages import load_findings_page

        chosen = filter or ReportFilter()
        return load_findings_page(
            self.store(),
            limit=chosen.limit if chosen.limit is not None else sys.maxsize,
            offset=chosen.offset,
            kinds=chosen.kinds,
            side=chosen.side,
            event=chosen.event,
            types=chosen.types,
            min_confidence=chosen.min_confidence,
        )

    def disputes(self, filter: ReportFilter | None = None) -> DisputePage:
        """Disputes (one per incident and proposition, with positions, parties
        and statements) kept by ``filter``'s side, event, types and confidence,
        and the page it asks for; ``filter.kinds`` does not apply."""
        from .report.disputes import load_disputes

        chosen = filter or ReportFilter()
        records = load_disputes(
            self.store(),
            side=chosen.side,
            event=chosen.event,
            types=chosen.types,
            min_confidence=chosen.min_confidence,
        )
        end = None if chosen.limit is None else chosen.offset + chosen.limit
        return DisputePage(records[chosen.offset : end], len(records))

    def brief(
        self,
        output: Path | None = None,
        *,
        format: str = "html",
        event: str | None = None,
    ) -> str:
        """A shareable brief of the disputes (one incident with ``event``) as
        standalone HTML or Markdown; written to ``output`` when given."""
        from .render.brief import brief_html, brief_markdown
        from .render.output import write_atomically
        from .report.disputes import load_disputes

        if format not in ("html", "markdown"):
            raise UsageError(f"Unknown brief format '{format}'. Valid: html, markdown.")
        records = load_disputes(self.store(), event=event)
        title = f"Disputes: {records[0].event}" if event and records else "Disputes"
        make = brief_html if format == "html" else brief_markdown
        text = make(records, title)
        if output is not None:
            write_atomically(output, text.encode("utf-8"))
        return text

    def assertions(self) -> list[AssertionRecord]:
        """Every stored assertion."""
        from .report.findings import load_assertions

        return load_assertions(self.store())

    def query(
        self,
        sparql: str,
        params: Mapping[str, str] | None = None,
        *,
        timeout: float | None = None,
    ) -> QueryTable:
        """Run a read query: SPARQL text, a ``.rq`` file or a shipped query's name.

        :param params: variables bound to string literals, by name.
        :param timeout: seconds (default ``settings.query_timeout``); past it,
            :class:`~graph.errors.QueryError`.
        """
        from .sparql import query_text, run_query

        check_seconds(timeout, "The query timeout", "timeout")
        text = query_text(sparql)
        return run_query(self.store(), text, params or {}, timeout)

    @staticmethod
    def queries() -> list[tuple[str, str]]:
        """Shipped read queries as (name, purpose)."""
        from .sparql import list_queries

        return list_queries()

    def validate(self) -> ValidationResult:
        """SHACL-validate the store; raises ValidationFailed on violations."""
        from .detect.validate import validate_store

        return validate_store(self.store())

    def stats(self) -> GraphStats:
        """Counts and the actors most involved in disputes."""
        from .render.network import stats

        return GraphStats.from_dict(stats(self.store()))

    # Writing files ---------------------------------------------------------

    def export(self, path: Source, format: str = "trig") -> int:
        """Write the store (``trig``, ``nquads``: quads written) or the actor
        network (``graphml``, ``gexf``: nodes written) to ``path``."""
        from .render.export import export_store

        return export_store(self.store(), Path(path), format)

    def visualise(self, path: Source, filter: GraphFilter | None = None) -> VizResult:
        """Write the interactive offline HTML graph to ``path``."""
        from .render.viz import visualise

        chosen = filter or GraphFilter()
        return visualise(
            self.store(),
            Path(path),
            event=chosen.event,
            actor=chosen.actor,
            side=chosen.side,
            contradictions_only=chosen.contradictions_only,
            max_nodes=chosen.max_nodes,
            disputes=chosen.disputes,
        )

    def serve(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 7878,
        writable: bool = False,
        options: ServeOptions | None = None,
    ) -> None:
        """Serve the store over the SPARQL 1.1 Protocol until interrupted.

        :param options: token, time limit, accepted host names and the hosts
            ``SERVICE`` and ``LOAD`` may reach (default: safe, read-only).
        """
        from .serve import serve

        serve(
            self.store(write=writable),
            host=host,
            port=port,
            writable=writable,
            options=options,
        )

    # Evaluation (no store) -------------------------------------------------

    def evaluate(
        self, gold: Sequence[Path], *, contradictions: bool = True
    ) -> EvalReport:
        """Score extraction (and the rules) against gold files or folders of them.

        A folder with an ``expected.json`` is also an incident: its articles are
        ingested one by one and the cross-article findings scored.
        """
        from .evaluate.runner import evaluate_gold

        return evaluate_gold(gold, contradictions=contradictions)

    def evaluate_real(
        self, folder: Path, *, texts: Path | None = None, split: str = "dev"
    ) -> RealReport:
        """Score dispute finding on a real-news set whose texts are in ``texts``
        (default ``settings.real_corpus``)."""
        from .evaluate.real import evaluate_real

        return evaluate_real(
            folder,
            texts or self.settings.real_corpus,
            split=split,
            settings=self.settings,
        )
