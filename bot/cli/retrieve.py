"""`controlbot retrieve REQUEST.yaml [-k N] [--json]`: the API context retrieval finds for a control request."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from bot.inputs.intake import load_request
from bot.knowledge.retrieval import request_query, retrieve


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"-k must be a whole number of at least 1, got {text!r}")
    return value


def register(parser: Any) -> None:
    """Add the command's arguments to its parser (bot/cli/main.py names it and gives its help)."""
    parser.add_argument("request", type=Path, help="a control request file (controls/<service>/<id>.yaml)")
    parser.add_argument("-k", type=_positive, default=10, help="operations and fields to keep (default 10)")
    parser.add_argument("--json", action="store_true", help="print the ranking as JSON instead of Boto3 text")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    request = load_request(args.request)
    found = retrieve(request.service, request_query(request), request.category, k=args.k)
    if args.json:
        print(json.dumps(found.to_json(), indent=2))
    else:
        print(found.render_boto3(), end="")
    return 0
