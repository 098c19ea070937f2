"""The checker: every broken feature is caught at its line with a message a model can repair from."""

from __future__ import annotations

import pytest

from bot.language.checker import check_feature
from bot.language.problems import Problem

GOOD = """\
@control:s3-default-encryption-uses-kms @service:s3 @severity:medium @category:encryption-at-rest
Feature: S3 buckets encrypt new objects with a KMS key by default
  Buckets must apply a default encryption rule that uses SSE-KMS.

  Background:
    Given the resources listed by "s3.ListBuckets" at "Buckets" identified by "Name"
    And each resource is enriched by "s3.GetBucketEncryption" with "Bucket" from "Name"
    And the error "ServerSideEncryptionConfigurationNotFoundError" from "s3.GetBucketEncryption" means absent

  Scenario: the default encryption rule uses a KMS key
    Then "GetBucketEncryption.ServerSideEncryptionConfiguration.Rules[0].ApplyServerSideEncryptionByDefault.SSEAlgorithm" must be one of ["aws:kms", "aws:kms:dsse"]
"""


def errors(text: str, request_id: str | None = None, service: str | None = None) -> list[Problem]:
    return [p for p in check_feature(text, "controls/s3/x.feature", request_id, service) if p.severity == "error"]


def test_design_example_is_valid() -> None:
    assert errors(GOOD, "s3-default-encryption-uses-kms", "s3") == []


@pytest.mark.parametrize(
    ("old", "new", "line", "expected"),
    [
        ('"s3.GetBucketEncryption" with', '"s3.GetBucketEncryptio" with', 7, "closest valid: GetBucketEncryption"),
        ("Rules[0].ApplyServerSideEncryptionByDefault", "Rules[0].ApplyServerSideEncryptionDefault", 11,
         "closest valid: ApplyServerSideEncryptionByDefault"),
        ('with "Bucket" from', 'with "Bucket" from "Name" and "Buckt" from', 7, "closest valid: Bucket"),
        ('with "Bucket" from "Name"', 'with "ExpectedBucketOwner" from "Name"', 7, "requires parameter(s) Bucket"),
        ('["aws:kms", "aws:kms:dsse"]', '["aws:kms", "kms"]', 11, '"kms" is not a valid value; allowed: AES256'),
        ('"s3.ListBuckets" at "Buckets" identified by "Name"', '"s3.ListBuckets" at "Buckets" identified by "Nam"',
         6, "closest valid: Name"),
        ('"s3.ListBuckets"', '"s3.DeleteBucket"', 6, "not a read operation"),
    ],
)  # fmt: skip
def test_broken_names_are_caught_at_their_line(old: str, new: str, line: int, expected: str) -> None:
    found = errors(GOOD.replace(old, new, 1))
    assert found, "the broken feature passed"
    assert found[0].line == line
    assert expected in found[0].message
    assert str(found[0]).startswith(f"controls/s3/x.feature:{line}: ")


def test_missing_control_tag_is_an_error() -> None:
    found = errors(GOOD.replace("@control:s3-default-encryption-uses-kms ", ""))
    assert [p.message for p in found] == ["missing tag @control:<id>"]


def test_control_tag_must_equal_the_request_id() -> None:
    found = errors(GOOD, request_id="another-id")
    assert "must equal the file name" in found[0].message


def test_service_tag_must_match_the_request() -> None:
    assert "@service:s3 must equal" in errors(GOOD, service="ec2")[0].message


def test_step_swallowed_into_the_description_is_reported() -> None:
    text = GOOD.replace(
        "  Buckets must apply a default encryption rule that uses SSE-KMS.\n",
        '  Buckets must apply a default encryption rule that uses SSE-KMS.\n  Then "Name" must be present\n',
    )
    found = errors(text)
    assert found[0].line == 4
    assert "read as description text" in found[0].message


def test_scenario_without_steps_is_reported() -> None:
    found = errors(GOOD + "\n  Scenario: nothing here\n")
    assert [(p.line, p.message) for p in found] == [(13, 'scenario "nothing here" has no steps')]


def test_examples_without_rows_are_reported() -> None:
    text = GOOD + '\n  Scenario Outline: outline\n    Then "Name" must be "<v>"\n\n    Examples:\n      | v |\n'
    assert any("Examples without rows" in p.message for p in errors(text))


