"""The layering, between packages and between the sub-packages of graph/.

graph/ imports nothing of the repo; viz/ only graph/; api/ both; never
upward. Inside graph/, extraction is one sub-package with a small public
surface: the rest of the repository imports `graph.extract` itself, never its
modules, and only the modules that run extraction (ingest, evaluate) and the
api do; viz and the graph queries use the shared parts (`graph.countries`,
`graph.words`) instead. Extraction in turn uses only the domain's basics, not
the store or its queries.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ALLOWED = {"graph": {"graph"}, "viz": {"graph", "viz"}, "api": {"graph", "viz", "api"}}
# Who may import extraction at all (besides graph/extract itself); all of them through `graph.extract`.
EXTRACTION_USERS = {"graph.ingest", "graph.evaluate", "api"}
# What of graph/ outside graph/extract extraction may import.
EXTRACTION_NEEDS = {"graph.models", "graph.errors", "graph.names", "graph.countries", "graph.words"}


def _module(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Full names of the modules `path` imports, relative imports resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = _module(path).split(".") if path.name == "__init__.py" else _module(path).split(".")[:-1]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            if node.module:
                found.add(module)
            else:  # "from . import lexicon": each name may be a module
                found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def _files(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_no_upward_imports(package: str) -> None:
    files = _files(package)
    if package != "viz":
        assert files, f"{package}/ has no modules"
    for path in files:
        inner = {name.split(".")[0] for name in _imports(path)} & set(ALLOWED)
        assert inner <= ALLOWED[package], f"{path.relative_to(ROOT)} imports {sorted(inner - ALLOWED[package])}"


def test_extraction_is_used_only_through_its_package() -> None:
    for path in _files("graph") + _files("viz") + _files("api"):
        module = _module(path)
        if module.startswith("graph.extract"):
            continue
        used = {name for name in _imports(path) if name == "graph.extract" or name.startswith("graph.extract.")}
        assert used <= {"graph.extract"}, f"{module} reaches into extraction: {sorted(used)}"
        if used:
            assert module.split(".")[0] in EXTRACTION_USERS or module in EXTRACTION_USERS, \
                f"{module} imports graph.extract"


def test_extraction_uses_only_the_domain_basics() -> None:
    for path in _files("graph/extract"):
        outside = {name for name in _imports(path) if name.startswith("graph.") and not name.startswith("graph.extract")}
        assert outside <= EXTRACTION_NEEDS, f"{_module(path)} imports {sorted(outside - EXTRACTION_NEEDS)}"


def test_the_import_reader_sees_relative_imports() -> None:
    # The rules above are only as good as this: "from ..countries import x" in graph/extract/mentions.py
    # is graph.countries, and "from . import lexicon" there is graph.extract.lexicon.
    found = _imports(ROOT / "graph" / "extract" / "mentions.py")
    assert "graph.countries" in found
    assert any(name.startswith("graph.extract.") for name in found)
