"""One frozen Settings object, built from the environment and an optional repo config file."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from bot.inputs.errors import UsageError

CONFIG_FILE = ".controlbot.yaml"
PROVIDERS = ("auto", "offline", "openai", "bedrock")
_FILE_KEYS = {
    "provider",
    "model",
    "base_url",
    "bedrock_region",
    "max_repairs",
    "examples",
    "retrieval_k",
    "timeout_s",
    "max_retries",
    "max_requests",
}


@dataclass(frozen=True)
class Settings:
    """Everything a run may tune; secrets are kept out of repr."""

    provider: str = "auto"
    model: str = ""
    base_url: str = ""
    api_key: str = field(default="", repr=False)
    bedrock_region: str = ""
    max_repairs: int = 2
    examples: int = 3
    retrieval_k: int = 10
    timeout_s: float = 60.0
    max_retries: int = 4
    max_requests: int = 50
    feedback_cap: int = 2000
    root: Path = Path(".")

    @property
    def resolved_provider(self) -> str:
        """`auto` picks openai when a key is configured, else offline."""
        if self.provider != "auto":
            return self.provider
        return "openai" if self.api_key else "offline"

    def with_overrides(self, **changes: Any) -> Settings:
        clean = {k: v for k, v in changes.items() if v not in (None, "")}
        if "provider" in clean and clean["provider"] not in PROVIDERS:
            raise UsageError(f"unknown provider {clean['provider']!r}; allowed: {', '.join(PROVIDERS)}")
        return replace(self, **clean)


def _file_settings(root: Path) -> dict[str, Any]:
    path = root / CONFIG_FILE
    if not path.is_file():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise UsageError(f"{path}: not valid YAML: {error}") from None
    if not isinstance(data, dict):
        raise UsageError(f"{path}: must be a mapping of settings")
    unknown = set(data) - _FILE_KEYS
    if unknown:
        raise UsageError(
            f"{path}: unknown key(s) {', '.join(sorted(unknown))}; allowed: {', '.join(sorted(_FILE_KEYS))}"
        )
    return data


def load_settings(env: Mapping[str, str], root: Path) -> Settings:
    """Settings from the repo config file, then the environment (the environment wins)."""
    values: dict[str, Any] = {"root": root, **_file_settings(root)}
    from_env = {
        "provider": env.get("CONTROLBOT_PROVIDER"),
        "model": env.get("CONTROLBOT_MODEL"),
        "base_url": env.get("OPENAI_BASE_URL"),
        "api_key": env.get("OPENAI_API_KEY"),
        "bedrock_region": env.get("CONTROLBOT_BEDROCK_REGION") or env.get("AWS_REGION"),
    }
    values.update({k: v for k, v in from_env.items() if v})
    if values.get("provider", "auto") not in PROVIDERS:
        raise UsageError(f"unknown provider {values['provider']!r}; allowed: {', '.join(PROVIDERS)}")
    try:
        return Settings(**values)
    except TypeError as error:
        raise UsageError(f"bad settings: {error}") from None
