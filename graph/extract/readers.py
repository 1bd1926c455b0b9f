"""Aspect readers, registered by name: the lexicon says which one an aspect uses.

An aspect in ``ontology/lexicon/aspects.ttl`` names its reader with
``ckg:reader "actor-agent"``; the reader finds the aspect's values in an
assertion's content using the aspect's words (``ckg:lemma``, ``ckg:lightVerb``,
...). A new aspect that reads like an existing one (another count, another
blame) is lexicon data only; a new way of reading is a function registered here::

    @aspect_reader("my-reader")
    def read_mine(reader, aspect, content, found):
        return [AspectValue(aspect.name, "quantity", ...)]

Readers run in the order they were registered (then by aspect name), and each
sees the values found before it (``found``), so a general reader such as
``noun-count`` can leave words another aspect already read.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import OntologyError
from ..lexicon import Aspect
from ..models import AspectValue

if TYPE_CHECKING:
    from spacy.tokens import Token


@dataclass(frozen=True)
class Content:
    """An assertion's content as readers see it.

    ``tokens`` are all its tokens, ``own`` those not in a nested assertion,
    ``cue_class`` the class of its reporting verb, ``target`` the actor its
    cue addresses ("X blamed Y": Y), if any, and ``speaker`` whom "its" in the
    content stands for first ("X claimed the tank was destroyed by its
    attacks").
    """

    tokens: list[Token]
    own: list[Token]
    cue_class: str
    target: str | None
    speaker: str | None = None


#: ``reader(state, aspect, content, found)``; ``state`` is the document's
#: :class:`~graph.extract.aspects.AspectReader` (actors, lexicon).
Reader = Callable[[Any, Aspect, Content, list[AspectValue]], list[AspectValue]]
_READERS: dict[str, Reader] = {}


def aspect_reader(name: str) -> Callable[[Reader], Reader]:
    """Register a reader under ``name``; a name is registered once."""

    def register(func: Reader) -> Reader:
        if name in _READERS:
            raise OntologyError(f"Aspect reader '{name}' is registered twice.")
        _READERS[name] = func
        return func

    return register


def reader_names() -> list[str]:
    """Registered reader names, in the order readers run."""
    return list(_READERS)


def reading_plan(aspects: Mapping[str, Aspect]) -> list[tuple[Aspect, Reader]]:
    """The aspects that name a reader, each with it, in the order they run.

    Raises :class:`OntologyError` for a reader name nobody registered.
    """
    order = {name: n for n, name in enumerate(_READERS)}
    plan: list[tuple[int, str, Aspect]] = []
    for aspect in aspects.values():
        if aspect.reader is None:
            continue
        if aspect.reader not in _READERS:
            raise OntologyError(
                f"Aspect {aspect.name} names the reader '{aspect.reader}', which "
                f"does not exist. Available: {', '.join(_READERS)}."
            )
        plan.append((order[aspect.reader], aspect.name, aspect))
    return [(aspect, _READERS[aspect.reader or ""]) for _, _, aspect in sorted(plan)]
