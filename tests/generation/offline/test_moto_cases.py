"""The issue's five families generated offline through the CLI and run on moto (a known miss would be a strict xfail)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from moto import mock_aws

from bot.cli.main import main
from tests.generation.offline import moto_cases as mc

ENV = ("CONTROLBOT_PROVIDER", "CONTROLBOT_MODEL", "OPENAI_BASE_URL", "OPENAI_API_KEY")
AWS_ENV = ("AWS_PROFILE", "AWS_REGION", "AWS_ENDPOINT_URL", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN")


def case(
    case_id: str,
    service: str,
    resource: str,
    requirement: str,
    category: str,
    make: mc.Maker,
    today: str = "",
    title: str = "",
) -> Any:
    """One parametrized case; `today` says what the engine writes now, and makes the case a strict xfail."""
    moto_case = mc.MotoCase(case_id, service, resource, requirement, category, make, title)
    marks = [pytest.mark.xfail(strict=True, reason=today)] if today else []
    return pytest.param(moto_case, id=case_id, marks=marks)


CASES = [
    case(  # written as a check's description: what it looks at, then when it fails
        "eks-endpoint-described",
        "eks",
        "EKS cluster",
        "This control checks whether an Amazon EKS cluster endpoint is publicly accessible. The control fails if an "
        "EKS cluster has an endpoint that is publicly accessible.",
        "public-access",
        mc.eks_private_endpoint,
        title="EKS cluster endpoints should not be publicly accessible",
    ),
    case(
        "alb-invalid-headers-described",
        "elbv2",
        "Application Load Balancer",
        "This control evaluates whether an Application Load Balancer is configured to drop invalid HTTP headers. "
        "The control fails if the value of `routing.http.drop_invalid_header_fields.enabled` is set to `false`.",
        "network",
        mc.elb_drop_invalid_headers,
    ),
    case(
        "eks-secrets-encrypted",
        "eks",
        "EKS cluster",
        "Kubernetes secrets of every cluster must be envelope encrypted with a KMS key.",
        "encryption-at-rest",
        mc.eks_secrets,
    ),
    case(
        "eks-endpoint-not-public",
        "eks",
        "EKS cluster",
        "The cluster API server endpoint must not be publicly accessible.",
        "public-access",
        mc.eks_private_endpoint,
    ),
    case(
        "eks-audit-logging",
        "eks",
        "EKS cluster",
        "Control plane audit logs must be enabled on every cluster.",
        "logging",
        mc.eks_audit_logging,
    ),
    case(
        "cloudfront-viewer-https",
        "cloudfront",
        "CloudFront distribution",
        "Distributions must never let viewers use plain HTTP: redirect to HTTPS or HTTPS only.",
        "encryption-in-transit",
        mc.cloudfront_https,
    ),
    case(
        "cloudfront-tls-minimum",
        "cloudfront",
        "CloudFront distribution",
        "Viewer connections must use TLS 1.2 or newer (minimum protocol version).",
        "encryption-in-transit",
        mc.cloudfront_tls,
    ),
    case(
        "apigateway-stage-tracing",
        "apigateway",
        "API Gateway REST API stage",
        "Every stage of each REST API must have X-Ray tracing enabled.",
        "monitoring",
        mc.stage_tracing,
    ),
    case(
        "apigateway-stage-logging",
        "apigateway",
        "API Gateway REST API stage",
        "Execution logging must be enabled on every REST API stage (logging level ERROR or INFO, not OFF).",
        "logging",
        mc.stage_logging,
    ),
    case(
        "wafv2-web-acl-logging",
        "wafv2",
        "WAF web ACL",
        "Regional web ACLs must have logging configured.",
        "logging",
        mc.web_acl_logging,
    ),
    case(
        "elbv2-deletion-protection",
        "elbv2",
        "Application Load Balancer",
        "Load balancers must have deletion protection enabled.",
        "deletion-protection",
        mc.elb_deletion_protection,
    ),
    case(
        "elbv2-drop-invalid-headers",
        "elbv2",
        "Application Load Balancer",
        "Application load balancers must drop invalid HTTP header fields.",
        "other",
        mc.elb_drop_invalid_headers,
    ),
]


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty repository folder, the offline provider, and an in-process moto account with no host AWS setup."""
    for name in ENV + AWS_ENV:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_DEFAULT_REGION", mc.REGION)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "no-credentials"))
    monkeypatch.chdir(tmp_path)
    with mock_aws():
        yield tmp_path


def generate(root: Path, moto_case: mc.MotoCase) -> Path:
    request = root / "controls" / moto_case.service / f"{moto_case.id}.yaml"
    request.parent.mkdir(parents=True, exist_ok=True)
    request.write_text(moto_case.request_yaml(), encoding="utf-8")
    main(["generate", "--provider", "offline", str(request)])
    feature = request.with_suffix(".feature")
    assert feature.is_file(), f"no feature was written for {moto_case.id}"
    return feature


def verdicts(feature: Path, moto_case: mc.MotoCase, capsys: pytest.CaptureFixture[str]) -> tuple[list[str], ...]:
    """Make the case's compliant and non-compliant resources, check the feature: each one's statuses, and
    every finding as (resource, status, reasons) to show when an assertion fails."""
    compliant = moto_case.make(f"{moto_case.id[:20]}-ok", True)
    noncompliant = moto_case.make(f"{moto_case.id[:20]}-bad", False)
    capsys.readouterr()
    main(["check", str(feature), "--region", mc.REGION, "--format", "json"])
    findings = json.loads(capsys.readouterr().out)["findings"]

    def statuses(identifiers: list[str]) -> list[str]:
        return [f["status"] for f in findings if any(x in str(f["resource"]) for x in identifiers)]

    shown = [f"{f['resource']} {f['status']} {f.get('reasons')}" for f in findings]
    return statuses(compliant), statuses(noncompliant), shown


@pytest.mark.parametrize("moto_case", CASES)
def test_the_generated_control_passes_the_compliant_resource_and_fails_the_other(
    workspace: Path, moto_case: mc.MotoCase, capsys: pytest.CaptureFixture[str]
) -> None:
    compliant, noncompliant, shown = verdicts(generate(workspace, moto_case), moto_case, capsys)

    assert compliant and set(compliant) == {"PASS"}, shown
    assert "FAIL" in noncompliant, shown


SAYABLE = [c for c in CASES if c.values[0].id in mc.RIGHT_STEPS]


@pytest.mark.parametrize("moto_case", [pytest.param(c.values[0], id=c.id) for c in SAYABLE])
def test_a_right_control_tells_the_two_resources_apart(
    workspace: Path, moto_case: mc.MotoCase, capsys: pytest.CaptureFixture[str]
) -> None:
    # what the xfails above wait for: with today's language and runner, the right control judges both right
    feature = workspace / f"{moto_case.id}.feature"
    feature.write_text(mc.right_feature(moto_case), encoding="utf-8")

    compliant, noncompliant, shown = verdicts(feature, moto_case, capsys)

    assert compliant and set(compliant) == {"PASS"}, shown
    assert noncompliant and set(noncompliant) == {"FAIL"}, shown
