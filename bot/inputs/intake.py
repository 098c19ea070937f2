"""Control request files (`controls/<service>/<id>.yaml`) → a validated, frozen ControlRequest."""

from __future__ import annotations

import difflib
import hashlib
import os
import re
import stat
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, field_validator

from bot.inputs.errors import RequestError, UsageError
from bot.inputs.safe_text import describe_char, describe_value, first_forbidden, one_line
from bot.inputs.safe_yaml import parse_yaml
from bot.inputs.services import UnknownServiceError, resolve_service

CATEGORIES: tuple[str, ...] = (
    "encryption-at-rest",
    "encryption-in-transit",
    "logging",
    "public-access",
    "network",
    "backup-recovery",
    "deletion-protection",
    "versioning",
    "key-rotation",
    "authentication",
    "patching-runtime",
    "monitoring",
    "other",
)
SEVERITIES: tuple[str, ...] = ("low", "medium", "high", "critical")
REQUIRED_KEYS: tuple[str, ...] = ("service", "resource", "requirement")
ALLOWED_KEYS: tuple[str, ...] = (*REQUIRED_KEYS, "title", "category", "severity", "frameworks", "notes")
MAX_REQUEST_BYTES = 64 * 1024
ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

# What each key accepts, as said to the user when a value is wrong.
_EXPECTED = {
    "service": "a boto3 client name such as 'sagemaker' (aliases like 'Amazon SageMaker' work too)",
    "resource": "text naming the resource, e.g. 'AutoML job'",
    "requirement": "text saying, in prose, what must hold",
    "title": "one line of text",
    "category": "one of: " + ", ".join(CATEGORIES),
    "severity": "one of: " + ", ".join(SEVERITIES),
    "frameworks": "a list of framework references, e.g. [NIST-800-53:SC-28]",
    "notes": "text",
}
_ALLOWED_KEYS_TEXT = ", ".join(ALLOWED_KEYS)

_Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
_FrameworkRef = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, pattern=r"^\S+$")]


def _one_line(value: Any) -> Any:
    return " ".join(value.split()) if isinstance(value, str) else value


def _choice(value: str, allowed: tuple[str, ...], what: str) -> str:
    normal = re.sub(r"[\s_]+", "-", value.strip().lower())
    if normal in allowed:
        return normal
    close = difflib.get_close_matches(normal, allowed, n=1, cutoff=0.6)
    hint = f"did you mean '{close[0]}'? " if close else ""
    raise ValueError(f"'{one_line(value, 80)}' is not a {what}; {hint}allowed: {', '.join(allowed)}")


class ControlRequest(BaseModel):
    """One control request: what must hold, for which resource of which AWS service."""

    model_config = ConfigDict(frozen=True, strict=True, extra="forbid")

    id: Annotated[str, Field(pattern=ID_PATTERN)]
    path: str
    service: _Text
    resource: _Text
    requirement: _Text
    title: _Text | None = None
    category: str | None = None
    severity: str | None = None
    frameworks: tuple[_FrameworkRef, ...] = ()
    notes: _Text | None = None
    sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]

    @property
    def feature_path(self) -> str:
        """Where the generated control lives: the request's sibling `.feature` file."""
        return PurePosixPath(self.path).with_suffix(".feature").as_posix()

    @field_validator("title", "resource", mode="before")
    @classmethod
    def _single_line(cls, value: Any) -> Any:
        return _one_line(value)

    @field_validator("frameworks", mode="before")
    @classmethod
    def _list_to_tuple(cls, value: Any) -> Any:
        return tuple(value) if isinstance(value, list) else value

    @field_validator("service")
    @classmethod
    def _resolve(cls, value: str) -> str:
        try:
            return resolve_service(value)
        except UnknownServiceError as error:
            raise ValueError(str(error)) from None

    @field_validator("category")
    @classmethod
    def _category(cls, value: str | None) -> str | None:
        return None if value is None else _choice(value, CATEGORIES, "known category")

    @field_validator("severity")
    @classmethod
    def _severity(cls, value: str | None) -> str | None:
        return None if value is None else _choice(value, SEVERITIES, "severity")


def _check_id(file: str) -> str:
    stem = PurePosixPath(file).stem
    if not re.match(ID_PATTERN, stem):
        raise RequestError(
            file,
            f"the file name '{stem}' is not a valid control id: use kebab-case (lower-case letters and digits "
            "separated by single dashes, e.g. 's3-bucket-default-encryption.yaml')",
        )
    return stem


def _check_size(size: int, file: str) -> None:
    if size > MAX_REQUEST_BYTES:
        message = f"the file is {size} bytes; a request file may hold at most 64 KiB ({MAX_REQUEST_BYTES} bytes)"
        raise RequestError(file, message)


def _decode(data: bytes, file: str) -> str:
    _check_size(len(data), file)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        bad = data[error.start]
        raise RequestError(
            file, f"the file is not valid UTF-8 (byte 0x{bad:02x}); save the file as UTF-8", line=line
        ) from None
    return text.removeprefix("\ufeff")


def _load_mapping(text: str, file: str) -> tuple[dict[Any, Any], dict[str, int]]:
    """The top-level mapping and the line of each key."""
    value, key_lines = parse_yaml(text, file)
    if value is None:
        raise RequestError(file, f"the file is empty; a request is a mapping with the keys {', '.join(REQUIRED_KEYS)}")
    if not isinstance(value, dict):
        raise RequestError(
            file,
            f"the file must hold a mapping of keys ({_ALLOWED_KEYS_TEXT}), not {describe_value(value)}",
            line=1,
        )
    return value, key_lines


