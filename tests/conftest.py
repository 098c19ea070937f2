"""Shared pytest fixtures."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, settings

from tests.fakes.mock_model import MockModel
from tests.fakes.openai_server import FakeOpenAI

# Property-based tests: CI runs the bounded "ci" profile; before a release run
# `HYPOTHESIS_PROFILE=release pytest -m fuzz` for the long run (examples per test below).
settings.register_profile(
    "ci", max_examples=200, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "release", max_examples=5_000, deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture
def fake_openai() -> Iterator[FakeOpenAI]:
    """A started local OpenAI-compatible server; script answers with `fake_openai.script(step, ...)`."""
    with FakeOpenAI() as server:
        yield server


@pytest.fixture
def mock_model() -> MockModel:
    """An in-process model answering each step from what the test enqueued."""
    return MockModel()


@pytest.fixture(autouse=True)
def _own_cache_folder(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """The corpus cache of a test run never touches the user's ~/.cache."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "cache"))
