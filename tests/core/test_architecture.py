"""The import contracts in pyproject.toml (docs/architecture.md), run on a copy of the tree.

``make lint`` runs them on the tree itself; these tests show they would catch what they are
for: a lower layer reaching up, even from inside a function.
"""

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from django.conf import settings

BASE = Path(settings.BASE_DIR)
CONFIG = tomllib.loads((BASE / "pyproject.toml").read_text())["tool"]["importlinter"]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    """The contracts' packages (Python files only) and pyproject.toml, in a scratch folder."""
    root = tmp_path_factory.mktemp("tree")
    for package in CONFIG["root_packages"]:
        shutil.copytree(
            BASE / package,
            root / package,
            ignore=shutil.ignore_patterns("templates", "static", "locale", "__pycache__"),
        )
    shutil.copy(BASE / "pyproject.toml", root)
    return root


def lint_imports(root: Path, contract: str) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - our own virtualenv's tool, fixed arguments
        [str(LINT_IMPORTS), "--no-cache", "--contract", contract],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_the_tree_keeps_the_layers_contract(tree):
    result = lint_imports(tree, "layers")
    assert result.returncode == 0, result.stdout


def test_core_importing_the_press_room_inside_a_function_breaks_the_layers(tree):
    probe = tree / "core" / "probe.py"
    probe.write_text("def releases():\n    from pressroom.selectors import live_releases\n")
    try:
        result = lint_imports(tree, "layers")
    finally:
        probe.unlink()
    assert result.returncode == 1
    assert "core.probe -> pressroom.selectors" in result.stdout


def test_search_importing_partners_breaks_the_hosts_independence(tree):
    probe = tree / "search" / "probe.py"
    probe.write_text("from partners.auth import PUBLIC_READ_AUTH\n")
    try:
        result = lint_imports(tree, "hosts")
    finally:
        probe.unlink()
    assert result.returncode == 1
    assert "search.probe -> partners.auth" in result.stdout
