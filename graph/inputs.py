"""Read articles from files, folders, JSONL and standard input.

Supported: plain text (``.txt``, ``.md``, anything else that is UTF-8 text) with an
optional front-matter block, HTML (``.html``/``.htm``, main text and metadata by
trafilatura), and JSONL (one JSON object per line with ``text`` and optional
``title``, ``url``, ``published``, ``outlet``). A folder is read recursively.
Bad input raises :class:`~graph.errors.InputError` with one line.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from .errors import InputError
from .models import Article
from .rdf.ids import normalise_text, text_sha256
from .settings import resolve_settings

TEXT_SUFFIXES = {".txt", ".md", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
_META_KEYS = {"title", "url", "published", "date", "outlet", "source"}


@dataclass
class ReadResult:
    """Articles read, plus per-item problems that did not stop the batch."""

    articles: list[Article] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def _decode(data: bytes, where: str, limit: int) -> str:
    if len(data) > limit:
        raise InputError(
            f"{where} is {len(data):,} bytes, over the {limit:,}-byte limit "
            "(set CLAIMGRAPH_MAX_BYTES to raise it)."
        )
    if b"\x00" in data[:8192]:
        raise InputError(f"{where} looks binary (it contains NUL bytes), not text.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{where} is not UTF-8 text (invalid byte at offset {exc.start}); "
            "convert it to UTF-8 first."
        ) from None
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 0.05 * max(1, min(len(text), 8192)):
        raise InputError(f"{where} looks binary (many control characters), not text.")
    return text


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split a leading ``---`` block of ``key: value`` lines from the body."""
    text = text.replace("\r\n", "\n")
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---\n", 4)
    if end == -1:
        return {}, text
    meta: dict[str, str] = {}
    for line in text[4:end].splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip().lower() in _META_KEYS:
            meta[key.strip().lower()] = value.strip().strip("\"'")
    return meta, text[end + 5 :]


def make_article(
    text: str, name: str | None, meta: dict[str, str], path: str | None = None
) -> Article:
    """Build an :class:`Article`; its id is the URL, else ``name``, else a hash."""
    body = normalise_text(text).strip("\n")
    if not body.strip():
        raise InputError(
            f"{path or name or 'input'} is empty: there is no text to read."
        )
    url = meta.get("url") or None
    return Article(
        id=url or name or text_sha256(body)[:12],
        text=body,
        title=meta.get("title") or None,
        url=url,
        published=meta.get("published") or meta.get("date") or None,
        outlet=meta.get("outlet") or meta.get("source") or None,
        path=path,
    )


def _from_html(html: str, name: str, path: str) -> Article:
    try:
        import trafilatura

        document = trafilatura.bare_extraction(html, with_metadata=True)
    except ImportError as exc:  # trafilatura needs lxml_html_clean since lxml 5.2
        raise InputError(
            f"Cannot read HTML file {path}: {exc}".split("\n")[0]
            + " (HTML input needs trafilatura and lxml_html_clean; reinstall "
            "claimgraph with its dependencies)."
        ) from None
    except Exception as exc:  # noqa: BLE001 - lxml and trafilatura raise many types
        raise InputError(f"{path} is not readable HTML: {exc}".split("\n")[0]) from None
    # trafilatura 2.x returns a Document (with as_dict()); 1.x returns a dict.
    fields: dict[str, object] = {}
    if isinstance(document, dict):
        fields = document
    elif document is not None:
        fields = document.as_dict()
    text = fields.get("text")
    if not text:
        raise InputError(f"{path} has no article text that could be extracted.")
    meta = {
        key: str(fields[attr])
        for key, attr in (
            ("title", "title"),
            ("url", "url"),
            ("published", "date"),
            ("outlet", "sitename"),
        )
        if fields.get(attr)
    }
    return make_article(str(text), name, meta, path)


def _from_jsonl(path: Path, result: ReadResult, limit: int) -> None:
    """One article per line; a bad line is reported and skipped.

    The size limit applies to each line (one article), not to the whole file,
    and the file is read line by line.
    """
    where = str(path)
    blank = True
    with path.open("rb") as lines:
        for number, raw in enumerate(lines, start=1):
            if not raw.strip():
                continue
            blank = False
            try:
                line = _decode(raw, f"line {number}", limit)
                item = json.loads(line)
                if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                    raise ValueError("needs an object with a string 'text'")
                meta = {k: str(v) for k, v in item.items() if k in _META_KEYS and v}
                name = str(item.get("id") or f"{path.name}:{number}")
                result.articles.append(make_article(item["text"], name, meta, where))
            except (ValueError, InputError) as exc:
                message = str(exc).removeprefix(f"line {number} ")
                message = message.removeprefix(f"{where} ")
                result.skipped.append(f"{where} line {number}: {message}")
    if blank:  # as for an empty .txt: nothing to read is an error, not a no-op
        raise InputError(f"{where} is empty: there is no text to read.")


def _read_one(path: Path, result: ReadResult, limit: int) -> None:
    where = str(path)
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            _from_jsonl(path, result, limit)
            return
        size = path.stat().st_size
        if size > limit:  # before reading: the file may be huge
            raise InputError(
                f"{where} is {size:,} bytes, over the {limit:,}-byte limit "
                "(set CLAIMGRAPH_MAX_BYTES to raise it)."
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"No such file: {where}") from None
    except IsADirectoryError:
        raise InputError(f"{where} is a directory.") from None
    except OSError as exc:
        raise InputError(f"Cannot read {where}: {exc.strerror or exc}.") from None
    text = _decode(data, where, limit)
    if suffix in HTML_SUFFIXES:
        result.articles.append(_from_html(text, path.name, where))
    else:
        meta, body = split_front_matter(text)
        result.articles.append(make_article(body, path.name, meta, where))


def _expand(path: Path) -> Iterator[Path]:
    if path.is_dir():
        suffixes = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
        for child in sorted(path.rglob("*")):
            if child.is_file() and child.suffix.lower() in suffixes:
                yield child
    else:
        yield path


def read_inputs(
    sources: list[str], stdin: IO[bytes] | None = None, *, max_bytes: int | None = None
) -> ReadResult:
    """Read every source; ``-`` reads standard input as one text article.

    A missing, empty, binary or oversized file raises :class:`InputError` before
    anything is ingested; malformed JSONL lines are skipped and reported.
    ``max_bytes`` is the size limit per input (default: the environment's
    :class:`~graph.settings.Settings`).
    """
    if not sources:
        raise InputError("No input given: name one or more files, folders or '-'.")
    limit = resolve_settings(None).max_bytes if max_bytes is None else max_bytes
    result = ReadResult()
    for source in sources:
        if source == "-":
            data = (stdin or sys.stdin.buffer).read(limit + 1)
            meta, body = split_front_matter(_decode(data, "standard input", limit))
            result.articles.append(make_article(body, "stdin", meta, "-"))
            continue
        path = Path(source)
        if not path.exists():
            raise InputError(f"No such file or folder: {source}")
        found = list(_expand(path))
        if path.is_dir() and not found:
            raise InputError(
                f"Folder {source} has no .txt, .md, .html or .jsonl files."
            )
        for item in found:
            _read_one(item, result, limit)
    return result
