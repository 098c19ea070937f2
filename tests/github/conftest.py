"""The local GitHub fake with a pull request of control requests, and a PyGithub client talking to it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.github.pygithub_client import PyGithubClient
from tests.fakes.github_server import FakeGitHub, Symlink
from tests.github.action_repo import model, repo  # noqa: F401  (fixtures of the Action end-to-end tests)


@pytest.fixture
def fake() -> Iterator[FakeGitHub]:
    with FakeGitHub() as server:
        server.commit("main", {"README.md": "controls\n", "controls/s3/old.yaml": "service: s3\n"}, "init")
        server.commit(
            "add-controls",
            {
                "controls/s3/new.yaml": "service: s3\nresource: bucket\n",
                "controls/s3/old.yaml": "service: s3\nresource: bucket\n",
                "controls/s3/link.yaml": Symlink("../../README.md"),
                "controls/raw.yaml": b"\xff\xfe not utf-8",
            },
            "requests",
        )
        server.open_pr("add-controls")
        yield server
        assert server.crashes == []


def client(fake: FakeGitHub, retries: int = 5) -> PyGithubClient:
    return PyGithubClient(
        fake.full_name, fake.token, api_url=fake.base_url, retries=retries, backoff=0.0, seconds_between_writes=None
    )
