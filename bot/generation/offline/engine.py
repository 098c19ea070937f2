"""The offline provider: answers every step deterministically, without a model, from the call's context."""

from __future__ import annotations

import json
import re
import time
from typing import Any

from bot.generation.offline.planner import plan_control
from bot.generation.providers.model import Completion, LLMCall
from bot.generation.render import Plan, render_feature
from bot.inputs.intake import ControlRequest
from bot.knowledge.retrieval import request_query

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
            request.requirement,
            request.resource,
            context.get("feedback"),
        )
        return plan.model_dump_json()

    def _write(self, context: dict[str, Any]) -> str:
        request: ControlRequest = context["request"]
        plan: Plan = context["plan"]
        return render_feature(request, plan, scenario=f"{request.resource} complies")

    def _repair(self, context: dict[str, Any]) -> str:
        draft: str = context["draft"]
        return draft
