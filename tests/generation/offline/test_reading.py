"""The offline engine reads the requirement: negation, named values, scope, several conditions."""

from __future__ import annotations

import pytest

from bot.generation.offline.planner import plan_control
from bot.generation.offline.reading import concept_wanted, mention, read
from bot.language.assertions import Document, failure
from bot.language.grammar import parse_step


def _plan(service: str, resource: str, requirement: str) -> list[str]:
    plan = plan_control(service, f"{resource}\n{requirement}", None, requirement, resource)
    return [*plan.filters, *plan.assertions]


@pytest.mark.parametrize(
    ("service", "resource", "requirement", "wanted"),
    [
        ("sagemaker", "notebook instance", "Root access must be disabled on notebook instances.", '"Disabled"'),
        ("sagemaker", "notebook instance", "Notebook instances must not have direct internet access.", '"Disabled"'),
        ("ec2", "transit gateway", "Transit gateways must not automatically accept shared attachments.", '"disable"'),
        ("ecr", "ECR repository", "Image tags must be immutable on every repository.", '"IMMUTABLE"'),
        ("ec2", "EC2 instance", "EC2 instances must require IMDSv2 (session tokens).", '"required"'),
    ],
)
def test_an_enum_takes_the_value_the_requirement_asks_for(
    service: str, resource: str, requirement: str, wanted: str
) -> None:
    steps = _plan(service, resource, requirement)
    assert any(step.endswith(f"must be {wanted}") for step in steps), steps


def test_a_negated_flag_is_asserted_false_so_a_missing_flag_fails() -> None:
    steps = _plan("rds", "DB instance", "RDS DB instances must not be publicly accessible.")
    assert steps == ['"PubliclyAccessible" must be false']


def test_single_region_means_not_multi_region_and_the_subject_becomes_a_filter() -> None:
    steps = _plan("kms", "KMS key", "Customer managed KMS keys must be single-Region keys.")
    assert steps == [
        'only resources where "DescribeKey.KeyMetadata.KeyManager" is "CUSTOMER"',
        '"DescribeKey.KeyMetadata.MultiRegion" must be false',
    ]


def test_a_value_named_after_a_negation_is_excluded() -> None:
    steps = _plan("lambda", "Lambda function", "Functions must not use deprecated runtimes such as python2.7.")
    assert steps == ['"Runtime" must not be "python2.7"']


def test_something_that_must_not_exist_is_asserted_absent() -> None:
    steps = _plan("ec2", "EC2 instance", "Instances must not have a public IP address.")
    assert steps == ['"PublicIpAddress" must be absent']


def test_a_named_value_in_a_list_is_required_as_a_member() -> None:
    steps = _plan("apigateway", "REST API", "REST APIs must be private endpoints.")
    assert steps == ['"endpointConfiguration.types" must contain "PRIVATE"']


def test_two_conditions_give_two_assertions() -> None:
    requirement = "OpenSearch domains must not allow anonymous access; fine-grained access control must be enabled."
    steps = _plan("opensearch", "OpenSearch domain", requirement)
    assert '"DescribeDomain.DomainStatus.AdvancedSecurityOptions.Enabled" must be true' in steps
    anonymous = "DescribeDomain.DomainStatus.AdvancedSecurityOptions.AnonymousAuthEnabled"
    assert f'"{anonymous}" must be false' in steps


def test_list_members_of_enabled_elements_only() -> None:
    steps = _plan("eks", "EKS cluster", "Clusters must send audit and authenticator logs to CloudWatch Logs.")
    types = "DescribeCluster.cluster.logging.clusterLogging[?enabled].types[]"
    assert f'"{types}" must contain "audit"' in steps
    assert f'"{types}" must contain "authenticator"' in steps


@pytest.mark.parametrize(
    ("requirement", "path", "wanted"),
    [
        ("Buckets must not be publicly accessible.", "PubliclyAccessible", False),
        ("Keys must be single-Region.", "MultiRegion", False),
        ("S3 public access must be blocked.", "BlockPublicAcls", True),
        ("Deletion protection must be enabled.", "DeletionProtection", True),
        ("Brokers must be deployed privately and never be reachable from outside.", "PubliclyAccessible", False),
        ("Every volume is encrypted automatically, even on block storage.", "EbsEncryptionByDefault", True),
        ("Logs must be kept.", "DeletionProtection", None),
        ("No subnet may assign public addresses (MapPublicIpOnLaunch must be false).", "MapPublicIpOnLaunch", False),
        # a colon ends a statement: "No … may make it public" and "… must not be public" each negate once
        ("No bucket policy may make the bucket public: its policy status must not be public.", "IsPublic", False),
    ],
)
def test_concept_wanted(requirement: str, path: str, wanted: bool | None) -> None:
    assert concept_wanted(requirement, path) is wanted


