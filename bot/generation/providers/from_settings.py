"""The language model the settings ask for: openai, bedrock, or the offline engine the caller supplies."""

from __future__ import annotations

from collections.abc import Callable

from bot.generation.providers.model import LanguageModel
from bot.inputs.config import Settings
from bot.inputs.errors import UsageError

DEFAULT_OPENAI_MODEL = "gpt-4o-mini"


def build_model(settings: Settings, offline_factory: Callable[[], LanguageModel]) -> LanguageModel:
    """The model the settings ask for."""
    provider = settings.resolved_provider
    if provider == "offline":
        return offline_factory()
    if provider == "openai":
        # Imported when chosen: the openai SDK alone takes ~0.6 s to import, which offline runs never pay.
        from bot.generation.providers.openai import OpenAIModel, build_openai_client

        return OpenAIModel(
            build_openai_client(settings),
            settings.model or DEFAULT_OPENAI_MODEL,
            max_retries=settings.max_retries,
        )
    if provider == "bedrock":
        from bot.generation.providers.bedrock import BedrockModel, build_bedrock_client

        if not settings.model:
            raise UsageError(
                "provider bedrock needs a model id: set CONTROLBOT_MODEL or 'model' in .controlbot.yaml "
                "(e.g. anthropic.claude-3-5-sonnet-20240620-v1:0)"
            )
        if not settings.bedrock_region:
            raise UsageError(
                "provider bedrock needs a region: set CONTROLBOT_BEDROCK_REGION or AWS_REGION, "
                "or 'bedrock_region' in .controlbot.yaml"
            )
        return BedrockModel(build_bedrock_client(settings), settings.model, max_retries=settings.max_retries)
    raise UsageError(f"unknown provider {provider!r}; allowed: openai, bedrock, offline")
