"""Varied fixtures for data stores: SQS, SNS, RDS, S3, DynamoDB, Kinesis, Redshift, EFS, ElastiCache, logs."""

from __future__ import annotations

from typing import Any

from benchmarks.varied_moto import Clients, Fixture, Ids, is_true

# ---------------------------------------------------------------- SQS and SNS


def _queue(clients: Clients, name: str, **attributes: str) -> Ids:
    url = clients("sqs").create_queue(QueueName=name, Attributes=attributes)["QueueUrl"]
    return [url, name]


def _queue_attributes(clients: Clients, ids: Ids) -> Any:
    return clients("sqs").get_queue_attributes(QueueUrl=ids[0], AttributeNames=["All"])["Attributes"]


def _encrypted_queues(clients: Clients, name: str, ok: bool) -> Ids:
    """ok: one queue with SSE-SQS and one with a KMS key (either way passes); bad: SSE-SQS turned off."""
    if not ok:
        return _queue(clients, name, SqsManagedSseEnabled="false")
    return _queue(clients, f"{name}-sse", SqsManagedSseEnabled="true") + _queue(
        clients, f"{name}-kms", KmsMasterKeyId="alias/aws/sqs"
    )


def _redriven_queue(clients: Clients, name: str, ok: bool) -> Ids:
    if not ok:
        return _queue(clients, name)
    dead = _queue(clients, f"vb-dlq-{name[-6:]}")[0]
    arn = clients("sqs").get_queue_attributes(QueueUrl=dead, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    return _queue(clients, name, RedrivePolicy=f'{{"deadLetterTargetArn":"{arn}","maxReceiveCount":"5"}}')


def _topic(clients: Clients, name: str, **attributes: str) -> Ids:
    return [clients("sns").create_topic(Name=name, Attributes=attributes)["TopicArn"], name]


def _subscription(clients: Clients, name: str, protocol: str) -> Ids:
    topic = _topic(clients, name)[0]
    endpoint = f"{protocol}://{name}.example.com/notify"
    made = clients("sns").subscribe(TopicArn=topic, Protocol=protocol, Endpoint=endpoint)
    return [made["SubscriptionArn"], name]


def _subscription_protocol(clients: Clients, ids: Ids) -> Any:
    answer = clients("sns").get_subscription_attributes(SubscriptionArn=ids[0])["Attributes"]
    return answer.get("Protocol")


MESSAGING = {
    "sqs-queue-encrypted-sse-or-kms": Fixture(
        make=_encrypted_queues,
        read=_queue_attributes,
        holds=lambda a: is_true(a.get("SqsManagedSseEnabled")) or bool(a.get("KmsMasterKeyId")),
    ),
    "sqs-queue-dead-letter-queue": Fixture(
        make=_redriven_queue,
        read=_queue_attributes,
        holds=lambda attributes: "deadLetterTargetArn" in attributes.get("RedrivePolicy", ""),
    ),
    "sns-topic-kms-encrypted": Fixture(
        make=lambda c, name, ok: _topic(c, name, **({"KmsMasterKeyId": "alias/aws/sns"} if ok else {})),
        read=lambda c, ids: c("sns").get_topic_attributes(TopicArn=ids[0])["Attributes"].get("KmsMasterKeyId"),
        holds=bool,
    ),
    "sns-subscription-no-plain-http": Fixture(
        make=lambda c, name, ok: _subscription(c, name, "https" if ok else "http"),
        read=_subscription_protocol,
        holds=lambda protocol: protocol != "http",
    ),
}

# ---------------------------------------------------------------- RDS


def _db(clients: Clients, name: str, engine: str = "postgres", **settings: Any) -> Ids:
    clients("rds").create_db_instance(
        DBInstanceIdentifier=name,
        Engine=engine,
        DBInstanceClass="db.t3.micro",
        AllocatedStorage=20,
        MasterUsername="vbadmin",
        MasterUserPassword="Vb-bench-pw-1",
        **settings,
    )
    return [name]


def _db_read(clients: Clients, ids: Ids, key: str) -> Any:
    return clients("rds").describe_db_instances(DBInstanceIdentifier=ids[0])["DBInstances"][0].get(key)


EXPORTS = "EnabledCloudwatchLogsExports"  # what DescribeDBInstances answers; CreateDBInstance says "Enable"


def _exporting(clients: Clients, name: str, engine: str, logs: list[str]) -> Ids:
    return _db(clients, name, engine=engine, EnableCloudwatchLogsExports=logs)


RDS = {
    "rds-postgres-logs-exported": Fixture(
        make=lambda c, name, ok: _exporting(c, name, "postgres", ["postgresql", "upgrade"] if ok else ["upgrade"]),
        read=lambda c, ids: _db_read(c, ids, EXPORTS),
        holds=lambda exports: "postgresql" in (exports or []),
        out_of_scope=lambda c, name: _db(c, name, engine="mysql"),
    ),
    "rds-mysql-general-and-audit-logs": Fixture(
        make=lambda c, name, ok: _exporting(c, name, "mysql", ["general", "audit"] if ok else ["general"]),
        read=lambda c, ids: _db_read(c, ids, EXPORTS),
        holds=lambda exports: {"general", "audit"} <= set(exports or []),
        out_of_scope=lambda c, name: _db(c, name),
    ),
    "rds-instance-not-publicly-accessible": Fixture(
        make=lambda c, name, ok: _db(c, name, PubliclyAccessible=not ok),
        read=lambda c, ids: _db_read(c, ids, "PubliclyAccessible"),
        holds=lambda public: public is False,
    ),
    "rds-instance-backup-retention-seven-days": Fixture(
        make=lambda c, name, ok: _db(c, name, BackupRetentionPeriod=7 if ok else 1),
        read=lambda c, ids: _db_read(c, ids, "BackupRetentionPeriod"),
        holds=lambda days: days >= 7,
    ),
    "rds-mysql-postgres-backup-retention": Fixture(
        make=lambda c, name, ok: _db(c, name, BackupRetentionPeriod=7 if ok else 1),
        read=lambda c, ids: _db_read(c, ids, "BackupRetentionPeriod"),
        holds=lambda days: days >= 7,
    ),
}

# ---------------------------------------------------------------- S3


def _bucket(clients: Clients, name: str, ownership: str | None = None, algorithm: str | None = None) -> Ids:
    s3 = clients("s3")
    s3.create_bucket(Bucket=name)
    if ownership:
        s3.put_bucket_ownership_controls(Bucket=name, OwnershipControls={"Rules": [{"ObjectOwnership": ownership}]})
    if algorithm:
        rule = {"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": algorithm}}
        s3.put_bucket_encryption(Bucket=name, ServerSideEncryptionConfiguration={"Rules": [rule]})
    return [name]


