"""The runner on moto: real boto3 clients, real botocore paginators, moto's fake AWS behind them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError
from moto import mock_aws

from bot.cli.check import boto3_clients, load_features
from bot.language.feature import parse_feature
from bot.runner.calls import ApiCache
from bot.runner.findings import Finding
from bot.runner.run import RunOptions, run_controls
from tests.paths import FIXTURES

FEATURES = FIXTURES / "features"
REGION = "us-east-1"
ACCOUNT = "123456789012"
Deny = Callable[[str, dict[str, Any]], str | None]  # (operation, params) -> error code to raise, or None


class Recorder:
    """A client factory that counts every API call the runner makes and can refuse some of them."""

    def __init__(self, session: boto3.Session, deny: Deny | None = None) -> None:
        self._make = boto3_clients(session, workers=4, max_attempts=2)
        self._seen: set[int] = set()
        self.deny = deny
        self.calls: Counter[str] = Counter()
        self.params: list[tuple[str, dict[str, Any]]] = []

    def __call__(self, service: str, region: str) -> Any:
        client = self._make(service, region)
        if id(client) not in self._seen:
            self._seen.add(id(client))
            client.meta.events.register("before-parameter-build", self._before_call)
        return client

    def _before_call(self, model: Any, params: dict[str, Any], **_: Any) -> None:
        self.calls[model.name] += 1
        self.params.append((model.name, dict(params)))
        code = self.deny(model.name, params) if self.deny else None
        if code:
            raise ClientError({"Error": {"Code": code, "Message": "injected by the test"}}, model.name)


@pytest.fixture
def session() -> Iterator[boto3.Session]:
    with mock_aws():
        yield boto3.Session(region_name=REGION)


def run(
    session: boto3.Session,
    *names: str,
    regions: tuple[str, ...] = (REGION,),
    recorder: Recorder | None = None,
    workers: int = 4,
) -> list[Finding]:
    controls, broken = load_features([FEATURES / f"{name}.feature" for name in names])
    assert not broken
    cache = ApiCache(recorder or Recorder(session))
    return run_controls(controls, cache, RunOptions(regions, ACCOUNT, workers))


def run_text(session: boto3.Session, text: str, recorder: Recorder | None = None) -> list[Finding]:
    cache = ApiCache(recorder or Recorder(session))
    return run_controls([("inline", parse_feature(text, "inline.feature"))], cache, RunOptions((REGION,), ACCOUNT))


def by_resource(findings: list[Finding], scenario: str | None = None) -> dict[str, Finding]:
    return {f.resource: f for f in findings if scenario is None or f.scenario == scenario}


def make_bucket(session: boto3.Session, name: str, algorithm: str | None, key: str | None = None) -> None:
    s3 = session.client("s3")
    s3.create_bucket(Bucket=name)
    if algorithm:
        default: dict[str, str] = {"SSEAlgorithm": algorithm}
        if key:
            default["KMSMasterKeyID"] = key
        rules = [{"ApplyServerSideEncryptionByDefault": default}]
        s3.put_bucket_encryption(Bucket=name, ServerSideEncryptionConfiguration={"Rules": rules})


def make_table(session: boto3.Session, name: str, pitr: bool = False) -> None:
    ddb = session.client("dynamodb")
    ddb.create_table(
        TableName=name,
        KeySchema=[{"AttributeName": "k", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "k", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
    )
    if pitr:
        spec = {"PointInTimeRecoveryEnabled": True}
        ddb.update_continuous_backups(TableName=name, PointInTimeRecoverySpecification=spec)


def make_volume(session: boto3.Session, encrypted: bool, tags: dict[str, str] | None = None) -> str:
    extra: dict[str, Any] = {}
    if tags:
        extra["TagSpecifications"] = [
            {"ResourceType": "volume", "Tags": [{"Key": k, "Value": v} for k, v in tags.items()]}
        ]
    volume = session.client("ec2").create_volume(Size=1, AvailabilityZone="us-east-1a", Encrypted=encrypted, **extra)
    return str(volume["VolumeId"])


def test_s3_default_kms_encryption_design_example(session: boto3.Session) -> None:
    make_bucket(session, "kms-bucket", "aws:kms", "alias/data")
    make_bucket(session, "dsse-bucket", "aws:kms:dsse", "alias/data")
    make_bucket(session, "aes-bucket", "AES256")
    make_bucket(session, "plain-bucket", None)
    found = by_resource(run(session, "s3-default-encryption-uses-kms"))
    assert {r: f.status for r, f in found.items()} == {
        "kms-bucket": "PASS",
        "dsse-bucket": "PASS",
        "aes-bucket": "FAIL",
        "plain-bucket": "FAIL",
    }
    assert '"AES256"' in found["aes-bucket"].reasons[0]
    assert "nothing" in found["plain-bucket"].reasons[0]
    assert {f.control for f in found.values()} == {"s3-default-encryption-uses-kms"}
    assert {f.region for f in found.values()} == {"global"}


def test_s3_is_checked_once_however_many_regions(session: boto3.Session) -> None:
    make_bucket(session, "kms-bucket", "aws:kms", "alias/data")
    findings = run(session, "s3-default-encryption-uses-kms", regions=(REGION, "eu-west-1"))
    assert [(f.resource, f.region, f.status) for f in findings] == [("kms-bucket", "global", "PASS")]


def test_ebs_volume_encryption(session: boto3.Session) -> None:
    good, bad = make_volume(session, True), make_volume(session, False)
    found = by_resource(run(session, "ebs-volumes-encrypted"))
    assert found[good].status == "PASS"
    assert found[bad].status == "FAIL"
    assert found[bad].reasons == ('"Encrypted" must be true: actual false',)


def test_dynamodb_point_in_time_recovery_on_string_items(session: boto3.Session) -> None:
    make_table(session, "orders", pitr=True)
    make_table(session, "sessions", pitr=False)
    found = by_resource(run(session, "dynamodb-point-in-time-recovery"), "point-in-time recovery is enabled")
    assert found["orders"].status == "PASS"
    assert found["sessions"].status == "FAIL"
    assert '"DISABLED"' in found["sessions"].reasons[0]


def test_ebs_default_encryption_is_one_finding_per_region(session: boto3.Session) -> None:
    session.client("ec2", region_name="eu-west-1").enable_ebs_encryption_by_default()
    findings = run(session, "ebs-default-encryption", regions=(REGION, "eu-west-1"))
    assert [(f.resource, f.region, f.status) for f in findings] == [
        (ACCOUNT, REGION, "FAIL"),
        (ACCOUNT, "eu-west-1", "PASS"),
    ]
    assert findings[0].reasons == ('"GetEbsEncryptionByDefault.EbsEncryptionByDefault" must be true: actual false',)


def test_listing_reads_every_page(session: boto3.Session) -> None:
    names = [f"table-{i:03}" for i in range(105)]  # moto returns ListTables 100 names at a time
    for name in names:
        make_table(session, name, pitr=name.endswith("7"))
    recorder = Recorder(session)
    findings = run(session, "dynamodb-point-in-time-recovery", recorder=recorder)
    pitr = by_resource(findings, "point-in-time recovery is enabled")
    assert sorted(pitr) == names
    assert [r for r, f in pitr.items() if f.status == "PASS"] == [n for n in names if n.endswith("7")]
    assert recorder.calls["ListTables"] == 2


def test_required_paging_parameter_is_supplied(session: boto3.Session) -> None:
    identity = session.client("cognito-identity")
    for i in range(5):
        identity.create_identity_pool(
            IdentityPoolName=f"app_{i}" if i else "legacy", AllowUnauthenticatedIdentities=False
        )
    recorder = Recorder(session)
    found = by_resource(run(session, "cognito-identity-pools-named", recorder=recorder))
    assert {r: f.status for r, f in found.items()} == {
        "legacy": "FAIL",
        **{f"app_{i}": "PASS" for i in range(1, 5)},
    }
    assert [p for op, p in recorder.params if op == "ListIdentityPools"] == [{"MaxResults": 60}]


@pytest.mark.parametrize("code", ["AccessDenied", "ThrottlingException"])
def test_an_api_error_on_one_resource_is_an_error_never_a_pass(session: boto3.Session, code: str) -> None:
    make_bucket(session, "open-bucket", "aws:kms", "alias/data")
    make_bucket(session, "locked-bucket", "aws:kms", "alias/data")
    make_bucket(session, "aes-bucket", "AES256")

    def deny(operation: str, params: dict[str, Any]) -> str | None:
        return code if operation == "GetBucketEncryption" and params.get("Bucket") == "locked-bucket" else None

    found = by_resource(run(session, "s3-default-encryption-uses-kms", recorder=Recorder(session, deny)))
    assert found["locked-bucket"].status == "ERROR"
    assert code in found["locked-bucket"].reasons[0]
    assert "s3.GetBucketEncryption" in found["locked-bucket"].reasons[0]
    assert (found["open-bucket"].status, found["aes-bucket"].status) == ("PASS", "FAIL")


def test_a_listing_that_fails_is_one_error_for_the_scenario(session: boto3.Session) -> None:
    make_table(session, "orders")
    recorder = Recorder(session, lambda op, _: "AccessDeniedException" if op == "ListTables" else None)
    findings = run(session, "dynamodb-point-in-time-recovery", recorder=recorder)
    assert [(f.scenario, f.resource, f.status) for f in findings] == [
        ("point-in-time recovery is enabled", "-", "ERROR"),
        ("continuous backups are on", "-", "ERROR"),
    ]
    assert "dynamodb.ListTables: AccessDeniedException" in findings[0].reasons[0]
    assert recorder.calls["ListTables"] == 1
    assert recorder.calls["DescribeContinuousBackups"] == 0


def test_each_call_is_made_once_per_resource_whatever_the_scenarios(session: boto3.Session) -> None:
    names = [f"table-{i}" for i in range(12)]
    for name in names:
        make_table(session, name, pitr=True)
    recorder = Recorder(session)
    findings = run(session, "dynamodb-point-in-time-recovery", recorder=recorder, workers=8)
    assert len(findings) == 24 and {f.status for f in findings} == {"PASS"}
    assert recorder.calls == Counter({"ListTables": 1, "DescribeContinuousBackups": 12})
    asked = sorted(p["TableName"] for op, p in recorder.params if op == "DescribeContinuousBackups")
    assert asked == sorted(names)


def test_a_filter_that_leaves_a_resource_out_makes_it_not_applicable(session: boto3.Session) -> None:
    prod_good = make_volume(session, True, {"env": "prod"})
    prod_bad = make_volume(session, False, {"env": "prod"})
    dev = make_volume(session, False, {"env": "dev"})
    untagged = make_volume(session, False)
    found = by_resource(run(session, "ebs-production-volumes-encrypted"))
    statuses = {r: f.status for r, f in found.items()}
    assert statuses == {prod_good: "PASS", prod_bad: "FAIL", dev: "NOT_APPLICABLE", untagged: "NOT_APPLICABLE"}
    assert '"dev"' in found[dev].reasons[0]


def test_a_free_text_step_is_manual_and_calls_nothing(session: boto3.Session) -> None:
    make_bucket(session, "some-bucket", None)
    recorder = Recorder(session)
    findings = run(session, "s3-bucket-policy-reviewed", recorder=recorder)
    assert [f.status for f in findings] == ["MANUAL"]
    assert "a security engineer has reviewed the bucket policy" in findings[0].reasons[0]
    assert not recorder.calls


def test_a_write_operation_is_refused(session: boto3.Session) -> None:
    make_bucket(session, "keep-me", None)
    recorder = Recorder(session)
    findings = run(session, "s3-write-operation", recorder=recorder)
    assert [(f.resource, f.status) for f in findings] == [("keep-me", "ERROR")]
    assert "Refused" in findings[0].reasons[0] and "not a read operation" in findings[0].reasons[0]
    assert "DeleteBucket" not in recorder.calls
    assert [b["Name"] for b in session.client("s3").list_buckets()["Buckets"]] == ["keep-me"]


def test_projections_expressions_and_declared_absence(session: boto3.Session) -> None:
    make_bucket(session, "kms-bucket", "aws:kms", "alias/data")
    make_bucket(session, "kms-no-key", "aws:kms")
    make_bucket(session, "plain-bucket", None)
    findings = run(session, "s3-encryption-rules")
    rules = by_resource(findings, "every rule uses KMS")
    assert {r: f.status for r, f in rules.items()} == {
        "kms-bucket": "PASS",
        "kms-no-key": "FAIL",
        "plain-bucket": "FAIL",
    }
    assert rules["kms-no-key"].reasons == (
        '"GetBucketEncryption.ServerSideEncryptionConfiguration.Rules[*].ApplyServerSideEncryptionByDefault'
        '.KMSMasterKeyID" must match "^(arn:aws:kms:|alias/)": actual [null]',
    )
    assert len(rules["plain-bucket"].reasons) == 2
    any_rule = by_resource(findings, "there is a rule at all")
    assert (any_rule["kms-bucket"].status, any_rule["plain-bucket"].status) == ("PASS", "FAIL")
    absent = by_resource(findings, "unencrypted buckets are reported as such")
    assert (absent["plain-bucket"].status, absent["kms-bucket"].status) == ("PASS", "FAIL")


def test_literal_parameters_and_numbers_reported_as_strings(session: boto3.Session) -> None:
    sqs = session.client("sqs")
    good = sqs.create_queue(QueueName="good", Attributes={"KmsMasterKeyId": "alias/q"})["QueueUrl"]
    short = sqs.create_queue(QueueName="short", Attributes={"MessageRetentionPeriod": "3600"})["QueueUrl"]
    recorder = Recorder(session)
    findings = run(session, "sqs-queues-encrypted", recorder=recorder)
    kms = by_resource(findings, "the queue uses a KMS key")
    kept = by_resource(findings, "messages are kept for a day")
    assert (kms[good].status, kms[short].status) == ("PASS", "FAIL")
    assert (kept[good].status, kept[short].status) == ("PASS", "FAIL")
    assert '"3600"' in kept[short].reasons[0]
    assert {tuple(p["AttributeNames"]) for op, p in recorder.params if op == "GetQueueAttributes"} == {("All",)}
    assert recorder.calls["GetQueueAttributes"] == 2


def test_a_parameter_path_that_resolves_to_nothing_is_an_error(session: boto3.Session) -> None:
    make_bucket(session, "some-bucket", None)
    text = """@control:inline
