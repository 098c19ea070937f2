"""Test case files (`controls/<service>/<id>.test.yaml`) → validated, frozen ControlTests."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.inputs.errors import FileError
from bot.inputs.files import read_small_text
from bot.inputs.safe_text import describe_value, first_forbidden, one_line
from bot.inputs.safe_yaml import YamlRefused, load_strict_yaml

SUFFIX = ".test.yaml"
STATUSES = ("PASS", "FAIL", "NOT_APPLICABLE")
BUILT_IN_NAMES = ("account", "region")  # ${account} and ${region} are always there
DEFAULT_REGION = "us-east-1"
MAX_TEST_BYTES = 256 * 1024
MAX_DEPTH = 16  # setup parameters nest (IpPermissions → IpRanges → …) deeper than a request may
CALL = re.compile(r"^([a-z0-9][a-z0-9-]*)\.([A-Z][A-Za-z0-9]+)$")
SAVED_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
REFERENCE = re.compile(r"\$\{([^}]*)\}")
_TOP_KEYS = ("cases", "skip", "region")
_CASE_KEYS = ("name", "setup", "expect", "scenarios")
_CALL_KEYS = ("call", "with", "save")
_FORMAT_HINT = "see the test file format in the README (cases: name, setup, expect)"

Path_ = tuple[str | int, ...]


class ControlTestError(FileError):
    """A test case file that cannot be used: names the file, the line, the key and what is allowed."""


@dataclass(frozen=True)
class SetupCall:
    """One boto3 call that prepares the account: `service.Operation` with its parameters."""

    service: str
    operation: str
    params: dict[str, Any]
    save: dict[str, str]  # name → JMESPath into the response
    line: int


@dataclass(frozen=True)
class Case:
    """A fresh account, the calls that set it up, and the status expected for each named resource."""

    name: str
    setup: tuple[SetupCall, ...]
    expect: dict[str, str]
    line: int
    scenarios: tuple[str, ...] = ()  # the scenarios the case is about; empty: all of them


@dataclass(frozen=True)
class ControlTests:
    path: str
    cases: tuple[Case, ...]
    skip: str | None
    region: str

    @property
    def control(self) -> str:
        return Path(self.path).name.removesuffix(SUFFIX)


def is_test_file(path: Path) -> bool:
    return path.name.endswith(SUFFIX)


def node_lines(node: yaml.Node | None, where: Path_ = ()) -> dict[Path_, int]:
    """The 1-based line of every key and list item, by its path from the top."""
    lines: dict[Path_, int] = {}
    if node is None:
        return lines
    lines[where] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            lines.update(node_lines(value, (*where, str(key.value))))
            lines[(*where, str(key.value))] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines.update(node_lines(item, (*where, index)))
    return lines


class _Reader:
    """Checks one document, raising ControlTestError at the line of the first problem."""

    def __init__(self, path: str, lines: dict[Path_, int]) -> None:
        self.path, self.lines = path, lines

    def fail(self, where: Path_, message: str) -> ControlTestError:
        line = next((self.lines[where[:n]] for n in range(len(where), -1, -1) if where[:n] in self.lines), None)
        key = ".".join(str(part) for part in where) or None
        return ControlTestError(self.path, message, key=key, line=line)

    def mapping(self, value: Any, where: Path_, allowed: tuple[str, ...]) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, f"must be a mapping with the keys {', '.join(allowed)}, not {describe_value(value)}")
        for key in value:
            if key not in allowed:
                raise self.fail((*where, str(key)), f"unknown key; allowed keys: {', '.join(allowed)}")
        return value

    def text(self, value: Any, where: Path_) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.fail(where, f"must be non-empty text, not {describe_value(value)}")
        if first_forbidden(value):
            raise self.fail(where, "holds a control or bidirectional character; write plain text")
        return value.strip()

    def call(self, value: Any, where: Path_, known: set[str]) -> SetupCall:
        item = self.mapping(value, where, _CALL_KEYS)
        name = self.text(item.get("call"), (*where, "call"))
        matched = CALL.match(name)
        if not matched:
            raise self.fail((*where, "call"), f"'{name}' must be service.Operation, e.g. s3.CreateBucket")
        params = item.get("with") or {}
        if not isinstance(params, dict):
            raise self.fail((*where, "with"), f"must be a mapping of call parameters, not {describe_value(params)}")
        self.references(params, (*where, "with"), known)
        save = item.get("save") or {}
        if not isinstance(save, dict):
            example = "{key_id: KeyMetadata.KeyId}"
            raise self.fail(
                (*where, "save"), f"must map names to JMESPath queries, e.g. {example}, not {describe_value(save)}"
            )
        for saved, query in save.items():
            if not SAVED_NAME.match(str(saved)):
                raise self.fail((*where, "save", str(saved)), "a saved name is lower_snake_case, e.g. key_id")
            self.text(query, (*where, "save", str(saved)))
            known.add(str(saved))
        line = self.lines.get(where, 0)
        return SetupCall(matched[1], matched[2], params, {str(k): str(v) for k, v in save.items()}, line)

    def references(self, value: Any, where: Path_, known: set[str]) -> None:
        """Every ${name} refers to a name saved by an earlier call of the case, or to account or region."""
        if isinstance(value, str):
            for name in REFERENCE.findall(value):
                if name not in known:
                    allowed = ", ".join(sorted(known))
                    raise self.fail(where, f"${{{name}}} is not saved by an earlier call; known names: {allowed}")
        elif isinstance(value, dict):
            for key, item in value.items():
                self.references(key, (*where, str(key)), known)
                self.references(item, (*where, str(key)), known)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                self.references(item, (*where, index), known)

    def case(self, value: Any, where: Path_) -> Case:
        item = self.mapping(value, where, _CASE_KEYS)
        name = self.text(item.get("name"), (*where, "name"))
        steps = item.get("setup") or []
        if not isinstance(steps, list):
            raise self.fail((*where, "setup"), f"must be a list of calls, not {describe_value(steps)}")
        known = set(BUILT_IN_NAMES)
        setup = tuple(self.call(step, (*where, "setup", i), known) for i, step in enumerate(steps))
        expect = item.get("expect")
        if not isinstance(expect, dict) or not expect:
            message = f"must map each resource to one of {', '.join(STATUSES)}, not {describe_value(expect)}"
            raise self.fail((*where, "expect"), message)
        for resource, status in expect.items():
            spot = (*where, "expect", str(resource))
            self.references(str(resource), spot, known)
            if status not in STATUSES:
                shown = f"'{one_line(status, 40)}'" if isinstance(status, str) else describe_value(status)
                raise self.fail(spot, f"the status must be one of {', '.join(STATUSES)}, not {shown}")
        scenarios = item.get("scenarios") or []
        if not isinstance(scenarios, list):
            raise self.fail((*where, "scenarios"), f"must be a list of scenario names, not {describe_value(scenarios)}")
        names = tuple(self.text(s, (*where, "scenarios", i)) for i, s in enumerate(scenarios))
        return Case(name, setup, {str(k): str(v) for k, v in expect.items()}, self.lines.get(where, 0), names)


def parse_control_tests(text: str, path: str) -> ControlTests:
    """Validate a test file's text; every problem raises one ControlTestError naming the file and the line."""
    try:
        document, _ = load_strict_yaml(text, MAX_DEPTH)
    except YamlRefused as refused:
        raise ControlTestError(path, refused.message, key=refused.key, line=refused.line) from None
    reader = _Reader(path, node_lines(yaml.compose(text, Loader=yaml.SafeLoader)))
    top = reader.mapping(document, (), _TOP_KEYS)
    skip = reader.text(top["skip"], ("skip",)) if "skip" in top else None
    region = reader.text(top.get("region", DEFAULT_REGION), ("region",))
    raw_cases = top.get("cases") or []
    if not isinstance(raw_cases, list) or (not raw_cases and skip is None):
        message = f"must be a non-empty list of cases (or give a skip: reason); {_FORMAT_HINT}"
        raise reader.fail(("cases",), message)
    cases = tuple(reader.case(case, ("cases", i)) for i, case in enumerate(raw_cases))
    names = [case.name for case in cases]
    for index, name in enumerate(names):
        if name in names[:index]:
            raise reader.fail(("cases", index, "name"), f"the case name '{name}' is used twice; names are unique")
    return ControlTests(path, cases, skip, region)


def check_both_verdicts(tests: ControlTests, text: str) -> None:
    """A control is shown right only by a resource it PASSes and one it FAILs: cases without both prove nothing."""
    expected = {status for case in tests.cases for status in case.expect.values()}
    if tests.cases and not {"PASS", "FAIL"} <= expected:
        reader = _Reader(tests.path, node_lines(yaml.compose(text, Loader=yaml.SafeLoader)))
        message = (
            "needs a case where a resource PASSes and one where a resource FAILs (else the control proves nothing)"
        )
        raise reader.fail(("cases",), message)


def load_control_tests(path: Path) -> ControlTests:
    """Read and validate one test file, refusing oversized or unreadable files with one message."""
    file = path.as_posix()
    text = read_small_text(path, MAX_TEST_BYTES, ControlTestError)
    tests = parse_control_tests(text, file)
    check_both_verdicts(tests, text)
    return tests
