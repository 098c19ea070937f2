"""Settings held as data: a documented key of an attribute map or a Key/Value list becomes the assertion."""

from __future__ import annotations

from bot.generation.offline.planner import plan_control


def _steps(service: str, resource: str, requirement: str) -> list[str]:
    plan = plan_control(service, f"{resource}\n{requirement}", None, requirement, resource)
    return [*plan.setup, *plan.filters, *plan.assertions]


def test_an_elbv2_attribute_is_read_by_its_key_from_the_attributes_call() -> None:
    steps = _steps("elbv2", "load balancer", "Load balancers must have deletion protection enabled.")
    assert steps[1] == (
        'each resource is enriched by "elbv2.DescribeLoadBalancerAttributes" with "LoadBalancerArn" from "LoadBalancerArn"'
    )
    key = "DescribeLoadBalancerAttributes.Attributes[?Key=='deletion_protection.enabled'].Value | [0]"
    assert steps[-1] == f'"{key}" must be "true"'


def test_an_attribute_map_key_named_by_the_requirement_must_be_set() -> None:
    steps = _steps("sns", "SNS topic", "Topics must encrypt messages at rest with a KMS key (KmsMasterKeyId).")
    assert steps[-1] == '"GetTopicAttributes.Attributes.\\"KmsMasterKeyId\\"" must not be empty'


def test_a_name_value_list_setting_turned_on_must_not_be_off() -> None:
    steps = _steps("ecs", "ECS cluster", "Container Insights has to be enabled on every cluster.")
    assert steps[0] == 'the resources listed by "ecs.ListClusters" at "clusterArns" identified by "@"'
    key = "DescribeClusters.clusters[].settings[?name=='containerInsights'].value | [] | [0]"
    assert steps[-1] == f'"{key}" must not be one of ["disabled", "false", "off", "none", ""]'


def test_the_more_specific_key_wins_over_one_it_contains() -> None:
    requirement = "No queue may be left without a dead-letter queue set by a redrive policy."
    steps = _steps("sqs", "SQS queue", requirement)
    assert steps[-1] == '"GetQueueAttributes.Attributes.\\"RedrivePolicy\\"" must not be empty'
    assert not any('\\"Policy\\"' in step for step in steps)


def test_values_the_requirement_quotes_for_an_attribute_key_are_compared_with() -> None:
    requirement = (
        "Load balancers must use the HTTP desync mitigation mode attribute routing.http.desync_mitigation_mode "
        'with "strictest" or "defensive"; "monitor" is not allowed.'
    )
    key = "DescribeLoadBalancerAttributes.Attributes[?Key=='routing.http.desync_mitigation_mode'].Value | [0]"
    assert _steps("elbv2", "load balancer", requirement)[-1] == f'"{key}" must be one of ["strictest", "defensive"]'
    refused = "The routing.http.desync_mitigation_mode attribute of a load balancer must never be `monitor`."
    assert _steps("elbv2", "load balancer", refused)[-1] == f'"{key}" must not be one of ["monitor"]'
