"""A control's test cases run in a sandboxed account: set it up, run the control, compare statuses per resource."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

import jmespath
from botocore import xform_name

from bot.inputs.control_tests import REFERENCE, Case, ControlTests, SetupCall
from bot.inputs.safe_text import one_line
from bot.language.feature import ParsedFeature
from bot.runner.calls import ApiCache, ClientFactory, session_clients
from bot.runner.findings import Finding
from bot.runner.run import RunOptions, run_controls

# region -> a context in which a boto3 Session talks to a fresh, empty account (moto's mock_aws in the CLI)
Sandbox = Callable[[str], AbstractContextManager[Any]]
CASE_WORKERS = 2
_REASON_CAP = 240


class SetupFailed(Exception):
    """A setup call of a case could not be made: the case proves nothing about the control."""


@dataclass(frozen=True)
class CaseResult:
    case: str
    line: int
    problems: tuple[str, ...]

    @property
    def passed(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class ControlResult:
    """PASS (every case as expected), FAIL (a case not), SKIP (the file says why), ERROR (file or control broken)."""

    control: str
    path: str
    status: str
    cases: tuple[CaseResult, ...] = ()
    reason: str = ""

    def as_dict(self) -> dict[str, object]:
        cases = [{"case": c.case, "line": c.line, "passed": c.passed, "problems": list(c.problems)} for c in self.cases]
        return {
            "control": self.control,
            "path": self.path,
            "status": self.status,
            "reason": self.reason,
            "cases": cases,
        }


def substitute(value: Any, names: dict[str, Any]) -> Any:
    """${name} replaced by what it names; a string that is only "${name}" takes the saved value as it is."""
    if isinstance(value, str):
        whole = REFERENCE.fullmatch(value)
        if whole:
            return names[whole[1]]
        return REFERENCE.sub(lambda m: str(names[m[1]]), value)
    if isinstance(value, dict):
        return {substitute(k, names): substitute(v, names) for k, v in value.items()}
    if isinstance(value, list):
        return [substitute(item, names) for item in value]
    return value


def _make_call(clients: ClientFactory, region: str, call: SetupCall, names: dict[str, Any]) -> None:
    where = f"setup call {call.service}.{call.operation} (line {call.line})"
    try:
        client = clients(call.service, region)
    except Exception as error:  # botocore: UnknownServiceError and friends
        raise SetupFailed(f"{where}: {one_line(str(error), _REASON_CAP)}") from None
    if call.operation not in client.meta.service_model.operation_names:
        raise SetupFailed(f"{where}: {call.service} has no operation {call.operation}")
    try:
        response = getattr(client, xform_name(call.operation))(**substitute(call.params, names))
    except Exception as error:  # a parameter botocore refuses, an API error, or an operation moto lacks
        raise SetupFailed(f"{where} failed: {one_line(str(error), _REASON_CAP)}") from None
    for name, query in call.save.items():
        found = jmespath.search(query, response)
        if found is None:
            raise SetupFailed(f"{where}: save '{name}': '{query}' finds nothing in the response")
        names[name] = found


def _statuses_problem(resource: str, wanted: str, mine: Sequence[Finding]) -> str | None:
    statuses = {f.status for f in mine}
    if not mine:
        return f"{resource}: expected {wanted}, but no finding names this resource"
    if wanted == "PASS":
        right = "PASS" in statuses and statuses <= {"PASS", "NOT_APPLICABLE"}
    elif wanted == "FAIL":
        right = "FAIL" in statuses and "ERROR" not in statuses
    else:
        right = statuses == {"NOT_APPLICABLE"}
    if right:
        return None
    unexpected = (
        f for f in mine if f.status != wanted and (f.status != "NOT_APPLICABLE" or wanted == "NOT_APPLICABLE")
    )
    wrong = next(unexpected, mine[0])
    why = f" ({one_line('; '.join(wrong.reasons), _REASON_CAP)})" if wrong.reasons else ""
    return f"{resource}: expected {wanted}, got {wrong.status} in '{wrong.scenario}'{why}"


def verdict(expect: dict[str, str], findings: Sequence[Finding]) -> tuple[str, ...]:
    """What differs from the expected statuses; a control-wide ERROR (resource "-") is always a problem."""
    problems = [
        problem
        for resource, wanted in expect.items()
        if (problem := _statuses_problem(resource, wanted, [f for f in findings if f.resource == resource]))
    ]
    for finding in findings:
        if finding.resource == "-" and finding.status == "ERROR":
            problems.append(f"'{finding.scenario}': ERROR ({one_line('; '.join(finding.reasons), _REASON_CAP)})")
    return tuple(problems)


def run_case(control: tuple[str, ParsedFeature], tests: ControlTests, case: Case, sandbox: Sandbox) -> CaseResult:
    with sandbox(tests.region) as session:
        clients = session_clients(session)
        account = str(clients("sts", tests.region).get_caller_identity()["Account"])
        names: dict[str, Any] = {"account": account, "region": tests.region}
        try:
            for call in case.setup:
                _make_call(clients, tests.region, call, names)
        except SetupFailed as failed:
            return CaseResult(case.name, case.line, (str(failed),))
        options = RunOptions((tests.region,), account, CASE_WORKERS)
        findings = run_controls([control], ApiCache(clients), options)
    known = {f.scenario for f in findings}
    unknown = [
        f"no scenario is named '{name}' (scenarios: {', '.join(sorted(known))})"
        for name in case.scenarios
        if name not in known
    ]
    if case.scenarios:
        findings = [f for f in findings if f.scenario in case.scenarios]
    expect = {str(substitute(resource, names)): status for resource, status in case.expect.items()}
    return CaseResult(case.name, case.line, (*unknown, *verdict(expect, findings)))


def run_control_tests(control: tuple[str, ParsedFeature], tests: ControlTests, sandbox: Sandbox) -> ControlResult:
    """Every case of the file, each in its own fresh account."""
    if tests.skip is not None:
        return ControlResult(control[0], tests.path, "SKIP", reason=tests.skip)
    results = tuple(run_case(control, tests, case, sandbox) for case in tests.cases)
    status = "PASS" if all(r.passed for r in results) else "FAIL"
    return ControlResult(control[0], tests.path, status, results)
