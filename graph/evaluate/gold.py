"""Gold files: hand-annotated attributions of one article (``X.gold.json``).

The format is in ``docs/gold-format.md``; :func:`load_gold` checks every field and
names the file and the field in its error. Scored in :mod:`.scoring`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..inputs import split_front_matter

POLARITIES = ("positive", "negative", "unknown")
CERTAINTIES = ("certain", "probable", "possible", "underspecified")
CONFLICT_TYPES = ("value", "polarity", "numeric", "implication", "rebuttal")


@dataclass(frozen=True)
class GoldAssertion:
    """One annotated attribution; offsets are end-exclusive code points."""

    speaker: str
    speaker_aliases: tuple[str, ...]
    side: str | None
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    content: str
    start: int
    end: int
    polarity: str
    certainty: str
    parent: int | None = None


@dataclass(frozen=True)
class GoldContradiction:
    """Two gold assertions (by index) that contradict on one aspect."""

    a: int
    b: int
    aspect: str
    type: str


@dataclass(frozen=True)
class GoldArticle:
    """A loaded gold file with its article text.

    ``contradictions`` is ``None`` when the file does not annotate them. An
    article may start with front matter (``published:``...), which is ``meta``;
    gold offsets count from the body after it, as ingest does.
    """

    path: Path
    article_path: Path
    text: str
    assertions: tuple[GoldAssertion, ...]
    contradictions: tuple[GoldContradiction, ...] | None
    meta: dict[str, str] = field(default_factory=dict)


def _fail(path: Path, what: str) -> InputError:
    return InputError(f"Gold file {path}: {what}")


def _get(
    item: dict[str, Any],
    key: str,
    kind: type | tuple[type, ...],
    where: str,
    path: Path,
) -> Any:
    if key not in item:
        raise _fail(path, f"{where} has no '{key}'")
    value = item[key]
    if not isinstance(value, kind) or isinstance(value, bool):
        raise _fail(path, f"{where}.{key} has the wrong type ({value!r})")
    return value


def _span(
    text: str, start: int, end: int, expected: str, where: str, path: Path
) -> None:
    if not 0 <= start <= end <= len(text):
        raise _fail(path, f"{where} offsets {start}:{end} are outside the article")
    if text[start:end] != expected:
        raise _fail(
            path,
            f"{where} text {expected[:40]!r} != article[{start}:{end}] "
            f"{text[start:end][:40]!r}",
        )


def _assertion(item: Any, i: int, text: str, path: Path) -> GoldAssertion:
    where = f"assertions[{i}]"
    if not isinstance(item, dict):
        raise _fail(path, f"{where} is not an object")
    aliases = item.get("speaker_aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise _fail(path, f"{where}.speaker_aliases must be a list of strings")
    side = item.get("side")
    if side is not None and not isinstance(side, str):
        raise _fail(path, f"{where}.side must be a string or null")
    polarity = item.get("polarity", "positive")
    if polarity not in POLARITIES:
        raise _fail(
            path, f"{where}.polarity {polarity!r} not in {', '.join(POLARITIES)}"
        )
    certainty = item.get("certainty", "certain")
    if certainty not in CERTAINTIES:
        raise _fail(
            path, f"{where}.certainty {certainty!r} not in {', '.join(CERTAINTIES)}"
        )
    content = _get(item, "content", str, where, path)
    start = _get(item, "start", int, where, path)
    end = _get(item, "end", int, where, path)
    _span(text, start, end, content, f"{where}.content", path)
    cue = item.get("cue")
    cue_start = cue_end = None
    if cue is not None:
        if not isinstance(cue, str):
            raise _fail(path, f"{where}.cue must be a string or null")
        cue_start = _get(item, "cue_start", int, where, path)
        cue_end = _get(item, "cue_end", int, where, path)
        _span(text, cue_start, cue_end, cue, f"{where}.cue", path)
    parent = item.get("parent")
    if parent is not None and not isinstance(parent, int):
        raise _fail(path, f"{where}.parent must be an index or null")
    return GoldAssertion(
        speaker=_get(item, "speaker", str, where, path),
        speaker_aliases=tuple(aliases),
        side=side,
        cue=cue,
        cue_start=cue_start,
        cue_end=cue_end,
        content=content,
        start=start,
        end=end,
        polarity=polarity,
        certainty=certainty,
        parent=parent,
    )


def _contradiction(item: Any, i: int, n: int, path: Path) -> GoldContradiction:
    where = f"contradictions[{i}]"
    if not isinstance(item, dict):
        raise _fail(path, f"{where} is not an object")
    a = _get(item, "a", int, where, path)
    b = _get(item, "b", int, where, path)
    if not (0 <= a < n and 0 <= b < n) or a == b:
        raise _fail(path, f"{where} indices {a}, {b} must be two of 0..{n - 1}")
    kind = _get(item, "type", str, where, path)
    if kind not in CONFLICT_TYPES:
        raise _fail(path, f"{where}.type {kind!r} not in {', '.join(CONFLICT_TYPES)}")
    return GoldContradiction(a, b, _get(item, "aspect", str, where, path), kind)


def load_gold(path: Path) -> GoldArticle:
    """Read and validate one gold file and its article.

    Raises:
        InputError: the file or its article is missing, or the file is malformed
            (one line saying which file and what is wrong).
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise _fail(path, "not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(path, f"cannot be read ({exc})") from None
    except json.JSONDecodeError as exc:
        raise _fail(path, f"invalid JSON: {exc.msg} at line {exc.lineno}") from None
    if not isinstance(data, dict):
        raise _fail(path, "top level must be an object")
    name = _get(data, "article", str, "top level", path)
    article_path = (path.parent / name).resolve()
    try:
        meta, text = split_front_matter(article_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        raise _fail(path, f"article {name!r} cannot be read") from None
    items = _get(data, "assertions", list, "top level", path)
    assertions = tuple(_assertion(it, i, text, path) for i, it in enumerate(items))
    for i, gold in enumerate(assertions):
        if gold.parent is not None and not 0 <= gold.parent < len(assertions):
            raise _fail(path, f"assertions[{i}].parent {gold.parent} is out of range")
    contradictions = None
    if "contradictions" in data:
        raw = _get(data, "contradictions", list, "top level", path)
        n = len(assertions)
        contradictions = tuple(_contradiction(c, i, n, path) for i, c in enumerate(raw))
    return GoldArticle(path, article_path, text, assertions, contradictions, meta)
