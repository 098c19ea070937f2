"""Grounding a scenario in the botocore model: operations, parameters, paths and values must exist."""

from __future__ import annotations

from typing import Any

from botocore.model import Shape

from bot.knowledge import shapes
from bot.knowledge.operation_policy import operation_refusal, parameter_refusal
from bot.knowledge.sensitive import is_sensitive
from bot.knowledge.shapes import PathError, Root
from bot.language.assertions import compile_path, is_projection
from bot.language.feature import Scenario, StepLine
from bot.language.grammar import Step
from bot.language.join_check import check_companions, check_join
from bot.language.problems import Report
from bot.language.vacuity import NEGATIVE, NUMERIC, Scope, value_problem, why_vacuous


def ground(scenario: Scenario, source: StepLine, report: Report, generated: bool = False) -> None:
    """Ground every step of the scenario; an assertion that cannot fail is an error in a generated feature and
    a warning in one written by hand."""
    assert source.step is not None
    root = _source_root(source, report)
    if root is None:
        return
    scope = _scope(scenario, source.step, root)
    flag_vacuous = report.error if generated else report.warn
    used_ops: set[str] = {source.step.op_ref}
    service = source.step.service
    for entry in scenario.steps:
        step = entry.step
        if step is None or entry is source:
            continue
        try:
            if step.kind in ("list", "account", "manual"):
                continue
            if step.kind == "enrich":
                _check_enrich(step, root, service)
                check_join(source.step, step, entry.line, report)
                check_companions(source.step, step, entry.line, report)
                used_ops.add(step.op_ref)
            elif step.kind == "absent_error":
                _check_absent(step, used_ops, entry, report)
            else:
                compared = _check_condition(step, root)
                why = why_vacuous(step, compared, scope) if step.phase == "assert" else None
                if why:
                    flag_vacuous(entry.line, why)
        except PathError as error:
            report.error(entry.line, str(error))
            if step.kind == "enrich":
                root.members.setdefault(step.operation, None)  # one error, not one per path under it


def _scope(scenario: Scenario, source: Step, root: Root) -> Scope:
    steps = [entry.step for entry in scenario.steps if entry.step is not None]
    calls = {s.operation: s.service for s in steps if s.kind in ("enrich", "account")}
    absent = frozenset(s.operation for s in steps if s.kind == "absent_error")
    listing = source if source.kind == "list" else None
    return Scope(listing, root.identity if listing else None, calls, absent)


def _read_op(step: Step) -> Any:
    op = shapes.operation(step.service, step.operation)
    refused = operation_refusal(step.service, step.operation)
    if refused is not None:
        raise PathError(refused.message(f'"{step.op_ref}"'))
    return op


def _source_root(source: StepLine, report: Report) -> Root | None:
    step = source.step
    assert step is not None
    try:
        op = _read_op(step)
        _check_constants(step, op)
        response = shapes.output_root(op)
        if step.kind == "account":
            return Root({step.operation: response}, None, "the account-setting document")
        items = shapes.resolve(response, step.items_path)
        item = _item_shape(items, step.items_path)
        root = _item_root(item)
        if is_sensitive(shapes.resolve(root, step.id_path).leaf):
            raise PathError(f'"{step.id_path}" is marked sensitive: a report never shows it; identify by an id or ARN')
        return root
    except PathError as error:
        report.error(source.line, str(error))
        return None


def _check_constants(step: Step, op: Any) -> None:
    """A listing's constants must be parameters it takes, allowed values, and cover what it requires."""
    members = shapes.input_members(op)
    for name, _, value in step.params:
        if name not in members:
            raise PathError(f'"{step.op_ref}" has no parameter "{name}"; {shapes.suggestion(name, list(members))}')
        refused = parameter_refusal(step.service, step.operation, name, value)
        if refused is not None:
            raise PathError(refused.message(f'parameter "{name}" of "{step.op_ref}"'))
        _check_literal_param(step, name, members[name], value)
    given = {name for name, _, _ in step.params}
    missing = [p for p in shapes.required_inputs(op) if p not in shapes.PAGING_PARAMS and p not in given]
    if missing:
        raise PathError(
            f'"{step.op_ref}" requires {", ".join(missing)}, which a listing cannot supply from a resource; give '
            f'a constant (with "{missing[0]}" set to <json>) or list with an operation that needs no input and '
            "enrich each resource with this one"
        )


def _item_shape(items: shapes.Resolved, path: str) -> Shape | None:
    typed = items.shape
    if isinstance(typed, shapes.Seq):
        return typed.elem if isinstance(typed.elem, Shape) else None
    if isinstance(typed, Shape) and typed.type_name == "list":
        return typed.member
    if isinstance(typed, Shape) and typed.type_name == "map":
        raise PathError(f'"{path}" is a map; list its values with "{path}.*"')
    raise PathError(f'"{path}" is not a list of resources in the listing response')


def _item_root(item: Shape | None) -> Root:
    members: dict[str, Shape | Root | None] = {}
    if item is not None and item.type_name == "structure":
        members.update(item.members)
    label = f"list item {item.name}" if item is not None else "the list item"
    return Root(members, item, label)


