"""Behaviour on moto of the controls generated for benchmarks/varied.yaml: compliant PASSes, non-compliant FAILs."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

from benchmarks import varied_fixtures as fx
from benchmarks.varied_check_fixtures import check_fixtures
from benchmarks.varied_moto import REGION, SIDES, Clients, clients_for, fresh_moto, fresh_name, moto_env

VARIED = Path(__file__).resolve().parent / "varied.yaml"
REQUEST_KEYS = ("title", "service", "resource", "requirement", "category")
CONTROLBOT = [sys.executable, "-m", "bot.cli.main"]
GENERATE_TIMEOUT_S = 1800
CHECK_TIMEOUT_S = 900
OUT_OF_SCOPE = "out_of_scope"

# {side: the findings on that side's resources}; sides are SIDES plus OUT_OF_SCOPE
Verdict = dict[str, list[dict[str, Any]]]


def load_entries(path: Path = VARIED) -> list[dict[str, Any]]:
    """The benchmark's entries, in file order."""
    return list(yaml.safe_load(path.read_text(encoding="utf-8")))


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """[--provider P] [--keep DIR] [--json FILE] [--check-fixtures] [ID ...]."""
    parser = argparse.ArgumentParser(description=__doc__, epilog="Run it from the project's root.")
    parser.add_argument("--provider", default="offline", help="passed to controlbot generate (default: offline)")
    parser.add_argument("--keep", metavar="DIR", type=Path, help="work in DIR and leave requests, features, logs")
    parser.add_argument("--json", dest="json_out", metavar="FILE", type=Path, help="write verdicts and features")
    parser.add_argument(
        "--check-fixtures", action="store_true", help="only verify, with boto3, that each fixture makes both states"
    )
    parser.add_argument("ids", nargs="*", metavar="ID", help="varied.yaml ids to measure (default: all)")
    args = parser.parse_args(argv)
    unknown = set(args.ids) - {e["id"] for e in load_entries()}
    if unknown:
        parser.error(f"not varied.yaml ids: {', '.join(sorted(unknown))}")
    return args


@contextmanager
def workdir(keep: Path | None) -> Iterator[Path]:
    """DIR when --keep DIR is given (created if needed), else a temporary folder removed afterwards."""
    if keep:
        keep.mkdir(parents=True, exist_ok=True)
        yield keep.resolve()
    else:
        with tempfile.TemporaryDirectory(prefix="controlbot-varied-") as tmp:
            yield Path(tmp)


