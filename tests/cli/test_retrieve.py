"""`controlbot retrieve`: a request file in, the ranked Boto3 context (text or JSON) out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli.main import main

REQUEST = """\
title: Buckets block every form of public access
service: Amazon S3
resource: S3 bucket
requirement: >
  S3 buckets must block public ACLs and public bucket policies.
category: public-access
"""


def _write(tmp_path: Path, text: str, name: str = "s3-buckets-block-public-access.yaml") -> Path:
    path = tmp_path / "controls" / "s3" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_json_lists_k_ranked_operations_and_fields(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, REQUEST)
    assert main(["retrieve", str(path), "--json", "-k", "5"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["service"] == "s3"  # the alias was resolved to the boto3 client name
    assert len(out["operations"]) == len(out["fields"]) == 5
    assert out["operations"][0]["name"] == "GetPublicAccessBlock"
    assert all(set(o) == {"name", "score"} and isinstance(o["score"], float) for o in out["operations"])
    assert all(set(f) == {"operation", "path", "score"} for f in out["fields"])
    assert {"operation": "GetPublicAccessBlock", "path": "PublicAccessBlockConfiguration.BlockPublicAcls"} in [
        {"operation": f["operation"], "path": f["path"]} for f in out["fields"]
    ]


def test_text_is_the_boto3_context(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, REQUEST)
    assert main(["retrieve", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith('client = boto3.client("s3")\nclient.get_public_access_block(Bucket=str)')
    assert "  -> PublicAccessBlockConfiguration.BlockPublicAcls: boolean" in out


def test_a_bad_request_is_one_message_naming_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, REQUEST + "colour: blue\n")
    assert main(["retrieve", str(path)]) == 2
    err = capsys.readouterr().err
    assert str(path.as_posix()) in err and "colour" in err and "Traceback" not in err


def test_a_missing_file_and_a_bad_k_are_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["retrieve", str(tmp_path / "nope.yaml")]) == 2
    assert "nope.yaml" in capsys.readouterr().err
    with pytest.raises(SystemExit) as stop:
        main(["retrieve", str(_write(tmp_path, REQUEST)), "-k", "0"])
    assert stop.value.code == 2
    assert "at least 1" in capsys.readouterr().err
