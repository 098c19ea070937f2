"""Errors users see: each carries the one clear message that is printed or posted for it."""

from __future__ import annotations

from bot.inputs.safe_text import escape


class ControlbotError(Exception):
    """Base of every error controlbot reports to a user (CLI exit 2 or a PR comment, no traceback)."""


def internal_error(error: BaseException) -> str:
    """What the last boundary of a command says about a fault that is not one of controlbot's own errors."""
    return f"internal error: {type(error).__name__}: {error} (please report it)"


class UsageError(ControlbotError):
    """A bad command line or configuration."""


def _located(file: str, message: str, key: str | None, line: int | None) -> str:
    """`file[:line]: [key 'k': ]message` on one line, whatever characters the file name, key or message hold."""
    where = f"{file}:{line}" if line else file
    return escape(f"{where}: key '{key}': {message}" if key is not None else f"{where}: {message}")


class FileError(ControlbotError):
    """A file that cannot be used, said as `file[:line]: [key 'k': ]message`, its parts kept for reports."""

    def __init__(self, file: str, message: str, key: str | None = None, line: int | None = None) -> None:
        self.file = file
        self.key = key
        self.line = line
        self.message = escape(message)
        super().__init__(_located(file, message, key, line))


class RequestError(FileError):
    """A control request file that cannot be used: names the file, the key and what is allowed."""


class ConfigError(FileError, UsageError):
    """A `.controlbot.yaml` that cannot be used: names the file, the key and what is allowed."""


class LLMError(ControlbotError):
    """The model could not be reached or kept answering garbage after the retries."""
