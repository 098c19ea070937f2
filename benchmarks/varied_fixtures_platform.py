"""Varied fixtures for the platform: KMS, IAM, CloudTrail, Lambda, containers, secrets, ACM, account settings."""

from __future__ import annotations

import datetime
import json
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from benchmarks.varied_moto import (
    AccountFixture,
    Clients,
    Fixture,
    Ids,
    bucket,
    function,
    log_group,
    role,
)

# ---------------------------------------------------------------- KMS and IAM


def _key(clients: Clients, name: str, multi_region: bool = False, doomed: bool = False) -> Ids:
    kms = clients("kms")
    made = kms.create_key(Description=name, MultiRegion=multi_region)["KeyMetadata"]
    if doomed:
        kms.schedule_key_deletion(KeyId=made["KeyId"], PendingWindowInDays=7)
    return [made["KeyId"], made["Arn"]]


def _key_metadata(clients: Clients, ids: Ids) -> Any:
    return clients("kms").describe_key(KeyId=ids[0])["KeyMetadata"]


INLINE = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*"}]}


def _user(clients: Clients, name: str, inline: bool) -> Ids:
    iam = clients("iam")
    iam.create_user(UserName=name)
    if inline:
        iam.put_user_policy(UserName=name, PolicyName="vb-inline", PolicyDocument=json.dumps(INLINE))
    else:
        managed = iam.create_policy(PolicyName=f"{name}-managed", PolicyDocument=json.dumps(INLINE))["Policy"]["Arn"]
        iam.attach_user_policy(UserName=name, PolicyArn=managed)
    return [name]


IDENTITY = {
    "kms-key-single-region": Fixture(
        make=lambda c, name, ok: _key(c, name, multi_region=not ok),
        read=lambda c, ids: _key_metadata(c, ids)["MultiRegion"],
        holds=lambda multi: multi is False,
    ),
    "kms-key-not-pending-deletion": Fixture(
        make=lambda c, name, ok: _key(c, name, doomed=not ok),
        read=lambda c, ids: _key_metadata(c, ids)["KeyState"],
        holds=lambda state: state not in ("PendingDeletion", "PendingReplicaDeletion"),
    ),
    "iam-user-no-inline-policies": Fixture(
        make=lambda c, name, ok: _user(c, name, inline=not ok),
        read=lambda c, ids: c("iam").list_user_policies(UserName=ids[0])["PolicyNames"],
        holds=lambda names: names == [],
    ),
}

# ---------------------------------------------------------------- CloudTrail, Lambda, Step Functions


def _trail(clients: Clients, name: str, validated: bool) -> Ids:
    made = clients("cloudtrail").create_trail(
        Name=name, S3BucketName=bucket(clients), IsMultiRegionTrail=True, EnableLogFileValidation=validated
    )
    return [made["TrailARN"], name]


def _trail_flags(clients: Clients, ids: Ids) -> Any:
    trail = clients("cloudtrail").get_trail(Name=ids[0])["Trail"]
    return trail["IsMultiRegionTrail"], trail["LogFileValidationEnabled"]


STATES = {"StartAt": "Done", "States": {"Done": {"Type": "Pass", "End": True}}}


def _state_machine(clients: Clients, name: str, logged: bool) -> Ids:
    destination = {"cloudWatchLogsLogGroup": {"logGroupArn": log_group(clients, "/aws/states/vb") + ":*"}}
    logging = {"level": "ALL", "includeExecutionData": True, "destinations": [destination]}
    made = clients("stepfunctions").create_state_machine(
        name=name,
        definition=json.dumps(STATES),
        roleArn=role(clients, "states.amazonaws.com"),
        **({"loggingConfiguration": logging} if logged else {}),
    )
    return [made["stateMachineArn"], name]


