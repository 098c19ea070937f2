"""Reports of a real run: SARIF that validates against the schema, and an HTML page that works in a browser."""

from __future__ import annotations

import importlib
import json
import os
import shutil
from pathlib import Path
from typing import Any

import boto3
import pytest

from bot.cli.main import main
from tests.runner.test_sarif_schema import schema_errors

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
# CI installs Chromium and sets this, so there the browser test runs or fails; a clone without one skips it.
# Root in a container needs no sandbox; the rest keeps Chromium from calling home on a closed network.
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
BROWSER_REQUIRED = os.environ.get("CONTROLBOT_REQUIRE_BROWSER") == "1"


def _buckets() -> None:
    s3 = boto3.client("s3", region_name="us-east-1")
    s3.create_bucket(Bucket="kept-bucket")
    s3.put_bucket_versioning(Bucket="kept-bucket", VersioningConfiguration={"Status": "Enabled"})
    s3.put_public_access_block(
        Bucket="kept-bucket",
        PublicAccessBlockConfiguration={
            k: True for k in ("BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets")
        },
    )
    s3.create_bucket(Bucket="loose-bucket")


def _run(tmp_path: Path) -> dict[str, Path]:
    _buckets()
    accepted = tmp_path / "accepted.yaml"
    accepted.write_text(
        "suppressions:\n  - control: s3-bucket-versioning-enabled\n    resource: loose-*\n"
        "    reason: scratch data\n    expires: 2999-01-01\n"
    )
    outputs = {fmt: tmp_path / f"report.{fmt}" for fmt in ("json", "sarif", "html")}
    args = ["check", "--catalogue", "--service", "s3", "--region", "us-east-1", "--suppressions", str(accepted)]
    main([*args, "--quiet", *(a for fmt, path in outputs.items() for a in ("--output", f"{fmt}:{path}"))])
    return outputs


@pytest.mark.usefixtures("aws")
def test_the_sarif_of_a_catalogue_run_validates_against_the_schema(tmp_path: Path) -> None:
    reports = _run(tmp_path)
    sarif = reports["sarif"].read_text()
    statuses = {f["status"] for f in json.loads(reports["json"].read_text())["findings"]}
    assert {"PASS", "FAIL", "SUPPRESSED"} <= statuses
    assert schema_errors(sarif) == []
    assert len(json.loads(sarif)["runs"][0]["results"]) > 0


def _browser_path() -> str:
    found = next((path for name in BROWSERS if (path := shutil.which(name))), None)
    if found is None:
        if BROWSER_REQUIRED:
            pytest.fail("CONTROLBOT_REQUIRE_BROWSER=1 but no Chromium on PATH (apt-get install chromium)")
        pytest.skip("no Chromium on PATH")
    return found


def _rows(page: Any) -> list[list[str]]:
    return page.eval_on_selector_all(  # type: ignore[no-any-return]
        "#table tbody tr", "rows => rows.map(r => [...r.cells].map(c => c.textContent))"
    )


@pytest.mark.usefixtures("aws")
def test_the_html_page_shows_the_totals_and_filters_and_sorts_in_a_real_browser(tmp_path: Path) -> None:
    executable = _browser_path()
    sync_api = (
        importlib.import_module("playwright.sync_api")
        if BROWSER_REQUIRED
        else pytest.importorskip("playwright.sync_api")
    )
    reports = _run(tmp_path)
    findings = json.loads(reports["json"].read_text())["findings"]
    count = {s: sum(f["status"] == s for f in findings) for s in ("PASS", "FAIL", "SUPPRESSED")}
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        page = browser.new_page()
        requests: list[str] = []
        problems: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.goto(reports["html"].as_uri())
        for status, n in count.items():
            assert page.text_content(f"[data-totals='By status'] .box.{status} b") == str(n)
        assert len(_rows(page)) == len(findings)
        assert page.text_content("#count") == f"{len(findings)} of {len(findings)} findings"

        page.fill("#filter", "loose-bucket")
        shown = _rows(page)
        assert len(shown) == sum(f["resource"] == "loose-bucket" for f in findings) > 0
        assert all(row[4] == "loose-bucket" for row in shown)

        page.fill("#filter", "")
        page.select_option("#status", "FAIL")
        assert {row[0] for row in _rows(page)} == {"FAIL"} and len(_rows(page)) == count["FAIL"]

        page.select_option("#status", "")
        page.click("th[data-key=control]")
        ascending = [row[2] for row in _rows(page)]
        page.click("th[data-key=control]")
        assert ascending == sorted(ascending) and [row[2] for row in _rows(page)] == sorted(ascending, reverse=True)
        browser.close()
    assert problems == [] and requests == [reports["html"].as_uri()]
