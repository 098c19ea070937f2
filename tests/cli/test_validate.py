"""`controlbot validate` on crafted features: one clear error each, never a traceback, the other files still checked."""

from __future__ import annotations

import json
import resource
import time
from pathlib import Path

import pytest

from bot.cli.main import main
from tests.paths import REPO

GOOD = """\
@control:{id} @service:s3 @severity:low @category:other
Feature: {id}
  Scenario: {id}
    Given the resources listed by "s3.ListBuckets" at "Buckets" identified by "Name"
    Then {then}
"""


def write(folder: Path, name: str, then: str) -> Path:
    path = folder / "s3" / f"{name}.feature"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(GOOD.format(id=name, then=then), encoding="utf-8")
    return path


def validate(capsys: pytest.CaptureFixture[str], *paths: Path) -> tuple[int, list[dict[str, object]]]:
    code = main(["validate", *map(str, paths), "--format", "json"])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, json.loads(out)["problems"]


CRAFTED = [
    ('"Name" must match "a{4294967296}"', "the repetition number is too large"),
    ('"Name" must match "a{5000}"', "repeat counts above 1000 are not allowed"),
    ('"Name" must match "^([a-z0-9]+-?)+$"', "nests a quantifier inside a quantifier"),
    ('"Name" must match "' + "(" * 3000 + "a" + ")" * 3000 + '"', "the regular expression is 6,001 characters"),
    ('"Name" must be ' + "[" * 5000 + "]" * 5000, "nested too deeply"),
    ('"Name" must be ' + "[" * 30 + "]" * 30, "the JSON literal is nested too deeply (at most 20 levels)"),
    ('"Name" must be ' + "7" * 5000, "integers are limited to 4,300 digits"),
    ('the expression "' + "(" * 3000 + "Name" + ")" * 3000 + '" must be true', "the path is 6,004 characters"),
    ('the expression "' + "not_null(" * 100 + "Name" + ")" * 100 + '" must be true', "nested too deeply"),
    ('the expression "nosuch(Name)" must be true', 'unknown JMESPath function "nosuch()"'),
    ('the expression "length(Name, Name)" must be true', 'JMESPath function "length()" takes 1 argument(s), not 2'),
    ('"CreationDate" must be at most 40000 days old', "the day count must be between 0 and 36,500 (100 years)"),
    ('"Name" must be at least NaN', "NaN is not allowed: numbers must be finite"),
    ('"Name" must be at most Infinity', "Infinity is not allowed: numbers must be finite"),
    ('"Name" must be at most 1e400', "the number must be a finite number, not inf"),
    ('"Name" must be at least 1e20', "the number is out of range"),
    (
        'each resource is enriched by "s3.GetBucketTagging" with "Bucket" set to ' + "[" * 5000 + "]" * 5000,
        "the JSON literal is nested too deeply (at most 20 levels)",
    ),
    ('each resource is enriched by "s3.GetBucketTagging" with "Bucket" set to NaN', "NaN is not allowed"),
    ('"Name" must equal "x"', "is not in the control language (a typo in a step form?)"),
]


@pytest.mark.parametrize(("then", "message"), CRAFTED, ids=[m for _, m in CRAFTED])
def test_a_crafted_step_is_one_clear_error_and_the_other_feature_is_still_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], then: str, message: str
) -> None:
    crafted = write(tmp_path, "crafted", then)
    fine = write(tmp_path, "fine", '"CreationDate" must be at most 3650 days old')
    started = time.monotonic()
    code, problems = validate(capsys, crafted, fine)
    assert time.monotonic() - started < 5
    assert code == 1
    assert len(problems) == 1 and problems[0]["file"] == str(crafted) and problems[0]["line"] == 5
    assert message in str(problems[0]["message"])


@pytest.mark.parametrize(
    "code",
    [
        "AccessDenied",
        "UnauthorizedOperation",
        "ThrottlingException",
        "InternalError",
        "ServiceUnavailable",
        "ExpiredToken",
        "InvalidClientTokenId",
        "RequestLimitExceeded",
        "ProvisionedThroughputExceededException",
    ],
)
def test_fault_codes_can_never_mean_absent(tmp_path: Path, capsys: pytest.CaptureFixture[str], code: str) -> None:
    path = write(tmp_path, "absent", '"GetBucketVersioning.Status" must be "Enabled"')
    text = path.read_text().replace(
        "    Then",
        '    And each resource is enriched by "s3.GetBucketVersioning" with "Bucket" from "Name"\n'
        f'    And the error "{code}" from "s3.GetBucketVersioning" means absent\n    Then',
    )
    path.write_text(text)
    exit_code, problems = validate(capsys, path)
    assert exit_code == 1
    assert [p["line"] for p in problems] == [6]
    assert f'the error "{code}" is an access, throttling or service fault' in str(problems[0]["message"])


def test_a_20_mb_feature_is_refused_by_its_size_quickly_and_without_the_memory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "huge", '"Name" must be present')
    with path.open("a") as handle:
        handle.write(("    # padding " + "x" * 1000 + "\n") * 20_000)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.monotonic()
    code, problems = validate(capsys, path)
    assert time.monotonic() - started < 2
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 50_000  # KiB
    assert code == 1
    assert [p["message"] for p in problems] == [
        f"the feature is {path.stat().st_size:,} bytes; features are limited to 256 KiB"
    ]


def test_control_characters_in_a_feature_never_reach_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "escape", '"Name" must equal "\x1b]0;pwned\x07\u202e"')
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\u202e" not in out and "\x07" not in out
    assert "\\x1b]0;pwned\\x07\\u202e" in out


def test_the_shipped_catalogue_validates_cleanly(capsys: pytest.CaptureFixture[str]) -> None:
    code, problems = validate(capsys, REPO / "controls")
    assert (code, problems) == (0, [])


def test_a_broken_test_case_file_beside_a_feature_is_an_error_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = REPO / "controls" / "s3" / "s3-bucket-versioning-enabled.feature"
    feature = tmp_path / source.name
    feature.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "s3-bucket-versioning-enabled.test.yaml").write_text("cases:\n  - name: a\n    expect: {b: OK}\n")
    assert main(["validate", str(feature)]) == 1
    out = capsys.readouterr().out
    assert "s3-bucket-versioning-enabled.test.yaml:3: key 'cases.0.expect.b': the status must be one of" in out
