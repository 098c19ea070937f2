"""Control request intake: valid files become requests, every broken one gives one clear message."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from bot.inputs.errors import RequestError, UsageError
from bot.inputs.intake import (
    ALLOWED_KEYS,
    CATEGORIES,
    MAX_REQUEST_BYTES,
    SEVERITIES,
    ControlRequest,
    find_requests,
    load_request,
    parse_request,
)
from tests.paths import FIXTURES

REQUESTS = FIXTURES / "requests"
BAD = REQUESTS / "bad"
VALID = b"service: s3\nresource: S3 bucket\nrequirement: Buckets must block public access.\n"


def refused(path: Path) -> RequestError:
    with pytest.raises(RequestError) as caught:
        load_request(path)
    assert str(caught.value).startswith(path.as_posix())
    assert "\n" not in str(caught.value)
    return caught.value


def test_full_request_is_read_with_every_key() -> None:
    path = REQUESTS / "controls" / "sagemaker" / "automl-output-kms.yaml"
    request = load_request(path)
    assert request.id == "automl-output-kms"
    assert request.path == path.as_posix()
    assert request.service == "sagemaker"  # written as "Amazon SageMaker"
    assert request.resource == "AutoML job"
    assert request.requirement == (
        "AutoML jobs must encrypt output artifacts and processing volumes with a customer managed KMS key."
    )
    assert request.title == "SageMaker AutoML jobs encrypt their output with a customer managed KMS key"
    assert (request.category, request.severity) == ("encryption-at-rest", "high")
    assert request.frameworks == ("NIST-800-53:SC-28", "CIS-AWS:2.1.1")
    assert request.notes == "Both the output bucket key and the volume key count."
    assert request.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert request.feature_path == path.with_suffix(".feature").as_posix()


def test_minimal_request_leaves_optional_keys_unset() -> None:
    request = load_request(REQUESTS / "controls" / "s3" / "bucket-versioning-enabled.yaml")
    assert (request.title, request.category, request.severity, request.notes) == (None, None, None, None)
    assert request.frameworks == ()


def test_aliases_spellings_and_empty_optional_keys_are_normalised() -> None:
    request = load_request(REQUESTS / "controls" / "logs" / "log-group-kms.yaml")
    assert request.service == "logs"
    assert request.category == "encryption-at-rest"  # written "Encryption at rest"
    assert request.severity == "critical"  # written "CRITICAL"
    assert request.title is None
    assert request.frameworks == ()
    assert request.requirement == "Log groups must be encrypted with a customer managed KMS key."


def test_request_is_frozen() -> None:
    request = parse_request(VALID, "controls/s3/public-access.yaml")
    with pytest.raises(ValueError):
        request.service = "ec2"
    assert isinstance(request, ControlRequest)


def test_parse_request_works_on_fetched_bytes_and_keeps_the_path() -> None:
    request = parse_request(VALID, "controls/s3/public-access.yaml")
    assert (request.id, request.path, request.feature_path) == (
        "public-access",
        "controls/s3/public-access.yaml",
        "controls/s3/public-access.feature",
    )
    assert request.sha256 == hashlib.sha256(VALID).hexdigest()


def test_folder_under_controls_must_match_the_service() -> None:
    error = refused(REQUESTS / "controls" / "ec2" / "bucket-in-wrong-folder.yaml")
    assert error.key == "service"
    assert "controls/ec2/" in str(error) and "move it to controls/s3/" in str(error)


def test_folder_named_after_an_alias_is_accepted_only_as_the_client_name() -> None:
    data = VALID.replace(b"service: s3", b"service: Amazon S3")
    assert parse_request(data, "controls/s3/public-access.yaml").service == "s3"
    assert parse_request(data, "elsewhere/public-access.yaml").service == "s3"


def test_unknown_key_with_a_typo_suggests_the_key() -> None:
    error = refused(BAD / "unknown-key-typo.yaml")
    assert (error.key, error.line) == ("severty", 4)
    assert "key 'severty'" in str(error)
    assert "did you mean 'severity'?" in str(error)
    assert "allowed keys: " + ", ".join(ALLOWED_KEYS) in str(error)


def test_unknown_key_lists_the_allowed_keys() -> None:
    error = refused(BAD / "unknown-key.yaml")
    assert error.key == "owner"
    assert "did you mean" not in str(error)
    assert "allowed keys: service, resource, requirement" in str(error)


def test_missing_required_key() -> None:
    error = refused(BAD / "missing-requirement.yaml")
    assert error.key == "requirement"
    assert "is missing; it is required" in str(error)


def test_empty_required_key() -> None:
    error = refused(BAD / "empty-resource.yaml")
    assert (error.key, error.line) == ("resource", 2)
    assert "is empty; it is required" in str(error)


@pytest.mark.parametrize(
    ("name", "key", "expected"),
    [
        ("frameworks-not-list.yaml", "frameworks", "must be a list of framework references"),
        ("frameworks-item-number.yaml", "frameworks", "item 2 must be text, not a number (42)"),
        ("frameworks-item-spaces.yaml", "frameworks", "item 1 ('NIST 800-53 AC-3') must be one word"),
        ("requirement-number.yaml", "requirement", "must be text saying, in prose, what must hold, not a number"),
        ("title-date.yaml", "title", "not a date (2024-05-01; put it in quotes to make it text)"),
    ],
)
def test_wrong_types_say_what_is_allowed(name: str, key: str, expected: str) -> None:
    error = refused(BAD / name)
    assert error.key == key
    assert f"key '{key}'" in str(error)
    assert expected in str(error)
    assert "validation error" not in str(error) and "pydantic" not in str(error)


def test_whitespace_requirement_is_empty() -> None:
    error = refused(BAD / "requirement-blank.yaml")
    assert (error.key, error.line) == ("requirement", 3)
    assert "must not be empty" in str(error)


def test_unknown_service_suggests_client_names() -> None:
    error = refused(BAD / "unknown-service.yaml")
    assert (error.key, error.line) == ("service", 1)
    assert "unknown service 'sagemakr'; did you mean 'sagemaker'" in str(error)


def test_ambiguous_service_lists_the_candidates() -> None:
    error = refused(BAD / "ambiguous-service.yaml")
    assert error.key == "service"
    assert "'timestream-query', 'timestream-write'" in str(error)


@pytest.mark.parametrize(
    ("name", "key", "suggestion", "allowed"),
    [
        ("bad-severity.yaml", "severity", "high", SEVERITIES),
        ("bad-category.yaml", "category", "encryption-at-rest", CATEGORIES),
    ],
)
def test_invalid_choice_lists_the_values_and_suggests_one(
    name: str, key: str, suggestion: str, allowed: tuple[str, ...]
) -> None:
    error = refused(BAD / name)
    assert (error.key, error.line) == (key, 4)
    assert f"did you mean '{suggestion}'?" in str(error)
    assert "allowed: " + ", ".join(allowed) in str(error)


def test_file_name_must_be_kebab_case() -> None:
    error = refused(BAD / "Not_Kebab.yaml")
    assert "'Not_Kebab' is not a valid control id: use kebab-case" in str(error)


@pytest.mark.parametrize("stem", ["a--b", "-a", "a-", "a.b", "A", "a_b", "a b"])
def test_ids_that_are_not_kebab_case(stem: str) -> None:
    with pytest.raises(RequestError, match="not a valid control id"):
        parse_request(VALID, f"requests/{stem}.yaml")


def test_oversized_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "big-request.yaml"
    path.write_bytes(VALID + b"notes: " + b"x" * MAX_REQUEST_BYTES + b"\n")
    error = refused(path)
    assert "at most 64 KiB" in str(error)
    with pytest.raises(RequestError, match="at most 64 KiB"):
        parse_request(path.read_bytes(), "big-request.yaml")


def test_request_at_the_size_limit_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "long-notes.yaml"
    filler = MAX_REQUEST_BYTES - len(VALID) - len(b"notes: \n")
    path.write_bytes(VALID + b"notes: " + b"x" * filler + b"\n")
    assert path.stat().st_size == MAX_REQUEST_BYTES
    assert load_request(path).notes == "x" * filler


def test_invalid_utf8_names_the_line() -> None:
    error = refused(BAD / "not-utf8.yaml")
    assert error.line == 3
    assert "not valid UTF-8 (byte 0xff)" in str(error)


def test_yaml_syntax_error_names_the_line() -> None:
    error = refused(BAD / "syntax-error.yaml")
    assert error.line == 5
    assert "not valid YAML: while scanning a quoted scalar" in str(error)
    assert "(from line 3)" in str(error)


def test_more_than_one_document_is_refused() -> None:
    error = refused(BAD / "two-documents.yaml")
    assert error.line == 4
    assert "expected a single document" in str(error)


@pytest.mark.parametrize(("name", "kind"), [("top-level-list.yaml", "a list"), ("top-level-scalar.yaml", "text")])
def test_top_level_must_be_a_mapping(name: str, kind: str) -> None:
    error = refused(BAD / name)
    assert f"must hold a mapping of keys ({', '.join(ALLOWED_KEYS)}), not {kind}" in str(error)


@pytest.mark.parametrize("name", ["empty.yaml", "comments-only.yaml"])
def test_empty_file(name: str) -> None:
    error = refused(BAD / name)
    assert "the file is empty; a request is a mapping with the keys service, resource, requirement" in str(error)


def test_billion_laughs_is_refused_at_the_first_anchor() -> None:
    error = refused(BAD / "billion-laughs.yaml")
    assert error.line == 3
    assert "anchors and aliases (&name, *name) are not allowed" in str(error)


def test_even_a_harmless_alias_is_refused() -> None:
    error = refused(BAD / "alias-only.yaml")
    assert error.line == 1
    assert "anchors and aliases" in str(error)


def test_duplicate_key_names_both_lines() -> None:
    error = refused(BAD / "duplicate-key.yaml")
    assert (error.key, error.line) == ("service", 4)
    assert "appears twice (lines 1 and 4)" in str(error)


@pytest.mark.parametrize(
    ("name", "tag", "line"),
    [("python-tag.yaml", "!!python/object/apply:os.system", 3), ("local-tag.yaml", "!bucket", 2)],
)
def test_tags_are_refused_clearly(name: str, tag: str, line: int) -> None:
    error = refused(BAD / name)
    assert error.line == line
    assert f"the tag '{tag}' is not allowed" in str(error)


def test_deep_nesting_is_refused() -> None:
    data = VALID + b"notes: " + b"[" * 5000 + b"]" * 5000 + b"\n"
    with pytest.raises(RequestError, match="nest deeper than 8 levels"):
        parse_request(data, "deep.yaml")


def test_control_characters_are_refused_with_their_line() -> None:
    with pytest.raises(RequestError, match=r"deep\.yaml:2: .*character #x0007") as caught:
        parse_request(b"service: s3\nresource: \x07bucket\n", "deep.yaml")
    assert caught.value.line == 2


def test_byte_order_mark_is_accepted() -> None:
    assert parse_request(b"\xef\xbb\xbf" + VALID, "with-bom.yaml").service == "s3"


def test_unreadable_paths(tmp_path: Path) -> None:
    with pytest.raises(RequestError, match="cannot be read"):
        load_request(tmp_path / "missing.yaml")
    folder = tmp_path / "folder.yaml"
    folder.mkdir()
    with pytest.raises(RequestError, match="not a regular file"):
        load_request(folder)


def test_find_requests_expands_folders_and_skips_hidden_ones(tmp_path: Path) -> None:
    for name in ["controls/s3/b.yaml", "controls/s3/a.yaml", "controls/ec2/c.yaml", "controls/s3/a.feature"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(VALID)
    (tmp_path / "controls/.drafts").mkdir()
    (tmp_path / "controls/.drafts/d.yaml").write_bytes(VALID)
    extra = tmp_path / "one.yaml"
    extra.write_bytes(VALID)
    found = find_requests([extra, tmp_path / "controls", tmp_path / "controls/s3/a.yaml"])
    names = [p.relative_to(tmp_path).as_posix() for p in found]
    assert names == ["one.yaml", "controls/ec2/c.yaml", "controls/s3/a.yaml", "controls/s3/b.yaml"]


def test_find_requests_refuses_a_missing_path(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="nowhere: no such file or directory"):
        find_requests([tmp_path / "nowhere"])