def run(cmd: list[str], root: Path, log: str, timeout: int, env: dict[str, str] | None = None) -> Any:
    """Run cmd in root and save its output to root/<log>.log; a timeout reads as exit 124."""
    try:
        done = subprocess.run(cmd, cwd=root, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        done = subprocess.CompletedProcess(cmd, 124, "", f"timed out after {timeout}s")
    (root / f"{log}.log").write_text(
        f"$ {' '.join(cmd)}\nexit {done.returncode}\n--- stdout\n{done.stdout}\n--- stderr\n{done.stderr}\n"
    )
    return done


def tail(text: str, width: int = 300) -> str:
    """The end of a command's output, on one line."""
    return " ".join(text.split())[-width:] or "(no output)"


def write_request(entry: dict[str, Any], root: Path) -> Path:
    """Write entry as controls/<service>/<id>.yaml under root (no stale feature beside it); path from root."""
    request = Path("controls", entry["service"], f"{entry['id']}.yaml")
    (root / request).parent.mkdir(parents=True, exist_ok=True)
    fields = {k: entry[k] for k in REQUEST_KEYS if k in entry}
    (root / request).write_text(yaml.safe_dump(fields, sort_keys=False), encoding="utf-8")
    (root / request.with_suffix(".feature")).unlink(missing_ok=True)
    return request


def generate(entries: list[dict[str, Any]], root: Path, provider: str) -> dict[str, Path]:
    """Run controlbot generate on the entries' requests in root; return the features it wrote, by id."""
    requests = {e["id"]: write_request(e, root) for e in entries}
    if not requests:
        return {}
    command = [*CONTROLBOT, "generate", "--provider", provider, *map(str, requests.values())]
    done = run(command, root, "generate", GENERATE_TIMEOUT_S)
    if done.returncode != 0:
        print(f"generate exited {done.returncode}: {tail(done.stderr)}")
    features = {i: request.with_suffix(".feature") for i, request in requests.items()}
    return {i: feature for i, feature in features.items() if (root / feature).exists()}


def check(features: list[Path], root: Path, url: str, phase: str) -> dict[str, list[dict[str, Any]]]:
    """Run controlbot check on the features against the moto server at url; findings by control id."""
    if not features:
        return {}
    command = [*CONTROLBOT, "check", *map(str, features), "--region", REGION, "--format", "json"]
    done = run(command, root, f"check-{phase}", CHECK_TIMEOUT_S, env=moto_env(url))
    try:
        findings = json.loads(done.stdout)["findings"]
    except (ValueError, KeyError, TypeError):
        print(f"check ({phase}) printed no findings JSON (exit {done.returncode}): {tail(done.stderr)}")
        return {}
    by_control: dict[str, list[dict[str, Any]]] = {}
    for finding in findings:
        by_control.setdefault(str(finding.get("control", "")).removeprefix("@control:"), []).append(finding)
    return by_control


def phase(
    name: str, ids: list[str], prepare: Callable[[str, Clients], Any], features: dict[str, Path], root: Path
) -> dict[str, tuple[Any, list[dict[str, Any]]]]:
    """On a fresh moto server, prepare each id, then check their features: {id: (prepared, findings)}."""
    if not ids:
        return {}
    prepared = {}
    with fresh_moto() as url:
        clients = clients_for(url)
        for entry_id in ids:
            try:
                prepared[entry_id] = prepare(entry_id, clients)
            except Exception as error:  # a broken fixture is the bench's fault: say so, leave the entry out
                print(f"fixture {entry_id} failed, not measured: {type(error).__name__}: {error}")
        findings = check([features[i] for i in prepared if i in features], root, url, name)
    return {i: (result, findings.get(i, [])) for i, result in prepared.items()}


def build_sides(entry_id: str, clients: Clients) -> dict[str, list[str]]:
    """Make the compliant and non-compliant resources (and the out-of-scope one, if any): {side: ids}."""
    fixture = fx.FIXTURES[entry_id]
    slug = entry_id.split("-")[0][:6]
    sides = {side: fixture.make(clients, fresh_name(slug, side[:3]), side == "compliant") for side in SIDES}
    if fixture.out_of_scope is not None:
        sides[OUT_OF_SCOPE] = fixture.out_of_scope(clients, fresh_name(slug, "oos"))
    return sides


def on(findings: list[dict[str, Any]], identifiers: list[str] | None = None) -> list[dict[str, Any]]:
    """The findings whose resource contains one of the identifiers (all when None)."""
    return [f for f in findings if identifiers is None or any(x in str(f.get("resource", "")) for x in identifiers)]


def statuses(findings: list[dict[str, Any]] | None) -> list[str]:
    """The findings' statuses."""
    return [str(f.get("status")) for f in findings or []]


def measure_resources(ids: list[str], features: dict[str, Path], root: Path) -> dict[str, Verdict]:
    """Make every per-resource fixture on one server and run all their controls in one check."""
    done = phase("resources", ids, build_sides, features, root)
    return {i: {side: on(found, made) for side, made in sides.items()} for i, (sides, found) in done.items()}


def measure_account_level(ids: list[str], features: dict[str, Path], root: Path) -> dict[str, Verdict]:
    """Run the account-level controls twice, each time on a fresh server: settings compliant, then not."""

    def setting(compliant: bool) -> Callable[[str, Clients], None]:
        return lambda i, clients: fx.ACCOUNT_LEVEL[i].put(clients, compliant)

    good = phase("account-compliant", ids, setting(True), features, root)
    bad = phase("account-noncompliant", ids, setting(False), features, root)
    return {i: {"compliant": on(good[i][1]), "noncompliant": on(bad[i][1])} for i in good if i in bad}


def is_right(verdict: Verdict) -> bool:
    """The compliant side PASSes (NOT_APPLICABLE scenarios aside), the other FAILs somewhere, and a resource
    the requirement excludes is never judged."""
    compliant, noncompliant = statuses(verdict["compliant"]), statuses(verdict["noncompliant"])
    in_scope = "PASS" in compliant and set(compliant) <= {"PASS", "NOT_APPLICABLE"} and "FAIL" in noncompliant
    return in_scope and set(statuses(verdict.get(OUT_OF_SCOPE))) <= {"NOT_APPLICABLE"}


def summarise(found: list[dict[str, Any]] | None) -> str:
    """Statuses with their counts, e.g. "FAIL, PASS (2)"; "none" when there is no finding; "-" when not made."""
    if found is None:
        return "-"
    counts = sorted(Counter(statuses(found)).items())
    return ", ".join(s if n == 1 else f"{s} ({n})" for s, n in counts) or "none"


def report(verdicts: dict[str, Verdict], features: dict[str, Path], skipped: list[str]) -> None:
    """Print the table, the skipped entries and the summary line."""
    header = ("id", "feature", "compliant", "non-compliant", "out of scope", "right?")
    rows = [
        (
            i,
            "yes" if i in features else "no",
            summarise(v["compliant"]),
            summarise(v["noncompliant"]),
            summarise(v.get(OUT_OF_SCOPE)),
            "yes" if is_right(v) else "no",
        )
        for i, v in verdicts.items()
    ]
    widths = [max(len(row[c]) for row in [header, *rows]) for c in range(len(header))]
    for n, row in enumerate([header, *rows]):
        print(" | ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
        if n == 0:
            print("-+-".join("-" * w for w in widths))
    for entry_id in skipped:
        print(f"skipped {entry_id}: {fx.SKIPPED[entry_id]}")
    right = sum(map(is_right, verdicts.values()))
    print(f"behaviour: {right}/{len(verdicts)} right ({right / len(verdicts) if verdicts else 0:.2f})")


def write_json(path: Path, verdicts: dict[str, Verdict], features: dict[str, Path], root: Path) -> None:
    """{id: {right, findings by side, feature text}} and the summary: what to work from on a wrong entry."""
    entries = {
        i: {
            "right": is_right(v),
            "findings": v,
            "feature": (root / features[i]).read_text(encoding="utf-8") if i in features else None,
        }
        for i, v in verdicts.items()
    }
    right = sum(map(is_right, verdicts.values()))
    path.write_text(json.dumps({"summary": {"right": right, "measured": len(entries)}, "entries": entries}, indent=2))


def main(argv: list[str] | None = None) -> int:
    """Measure and print; exit 0 whatever the score (1 when --check-fixtures finds a problem, 2 on bad usage)."""
    args = parse_args(argv)
    entries = [e for e in load_entries() if not args.ids or e["id"] in args.ids]
    if args.check_fixtures:
        return check_fixtures([e["id"] for e in entries])
    measured = [e for e in entries if e["id"] in fx.FIXTURES or e["id"] in fx.ACCOUNT_LEVEL]
    per_resource = [e["id"] for e in measured if e["id"] in fx.FIXTURES]
    account_level = [e["id"] for e in measured if e["id"] in fx.ACCOUNT_LEVEL]
    with workdir(args.keep) as root:
        features = generate(measured, root, args.provider)
        verdicts = {
            **measure_resources(per_resource, features, root),
            **measure_account_level(account_level, features, root),
        }
        verdicts = {e["id"]: verdicts[e["id"]] for e in measured if e["id"] in verdicts}  # in file order
        if args.json_out:
            write_json(args.json_out, verdicts, features, root)
    report(verdicts, features, [e["id"] for e in entries if e["id"] in fx.SKIPPED])
    return 0


if __name__ == "__main__":
    sys.exit(main())
