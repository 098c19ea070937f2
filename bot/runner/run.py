"""Run parsed controls against AWS with boto3-style clients: one finding per scenario and resource."""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from typing import Any

from bot.knowledge.shapes import PathError as ModelPathError
from bot.knowledge.shapes import input_members, operation
from bot.language.assertions import Document, EvaluationError, PathError, failure, filter_failure, search
from bot.language.feature import ParsedFeature
from bot.language.grammar import Step
from bot.language.limits import is_untrusted_code
from bot.runner.calls import ApiCache, ApiError
from bot.runner.findings import Finding
from bot.runner.plan import GLOBAL_REGION, Plan, plan_scenario
from bot.runner.pools import EndpointPools
from bot.runner.redaction import shown

DEFAULT_MAX_RESOURCES = 10_000
TIME_LIMIT_REASON = "not checked: the run's time limit was reached (raise --timeout to allow longer runs)"
DEFAULT_TIMEOUT_S = 3_600.0


@dataclass(frozen=True)
class RunOptions:
    regions: tuple[str, ...]
    account_id: str = ""
    workers: int = 8
    max_resources: int = DEFAULT_MAX_RESOURCES
    timeout_s: float = DEFAULT_TIMEOUT_S
    progress: Callable[[int, int, int], None] | None = None  # (scenarios listed, scenarios, resources seen)
    # (control, region, resource or "-"): whether this run, a shard of a larger one, reports that finding
    owns: Callable[[str, str, str], bool] | None = None


@dataclass(frozen=True)
class Unit:
    """One scenario in one region: the control it belongs to and where its calls go."""

    control: str
    scenario: str
    plan: Plan
    label: str
    region: str
    deadline: float = float("inf")

    def finding(self, resource: str, status: str, reasons: Sequence[str] = ()) -> Finding:
        return Finding(self.control, self.scenario, resource, self.label, status, tuple(reasons))


def _call(cache: ApiCache, unit: Unit, step: Step, params: dict[str, Any]) -> dict[str, Any] | None:
    """The response, or None when the error it raised is declared to mean absent."""
    try:
        return cache.call(unit.region, step.service, step.operation, params)
    except ApiError as error:
        declared = (error.service, error.operation, error.code) in unit.plan.absent
        if declared and not is_untrusted_code(error.code):
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
    response = _call(cache, unit, listing, _params(listing, Document({})))  # its constants
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


def fault_reason(error: BaseException) -> str:
    """One line for an exception that ends a resource's check: our own errors say it all, others get their type."""
    if isinstance(error, ApiError | PathError | EvaluationError):
        return str(error)
    if isinstance(error, RecursionError):
        return "a value is nested too deeply to evaluate"
    return f"unexpected {type(error).__name__}: {str(error).strip()[:300] or 'no message'}"


def _check_resource(cache: ApiCache, unit: Unit, resource: str, start: Document) -> Finding:
    """Enrich one resource, apply the filters, then every assertion; any fault is an ERROR for this resource."""
    if time.monotonic() > unit.deadline:
        return unit.finding(resource, "ERROR", [TIME_LIMIT_REASON])
    try:
        return _evaluate_resource(cache, unit, resource, start)
    except Exception as error:  # the boundary: one resource's fault never ends the run nor passes
        return unit.finding(resource, "ERROR", [fault_reason(error)])


def _evaluate_resource(cache: ApiCache, unit: Unit, resource: str, start: Document) -> Finding:
    """Enrich, filter, assert: FAIL with every failed assertion, MANUAL when only manual checks remain, else PASS."""
    responses = dict(start.responses)
    for step in unit.plan.enrichments:
        response = _call(cache, unit, step, _params(step, Document(start.item, responses)))
        if response is not None:
            responses[step.operation] = response
    document = Document(start.item, responses)
    plan = unit.plan
    for step in plan.filters:
        left_out = shown(filter_failure, step, document, plan.masker)
        if left_out:
            return unit.finding(resource, "NOT_APPLICABLE", [f"left out by {left_out}"])
    reasons = [r for r in (shown(failure, a, document, plan.masker) for a in plan.assertions) if r]
    if reasons:
        return unit.finding(resource, "FAIL", reasons)
    return (
        unit.finding(resource, "MANUAL", plan.manual_checks) if plan.manual_checks else unit.finding(resource, "PASS")
    )


def control_id(feature: ParsedFeature, fallback: str) -> str:
    return feature.tag_value("control") or fallback


def _units(control: str, feature: ParsedFeature, options: RunOptions, deadline: float) -> list[Unit | Finding]:
    work = _feature_units(control, feature, options, deadline)
    if options.owns is None:
        return work
    return [item for item in work if isinstance(item, Unit) or options.owns(control, item.region, "-")]


