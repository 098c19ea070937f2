"""The layout shows the architecture: one subpackage per part, small modules, and import rules that hold."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.paths import REPO

BOT = REPO / "bot"
LINT_IMPORTS = "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())"


def lint_imports(project: Path) -> subprocess.CompletedProcess[str]:
    """`lint-imports` on the project at `project`, with its pyproject's contracts and its own `bot` package."""
    return subprocess.run(
        [sys.executable, "-c", LINT_IMPORTS, "--no-cache", str(project / "pyproject.toml")],
        cwd=project,
        env={"PYTHONPATH": str(project), "PATH": "/usr/bin:/bin", "COLUMNS": "200"},
        capture_output=True,
        text=True,
        timeout=120,
    )


def parts() -> list[str]:
    return sorted(p.name for p in BOT.iterdir() if (p / "__init__.py").is_file())


def test_the_contracts_hold_on_the_tree() -> None:
    result = lint_imports(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


# Each line breaks one rule of the architecture; the contract named must catch it.
VIOLATIONS = [
    ("runner/run.py", "from bot.generation import pipeline", "Running a control needs no model and no GitHub"),
    ("language/checker.py", "from bot.generation import render", "The control language knows nothing of models"),
    ("knowledge/retrieval.py", "from bot.generation import trace", "Knowledge of the AWS API knows nothing of"),
    ("generation/pipeline.py", "from bot.github import review", "Generation knows nothing of GitHub"),
    ("inputs/config.py", "from bot.cli import main", "No part reaches up to the entry points"),
    ("generation/providers/openai.py", "from bot.generation.offline import engine", "independent plugins"),
]


@pytest.mark.parametrize(("module", "line", "contract"), VIOLATIONS, ids=[v[0] for v in VIOLATIONS])
def test_a_forbidden_import_breaks_its_contract(tmp_path: Path, module: str, line: str, contract: str) -> None:
    shutil.copytree(BOT, tmp_path / "bot", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    target = tmp_path / "bot" / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{line}  # noqa\n", encoding="utf-8")

    result = lint_imports(tmp_path)

    assert result.returncode == 1, result.stdout
    broken = [row for row in result.stdout.splitlines() if row.endswith("BROKEN")]
    assert any(contract in row for row in broken), result.stdout
    assert f"bot.{module[:-3].replace('/', '.')}" in result.stdout


def test_bot_holds_parts_and_at_most_three_modules() -> None:
    top = sorted(p.name for p in BOT.glob("*.py"))
    assert len(top) <= 3, top
    assert {"__init__.py", "__main__.py"} <= set(top)
    assert len(parts()) >= 6


def test_every_module_stays_under_300_lines() -> None:
    long = {
        str(p.relative_to(REPO)): n
        for p in BOT.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 300
    }
    assert not long


def test_every_part_says_in_one_line_what_it_owns() -> None:
    for init in BOT.rglob("__init__.py"):
        if init.parent == BOT:
            continue
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc and "\n" not in doc, f"{init.relative_to(REPO)}: needs a one-line docstring"


def test_the_readme_names_every_part_and_only_real_ones() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Where things live", 1)[1].split("\n## ", 1)[0]
    named = set(re.findall(r"`bot/([a-z_/]+)/`", section))
    packages = {str(p.parent.relative_to(BOT)) for p in BOT.rglob("__init__.py") if p.parent != BOT}
    assert named == packages


def test_tests_mirror_the_parts() -> None:
    mirrored = sorted(p.name for p in (REPO / "tests").iterdir() if p.is_dir() and p.name in parts())
    assert mirrored == parts()


@pytest.mark.parametrize("script", sorted(p.stem for p in (REPO / "benchmarks").glob("*.py")))
def test_every_benchmark_still_starts(script: str) -> None:
    # benchmarks import the package and the test fakes; a move must not leave them broken until someone runs them
    result = subprocess.run(
        [sys.executable, "-m", f"benchmarks.{script}", "--help"], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