@pytest.mark.parametrize(
    ("service", "resource", "requirement", "step"),
    [
        (
            "ecs",
            "ECS task definition",
            "No active task definition may set its PID mode to host, which lets its containers see every process.",
            '"DescribeTaskDefinition.taskDefinition.pidMode" must not be "host"',
        ),
        (
            "kms",
            "KMS key",
            "No customer managed KMS key may be in the PendingDeletion or PendingReplicaDeletion state.",
            '"DescribeKey.KeyMetadata.KeyState" must not be one of ["PendingDeletion", "PendingReplicaDeletion"]',
        ),
    ],
)
def test_a_value_named_after_a_no_subject_is_what_must_not_be(
    service: str, resource: str, requirement: str, step: str
) -> None:
    assert step in _plan(service, resource, requirement)


def test_mention_reads_values_in_their_clause() -> None:
    requirement = "Tables must use a customer managed KMS key, not an AWS owned key."
    assert mention("CUSTOMER_MANAGED_KEY", requirement) == 1
    assert mention("AWS_OWNED_KEY", requirement) == -1
    assert mention("python2.7", "Never python2.7 runtimes.") == -1
    assert mention("PROVISIONED", requirement) == 0


def test_the_subject_is_what_comes_before_the_modal() -> None:
    reading = read("Application load balancers must have deletion protection enabled.")
    assert reading.subject_text.strip() == "Application load balancers"
    assert "delet" in reading.predicate and "applic" not in reading.predicate


def test_at_least_two_of_a_list_counts_its_elements() -> None:
    steps = _plan("elbv2", "load balancer", "A load balancer has to span at least two Availability Zones.")
    assert steps == ['the expression "length(AvailabilityZones || `[]`) >= `2`" must be true']


def test_a_map_key_the_requirement_names_replaces_every_key() -> None:
    requirement = "Search domains must publish audit logs to CloudWatch Logs (log publishing option AUDIT_LOGS)."
    steps = _plan("opensearch", "OpenSearch domain", requirement)
    assert steps and all('"DescribeDomain.DomainStatus.LogPublishingOptions.AUDIT_LOGS.' in step for step in steps)


def test_an_excluded_kind_of_resource_becomes_a_filter_not_an_assertion() -> None:
    requirement = "DNS query logging must be configured for each public hosted zone; private zones are out of scope."
    steps = _plan("route53", "hosted zone", requirement)
    assert 'only resources where "Config.PrivateZone" is not true' in steps
    assert not any(step.startswith('"Config.PrivateZone"') for step in steps)


def test_a_value_rejected_after_it_is_named_is_not_the_compliant_one() -> None:
    requirement = "State machines must log execution history; a logging level of OFF is not allowed."
    steps = _plan("stepfunctions", "state machine", requirement)
    assert not any(step.endswith('must be "OFF"') for step in steps), steps


def test_conditions_offered_with_or_become_one_expression() -> None:
    steps = _plan("rds", "DB instance", "RDS instances must be storage encrypted or not publicly accessible.")
    assert steps == [
        'the expression "((PubliclyAccessible == `false`)) || ((StorageEncrypted == `true`))" must be true'
    ]


def test_a_port_open_to_the_world_is_checked_over_every_rule() -> None:
    steps = _plan("ec2", "security group", "Security groups must not allow RDP in from anywhere (0.0.0.0/0 or ::/0).")
    rules = (
        "length((IpPermissions || `[]`)[?(IpProtocol == '-1' || (FromPort <= `3389` && ToPort >= `3389`)) && "
        "(contains(IpRanges[].CidrIp, '0.0.0.0/0') || contains(Ipv6Ranges[].CidrIpv6, '::/0'))]) == `0`"
    )
    assert steps == [f'the expression "{rules}" must be true']


def test_the_resource_own_setting_comes_first_and_its_children_are_checked_if_any() -> None:
    steps = _plan("redshift", "Redshift cluster", "Clusters and their snapshots have to be encrypted at rest.")
    assert steps == [
        '"Encrypted" must be true',
        'each element of "DescribeClusterSnapshots.Snapshots[].Encrypted", if any, must be true',
    ]


def test_children_the_resource_must_not_have_are_listed_per_resource() -> None:
    requirement = "Users must not have inline policies; permissions come through groups or managed policies only."
    plan = plan_control("iam", f"IAM user\n{requirement}", None, requirement, "IAM user")
    assert plan.setup[1] == 'each resource is enriched by "iam.ListUserPolicies" with "UserName" from "UserName"'
    assert plan.assertions == ['"ListUserPolicies.PolicyNames[]" must be absent']
    step = parse_step(plan.assertions[0])
    assert step is not None
    assert failure(step, Document({"UserName": "a"}, {"ListUserPolicies": {"PolicyNames": []}})) is None
    assert failure(step, Document({"UserName": "b"}, {"ListUserPolicies": {"PolicyNames": ["inline"]}})) is not None
    assert failure(step, Document({"UserName": "c"}, {"ListUserPolicies": {}})) is None


