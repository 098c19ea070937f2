"""`action.yml` itself: its inputs become the environment of its own `run:` steps, which run controlbot."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path
from typing import Any

import yaml

from bot.inputs.config import load_settings
from tests.fakes.openai_server import FakeOpenAI
from tests.github.action_repo import VERSIONING, Repo, added_paths
from tests.paths import REPO

ACTION = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
_EXPRESSION = re.compile(r"\$\{\{\s*([a-z]+)\.([A-Za-z0-9_-]+)\s*\}\}")
DECOY = "import pathlib, sys\npathlib.Path(sys.argv[0]).with_name('decoy-ran').write_text('x')\n"


def render(value: str, inputs: dict[str, str], github: dict[str, str]) -> str:
    """An action.yml value with `${{ inputs.x }}` and `${{ github.x }}` filled in (KeyError on an unknown name)."""
    return _EXPRESSION.sub(lambda m: (inputs if m.group(1) == "inputs" else github)[m.group(2)], value)


def action_inputs(given: dict[str, str], github: dict[str, str]) -> dict[str, str]:
    unknown = set(given) - set(ACTION["inputs"])
    assert not unknown, f"not inputs of action.yml: {unknown}"
    defaults = {name: str(spec.get("default", "")) for name, spec in ACTION["inputs"].items()}
    return {name: render(given.get(name, value), {}, github) for name, value in defaults.items()}


def action_python(tmp: Path) -> Path:
    """A fresh venv standing in for setup-python: no controlbot, this test run's libraries importable."""
    venv = tmp / "python"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    site = Path(subprocess.check_output([venv / "bin/python", "-c", "import site; print(site.getsitepackages()[0])"],
                                        text=True).strip())  # fmt: skip
    (site / "test-libraries.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    return venv / "bin"


def action_copy(tmp: Path) -> Path:
    """controlbot checked out where Actions puts an action ($GITHUB_ACTION_PATH)."""
    target = tmp / "action"
    for name in ("action.yml", "pyproject.toml", "README.md"):
        target.mkdir(exist_ok=True)
        shutil.copy(REPO / name, target / name)
    for name in ("bot", "prompts", "controls"):
        shutil.copytree(REPO / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def run_action(repo: Repo, number: int, given: dict[str, str]) -> tuple[list[dict[str, Any]], Path]:
    """Run every `run:` step of action.yml in order, as the runner would, in a workspace holding a decoy `bot/`."""
    tmp = repo.tmp
    workspace = repo.workspace()
    (workspace / "bot").mkdir()
    (workspace / "bot" / "__init__.py").write_text("", encoding="utf-8")
    (workspace / "bot" / "__main__.py").write_text(DECOY, encoding="utf-8")
    event = tmp / "event.json"
    event.write_text(__import__("json").dumps(repo.gh.pull_request_event(number)), encoding="utf-8")
    github = {"token": repo.gh.token}
    inputs = action_inputs(given, github)
    base = {
        "PATH": f"{action_python(tmp)}{os.pathsep}{os.environ.get('PATH', '')}",
        "HOME": str(tmp),
        "GITHUB_ACTION_PATH": str(action_copy(tmp)),
        "GITHUB_EVENT_NAME": "pull_request",
        "GITHUB_EVENT_PATH": str(event),
        "GITHUB_API_URL": repo.gh.base_url,
        "GITHUB_WORKSPACE": str(workspace),
        "PIP_NO_DEPS": "1",  # the test's libraries are already importable: only controlbot is installed
    }
    done = []
    for step in ACTION["runs"]["steps"]:
        if "run" not in step:
            continue  # actions/setup-python: stood in for by action_python()
        env = {**base, **{key: render(str(value), inputs, github) for key, value in step.get("env", {}).items()}}
        result = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=workspace, env=env,
                                capture_output=True, text=True, timeout=300)  # fmt: skip
        assert result.returncode == 0 or step["name"] == "Run controlbot", result.stderr
        done.append({"name": step["name"], "env": env, "result": result})
    return done, workspace


def test_action_yml_inputs_reach_a_run_that_uses_them(repo: Repo, model: FakeOpenAI) -> None:
    number = repo.open_pr("add-s3", {"controls/s3/s3-versioning.yaml": VERSIONING})
    given = {"provider": "openai", "openai-base-url": model.base_url, "openai-api-key": "sk-fake-key-0000",
             "model": "gpt-test", "bedrock-region": "eu-west-3"}  # fmt: skip

    steps, workspace = run_action(repo, number, given)

    run = steps[-1]
    assert run["result"].returncode == 0, run["result"].stdout + run["result"].stderr
    assert not (workspace / "bot" / "decoy-ran").exists()  # the workspace's bot/ never ran
    assert model.requests_for("write") and model.requests[0]["model"] == "gpt-test"
    [commit, *_] = repo.branch(number)
    assert added_paths(repo, commit) == {"controls/s3/s3-versioning.feature"}
    settings = load_settings(run["env"], workspace)
    assert (settings.provider, settings.bedrock_region, settings.api_key) == ("openai", "eu-west-3", "sk-fake-key-0000")
    assert "sk-fake-key-0000" not in run["result"].stdout + run["result"].stderr


def test_the_decoy_bot_package_would_run_without_isolated_mode(repo: Repo) -> None:
    """The decoy is real: plain `python -m bot` in that workspace runs it (which action.yml must never do)."""
    workspace = repo.workspace()
    (workspace / "bot").mkdir()
    (workspace / "bot" / "__main__.py").write_text(DECOY, encoding="utf-8")
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(repo.tmp)}

    subprocess.run([sys.executable, "-m", "bot"], cwd=workspace, env=env, check=True, capture_output=True)

    assert (workspace / "bot" / "decoy-ran").exists()
    assert "-I -m bot" in ACTION["runs"]["steps"][-1]["run"]