def test_free_text_step_is_an_error_and_the_manual_form_is_accepted() -> None:
    text = GOOD.replace('    Then "GetBucket', '    Then a human confirms the key policy\n    And "GetBucket')
    problems = check_feature(text, "x.feature")
    assert [p.severity for p in problems] == ["error"]
    assert 'written "manual: <what to check>"' in problems[0].message
    manual = GOOD.replace('    Then "GetBucket', '    Then manual: a human confirms the key policy\n    And "GetBucket')
    assert check_feature(manual, "x.feature") == []


def test_string_items_are_addressed_with_at() -> None:
    text = """\
@control:ddb-pitr @service:dynamodb @severity:high @category:backup-recovery
Feature: DynamoDB tables have point-in-time recovery
  Tables must be recoverable to any second.

  Background:
    Given the resources listed by "dynamodb.ListTables" at "TableNames" identified by "@"
    And each resource is enriched by "dynamodb.DescribeContinuousBackups" with "TableName" from "@"

  Scenario: point-in-time recovery is on
    Then "DescribeContinuousBackups.ContinuousBackupsDescription.PointInTimeRecoveryDescription.PointInTimeRecoveryStatus" must be "ENABLED"
"""
    assert errors(text) == []
    broken = errors(text.replace('must be "ENABLED"', "must be true"))
    assert "is a string" in broken[0].message


def test_account_setting_response_sits_under_the_operation_name() -> None:
    text = """\
@control:ebs-default @service:ec2 @severity:high @category:encryption-at-rest
Feature: EBS encryption by default
  New volumes are encrypted.

  Scenario: on in every region
    Given the account setting read by "ec2.GetEbsEncryptionByDefault"
    Then "GetEbsEncryptionByDefault.EbsEncryptionByDefault" must be true
"""
    assert errors(text) == []
    assert (
        "closest valid: EbsEncryptionByDefault" in errors(text.replace("Default.EbsEnc", "Default.EbsEnk"))[0].message
    )


def test_projections_and_expressions_resolve() -> None:
    text = """\
@control:sg @service:ec2 @severity:high @category:network
Feature: no SSH from anywhere
  No rule opens port 22 to the world.

  Scenario: no world-open SSH
    Given the resources listed by "ec2.DescribeSecurityGroups" at "SecurityGroups" identified by "GroupId"
    Then the expression "length(IpPermissions[?FromPort <= `22` && ToPort >= `22`].IpRanges[] | [?CidrIp == '0.0.0.0/0']) == `0`" must be true
    And "IpPermissions[].IpProtocol" must not be empty
"""
    assert errors(text) == []
    assert "closest valid: CidrIp" in errors(text.replace("CidrIp ==", "Cidr =="))[0].message


def test_syntax_error_is_reported_with_its_line() -> None:
    found = errors("Feature: x\n  Scenario: a\n    Given foo\n  | a |\n not gherkin\n")
    assert found[0].line == 5
    assert found[0].message.startswith("Gherkin syntax")


def test_scenario_needs_setup_and_assertion() -> None:
    text = GOOD.replace("  Background:\n", "  Scenario: only setup\n")
    text = text.replace(
        "  Scenario: the default encryption rule uses a KMS key\n    Then", "  Scenario: only check\n    Then"
    )
    messages = [p.message for p in errors(text)]
    assert any("has no assertion" in m for m in messages)
    assert any("has no setup step" in m for m in messages)


def test_age_assertions_need_a_timestamp() -> None:
    text = """\
@control:iam-keys @service:iam @severity:high @category:key-rotation
Feature: access keys are rotated
  Keys are replaced every 90 days.

  Background:
    Given the resources listed by "iam.ListUsers" at "Users" identified by "UserName"
    And each resource is enriched by "iam.ListAccessKeys" with "UserName" from "UserName"

  Scenario: every key is young
    Then "ListAccessKeys.AccessKeyMetadata[].CreateDate" must be at most 90 days old
"""
    assert errors(text) == []
    broken = errors(text.replace("[].CreateDate", "[].Status"))
    assert "compares timestamps" in broken[0].message
