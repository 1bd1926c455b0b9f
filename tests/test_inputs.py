"""Reading articles: text with front matter, HTML, JSONL, folders, stdin, limits."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from claimgraph.graph.errors import InputError
from claimgraph.graph.inputs import read_inputs

HTML = """<!DOCTYPE html><html><head><title>Port strike ends</title>
<meta property="og:site_name" content="Harbour Times">
<link rel="canonical" href="https://news.example/port-strike">
<meta name="date" content="2026-05-04"></head>
<body><nav>Home | World</nav><article><h1>Port strike ends</h1>
<p>The dockworkers' union said on Monday that its members would return to work after a
four-day strike that halted traffic at the port.</p>
<p>The employers' association said it had agreed to a 4 percent pay rise and would
review shift rules by the end of the year.</p></article>
<footer>Copyright</footer></body></html>"""


def test_front_matter_becomes_metadata_and_is_not_text(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        "---\ntitle: Talks fail\nurl: https://news.example/talks\n"
        "published: 2026-03-01\noutlet: Example Wire\n---\nThe talks failed, the envoy said.\n"
    )
    (article,) = read_inputs([str(path)]).articles
    assert article.text == "The talks failed, the envoy said."
    assert (article.id, article.title, article.published, article.outlet) == (
        "https://news.example/talks",
        "Talks fail",
        "2026-03-01",
        "Example Wire",
    )


def test_html_article_keeps_main_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "strike.html"
    path.write_text(HTML)
    (article,) = read_inputs([str(path)]).articles
    assert "dockworkers' union said on Monday" in article.text
    assert "Home | World" not in article.text and "Copyright" not in article.text
    assert article.title == "Port strike ends"
    assert article.url == "https://news.example/port-strike"


def test_jsonl_bad_line_is_reported_and_the_rest_read(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps(
            {
                "text": "The minister said the bridge would open.",
                "url": "https://n.example/1",
            }
        ),
        "{not json",
        json.dumps({"title": "no text"}),
        json.dumps({"text": "The mayor said it would not.", "id": "two"}),
    ]
    path.write_text("\n".join(lines) + "\n")
    result = read_inputs([str(path)])
    assert [a.id for a in result.articles] == ["https://n.example/1", "two"]
    assert [s.split(":")[0] for s in result.skipped] == [
        f"{path} line 2",
        f"{path} line 3",
    ]


def test_folder_and_stdin(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("The envoy said talks would resume.")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "two.md").write_text("The union said it would strike.")
    (tmp_path / "skip.png").write_bytes(b"\x89PNG")
    result = read_inputs([str(tmp_path)])
    assert sorted(a.id for a in result.articles) == ["one.txt", "two.md"]
    stdin = io.BytesIO(b"The court said the law was void.")
    (article,) = read_inputs(["-"], stdin=stdin).articles
    assert article.id == "stdin" and article.text.startswith("The court")


def test_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 100)
    monkeypatch.setenv("CLAIMGRAPH_MAX_BYTES", "100")
    with pytest.raises(InputError, match="over the 100-byte limit"):
        read_inputs([str(path)])
    monkeypatch.setenv("CLAIMGRAPH_MAX_BYTES", "lots")
    with pytest.raises(InputError, match="must be a whole number"):
        read_inputs([str(path)])


def test_empty_folder_and_no_input(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="has no .txt, .md, .html or .jsonl files"):
        read_inputs([str(tmp_path)])
    with pytest.raises(InputError, match="No input given"):
        read_inputs([])


def test_new_version_under_the_same_url_supersedes_the_old(tmp_path: Path) -> None:
    from claimgraph.graph.pipeline import ingest_extraction
    from claimgraph.graph.store import open_store
    from claimgraph.graph.store.ontology import ensure_ontology
    from tests.builders import ArticleBuilder

    store = open_store(":memory:")
    ensure_ontology(store)
    first = ArticleBuilder("v1", url="https://news.example/x")
    first.say(first.org("Atlantis army", "Atlantis"), "three died")
    second = ArticleBuilder("v2", url="https://news.example/x")
    second.say(second.org("Atlantis army", "Atlantis"), "five died")
    assert ingest_extraction(store, first.build()).status == "added"
    assert ingest_extraction(store, second.build()).status == "new-version"
    rows = store.select("SELECT ?new ?old WHERE { ?new ckg:supersedes ?old }")
    assert len(rows) == 1
    assert store.ask("ASK { ?old ckg:articleKey ?k }", {"old": rows[0]["old"]})


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "{path} is empty: there is no text to read."),
        ("blank.md", b"  \n\t\n", "{path} is empty: there is no text to read."),
        (
            "image.txt",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "{path} looks binary (it contains NUL bytes), not text.",
        ),
        (
            "latin1.txt",
            "Der Minister sagte, die Brücke sei zu.".encode("latin-1"),
            "{path} is not UTF-8 text (invalid byte at offset 26); convert it to "
            "UTF-8 first.",
        ),
        (
            "controls.txt",
            bytes(range(1, 32)) * 4,
            "{path} looks binary (many control characters), not text.",
        ),
        ("page.html", b"<html><body></body></html>", "{path} has no article"),
    ],
)
def test_bad_files_are_one_line_errors_naming_the_file(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as error:
        read_inputs([str(path)])
    assert str(error.value).startswith(message.format(path=path))
    assert "\n" not in str(error.value)


def test_oversized_file_is_refused_before_reading_and_jsonl_limits_each_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLAIMGRAPH_MAX_BYTES", "200")
    big = tmp_path / "big.txt"
    with big.open("wb") as sparse:  # 1 GB on paper, nothing on disk
        sparse.truncate(1_000_000_000)
    with pytest.raises(InputError, match=r"is 1,000,000,000 bytes, over the 200-byte"):
        read_inputs([str(big)])
    batch = tmp_path / "batch.jsonl"
    ok = json.dumps({"text": "The envoy said talks would resume.", "id": "ok"})
    long = json.dumps({"text": "word " * 100, "id": "long"})
    batch.write_bytes(
        b"\n".join([ok.encode(), long.encode(), b'{"text": "caf\xe9"}', ok.encode()])
    )
    result = read_inputs([str(batch)])
    assert [a.id for a in result.articles] == ["ok", "ok"]
    assert result.skipped == [
        f"{batch} line 2: is 527 bytes, over the 200-byte limit (set "
        "CLAIMGRAPH_MAX_BYTES to raise it).",
        f"{batch} line 3: is not UTF-8 text (invalid byte at offset 13); convert it "
        "to UTF-8 first.",
    ]


def test_stdin_limit_and_crlf_front_matter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLAIMGRAPH_MAX_BYTES", "50")
    with pytest.raises(InputError, match="standard input is 51 bytes, over the 50"):
        read_inputs(["-"], stdin=io.BytesIO(b"x" * 500))
    monkeypatch.delenv("CLAIMGRAPH_MAX_BYTES")
    path = tmp_path / "win.txt"
    path.write_bytes(b"---\r\ntitle: Windows\r\n---\r\nThe mayor said no.\r\n")
    (article,) = read_inputs([str(path)]).articles
    assert (article.title, article.text) == ("Windows", "The mayor said no.")


def test_many_files_and_folders_keep_order_and_a_missing_one_stops_the_batch(
    tmp_path: Path,
) -> None:
    for n in range(3):
        (tmp_path / f"{n}.txt").write_text(f"Article {n}: the envoy said yes.")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "x.html").write_text(HTML)
    result = read_inputs([str(tmp_path / "2.txt"), str(tmp_path)])
    assert [a.id for a in result.articles] == [
        "2.txt",
        "0.txt",
        "1.txt",
        "2.txt",
        "https://news.example/port-strike",
    ]
    with pytest.raises(InputError, match=f"^No such file or folder: {tmp_path}/nope$"):
        read_inputs([str(tmp_path), str(tmp_path / "nope")])


def test_cli_prints_the_input_error_as_one_line(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from claimgraph.cli import app

    path = tmp_path / "bin.txt"
    path.write_bytes(b"\x00\x01\x02")
    result = CliRunner().invoke(
        app, ["ingest", str(path), "--store", str(tmp_path / "s"), "-q"]
    )
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"Error: {path} looks binary (it contains NUL bytes), not text."
    )