Feature: a parameter from a missing path
  Scenario: the bucket has versioning
    Given the resources listed by "s3.ListBuckets" at "Buckets" identified by "Name"
    And each resource is enriched by "s3.GetBucketVersioning" with "Bucket" from "BucketName"
    Then "GetBucketVersioning.Status" must be "Enabled"
"""
    recorder = Recorder(session)
    findings = run_text(session, text, recorder)
    assert [(f.resource, f.status) for f in findings] == [("some-bucket", "ERROR")]
    assert '"BucketName"' in findings[0].reasons[0]
    assert "GetBucketVersioning" not in recorder.calls


def test_a_scenario_without_assertion_is_an_error_not_a_pass(session: boto3.Session) -> None:
    make_bucket(session, "some-bucket", None)
    text = """@control:inline
Feature: no assertion
  Scenario: nothing is asserted
    Given the resources listed by "s3.ListBuckets" at "Buckets" identified by "Name"
"""
    findings = run_text(session, text)
    assert [f.status for f in findings] == ["ERROR"]
    assert "no assertion" in findings[0].reasons[0]


def test_results_do_not_depend_on_the_number_of_workers(session: boto3.Session) -> None:
    for i in range(20):
        make_table(session, f"table-{i:02}", pitr=i % 3 == 0)
    serial = run(session, "dynamodb-point-in-time-recovery", workers=1)
    parallel = run(session, "dynamodb-point-in-time-recovery", workers=8)
    assert serial == parallel
    assert [f.status for f in serial].count("FAIL") == 13


def test_a_feature_without_scenarios_or_with_a_malformed_step_is_an_error(session: boto3.Session) -> None:
    empty = run_text(session, "@control:inline\nFeature: nothing to run\n  Only a description.\n")
    assert [(f.status, f.reasons) for f in empty] == [("ERROR", ("the feature has no scenario to run",))]
    malformed = """@control:inline
