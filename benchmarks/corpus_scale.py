"""Generation at catalogue scale: one new request and regenerating every merged control with 22 vs 1,000 controls
in the corpus (fresh processes, as from a shell), and how often each service index is built under --jobs 8."""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.validate_speed import make_corpus

ROOT = Path(__file__).resolve().parent.parent
NEW_REQUEST = """\
service: sqs
resource: SQS queue
requirement: Every queue must encrypt the messages it stores with a KMS key.
"""
EC2_REQUIREMENTS = (
    "EBS volumes must be encrypted.",
    "Instances must require IMDSv2 session tokens.",
    "Snapshots must not be public.",
    "Security groups must not allow SSH from anywhere.",
    "Instances must not have a public IP address.",
    "VPC flow logs must be enabled.",
    "AMIs must not be public.",
    "EBS encryption by default must be on in every region.",
)


def _generate(repo: Path, *paths: str) -> float:
    command = [sys.executable, "-m", "bot.cli.main", "generate", *paths, "--force", "--no-catalogue", "--jobs", "1"]
    started = time.perf_counter()
    env = {**os.environ, "XDG_CACHE_HOME": str(repo / ".cache")}  # the corpus cache of this repository only
    done = subprocess.run(command, capture_output=True, text=True, cwd=repo, env=env)
    if done.returncode not in (0, 1):  # 1: a request failed its checks, the others were written
        raise SystemExit(f"generate failed in {repo}: {done.stderr[-1500:]}")
    return time.perf_counter() - started


def one_new_request(size: int, runs: int) -> float:
    """Median seconds of `controlbot generate` for one new request in a repository holding `size` controls."""
    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp)
        make_corpus(repo, size)
        request = repo / "controls" / "sqs" / "queue-encrypted-new.yaml"
        request.parent.mkdir(parents=True, exist_ok=True)
        request.write_text(NEW_REQUEST, encoding="utf-8")
        _generate(repo, str(request))  # warm the file cache and the corpus cache, as any earlier run does
        return statistics.median(_generate(repo, str(request)) for _ in range(runs))


def regenerate_all(size: int) -> float:
    """Seconds to regenerate every merged control of a repository holding `size` controls."""
    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp)
        make_corpus(repo, size)
        return _generate(repo, "controls")


def index_builds() -> tuple[int, int]:
    """(search index builds, services) for 8 ec2 requests and 2 s3 ones generated with --jobs 8 in one process."""
    from bot.cli.main import main
    from bot.knowledge.search_index import search_index

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "controls"
        for n, requirement in enumerate(EC2_REQUIREMENTS):
            path = folder / "ec2" / f"ec2-request-{n}.yaml"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(f"service: ec2\nresource: EC2 resource\nrequirement: {requirement}\n", encoding="utf-8")
        for n in range(2):
            path = folder / "s3" / f"s3-request-{n}.yaml"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("service: s3\nresource: S3 bucket\nrequirement: Versioning must be on.\n", encoding="utf-8")
        before = search_index.builds
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            main(["generate", str(folder), "--jobs", "8", "--no-catalogue"])
        return search_index.builds - before, 2


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", type=int, nargs="+", default=[22, 200, 1000])
    args = parser.parse_args()
    small, large = min(args.sizes), max(args.sizes)
    new = {size: one_new_request(size, args.runs) for size in (small, large)}
    ratio = new[large] / new[small]
    print(f"one new request, median of {args.runs} fresh processes: {small} controls {new[small]:.2f} s, "
          f"{large} controls {new[large]:.2f} s, ratio {ratio:.2f} (target <= 1.2)")  # fmt: skip
    for size in args.sizes:
        seconds = regenerate_all(size)
        print(f"regenerate all {size} controls: {seconds:.1f} s, {1000 * seconds / size:.0f} ms per control")
    builds, services = index_builds()
    print(f"--jobs 8, 10 requests over {services} services: {builds} search index builds (target {services})")
    return 0 if ratio <= 1.2 and builds == services else 1


if __name__ == "__main__":
    sys.exit(main())
