"""`controlbot eval` offline on a tiny benchmark: the JSON report, its metrics and the progress lines."""

from __future__ import annotations

import json
import statistics
from pathlib import Path

import pytest

from bot.cli.evaluate import METRICS
from bot.cli.main import main

BENCH = """\
- id: rds-instance-not-publicly-accessible
  service: rds
  resource: RDS DB instance
  requirement: Database instances must not be reachable from the public internet.
  category: public-access
  expected_operations: [DescribeDBInstances]
  expected_fields:
    - DBInstances[].PubliclyAccessible
- id: sqs-queue-encryption-made-up-operation
  service: sqs
  resource: SQS queue
  requirement: Queues must encrypt messages at rest with a KMS key.
  category: encryption-at-rest
  expected_operations: [DescribeQueueEncryptionThatDoesNotExist]
  expected_fields:
    - Encryption.KeyId
"""


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("CONTROLBOT_PROVIDER", "OPENAI_API_KEY", "OPENAI_BASE_URL", "CONTROLBOT_MODEL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_report_has_a_summary_and_one_entry_per_benchmark_item(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "bench.yaml").write_text(BENCH, encoding="utf-8")
    code = main(["eval", "bench.yaml", "--provider", "offline", "--json", "report.json", "--jobs", "1"])
    out, err = capsys.readouterr()
    assert code == 0, err
    report = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    assert set(report) == {"summary", "entries"}
    entries = report["entries"]
    assert [e["id"] for e in entries] == [
        "rds-instance-not-publicly-accessible",
        "sqs-queue-encryption-made-up-operation",
    ]
    for entry in entries:
        assert {*METRICS, "seconds", "tokens"} <= set(entry)
        assert all(entry[m] in (0.0, 1.0) for m in METRICS)
        assert entry["parse_valid"] == 1.0 and entry["grounded"] == 1.0
    made_up = entries[1]
    assert made_up["op_hit"] == 0.0 and made_up["field_hit"] == 0.0 and made_up["retrieval_op_recall"] == 0.0
    summary = report["summary"]
    assert summary["entries"] == 2 and summary["provider"] == "offline"
    for metric in METRICS:
        assert summary[metric] == pytest.approx(statistics.fmean(e[metric] for e in entries), abs=1e-3)
    assert json.loads(out) == summary
    for entry in entries:  # offline: every control is a draft, and none claims a high confidence
        assert entry["draft"] is True and entry["level"] in ("low", "medium") and 0 < entry["confidence"] <= 0.7
    assert summary["mean_confidence"] == pytest.approx(statistics.fmean(e["confidence"] for e in entries), abs=1e-3)
    assert summary["drafts"] == 2
    assert "[1/2] rds-instance-not-publicly-accessible: op_hit=" in err
    progress = "[2/2] sqs-queue-encryption-made-up-operation: op_hit=0 field_hit=0 grounded=1 confidence="
    assert progress in err and f"confidence={entries[1]['confidence']:.2f} draft\n" in err


def test_an_entry_that_is_not_a_valid_request_scores_zero_and_says_why(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bench = BENCH.split("- id: sqs")[0] + "- id: made-up\n  service: notaservice\n  resource: x\n  requirement: y\n"
    (folder / "bench.yaml").write_text(bench, encoding="utf-8")
    assert main(["eval", "bench.yaml", "--provider", "offline", "--json", "report.json"]) == 0
    made_up = json.loads((folder / "report.json").read_text(encoding="utf-8"))["entries"][1]
    assert all(made_up[m] == 0.0 for m in METRICS)
    assert "notaservice" in made_up["error"]
    assert made_up["confidence"] is None  # no control, no confidence: the mean is over the rated entries
    summary = json.loads(capsys.readouterr().out)
    assert summary["drafts"] == 1 and summary["mean_confidence"] is not None


@pytest.mark.parametrize(
    "text",
    ["id: not-a-list\n", "- service: s3\n  resource: bucket\n", "- id: [unclosed\n"],
    ids=["mapping", "no-id", "yaml"],
)
def test_a_malformed_benchmark_file_is_a_usage_error(
    folder: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    (folder / "bench.yaml").write_text(text, encoding="utf-8")
    assert main(["eval", "bench.yaml", "--provider", "offline"]) == 2
    assert "controlbot: bench.yaml:" in capsys.readouterr().err


def test_a_benchmark_value_pyyaml_cannot_build_is_a_usage_error_naming_the_file(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "bench.yaml").write_text(BENCH + "  title: 2001-13-45\n", encoding="utf-8")
    assert main(["eval", "bench.yaml", "--provider", "offline"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("controlbot: bench.yaml: cannot read the benchmark: a value cannot be read (month must be")
    assert "Traceback" not in err and err.count("\n") == 1


def test_an_entry_that_cannot_be_scored_scores_zero_and_the_run_completes(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bench = BENCH + "- id: no-service\n  resource: x\n  requirement: y\n"
    (folder / "bench.yaml").write_text(bench, encoding="utf-8")
    assert main(["eval", "bench.yaml", "--provider", "offline", "--json", "report.json"]) == 0
    entries = json.loads((folder / "report.json").read_text(encoding="utf-8"))["entries"]
    assert [e["id"] for e in entries] == [
        "rds-instance-not-publicly-accessible",
        "sqs-queue-encryption-made-up-operation",
        "no-service",
    ]
    assert "key 'service': is missing" in entries[2]["error"]
    assert all(entries[2][m] == 0.0 for m in METRICS)
    capsys.readouterr()
