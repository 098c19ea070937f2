"""The offline engine adapts a merged control asking the same thing, and plans from scratch otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli.check import load_features
from bot.cli.main import main
from bot.cli.test import moto_sandbox
from bot.corpus.examples import Example
from bot.generation.offline.adapt import adapt, adaptable
from bot.inputs.control_tests import load_control_tests
from bot.inputs.intake import ControlRequest, parse_request
from bot.runner.cases import run_control_tests
from tests.paths import REPO

SEED = REPO / "controls" / "s3" / "s3-bucket-versioning-enabled"


def _seed() -> Example:
    request = SEED.with_suffix(".yaml").read_text(encoding="utf-8")
    feature = SEED.with_suffix(".feature").read_text(encoding="utf-8")
    search = "S3 buckets keep every version of their objects Versioning must be enabled on every bucket S3 bucket"
    return Example(SEED.name, "s3", request, feature, search, resource="S3 bucket")


def _request(requirement: str, resource: str = "S3 bucket", service: str = "s3") -> ControlRequest:
    data = f"service: {service}\nresource: {resource}\nrequirement: {requirement}\n".encode()
    return parse_request(data, f"controls/{service}/bucket-versions.yaml")


def test_the_same_requirement_in_other_words_adapts_the_merged_control() -> None:
    request = _request("Every S3 bucket must have versioning enabled so old object versions are kept.")
    assert adaptable(request, [_seed()], {"GetBucketVersioning.Status"}) == _seed()
    assert adaptable(request, [_seed()], set()) is None  # few words in common, and the planner read another field
    text = adapt(_seed(), request)
    assert text.startswith("# adapted from control s3-bucket-versioning-enabled\n@control:bucket-versions @service:s3")
    assert 'Then "GetBucketVersioning.Status" must be "Enabled"' in text
    assert "@control:s3-bucket-versioning-enabled" not in text


@pytest.mark.parametrize(
    ("requirement", "resource", "service"),
    [
        ("Deleting an object version must require MFA.", "S3 bucket", "s3"),  # same resource, another property
        ("Versioning must be enabled on every bucket.", "S3 access point", "s3"),  # another resource
        ("Versioning must be enabled on every bucket.", "S3 bucket", "s3control"),  # another service
    ],
)
def test_a_request_for_something_else_is_planned_from_scratch(requirement: str, resource: str, service: str) -> None:
    planned = {"GetBucketVersioning.MFADelete"} if "MFA" in requirement else {"GetBucketVersioning.Status"}
    assert adaptable(_request(requirement, resource, service), [_seed()], planned) is None


def test_in_an_empty_repository_a_catalogue_request_gives_a_control_that_behaves_like_the_catalogues(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("CONTROLBOT_PROVIDER", raising=False)
    request = tmp_path / "controls" / "s3" / "bucket-versions.yaml"
    request.parent.mkdir(parents=True)
    request.write_text("service: s3\nresource: S3 bucket\nrequirement: Every S3 bucket must have versioning enabled.\n")
    assert main(["generate", str(request)]) == 0
    feature = request.with_suffix(".feature")
    assert "# adapted from control s3-bucket-versioning-enabled" in feature.read_text()
    assert "adapted from control s3-bucket-versioning-enabled" in capsys.readouterr().out
    controls, _ = load_features([feature])
    cases = load_control_tests(SEED.with_name(SEED.name + ".test.yaml"))
    assert run_control_tests(controls[0], cases, moto_sandbox()).status == "PASS"
    assert main(["generate", str(request), "--force", "--no-catalogue"]) == 0
    assert "adapted from" not in feature.read_text()


def _catalogue(service: str, control: str, resource: str) -> Example:
    stem = REPO / "controls" / service / control
    request = stem.with_suffix(".yaml").read_text(encoding="utf-8")
    feature = stem.with_suffix(".feature").read_text(encoding="utf-8")
    return Example(control, service, request, feature, f"{request} {resource}", resource=resource)


def test_a_merged_control_naming_another_number_is_not_adapted() -> None:
    example = _catalogue("secretsmanager", "secretsmanager-secret-automatic-rotation", "Secrets Manager secret")
    planned = {"RotationEnabled"}
    thirty = _request("Every secret must rotate automatically, at least once every 30 days.", *_SECRET)
    ninety = _request("Every secret must rotate automatically, at least once every 90 days.", *_SECRET)
    assert adaptable(thirty, [example], planned) is None
    assert adaptable(ninety, [example], planned) == example


_SECRET = ("Secrets Manager secret", "secretsmanager")


def test_only_the_scenarios_the_request_asks_for_are_adapted() -> None:
    logs = _catalogue("rds", "rds-instance-logs-exported-to-cloudwatch", "RDS DB instance")
    request = _request("For the postgres engine, instances must export the postgresql log.", "RDS DB instance", "rds")
    text = adapt(logs, request, {"EnabledCloudwatchLogsExports"})
    assert text.count("Scenario:") == 1
    assert 'And only resources where "Engine" is "postgres"' in text and "mysql" not in text
    users = _catalogue("iam", "iam-user-no-direct-policies", "IAM user")
    request = _request("Users must not have inline policies; managed policies are fine.", "IAM user", "iam")
    text = adapt(users, request, {"ListUserPolicies.PolicyNames"})
    assert "ListUserPolicies.PolicyNames" in text and '"ListAttachedUserPolicies.AttachedPolicies"' not in text
    assert adapt(users, request, set()).count("Scenario:") == 2  # nothing planned: the control as it stands