def _check_keys(mapping: dict[Any, Any], key_lines: dict[str, int], file: str) -> None:
    for key in mapping:
        if key not in ALLOWED_KEYS:
            name = key if isinstance(key, str) else describe_value(key)
            close = difflib.get_close_matches(name.lower(), ALLOWED_KEYS, n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'? " if close else ""
            message = f"unknown key; {hint}allowed keys: {_ALLOWED_KEYS_TEXT}"
            raise RequestError(file, message, key=name, line=key_lines.get(name))
    for key in REQUIRED_KEYS:
        if mapping.get(key) is None:
            told = "is empty" if key in mapping else "is missing"
            message = f"{told}; it is required and must be {_EXPECTED[key]}"
            raise RequestError(file, message, key=key, line=key_lines.get(key))


def _strings_in(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings_in(item)


def _check_characters(mapping: dict[Any, Any], key_lines: dict[str, int], file: str) -> None:
    """Control and bidi characters would reach the committed feature, terminals and JUnit: refuse them here."""
    for key, value in mapping.items():
        for text in _strings_in(value):
            found = first_forbidden(text)
            if found:
                position, char = found
                message = (
                    f"holds the character {describe_char(char)} at position {position + 1}; control characters "
                    "(other than tab and newline), line separators and bidirectional overrides or isolates "
                    "(U+202A-U+202E, U+2066-U+2069) are not allowed in a request"
                )
                raise RequestError(file, message, key=str(key), line=key_lines.get(str(key)))


def _translate(error: ValidationError, values: dict[str, Any], key_lines: dict[str, int], file: str) -> RequestError:
    """The first problem pydantic found (in file order), as one RequestError."""
    problems = sorted(error.errors(), key=lambda e: key_lines.get(str(e["loc"][0]) if e["loc"] else "", 0))
    problem = problems[0]
    loc = problem["loc"]
    key = str(loc[0]) if loc else "service"
    expected = _EXPECTED.get(key, "a valid value")
    kind = problem["type"]
    item = f"item {int(loc[1]) + 1} " if len(loc) > 1 and isinstance(loc[1], int) else ""
    if kind == "value_error":
        message = str(problem["ctx"]["error"])
    elif kind == "string_too_short":
        message = f"{item}must not be empty; expected {expected}"
    elif kind == "string_pattern_mismatch" and key == "frameworks":
        message = f"{item}({problem['input']!r}) must be one word without spaces, e.g. 'NIST-800-53:SC-28'"
    elif item:
        message = f"{item}must be text, not {describe_value(problem['input'])}; expected {expected}"
    else:
        message = f"must be {expected}, not {describe_value(values.get(key))}"
    return RequestError(file, message, key=key, line=key_lines.get(key))


def _check_directory(request: ControlRequest, key_lines: dict[str, int]) -> None:
    parts = PurePosixPath(request.path).parts
    if len(parts) >= 3 and parts[-3] == "controls" and parts[-2] != request.service:
        message = (
            f"the file is under controls/{parts[-2]}/ but the service is '{request.service}'; "
            f"move it to controls/{request.service}/ or correct the service"
        )
        raise RequestError(request.path, message, key="service", line=key_lines.get("service"))


def parse_request(data: bytes, path: str) -> ControlRequest:
    """Validate the raw bytes of a request file; every problem raises one RequestError naming the file."""
    control_id = _check_id(path)
    mapping, key_lines = _load_mapping(_decode(data, path), path)
    _check_keys(mapping, key_lines, path)
    _check_characters(mapping, key_lines, path)
    values = {key: value for key, value in mapping.items() if value is not None}
    payload = {**values, "id": control_id, "path": path, "sha256": hashlib.sha256(data).hexdigest()}
    try:
        request = ControlRequest.model_validate(payload)
    except ValidationError as error:
        raise _translate(error, values, key_lines, path) from None
    _check_directory(request, key_lines)
    return request


def load_request(path: Path) -> ControlRequest:
    """Read and validate one request file, refusing oversized files before reading them."""
    file = path.as_posix()
    try:
        info = path.lstat()
        if stat.S_ISLNK(info.st_mode):
            raise RequestError(file, "the path is a symbolic link; a request must be a regular file")
        if not stat.S_ISREG(info.st_mode):
            raise RequestError(file, "the path is not a regular file")
        _check_size(info.st_size, file)
        with os.fdopen(os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)), "rb") as handle:
            data = handle.read(MAX_REQUEST_BYTES + 1)
    except OSError as error:
        raise RequestError(file, f"the file cannot be read: {error.strerror or error}") from None
    return parse_request(data, file)


def _is_hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def find_requests(paths: Iterable[Path]) -> list[Path]:
    """Expand directories to the `*.yaml` files below them (sorted, hidden folders skipped); keep files."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(
                    p
                    for p in path.rglob("*.yaml")
                    if p.is_file() and not _is_hidden(p, path) and not p.name.endswith(".test.yaml")
                )
            )
        elif path.is_file() and not path.name.endswith(".test.yaml"):  # test cases sit beside requests
            found.append(path)
        elif path.is_file():
            continue
        else:
            raise UsageError(f"{path.as_posix()}: no such file or directory")
    return list(dict.fromkeys(found))