S3 = {
    "s3-bucket-acls-disabled": Fixture(
        make=lambda c, name, ok: _bucket(c, name, ownership="BucketOwnerEnforced" if ok else "ObjectWriter"),
        read=lambda c, ids: c("s3").get_bucket_ownership_controls(Bucket=ids[0])["OwnershipControls"]["Rules"],
        holds=lambda rules: [r["ObjectOwnership"] for r in rules] == ["BucketOwnerEnforced"],
    ),
    "s3-bucket-default-encryption-dsse-or-kms": Fixture(
        make=lambda c, name, ok: _bucket(c, name, algorithm="aws:kms" if ok else "AES256"),
        read=lambda c, ids: c("s3").get_bucket_encryption(Bucket=ids[0])["ServerSideEncryptionConfiguration"]["Rules"],
        holds=lambda rules: all(
            r["ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"] in ("aws:kms", "aws:kms:dsse") for r in rules
        ),
    ),
}

# ---------------------------------------------------------------- DynamoDB, Kinesis, Redshift, EFS, ElastiCache, logs


def _table(clients: Clients, name: str, kms: bool) -> Ids:
    clients("dynamodb").create_table(
        TableName=name,
        BillingMode="PAY_PER_REQUEST",
        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
        **({"SSESpecification": {"Enabled": True, "SSEType": "KMS"}} if kms else {}),
    )
    return [name]


