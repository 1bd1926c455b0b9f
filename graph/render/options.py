"""Option types of the CLI that several commands share, or that one has many of.

``cli.py`` declares its commands with these (typer reads the annotations):
``--store`` and ``--format`` for every report, and the options of ``serve``.
"""

from __future__ import annotations

from typing import Annotated

import typer

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
