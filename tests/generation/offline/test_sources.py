"""Where the offline engine's resource documents come from: listings and joins chosen by the resource model."""

from __future__ import annotations

from collections.abc import Iterator

import boto3
import pytest
from moto import mock_aws

from bot.cli.check import boto3_clients
from bot.generation.offline.sources import fallback, source_for
from bot.knowledge import shapes
from bot.language.checker import check_feature
from bot.language.feature import parse_feature
from bot.runner.calls import ApiCache
from bot.runner.run import RunOptions, run_controls


def _setup(service: str, operation: str, path: str, resource: str) -> tuple[str, ...]:
    source = source_for(service, shapes.operation(service, operation), path, resource)
    assert source is not None
    return source.setup


def _feature(service: str, setup: tuple[str, ...], assertion: str) -> str:
    steps = "\n".join(f"    {'Given' if i == 0 else 'And'} {step}" for i, step in enumerate(setup))
    return (
        f"@control:probe @service:{service} @severity:low @category:other\n"
        "Feature: probe\n  probe\n\n  Scenario: probe\n"
        f"{steps}\n    Then {assertion}\n"
    )


@pytest.mark.parametrize(
    ("service", "operation", "path", "resource", "listing", "enrichment", "assertion"),
    [
        (
            "eks", "DescribeCluster", "cluster.resourcesVpcConfig.endpointPublicAccess", "EKS cluster",
            'the resources listed by "eks.ListClusters" at "clusters" identified by "@"',
            'each resource is enriched by "eks.DescribeCluster" with "name" from "@"',
            '"DescribeCluster.cluster.resourcesVpcConfig.endpointPublicAccess" must be false',
        ),
        (
            "cloudfront", "GetDistributionConfig", "DistributionConfig.ViewerCertificate.MinimumProtocolVersion",
            "CloudFront distribution",
            'the resources listed by "cloudfront.ListDistributions" at "DistributionList.Items" identified by "Id"',
            'each resource is enriched by "cloudfront.GetDistributionConfig" with "Id" from "Id"',
            '"GetDistributionConfig.DistributionConfig.ViewerCertificate.MinimumProtocolVersion" must be "TLSv1.2_2021"',
        ),
        (
            "apigateway", "GetStages", "item[].tracingEnabled", "API Gateway stage",
            'the resources listed by "apigateway.GetRestApis" at "items" identified by "id"',
            'each resource is enriched by "apigateway.GetStages" with "restApiId" from "id"',
            '"GetStages.item[].tracingEnabled" must be true',
        ),
        (
            "elbv2", "DescribeLoadBalancerAttributes", "Attributes[].Value", "load balancer",
            'the resources listed by "elbv2.DescribeLoadBalancers" at "LoadBalancers" identified by "LoadBalancerArn"',
            'each resource is enriched by "elbv2.DescribeLoadBalancerAttributes" with "LoadBalancerArn" from '
            '"LoadBalancerArn"',
            '"DescribeLoadBalancerAttributes.Attributes" must be present',
        ),
        (
            "iam", "ListAccessKeys", "AccessKeyMetadata[].Status", "IAM user",
            'the resources listed by "iam.ListUsers" at "Users" identified by "UserName"',
            'each resource is enriched by "iam.ListAccessKeys" with "UserName" from "UserName"',
            '"ListAccessKeys.AccessKeyMetadata" must be present',
        ),
        (
            "codebuild", "BatchGetProjects", "projects[].logsConfig", "CodeBuild project",
            'the resources listed by "codebuild.ListProjects" at "projects" identified by "@"',
            'each resource is enriched by "codebuild.BatchGetProjects" with "names" from "@"',
            '"BatchGetProjects.projects[].logsConfig" must be present',
        ),
    ],
)  # fmt: skip
def test_the_model_chooses_the_listing_of_the_calls_own_resource_and_the_feature_checks(
    service: str, operation: str, path: str, resource: str, listing: str, enrichment: str, assertion: str
) -> None:
    setup = _setup(service, operation, path, resource)
    assert setup[:2] == (listing, enrichment)
    problems = check_feature(_feature(service, setup, assertion), "probe.feature", "probe", service)
    assert [p for p in problems if p.severity == "error"] == []