Feature: a malformed value
  Scenario: versioning
    Given the resources listed by "s3.ListBuckets" at "Buckets" identified by "Name"
    Then "Name" must be at least ten
"""
    recorder = Recorder(session)
    findings = run_text(session, malformed, recorder)
    assert [f.status for f in findings] == ["ERROR"]
    assert len(findings[0].reasons) == 1 and findings[0].reasons[0].startswith("line 5: ")
    assert not recorder.calls


def test_a_batch_get_call_gets_one_identifier_as_a_list(session: boto3.Session) -> None:
    codebuild = session.client("codebuild", region_name=REGION)
    role = f"arn:aws:iam::{ACCOUNT}:role/build"
    for name, privileged in (("web", False), ("miner", True)):
        codebuild.create_project(
            name=name,
            source={"type": "S3", "location": "builds/source.zip"},
            artifacts={"type": "NO_ARTIFACTS"},
            environment={"type": "LINUX_CONTAINER", "image": "aws/codebuild/standard:7.0",
                         "computeType": "BUILD_GENERAL1_SMALL", "privilegedMode": privileged},
            serviceRole=role,
        )  # fmt: skip
    text = """\
@control:codebuild-not-privileged @service:codebuild
Feature: build projects do not run privileged containers
  No privileged mode.

  Background:
    Given the resources listed by "codebuild.ListProjects" at "projects" identified by "@"
    And each resource is enriched by "codebuild.BatchGetProjects" with "names" from "@"

  Scenario: not privileged
    Then "BatchGetProjects.projects[].environment.privilegedMode" must be false
"""
    found = by_resource(run_text(session, text))
    assert found["web"].status == "PASS"
    assert found["miner"].status == "FAIL"
