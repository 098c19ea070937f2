"""JSON reports of several runs (shards of one scan) read back as one list of findings with their controls."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bot.inputs.errors import FileError
from bot.runner.findings import STATUSES, Finding
from bot.runner.reports import ControlInfo

_FIELDS = ("control", "scenario", "resource", "region", "status")


class ReportError(FileError):
    """A file that is not a `controlbot check --format json` report."""


def _finding(record: Any, file: str, index: int) -> Finding:
    if not isinstance(record, dict) or not all(isinstance(record.get(k), str) for k in _FIELDS):
        raise ReportError(file, f"finding {index + 1} lacks one of {', '.join(_FIELDS)}; not a controlbot JSON report")
    if record["status"] not in STATUSES:
        raise ReportError(file, f"finding {index + 1} has the unknown status {record['status']!r}")
    reasons = tuple(str(r) for r in record.get("reasons") or [])
    control, scenario, resource, region, status = (str(record[k]) for k in _FIELDS)
    return Finding(control, scenario, resource, region, status, reasons, str(record.get("account") or ""))


def _info(control: str, meta: Any) -> ControlInfo:
    meta = meta if isinstance(meta, dict) else {}
    text = {k: str(meta.get(k) or "") for k in ("path", "title", "description")}
    return ControlInfo(
        control,
        text["path"],
        text["title"],
        text["description"],
        str(meta.get("severity") or "medium"),
        str(meta.get("category") or "other"),
        tuple(str(f) for f in meta.get("frameworks") or ()),
        service=str(meta.get("service") or ""),
    )


def read_reports(paths: Sequence[Path]) -> tuple[list[Finding], dict[str, ControlInfo]]:
    """Every finding of every report, in order, and each control's metadata with its findings' lines."""
    findings: list[Finding] = []
    infos: dict[str, ControlInfo] = {}
    for path in paths:
        file = path.as_posix()
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as error:
            raise ReportError(file, f"cannot be read as JSON: {error}") from None
        if not isinstance(document, dict) or not isinstance(document.get("findings"), list):
            raise ReportError(file, "has no findings list; give reports of `controlbot check --format json`")
        listed = document.get("controls")
        controls: dict[str, Any] = listed if isinstance(listed, dict) else {}
        for index, record in enumerate(document["findings"]):
            finding = _finding(record, file, index)
            info = infos.setdefault(finding.control, _info(finding.control, controls.get(finding.control)))
            if isinstance(record.get("line"), int):
                info.known_lines[(finding.account, finding.scenario, finding.resource, finding.region)] = record["line"]
            findings.append(finding)
    return findings, infos
