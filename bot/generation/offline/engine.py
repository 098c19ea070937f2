"""The offline provider: answers every step deterministically, without a model, from the call's context."""

from __future__ import annotations

import json
import re
import time
from typing import Any

from bot.corpus.examples import Example
from bot.generation.offline.adapt import adapt, adaptable, asserted_paths
from bot.generation.offline.planner import plan_control
from bot.generation.offline.statements import as_demand
from bot.generation.providers.model import Completion, LLMCall
from bot.generation.render import Plan, render_feature
from bot.inputs.intake import ControlRequest
from bot.knowledge.retrieval import request_query

ADAPTED_CONFIDENCE = 0.9  # a reviewed control asking the same thing; the written feature is still checked
NOTE = "offline provider: no model was called; the control was planned from retrieval and the botocore model"


class OfflineModel:
    """A LanguageModel that needs no endpoint; same input → byte-identical output."""

    provider = "offline"
    model = "-"

    def execute(self, call: LLMCall) -> Completion:
        started = time.perf_counter()
        answer = getattr(self, f"_{call.step}")(call.context)
        return Completion(answer, None, None, time.perf_counter() - started)

    def _analyse(self, context: dict[str, Any]) -> str:
        request: ControlRequest = context["request"]
        conditions = [c.strip() for c in re.split(r"(?<=[.;])\s+", request.requirement) if c.strip()]
        analysis = {"resource": request.resource, "property": request.title or conditions[0], "conditions": conditions}
        return json.dumps(analysis)

    def _plan(self, context: dict[str, Any]) -> str:
        request: ControlRequest = context["request"]
        plan = plan_control(
            request.service,
            request_query(request),
            request.category,
            as_demand(request.title, request.requirement),
            request.resource,
            context.get("feedback"),
        )
        source = _source(context, plan)
        if source is not None:
            reason = f"adapted from control {source.id}: same service and resource, nearly the same requirement"
            plan = plan.model_copy(update={"confidence": ADAPTED_CONFIDENCE, "reasons": [reason]})
        return plan.model_dump_json()

    def _write(self, context: dict[str, Any]) -> str:
        request: ControlRequest = context["request"]
        plan: Plan = context["plan"]
        source = _source(context, plan)
        if source is not None:
            return adapt(source, request, _planned(plan))
        return render_feature(request, plan, scenario=f"{request.resource} complies")

    def _repair(self, context: dict[str, Any]) -> str:
        draft: str = context["draft"]
        return draft


def _source(context: dict[str, Any], plan: Plan) -> Example | None:
    """The merged control to adapt, unless a reviewer's feedback asks for something new."""
    if context.get("feedback"):
        return None
    listing = plan.setup[0] if plan.setup else ""
    return adaptable(context["request"], list(context.get("examples") or []), _planned(plan), listing)


def _planned(plan: Plan) -> set[str]:
    return asserted_paths("\n".join(f"Then {a}" for a in plan.assertions))
