"""Every seed control in controls/ run on moto: a compliant resource PASSes, a non-compliant one FAILs."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import boto3
import pytest
from moto import mock_aws
from moto.backend_index import backend_url_patterns
from moto.backends import ALT_SERVICE_NAMES

from bot.cli.check import boto3_clients, load_features
from bot.runner.calls import ApiCache
from bot.runner.findings import Finding
from bot.runner.run import RunOptions, run_controls
from tests.paths import REPO

CONTROLS = REPO / "controls"
SEEDS = sorted(CONTROLS.rglob("*.feature"))
REGION = "us-east-1"
ACCOUNT = "123456789012"
MOTO_SERVICES = {name for name, _ in backend_url_patterns}

# Setup: make one resource, compliant or not, in a fresh moto account; return its id as findings name it.
Setup = Callable[[boto3.Session, bool], str]
SETUPS: dict[str, Setup] = {}
# Seed controls moto cannot model both ways, with the reason (kept short and specific).
MOTO_CANNOT: dict[str, str] = {
    "iam-root-user-mfa-enabled": "moto always reports AccountMFAEnabled 0 (root MFA cannot be turned on)",
}
# Scenarios whose compliant case moto cannot produce: (control, scenario) -> reason; their findings are left out.
MOTO_CANNOT_PASS: dict[tuple[str, str], str] = {
    ("kms-customer-key-automatic-rotation", "the rotation period is at most one year"): (
        "moto's GetKeyRotationStatus omits RotationPeriodInDays"
    ),
}


def setup(control: str) -> Callable[[Setup], Setup]:
    def register(function: Setup) -> Setup:
        SETUPS[control] = function
        return function

    return register


def run_seed(session: boto3.Session, path: Path) -> list[Finding]:
    controls, broken = load_features([path])
    assert not broken, broken
    cache = ApiCache(boto3_clients(session, workers=4, max_attempts=2))
    return run_controls(controls, cache, RunOptions((REGION,), ACCOUNT, 4))


@pytest.mark.parametrize("path", SEEDS, ids=[p.stem for p in SEEDS])
def test_seed_control_passes_a_compliant_resource_and_fails_a_non_compliant_one(path: Path) -> None:
    controls, _ = load_features([path])
    control, feature = controls[0]
    service = feature.tag_value("service") or ""
    if ALT_SERVICE_NAMES.get(service, service).replace("-", "") not in MOTO_SERVICES:
        pytest.skip(f"moto has no {service}")
    if control in MOTO_CANNOT:
        pytest.skip(MOTO_CANNOT[control])
    assert control in SETUPS, f"{path}: add a compliant/non-compliant setup to tests/test_seed_controls.py"
    for compliant in (True, False):
        with mock_aws():
            session = boto3.Session(region_name=REGION)
            resource = SETUPS[control](session, compliant)
            found = run_seed(session, path)
        mine = [f for f in found if f.resource == resource and (control, f.scenario) not in MOTO_CANNOT_PASS]
        statuses = [f.status for f in mine]
        assert mine, f"{control}: no finding for {resource}"
        if compliant:
            assert set(statuses) == {"PASS"}, mine
        else:
            assert "FAIL" in statuses and "ERROR" not in statuses, mine


def _bucket(session: boto3.Session, name: str) -> str:
    session.client("s3").create_bucket(Bucket=name)
    return name


@setup("s3-bucket-versioning-enabled")
def _s3_versioning(session: boto3.Session, compliant: bool) -> str:
    name = _bucket(session, "data-bucket")
    if compliant:
        session.client("s3").put_bucket_versioning(Bucket=name, VersioningConfiguration={"Status": "Enabled"})
    return name


@setup("s3-bucket-public-access-block-enabled")
def _s3_public_access_block(session: boto3.Session, compliant: bool) -> str:
    name = _bucket(session, "data-bucket")
    if compliant:
        settings = dict.fromkeys(
            ("BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"), True
        )
        session.client("s3").put_public_access_block(Bucket=name, PublicAccessBlockConfiguration=settings)
    return name


@setup("s3-bucket-server-access-logging")
def _s3_access_logging(session: boto3.Session, compliant: bool) -> str:
    name = _bucket(session, "data-bucket")
    if compliant:
        s3 = session.client("s3")
        target = _bucket(session, "log-bucket")
        s3.put_bucket_acl(
            Bucket=target,
            GrantWrite="uri=http://acs.amazonaws.com/groups/s3/LogDelivery",
            GrantReadACP="uri=http://acs.amazonaws.com/groups/s3/LogDelivery",
        )
        logging = {"LoggingEnabled": {"TargetBucket": target, "TargetPrefix": "data/"}}
        s3.put_bucket_logging(Bucket=name, BucketLoggingStatus=logging)
    return name


@setup("dynamodb-table-point-in-time-recovery")
def _dynamodb_pitr(session: boto3.Session, compliant: bool) -> str:
    ddb = session.client("dynamodb")
    ddb.create_table(
        TableName="orders",
        KeySchema=[{"AttributeName": "k", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "k", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
    )
    spec = {"PointInTimeRecoveryEnabled": compliant}
    ddb.update_continuous_backups(TableName="orders", PointInTimeRecoverySpecification=spec)
    return "orders"


@setup("sqs-queue-server-side-encryption")
def _sqs_encryption(session: boto3.Session, compliant: bool) -> str:
    attributes = {"KmsMasterKeyId": "alias/aws/sqs"} if compliant else {"SqsManagedSseEnabled": "false"}
    return str(session.client("sqs").create_queue(QueueName="jobs", Attributes=attributes)["QueueUrl"])


@setup("ecr-repository-tag-immutability")
def _ecr_immutability(session: boto3.Session, compliant: bool) -> str:
    mutability = "IMMUTABLE" if compliant else "MUTABLE"
    repo = session.client("ecr").create_repository(repositoryName="app", imageTagMutability=mutability)
    return str(repo["repository"]["repositoryArn"])


@setup("rds-cluster-deletion-protection")
def _rds_cluster(session: boto3.Session, compliant: bool) -> str:
    session.client("rds").create_db_cluster(
        DBClusterIdentifier="orders-db",
        Engine="aurora-postgresql",
        MasterUsername="admin",
        MasterUserPassword="password-123",
        DeletionProtection=compliant,
    )
    return "orders-db"


@setup("rds-instance-storage-encrypted")
def _rds_instance(session: boto3.Session, compliant: bool) -> str:
    session.client("rds").create_db_instance(
        DBInstanceIdentifier="orders-db",
        DBInstanceClass="db.t3.micro",
        Engine="postgres",
        MasterUsername="admin",
        MasterUserPassword="password-123",
        AllocatedStorage=20,
        StorageEncrypted=compliant,
    )
    return "orders-db"


@setup("iam-account-password-policy-strength")
def _iam_password_policy(session: boto3.Session, compliant: bool) -> str:
    strength = {"MinimumPasswordLength": 14, "PasswordReusePrevention": 24} if compliant else {}
    session.client("iam").update_account_password_policy(**strength)
    return ACCOUNT


@setup("kinesis-stream-kms-encryption")
def _kinesis_encryption(session: boto3.Session, compliant: bool) -> str:
    kinesis = session.client("kinesis")
    kinesis.create_stream(StreamName="events", ShardCount=1)
    if compliant:
        kinesis.start_stream_encryption(StreamName="events", EncryptionType="KMS", KeyId="alias/aws/kinesis")
    return "events"


@setup("kms-customer-key-automatic-rotation")
def _kms_rotation(session: boto3.Session, compliant: bool) -> str:
    kms = session.client("kms")
    key = str(kms.create_key(Description="data key")["KeyMetadata"]["KeyId"])
    if compliant:
        kms.enable_key_rotation(KeyId=key, RotationPeriodInDays=365)
    return key


@setup("secretsmanager-secret-automatic-rotation")
def _secret_rotation(session: boto3.Session, compliant: bool) -> str:
    secrets = session.client("secretsmanager")
    arn = str(secrets.create_secret(Name="db-password", SecretString="s3cret")["ARN"])
    if compliant:  # without a rotation function moto turns rotation on without invoking anything
        secrets.rotate_secret(SecretId=arn, RotationRules={"AutomaticallyAfterDays": 30})
    return arn


@setup("lambda-function-runtime-supported")
def _lambda_runtime(session: boto3.Session, compliant: bool) -> str:
    trust = '{"Version": "2012-10-17", "Statement": []}'
    role = session.client("iam").create_role(RoleName="fn", AssumeRolePolicyDocument=trust)["Role"]["Arn"]
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("handler.py", "def handler(event, context):\n    return event\n")
    function = session.client("lambda").create_function(
        FunctionName="fn",
        Runtime="python3.12" if compliant else "python3.8",
        Role=role,
        Handler="handler.handler",
        Code={"ZipFile": archive.getvalue()},
    )
    return str(function["FunctionArn"])


def _trail(session: boto3.Session, **extra: str) -> str:
    bucket = _bucket(session, "trail-logs")
    trail = session.client("cloudtrail").create_trail(Name="main", S3BucketName=bucket, **extra)
    return str(trail["TrailARN"])


@setup("cloudtrail-trail-is-logging")
def _trail_logging(session: boto3.Session, compliant: bool) -> str:
    arn = _trail(session)
    if compliant:
        session.client("cloudtrail").start_logging(Name=arn)
    return arn


@setup("cloudtrail-trail-logs-kms-encrypted")
def _trail_kms(session: boto3.Session, compliant: bool) -> str:
    if not compliant:
        return _trail(session)
    key = session.client("kms").create_key(Description="trail key")["KeyMetadata"]["Arn"]
    return _trail(session, KmsKeyId=str(key))


@setup("ec2-instance-imdsv2-required")
def _ec2_imdsv2(session: boto3.Session, compliant: bool) -> str:
    ec2 = session.client("ec2")
    image = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
    options = {"HttpTokens": "required" if compliant else "optional", "HttpEndpoint": "enabled"}
    reservation = ec2.run_instances(ImageId=image, MinCount=1, MaxCount=1, MetadataOptions=options)
    return str(reservation["Instances"][0]["InstanceId"])


@setup("efs-file-system-automatic-backups")
def _efs_backups(session: boto3.Session, compliant: bool) -> str:
    system = session.client("efs").create_file_system(CreationToken="shared", Backup=compliant)
    return str(system["FileSystemId"])


def _eks_cluster(session: boto3.Session, **settings: object) -> str:
    ec2 = session.client("ec2")
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.0.0.0/24")["Subnet"]["SubnetId"]
    vpc_config: dict[str, object] = {"subnetIds": [subnet], **settings.pop("vpc", {})}  # type: ignore[dict-item]
    session.client("eks").create_cluster(
        name="platform",
        roleArn=f"arn:aws:iam::{ACCOUNT}:role/eks",
        resourcesVpcConfig=vpc_config,
        **settings,
    )
    return "platform"


@setup("eks-cluster-control-plane-audit-logging")
def _eks_logging(session: boto3.Session, compliant: bool) -> str:
    types = ["api", "audit", "authenticator"] if compliant else ["api"]
    return _eks_cluster(session, logging={"clusterLogging": [{"types": types, "enabled": True}]})


@setup("eks-cluster-public-endpoint-restricted")
def _eks_public_endpoint(session: boto3.Session, compliant: bool) -> str:
    cidrs = ["203.0.113.0/24"] if compliant else ["0.0.0.0/0"]
    return _eks_cluster(session, vpc={"endpointPublicAccess": True, "publicAccessCidrs": cidrs})


@setup("elasticache-replication-group-tls-required")
def _elasticache_tls(session: boto3.Session, compliant: bool) -> str:
    session.client("elasticache").create_replication_group(
        ReplicationGroupId="sessions",
        ReplicationGroupDescription="session cache",
        Engine="redis",
        CacheNodeType="cache.t3.micro",
        TransitEncryptionEnabled=True,
        TransitEncryptionMode="required" if compliant else "preferred",
    )
    return "sessions"


@setup("backup-vault-lock-minimum-retention")
def _backup_vault_lock(session: boto3.Session, compliant: bool) -> str:
    backup = session.client("backup")
    backup.create_backup_vault(BackupVaultName="vault")
    backup.put_backup_vault_lock_configuration(BackupVaultName="vault", MinRetentionDays=7 if compliant else 1)
    return "vault"
