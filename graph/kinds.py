"""The closed value sets: finding kinds and types, polarity, certainty.

``StrEnum`` members are strings (``FindingKind.CONTRADICTION == "contradiction"``),
so JSON output, dict keys and SPARQL bindings keep the plain values.
"""

from __future__ import annotations

from enum import StrEnum


class FindingKind(StrEnum):
    """What a finding says about two assertions (the rule header ``# finding:``)."""

    CONTRADICTION = "contradiction"
    CORROBORATION = "corroboration"
    RESTATEMENT = "restatement"
    REVISION = "revision"


class FindingType(StrEnum):
    """The conflict type of a finding (the CLI's ``--type``)."""

    AGREEMENT = "agreement"
    IMPLICATION = "implication"
    NUMERIC = "numeric"
    POLARITY = "polarity"
    REBUTTAL = "rebuttal"
    REVISION = "revision"
    SAME_STATEMENT = "same-statement"
    VALUE = "value"


class Polarity(StrEnum):
    """Whether the content is asserted or denied."""

    POSITIVE = "positive"
    NEGATIVE = "negative"
    UNKNOWN = "unknown"


class Certainty(StrEnum):
    """The speaker's commitment, after FactBank (CT, PR, PS, U)."""

    CERTAIN = "certain"
    PROBABLE = "probable"
    POSSIBLE = "possible"
    UNDERSPECIFIED = "underspecified"


#: Every finding kind, in the order rules and messages list them.
FINDING_KINDS: tuple[str, ...] = tuple(kind.value for kind in FindingKind)
