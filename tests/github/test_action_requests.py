"""The Action on requests PyYAML cannot build: one rejected request, the valid one still committed, later runs fine."""

from __future__ import annotations

from tests.github.action_repo import VERSIONING, Repo, added_paths

BAD_DATE = VERSIONING.replace("title: S3 buckets keep every version of their objects", "title: 2001-13-45")


def test_a_request_with_an_impossible_date_is_rejected_and_the_valid_one_is_committed(repo: Repo) -> None:
    number = repo.open_pr(
        "add-s3", {"controls/s3/s3-versioning.yaml": VERSIONING, "controls/s3/s3-bad-date.yaml": BAD_DATE}
    )
    result = repo.on_pr(number)
    assert result.code == 1  # a rejected request fails the check
    [commit, *_] = repo.branch(number)
    assert added_paths(repo, commit) == {"controls/s3/s3-versioning.feature"}
    [review] = repo.reviews(number)
    assert "| `controls/s3/s3-bad-date.yaml` | ⛔ rejected |" in review["body"]
    comment = repo.file_comments(number, review)["controls/s3/s3-bad-date.yaml"]
    assert (
        "key 'title': '2001-13-45' reads as a date or time but is not a valid one (month must be in 1..12)" in comment
    )


def test_a_merged_pair_with_an_unreadable_request_does_not_crash_later_runs(repo: Repo) -> None:
    merged = VERSIONING + "notes: 2024-02-30\n"
    repo.gh.commit(
        "main", {"controls/s3/merged-broken.yaml": merged, "controls/s3/merged-broken.feature": "Feature: x\n"}, "merge"
    )
    number = repo.open_pr("add-s3", {"controls/s3/s3-versioning.yaml": VERSIONING})
    result = repo.on_pr(number)
    assert result.code == 0, result.stdout + result.stderr
    [commit, *_] = repo.branch(number)
    assert added_paths(repo, commit) == {"controls/s3/s3-versioning.feature"}
    assert "::warning title=controlbot::" in result.stdout and "merged-broken.yaml" in result.stdout
    [review] = repo.reviews(number)
    assert "A merged control was left out of the few-shot examples" in review["body"]
