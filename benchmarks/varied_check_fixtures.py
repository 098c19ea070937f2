"""Self-test of the varied fixtures: each makes on moto the states its entry tells apart, read back with boto3."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from benchmarks import varied_fixtures as fx
from benchmarks.varied_moto import SIDES, Clients, clients_for, fresh_moto, fresh_name

VARIED = Path(__file__).resolve().parent / "varied.yaml"

# (the deciding value read back on each side, problems found)
Result = tuple[list[Any], list[str]]


def coverage_problems() -> list[str]:
    """Every varied.yaml id is in exactly one of FIXTURES, ACCOUNT_LEVEL and SKIPPED, and nothing else is."""
    entries = {e["id"] for e in yaml.safe_load(VARIED.read_text(encoding="utf-8"))}
    homes = Counter(i for table in (fx.FIXTURES, fx.ACCOUNT_LEVEL, fx.SKIPPED) for i in table)
    problems = [f"{i}: in {n} of FIXTURES, ACCOUNT_LEVEL, SKIPPED" for i, n in homes.items() if n > 1]
    problems += [f"{i}: in none of FIXTURES, ACCOUNT_LEVEL, SKIPPED" for i in sorted(entries - set(homes))]
    return problems + [f"{i}: not a varied.yaml id" for i in sorted(set(homes) - entries)]


def identifier_problems(sides: dict[str, list[str]]) -> list[str]:
    """Both sides name identifiers, and none of one side's is inside one of another side's."""
    if not all(isinstance(ids, list) and ids and all(isinstance(x, str) and x for x in ids) for ids in sides.values()):
        return [f"bad identifiers {sides!r}"]
    return [
        f"{a!r} ({side}) is inside {b!r} ({other})"
        for side, mine in sides.items()
        for other, theirs in sides.items()
        if other != side
        for a in mine
        for b in theirs
        if a in b
    ]


def judge(values: dict[str, Any], holds: Any) -> list[str]:
    """The compliant value meets compliant_when and the non-compliant one does not."""
    problems = []
    for side in SIDES:
        try:
            met = bool(holds(values[side]))
        except Exception as error:  # a value of an unexpected shape is a fixture problem, said as such
            problems.append(f"{side}: compliant_when cannot be judged on {show(values[side])}: {error!r}")
            continue
        if met != (side == "compliant"):
            problems.append(f"{side} state {'meets' if met else 'fails'} compliant_when: {show(values[side])}")
    return problems


def check_resource(entry_id: str, clients: Clients) -> Result:
    """Make both sides (and the out-of-scope resource) of one per-resource fixture, read them back, judge."""
    fixture = fx.FIXTURES[entry_id]
    slug = entry_id.split("-")[0][:6]
    try:
        sides = {side: fixture.make(clients, fresh_name(slug, side[:3]), side == "compliant") for side in SIDES}
        if fixture.out_of_scope is not None:
            sides["out_of_scope"] = fixture.out_of_scope(clients, fresh_name(slug, "oos"))
        values = {side: fixture.read(clients, sides[side]) for side in SIDES}
    except Exception as error:  # this entry's problem; the others still run
        return [None, None], [f"make or read raised {type(error).__name__}: {error}"]
    return [values[s] for s in SIDES], identifier_problems(sides) + judge(values, fixture.holds)


def check_account(entry_id: str) -> Result:
    """Put an account-level setting in each state, each on its own fresh server, read it back, judge."""
    fixture = fx.ACCOUNT_LEVEL[entry_id]
    values = {}
    for side in SIDES:
        with fresh_moto() as url:
            clients = clients_for(url)
            try:
                fixture.put(clients, side == "compliant")
                values[side] = fixture.read(clients)
            except Exception as error:  # this entry's problem; the others still run
                return [None, None], [f"{side}: put or read raised {type(error).__name__}: {error}"]
    return [values[s] for s in SIDES], judge(values, fixture.holds)


def show(value: Any, width: int = 40) -> str:
    """A value as compact JSON, cut to width."""
    text = json.dumps(value, default=str, separators=(",", ":"))
    return text if len(text) <= width else text[: width - 1] + "…"


def check_fixtures(ids: list[str]) -> int:
    """Check the fixtures of the ids given (every per-resource one on one server); print; 1 on any problem."""
    results: dict[str, Result] = {}
    per_resource = [i for i in ids if i in fx.FIXTURES]
    if per_resource:
        with fresh_moto() as url:
            clients = clients_for(url)
            results.update({i: check_resource(i, clients) for i in per_resource})
    results.update({i: check_account(i) for i in ids if i in fx.ACCOUNT_LEVEL})
    results = {i: results[i] for i in ids if i in results}
    width = max([len(i) for i in results] + [2])
    print(f"{'id':<{width}} | {'compliant value':<40} | {'non-compliant value':<40} | OK")
    for entry_id, (values, problems) in results.items():
        print(f"{entry_id:<{width}} | {show(values[0]):<40} | {show(values[1]):<40} | {'NO' if problems else 'OK'}")
    bad = coverage_problems() + [f"{i}: {p}" for i, (_, problems) in results.items() for p in problems]
    account = sum(i in fx.ACCOUNT_LEVEL for i in results)
    print(
        f"\n{len(results) - len({b.split(':')[0] for b in bad})}/{len(results)} fixtures OK ({account} account-level)"
    )
    for entry_id in (i for i in ids if i in fx.SKIPPED):
        print(f"  skipped {entry_id}: {fx.SKIPPED[entry_id]}")
    for problem in bad:
        print(f"PROBLEM {problem}")
    return 1 if bad else 0


def main(argv: list[str] | None = None) -> int:
    """Check all fixtures, or the ids given."""
    parser = argparse.ArgumentParser(
        description=__doc__, epilog="Same as: python -m benchmarks.behaviour --check-fixtures"
    )
    parser.add_argument("ids", nargs="*", metavar="ID")
    args = parser.parse_args(argv)
    known = [*fx.FIXTURES, *fx.ACCOUNT_LEVEL, *fx.SKIPPED]
    return check_fixtures([i for i in known if not args.ids or i in args.ids])


if __name__ == "__main__":
    sys.exit(main())