def _check_enrich(step: Step, root: Root, service: str) -> None:
    if step.service != service:
        raise PathError(f'"{step.op_ref}" is not of the listing\'s service "{service}"')
    op = _read_op(step)
    members = shapes.input_members(op)
    given = {name for name, _, _ in step.params}
    for name, kind, value in step.params:
        if name not in members:
            raise PathError(f'"{step.op_ref}" has no parameter "{name}"; {shapes.suggestion(name, list(members))}')
        refused = parameter_refusal(step.service, step.operation, name, value if kind == "value" else None)
        if refused is not None:
            raise PathError(refused.message(f'parameter "{name}" of "{step.op_ref}"'))
        if kind == "path" and is_sensitive(shapes.resolve(root, value).leaf):
            raise PathError(f'"{value}" is marked sensitive: a control never sends it to "{step.op_ref}"')
        if kind == "value":
            _check_literal_param(step, name, members[name], value)
    missing = [p for p in shapes.required_inputs(op) if p not in given]
    if missing:
        raise PathError(f'"{step.op_ref}" requires parameter(s) {", ".join(missing)}; add them with "with"')
    root.members[step.operation] = shapes.output_root(op)


def _check_literal_param(step: Step, name: str, shape: Shape, value: Any) -> None:
    member = getattr(shape, "member", None)
    allowed = shapes.enum_of(member) if shape.type_name == "list" else shapes.enum_of(shape)
    values = value if isinstance(value, list) else [value]
    bad = [v for v in values if allowed and isinstance(v, str) and v not in allowed]
    if bad:
        raise PathError(
            f'"{step.op_ref}" parameter "{name}": {", ".join(map(str, bad))} not allowed; '
            f"{shapes.suggestion(str(bad[0]), allowed)}"
        )


def _check_absent(step: Step, used: set[str], entry: StepLine, report: Report) -> None:
    op = shapes.operation(step.service, step.operation)
    if step.op_ref not in used:
        report.warn(entry.line, f'"{step.op_ref}" is not called in this scenario; the error rule has no effect')
    codes = [c for e in (op.error_shapes or []) for c in {e.name, getattr(e, "error_code", None) or e.name}]
    if codes and step.error_code not in codes and not step.error_code.endswith(("NotFound", "NotFoundException")):
        report.warn(
            entry.line,
            f'"{step.op_ref}" does not model the error "{step.error_code}"; modelled: {", ".join(codes)}',
        )


def _check_negation(expression: str) -> None:
    """JMESPath reads `!A.B` as `(!A).B`: a negation followed by more path is never what was meant."""
    stack = [compile_path(expression).parsed]
    while stack:
        node = stack.pop()
        children = [c for c in node.get("children", []) if isinstance(c, dict)]
        chained = node["type"] in ("subexpression", "index_expression", "projection")
        if chained and children and children[0]["type"] == "not_expression":
            raise PathError(f'"{expression}": JMESPath reads "!A.B" as "(!A).B", which is never true; write "!(A.B)"')
        stack.extend(children)


def _check_condition(step: Step, root: Root) -> Shape | None:
    """Check a filter or assertion against the model; returns the shape its values are compared with."""
    resolved = shapes.resolve(root, step.path)
    if step.kind == "expression":
        _check_negation(step.path)
        return None
    if step.quantifier and not is_projection(step.path):
        raise PathError(
            f'"{step.path}" is not a projection: "each element of" and "at least one element of" apply to a list '
            f'path such as "Rules[].Status"; for one value write "{step.path}" must ...'
        )
    leaf = resolved.leaf
    if leaf is None:
        return None
    values = step.value if step.kind in ("one_of", "not_one_of", "where_one_of") else [step.value]
    if step.kind in ("equals", "not_equals", "one_of", "not_one_of", "where_is", "where_not", "where_one_of"):
        _check_values(step, leaf, values)
    if step.kind in ("at_least", "at_most") and leaf.type_name not in NUMERIC:
        raise PathError(f'"{step.path}" is a {leaf.type_name}; "at least/at most" compare numbers')
    is_date = leaf.type_name == "timestamp" or (leaf.type_name == "string" and not shapes.enum_of(leaf))
    if step.kind == "max_age_days" and not is_date:
        raise PathError(f'"{step.path}" is a {leaf.type_name}; "days old" compares timestamps')
    if step.kind in ("contains", "not_contains"):
        typed = resolved.shape.elem if step.quantifier and isinstance(resolved.shape, shapes.Seq) else resolved.shape
        if isinstance(typed, shapes.Seq) and isinstance(typed.elem, Shape):  # a flattened projection (`types[]`)
            _check_values(step, typed.elem, [step.value])
            return typed.elem
        if not (isinstance(typed, Shape) and typed.type_name == "list"):
            subject = f'the elements of "{step.path}" are' if step.quantifier else f'"{step.path}" is'
            raise PathError(f'{subject} not a list; "contain" checks list members')
        _check_values(step, typed.member, [step.value])
        return typed.member
    return leaf


def _check_values(step: Step, leaf: Shape, values: list[Any]) -> None:
    """Every value must be one the field can take; in a negative assertion where none can, the vacuity check
    says it instead (it cannot fail)."""
    problems = [problem for value in values if (problem := value_problem(step.path, leaf, value))]
    if problems and not (step.kind in NEGATIVE and len(problems) == len(values)):
        raise PathError(problems[0])
