"""Findings of a check run and their output formats: a text table, JSON and JUnit XML."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.inputs.safe_text import escape

STATUSES = ("PASS", "FAIL", "NOT_APPLICABLE", "ERROR", "MANUAL", "SUPPRESSED")
_CELL_CAP = 60


@dataclass(frozen=True)
class Finding:
    """The outcome of one scenario on one resource in one region."""

    control: str
    scenario: str
    resource: str
    region: str
    status: str
    reasons: tuple[str, ...] = ()
    account: str = ""  # the AWS account checked ("" when the run did not say)

    def shown(self) -> Finding:
        """The same finding with every text escaped: values from AWS and features are untrusted."""
        return Finding(
            escape(self.control),
            escape(self.scenario),
            escape(self.resource),
            escape(self.region),
            self.status,
            tuple(escape(r) for r in self.reasons),
            escape(self.account),
        )

    def as_dict(self) -> dict[str, object]:
        return {
            "control": self.control,
            "scenario": self.scenario,
            "resource": self.resource,
            "region": self.region,
            "status": self.status,
            "reasons": list(self.reasons),
            "account": self.account,
        }


def summarize(findings: Iterable[Finding]) -> dict[str, int]:
    counts = dict.fromkeys(STATUSES, 0)
    for finding in findings:
        counts[finding.status] += 1
    return counts


def exit_code(findings: Iterable[Finding]) -> int:
    """0 when nothing fails or errs, 1 when something FAILs, 2 when something is in ERROR."""
    counts = summarize(findings)
    if counts["ERROR"]:
        return 2
    return 1 if counts["FAIL"] else 0


def summary_line(findings: Sequence[Finding]) -> str:
    counts = summarize(findings)
    return ", ".join(f"{counts[s]} {s}" for s in STATUSES if s != "SUPPRESSED" or counts[s])


def _cell(text: str) -> str:
    return text if len(text) <= _CELL_CAP else text[: _CELL_CAP - 1] + "…"


def _row(f: Finding, accounts: bool) -> tuple[str, ...]:
    where = (f.account, f.region) if accounts else (f.region,)
    return (_cell(f.control), _cell(f.scenario), _cell(f.resource), *where, f.status, "; ".join(f.reasons))


_COLOURS = {"PASS": "32", "FAIL": "31", "ERROR": "33", "SUPPRESSED": "2"}


def coloured(text: str) -> str:
    """The text table with each status cell in colour (for a terminal; callers respect NO_COLOR)."""

    def paint(line: str) -> str:
        for status, code in _COLOURS.items():
            cell = f"  {status}  "
            if cell in line:
                return line.replace(cell, f"  \x1b[{code}m{status}\x1b[0m  ", 1)
        return line

    return "\n".join(paint(line) for line in text.split("\n"))


def render_text(findings: Sequence[Finding]) -> str:
    """A table (control, scenario, resource, [account,] region, status, reason), one row per finding, then a
    summary; the account column shows when the run covered more than one account."""
    accounts = len({f.account for f in findings}) > 1
    header = ("CONTROL", "SCENARIO", "RESOURCE", *(("ACCOUNT",) if accounts else ()), "REGION", "STATUS", "REASON")
    rows = [_row(f, accounts) for f in findings]
    fixed = len(header) - 1
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(fixed)]
    lines = []
    for row in [header, *rows]:
        cells = [value.ljust(widths[i]) for i, value in enumerate(row[:fixed])]
        lines.append("  ".join([*cells, row[fixed]]).rstrip())
    if not rows:
        lines.append("(no findings: no scenario was run)")
    lines.append("")
    lines.append(summary_line(findings))
    return "\n".join(lines) + "\n"


def _testcase(suite: ET.Element, finding: Finding) -> None:
    case = ET.SubElement(
        suite,
        "testcase",
        classname=finding.control,
        name=f"{finding.scenario} [{finding.resource} @ {finding.region}]",
    )
    message = "; ".join(finding.reasons)
    if finding.status == "FAIL":
        ET.SubElement(case, "failure", message=message, type="FAIL").text = "\n".join(finding.reasons)
    elif finding.status == "ERROR":
        ET.SubElement(case, "error", message=message, type="ERROR").text = "\n".join(finding.reasons)
    elif finding.status in ("NOT_APPLICABLE", "MANUAL", "SUPPRESSED"):
        ET.SubElement(case, "skipped", message=f"{finding.status}: {message}".rstrip(": "))


def render_junit(findings: Sequence[Finding]) -> str:
    """One testsuite per control, one testcase per scenario and resource."""
    root = ET.Element("testsuites", name="controlbot check")
    by_control: dict[str, list[Finding]] = {}
    for finding in findings:
        by_control.setdefault(finding.control, []).append(finding)
    for control, group in by_control.items():
        counts = summarize(group)
        suite = ET.SubElement(
            root,
            "testsuite",
            name=control,
            tests=str(len(group)),
            failures=str(counts["FAIL"]),
            errors=str(counts["ERROR"]),
            skipped=str(counts["NOT_APPLICABLE"] + counts["MANUAL"] + counts["SUPPRESSED"]),
        )
        for finding in group:
            _testcase(suite, finding)
    totals = summarize(findings)
    root.set("tests", str(len(findings)))
    root.set("failures", str(totals["FAIL"]))
    root.set("errors", str(totals["ERROR"]))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def render(findings: Sequence[Finding], fmt: str) -> str:
    """The text table or JUnit XML (reports.render_report serves every format, these two through here)."""
    renderers = {"text": render_text, "junit": render_junit}
    return renderers[fmt]([f.shown() for f in findings])
