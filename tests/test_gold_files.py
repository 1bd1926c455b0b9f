"""The hand-written corpus and its gold annotations are well formed (no model)."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from claimgraph.graph.evaluate.gold import CONFLICT_TYPES, load_gold

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
# corpus/real/ is the real-news set: third-party texts kept out of the
# repository, checked by tests/test_real_news.py.
GOLD = sorted(p for p in CORPUS.glob("*/*.gold.json") if p.parent.name != "real")
TEXTS = sorted(CORPUS.glob("gold/*.txt")) + sorted(CORPUS.glob("incident/*.txt"))
MANIFEST = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))
ASPECTS = set(
    re.findall(
        r"^ckg:(\w+) a ckg:Aspect",
        (ROOT / "ontology" / "lexicon" / "aspects.ttl").read_text(encoding="utf-8"),
        re.M,
    )
)
STATES = {
    line.split("\t")[0]
    for line in (ROOT / "ontology" / "data" / "countries.tsv")
    .read_text(encoding="utf-8")
    .splitlines()
    if line and not line.startswith("#")
}
# Contents exclude surrounding quotation marks, spaces and final punctuation.
BAD_EDGE = " \n\t\"'“”‘’.,;:"


def test_corpus_has_gold_files() -> None:
    assert len(GOLD) >= 15
    assert {p.name for p in GOLD} >= {
        "fishing-dispute.gold.json",
        "il20-breitbart-2018-09-18.gold.json",
    }


@pytest.mark.parametrize("path", GOLD, ids=lambda p: p.name)
def test_gold_file_is_valid(path: Path) -> None:
    gold = load_gold(path)  # offsets, enums and indices are checked here
    assert gold.assertions
    spans = [(a.start, a.end, a.cue_start) for a in gold.assertions]
    assert len(spans) == len(set(spans)), "duplicate assertion"
    for i, a in enumerate(gold.assertions):
        where = f"{path.name}[{i}]"
        assert a.content[0] not in BAD_EDGE and a.content[-1] not in BAD_EDGE, where
        assert a.speaker.strip() == a.speaker and a.speaker, where
        assert a.side is None or a.side in STATES, where
        if a.cue is not None:
            assert a.cue_end is not None and a.cue_start is not None
            # A cue lies outside its own content.
            assert a.cue_end <= a.start or a.cue_start >= a.end, where
        if a.parent is not None:
            parent = gold.assertions[a.parent]
            assert parent.start <= a.start and a.end <= parent.end, where
    for c in gold.contradictions or ():
        assert c.aspect in ASPECTS, c
        assert c.type in CONFLICT_TYPES


def test_every_article_has_gold_and_manifest_entry() -> None:
    listed = {entry["file"] for entry in MANIFEST}
    for text in TEXTS:
        assert text.with_suffix(".gold.json").exists(), text.name
        assert text.relative_to(CORPUS).as_posix() in listed, text.name
    assert len(listed) == len(MANIFEST) == len(TEXTS)


@pytest.mark.parametrize("entry", MANIFEST, ids=lambda e: e["file"])
def test_manifest_entry(entry: dict[str, str]) -> None:
    assert set(entry) == {"file", "title", "outlet", "published", "url", "topic"}
    assert (CORPUS / entry["file"]).is_file()
    date.fromisoformat(entry["published"])
    assert entry["url"].startswith("https://news.example/")


def test_dev_set_size_and_lengths() -> None:
    dev = sorted(CORPUS.glob("gold/*.txt"))
    assert len(dev) >= 9
    for text in dev:
        words = len(text.read_text(encoding="utf-8").split())
        assert 300 <= words <= 700, (text.name, words)
    total = sum(len(load_gold(p).assertions) for p in CORPUS.glob("gold/*.gold.json"))
    assert total >= 60
    topics = {e["topic"] for e in MANIFEST if e["file"].startswith("gold/")}
    assert len(topics) >= 8


def test_incident_relations_point_at_gold() -> None:
    folder = CORPUS / "incident"
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    outlets = {e["outlet"] for e in MANIFEST if e["file"].startswith("incident/")}
    assert len(list(folder.glob("*.txt"))) >= 5 and len(outlets) >= 5
    kinds = {r["kind"] for r in expected["relations"]}
    assert kinds == {"contradiction", "revision", "duplicate", "corroboration"}
    for r in expected["relations"]:
        assert r["aspect"] in ASPECTS
        assert r["kind"] != "contradiction" or r["type"] in CONFLICT_TYPES
        ends = []
        for key in ("a", "b"):
            gold = load_gold(folder / r[key]["article"].replace(".txt", ".gold.json"))
            ends.append(gold.assertions[r[key]["assertion"]])
        a, b = ends
        if r["kind"] == "duplicate":
            assert a.content == b.content and a.speaker == b.speaker
        elif r["kind"] == "revision":
            assert a.side == b.side
        else:
            assert a.side != b.side


def test_documented_example_is_valid(tmp_path: Path) -> None:
    doc = (ROOT / "docs" / "gold-format.md").read_text(encoding="utf-8")
    block = re.search(r"```json\n(.*?)```", doc, re.S)
    assert block is not None
    example = json.loads(block.group(1))
    text = (CORPUS / "gold" / example["article"]).read_text(encoding="utf-8")
    (tmp_path / example["article"]).write_text(text, encoding="utf-8")
    example["contradictions"] = []  # the example's indices refer to a full file
    path = tmp_path / "example.gold.json"
    path.write_text(json.dumps(example), encoding="utf-8")
    assert load_gold(path).assertions[0].cue == "told"
