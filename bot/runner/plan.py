"""What a scenario asks for, read from its steps: its listing, account settings, enrichments, filters, assertions."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from bot.language.feature import Scenario, free_text_message
from bot.language.grammar import Step
from bot.runner.redaction import Masker

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

    @cached_property
    def masker(self) -> Masker:
        """Masks the sensitive values of this scenario's documents (built once, used for every resource)."""
        return Masker(self.listing, [*self.accounts, *self.enrichments])

    @cached_property
    def manual_checks(self) -> tuple[str, ...]:
        return tuple(f"manual check: {step.value}" for step in self.assertions if step.kind == "manual")

    @property
    def is_global(self) -> bool:
        services = [self.listing.service] if self.listing else [s.service for s in self.accounts]
        return all(s in GLOBAL_SERVICES for s in services)


def plan_scenario(scenario: Scenario) -> Plan | tuple[str, list[str]]:
    """The scenario's plan, or (status, reasons) when it cannot run: ERROR for bad steps, MANUAL for prose."""
    errors = [f"line {s.line}: {s.syntax_error}" for s in scenario.steps if s.syntax_error]
    free = [s for s in scenario.steps if s.step is None and not s.syntax_error]
    errors += [f"line {s.line}: {free_text_message(s.text)}" for s in free]
    if errors:
        return ("ERROR", errors)
    steps = [s.step for s in scenario.steps if s.step is not None]
    listings = [s for s in steps if s.kind == "list"]
    accounts = tuple(s for s in steps if s.kind == "account")
    assertions = tuple(s for s in steps if s.phase == "assert")
    manual = [s for s in assertions if s.kind == "manual"]
    if manual and len(manual) == len(assertions):
        return ("MANUAL", [f"manual check: {s.value}" for s in manual])  # nothing to call: a person checks it
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
