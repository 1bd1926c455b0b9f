"""Issue 14: library errors derive from CkgError and do not name CLI flags."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from claimgraph.graph.errors import CkgError

GRAPH = Path(__file__).resolve().parent.parent / "graph"
FLAG = re.compile(r"(?<![\w-])--[a-z][a-z-]+")
#: Known exception, pinned by older tests: the busy-store hint (graph/store/oxigraph.py).
KNOWN = {"--store"}


def raised_texts(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and node.exc is not None:
            for part in ast.walk(node.exc):
                if isinstance(part, ast.Constant) and isinstance(part.value, str):
                    found.append((node.lineno, part.value))
    return found


@pytest.mark.parametrize("path", sorted(GRAPH.rglob("*.py")), ids=lambda p: p.name)
def test_library_messages_name_no_cli_flag(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for line, text in raised_texts(tree):
        flags = set(FLAG.findall(text)) - KNOWN
        assert not flags, f"{path.name}:{line} names {flags}: {text!r}"


def test_every_library_exception_derives_from_ckgerror() -> None:
    import importlib
    import inspect
    import pkgutil

    import claimgraph.graph as graph

    for info in pkgutil.walk_packages(graph.__path__, "claimgraph.graph."):
        if info.name.endswith(("__main__",)):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if (
                inspect.isclass(value)
                and issubclass(value, Exception)
                and value.__module__ == info.name
                and not name.startswith("_")
            ):
                assert issubclass(value, CkgError), f"{info.name}.{name}"
