"""The offline engine adapts a merged control asking the same thing, and plans from scratch otherwise."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from bot.cli.check import load_features
from bot.cli.main import main
from bot.cli.test import moto_sandbox
from bot.corpus.examples import Example, search_text
from bot.generation.offline.adapt import adapt, adaptable
from bot.inputs.control_tests import load_control_tests
from bot.inputs.intake import ControlRequest, load_request, parse_request
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
    elsewhere = _request("Every S3 bucket must log its access requests to another bucket.")
    assert adaptable(elsewhere, [_seed()], set()) is None  # few words in common, and the planner read another field
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


def _merged(service: str, control: str) -> Example:
    """A catalogue control as the corpus offers it: searched by its title, requirement, resource and category."""
    stem = REPO / "controls" / service / control
    request = load_request(stem.with_suffix(".yaml"))
    feature = stem.with_suffix(".feature").read_text(encoding="utf-8")
    text = stem.with_suffix(".yaml").read_text(encoding="utf-8")
    return Example(control, service, text, feature, search_text(request), resource=request.resource)


def test_a_control_on_the_broader_resource_serves_a_narrower_one_but_not_the_reverse() -> None:
    broad = _merged("rds", "rds-instance-deletion-protection")
    postgres = _request("PostgreSQL database instances must have deletion protection turned on.", *_POSTGRES)
    listed = 'the resources listed by "rds.DescribeDBInstances" at "DBInstances" identified by "DBInstanceIdentifier"'
    assert adaptable(postgres, [broad], {"DeletionProtection"}, listed) == broad
    account = 'the account setting read by "rds.DescribeAccountAttributes"'
    assert adaptable(postgres, [broad], {"DeletionProtection"}, account) is None  # the planner reads no resources
    narrow = replace(broad, resource="RDS for MySQL DB instance")
    every = _request("Every database instance must have deletion protection turned on.", "RDS DB instance", "rds")
    assert adaptable(every, [narrow], {"DeletionProtection"}, listed) is None


def test_a_narrower_kind_the_api_lists_apart_is_a_resource_of_its_own() -> None:
    accelerators = _merged("globalaccelerator", "globalaccelerator-accelerator-flow-logs")
    custom = _request(
        "Flow logs must be enabled on every custom routing accelerator.",
        "Global Accelerator custom routing accelerator",
        "globalaccelerator",
    )
    listed = (
        'the resources listed by "globalaccelerator.ListCustomRoutingAccelerators" at "Accelerators" '
        'identified by "AcceleratorArn"'
    )
    assert (
        adaptable(custom, [accelerators], {"DescribeCustomRoutingAcceleratorAttributes.FlowLogsEnabled"}, listed)
        is None
    )


def test_a_request_saying_most_of_what_a_merged_control_says_adapts_it_though_the_planner_read_another_field() -> None:
    recording = _merged("config", "config-recorder-is-recording")
    request = _request(
        "Every region of the account needs a recorder that records configuration changes continuously.", *_RECORDER
    )
    assert adaptable(request, [recording], {"recordingMode.recordingFrequency"}) == recording
    other = _request("Each region's recorder must send its snapshots to an encrypted bucket.", *_RECORDER)
    assert adaptable(other, [recording], {"recordingMode.recordingFrequency"}) is None


def test_a_merged_control_on_a_sibling_field_of_what_the_planner_chose_is_not_adapted() -> None:
    user_volumes = _merged("workspaces", "workspaces-user-volume-encrypted")
    request = _request("Root volumes of every WorkSpace must be encrypted at rest.", "WorkSpace", "workspaces")
    listed = 'the resources listed by "workspaces.DescribeWorkspaces" at "Workspaces" identified by "WorkspaceId"'
    assert adaptable(request, [user_volumes], {"RootVolumeEncryptionEnabled"}, listed) is None
    assert adaptable(request, [user_volumes], {"UserVolumeEncryptionEnabled"}, listed) == user_volumes


_POSTGRES = ("RDS for PostgreSQL DB instance", "rds")
_RECORDER = ("AWS Config configuration recorder", "config")


def test_a_merged_control_demanding_values_the_request_does_not_name_is_not_adapted() -> None:
    both = _merged("eks", "eks-cluster-control-plane-audit-logging")  # the audit and the authenticator log
    audit = _request("Each cluster's control plane must export its audit log to CloudWatch Logs.", *_EKS)
    assert adaptable(audit, [both], {"DescribeCluster.cluster.logging.clusterLogging"}) is None
    named = _request("Each cluster's control plane must export its audit and authenticator logs.", *_EKS)
    assert adaptable(named, [both], {"DescribeCluster.cluster.logging.clusterLogging"}) == both


_EKS = ("EKS cluster", "eks")
