"""The layout holds: no import cycle, no module over 400 lines, each module imports alone."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "claimgraph"
MAX_LINES = 400


def source_files() -> dict[str, Path]:
    """Every module of the installed package by dotted name, from the repository."""
    paths = [ROOT / "__init__.py", ROOT / "cli.py"]
    for folder in ("graph", "ontology"):
        paths += sorted((ROOT / folder).rglob("*.py"))
    modules: dict[str, Path] = {}
    for path in paths:
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join([PACKAGE, *parts])] = path
    return modules


def imported(module: str, path: Path, known: set[str]) -> set[str]:
    """claimgraph modules ``module`` imports, at module level or in a function."""
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            # `from pkg import module` imports pkg.module; `from m import name`, m.
            names = [target]
            names += [f"{target}.{alias.name}" for alias in node.names]
        for name in names:
            if name in known:
                found.add(name)
    found.discard(module)
    return found


def import_graph() -> nx.DiGraph:
    modules = source_files()
    graph = nx.DiGraph()
    graph.add_nodes_from(modules)
    for module, path in modules.items():
        for target in imported(module, path, set(modules)):
            graph.add_edge(module, target)
    return graph


def test_no_import_cycle() -> None:
    graph = import_graph()
    # A package's __init__ is imported before its submodules, so an edge from a
    # submodule up to its own package's __init__ is a cycle too; none may exist.
    cycles = list(nx.simple_cycles(graph))
    assert cycles == [], "import cycles:\n" + "\n".join(" -> ".join(c) for c in cycles)


def test_no_bare_top_level_imports() -> None:
    # Inside the package, modules import each other relatively (or as claimgraph.*):
    # `import graph`/`import cli` only worked from a checkout.
    for module, path in source_files().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and not node.level:
                assert (node.module or "").split(".")[0] not in {
                    "graph",
                    "ontology",
                    "cli",
                }, module
            if isinstance(node, ast.Import):
                for alias in node.names:
                    assert alias.name.split(".")[0] not in {"graph", "ontology", "cli"}


def test_no_module_over_400_lines() -> None:
    long = {
        module: n
        for module, path in source_files().items()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


@pytest.mark.slow
def test_each_module_imports_alone() -> None:
    # One fresh interpreter per module: a module that only imports in a given
    # order (a hidden cycle, a missing import) fails here.
    failures = {}
    for module in source_files():
        done = subprocess.run(
            [sys.executable, "-c", f"import {module}"],
            capture_output=True,
            text=True,
            cwd=ROOT.parent,
        )
        if done.returncode != 0:
            failures[module] = done.stderr.strip().splitlines()[-1:]
    assert failures == {}
