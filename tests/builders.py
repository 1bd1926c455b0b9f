"""Hand-built extractions for tests that must not load the spaCy model.

``say(...)`` writes a sentence into a growing article text and returns an
Assertion whose spans point at the right offsets, so every Span invariant holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from claimgraph.graph.models import (
    Actor,
    Article,
    AspectValue,
    Assertion,
    Event,
    Extraction,
    Span,
)


@dataclass
class ArticleBuilder:
    """Accumulates text, actors, one incident and assertions for one article."""

    name: str
    event_type: str = "Attack"
    event_label: str = "the attack"
    participants: tuple[str, ...] = ("Atlantis", "Borduria")
    date: str | None = None
    url: str | None = None
    published: str | None = None
    text: str = ""
    actors: dict[str, Actor] = field(default_factory=dict)
    assertions: list[Assertion] = field(default_factory=list)

    def _append(self, piece: str) -> Span:
        start = len(self.text)
        self.text += piece
        return Span(start, start + len(piece), piece)

    def state(self, name: str) -> str:
        key = f"state:{name.lower()}"
        self.actors.setdefault(key, Actor(key, name, "state", side=name))
        return key

    def org(self, name: str, side: str) -> str:
        key = f"org:{name.lower().replace(' ', '-')}"
        state = self.state(side)
        self.actors.setdefault(key, Actor(key, name, "organisation", side, state))
        return key

    def say(
        self,
        speaker: str,
        content: str,
        *,
        cue: str = "said",
        cue_class: str = "Say",
        values: list[tuple[str, dict[str, object]]] | None = None,
        polarity: str = "positive",
        certainty: str = "certain",
        parent: Assertion | None = None,
        rejects: bool | None = None,
        refers_back: bool = False,
        target: str | None = None,
    ) -> Assertion:
        """Append ``<speaker> <cue> <content>.`` and return its assertion.

        ``values`` are (aspect, fields) where fields name an ``actor`` key, a
        ``positive`` flag or a ``number`` (with ``unit``/``comparator``); the value
        span is the whole content. With ``parent``, the new assertion is
        reported inside that one ("X rejected Y's claim that ...").
        """
        actor = self.actors[speaker]
        speaker_span = self._append(actor.name)
        self._append(" ")
        cue_span = self._append(cue)
        self._append(" that ")
        content_span = self._append(content)
        self._append(".\n\n")
        item = Assertion(
            speaker=speaker,
            speaker_span=speaker_span,
            cue=cue_span,
            cue_lemma=cue,
            cue_class=cue_class,
            content=content_span,
            pattern="test",
            polarity=polarity,  # type: ignore[arg-type]
            certainty=certainty,  # type: ignore[arg-type]
            event="event:1",
            # As extraction marks them: a denial or rejection rejects a claim.
            rejects=cue_class in ("Deny", "Reject") if rejects is None else rejects,
            refers_back=refers_back,
            target=target,
            parent=None
            if parent is None
            else next(i for i, a in enumerate(self.assertions) if a is parent),
        )
        for aspect, fields in values or []:
            kind = (
                "actor"
                if "actor" in fields
                else "polarity"
                if "positive" in fields
                else "duration"
                if fields.get("unit") == "s"
                else "quantity"
            )
            item.values.append(
                AspectValue(aspect=aspect, kind=kind, span=content_span, **fields)  # type: ignore[arg-type]
            )
        self.assertions.append(item)
        return item

    def build(self) -> Extraction:
        for name in self.participants:
            self.state(name)
        article = Article(
            id=self.name, text=self.text, url=self.url, published=self.published
        )
        event = Event(
            key="event:1",
            type=self.event_type,
            label=self.event_label,
            participants=[f"state:{p.lower()}" for p in self.participants],
            date=self.date,
        )
        return Extraction(
            article=article,
            actors=list(self.actors.values()),
            events=[event],
            assertions=list(self.assertions),
        )
