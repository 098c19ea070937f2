"""Errors users see: each carries the one clear message that is printed or posted for it."""

from __future__ import annotations


class ControlbotError(Exception):
    """Base of every error controlbot reports to a user (CLI exit 2 or a PR comment, no traceback)."""


class UsageError(ControlbotError):
    """A bad command line or configuration."""


class RequestError(ControlbotError):
    """A control request file that cannot be used: names the file, the key and what is allowed."""

    def __init__(self, file: str, message: str, key: str | None = None, line: int | None = None) -> None:
        self.file = file
        self.key = key
        self.line = line
        self.message = message
        where = f"{file}:{line}" if line else file
        super().__init__(f"{where}: key '{key}': {message}" if key else f"{where}: {message}")


class LLMError(ControlbotError):
    """The model could not be reached or kept answering garbage after the retries."""
