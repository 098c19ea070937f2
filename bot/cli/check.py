"""`controlbot check [PATH ...]`: run controls against AWS accounts and report a finding per resource."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

import boto3
from botocore.config import Config
from botocore.exceptions import (
    BotoCoreError,
    ClientError,
    ConnectTimeoutError,
    EndpointConnectionError,
    NoCredentialsError,
    ProfileNotFound,
    ReadTimeoutError,
)

from bot.cli.accounts import Account, assumed, check_account_options, organization_accounts
from bot.cli.catalogue import add_filters
from bot.cli.check_reports import in_shard, parse_outputs, parse_shard, progress_printer, select_controls, write_reports
from bot.corpus.catalogue import Catalogue
from bot.inputs.errors import UsageError
from bot.inputs.files import find_features
from bot.inputs.safe_text import one_line
from bot.inputs.suppressions import DEFAULT_FILE as SUPPRESSIONS_FILE
from bot.inputs.suppressions import Suppression, SuppressionError, load_suppressions
from bot.language.feature import ParsedFeature, parse_feature, read_feature_file
from bot.runner.calls import DEFAULT_MAX_PAGES, ApiCache, ClientFactory, session_clients
from bot.runner.findings import Finding, exit_code
from bot.runner.reports import FORMATS, ControlInfo
from bot.runner.run import DEFAULT_MAX_RESOURCES, DEFAULT_TIMEOUT_S, RunOptions, control_id, run_controls
from bot.runner.suppress import apply_suppressions

DEFAULT_WORKERS = 8
DEFAULT_MAX_ATTEMPTS = 10
CONNECT_TIMEOUT_S = 10
PREFLIGHT_TIMEOUT_S = 5  # the STS check before any control runs
REFUSED_CREDENTIALS = frozenset(
    {
        "InvalidClientTokenId",
        "SignatureDoesNotMatch",
        "ExpiredToken",
        "ExpiredTokenException",
        "UnrecognizedClientException",
        "AccessDenied",
    }
)
READ_TIMEOUT_S = 30  # botocore's default is 60: a stalled endpoint holds a worker for at most this per attempt


def register(parser: Any) -> None:
    """Add the command's arguments to its parser (bot/cli/main.py names it and gives its help)."""
    parser.add_argument("paths", nargs="*", type=Path, help="feature files or folders (default: controls/)")
    parser.add_argument(
        "--catalogue", action="store_true", help="run the shipped catalogue's controls (filtered by the options below)"
    )
    add_filters(parser)
    parser.add_argument(
        "--region", action="append", dest="regions", help="region to check (repeatable; default: configured)"
    )
    parser.add_argument("--profile", help="AWS profile (default: the standard boto3 credential chain)")
    parser.add_argument("--role-arn", metavar="TEMPLATE", help="role to assume in each account: ...:{account}:role/x")
    parser.add_argument("--account", action="append", default=[], dest="accounts", help="account id (repeatable)")
    parser.add_argument("--organization", action="store_true", help="every active account of the AWS Organization")
    parser.add_argument("--control", action="append", default=[], help="only this control id (repeatable)")
    parser.add_argument("--quiet", action="store_true", help="no progress and no summary line on stderr")
    parser.add_argument(
        "--shard",
        metavar="I/N",
        help="report the I-th of N shares of the findings, by account, control, region and resource (a CI matrix)",
    )
    parser.add_argument(
        "--suppressions",
        type=Path,
        help=f"accepted exceptions (default: {SUPPRESSIONS_FILE} when it exists); a covered FAIL is SUPPRESSED",
    )
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    parser.add_argument(
        "--output",
        action="append",
        default=[],
        metavar="[FORMAT:]FILE",
        help="write a report to FILE instead of stdout, in FORMAT or --format (repeatable: one per format)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=DEFAULT_WORKERS,
        help="calls in flight per service and region (default 8; up to 64 threads in all)",
    )
    parser.add_argument(
        "--max-pages", type=int, default=DEFAULT_MAX_PAGES, help=f"pages read per listing (default {DEFAULT_MAX_PAGES})"
    )
    parser.add_argument(
        "--max-resources",
        type=int,
        default=DEFAULT_MAX_RESOURCES,
        help=f"resources checked per scenario and region (default {DEFAULT_MAX_RESOURCES})",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT_S,
        help=f"seconds the whole run may take; what is left is reported ERROR (default {DEFAULT_TIMEOUT_S:g})",
    )
    parser.set_defaults(run=run)


def boto3_clients(
    session: Any, workers: int = DEFAULT_WORKERS, max_attempts: int = DEFAULT_MAX_ATTEMPTS
) -> ClientFactory:
    """Clients for a check run: adaptive retries, bounded timeouts, a connection pool as wide as the workers."""
    config = Config(
        retries={"mode": "adaptive", "max_attempts": max_attempts},
        connect_timeout=CONNECT_TIMEOUT_S,
        read_timeout=READ_TIMEOUT_S,
        max_pool_connections=max(10, workers),
        user_agent_extra="controlbot-check",
    )
    return session_clients(session, config)


def _read_feature(path: Path) -> ParsedFeature:
    """The parsed feature; a file over the size limit is refused before it is read."""
    text, problem = read_feature_file(path)
    return ParsedFeature(syntax_errors=[(1, problem)]) if problem else parse_feature(text, str(path))


