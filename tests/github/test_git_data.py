"""Git data through the PyGithub client and the local GitHub fake: reading a commit's tree, one-commit pushes."""

from __future__ import annotations

import pytest

from bot.github.api import BranchKeptMoving
from bot.github.git_data import TreeReader, push_files
from tests.fakes.github_server import FakeGitHub
from tests.github.conftest import client


def test_tree_reader_tells_files_symlinks_and_absent_paths_apart(fake: FakeGitHub) -> None:
    gh = client(fake)
    reader = TreeReader(gh, fake.head_sha(1))
    regular = reader.entry("controls/s3/new.yaml")
    link = reader.entry("controls/s3/link.yaml")
    assert regular is not None and (regular.mode, regular.kind) == ("100644", "blob")
    assert gh.blob(regular.sha) == b"service: s3\nresource: bucket\n"
    assert link is not None and link.mode == "120000"
    assert reader.entry("controls/s3/missing.yaml") is None
    assert reader.entry("README.md/inside") is None
    raw = reader.entry("controls/raw.yaml")
    assert raw is not None and gh.blob(raw.sha) == b"\xff\xfe not utf-8"
    trees_read = sum(1 for _, path in fake.requests if "/git/trees/" in path)
    reader.entry("controls/s3/old.yaml")
    assert sum(1 for _, path in fake.requests if "/git/trees/" in path) == trees_read


def test_push_makes_one_real_commit_on_top_of_the_branch(fake: FakeGitHub) -> None:
    head = fake.head_sha(1)
    files = {"controls/s3/new.feature": b"Feature: new\n", "controls/s3/old.feature": b"Feature: old\n"}
    result = push_files(client(fake), "add-controls", files, "controlbot: generate 2 controls\n")
    assert result.parent_sha == head and result.attempts == 1
    assert fake.git.log("refs/heads/add-controls")[:2] == [result.commit_sha, head]
    info = fake.git.commit_info(result.commit_sha)
    assert info["parents"] == [head] and info["message"] == "controlbot: generate 2 controls\n"
    assert fake.git.read(result.commit_sha, "controls/s3/new.feature") == b"Feature: new\n"
    assert fake.git.read(result.commit_sha, "controls/s3/new.yaml") == b"service: s3\nresource: bucket\n"
    assert set(fake.git.files(result.commit_sha)) - set(fake.git.files(head)) == set(files)


def test_push_rebuilds_on_the_new_head_when_the_branch_moves(fake: FakeGitHub) -> None:
    def someone_pushes() -> None:
        fake.commit("add-controls", {"controls/s3/late.yaml": "x: 1\n"}, "push")

    fake.before("POST", "/git/trees$", someone_pushes)
    result = push_files(client(fake), "add-controls", {"controls/s3/new.feature": b"Feature: new\n"}, "controlbot\n")
    moved = fake.git.log("refs/heads/add-controls")[1]
    assert result.attempts == 2 and result.parent_sha == moved
    assert fake.git.read(result.commit_sha, "controls/s3/late.yaml") == b"x: 1\n"
    assert fake.git.read(result.commit_sha, "controls/s3/new.feature") == b"Feature: new\n"


def test_push_gives_up_after_three_tries_without_forcing(fake: FakeGitHub) -> None:
    def someone_pushes() -> None:
        fake.commit("add-controls", {"controls/s3/busy.yaml": f"n: {len(fake.requests)}\n"}, "push")

    fake.before("POST", "/git/trees$", someone_pushes, times=3)
    with pytest.raises(BranchKeptMoving, match="3 attempts"):
        push_files(client(fake), "add-controls", {"controls/s3/new.feature": b"Feature\n"}, "controlbot\n")
    assert fake.git.read("refs/heads/add-controls", "controls/s3/new.feature") is None
    assert sum(1 for method, path in fake.requests if method == "PATCH") == 3
