"""validate warns on a join that feeds a call another resource's identifier, naming the listing to use."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

from bot.cli.main import main
from bot.language.checker import check_feature


def _feature(service: str, listing: str, enrichment: str, assertion: str) -> str:
    return (
        f"@control:probe @service:{service} @severity:low @category:other\n"
        "Feature: probe\n  probe\n\n  Scenario: probe\n"
        f"    Given {listing}\n    And {enrichment}\n    Then {assertion}\n"
    )


EKS_WRONG = _feature(
    "eks",
    'the resources listed by "eks.ListAccessPolicies" at "accessPolicies" identified by "name"',
    'each resource is enriched by "eks.DescribeCluster" with "name" from "name"',
    '"DescribeCluster.cluster.resourcesVpcConfig.endpointPublicAccess" must be false',
)


def _warnings(text: str, service: str) -> list[tuple[int, str]]:
    problems = check_feature(text, "probe.feature", "probe", service)
    assert [p for p in problems if p.severity == "error"] == []
    return [(p.line, p.message) for p in problems if p.severity == "warning"]


def test_feeding_a_cluster_call_access_policy_names_warns_and_names_the_listing_to_use() -> None:
    assert _warnings(EKS_WRONG, "eks") == [
        (
            7,
            '"eks.DescribeCluster" parameter "name" is fed "name" of what "eks.ListAccessPolicies" lists '
            '(access policy), but it takes the identifier of a cluster; list with "eks.ListClusters" at '
            '"clusters" and feed it "@"',
        )
    ]


def test_a_field_that_identifies_another_resource_warns() -> None:
    text = _feature(
        "iam",
        'the resources listed by "iam.ListAccessKeys" at "AccessKeyMetadata" identified by "AccessKeyId"',
        'each resource is enriched by "iam.GetLoginProfile" with "UserName" from "UserName"',
        '"GetLoginProfile.LoginProfile.PasswordResetRequired" must be false',
    )
    [(line, message)] = _warnings(text, "iam")
    assert line == 7
    assert 'fed "UserName", which does not identify what "iam.ListAccessKeys" lists (access key)' in message
    assert message.endswith('list with "iam.ListUsers" at "Users" and feed it "UserName"')


def test_joins_the_model_knows_do_not_warn() -> None:
    right = [
        (
            "eks",
            'the resources listed by "eks.ListClusters" at "clusters" identified by "@"',
            'each resource is enriched by "eks.DescribeCluster" with "name" from "@"',
            '"DescribeCluster.cluster.resourcesVpcConfig.endpointPublicAccess" must be false',
        ),
        (
            "cloudtrail",
            'the resources listed by "cloudtrail.DescribeTrails" at "trailList" identified by "TrailARN"',
            'each resource is enriched by "cloudtrail.GetTrailStatus" with "Name" from "TrailARN"',
            '"GetTrailStatus.IsLogging" must be true',
        ),
        (
            "sesv2",
            'the resources listed by "sesv2.ListEmailIdentities" at "EmailIdentities" identified by "IdentityName"',
            'each resource is enriched by "sesv2.GetEmailIdentity" with "EmailIdentity" from "IdentityName"',
            '"GetEmailIdentity.DkimAttributes.SigningEnabled" must be true',
        ),
    ]
    for service, listing, enrichment, assertion in right:
        assert _warnings(_feature(service, listing, enrichment, assertion), service) == [], service


def test_validate_prints_the_warning_and_still_passes(tmp_path: Path) -> None:
    feature = tmp_path / "eks-wrong-join.feature"
    feature.write_text(EKS_WRONG.replace("@control:probe", "@control:eks-wrong-join"), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["validate", str(feature)])
    text = out.getvalue() + err.getvalue()
    assert code == 0, text
    assert f"{feature}:7: warning: " in text and 'list with "eks.ListClusters"' in text
    assert "1 feature(s) checked: 0 error(s), 1 warning(s)" in text


def test_a_parameter_that_qualifies_an_identified_resource_or_follows_a_reference_does_not_warn() -> None:
    qualified = _feature(
        "elasticbeanstalk",
        'the resources listed by "elasticbeanstalk.DescribeEnvironments" at "Environments" identified by "EnvironmentName"',
        'each resource is enriched by "elasticbeanstalk.DescribeConfigurationSettings" with "ApplicationName" from '
        '"ApplicationName" and "EnvironmentName" from "EnvironmentName"',
        '"DescribeConfigurationSettings.ConfigurationSettings" must not be empty',
    )
    referenced = _feature(
        "iam",
        'the resources listed by "iam.ListPolicies" at "Policies" identified by "Arn"',
        'each resource is enriched by "iam.GetPolicyVersion" with "PolicyArn" from "Arn" and "VersionId" from "DefaultVersionId"',
        '"GetPolicyVersion.PolicyVersion.IsDefaultVersion" must be true',
    )
    assert _warnings(qualified, "elasticbeanstalk") == [] and _warnings(referenced, "iam") == []


WAF_PART = _feature(
    "wafv2",
    'the resources listed by "wafv2.ListWebACLs" at "WebACLs" identified by "Name" with "Scope" set to "REGIONAL"',
    'each resource is enriched by "wafv2.GetWebACL" with "Name" from "Name"',
    '"GetWebACL.WebACL.VisibilityConfig.CloudWatchMetricsEnabled" must be true',
)


def test_an_enrichment_given_part_of_what_the_listing_identifies_warns() -> None:
    assert _warnings(WAF_PART, "wafv2") == [
        (
            7,
            '"wafv2.GetWebACL" also takes "Scope", "Id", which the listing has: without them the call may not find '
            'the resource; add "Scope" set to "REGIONAL" and "Id" from "Id"',
        )
    ]


def test_identifiers_documented_as_alternatives_do_not_warn() -> None:
    text = _feature(
        "ec2",
        'the resources listed by "ec2.DescribeLaunchTemplates" at "LaunchTemplates" identified by "LaunchTemplateId"',
        'each resource is enriched by "ec2.DescribeLaunchTemplateVersions" with "LaunchTemplateId" from '
        '"LaunchTemplateId"',
        '"DescribeLaunchTemplateVersions.LaunchTemplateVersions[].LaunchTemplateData.EbsOptimized" must be true',
    )
    assert _warnings(text, "ec2") == []