RUNTIME = {
    "cloudtrail-multi-region-with-log-validation": Fixture(
        make=lambda c, name, ok: _trail(c, name, validated=ok),
        read=_trail_flags,
        holds=lambda flags: flags == (True, True),
    ),
    "lambda-function-active-tracing": Fixture(
        make=lambda c, name, ok: [function(c, name, TracingConfig={"Mode": "Active" if ok else "PassThrough"}), name],
        read=lambda c, ids: c("lambda").get_function_configuration(FunctionName=ids[1])["TracingConfig"]["Mode"],
        holds=lambda mode: mode == "Active",
    ),
    "stepfunctions-state-machine-logging": Fixture(
        make=lambda c, name, ok: _state_machine(c, name, logged=ok),
        read=lambda c, ids: c("stepfunctions").describe_state_machine(stateMachineArn=ids[0])["loggingConfiguration"][
            "level"
        ],
        holds=lambda level: level != "OFF",
    ),
}

# ---------------------------------------------------------------- ECR, ECS, CodeBuild


def _repository(clients: Clients, name: str, scan: bool) -> Ids:
    made = clients("ecr").create_repository(repositoryName=name, imageScanningConfiguration={"scanOnPush": scan})
    return [made["repository"]["repositoryArn"], name]


def _ecs_cluster(clients: Clients, name: str, insights: bool) -> Ids:
    setting = {"name": "containerInsights", "value": "enabled" if insights else "disabled"}
    made = clients("ecs").create_cluster(clusterName=name, settings=[setting])
    return [made["cluster"]["clusterArn"], name]


def _ecs_settings(clients: Clients, ids: Ids) -> Any:
    return clients("ecs").describe_clusters(clusters=[ids[0]], include=["SETTINGS"])["clusters"][0]["settings"]


def _project(clients: Clients, name: str, privileged: bool) -> Ids:
    environment = {
        "type": "LINUX_CONTAINER",
        "image": "aws/codebuild/standard:7.0",
        "computeType": "BUILD_GENERAL1_SMALL",
        "privilegedMode": privileged,
    }
    made = clients("codebuild").create_project(
        name=name,
        source={"type": "S3", "location": f"{bucket(clients)}/source.zip"},
        artifacts={"type": "NO_ARTIFACTS"},
        environment=environment,
        serviceRole=role(clients, "codebuild.amazonaws.com"),
    )
    return [made["project"]["arn"], name]


CONTAINERS = {
    "ecr-repository-scan-on-push": Fixture(
        make=lambda c, name, ok: _repository(c, name, scan=ok),
        read=lambda c, ids: c("ecr").describe_repositories(repositoryNames=[ids[1]])["repositories"][0][
            "imageScanningConfiguration"
        ]["scanOnPush"],
        holds=lambda scan: scan is True,
    ),
    "ecs-cluster-container-insights": Fixture(
        make=lambda c, name, ok: _ecs_cluster(c, name, insights=ok),
        read=_ecs_settings,
        holds=lambda settings: any(
            s["name"] == "containerInsights" and s["value"] in ("enabled", "enhanced") for s in settings
        ),
    ),
    "codebuild-project-not-privileged": Fixture(
        make=lambda c, name, ok: _project(c, name, privileged=not ok),
        read=lambda c, ids: c("codebuild").batch_get_projects(names=[ids[1]])["projects"][0]["environment"][
            "privilegedMode"
        ],
        holds=lambda privileged: privileged is False,
    ),
}

# ---------------------------------------------------------------- Secrets Manager, ACM, SageMaker


def _secret(clients: Clients, name: str, days: int) -> Ids:
    secrets = clients("secretsmanager")
    arn = secrets.create_secret(Name=name, SecretString="vb-not-a-real-secret")["ARN"]
    rotator = function(clients, f"{name}-rot"[:64])
    secrets.rotate_secret(
        SecretId=arn, RotationLambdaARN=rotator, RotationRules={"AutomaticallyAfterDays": days}, RotateImmediately=False
    )
    return [arn, name]


def _rotation(clients: Clients, ids: Ids) -> Any:
    found = clients("secretsmanager").describe_secret(SecretId=ids[0])
    return found.get("RotationEnabled"), found.get("RotationRules", {}).get("AutomaticallyAfterDays")


def _certificate(clients: Clients, name: str, transparency: bool) -> Ids:
    preference = "ENABLED" if transparency else "DISABLED"
    arn = clients("acm").request_certificate(
        DomainName=f"{name}.example.com", Options={"CertificateTransparencyLoggingPreference": preference}
    )["CertificateArn"]
    return [arn, f"{name}.example.com"]


