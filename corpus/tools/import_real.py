"""Import real-news annotations from a drafting folder into ``corpus/real/``.

Annotators draft ``gold/<id>.json`` next to the article text (``texts/<id>.txt``)
and multi-article ``incidents/<incident>.json`` (format: ``docs/real-news.md``).
Drafts hold the exact words of each statement so that offsets can be located;
third-party text never enters the repository, so this tool keeps only offsets,
names, labels and our own paraphrases, adds each text's SHA-256 and length to
``corpus/real/manifest.json``, and copies the texts to the git-ignored local
folder (``.real-corpus/`` by default) that ``claimgraph eval corpus/real`` reads.

The held-out quarter is chosen once, before any tuning: stories (an incident,
or an article without one) are ranked by a hash of their id and the first
quarter of each kind is held out. A story keeps the split the manifest already gives it;
only new stories are ranked (among themselves) when they are imported.

A later batch kept apart to check that changes made on dev generalise is
imported whole with ``--split fresh``.

Usage: ``python corpus/tools/import_real.py DRAFTS [--texts .real-corpus] [--split S]``
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
from pathlib import Path

HERE = Path(__file__).resolve().parents[1] / "real"
KEEP = (
    "speaker",
    "speaker_aliases",
    "party",
    "side",
    "cue_start",
    "cue_end",
    "start",
    "end",
    "polarity",
    "certainty",
    "parent",
    "summary",
)
META = ("id", "url", "title", "outlet", "published", "domain", "incident", "query")


def held_out(stories: set[str]) -> set[str]:
    """A quarter of ``stories`` (rounded up), ranked by a hash of their ids."""
    ranked = sorted(stories, key=lambda s: hashlib.sha256(s.encode()).hexdigest())
    return set(ranked[: -(-len(ranked) // 4)])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("drafts", type=Path)
    parser.add_argument("--texts", type=Path, default=Path(".real-corpus"))
    parser.add_argument(
        "--split",
        choices=("dev", "heldout", "fresh"),
        help="put every new story in this split instead of ranking them",
    )
    args = parser.parse_args()
    args.texts.mkdir(parents=True, exist_ok=True)
    old = HERE / "manifest.json"
    splits = {}
    if old.is_file():
        for item in json.loads(old.read_text(encoding="utf-8"))["articles"]:
            splits[item["incident"] or item["id"]] = item["split"]
    drafts = [
        json.loads(p.read_text(encoding="utf-8"))
        for p in sorted((args.drafts / "gold").glob("*.json"))
    ]
    # Incidents and single articles are ranked apart, so both kinds stay in dev.
    incidents = {d["incident"] for d in drafts if d.get("incident")} - set(splits)
    singles = {d["id"] for d in drafts if not d.get("incident")} - set(splits)
    new = incidents | singles
    aside = held_out(incidents) | held_out(singles)
    if args.split:
        splits.update(dict.fromkeys(new, args.split))
    else:
        splits.update({s: "heldout" if s in aside else "dev" for s in new})
    entries = []
    for path in sorted((args.drafts / "gold").glob("*.json")):
        draft = json.loads(path.read_text(encoding="utf-8"))
        source = (path.parent / draft["article"]).resolve()
        raw = source.read_bytes()
        text = raw.decode("utf-8")
        for item in draft["assertions"]:
            if text[item["start"] : item["end"]] != item["content"]:
                raise SystemExit(f"{path.name}: offsets do not match the text")
        ident = draft["id"]
        story = draft.get("incident") or ident
        entry = {key: draft.get(key) for key in META}
        entry.update(
            sha256=hashlib.sha256(raw).hexdigest(),
            length=len(text),
            split=splits[story],
        )
        entries.append(entry)
        gold = {
            "id": ident,
            "sha256": entry["sha256"],
            "assertions": [
                {k: item.get(k) for k in KEEP} for item in draft["assertions"]
            ],
            "disputes": draft.get("disputes", []),
        }
        if draft.get("revisions"):
            gold["revisions"] = draft["revisions"]
        (HERE / f"{ident}.gold.json").write_text(
            json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        shutil.copyfile(source, args.texts / f"{ident}.txt")
    incidents = []
    for path in sorted((args.drafts / "incidents").glob("*.json")):
        incidents.append(json.loads(path.read_text(encoding="utf-8")))
    manifest = {
        "about": "Real news for development; texts are not in the repository. "
        "See docs/real-news.md.",
        "articles": entries,
        "incidents": incidents,
    }
    (HERE / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    print(f"{len(entries)} articles, {len(incidents)} incidents")


if __name__ == "__main__":
    main()
