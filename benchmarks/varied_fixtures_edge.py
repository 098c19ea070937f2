"""Varied fixtures for the network edge: EKS clusters and node groups, CloudFront, API Gateway stages, WAFv2."""

from __future__ import annotations

from typing import Any

from benchmarks.varied_moto import (
    Clients,
    Fixture,
    Ids,
    bucket,
    certificate,
    error_code,
    log_group,
    network,
    role,
)

# ---------------------------------------------------------------- EKS


def _cluster(clients: Clients, name: str, **settings: Any) -> Ids:
    _, subnets = network(clients)
    vpc_config = {"subnetIds": list(subnets), **settings.pop("vpc", {})}
    clients("eks").create_cluster(
        name=name, roleArn=role(clients, "eks.amazonaws.com"), resourcesVpcConfig=vpc_config, **settings
    )
    return [name]


def _described(clients: Clients, ids: Ids) -> Any:
    return clients("eks").describe_cluster(name=ids[0])["cluster"]


SECRETS_KEY = {"resources": ["secrets"], "provider": {"keyArn": "arn:aws:kms:us-east-1:123456789012:key/vb-secrets"}}
LOG_TYPES = {
    True: [{"types": ["api", "scheduler"], "enabled": True}, {"types": ["audit"], "enabled": False}],
    False: [{"types": ["api"], "enabled": True}, {"types": ["scheduler", "audit"], "enabled": False}],
}


def _logged_types(cluster: Any) -> set[str]:
    return {t for entry in cluster["logging"]["clusterLogging"] if entry["enabled"] for t in entry["types"]}


def _nodegroup(clients: Clients, name: str, **settings: Any) -> Ids:
    _, subnets = network(clients)
    _cluster(clients, f"{name}-c")
    clients("eks").create_nodegroup(
        clusterName=f"{name}-c",
        nodegroupName=name,
        subnets=list(subnets),
        nodeRole=role(clients, "ec2.amazonaws.com"),
        **settings,
    )
    return [name, f"{name}-c"]


def _nodegroup_read(clients: Clients, ids: Ids) -> Any:
    return clients("eks").describe_nodegroup(clusterName=ids[1], nodegroupName=ids[0])["nodegroup"]


def _scaling(minimum: int) -> dict[str, int]:
    return {"minSize": minimum, "maxSize": 4, "desiredSize": max(minimum, 1)}


EKS = {
    "eks-cluster-secrets-envelope-encrypted": Fixture(
        make=lambda c, name, ok: _cluster(c, name, **({"encryptionConfig": [SECRETS_KEY]} if ok else {})),
        read=lambda c, ids: _described(c, ids).get("encryptionConfig"),
        holds=lambda value: any("secrets" in e["resources"] for e in value or []),
    ),
    "eks-cluster-api-endpoint-private": Fixture(
        make=lambda c, name, ok: _cluster(c, name, vpc={"endpointPublicAccess": not ok, "endpointPrivateAccess": ok}),
        read=lambda c, ids: _described(c, ids)["resourcesVpcConfig"]["endpointPublicAccess"],
        holds=lambda public: public is False,
    ),
    "eks-cluster-control-plane-log-types": Fixture(
        make=lambda c, name, ok: _cluster(c, name, logging={"clusterLogging": LOG_TYPES[ok]}),
        read=lambda c, ids: _logged_types(_described(c, ids)),
        holds=lambda types: {"api", "scheduler"} <= types,
    ),
    "eks-nodegroup-minimum-two-nodes": Fixture(
        make=lambda c, name, ok: _nodegroup(c, name, scalingConfig=_scaling(2 if ok else 1)),
        read=lambda c, ids: _nodegroup_read(c, ids)["scalingConfig"]["minSize"],
        holds=lambda minimum: minimum >= 2,
    ),
}

# ---------------------------------------------------------------- CloudFront


NO_IDENTITY = {"OriginAccessIdentity": ""}


