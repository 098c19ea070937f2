"""Values a field takes when its response documents none, and a requirement that refuses one of them."""

from bot.generation.offline.assertions import assertion_for
from bot.generation.offline.paths import documented_values
from bot.generation.offline.planner import plan_control
from bot.knowledge import shapes
from bot.knowledge.retrieval import ScoredField


def _protocol() -> ScoredField:
    op = shapes.operation("sns", "ListSubscriptions")
    return documented_values(op, ScoredField("ListSubscriptions", "Subscriptions[].Protocol", 1.0, "string", ()))


def test_values_come_from_the_call_that_takes_the_field_as_input() -> None:
    assert {"http", "https", "sqs", "lambda"} <= set(_protocol().enum)


def test_a_key_id_documented_as_a_valid_arn_has_no_values() -> None:
    op = shapes.operation("logs", "DescribeLogGroups")
    scored = documented_values(op, ScoredField("DescribeLogGroups", "logGroups[].kmsKeyId", 1.0, "string", ()))
    assert scored.enum == ()


def test_one_refused_value_lets_every_other_value_pass() -> None:
    requirement = "Subscriptions must never deliver notifications over unencrypted HTTP endpoints."
    step, _ = assertion_for("Protocol", _protocol(), requirement, resource="SNS subscription")
    assert step == '"Protocol" must not be "http"'


def test_a_field_named_word_for_word_beats_one_sharing_a_word() -> None:
    requirement = "Stages of HTTP and WebSocket APIs must send access logs to a CloudWatch log group."
    plan = plan_control("apigatewayv2", f"API stage\n{requirement}", "logging", requirement, "API stage")
    assert "AccessLogSettings" in plan.assertions[0]


def test_a_value_named_after_rather_than_or_in_a_refused_aside_is_the_one_that_fails() -> None:
    macie = "Amazon Macie must be on for the account in the region, its status ENABLED rather than PAUSED."
    assert plan_control("macie2", f"Macie session\n{macie}", None, macie, "Macie session").assertions == [
        '"GetMacieSession.status" must be "ENABLED"'
    ]
    dax = "Every DAX cluster endpoint must be encrypted with TLS; NONE (plaintext connections) is not allowed."
    assert plan_control("dax", f"DAX cluster\n{dax}", None, dax, "DAX cluster").assertions == [
        '"ClusterEndpointEncryptionType" must be "TLS"'
    ]
