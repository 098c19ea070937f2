"""Varied fixtures for analytics: OpenSearch domains and Athena workgroups."""

from __future__ import annotations

from typing import Any

from benchmarks.varied_moto import Clients, Fixture, Ids, bucket, log_group

# ---------------------------------------------------------------- OpenSearch and Athena


def _domain(clients: Clients, name: str, **settings: Any) -> Ids:
    name = name[:28]
    clients("opensearch").create_domain(DomainName=name, EngineVersion="OpenSearch_2.11", **settings)
    return [name]


def _audit(clients: Clients, ok: bool) -> dict[str, Any]:
    destination = log_group(clients, "/aws/opensearch/vb-audit")
    return {"LogPublishingOptions": {"AUDIT_LOGS": {"CloudWatchLogsLogGroupArn": destination, "Enabled": ok}}}


def _https(ok: bool) -> dict[str, Any]:
    policy = "Policy-Min-TLS-1-2-2019-07" if ok else "Policy-Min-TLS-1-0-2019-07"
    return {"DomainEndpointOptions": {"EnforceHTTPS": ok, "TLSSecurityPolicy": policy}}


def _domain_status(clients: Clients, ids: Ids) -> Any:
    return clients("opensearch").describe_domain(DomainName=ids[0])["DomainStatus"]


def _workgroup(clients: Clients, name: str, ok: bool) -> Ids:
    results: dict[str, Any] = {"OutputLocation": f"s3://{bucket(clients)}/{name}/"}
    if ok:
        results["EncryptionConfiguration"] = {"EncryptionOption": "SSE_S3"}
    configuration = {"EnforceWorkGroupConfiguration": ok, "ResultConfiguration": results}
    clients("athena").create_work_group(Name=name, Configuration=configuration)
    return [name]


def _enforced_and_encrypted(configuration: Any) -> bool:
    encryption = configuration.get("ResultConfiguration", {}).get("EncryptionConfiguration", {})
    return configuration.get("EnforceWorkGroupConfiguration") is True and bool(encryption.get("EncryptionOption"))


ANALYTICS = {
    "opensearch-domain-audit-logs": Fixture(
        make=lambda c, name, ok: _domain(c, name, **_audit(c, ok)),
        read=lambda c, ids: _domain_status(c, ids).get("LogPublishingOptions", {}).get("AUDIT_LOGS", {}),
        holds=lambda audit: audit.get("Enabled") is True,
    ),
    "opensearch-domain-https-tls12": Fixture(
        make=lambda c, name, ok: _domain(c, name, **_https(ok)),
        read=lambda c, ids: _domain_status(c, ids)["DomainEndpointOptions"],
        holds=lambda o: o["EnforceHTTPS"] is True and o["TLSSecurityPolicy"].startswith("Policy-Min-TLS-1-2"),
    ),
    "athena-workgroup-enforced-encrypted-results": Fixture(
        make=_workgroup,
        read=lambda c, ids: c("athena").get_work_group(WorkGroup=ids[0])["WorkGroup"]["Configuration"],
        holds=_enforced_and_encrypted,
    ),
}
