"""What a report or a graph view shows: :class:`ReportFilter`, :class:`GraphFilter`.

Both are frozen and check their values when made, so a bad filter fails before
the store is opened. Strings are accepted where enums are expected
(``kinds=("contradiction",)``) and become enum members.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .errors import UsageError
from .kinds import FindingKind, FindingType


def _kinds(values: Iterable[str]) -> tuple[FindingKind, ...]:
    valid = {kind.value for kind in FindingKind}
    odd = sorted(set(values) - valid)
    if odd:
        raise UsageError(
            f"Unknown finding kind '{odd[0]}'. Valid: {', '.join(sorted(valid))}."
        )
    return tuple(FindingKind(value) for value in dict.fromkeys(values))


def _types(values: Iterable[str]) -> tuple[FindingType, ...]:
    valid = {kind.value for kind in FindingType}
    lowered = [value.lower() for value in values]
    unknown = sorted(set(lowered) - valid)
    if unknown:
        raise UsageError(
            f"Unknown finding type '{unknown[0]}'. Valid: {', '.join(sorted(valid))}."
        )
    return tuple(FindingType(value) for value in dict.fromkeys(lowered))


@dataclass(frozen=True)
class ReportFilter:
    """Which findings a report shows, and which page of them.

    :param kinds: finding kinds to report (default: contradictions only).
    :param side: only findings with an assertion of this side (case-insensitive).
    :param event: only incidents whose label contains this (case-insensitive).
    :param types: only these conflict types (default: all).
    :param min_confidence: only findings at least this confident (0 to 1).
    :param limit: at most this many findings (a page); ``None``: all.
    :param offset: skip this many findings first.
    """

    kinds: tuple[FindingKind, ...] = (FindingKind.CONTRADICTION,)
    side: str | None = None
    event: str | None = None
    types: tuple[FindingType, ...] = ()
    min_confidence: float = 0.0
    limit: int | None = None
    offset: int = 0

    def __post_init__(self) -> None:
        # Types first, then kinds: the order the CLI has always checked them in.
        object.__setattr__(self, "types", _types(self.types))
        object.__setattr__(self, "kinds", _kinds(self.kinds))
        if not 0.0 <= self.min_confidence <= 1.0:
            raise UsageError(
                f"{{name}} must be between 0 and 1, not {self.min_confidence:g}.",
                setting="min_confidence",
                name="The minimum confidence",
            )
        if (self.limit is not None and self.limit < 1) or self.offset < 0:
            raise UsageError(
                f"Invalid page (limit {self.limit}, offset {self.offset}): the limit "
                "must be at least 1 and the offset at least 0."
            )

    @classmethod
    def parse(
        cls,
        *,
        kinds: Iterable[str] = ("contradiction",),
        side: str | None = None,
        event: str | None = None,
        types: Iterable[str] = (),
        min_confidence: float = 0.0,
        limit: int | None = None,
        offset: int = 0,
    ) -> ReportFilter:
        """A filter from plain strings (a command line's); unknown names are
        refused with the valid ones."""
        return cls(
            kinds=_kinds(kinds),
            side=side,
            event=event,
            types=_types(types),
            min_confidence=min_confidence,
            limit=limit,
            offset=offset,
        )

    @property
    def paged(self) -> bool:
        """Whether a page is asked for (a limit or an offset)."""
        return self.limit is not None or self.offset != 0


@dataclass(frozen=True)
class GraphFilter:
    """Which part of the graph a view draws.

    :param event: only incidents whose label contains this (case-insensitive).
    :param actor: only speakers whose name contains this (case-insensitive).
    :param side: only assertions by this side, and those they dispute.
    :param contradictions_only: only assertions in a contradiction.
    :param max_nodes: at most this many nodes; the least disputed go first.
    :param disputes: parties and the positions they hold instead of assertions;
        ``None``: so when the store holds many findings.
    """

    event: str | None = None
    actor: str | None = None
    side: str | None = None
    contradictions_only: bool = False
    max_nodes: int = 500
    disputes: bool | None = None

    def __post_init__(self) -> None:
        if self.max_nodes < 1:
            raise UsageError(
                f"{{name}} must be at least 1, not {self.max_nodes}.",
                setting="max_nodes",
                name="The node cap",
            )
