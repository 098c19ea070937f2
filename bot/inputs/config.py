"""One frozen Settings object, built from the environment and an optional repo config file."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from bot.inputs.errors import ConfigError, UsageError
from bot.inputs.safe_text import describe_value, first_forbidden
from bot.inputs.safe_yaml import YamlRefused, load_strict_yaml

CONFIG_FILE = ".controlbot.yaml"
MAX_CONFIG_BYTES = 64 * 1024
PROVIDERS = ("auto", "offline", "openai", "bedrock")
_TEXT_KEYS = ("model", "base_url", "bedrock_region")
# Whole-number settings and their inclusive bounds; timeout_s is any number in (0, 3600].
_WHOLE_NUMBERS = {
    "max_repairs": (0, 10),
    "examples": (0, 20),
    "retrieval_k": (1, 100),
    "max_retries": (0, 10),
    "max_requests": (1, 1000),
}
_MAX_TIMEOUT_S = 3600
_FILE_KEYS = {"provider", *_TEXT_KEYS, *_WHOLE_NUMBERS, "timeout_s", "catalogue"}


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
    catalogue: bool = True  # the shipped catalogue joins the few-shot corpus
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


def _allowed(key: str) -> str:
    if key == "provider":
        return "one of: " + ", ".join(PROVIDERS)
    if key in _TEXT_KEYS:
        return "one line of text"
    if key == "catalogue":
        return "true or false"
    if key == "timeout_s":
        return f"a number of seconds above 0 and at most {_MAX_TIMEOUT_S}"
    low, high = _WHOLE_NUMBERS[key]
    return f"a whole number from {low} to {high}"


def _valid(key: str, value: Any) -> bool:
    if key == "provider":
        return value in PROVIDERS
    if key in _TEXT_KEYS:
        return isinstance(value, str) and len(value) <= 500 and first_forbidden(value) is None and "\n" not in value
    if key == "catalogue":
        return isinstance(value, bool)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    if key == "timeout_s":
        return 0 < value <= _MAX_TIMEOUT_S
    low, high = _WHOLE_NUMBERS[key]
    return isinstance(value, int) and low <= value <= high


def _read_config(path: Path) -> str:
    file = path.as_posix()
    try:
        if path.stat().st_size > MAX_CONFIG_BYTES:
            raise ConfigError(file, f"the file is larger than {MAX_CONFIG_BYTES} bytes; it holds a few settings")
        return path.read_bytes().decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        raise ConfigError(file, f"the file is not valid UTF-8 (byte 0x{error.object[error.start]:02x})") from None
    except OSError as error:
        raise ConfigError(file, f"the file cannot be read: {error.strerror or error}") from None


def _file_settings(root: Path) -> dict[str, Any]:
    path = root / CONFIG_FILE
    if not path.is_file():
        return {}
    file = path.as_posix()
    try:
        data, key_lines = load_strict_yaml(_read_config(path))
    except YamlRefused as refused:
        raise ConfigError(file, refused.message, key=refused.key, line=refused.line) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(
            file, f"must be a mapping of settings ({', '.join(sorted(_FILE_KEYS))}), not {describe_value(data)}"
        )
    for key, value in data.items():
        if value is None and key in _FILE_KEYS:
            continue
        name = key if isinstance(key, str) else describe_value(key)
        line = key_lines.get(str(name))
        if name not in _FILE_KEYS:
            raise ConfigError(file, f"unknown setting; allowed: {', '.join(sorted(_FILE_KEYS))}", key=name, line=line)
        if not _valid(name, value):
            raise ConfigError(
                file, f"must be {_allowed(name)}, not {describe_value(value, show_text=True)}", key=name, line=line
            )
    set_values = {key: value for key, value in data.items() if value is not None}  # `key:` alone leaves the default
    return {key: float(value) if key == "timeout_s" else value for key, value in set_values.items()}


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
