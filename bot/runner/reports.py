"""Reports where teams read them: SARIF for code scanning, Markdown for a job summary, CSV for spreadsheets."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from bot import __version__
from bot.language.feature import ParsedFeature
from bot.runner.findings import STATUSES, Finding, render, summarize

SEVERITY_SCORE = {"critical": "9.5", "high": "8.0", "medium": "5.5", "low": "3.0"}  # code scanning's scale
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"  # the address code scanning and editors know
SARIF_LEVEL = {"critical": "error", "high": "error", "medium": "warning", "low": "note"}
MARKDOWN_ROWS = 200  # a job summary holds 1 MiB: past this many findings, the table says how many are left out
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class ControlInfo:
    """What a report says about a control beside its findings: where it is, how severe, what it maps to."""

    control: str
    path: str = ""
    title: str = ""
    description: str = ""
    severity: str = "medium"
    category: str = "other"
    frameworks: tuple[str, ...] = ()
    line: int = 1
    scenario_lines: dict[str, int] = field(default_factory=dict)
    assertion_lines: tuple[tuple[str, int], ...] = ()
    # from a merged report: (account, scenario, resource, region) -> line
    known_lines: dict[tuple[str, str, str, str], int] = field(default_factory=dict)
    service: str = ""

    def as_dict(self) -> dict[str, object]:
        shown = ("path", "title", "description", "severity", "category", "service")
        return {**{k: getattr(self, k) for k in shown}, "frameworks": list(self.frameworks)}

    @classmethod
    def of(cls, control: str, feature: ParsedFeature, path: str) -> ControlInfo:
        scenarios = {s.name: s.line for s in feature.scenarios}
        assertions = tuple(
            (step.text, step.line)
            for scenario in feature.scenarios
            for step in scenario.steps
            if step.step is not None and step.step.phase == "assert"
        )
        return cls(
            control,
            path,
            feature.name,
            " ".join(feature.description.split()),
            feature.tag_value("severity") or "medium",
            feature.tag_value("category") or "other",
            tuple(t.removeprefix("@maps:") for t in feature.tags if t.startswith("@maps:")),
            feature.line,
            scenarios,
            assertions,
            service=feature.tag_value("service") or "",
        )

    def line_of(self, finding: Finding) -> int:
        """The failing assertion's line when a reason names it, else the scenario's, else the feature's."""
        known = self.known_lines.get((finding.account, finding.scenario, finding.resource, finding.region))
        if known is not None:
            return known
        for reason in finding.reasons:
            for text, line in self.assertion_lines:
                if reason.startswith(text) or reason.startswith(text.split(" must ")[0] + " must"):
                    return line
        return self.scenario_lines.get(finding.scenario, self.line)


Infos = Mapping[str, ControlInfo]


def _info(infos: Infos, control: str) -> ControlInfo:
    return infos.get(control) or ControlInfo(control)


def finding_record(finding: Finding, infos: Infos) -> dict[str, object]:
    """A finding with its control's severity, category, frameworks and source line (JSON, CSV)."""
    info = _info(infos, finding.control)
    return {
        **finding.as_dict(),
        "severity": info.severity,
        "category": info.category,
        "frameworks": list(info.frameworks),
        "source": info.path,
        "line": info.line_of(finding),
        "service": info.service,
    }


def render_json(findings: Sequence[Finding], infos: Infos) -> str:
    """Findings with their controls' metadata; `controlbot report merge` reads it back, in any format."""
    controls = {c: _info(infos, c).as_dict() for c in dict.fromkeys(f.control for f in findings)}
    document = {"findings": [finding_record(f, infos) for f in findings], "summary": summarize(findings)}
    document["controls"] = controls
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _rule(info: ControlInfo) -> dict[str, object]:
    text = info.description or info.title or info.control
    return {
        "id": info.control,
        "shortDescription": {"text": info.title or info.control},
        "fullDescription": {"text": text},
        "help": {"text": text},
        "defaultConfiguration": {"level": SARIF_LEVEL.get(info.severity, "warning")},
        "properties": {
            "security-severity": SEVERITY_SCORE.get(info.severity, "5.5"),
            "tags": ["security", info.category, *info.frameworks],
            "severity": info.severity,
            "frameworks": list(info.frameworks),
        },
    }


