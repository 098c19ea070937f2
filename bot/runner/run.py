"""Run parsed controls against AWS with boto3-style clients: one finding per scenario and resource."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from bot.knowledge.shapes import PathError as ModelPathError
from bot.knowledge.shapes import input_members, operation
from bot.language.assertions import Document, PathError, failure, filter_failure, search
from bot.language.feature import ParsedFeature, Scenario
from bot.language.grammar import Step
from bot.runner.calls import ApiCache, ApiError
from bot.runner.findings import Finding
from bot.runner.redaction import Masker, shown

# Services whose listings are the same from every region: checked once, reported as region "global".
GLOBAL_SERVICES = frozenset({"iam", "s3", "cloudfront", "route53", "organizations"})
GLOBAL_REGION = "global"


@dataclass(frozen=True)
class Plan:
    """What a scenario's steps ask for, grouped by role."""

    listing: Step | None
    accounts: tuple[Step, ...]
    enrichments: tuple[Step, ...]
    absent: frozenset[tuple[str, str, str]]  # (service, operation, error code)
    filters: tuple[Step, ...]
    assertions: tuple[Step, ...]

    @property
    def is_global(self) -> bool:
        services = [self.listing.service] if self.listing else [s.service for s in self.accounts]
        return all(s in GLOBAL_SERVICES for s in services)


def plan_scenario(scenario: Scenario) -> Plan | tuple[str, list[str]]:
    """The scenario's plan, or (status, reasons) when it cannot run: ERROR for bad steps, MANUAL for prose."""
    errors = [f"line {s.line}: {s.syntax_error}" for s in scenario.steps if s.syntax_error]
    if errors:
        return ("ERROR", errors)
    manual = [f"line {s.line}: manual step: {s.text}" for s in scenario.steps if s.step is None]
    if manual:
        return ("MANUAL", manual)
    steps = [s.step for s in scenario.steps if s.step is not None]
    listings = [s for s in steps if s.kind == "list"]
    accounts = tuple(s for s in steps if s.kind == "account")
    assertions = tuple(s for s in steps if s.phase == "assert")
    if len(listings) > 1:
        errors.append("more than one listing step; a scenario lists one kind of resource")
    if not listings and not accounts:
        errors.append('no setup step: start with "the resources listed by ..." or "the account setting read by"')
    if not assertions:
        errors.append("no assertion: a scenario needs at least one Then step")
    if errors:
        return ("ERROR", errors)
    return Plan(
        listing=listings[0] if listings else None,
        accounts=accounts,
        enrichments=tuple(s for s in steps if s.kind == "enrich"),
        absent=frozenset((s.service, s.operation, s.error_code) for s in steps if s.kind == "absent_error"),
        filters=tuple(s for s in steps if s.phase == "filter"),
        assertions=assertions,
    )


@dataclass(frozen=True)
class RunOptions:
    regions: tuple[str, ...]
    account_id: str = ""
    workers: int = 8


@dataclass(frozen=True)
class Unit:
    """One scenario in one region: the control it belongs to and where its calls go."""

    control: str
    scenario: str
    plan: Plan
    label: str
    region: str

    def finding(self, resource: str, status: str, reasons: Sequence[str] = ()) -> Finding:
        return Finding(self.control, self.scenario, resource, self.label, status, tuple(reasons))


def _call(cache: ApiCache, unit: Unit, step: Step, params: dict[str, Any]) -> dict[str, Any] | None:
    """The response, or None when the error it raised is declared to mean absent."""
    try:
        return cache.call(unit.region, step.service, step.operation, params)
    except ApiError as error:
        if (error.service, error.operation, error.code) in unit.plan.absent:
            return None
        raise


def _documents(cache: ApiCache, unit: Unit, account_id: str) -> list[tuple[str, Document]]:
    """(resource id, document before enrichment) for each resource the scenario covers in the unit's region."""
    shared: dict[str, Any] = {}
    for step in unit.plan.accounts:
        response = _call(cache, unit, step, {})
        if response is not None:
            shared[step.operation] = response
    listing = unit.plan.listing
    if listing is None:
        return [(account_id or unit.region, Document({}, shared))]
    response = _call(cache, unit, listing, {})
    items = search(listing.items_path, Document(response)) if response is not None else None
    items = [] if items is None else items if isinstance(items, list) else [items]
    resources = []
    for index, item in enumerate(items):
        ident = search(listing.id_path, Document(item))
        name = ident if isinstance(ident, str) else f"item[{index}]" if ident is None else json.dumps(ident)
        resources.append((name, Document(item, shared)))
    return resources