def _distribution(clients: Clients, name: str, policy: str, tls: str, logging: bool) -> Ids:
    config = {
        "CallerReference": name,
        "Comment": name,
        "Enabled": True,
        "Origins": {
            "Quantity": 1,
            "Items": [
                {"Id": "o", "DomainName": f"{name}.s3.amazonaws.com", "S3OriginConfig": {"OriginAccessIdentity": ""}}
            ],
        },
        "DefaultCacheBehavior": {
            "TargetOriginId": "o",
            "ViewerProtocolPolicy": policy,
            "MinTTL": 0,
            "ForwardedValues": {"QueryString": False, "Cookies": {"Forward": "none"}},
            "TrustedSigners": {"Enabled": False, "Quantity": 0},
        },
        "ViewerCertificate": {
            "ACMCertificateArn": certificate(clients),
            "SSLSupportMethod": "sni-only",
            "MinimumProtocolVersion": tls,
        },
        "Logging": {
            "Enabled": logging,
            "IncludeCookies": False,
            "Bucket": f"{bucket(clients)}.s3.amazonaws.com",
            "Prefix": name,
        },
    }
    made = clients("cloudfront").create_distribution(DistributionConfig=config)["Distribution"]
    return [made["Id"], made["ARN"], made["DomainName"]]


def _distribution_config(clients: Clients, ids: Ids) -> Any:
    return clients("cloudfront").get_distribution_config(Id=ids[0])["DistributionConfig"]


CLOUDFRONT = {
    "cloudfront-viewer-protocol-https": Fixture(
        make=lambda c, name, ok: _distribution(
            c, name, "redirect-to-https" if ok else "allow-all", "TLSv1.2_2021", True
        ),
        read=lambda c, ids: _distribution_config(c, ids)["DefaultCacheBehavior"]["ViewerProtocolPolicy"],
        holds=lambda policy: policy in ("redirect-to-https", "https-only"),
    ),
    "cloudfront-minimum-tls-1-2": Fixture(
        make=lambda c, name, ok: _distribution(c, name, "https-only", "TLSv1.2_2021" if ok else "TLSv1_2016", True),
        read=lambda c, ids: _distribution_config(c, ids)["ViewerCertificate"]["MinimumProtocolVersion"],
        holds=lambda version: version.startswith("TLSv1.2_"),
    ),
    "cloudfront-origin-access-logging": Fixture(
        make=lambda c, name, ok: _distribution(c, name, "https-only", "TLSv1.2_2021", ok),
        read=lambda c, ids: _distribution_config(c, ids)["Logging"]["Enabled"],
        holds=lambda enabled: enabled is True,
    ),
}

# ---------------------------------------------------------------- API Gateway (REST and v2)


def _rest_stage(clients: Clients, name: str, patches: dict[str, str], **settings: Any) -> Ids:
    apigw = clients("apigateway")
    api = apigw.create_rest_api(name=name)["id"]
    root = apigw.get_resources(restApiId=api)["items"][0]["id"]
    apigw.put_method(restApiId=api, resourceId=root, httpMethod="GET", authorizationType="NONE")
    apigw.put_integration(restApiId=api, resourceId=root, httpMethod="GET", type="MOCK")
    deployment = apigw.create_deployment(restApiId=api)["id"]
    stage = f"{name}-stage"
    apigw.create_stage(restApiId=api, stageName=stage, deploymentId=deployment, **settings)
    if patches:
        operations = [{"op": "replace", "path": path, "value": value} for path, value in patches.items()]
        apigw.update_stage(restApiId=api, stageName=stage, patchOperations=operations)
    return [api, stage, name]


def _stage(clients: Clients, ids: Ids) -> Any:
    return clients("apigateway").get_stage(restApiId=ids[0], stageName=ids[1])


