"""One self-contained HTML page of a run: totals, and a findings table to filter and sort; no network needed."""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from bot.runner.findings import STATUSES

TEMPLATE = Path(__file__).with_name("report_page.html")  # style and script of the page; package data

# No request leaves the page: no external script, style, font or image, and the policy forbids them too.
_POLICY = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"
_COLUMNS = (
    ("status", "status"),
    ("severity", "severity"),
    ("control", "control"),
    ("service", "service"),
    ("resource", "resource"),
    ("region", "region"),
    ("frameworks", "frameworks"),
    ("reasons", "reason"),
)


def _boxes(title: str, counts: Counter[str] | dict[str, int]) -> str:
    items = "".join(
        f'<div class="box {html.escape(k)}"><b>{n}</b>{html.escape(k)}</div>' for k, n in counts.items() if n
    )
    return f"<h2>{html.escape(title)}</h2><div class='totals' data-totals='{html.escape(title)}'>{items}</div>"


def page(records: Sequence[dict[str, object]], summary: dict[str, int]) -> str:
    """The page: totals by status, and of FAIL by severity, service and framework; then every finding."""
    failing = [r for r in records if r["status"] == "FAIL"]
    frameworks = Counter(str(f).split(":")[0] for r in failing for f in r["frameworks"])  # type: ignore[attr-defined]
    data = json.dumps(list(records), ensure_ascii=True).replace("<", "\\u003c")  # nothing can close the script
    options = "".join(f"<option>{s}</option>" for s in STATUSES)
    header = "".join(f'<th data-key="{k}">{label}</th>' for k, label in _COLUMNS)
    totals = (
        _boxes("By status", {s: summary.get(s, 0) for s in STATUSES})
        + _boxes("FAIL by severity", Counter(str(r["severity"]) for r in failing))
        + _boxes("FAIL by service", Counter(str(r["service"] or "-") for r in failing))
        + _boxes("FAIL by framework", frameworks)
    )
    slots = {"policy": _POLICY, "totals": totals, "options": options, "header": header, "data": data}
    return re.sub(r"\{\{(\w+)\}\}", lambda m: slots[m[1]], TEMPLATE.read_text(encoding="utf-8"))