def test_a_listing_with_a_required_constant_sends_it_in_the_listing_step() -> None:
    setup = _setup("wafv2", "GetLoggingConfiguration", "LoggingConfiguration.LogDestinationConfigs", "web ACL")
    assert setup[0] == (
        'the resources listed by "wafv2.ListWebACLs" at "WebACLs" identified by "ARN" with "Scope" set to "REGIONAL"'
    )
    assert setup[1] == 'each resource is enriched by "wafv2.GetLoggingConfiguration" with "ResourceArn" from "ARN"'
    assert (
        setup[2] == ('the error "WAFNonexistentItemException" from "wafv2.GetLoggingConfiguration" means absent')
        or len(setup) == 2
    )


def test_a_selector_named_like_the_field_wins_over_the_default_constant() -> None:
    setup = _setup("ec2", "DescribeInstanceAttribute", "DisableApiTermination.Value", "EC2 instance")
    assert setup[0].startswith('the resources listed by "ec2.DescribeInstances" at "Reservations[].Instances[]"')
    assert setup[1].endswith('"Attribute" set to "disableApiTermination"')


def test_an_s3_configuration_read_says_which_error_means_not_configured() -> None:
    setup = _setup("s3", "GetBucketEncryption", "ServerSideEncryptionConfiguration.Rules", "S3 bucket")
    assert setup == (
        'the resources listed by "s3.ListBuckets" at "Buckets" identified by "Name"',
        'each resource is enriched by "s3.GetBucketEncryption" with "Bucket" from "Name"',
        'the error "ServerSideEncryptionConfigurationNotFoundError" from "s3.GetBucketEncryption" means absent',
    )


def test_a_scoping_parent_is_listed_only_when_the_request_is_about_it() -> None:
    zones = _setup("route53", "ListQueryLoggingConfigs", "QueryLoggingConfigs[].Id", "hosted zone")
    assert zones[0].startswith('the resources listed by "route53.ListHostedZones"')
    configs = _setup("route53", "ListQueryLoggingConfigs", "QueryLoggingConfigs[].Id", "query logging config")
    assert configs[0].startswith('the resources listed by "route53.ListQueryLoggingConfigs"')


def test_fallback_lists_the_resource_the_operation_is_about() -> None:
    plan = fallback("eks", "DescribeCluster")
    assert plan.setup == ['the resources listed by "eks.ListClusters" at "clusters" identified by "@"']


# --- the chosen joins, run against moto through the real runner -------------------------------------------------

REGION, ACCOUNT = "us-east-1", "123456789012"


@pytest.fixture
def aws() -> Iterator[boto3.Session]:
    with mock_aws():
        yield boto3.Session(region_name=REGION)


def _verdicts(session: boto3.Session, service: str, setup: tuple[str, ...], assertion: str) -> dict[str, str]:
    text = _feature(service, setup, assertion)
    assert [p for p in check_feature(text, "probe.feature", "probe", service) if p.severity == "error"] == []
    cache = ApiCache(boto3_clients(session, workers=2, max_attempts=2))
    findings = run_controls([("probe", parse_feature(text, "probe.feature"))], cache, RunOptions((REGION,), ACCOUNT))
    return {f.resource: f.status for f in findings}


def test_eks_clusters_are_listed_and_described_by_name_on_moto(aws: boto3.Session) -> None:
    eks = aws.client("eks")
    role = f"arn:aws:iam::{ACCOUNT}:role/eks"
    for name, public in (("open", True), ("closed", False)):
        vpc = {"subnetIds": ["subnet-1"], "endpointPublicAccess": public, "endpointPrivateAccess": True}
        eks.create_cluster(name=name, roleArn=role, resourcesVpcConfig=vpc)
    setup = _setup("eks", "DescribeCluster", "cluster.resourcesVpcConfig.endpointPublicAccess", "EKS cluster")
    verdicts = _verdicts(
        aws, "eks", setup, '"DescribeCluster.cluster.resourcesVpcConfig.endpointPublicAccess" must be false'
    )
    assert verdicts == {"open": "FAIL", "closed": "PASS"}


