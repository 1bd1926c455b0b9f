"""Parse texts longer than spaCy's ``max_length`` in pieces, offsets preserved.

spaCy refuses a text over ``nlp.max_length`` characters (error E088), because the
parser's memory grows with the text. A long article is cut at paragraph breaks
(else line breaks, sentence ends, spaces), each piece is parsed on its own and
the pieces' ``Doc`` objects are joined with ``Doc.from_docs``. The pieces keep
every character, so the joined ``Doc.text`` equals the original text and every
token offset refers to it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: Cut points, best first: paragraph break, line break, sentence end, space.
_BREAKS = (
    re.compile(r"\n[ \t]*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+"),
    re.compile(r"\s+"),
)


def split_text(text: str, limit: int) -> list[str]:
    """Cut ``text`` into pieces of at most ``limit`` characters.

    ``"".join(pieces) == text``. Each cut is after the last paragraph break
    (else line break, sentence end, space) in the second half of the window, so
    that pieces are not tiny; only a window without any of them is cut hard.
    """
    if limit < 1:
        raise ValueError("limit must be at least 1")
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = 0
        for pattern in _BREAKS:
            ends = [m.end() for m in pattern.finditer(window, limit // 2)]
            if ends:
                cut = ends[-1]
                break
        if cut <= 0:
            cut = limit
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return [piece for piece in pieces if piece]


def parse(nlp: Language, text: str) -> Doc:
    """``nlp(text)``, also for a text over ``nlp.max_length`` (see module doc)."""
    if len(text) <= nlp.max_length:
        return nlp(text)
    from spacy.tokens import Doc

    docs = [nlp(piece) for piece in split_text(text, nlp.max_length)]
    joined = Doc.from_docs(docs, ensure_whitespace=False)
    joined.user_data.pop("claimgraph_text", None)
    return joined