CACHED = {"cacheClusterEnabled": True, "cacheClusterSize": "0.5"}
ENCRYPT_CACHE = "/*/*/caching/dataEncrypted"


def _v2_stage(clients: Clients, name: str, logged: bool) -> Ids:
    v2 = clients("apigatewayv2")
    api = v2.create_api(Name=name, ProtocolType="HTTP")["ApiId"]
    settings = {"DestinationArn": log_group(clients, "vb-http-access"), "Format": "$context.requestId"}
    v2.create_stage(ApiId=api, StageName=f"{name}-stage", **({"AccessLogSettings": settings} if logged else {}))
    return [api, f"{name}-stage", name]


APIGATEWAY = {
    "apigateway-stage-xray-tracing": Fixture(
        make=lambda c, name, ok: _rest_stage(c, name, {}, tracingEnabled=ok),
        read=lambda c, ids: _stage(c, ids).get("tracingEnabled"),
        holds=lambda traced: traced is True,
    ),
    "apigateway-stage-cache-encrypted": Fixture(
        make=lambda c, name, ok: _rest_stage(c, name, {ENCRYPT_CACHE: str(ok).lower()}, **CACHED),
        read=lambda c, ids: [s.get("cacheDataEncrypted") for s in _stage(c, ids)["methodSettings"].values()],
        holds=lambda encrypted: bool(encrypted) and all(encrypted),
        out_of_scope=lambda c, name: _rest_stage(c, name, {ENCRYPT_CACHE: "false"}),
    ),
    "apigateway-stage-execution-logging": Fixture(
        make=lambda c, name, ok: _rest_stage(c, name, {"/*/*/logging/loglevel": "INFO" if ok else "OFF"}),
        read=lambda c, ids: [s.get("loggingLevel") for s in _stage(c, ids).get("methodSettings", {}).values()],
        holds=lambda levels: bool(levels) and all(level in ("ERROR", "INFO") for level in levels),
    ),
    "apigatewayv2-stage-access-logging": Fixture(
        make=_v2_stage,
        read=lambda c, ids: c("apigatewayv2").get_stage(ApiId=ids[0], StageName=ids[1]).get("AccessLogSettings"),
        holds=lambda settings: bool(settings and settings.get("DestinationArn")),
    ),
}

# ---------------------------------------------------------------- WAFv2


def _web_acl(clients: Clients, name: str, logged: bool = True, sampled: bool = True) -> Ids:
    visibility = {"SampledRequestsEnabled": sampled, "CloudWatchMetricsEnabled": True, "MetricName": name}
    acl = clients("wafv2").create_web_acl(
        Name=name, Scope="REGIONAL", DefaultAction={"Allow": {}}, VisibilityConfig=visibility
    )["Summary"]
    if logged:
        destination = log_group(clients, "aws-waf-logs-vb")
        configuration = {"ResourceArn": acl["ARN"], "LogDestinationConfigs": [destination]}
        clients("wafv2").put_logging_configuration(LoggingConfiguration=configuration)
    return [acl["ARN"], acl["Id"], name]


WAFV2 = {
    "wafv2-regional-web-acl-logging": Fixture(
        make=lambda c, name, ok: _web_acl(c, name, logged=ok),
        read=lambda c, ids: error_code(lambda: c("wafv2").get_logging_configuration(ResourceArn=ids[0])),
        holds=lambda answer: bool(answer.get("LoggingConfiguration", {}).get("LogDestinationConfigs")),
    ),
    "wafv2-web-acl-metrics-and-sampling": Fixture(
        make=lambda c, name, ok: _web_acl(c, name, logged=False, sampled=ok),
        read=lambda c, ids: c("wafv2").get_web_acl(Name=ids[2], Scope="REGIONAL", Id=ids[1])["WebACL"][
            "VisibilityConfig"
        ],
        holds=lambda seen: seen["SampledRequestsEnabled"] is True and seen["CloudWatchMetricsEnabled"] is True,
    ),
}
