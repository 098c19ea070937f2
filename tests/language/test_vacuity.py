"""Assertions that cannot fail: an error in a generated feature, a warning in one written by hand."""

from __future__ import annotations

import pytest

from bot.inputs.provenance import provenance_line
from bot.language.checker import check_feature
from bot.language.problems import Problem

GENERATED = provenance_line("0" * 64, "offline", "-", "abcd1234")
BY_HAND = provenance_line("0" * 64, "human", "-", "-")

FEATURE = """\
{provenance}
@control:x @service:{service} @severity:high @category:misc
Feature: a control

  Scenario: the property holds
    Given {setup}
    Then {assertion}
"""

BUCKETS = 'the resources listed by "s3.ListBuckets" at "Buckets" identified by "Name"'
VERSIONING = f'{BUCKETS}\n    And each resource is enriched by "s3.GetBucketVersioning" with "Bucket" from "Name"'
ENCRYPTION = (
    f'{BUCKETS}\n    And each resource is enriched by "s3.GetBucketEncryption" with "Bucket" from "Name"'
    '\n    And the error "ServerSideEncryptionConfigurationNotFoundError" from "s3.GetBucketEncryption" means absent'
)
TABLES = 'the resources listed by "dynamodb.ListTables" at "TableNames" identified by "@"'
APIS = 'the resources listed by "apigatewayv2.GetApis" at "Items" identified by "ApiId"'
FUNCTIONS = 'the resources listed by "lambda.ListFunctions" at "Functions" identified by "FunctionName"'
VOLUMES = 'the resources listed by "ec2.DescribeVolumes" at "Volumes" identified by "VolumeId"'

VACUOUS = [  # (service, setup, assertion, what the message says)
    ("s3", BUCKETS, '"Name" must be present', "identifies the resources s3.ListBuckets lists"),
    ("dynamodb", TABLES, '"@" must be present', "identifies the resources dynamodb.ListTables lists"),
    ("ec2", VOLUMES, '"VolumeId" must not be empty', "identifies the resources ec2.DescribeVolumes lists"),
    ("apigatewayv2", APIS, '"ProtocolType" must be present', 'botocore marks "ProtocolType" required'),
    ("s3", VERSIONING, '"GetBucketVersioning" must be present', "is there whenever the call succeeds"),
    ("s3", VERSIONING, '"GetBucketVersioning.Status" must be one of ["Enabled", "Suspended"]', "every value"),
    ("s3", VERSIONING, '"GetBucketVersioning.Status" must not be one of ["Disabled"]', "not a valid value"),
    ("s3", VERSIONING, '"GetBucketVersioning.Status" must not be "Off"', "not a valid value"),
    ("ec2", VOLUMES, '"Encrypted" must not be "true"', "is a boolean"),
    ("ec2", VOLUMES, '"VolumeId" must not be 5', "is a string"),
    ("ec2", VOLUMES, '"Size" must not be "big"', "is a integer"),
    ("lambda", FUNCTIONS, '"Architectures" must not contain "sparc"', "not a valid value"),
    ("ec2", VOLUMES, 'the expression "`true`" must be true', "reads no field of the resource"),
    ("ec2", VOLUMES, 'the expression "length(`[1]`) > `0`" must be true', "reads no field"),
]

MEANINGFUL = [  # assertions that can fail: nothing is flagged
    ("s3", BUCKETS, '"CreationDate" must be at most 365 days old'),
    ("s3", ENCRYPTION, '"GetBucketEncryption" must be present'),  # an absence is declared: it can fail
    ("s3", VERSIONING, '"GetBucketVersioning.Status" must be one of ["Enabled"]'),
    ("s3", VERSIONING, '"GetBucketVersioning.Status" must not be one of ["Suspended"]'),
    ("s3", VERSIONING, '"GetBucketVersioning.MFADelete" must be present'),
    ("apigatewayv2", APIS, '"Description" must be present'),
    ("ec2", VOLUMES, '"Encrypted" must not be false'),
    ("ec2", VOLUMES, '"KmsKeyId" must be present'),
    ("ec2", VOLUMES, '"KmsKeyId" must not be empty'),
    ("ec2", VOLUMES, 'at least one element of "Attachments[].InstanceId" must be present'),
    ("ec2", VOLUMES, 'the expression "Size > `100`" must be true'),
    ("ec2", VOLUMES, 'the expression "@.Encrypted" must be true'),
    ("lambda", FUNCTIONS, '"Architectures" must not contain "x86_64"'),
    ("ec2", VOLUMES, '"Encrypted" must not be null'),  # fails where the field is missing
]