def load_features(paths: list[Path]) -> tuple[list[tuple[str, ParsedFeature]], list[Finding]]:
    """(control id, feature) for each file that parses; an ERROR finding, also printed, for each that does not."""
    controls: list[tuple[str, ParsedFeature]] = []
    broken: list[Finding] = []
    for path in paths:
        feature = _read_feature(path)
        if feature.syntax_errors:
            for line, message in feature.syntax_errors:
                print(one_line(f"{path}:{line}: not a valid feature: {message}"), file=sys.stderr)
            reasons = tuple(f"{path}:{line}: {message}" for line, message in feature.syntax_errors)
            broken.append(Finding(path.stem, "-", "-", "-", "ERROR", reasons))
        else:
            controls.append((control_id(feature, path.stem), feature))
    return controls, broken


def _session(profile: str | None) -> Any:
    try:
        return boto3.Session(profile_name=profile)
    except ProfileNotFound as error:
        raise UsageError(f"--profile: {error}") from None


def _account_id(session: Any, region: str) -> str:
    """The account id (for naming account-setting findings), asked first and fast: credentials AWS refuses or
    an endpoint that does not answer end the run in seconds with one line, not after minutes of retries."""
    quick = Config(connect_timeout=PREFLIGHT_TIMEOUT_S, read_timeout=PREFLIGHT_TIMEOUT_S, retries={"max_attempts": 1})
    try:
        return str(session.client("sts", region_name=region, config=quick).get_caller_identity()["Account"])
    except NoCredentialsError:
        raise UsageError(
            "no AWS credentials found: use --profile, AWS_PROFILE, environment keys, SSO or a role"
        ) from None
    except (EndpointConnectionError, ConnectTimeoutError, ReadTimeoutError) as error:
        raise UsageError(f"cannot reach AWS STS to check the credentials: {one_line(str(error), 300)}") from None
    except ClientError as error:
        code = error.response.get("Error", {}).get("Code", "")
        if code in REFUSED_CREDENTIALS:
            raise UsageError(f"AWS refused the credentials ({code}): {one_line(str(error), 300)}") from None
        return ""  # an STS that answers something else (a partial emulator) does not stop the run
    except BotoCoreError:
        return ""


def _check_bounds(args: argparse.Namespace) -> None:
    for flag, value in (("--workers", args.workers), ("--max-pages", args.max_pages)):
        if value < 1:
            raise UsageError(f"{flag} must be at least 1, not {value}")
    if args.max_resources < 1:
        raise UsageError(f"--max-resources must be at least 1, not {args.max_resources}")
    if not 0 < args.timeout < float("inf"):
        raise UsageError(f"--timeout must be a positive number of seconds, not {args.timeout}")


def _regions(args: argparse.Namespace, session: Any) -> tuple[str, ...]:
    """--region, else the session's region, else AWS_REGION (botocore itself reads only AWS_DEFAULT_REGION)."""
    configured = session.region_name or os.environ.get("AWS_REGION", "")
    regions = tuple(dict.fromkeys(args.regions or [configured]))
    if not all(regions):
        raise UsageError("no region configured: pass --region, or set AWS_REGION or a profile region")
    return regions


def _suppressions(path: Path | None) -> tuple[Suppression, ...]:
    """--suppressions, else .controlbot-suppressions.yaml when there is one; a broken file stops the run."""
    if path is None:
        path = Path(SUPPRESSIONS_FILE)
        if not path.is_file():
            return ()
    try:
        return load_suppressions(path)
    except SuppressionError as error:
        raise UsageError(str(error)) from None


def _feature_paths(args: argparse.Namespace) -> list[Path]:
    """The features to run: the paths given, the catalogue with --catalogue, else controls/ (the filters apply
    to all of them, by their tags, in select_controls)."""
    chosen = [e.feature_path for e in Catalogue.load().entries] if args.catalogue else []
    if args.paths or not args.catalogue:
        chosen += find_features(args.paths or [Path("controls")])
    unique: dict[Path, Path] = {}
    for path in chosen:  # a repository's controls/ may be the catalogue itself (this repository's is)
        unique.setdefault(path.resolve(), path)
    return list(unique.values())


def _accounts(args: argparse.Namespace, session: Any, region: str, caller: str) -> list[Account]:
    if not args.role_arn:
        return [Account(caller, session)]
    ids = organization_accounts(session, region) if args.organization else list(dict.fromkeys(args.accounts))
    return [assumed(session, args.role_arn, account, region) for account in ids]


def run(args: argparse.Namespace) -> int:
    _check_bounds(args)
    check_account_options(args.role_arn, args.accounts, args.organization)
    outputs = parse_outputs(args.output, args.format)
    suppressions = _suppressions(args.suppressions)
    controls, broken = load_features(_feature_paths(args))
    infos = {control: ControlInfo.of(control, feature, feature.uri) for control, feature in controls}
    controls = select_controls(controls, args)
    shard = parse_shard(args.shard)
    session = _session(args.profile)
    regions = _regions(args, session)
    caller = _account_id(session, regions[0])
    findings = [replace(f, account=caller) for f in broken if in_shard(shard, caller, f.control, f.region, f.resource)]
    for account in _accounts(args, session, regions[0], caller):
        if account.session is None:
            if in_shard(shard, account.id, "assume role", "-"):
                findings.append(Finding("-", "assume role", "-", "-", "ERROR", (account.problem,), account.id))
            continue
        cache = ApiCache(boto3_clients(account.session, args.workers), args.max_pages, per_endpoint=args.workers)
        shown = progress_printer(args.quiet, lambda: sum(cache.calls.values()))  # noqa: B023
        owns = partial(in_shard, shard, account.id)
        options = RunOptions(regions, account.id, args.workers, args.max_resources, args.timeout, shown, owns)
        ran = run_controls(controls, cache, options)
        findings += [
            replace(f, account=account.id) for f in apply_suppressions(ran, suppressions, account.id, dt.date.today())
        ]
    write_reports(findings, infos, outputs, args.format, args.quiet)
    return exit_code(findings)