def _params(step: Step, document: Document) -> dict[str, Any]:
    params = {}
    for name, source, value in step.params:
        if source == "value":
            params[name] = value
            continue
        found = search(value, document)
        if found is None:
            raise PathError(f'{step.op_ref} parameter "{name}" from "{value}": the path resolves to nothing')
        params[name] = [found] if _takes_list(step, name) and not isinstance(found, list) else found
    return params


def _takes_list(step: Step, name: str) -> bool:
    """BatchGet calls take lists (`names`, `ids`): one resource's identifier is sent as a list of one."""
    try:
        members = input_members(operation(step.service, step.operation))
    except ModelPathError:  # an unknown operation fails at its call, with the API's own message
        return False
    return name in members and members[name].type_name == "list"


def _check_resource(cache: ApiCache, unit: Unit, resource: str, start: Document) -> Finding:
    """Enrich one resource, apply the filters, then every assertion (all failed ones are reported)."""
    try:
        responses = dict(start.responses)
        for step in unit.plan.enrichments:
            response = _call(cache, unit, step, _params(step, Document(start.item, responses)))
            if response is not None:
                responses[step.operation] = response
        document = Document(start.item, responses)
        masker = Masker(unit.plan.listing, [*unit.plan.accounts, *unit.plan.enrichments])
        for step in unit.plan.filters:
            left_out = shown(filter_failure, step, document, masker)
            if left_out:
                return unit.finding(resource, "NOT_APPLICABLE", [f"left out by {left_out}"])
        reasons = [r for r in (shown(failure, a, document, masker) for a in unit.plan.assertions) if r]
    except (ApiError, PathError) as error:
        return unit.finding(resource, "ERROR", [str(error)])
    return unit.finding(resource, "FAIL", reasons) if reasons else unit.finding(resource, "PASS")


def control_id(feature: ParsedFeature, fallback: str) -> str:
    return feature.tag_value("control") or fallback


def _units(control: str, feature: ParsedFeature, options: RunOptions) -> list[Unit | Finding]:
    if feature.syntax_errors:
        reasons = tuple(f"line {line}: {message}" for line, message in feature.syntax_errors)
        return [Finding(control, "-", "-", "-", "ERROR", reasons)]
    if not feature.scenarios:
        return [Finding(control, "-", "-", "-", "ERROR", ("the feature has no scenario to run",))]
    work: list[Unit | Finding] = []
    for scenario in feature.scenarios:
        plan = plan_scenario(scenario)
        if isinstance(plan, tuple):
            work.append(Finding(control, scenario.name, "-", "-", plan[0], tuple(plan[1])))
        elif plan.is_global:
            work.append(Unit(control, scenario.name, plan, GLOBAL_REGION, options.regions[0]))
        else:
            work.extend(Unit(control, scenario.name, plan, region, region) for region in options.regions)
    return work


def _submit_unit(
    pool: ThreadPoolExecutor, cache: ApiCache, unit: Unit, account_id: str
) -> list[Future[Finding] | Finding]:
    try:
        resources = _documents(cache, unit, account_id)
    except (ApiError, PathError) as error:
        return [unit.finding("-", "ERROR", [str(error)])]
    if not resources:
        op_ref = unit.plan.listing.op_ref if unit.plan.listing else "-"
        return [unit.finding("-", "NOT_APPLICABLE", [f"no resources listed by {op_ref}"])]
    return [pool.submit(_check_resource, cache, unit, name, document) for name, document in resources]


def _prefetch(cache: ApiCache, unit: Unit) -> None:
    steps = [unit.plan.listing] if unit.plan.listing else list(unit.plan.accounts)
    for step in steps:
        with contextlib.suppress(ApiError):  # the unit reports it when it reads the cached outcome
            cache.call(unit.region, step.service, step.operation, {})


def run_controls(controls: Sequence[tuple[str, ParsedFeature]], cache: ApiCache, options: RunOptions) -> list[Finding]:
    """Findings for every scenario of every (control id, feature), in input order, resources in parallel."""
    work = [item for control, feature in controls for item in _units(control, feature, options)]
    slots: list[Future[Finding] | Finding] = []
    with ThreadPoolExecutor(max_workers=max(1, options.workers)) as pool:
        for item in work:
            if isinstance(item, Unit):
                pool.submit(_prefetch, cache, item)
        for item in work:
            if isinstance(item, Finding):
                slots.append(item)
            else:
                slots.extend(_submit_unit(pool, cache, item, options.account_id))
        return [slot.result() if isinstance(slot, Future) else slot for slot in slots]
