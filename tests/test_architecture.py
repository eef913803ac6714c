"""The layering: graph/ imports nothing of the repo; viz/ only graph/; never upward."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ALLOWED = {"graph": {"graph"}, "viz": {"graph", "viz"}, "api": {"graph", "viz", "api"}}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_no_upward_imports(package: str) -> None:
    files = list((ROOT / package).rglob("*.py"))
    if package != "viz":
        assert files, f"{package}/ has no modules"
    for path in files:
        inner = _imports(path) & set(ALLOWED)
        assert inner <= ALLOWED[package], f"{path.relative_to(ROOT)} imports {sorted(inner - ALLOWED[package])}"