def test_elbv2_attributes_are_read_for_each_load_balancer_by_arn_on_moto(aws: boto3.Session) -> None:
    ec2, elb = aws.client("ec2"), aws.client("elbv2")
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    subnets = [
        ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.0.{i}.0/24", AvailabilityZone=f"{REGION}{zone}")["Subnet"][
            "SubnetId"
        ]
        for i, zone in enumerate("ab")
    ]
    arns = {
        name: elb.create_load_balancer(Name=name, Subnets=subnets)["LoadBalancers"][0]["LoadBalancerArn"]
        for name in ("kept", "loose")
    }
    elb.modify_load_balancer_attributes(
        LoadBalancerArn=arns["kept"], Attributes=[{"Key": "deletion_protection.enabled", "Value": "true"}]
    )
    setup = _setup("elbv2", "DescribeLoadBalancerAttributes", "Attributes[].Value", "load balancer")
    assertion = (
        '"DescribeLoadBalancerAttributes.Attributes[?Key==\'deletion_protection.enabled\'] | [0].Value" must be "true"'
    )
    assert _verdicts(aws, "elbv2", setup, assertion) == {arns["kept"]: "PASS", arns["loose"]: "FAIL"}


def test_api_gateway_stages_are_read_for_each_rest_api_on_moto(aws: boto3.Session) -> None:
    apigw = aws.client("apigateway")
    ids = {}
    for name, tracing in (("traced", True), ("dark", False)):
        api = apigw.create_rest_api(name=name)["id"]
        root = apigw.get_resources(restApiId=api)["items"][0]["id"]
        apigw.put_method(restApiId=api, resourceId=root, httpMethod="GET", authorizationType="NONE")
        apigw.put_integration(restApiId=api, resourceId=root, httpMethod="GET", type="MOCK")
        deployment = apigw.create_deployment(restApiId=api)["id"]
        apigw.create_stage(restApiId=api, stageName="prod", deploymentId=deployment, tracingEnabled=tracing)
        ids[name] = api
    setup = _setup("apigateway", "GetStages", "item[].tracingEnabled", "API Gateway stage")
    verdicts = _verdicts(aws, "apigateway", setup, '"GetStages.item[0].tracingEnabled" must be true')
    assert verdicts == {ids["traced"]: "PASS", ids["dark"]: "FAIL"}


@pytest.mark.parametrize("service", ["s3", "eks", "apigateway", "elbv2", "iam", "rds", "lambda", "cloudfront"])
def test_every_join_the_model_knows_for_a_service_passes_the_checker(service: str) -> None:
    from bot.generation.offline.joins import enrichment_step, listing_step
    from bot.knowledge.botocore_index import load_index
    from bot.knowledge.operation_policy import operation_refusal
    from bot.knowledge.resources import resource_model

    model, failures, checked = resource_model(service), [], 0
    for name in load_index(service).operations:
        join = model.best_join(name)
        if join is None or join.listing.constants or operation_refusal(service, name) is not None:
            continue  # listing constants wait for the grammar's new form; refused calls are never run
        setup = (
            listing_step(join.listing, join.params[0][1]),
            enrichment_step(service, shapes.operation(service, name), join, {}),
        )
        problems = check_feature(
            _feature(service, setup, f'"{name}" must be present'), "probe.feature", "probe", service
        )
        failures += [f"{name}: {p.message}" for p in problems if p.severity == "error"]
        checked += 1
    assert checked >= 3 and not failures, "\n".join(failures)


def test_a_plural_in_ies_names_the_same_resource() -> None:
    from bot.generation.offline.joins import nouns

    assert nouns("DescribeRepositories") == nouns("repository") == {"repository"}
    assert nouns("ListPolicies") == {"policy"}
