"""Wall time of the Action (`python -m bot`) on a PR with 20 requests vs 1, with the model answering in 300 ms."""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fakes.github_server import FakeGitHub  # noqa: E402
from tests.fakes.openai_server import FakeOpenAI  # noqa: E402
from tests.github.action_repo import PLAN, SEED, write_answer  # noqa: E402

REQUEST = (
    "title: S3 buckets keep every version of their objects ({n})\nservice: s3\nresource: S3 bucket\n"
    "requirement: Object versioning must be enabled on every bucket ({n}).\ncategory: versioning\n"
)


def run_pr(requests: int, latency: float, workdir: Path) -> tuple[float, int, int]:
    """Seconds for one pull_request run with `requests` request files; (seconds, model calls, exit code)."""
    with FakeGitHub() as gh, FakeOpenAI() as model:
        model.latency = latency
        model.default("analyse", '{"resource": "S3 bucket", "property": "versioning", "conditions": ["on"]}')
        model.default("plan", json.dumps(PLAN))
        model.default("write", write_answer)
        model.default("repair", write_answer)
        seed = {f"{SEED}{ext}": (ROOT / f"{SEED}{ext}").read_bytes() for ext in (".yaml", ".feature")}
        gh.commit("main", {"README.md": "controls\n", **seed}, "seed")
        files = {f"controls/s3/s3-versioning-{n:02}.yaml": REQUEST.format(n=n) for n in range(requests)}
        gh.commit("bench", files, "requests")
        number = gh.open_pr("bench")
        workspace = workdir / f"ws-{requests}"
        with tarfile.open(fileobj=io.BytesIO(gh.git.git("archive", "--format=tar", "refs/heads/main"))) as archive:
            archive.extractall(workspace, filter="data")
        event = workdir / f"event-{requests}.json"
        event.write_text(json.dumps(gh.pull_request_event(number)), encoding="utf-8")
        env = {
            **os.environ,
            "GITHUB_EVENT_NAME": "pull_request",
            "GITHUB_EVENT_PATH": str(event),
            "GITHUB_TOKEN": gh.token,
            "GITHUB_API_URL": gh.base_url,
            "GITHUB_WORKSPACE": str(workspace),
            "CONTROLBOT_PROVIDER": "openai",
            "OPENAI_BASE_URL": model.base_url,
            "OPENAI_API_KEY": "sk-bench",
        }
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "bot"], cwd=workspace, env=env, capture_output=True, text=True)
        seconds = time.perf_counter() - started
        if done.returncode != 0:
            print(done.stdout, done.stderr, file=sys.stderr)
        return seconds, len(model.requests), done.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--latency", type=float, default=0.3, help="seconds per model call (default 0.3)")
    parser.add_argument("--many", type=int, default=20, help="requests in the big PR (default 20)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each size; the median counts (default 3)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        results = {}
        for size in (1, args.many):
            runs = sorted(run_pr(size, args.latency, Path(tmp) / f"{size}-{n}") for n in range(args.repeat))
            seconds, calls, code = runs[len(runs) // 2]
            results[size] = seconds
            print(f"{size:>3} request(s): {seconds:6.2f} s median of {args.repeat}, {calls} model calls, exit {code}")
    ratio = results[args.many] / results[1]
    print(f"ratio {args.many} vs 1: {ratio:.2f}x (must be <= 3x)")
    return 0 if ratio <= 3 else 1


if __name__ == "__main__":
    sys.exit(main())