def _feature_units(control: str, feature: ParsedFeature, options: RunOptions, deadline: float) -> list[Unit | Finding]:
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
            work.append(Unit(control, scenario.name, plan, GLOBAL_REGION, options.regions[0], deadline))
        else:
            work.extend(Unit(control, scenario.name, plan, region, region, deadline) for region in options.regions)
    return work


Slot = tuple[Unit, str, "Future[Finding]"] | Finding


def _listing_endpoint(unit: Unit) -> tuple[str, str]:
    step = unit.plan.listing or unit.plan.accounts[0]
    return step.service, unit.region


def _resource_endpoint(unit: Unit) -> tuple[str, str]:
    """Where a resource's own calls go: its first enrichment's endpoint, else its listing's."""
    return (unit.plan.enrichments[0].service, unit.region) if unit.plan.enrichments else _listing_endpoint(unit)


def _submit_unit(pools: EndpointPools, cache: ApiCache, unit: Unit, options: RunOptions) -> list[Slot]:
    """The unit's findings: resources go to the pool; a shard keeps only the findings it owns, so a resource's
    enrichment calls are made in one shard, while every shard makes the (cheap, paged) listing call."""
    slots: list[Slot] = []
    for item in _unit_work(cache, unit, options):
        resource = item.resource if isinstance(item, Finding) else item[0]
        if options.owns is not None and not options.owns(unit.control, unit.label, resource):
            continue
        if isinstance(item, Finding):
            slots.append(item)
        else:
            pool = pools.for_endpoint(*_resource_endpoint(unit))
            slots.append((unit, resource, pool.submit(_check_resource, cache, unit, resource, item[1])))
    return slots


def _unit_work(cache: ApiCache, unit: Unit, options: RunOptions) -> list[Finding | tuple[str, Document]]:
    """The unit-level findings, and each listed resource to check: (name, document)."""
    if time.monotonic() > unit.deadline:
        return [unit.finding("-", "ERROR", [TIME_LIMIT_REASON])]
    try:
        resources = _documents(cache, unit, options.account_id)
    except Exception as error:  # the boundary: a listing's fault is this unit's ERROR, the run goes on
        return [unit.finding("-", "ERROR", [fault_reason(error)])]
    if not resources:
        op_ref = unit.plan.listing.op_ref if unit.plan.listing else "-"
        return [unit.finding("-", "NOT_APPLICABLE", [f"no resources listed by {op_ref}"])]
    work: list[Finding | tuple[str, Document]] = []
    if len(resources) > options.max_resources:
        reason = (
            f"{len(resources):,} resources listed; only the first {options.max_resources:,} were checked "
            "(raise --max-resources to check them all)"
        )
        work.append(unit.finding("-", "ERROR", [reason]))
    return work + list(resources[: options.max_resources])


def _prefetch(cache: ApiCache, unit: Unit) -> None:
    steps = [unit.plan.listing] if unit.plan.listing else list(unit.plan.accounts)
    for step in steps:
        with contextlib.suppress(Exception):  # the unit reports it when it reads the cached outcome
            cache.call(unit.region, step.service, step.operation, _params(step, Document({})))


def _result(slot: Slot, deadline: float) -> Finding:
    if isinstance(slot, Finding):
        return slot
    unit, name, future = slot
    try:
        return future.result(timeout=max(0.0, deadline - time.monotonic()))
    except FutureTimeout:
        future.cancel()
        return unit.finding(name, "ERROR", [TIME_LIMIT_REASON])


def run_controls(controls: Sequence[tuple[str, ParsedFeature]], cache: ApiCache, options: RunOptions) -> list[Finding]:
    """Findings for every scenario of every (control id, feature), in input order, resources in parallel."""
    deadline = time.monotonic() + options.timeout_s
    work = [item for control, feature in controls for item in _units(control, feature, options, deadline)]
    slots: list[Slot] = []
    pools = EndpointPools(options.workers)
    try:
        for item in work:
            if isinstance(item, Unit):
                pools.for_endpoint(*_listing_endpoint(item)).submit(_prefetch, cache, item)
        units = sum(isinstance(item, Unit) for item in work)
        listed = resources = 0
        for item in work:
            added = [item] if isinstance(item, Finding) else _submit_unit(pools, cache, item, options)
            slots.extend(added)
            resources += sum(not isinstance(slot, Finding) for slot in added)
            if isinstance(item, Unit) and options.progress is not None:
                listed += 1
                options.progress(listed, units, resources)
        return [_result(slot, deadline) for slot in slots]
    finally:
        pools.shutdown()
