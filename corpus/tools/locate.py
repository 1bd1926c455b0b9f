"""Fill in character offsets of gold annotations from their text.

Annotators write each ``*.gold.json`` with the text of ``content`` and ``cue``
but without offsets; this script finds them in the article and rewrites the file
with ``start``/``end`` and ``cue_start``/``cue_end``. Offsets are never typed by
hand. Optional hints, removed on output:

* ``content_after``: find ``content`` after the first occurrence of this string;
* ``cue_in``: find ``cue`` inside the occurrence of this string that is nearest
  to the content (e.g. ``"the ministry said"`` when "said" occurs many times).

Without ``cue_in`` the cue is the whole-word occurrence nearest to the content
that does not overlap it. Files whose offsets already match are left as they are.

Usage: ``python corpus/tools/locate.py corpus/gold/*.gold.json``
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

KEYS = (
    "speaker",
    "speaker_aliases",
    "side",
    "cue",
    "cue_start",
    "cue_end",
    "content",
    "start",
    "end",
    "polarity",
    "certainty",
    "parent",
)


def _distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, b[0] - a[1], a[0] - b[1])


def _occurrences(text: str, needle: str, words: bool) -> list[tuple[int, int]]:
    pattern = re.escape(needle)
    if words:
        pattern = rf"(?<!\w){pattern}(?!\w)"
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def locate(text: str, item: dict[str, object], where: str) -> dict[str, object]:
    """Return ``item`` with offsets filled in, or raise ``ValueError``."""
    content = str(item["content"])
    after = item.pop("content_after", None)
    base = text.index(str(after)) if after else 0
    start = item.get("start")
    if not (isinstance(start, int) and text[start : start + len(content)] == content):
        hits = [h for h in _occurrences(text, content, False) if h[0] >= base]
        if not hits:
            raise ValueError(f"{where}: content not found: {content[:60]!r}")
        if len(hits) > 1 and not after:
            raise ValueError(f"{where}: content is ambiguous: {content[:60]!r}")
        start = hits[0][0]
    span = (start, start + len(content))
    item["start"], item["end"] = span
    cue = item.get("cue")
    cue_in = item.pop("cue_in", None)
    cs = item.get("cue_start")
    if cue is None:
        item["cue_start"] = item["cue_end"] = None
    elif not (isinstance(cs, int) and text[cs : cs + len(str(cue))] == cue):
        if cue_in:
            anchors = _occurrences(text, str(cue_in), True)
            if not anchors:
                raise ValueError(f"{where}: cue_in not found: {cue_in!r}")
            anchor = min(anchors, key=lambda a: _distance(a, span))
            inner = _occurrences(text[anchor[0] : anchor[1]], str(cue), True)
            cs = anchor[0] + inner[0][0]
        else:
            hits = [
                h
                for h in _occurrences(text, str(cue), True)
                if h[1] <= span[0] or h[0] >= span[1]
            ]
            if not hits:
                raise ValueError(f"{where}: cue not found: {cue!r}")
            cs = min(hits, key=lambda h: _distance(h, span))[0]
        item["cue_start"], item["cue_end"] = cs, cs + len(str(cue))
    item.setdefault("speaker_aliases", [])
    item.setdefault("side", None)
    item.setdefault("polarity", "positive")
    item.setdefault("certainty", "certain")
    item.setdefault("parent", None)
    return {k: item[k] for k in KEYS}


def process(path: Path) -> None:
    """Fill offsets in one gold file, in place."""
    data = json.loads(path.read_text(encoding="utf-8"))
    text = (path.parent / data["article"]).read_text(encoding="utf-8")
    data["assertions"] = [
        locate(text, dict(item), f"{path.name}[{i}]")
        for i, item in enumerate(data["assertions"])
    ]
    parts = [f'{{"article": {json.dumps(data["article"])},\n "assertions": [\n  ']
    parts.append(
        ",\n  ".join(json.dumps(a, ensure_ascii=False) for a in data["assertions"])
    )
    parts.append("\n ]")
    if "contradictions" in data:  # absent means "not annotated"
        rows = ",\n  ".join(json.dumps(c) for c in data["contradictions"])
        parts.append(
            f',\n "contradictions": [\n  {rows}\n ]'
            if rows
            else ',\n "contradictions": []'
        )
    parts.append("}\n")
    path.write_text("".join(parts), encoding="utf-8")


if __name__ == "__main__":
    failed = False
    for name in sys.argv[1:]:
        try:
            process(Path(name))
        except (ValueError, KeyError) as exc:
            failed = True
            print(f"{name}: {exc}", file=sys.stderr)
    sys.exit(1 if failed else 0)