def problems(provenance: str, service: str, setup: str, assertion: str) -> list[Problem]:
    text = FEATURE.format(provenance=provenance, service=service, setup=setup, assertion=assertion)
    return check_feature(text, f"controls/{service}/x.feature")


@pytest.mark.parametrize(("service", "setup", "assertion", "why"), VACUOUS, ids=[v[2] for v in VACUOUS])
def test_an_assertion_that_cannot_fail_is_an_error_when_generated(
    service: str, setup: str, assertion: str, why: str
) -> None:
    [problem] = problems(GENERATED, service, setup, assertion)
    assert problem.severity == "error"
    assert problem.line == 7 + setup.count("\n")
    assert "cannot fail" in problem.message and why in problem.message


@pytest.mark.parametrize(("service", "setup", "assertion", "why"), VACUOUS, ids=[v[2] for v in VACUOUS])
def test_the_same_assertion_written_by_hand_is_a_warning(service: str, setup: str, assertion: str, why: str) -> None:
    for provenance in (BY_HAND, "# a comment, no provenance line"):
        [problem] = problems(provenance, service, setup, assertion)
        assert (problem.severity, why in problem.message) == ("warning", True)


@pytest.mark.parametrize(("service", "setup", "assertion"), MEANINGFUL, ids=[m[2] for m in MEANINGFUL])
def test_an_assertion_that_can_fail_is_not_flagged(service: str, setup: str, assertion: str) -> None:
    assert problems(GENERATED, service, setup, assertion) == []


@pytest.mark.parametrize(
    "assertion",
    ['"Encrypted" must be "true"', '"VolumeId" must be 5', '"State" must be "gone"', '"State" must be one of ["x"]'],
)
def test_an_assertion_that_can_never_pass_stays_an_error_even_by_hand(assertion: str) -> None:
    [problem] = problems(BY_HAND, "ec2", VOLUMES, assertion)
    assert problem.severity == "error" and "cannot fail" not in problem.message


def test_a_negative_list_with_one_real_value_is_an_error_for_its_typo() -> None:
    [problem] = problems(BY_HAND, "ec2", VOLUMES, '"State" must not be one of ["error", "eror"]')
    assert problem.severity == "error" and '"eror" is not a valid value' in problem.message


def test_the_message_says_what_to_assert_instead() -> None:
    [problem] = problems(GENERATED, "s3", VERSIONING, '"GetBucketVersioning" must be present')
    assert problem.message == (
        '"GetBucketVersioning" must be present cannot fail: the response of s3.GetBucketVersioning is there whenever '
        "the call succeeds (a failed call is an ERROR, not an absence); assert a field of it, or declare the "
        '"not configured" error with: the error "<Code>" from "s3.GetBucketVersioning" means absent'
    )


def test_a_plan_checked_before_its_provenance_line_exists_can_be_checked_as_generated() -> None:
    text = FEATURE.format(provenance="", service="s3", setup=BUCKETS, assertion='"Name" must be present')
    [problem] = check_feature(text, "controls/s3/x.feature", generated=True)
    assert problem.severity == "error" and "cannot fail" in problem.message


def test_a_negation_before_a_dotted_path_is_an_error_that_says_how_to_write_it() -> None:
    from bot.language.checker import check_feature

    text = (
        "@control:x @service:iam\nFeature: x\n\n  Scenario: s\n"
        '    Given the resources listed by "iam.ListUsers" at "Users" identified by "UserName"\n'
        '    And each resource is enriched by "iam.ListUserPolicies" with "UserName" from "UserName"\n'
        '    Then the expression "!ListUserPolicies.PolicyNames" must be true\n'
    )
    errors = [p.message for p in check_feature(text, "x.feature") if p.severity == "error"]
    assert errors == [
        '"!ListUserPolicies.PolicyNames": JMESPath reads "!A.B" as "(!A).B", which is never true; write "!(A.B)"'
    ]
    fixed = text.replace("!ListUserPolicies.PolicyNames", "!(ListUserPolicies.PolicyNames)")
    assert [p for p in check_feature(fixed, "x.feature") if p.severity == "error"] == []
