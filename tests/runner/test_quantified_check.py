"""`controlbot check` on moto security groups: plain, each-if-any and at-least-one assertions, PASS and FAIL."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import boto3
import pytest
from moto import mock_aws

from bot.cli.main import main

FEATURE = """\
@control:sg-ingress @service:ec2 @severity:high @category:network
Feature: Security group ingress

  Background:
    Given the resources listed by "ec2.DescribeSecurityGroups" at "SecurityGroups" identified by "GroupName"
    And only resources where "GroupName" is one of ["internal", "open-ssh", "no-rules"]

  Scenario: plain
    Then "IpPermissions[].IpRanges[].CidrIp" must not be "0.0.0.0/0"

  Scenario: each if any
    Then each element of "IpPermissions[].IpRanges[].CidrIp", if any, must not be "0.0.0.0/0"

  Scenario: at least one
    Then at least one element of "IpPermissions[].FromPort" must be 443
"""

RULE_443 = {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "10.0.0.0/8"}]}
RULE_22 = {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}


@pytest.fixture
def groups(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """Three security groups in moto, and no host AWS configuration in the way of the CLI."""
    for name in ("AWS_PROFILE", "AWS_ENDPOINT_URL", "AWS_SESSION_TOKEN", "AWS_REGION"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "no-credentials"))
    with mock_aws():
        ec2 = boto3.client("ec2", region_name="us-east-1")
        vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
        for name, rules in (("internal", [RULE_443]), ("open-ssh", [RULE_22]), ("no-rules", [])):
            group = ec2.create_security_group(GroupName=name, Description=name, VpcId=vpc)["GroupId"]
            if rules:
                ec2.authorize_security_group_ingress(GroupId=group, IpPermissions=rules)
        yield


def test_each_form_passes_and_fails_where_it_should(
    groups: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    feature = tmp_path / "sg-ingress.feature"
    feature.write_text(FEATURE, encoding="utf-8")
    code = main(["check", str(feature), "--region", "us-east-1", "--format", "json"])
    findings = json.loads(capsys.readouterr().out)["findings"]
    status = {(f["scenario"], f["resource"]): f["status"] for f in findings if f["status"] != "NOT_APPLICABLE"}
    assert status == {
        ("plain", "internal"): "PASS",
        ("plain", "open-ssh"): "FAIL",
        ("plain", "no-rules"): "FAIL",  # every element, and at least one: nothing to check fails
        ("each if any", "internal"): "PASS",
        ("each if any", "open-ssh"): "FAIL",
        ("each if any", "no-rules"): "PASS",  # no element: nothing violates
        ("at least one", "internal"): "PASS",
        ("at least one", "open-ssh"): "FAIL",
        ("at least one", "no-rules"): "FAIL",
    }
    assert code == 1
    reasons = {(f["scenario"], f["resource"]): f["reasons"] for f in findings}
    assert reasons[("at least one", "no-rules")] == [
        'at least one element of "IpPermissions[].FromPort" must be 443: actual [] (no element)'
    ]


ELBV2 = """\
@control:alb-deletion-protection @service:elbv2 @severity:medium @category:resilience
Feature: Load balancers keep deletion protection on

  Background:
    Given the resources listed by "elbv2.DescribeLoadBalancers" at "LoadBalancers" identified by "LoadBalancerName"
    And each resource is enriched by "elbv2.DescribeLoadBalancerAttributes" with "LoadBalancerArn" from "LoadBalancerArn"

  Scenario: deletion protection is on
    Then at least one element of "DescribeLoadBalancerAttributes.Attributes[?Key=='deletion_protection.enabled'].Value" must be "true"
"""


def test_a_setting_held_as_key_value_data_is_read_through_a_filter_projection(
    groups: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ec2 = boto3.client("ec2", region_name="us-east-1")
    vpc = ec2.describe_vpcs(Filters=[{"Name": "cidr", "Values": ["10.0.0.0/16"]}])["Vpcs"][0]["VpcId"]
    subnets = [
        ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.0.{n}.0/24", AvailabilityZone=f"us-east-1{zone}")["Subnet"]
        for n, zone in ((1, "a"), (2, "b"))
    ]
    elbv2 = boto3.client("elbv2", region_name="us-east-1")
    for name, protected in (("guarded", "true"), ("exposed", "false")):
        arn = elbv2.create_load_balancer(Name=name, Subnets=[s["SubnetId"] for s in subnets])["LoadBalancers"][0]
        elbv2.modify_load_balancer_attributes(
            LoadBalancerArn=arn["LoadBalancerArn"],
            Attributes=[{"Key": "deletion_protection.enabled", "Value": protected}],
        )
    feature = tmp_path / "alb-deletion-protection.feature"
    feature.write_text(ELBV2, encoding="utf-8")
    assert main(["validate", str(feature)]) == 0
    assert "0 error(s), 0 warning(s)" in capsys.readouterr().err
    code = main(["check", str(feature), "--region", "us-east-1", "--format", "json"])
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert {f["resource"]: f["status"] for f in findings} == {"guarded": "PASS", "exposed": "FAIL"}
    assert code == 1
