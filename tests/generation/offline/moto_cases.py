"""Requests of the issue's five families and the moto resources that tell a right control from a wrong one."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import boto3

REGION = "us-east-1"

# (name, compliant) -> the identifiers of the resource made
Maker = Callable[[str, bool], list[str]]


@dataclass(frozen=True)
class MotoCase:
    """A control request, and `make(name, compliant)`: builds one resource on moto, returns its identifiers
    (a finding is that resource's when one of them is inside the finding's "resource")."""

    id: str
    service: str
    resource: str
    requirement: str
    category: str
    make: Maker
    title: str = ""

    def request_yaml(self) -> str:
        fields = {k: getattr(self, k) for k in ("title", "service", "resource", "requirement", "category")}
        fields = {k: v for k, v in fields.items() if v}
        return json.dumps(fields, indent=2)  # JSON is YAML: no quoting surprises in the requirement


def client(service: str) -> Any:
    return boto3.client(service, region_name=REGION)


def subnets() -> list[str]:
    """Two subnets in two zones of one VPC of the current moto account (made on first use)."""
    ec2 = client("ec2")
    cidrs = ["10.60.0.0/24", "10.60.1.0/24"]
    found = ec2.describe_subnets(Filters=[{"Name": "cidr-block", "Values": cidrs}])["Subnets"]
    if found:
        return [subnet["SubnetId"] for subnet in found]
    vpc = ec2.create_vpc(CidrBlock="10.60.0.0/16")["Vpc"]["VpcId"]
    zones = [f"{REGION}a", f"{REGION}b"]
    made = [ec2.create_subnet(VpcId=vpc, CidrBlock=c, AvailabilityZone=z) for c, z in zip(cidrs, zones, strict=True)]
    return [subnet["Subnet"]["SubnetId"] for subnet in made]


# ---------------------------------------------------------------- EKS


def eks_cluster(name: str, **settings: Any) -> list[str]:
    vpc_config = {"subnetIds": subnets(), **settings.pop("vpc", {})}
    role = "arn:aws:iam::123456789012:role/eks-cluster"
    client("eks").create_cluster(name=name, roleArn=role, resourcesVpcConfig=vpc_config, **settings)
    return [name]


SECRETS = [{"resources": ["secrets"], "provider": {"keyArn": "arn:aws:kms:us-east-1:123456789012:key/k1"}}]


def eks_secrets(name: str, compliant: bool) -> list[str]:
    return eks_cluster(name, **({"encryptionConfig": SECRETS} if compliant else {}))


def eks_private_endpoint(name: str, compliant: bool) -> list[str]:
    return eks_cluster(name, vpc={"endpointPublicAccess": not compliant, "endpointPrivateAccess": True})


def eks_audit_logging(name: str, compliant: bool) -> list[str]:
    types = {"types": ["api", "audit"], "enabled": True} if compliant else {"types": ["api"], "enabled": True}
    return eks_cluster(name, logging={"clusterLogging": [types]})


# ---------------------------------------------------------------- CloudFront


def distribution(name: str, viewer_policy: str, tls: str) -> list[str]:
    behaviour = {
        "TargetOriginId": "origin",
        "ViewerProtocolPolicy": viewer_policy,
        "MinTTL": 0,
        "ForwardedValues": {"QueryString": False, "Cookies": {"Forward": "none"}},
        "TrustedSigners": {"Enabled": False, "Quantity": 0},
    }
    origin = {"Id": "origin", "DomainName": f"{name}.s3.amazonaws.com", "S3OriginConfig": {"OriginAccessIdentity": ""}}
    certificate = "arn:aws:acm:us-east-1:123456789012:certificate/c1"
    config = {
        "CallerReference": name,
        "Comment": name,
        "Enabled": True,
        "Origins": {"Quantity": 1, "Items": [origin]},
        "DefaultCacheBehavior": behaviour,
        "ViewerCertificate": {
            "ACMCertificateArn": certificate,
            "SSLSupportMethod": "sni-only",
            "MinimumProtocolVersion": tls,
        },
    }
    made = client("cloudfront").create_distribution(DistributionConfig=config)["Distribution"]
    return [made["Id"], made["ARN"], made["DomainName"]]


def cloudfront_https(name: str, compliant: bool) -> list[str]:
    return distribution(name, "redirect-to-https" if compliant else "allow-all", "TLSv1.2_2021")


def cloudfront_tls(name: str, compliant: bool) -> list[str]:
    return distribution(name, "https-only", "TLSv1.2_2021" if compliant else "TLSv1_2016")


# ---------------------------------------------------------------- API Gateway stages


def rest_stage(name: str, patches: dict[str, str] | None = None, **settings: Any) -> list[str]:
    apigw = client("apigateway")
    api = apigw.create_rest_api(name=name)["id"]
    root = apigw.get_resources(restApiId=api)["items"][0]["id"]
    apigw.put_method(restApiId=api, resourceId=root, httpMethod="GET", authorizationType="NONE")
    apigw.put_integration(restApiId=api, resourceId=root, httpMethod="GET", type="MOCK")
    deployment = apigw.create_deployment(restApiId=api)["id"]
    apigw.create_stage(restApiId=api, stageName=f"{name}-stage", deploymentId=deployment, **settings)
    if patches:
        operations = [{"op": "replace", "path": path, "value": value} for path, value in patches.items()]
        apigw.update_stage(restApiId=api, stageName=f"{name}-stage", patchOperations=operations)
    return [api, f"{name}-stage", name]


def stage_tracing(name: str, compliant: bool) -> list[str]:
    return rest_stage(name, tracingEnabled=compliant)


def stage_logging(name: str, compliant: bool) -> list[str]:
    return rest_stage(name, {"/*/*/logging/loglevel": "ERROR" if compliant else "OFF"})


# ---------------------------------------------------------------- WAFv2


def web_acl_logging(name: str, compliant: bool) -> list[str]:
    visibility = {"SampledRequestsEnabled": True, "CloudWatchMetricsEnabled": True, "MetricName": name}
    waf = client("wafv2")
    acl = waf.create_web_acl(Name=name, Scope="REGIONAL", DefaultAction={"Allow": {}}, VisibilityConfig=visibility)
    arn = acl["Summary"]["ARN"]
    if compliant:
        destination = f"arn:aws:logs:{REGION}:123456789012:log-group:aws-waf-logs-{name}"
        waf.put_logging_configuration(LoggingConfiguration={"ResourceArn": arn, "LogDestinationConfigs": [destination]})
    return [arn, acl["Summary"]["Id"], name]


# ---------------------------------------------------------------- ELBv2 attributes


def load_balancer(name: str, key: str, compliant: bool) -> list[str]:
    elb = client("elbv2")
    arn = elb.create_load_balancer(Name=name, Subnets=subnets(), Type="application")["LoadBalancers"][0][
        "LoadBalancerArn"
    ]
    elb.modify_load_balancer_attributes(LoadBalancerArn=arn, Attributes=[{"Key": key, "Value": str(compliant).lower()}])
    return [arn, name]


def elb_deletion_protection(name: str, compliant: bool) -> list[str]:
    return load_balancer(name, "deletion_protection.enabled", compliant)


def elb_drop_invalid_headers(name: str, compliant: bool) -> list[str]:
    return load_balancer(name, "routing.http.drop_invalid_header_fields.enabled", compliant)


# ---------------------------------------------------------------- what a right control says, by case id
# Written by hand from the API documentation: they show that each case's two resources can be told apart
# with today's language and runner, so that a strict xfail flips once the engine writes the same.

_EKS = (
    'the resources listed by "eks.ListClusters" at "clusters" identified by "@"',
    'each resource is enriched by "eks.DescribeCluster" with "name" from "@"',
)
_CLOUDFRONT = ('the resources listed by "cloudfront.ListDistributions" at "DistributionList.Items" identified by "Id"',)
_STAGES = (
    'the resources listed by "apigateway.GetRestApis" at "items" identified by "id"',
    'each resource is enriched by "apigateway.GetStages" with "restApiId" from "id"',
)
_ATTRIBUTES = (
    'the resources listed by "elbv2.DescribeLoadBalancers" at "LoadBalancers" identified by "LoadBalancerArn"',
    'each resource is enriched by "elbv2.DescribeLoadBalancerAttributes" with "LoadBalancerArn" from "LoadBalancerArn"',
)


def _attribute_is_true(key: str) -> str:
    return f'"DescribeLoadBalancerAttributes.Attributes[?Key==\'{key}\'].Value | [0]" must be "true"'


# case id -> (setup steps, assertion steps)
RIGHT_STEPS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "eks-secrets-encrypted": (
        _EKS,
        ('"DescribeCluster.cluster.encryptionConfig[].resources[]" must contain "secrets"',),
    ),
    "eks-endpoint-not-public": (
        _EKS,
        ('"DescribeCluster.cluster.resourcesVpcConfig.endpointPublicAccess" must be false',),
    ),
    "eks-audit-logging": (
        _EKS,
        ('"DescribeCluster.cluster.logging.clusterLogging[?enabled].types[]" must contain "audit"',),
    ),
    "cloudfront-viewer-https": (
        _CLOUDFRONT,
        ('"DefaultCacheBehavior.ViewerProtocolPolicy" must be one of ["redirect-to-https", "https-only"]',),
    ),
    "cloudfront-tls-minimum": (_CLOUDFRONT, ('"ViewerCertificate.MinimumProtocolVersion" must match "^TLSv1[.]2_"',)),
    "apigateway-stage-tracing": (_STAGES, ('"GetStages.item[].tracingEnabled" must be true',)),
    "apigateway-stage-logging": (
        _STAGES,
        (
            '"GetStages.item[].methodSettings.*.loggingLevel[]" must not be empty',
            '"GetStages.item[].methodSettings.*.loggingLevel[]" must not contain "OFF"',
        ),
    ),
    "elbv2-deletion-protection": (_ATTRIBUTES, (_attribute_is_true("deletion_protection.enabled"),)),
    "elbv2-drop-invalid-headers": (
        _ATTRIBUTES,
        (_attribute_is_true("routing.http.drop_invalid_header_fields.enabled"),),
    ),
}


def right_feature(moto_case: MotoCase) -> str:
    """The hand-written right control of a case (KeyError for one the language cannot say yet)."""
    setup, assertions = RIGHT_STEPS[moto_case.id]
    tags = f"@control:{moto_case.id} @service:{moto_case.service} @severity:medium @category:{moto_case.category}"
    given = "\n".join(f"    {'Given' if n == 0 else 'And'} {step}" for n, step in enumerate(setup))
    then = "\n".join(f"    {'Then' if n == 0 else 'And'} {step}" for n, step in enumerate(assertions))
    return f"{tags}\nFeature: {moto_case.id}\n\n  Background:\n{given}\n\n  Scenario: the resource complies\n{then}\n"