def test_a_condition_on_a_flag_beside_the_setting_checks_only_where_it_is_on() -> None:
    requirement = "Where a REST API stage caches responses, the cache data must be encrypted."
    steps = _plan("apigateway", "API Gateway REST API stage", requirement)
    assert steps == [
        'each element of "GetStages.item[].methodSettings.*[] | [?cachingEnabled].cacheDataEncrypted", if any, '
        "must be true"
    ]


def test_two_encryption_keys_named_by_what_they_protect_are_both_required() -> None:
    requirement = "AutoML jobs must encrypt output artifacts and processing volumes with a customer managed KMS key."
    steps = _plan("sagemaker", "AutoML job", requirement)
    assert steps == [
        '"DescribeAutoMLJob.AutoMLJobConfig.SecurityConfig.VolumeKmsKeyId" must not be empty',
        '"DescribeAutoMLJob.OutputDataConfig.KmsKeyId" must not be empty',
    ]


def test_a_finding_names_a_security_group_by_its_id_since_names_repeat_across_vpcs() -> None:
    plan = plan_control("ec2", "security group\nSSH must not be open to 0.0.0.0/0.", None,
                        "Security groups must not allow SSH from anywhere.", "security group")  # fmt: skip
    assert (
        plan.setup[0]
        == 'the resources listed by "ec2.DescribeSecurityGroups" at "SecurityGroups" identified by "GroupId"'
    )


def test_a_negation_inside_the_subject_does_not_turn_the_predicate_around() -> None:
    requirement = "Instances that are not terminated must not have a public IPv4 address."
    assert concept_wanted(requirement, "NetworkInterfaces[].Association.PublicIp") is False
    assert concept_wanted("Keys that are not disabled must be rotated.", "KeyRotationEnabled") is True


def test_a_call_that_requires_nothing_is_given_every_identifier_the_listing_has() -> None:
    requirement = "Web ACLs must keep CloudWatch metrics enabled."
    steps = plan_control("wafv2", f"web ACL\n{requirement}", None, requirement, "web ACL").setup
    assert (
        'each resource is enriched by "wafv2.GetWebACL" with "Name" from "Name" and "Id" from "Id" and "Scope" set '
        'to "REGIONAL"'
    ) in steps


@pytest.mark.parametrize(
    ("service", "resource", "requirement", "step"),
    [
        (
            "elbv2",
            "load balancer",
            "Application and network load balancers must have deletion protection enabled.",
            'only resources where "Type" is one of ["application", "network"]',
        ),
        (
            "ec2",
            "EBS volume",
            "gp2 and gp3 volumes must be encrypted.",
            'only resources where "VolumeType" is one of ["gp2", "gp3"]',
        ),
        (
            "rds",
            "DB instance",
            "DB instances running the MySQL or PostgreSQL engines must keep automated backups for at least 7 days.",
            'only resources where "Engine" is one of ["mysql", "postgres"]',
        ),
    ],
)
def test_every_value_named_together_in_the_subject_scopes_the_control(
    service: str, resource: str, requirement: str, step: str
) -> None:
    assert step in _plan(service, resource, requirement)


def test_a_listed_setting_labelled_with_its_state_takes_that_state() -> None:
    requirement = (
        "The API server must not be reachable.\n\n- public endpoint access: disabled\n- private endpoint access: on\n"
    )
    assert concept_wanted(requirement, "cluster.resourcesVpcConfig.endpointPublicAccess") is False
    assert concept_wanted(requirement, "cluster.resourcesVpcConfig.endpointPrivateAccess") is True


def test_other_engines_named_as_excluded_pick_no_engine() -> None:
    steps = _plan(
        "rds", "DB instance", "Instances must keep backups for 7 days. Instances running other engines are excluded."
    )
    assert not any('"Engine"' in step for step in steps)
    steps = _plan("rds", "DB instance", "For the postgres engine, backups are kept 7 days; other engines are excluded.")
    assert 'only resources where "Engine" is "postgres"' in steps


def test_a_sentence_that_only_says_which_field_is_examined_does_not_set_the_polarity() -> None:
    requirement = (
        "Replication instances should not be public. To do this, it examines the value of the "
        "`PubliclyAccessible` field."
    )
    assert concept_wanted(requirement, "PubliclyAccessible") is False


def test_a_word_of_the_service_name_does_not_narrow_the_resources() -> None:
    steps = _plan(
        "efs",
        "EFS file system",
        "Elastic File System should be configured to encrypt file data at rest using AWS KMS.",
    )
    assert not any("ThroughputMode" in step for step in steps)
    assert '"Encrypted" must be true' in steps


def test_a_string_setting_must_not_be_empty_because_unset_reads_as_an_empty_string() -> None:
    steps = _plan(
        "cloudfront",
        "CloudFront distribution",
        "CloudFront distributions should have a default root object configured.",
    )
    assert any(step.endswith('DefaultRootObject" must not be empty') for step in steps), steps
