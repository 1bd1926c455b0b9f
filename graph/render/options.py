"""Option types of the CLI that several commands share, or that one has many of.

``cli.py`` declares its commands with these (typer reads the annotations):
``--store`` and ``--format`` for every report, and the options of
``contradictions``, ``brief`` and ``serve``.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer

from ..settings import Settings
from .dispute_text import DisputeFormat
from .terminal import ReportFormat

StoreOption = Annotated[
    str | None,
    typer.Option(
        "--store",
        "-s",
        help="Store: a directory (embedded Oxigraph), ':memory:', or a SPARQL "
        "endpoint URL. Default: $CLAIMGRAPH_STORE or ./.claimgraph",
        show_default=False,
    ),
]
FormatOption = Annotated[ReportFormat, typer.Option("--format", "-f")]
SemanticOption = Annotated[
    bool | None,
    typer.Option(
        "--semantic/--no-semantic",
        help="Let sentence similarity choose open-rule candidates that share few "
        "words (needs the 'semantic' extra). Default: $CLAIMGRAPH_SEMANTIC or off.",
        show_default=False,
    ),
]


def settings_for(semantic: bool | None) -> Settings | None:
    """The environment's settings with ``--semantic/--no-semantic`` applied
    (None when the flag is not given: the library reads the environment)."""
    if semantic is None:
        return None
    return replace(Settings.from_env(), semantic=semantic)


# --- serve --------------------------------------------------------------------

WritableOption = Annotated[
    bool,
    typer.Option(
        "--writable",
        help="Accept SPARQL updates; each must carry the token "
        "(Authorization: Bearer TOKEN, or HTTP Basic with it as password).",
    ),
]
TokenOption = Annotated[
    str | None,
    typer.Option(
        "--token",
        envvar="CLAIMGRAPH_SERVE_TOKEN",
        help="Token for updates (default: a new one, printed at start).",
        show_default=False,
    ),
]
ServeTimeoutOption = Annotated[
    float,
    typer.Option(min=0.001, help="Seconds a query may run before it is stopped."),
]
ServerNameOption = Annotated[
    list[str] | None,
    typer.Option(
        "--server-name",
        help="Also accept requests addressed to this host name (Host header); "
        "repeatable. Loopback names and the --host address are always accepted.",
    ),
]
AllowFetchOption = Annotated[
    list[str] | None,
    typer.Option(
        "--allow-fetch",
        help="Let SERVICE and LOAD reach this host; repeatable. "
        "By default the server fetches nothing from the network.",
    ),
]

# --- contradictions -------------------------------------------------------------

DisputeFormatOption = Annotated[DisputeFormat, typer.Option("--format", "-f")]
PairsOption = Annotated[
    bool, typer.Option("--pairs", help="List pairwise findings, not disputes.")
]
PartyOption = Annotated[
    str | None, typer.Option(help="Only findings involving this party or state.")
]
EventOption = Annotated[
    str | None, typer.Option(help="Only events whose label contains this.")
]
TypeOption = Annotated[
    list[str] | None,
    typer.Option(
        "--type",
        help="value, polarity, numeric, implication, rebuttal, agreement, revision.",
    ),
]
MinConfidenceOption = Annotated[float, typer.Option(min=0.0, max=1.0)]
CorroborationsOption = Annotated[
    bool, typer.Option("--corroborations", help="Include corroborations.")
]
RevisionsOption = Annotated[
    bool,
    typer.Option(
        "--revisions", help="Include revisions (a side changing its own figure)."
    ),
]
FailOnFoundOption = Annotated[
    bool, typer.Option("--fail-on-found", help="Exit 3 when anything is reported.")
]
LimitOption = Annotated[
    int | None, typer.Option(min=1, help="Show at most this many findings (a page).")
]
OffsetOption = Annotated[
    int, typer.Option(min=0, help="Skip this many findings first.")
]

# --- brief ------------------------------------------------------------------------

BriefOutputOption = Annotated[
    Path | None, typer.Option("--output", "-o", help="File (default: stdout).")
]
BriefFormatOption = Annotated[
    str, typer.Option("--format", "-f", help="html or markdown.")
]
BriefEventOption = Annotated[
    str | None, typer.Option(help="Only this incident (label contains).")
]

# --- viz --------------------------------------------------------------------------

VizOutputOption = Annotated[Path, typer.Option("--output", "-o")]
VizEventOption = Annotated[
    str | None, typer.Option(help="Only this event (label contains).")
]
VizActorOption = Annotated[
    str | None, typer.Option(help="Only this actor (name contains).")
]
VizSideOption = Annotated[
    str | None,
    typer.Option(help="Only assertions by this side (and those they dispute)."),
]
ContradictionsOnlyOption = Annotated[
    bool, typer.Option("--contradictions-only", help="Only disputed assertions.")
]
MaxNodesOption = Annotated[int, typer.Option(min=10, help="Cap on nodes shown.")]
DisputeViewOption = Annotated[
    bool | None,
    typer.Option(
        "--disputes/--assertions",
        help="Parties and the positions they hold, or assertions "
        "(default: disputes above 300 findings).",
    ),
]
