"""`controlbot catalogue list|show|search|add`: browse the shipped controls and copy one into the repository."""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from bot.corpus.catalogue import Catalogue, Entry
from bot.inputs.control_tests import SUFFIX
from bot.inputs.errors import UsageError
from bot.inputs.intake import ID_PATTERN, SEVERITIES
from bot.inputs.safe_text import safe_lines


def register(sub: Any) -> None:
    parser = sub.add_parser("catalogue", help="browse the shipped catalogue of tested controls, or copy one")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="the catalogue's controls, filtered")
    add_filters(listing)
    listing.add_argument("--format", choices=("text", "json"), default="text")
    show = actions.add_parser("show", help="one control: its request, feature and test cases")
    show.add_argument("control_id", metavar="ID")
    search = actions.add_parser("search", help="the controls whose requests read most like TEXT")
    search.add_argument("text", nargs="+", metavar="TEXT")
    search.add_argument("-k", type=int, default=10, help="how many to show (default 10)")
    add = actions.add_parser("add", help="copy a control (request, feature, test cases) into controls/")
    add.add_argument("control_id", metavar="ID")
    add.add_argument("--as", dest="new_id", metavar="NEW-ID", help="the id it gets in your repository")
    add.add_argument("--to", type=Path, default=Path("controls"), help="your controls folder (default controls/)")
    parser.set_defaults(run=run)


def add_filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--service", action="append", default=[], help="only this service (repeatable)")
    parser.add_argument(
        "--framework", action="append", default=[], help="only controls mapped to it, e.g. NIST-800-53 or AWS-FSBP:S3.5"
    )
    parser.add_argument("--severity", action="append", default=[], choices=SEVERITIES, help="only this severity")


def selected(catalogue: Catalogue, args: argparse.Namespace) -> list[Entry]:
    """The filtered entries; a filter that matches nothing is a usage error, not an empty run."""
    entries = catalogue.select(args.service, args.framework, args.severity)
    if not entries:
        unknown = sorted(set(args.service) - catalogue.services)
        hint = f" (no service {', '.join(unknown)} in the catalogue)" if unknown else ""
        raise UsageError(f"no catalogue control matches the filters{hint}")
    return entries


def _entry(catalogue: Catalogue, control_id: str) -> Entry:
    entry = catalogue.get(control_id)
    if entry is None:
        close = [e.id for e, _ in catalogue.search(control_id.replace("-", " "), 3)]
        hint = f"; did you mean {', '.join(close)}?" if close else "; see `controlbot catalogue list`"
        raise UsageError(f"no catalogue control '{control_id}'{hint}")
    return entry


def _list(catalogue: Catalogue, args: argparse.Namespace) -> int:
    entries = selected(catalogue, args)
    if args.format == "json":
        print(json.dumps([e.as_dict() for e in entries], indent=2))
    else:
        for e in entries:
            tested = "tested" if e.tests_path else "-"
            print(safe_lines(f"{e.id:<55} {e.request.severity or '-':<8} {tested:<7} {e.request.title or ''}"))
    services = len({e.service for e in entries})
    print(f"{len(entries)} control(s) over {services} service(s)", file=sys.stderr)
    return 0


def _show(catalogue: Catalogue, args: argparse.Namespace) -> int:
    entry = _entry(catalogue, args.control_id)
    parts = [("request", entry.request_path), ("feature", entry.feature_path)]
    parts += [("test cases", entry.tests_path)] if entry.tests_path else []
    for name, path in parts:
        print(f"# {name}: {path.name}")
        print(safe_lines(path.read_text(encoding="utf-8").rstrip()), end="\n\n")
    return 0


def _search(catalogue: Catalogue, args: argparse.Namespace) -> int:
    found = catalogue.search(" ".join(args.text), max(1, args.k))
    for entry, score in found:
        print(safe_lines(f"{score:6.2f}  {entry.id:<55} {entry.request.title or ''}"))
    if not found:
        print("no catalogue control matches", file=sys.stderr)
    return 0 if found else 1


def _add(catalogue: Catalogue, args: argparse.Namespace) -> int:
    entry = _entry(catalogue, args.control_id)
    new_id = args.new_id or entry.id
    if not re.match(ID_PATTERN, new_id):
        raise UsageError(f"--as {new_id}: an id is kebab-case (lower-case letters and digits joined by dashes)")
    folder = args.to / entry.service
    sources = {".yaml": entry.request_path, ".feature": entry.feature_path, SUFFIX: entry.tests_path}
    targets = {suffix: folder / f"{new_id}{suffix}" for suffix, source in sources.items() if source}
    taken = [t.as_posix() for t in targets.values() if t.exists()]
    if taken:
        raise UsageError(f"{', '.join(taken)} already exist(s); pick another id with --as")
    folder.mkdir(parents=True, exist_ok=True)
    for suffix, target in targets.items():
        text = (sources[suffix] or target).read_text(encoding="utf-8")
        if suffix == ".feature":
            text = text.replace(f"@control:{entry.id}", f"@control:{new_id}", 1)
        target.write_text(text, encoding="utf-8")
        print(target.as_posix())
    return 0


def run(args: argparse.Namespace) -> int:
    catalogue = Catalogue.load()
    for warning in catalogue.skipped:
        print(safe_lines(f"controlbot: catalogue: {warning}"), file=sys.stderr)
    actions = {"list": _list, "show": _show, "search": _search, "add": _add}
    return actions[args.action](catalogue, args)
