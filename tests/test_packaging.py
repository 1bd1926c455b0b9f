"""The installed distribution exposes one import name, ``claimgraph``."""

from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_folder_is_listed_in_pyproject() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = config["tool"]["setuptools"]["packages"]
    found = ["claimgraph"] + [
        ".".join(["claimgraph", *init.parent.relative_to(ROOT).parts])
        for folder in ("graph", "ontology")
        for init in (ROOT / folder).rglob("__init__.py")
    ]
    assert sorted(listed) == sorted(found)


@pytest.mark.slow
def test_wheel_installs_one_import_name(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", wheels, ROOT],
        check=True,
        cwd=tmp_path,
    )
    (wheel,) = wheels.glob("claimgraph-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    tops = {name.split("/", 1)[0] for name in names}
    assert {t for t in tops if not t.endswith(".dist-info")} == {"claimgraph"}
    for data in (
        "claimgraph/py.typed",
        "claimgraph/graph/queries/findings.rq",
        "claimgraph/graph/templates/graph.html",
        "claimgraph/ontology/ckg.ttl",
        "claimgraph/ontology/rules/polarity-conflict.rq",
        "claimgraph/ontology/lexicon/aspects.ttl",
        "claimgraph/ontology/data/countries.tsv",
    ):
        assert data in names
    assert not any(name.startswith("claimgraph/tests/") for name in names)

    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q"]
        + ["--target", target, wheel],
        check=True,
        cwd=tmp_path,
    )
    entry = next(n for n in names if n.endswith("entry_points.txt"))
    assert (
        "claimgraph = claimgraph.cli:app" in zipfile.ZipFile(wheel).read(entry).decode()
    )

    # -I would drop PYTHONPATH; -S keeps the editable checkout (and its finder) out.
    site_packages = [p for p in sys.path if p.endswith("site-packages")]
    path = [str(target), *site_packages]

    def run(code: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [
                sys.executable,
                "-S",
                "-c",
                f"import sys; sys.path[:0] = {path!r}; {code}",
            ],
            capture_output=True,
            text=True,
            cwd=tmp_path,
        )

    shown = run(
        "import claimgraph, claimgraph.cli; print(claimgraph.__version__);"
        " print(claimgraph.__file__)"
    )
    assert shown.returncode == 0, shown.stderr
    version, where = shown.stdout.split()
    assert version == "0.1.0"
    assert where.startswith(str(target))
    for name in ("cli", "graph", "ontology"):
        assert run(f"import {name}").returncode != 0, name
