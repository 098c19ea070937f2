"""Path rules: which PR files are read as requests, and which files the Action may ever write."""

from __future__ import annotations

import pytest

from bot.github.api import ChangedFile
from bot.github.safety import (
    UnsafePathError,
    check_writes,
    entry_problem,
    feature_path_for,
    request_candidates,
    request_path_for,
    request_path_problem,
)


@pytest.mark.parametrize(
    "path",
    ["controls/s3/s3-bucket-versioning.yaml", "controls/s3-x.yaml", "controls/team_a/s3/s3-x.yaml"],
)
def test_request_paths_under_controls_are_accepted(path: str) -> None:
    assert request_path_problem(path) is None


@pytest.mark.parametrize(
    ("path", "says"),
    [
        ("controls/../.github/workflows/x.yaml", "'..'"),
        ("controls/s3/../../x.yaml", "'..'"),
        ("controls/./s3/x.yaml", "'.'"),
        ("controls//x.yaml", "empty"),
        ("/controls/s3/x.yaml", "absolute"),
        ("C:/controls/s3/x.yaml", "absolute"),
        ("controls\\s3\\x.yaml", "backslash"),
        ("docs/s3/x.yaml", "under controls/"),
        ("controls/s3/x.yml", "must end in .yaml"),
        ("controls/s3/x.json", "must end in .yaml"),
        ("controls/s3/.hidden.yaml", "'.hidden'"),
        ("controls/s3/x y.yaml", "'x y'"),
        ("controls/s3/x\n.yaml", "control characters"),
    ],
)
def test_unsafe_request_paths_are_rejected_with_the_rule(path: str, says: str) -> None:
    problem = request_path_problem(path)
    assert problem is not None
    assert problem.startswith(path)
    assert says in problem


def test_symlinks_and_non_files_are_rejected() -> None:
    assert "symbolic link" in (entry_problem("controls/s3/x.yaml", "120000", "blob") or "")
    assert "not a regular file" in (entry_problem("controls/s3/x.yaml", "040000", "tree") or "")
    assert "not a regular file" in (entry_problem("controls/s3/x.yaml", "160000", "commit") or "")
    assert "not found" in (entry_problem("controls/s3/x.yaml", None, None) or "")
    assert entry_problem("controls/s3/x.yaml", "100644", "blob") is None
    assert entry_problem("controls/s3/x.yaml", "100755", "blob") is None


def test_feature_and_request_paths_map_onto_each_other() -> None:
    assert feature_path_for("controls/s3/x.yaml") == "controls/s3/x.feature"
    assert request_path_for("controls/s3/x.feature") == "controls/s3/x.yaml"
    assert request_path_for("controls/s3/x.yaml") == "controls/s3/x.yaml"
    assert request_path_for("README.md") is None
    assert request_path_for("controls/../x.feature") is None


def test_only_features_next_to_safe_requests_may_be_written() -> None:
    requests = ["controls/s3/a.yaml", "controls/../b.yaml"]
    check_writes(["controls/s3/a.feature"], requests)
    for path in [".github/workflows/x.yml", "controls/s3/c.feature", "controls/../b.feature", "controls/s3/a.yaml"]:
        with pytest.raises(UnsafePathError, match="refusing to write"):
            check_writes([path], requests)


def test_candidates_are_changed_yaml_files_under_controls_sorted() -> None:
    files = [
        ChangedFile("controls/s3/b.yaml", "added", "1" * 40, "@@ -0,0 +1 @@\n+x"),
        ChangedFile("controls/s3/a.yml", "modified", "2" * 40, None),
        ChangedFile("controls/s3/gone.yaml", "removed", "", None),
        ChangedFile("controls/s3/b.feature", "added", "3" * 40, None),
        ChangedFile("README.md", "modified", "4" * 40, None),
        ChangedFile("controls/../.github/workflows/x.yaml", "added", "5" * 40, None),
    ]
    found = request_candidates(files)
    assert [c.path for c in found] == [
        "controls/../.github/workflows/x.yaml",
        "controls/s3/a.yml",
        "controls/s3/b.yaml",
    ]
    assert found[2].blob == "1" * 40 and found[2].patch == "@@ -0,0 +1 @@\n+x"
