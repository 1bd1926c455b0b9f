"""Plain data passed between extraction, RDF building and reporting.

Extraction fills these dataclasses and knows nothing of RDF; ``graph.rdf.build``
turns them into triples. Offsets are Python string indices (Unicode code points)
into :attr:`Article.text`, end-exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .kinds import Certainty, Polarity

ActorKind = Literal["state", "organisation", "person", "group", "unknown"]
ValueKind = Literal["actor", "polarity", "quantity", "duration"]
Comparator = Literal["eq", "lt", "le", "gt", "ge", "approx"]


@dataclass(frozen=True)
class Span:
    """A stretch of article text: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Article:
    """One input text with its metadata.

    ``id`` is stable: the URL when known, else a hash of the normalised text.
    """

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO 8601 date or datetime
    outlet: str | None = None
    path: str | None = None  # where it was read from, for messages only


@dataclass
class Actor:
    """A person, organisation, state or group mentioned in one article.

    ``key`` is unique within the article's extraction. ``side`` is the state the
    actor ultimately acts for (canonical English short name, e.g. ``"France"``),
    or ``None`` when the text does not say. ``acts_for`` is the key of the actor
    it acts on behalf of (a minister for a ministry, a ministry for a state).
    ``party`` is the key of the top of that chain, whatever it is: the state of
    an official, the company of a spokesman, the union of its leader; an actor
    that acts for nobody is its own party. Findings compare parties.
    ``named`` is false for a body known only by a description with no state
    ("the local hospital", "aid groups"): nothing says that two articles'
    "local hospital" is one, so its node stays within its article.
    """

    key: str
    name: str
    kind: ActorKind
    side: str | None = None
    acts_for: str | None = None
    role: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    party: str | None = None
    named: bool = True


@dataclass
class Event:
    """An incident mentioned in the article (strike, shoot-down, payment, ruling).

    ``type`` is the local name of an event-type concept in the lexicon
    (e.g. ``"Attack"``). ``participants`` are actor keys.
    """

    key: str
    type: str
    label: str
    mentions: list[Span] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    place: str | None = None
    time: str | None = None  # as written in the text, e.g. "late Monday night"
    date: str | None = None  # ISO date when it can be resolved


@dataclass
class AspectValue:
    """What an assertion says about one disputed aspect of an event.

    ``aspect`` is an aspect concept's local name (``"Responsibility"``,
    ``"AdvanceNotice"``, ``"Casualties"``...). Depending on ``kind``:
    ``actor`` -> ``actor`` holds an actor key; ``polarity`` -> ``positive`` says
    whether the aspect holds (notice was given: True); ``quantity`` and
    ``duration`` -> ``number`` with ``unit`` (seconds for durations) and
    ``comparator``. ``partial`` marks a count of a restricted group ("two
    soldiers who had been wounded died"), not a total: a different scope, so the
    numeric rule does not compare it with totals.
    """

    aspect: str
    kind: ValueKind
    span: Span
    actor: str | None = None
    positive: bool | None = None
    number: float | None = None
    unit: str | None = None
    comparator: Comparator = "eq"
    partial: bool = False


@dataclass
class Assertion:
    """Who said what: one reported speech act.

    ``speaker`` is an actor key. ``content`` is the exact span of what was said
    (without surrounding quotation marks when the whole content is quoted).
    ``cue_class`` is a cue-class concept's local name (``"Say"``, ``"Accuse"``,
    ``"Deny"``...). ``parent`` is the index of the enclosing assertion when this
    one is nested inside another's content. ``target`` is the accused or
    blamed actor's key for accuse/blame cues. ``rejects`` marks a statement
    that rejects a claim: a denial or rejection cue, or content that calls
    something untrue ("the report is baseless"); ``refers_back`` that the
    rejected claim is named without content of its own ("the allegations",
    "denied it"), so it answers a claim told before it.
    """

    speaker: str
    speaker_span: Span
    cue: Span
    cue_lemma: str
    cue_class: str
    content: Span
    pattern: str
    polarity: Polarity = Polarity.POSITIVE
    certainty: Certainty = Certainty.CERTAIN
    event: str | None = None
    target: str | None = None
    parent: int | None = None
    values: list[AspectValue] = field(default_factory=list)
    confidence: float = 1.0
    rejects: bool = False
    refers_back: bool = False


@dataclass
class Extraction:
    """Everything extracted from one article."""

    article: Article
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    assertions: list[Assertion] = field(default_factory=list)

    def actor(self, key: str) -> Actor:
        """Return the actor with ``key``."""
        for actor in self.actors:
            if actor.key == key:
                return actor
        raise KeyError(key)
