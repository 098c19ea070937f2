"""Shared pytest fixtures."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.fakes.mock_model import MockModel
from tests.fakes.openai_server import FakeOpenAI


@pytest.fixture
def fake_openai() -> Iterator[FakeOpenAI]:
    """A started local OpenAI-compatible server; script answers with `fake_openai.script(step, ...)`."""
    with FakeOpenAI() as server:
        yield server


@pytest.fixture
def mock_model() -> MockModel:
    """An in-process model answering each step from what the test enqueued."""
    return MockModel()