def _stream(clients: Clients, name: str, hours: int) -> Ids:
    clients("kinesis").create_stream(StreamName=name, ShardCount=1)
    if hours > 24:
        clients("kinesis").increase_stream_retention_period(StreamName=name, RetentionPeriodHours=hours)
    return [name]


def _warehouse(clients: Clients, name: str, public: bool) -> Ids:
    clients("redshift").create_cluster(
        ClusterIdentifier=name,
        NodeType="ra3.xlplus",
        ClusterType="single-node",
        MasterUsername="vbadmin",
        MasterUserPassword="VbBench-pw-1",
        PubliclyAccessible=public,
    )
    return [name]


def _file_system(clients: Clients, name: str, encrypted: bool) -> Ids:
    made = clients("efs").create_file_system(
        CreationToken=name, Encrypted=encrypted, Tags=[{"Key": "Name", "Value": name}]
    )
    return [made["FileSystemId"], name]


def _replication_group(clients: Clients, name: str, failover: bool) -> Ids:
    clients("elasticache").create_replication_group(
        ReplicationGroupId=name[:40],
        ReplicationGroupDescription="varied bench",
        Engine="redis",
        CacheNodeType="cache.t3.micro",
        NumCacheClusters=2,
        AutomaticFailoverEnabled=failover,
        MultiAZEnabled=failover,
    )
    return [name[:40]]


def _log_group(clients: Clients, name: str, encrypted: bool) -> Ids:
    key = {"kmsKeyId": clients("kms").create_key()["KeyMetadata"]["Arn"]} if encrypted else {}
    clients("logs").create_log_group(logGroupName=name, **key)
    return [name]


def _replication(clients: Clients, ids: Ids) -> Any:
    group = clients("elasticache").describe_replication_groups(ReplicationGroupId=ids[0])["ReplicationGroups"][0]
    return group["AutomaticFailover"], group["MultiAZ"]


STORES = {
    "dynamodb-table-kms-encryption": Fixture(
        make=lambda c, name, ok: _table(c, name, kms=ok),
        read=lambda c, ids: c("dynamodb").describe_table(TableName=ids[0])["Table"].get("SSEDescription"),
        holds=lambda sse: bool(sse) and sse.get("SSEType") == "KMS",
    ),
    "kinesis-stream-retention-seven-days": Fixture(
        make=lambda c, name, ok: _stream(c, name, 168 if ok else 24),
        read=lambda c, ids: c("kinesis").describe_stream_summary(StreamName=ids[0])["StreamDescriptionSummary"][
            "RetentionPeriodHours"
        ],
        holds=lambda hours: hours >= 168,
    ),
    "redshift-cluster-not-public": Fixture(
        make=lambda c, name, ok: _warehouse(c, name, public=not ok),
        read=lambda c, ids: c("redshift").describe_clusters(ClusterIdentifier=ids[0])["Clusters"][0][
            "PubliclyAccessible"
        ],
        holds=lambda public: public is False,
    ),
    "efs-file-system-encrypted": Fixture(
        make=lambda c, name, ok: _file_system(c, name, encrypted=ok),
        read=lambda c, ids: c("efs").describe_file_systems(FileSystemId=ids[0])["FileSystems"][0]["Encrypted"],
        holds=lambda encrypted: encrypted is True,
    ),
    "elasticache-redis-automatic-failover": Fixture(
        make=lambda c, name, ok: _replication_group(c, name, failover=ok),
        read=_replication,
        holds=lambda settings: settings == ("enabled", "enabled"),
    ),
    "logs-log-group-kms-encrypted": Fixture(
        make=lambda c, name, ok: _log_group(c, name, encrypted=ok),
        read=lambda c, ids: c("logs").describe_log_groups(logGroupNamePrefix=ids[0])["logGroups"][0].get("kmsKeyId"),
        holds=bool,
    ),
}