def _imported_certificate(clients: Clients, name: str) -> Ids:
    """A self-signed certificate imported into ACM: the requirement excludes it (moto reports CT ENABLED)."""
    key = ec.generate_private_key(ec.SECP256R1())
    domain = f"{name}.example.com"
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, domain)])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(domain)]), critical=False)
        .sign(key, hashes.SHA256())
    )
    private = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    made = clients("acm").import_certificate(
        Certificate=certificate.public_bytes(serialization.Encoding.PEM), PrivateKey=private
    )
    return [made["CertificateArn"], domain]


def _notebook(clients: Clients, name: str, **settings: str) -> Ids:
    clients("sagemaker").create_notebook_instance(
        NotebookInstanceName=name,
        InstanceType="ml.t3.medium",
        RoleArn=role(clients, "sagemaker.amazonaws.com"),
        **settings,
    )
    return [name]


def _notebook_read(clients: Clients, ids: Ids, key: str) -> Any:
    return clients("sagemaker").describe_notebook_instance(NotebookInstanceName=ids[0]).get(key)


SERVICES = {
    "secretsmanager-rotation-within-30-days": Fixture(
        make=lambda c, name, ok: _secret(c, name, days=30 if ok else 90),
        read=_rotation,
        holds=lambda rotation: rotation[0] is True and rotation[1] <= 30,
    ),
    "acm-certificate-transparency-logging": Fixture(
        make=lambda c, name, ok: _certificate(c, name, transparency=ok),
        read=lambda c, ids: c("acm").describe_certificate(CertificateArn=ids[0])["Certificate"]["Options"][
            "CertificateTransparencyLoggingPreference"
        ],
        holds=lambda preference: preference == "ENABLED",
        out_of_scope=_imported_certificate,
    ),
    "sagemaker-notebook-root-access-disabled": Fixture(
        make=lambda c, name, ok: _notebook(c, name, RootAccess="Disabled" if ok else "Enabled"),
        read=lambda c, ids: _notebook_read(c, ids, "RootAccess"),
        holds=lambda access: access == "Disabled",
    ),
    "sagemaker-notebook-no-direct-internet": Fixture(
        make=lambda c, name, ok: _notebook(c, name, DirectInternetAccess="Disabled" if ok else "Enabled"),
        read=lambda c, ids: _notebook_read(c, ids, "DirectInternetAccess"),
        holds=lambda access: access == "Disabled",
    ),
    "sagemaker-notebook-locked-down-list": Fixture(
        make=lambda c, name, ok: _notebook(
            c, name, DirectInternetAccess="Disabled" if ok else "Enabled", RootAccess="Disabled" if ok else "Enabled"
        ),
        read=lambda c, ids: [_notebook_read(c, ids, "DirectInternetAccess"), _notebook_read(c, ids, "RootAccess")],
        holds=lambda accesses: accesses == ["Disabled", "Disabled"],
    ),
}

# ---------------------------------------------------------------- account-level settings


def _password_policy(clients: Clients, compliant: bool) -> None:
    clients("iam").update_account_password_policy(MinimumPasswordLength=14, MaxPasswordAge=90 if compliant else 180)


def _detector(clients: Clients, compliant: bool) -> None:
    clients("guardduty").create_detector(Enable=compliant)


def _detector_statuses(clients: Clients) -> list[str]:
    guardduty = clients("guardduty")
    return [guardduty.get_detector(DetectorId=d)["Status"] for d in guardduty.list_detectors()["DetectorIds"]]


ACCOUNT_LEVEL = {
    "iam-password-policy-expiry": AccountFixture(
        put=_password_policy,
        read=lambda c: c("iam").get_account_password_policy()["PasswordPolicy"],
        holds=lambda policy: policy.get("ExpirePasswords") is True and 0 < policy.get("MaxPasswordAge", 0) <= 90,
    ),
    "guardduty-detector-enabled": AccountFixture(
        put=_detector,
        read=_detector_statuses,
        holds=lambda statuses: bool(statuses) and all(s == "ENABLED" for s in statuses),
    ),
}
