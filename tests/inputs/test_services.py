"""Service names: botocore's client list and the aliases people write for them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import botocore.session
import pytest

from bot.inputs import services
from bot.inputs.errors import ControlbotError
from bot.inputs.services import UnknownServiceError, build_alias_table, resolve_service, service_names


def test_service_names_are_the_boto3_client_names() -> None:
    names = service_names()
    assert names == tuple(sorted(botocore.session.get_session().get_available_services()))
    assert {"s3", "ec2", "sagemaker", "elbv2", "logs", "cognito-idp", "opensearch"} <= set(names)


@pytest.mark.parametrize(
    ("written", "client"),
    [
        ("sagemaker", "sagemaker"),
        ("SageMaker", "sagemaker"),
        ("Amazon SageMaker", "sagemaker"),
        ("Amazon SageMaker Service", "sagemaker"),
        ("Amazon S3", "s3"),
        ("Amazon Simple Storage Service", "s3"),
        ("AWS Lambda", "lambda"),
        ("Amazon EC2", "ec2"),
        ("Elastic Load Balancing v2", "elbv2"),
        ("elb", "elb"),
        ("alb", "elbv2"),
        ("Application Load Balancer", "elbv2"),
        ("CloudWatch Logs", "logs"),
        ("cloudwatch-logs", "logs"),
        ("Amazon Cognito User Pools", "cognito-idp"),
        ("cognito", "cognito-idp"),
        ("Cognito Identity Provider", "cognito-idp"),
        ("OpenSearch Service", "opensearch"),
        ("Amazon Elasticsearch Service", "es"),
        ("config", "config"),
        ("AWS Config", "config"),
        ("Key Management Service", "kms"),
        ("Secrets Manager", "secretsmanager"),
        ("EventBridge", "events"),
        ("Amazon Simple Systems Manager (SSM)", "ssm"),
        ("Amazon Simple Systems Manager", "ssm"),
        ("API Gateway", "apigateway"),
        ("Amazon MQ", "mq"),
        ("  Route 53  ", "route53"),
    ],
)
def test_aliases_resolve_to_the_client_name(written: str, client: str) -> None:
    assert resolve_service(written) == client


def test_every_client_name_resolves_to_itself() -> None:
    assert all(resolve_service(name) == name for name in service_names())


@pytest.mark.parametrize(
    ("written", "expected"),
    [("sagemakr", "sagemaker"), ("dynamo", "dynamodb"), ("cloudtrial", "cloudtrail"), ("s4", "s3")],
)
def test_unknown_service_suggests_close_client_names(written: str, expected: str) -> None:
    with pytest.raises(UnknownServiceError) as caught:
        resolve_service(written)
    assert caught.value.suggestions[0] == expected
    assert f"unknown service '{written}'" in str(caught.value)
    assert f"did you mean '{expected}'" in str(caught.value)


def test_unknown_service_is_a_lookup_error_and_a_user_error() -> None:
    with pytest.raises(LookupError):
        resolve_service("definitely-not-a-service")
    with pytest.raises(ControlbotError):
        resolve_service("")


def test_name_shared_by_several_services_lists_them() -> None:
    with pytest.raises(UnknownServiceError) as caught:
        resolve_service("timestream")
    assert caught.value.ambiguous
    assert caught.value.suggestions == ["timestream-query", "timestream-write"]
    assert "names several services" in str(caught.value)


def test_alias_table_prefers_the_most_specific_metadata_field() -> None:
    metadata = {
        "alpha": {"serviceId": "Widget", "endpointPrefix": "shared", "signingName": "gadget"},
        "beta": {"serviceId": "Gadget", "endpointPrefix": "shared"},
        "gamma": {"serviceFullName": "AWS Alpha Tools Service"},
    }
    table = build_alias_table(metadata)
    assert table["widget"] == {"alpha"}
    assert table["gadget"] == {"beta"}  # a serviceId beats another service's signingName
    assert table["shared"] == {"alpha", "beta"}
    assert table["alpha"] == {"alpha"}  # a client name beats another service's full name
    assert table["alphatools"] == {"gamma"}


@pytest.mark.parametrize("name", ["s3", "sagemaker", "elbv2", "cognito-idp", "ec2"])
def test_metadata_read_from_the_file_head_equals_the_full_model(name: str) -> None:
    full = botocore.session.get_session().get_service_model(name).metadata
    assert services._service_metadata()[name] == full


@pytest.fixture
def fresh_tables() -> Iterator[None]:
    services._service_metadata.cache_clear()
    services._alias_table.cache_clear()
    yield
    services._service_metadata.cache_clear()
    services._alias_table.cache_clear()


def _write_model(root: Path, name: str, metadata: dict[str, str], padding: int = 0) -> None:
    folder = root / name / "2024-01-01"
    folder.mkdir(parents=True)
    # Shapes first when padding is asked for: the metadata is then far from the head of the file.
    document: dict[str, Any] = (
        {"shapes": {"Pad": {"type": "string", "documentation": "x" * padding}}} if padding else {}
    )
    document |= {"version": "2.0", "metadata": metadata, "operations": {}}
    (folder / "service-2.json").write_text(json.dumps(document), encoding="utf-8")


def test_models_on_the_data_path_join_the_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_tables: None
) -> None:
    _write_model(tmp_path, "widgetstore", {"serviceId": "Widget Store", "serviceFullName": "AWS Widget Store"})
    _write_model(tmp_path, "gizmo", {"serviceId": "Gizmo Hub"}, padding=200_000)
    monkeypatch.setenv("AWS_DATA_PATH", str(tmp_path))
    assert {"widgetstore", "gizmo", "s3"} <= set(service_names())
    assert resolve_service("AWS Widget Store") == "widgetstore"
    assert resolve_service("Gizmo Hub") == "gizmo"