def _result(finding: Finding, info: ControlInfo, index: int) -> dict[str, object]:
    what = "; ".join(finding.reasons) or finding.status
    verdict = "could not be checked on" if finding.status == "ERROR" else "fails"
    fingerprint = "\x1f".join((finding.account, finding.control, finding.scenario, finding.resource, finding.region))
    return {
        "ruleId": info.control,
        "ruleIndex": index,
        "level": "error" if finding.status == "ERROR" else SARIF_LEVEL.get(info.severity, "warning"),
        "message": {"text": f"{finding.control} {verdict} {finding.resource} ({_where(finding)}): {what}"},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": info.path or f"{finding.control}.feature"},
                    "region": {"startLine": info.line_of(finding)},
                }
            }
        ],
        "partialFingerprints": {"controlbotFinding/v1": hashlib.sha256(fingerprint.encode()).hexdigest()},
        "properties": {
            "resource": finding.resource,
            "region": finding.region,
            "account": finding.account,
            "status": finding.status,
        },
        **_suppressed(finding),
    }


def _where(finding: Finding) -> str:
    return f"{finding.account} {finding.region}" if finding.account else finding.region


def _suppressed(finding: Finding) -> dict[str, object]:
    """A SUPPRESSED finding stays in the report, marked as an accepted exception with its justification."""
    if finding.status != "SUPPRESSED":
        return {}
    return {"suppressions": [{"kind": "external", "justification": finding.reasons[0] if finding.reasons else ""}]}


def render_sarif(findings: Sequence[Finding], infos: Infos) -> str:
    """SARIF 2.1.0: one rule per control run, one result per FAIL or ERROR at the failing assertion's line."""
    controls = list(dict.fromkeys(f.control for f in findings))
    rules = [_rule(_info(infos, c)) for c in controls]
    index = {c: i for i, c in enumerate(controls)}
    results = [
        _result(f, _info(infos, f.control), index[f.control])
        for f in findings
        if f.status in ("FAIL", "ERROR", "SUPPRESSED")
    ]
    driver = {"name": "controlbot", "version": __version__, "rules": rules}
    document = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [{"tool": {"driver": driver}, "results": results}]}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _md(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace("`", "'")


def render_markdown(findings: Sequence[Finding], infos: Infos) -> str:
    """A summary for $GITHUB_STEP_SUMMARY: totals, failures by severity, then each FAIL and ERROR."""
    counts = summarize(findings)
    lines = ["## controlbot check", "", "| " + " | ".join(STATUSES) + " |", "|" + "---:|" * len(STATUSES)]
    lines.append("| " + " | ".join(str(counts[s]) for s in STATUSES) + " |")
    bad = [f for f in findings if f.status in ("FAIL", "ERROR")]
    by_severity = Counter(_info(infos, f.control).severity for f in bad if f.status == "FAIL")
    if by_severity:
        order = ("critical", "high", "medium", "low")
        lines += ["", "FAIL by severity: " + ", ".join(f"{by_severity[s]} {s}" for s in order if by_severity[s])]
    if bad:
        lines += ["", "| status | severity | control | resource | region | reason |", "|---|---|---|---|---|---|"]
        for f in bad[:MARKDOWN_ROWS]:
            cells = (f.status, _info(infos, f.control).severity, f.control, f.resource, f.region, "; ".join(f.reasons))
            lines.append("| " + " | ".join(_md(c) for c in cells) + " |")
        if len(bad) > MARKDOWN_ROWS:
            lines.append(f"\n{len(bad) - MARKDOWN_ROWS} more FAIL/ERROR findings are in the full report.")
    return "\n".join(lines) + "\n"


def _cell(value: object) -> str:
    """A spreadsheet must not run a cell as a formula (CSV injection): such cells start with a quote."""
    text = " ".join(value) if isinstance(value, list) else str(value)
    return f"'{text}" if text.startswith(_FORMULA_START) else text


def render_csv(findings: Sequence[Finding], infos: Infos) -> str:
    columns: tuple[str, ...] = ("control", "scenario", "resource", "region", "status", "severity", "category")
    columns += ("frameworks", "source", "line", "reasons")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for finding in findings:
        record = {**finding_record(finding, infos), "reasons": "; ".join(finding.reasons)}
        writer.writerow([_cell(record[c]) for c in columns])
    return out.getvalue()


FORMATS = ("text", "json", "junit", "sarif", "markdown", "csv", "html")


def render_html(findings: Sequence[Finding], infos: Infos) -> str:
    from bot.runner.html_report import page  # the page's template is only read when it is asked for

    return page([finding_record(f, infos) for f in findings], summarize(findings))


def render_report(findings: Sequence[Finding], fmt: str, infos: Infos) -> str:
    """The report in one of FORMATS; every text from AWS or a feature is escaped first."""
    shown = [f.shown() for f in findings]
    renderers = {"json": render_json, "sarif": render_sarif, "markdown": render_markdown, "csv": render_csv}
    renderers["html"] = render_html
    return renderers[fmt](shown, infos) if fmt in renderers else render(findings, fmt)
