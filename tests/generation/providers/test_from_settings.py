"""Choosing the model from settings: offline without credentials, clear errors for what a provider lacks."""

from __future__ import annotations

import pytest

from bot.generation.providers.from_settings import build_model
from bot.inputs.config import Settings
from bot.inputs.errors import UsageError
from tests.fakes.mock_model import MockModel


def test_build_model_uses_the_offline_factory_without_credentials() -> None:
    mock = MockModel()
    assert build_model(Settings(), lambda: mock) is mock
    assert build_model(Settings(provider="offline", api_key="sk-x"), lambda: mock) is mock


def test_build_model_openai_defaults_the_model_name() -> None:
    model = build_model(Settings(api_key="sk-test", base_url="http://127.0.0.1:9/v1"), MockModel)
    assert (model.provider, model.model) == ("openai", "gpt-4o-mini")
    named = build_model(Settings(provider="openai", model="llama3", base_url="http://127.0.0.1:9/v1"), MockModel)
    assert (named.provider, named.model) == ("openai", "llama3")


def test_build_model_openai_without_key_or_endpoint_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="OPENAI_API_KEY"):
        build_model(Settings(provider="openai"), MockModel)


def test_build_model_bedrock_needs_a_model_and_a_region() -> None:
    with pytest.raises(UsageError, match="CONTROLBOT_MODEL"):
        build_model(Settings(provider="bedrock", bedrock_region="us-east-1"), MockModel)
    with pytest.raises(UsageError, match="CONTROLBOT_BEDROCK_REGION"):
        build_model(Settings(provider="bedrock", model="anthropic.claude-v2"), MockModel)
    model = build_model(
        Settings(provider="bedrock", model="anthropic.claude-v2", bedrock_region="eu-west-1"), MockModel
    )
    assert (model.provider, model.model) == ("bedrock", "anthropic.claude-v2")
