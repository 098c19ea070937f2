"""Screenshots for the README, from a real run: `controlbot check` over part of the catalogue on a moto server
with a few compliant and non-compliant resources, its HTML page and its job summary (the Markdown rendered as
GitHub renders a summary, in plain HTML), each taken in headless Chromium. Needs the dev extra and Chromium:

    python -m docs.screenshots   # writes docs/images/report-page.png and docs/images/job-summary.png
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path

import boto3
from markdown_it import MarkdownIt
from moto.server import ThreadedMotoServer
from playwright.sync_api import sync_playwright

from bot.cli.main import main as controlbot

IMAGES = Path(__file__).with_name("images")
REGION = "us-east-1"
SERVICES = ("s3", "sqs", "dynamodb", "kms", "sns")
SUMMARY_STYLE = """body{font:14px -apple-system,BlinkMacSystemFont,'Segoe UI',sans-serif;color:#1f2328;margin:24px;
max-width:900px}table{border-collapse:collapse;margin:12px 0}th,td{border:1px solid #d1d9e0;padding:6px 13px}
tr:nth-child(2n){background:#f6f8fa}h2{border-bottom:1px solid #d1d9e0;padding-bottom:.3em}"""


def estate() -> None:
    """A small account: some resources as the controls want them, some not."""
    s3 = boto3.client("s3", region_name=REGION)
    for name in ("audit-logs", "web-assets", "scratch-data"):
        s3.create_bucket(Bucket=name)
    s3.put_bucket_versioning(Bucket="audit-logs", VersioningConfiguration={"Status": "Enabled"})
    blocked = dict.fromkeys(("BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"), True)
    s3.put_public_access_block(Bucket="audit-logs", PublicAccessBlockConfiguration=blocked)
    sqs = boto3.client("sqs", region_name=REGION)
    sqs.create_queue(QueueName="orders")
    sqs.create_queue(QueueName="legacy-jobs", Attributes={"SqsManagedSseEnabled": "false"})
    key = boto3.client("kms", region_name=REGION).create_key(Description="orders")["KeyMetadata"]["KeyId"]
    boto3.client("kms", region_name=REGION).enable_key_rotation(KeyId=key)
    boto3.client("kms", region_name=REGION).create_key(Description="unrotated")
    ddb = boto3.client("dynamodb", region_name=REGION)
    for table in ("sessions", "invoices"):
        ddb.create_table(TableName=table, KeySchema=[{"AttributeName": "k", "KeyType": "HASH"}],
                         AttributeDefinitions=[{"AttributeName": "k", "AttributeType": "S"}],
                         BillingMode="PAY_PER_REQUEST")  # fmt: skip
    ddb.update_continuous_backups(
        TableName="invoices", PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True}
    )
    boto3.client("sns", region_name=REGION).create_topic(Name="alerts")


def shoot(browser_page: object, url: str, target: Path, full_page: bool) -> None:
    browser_page.goto(url)  # type: ignore[attr-defined]
    browser_page.screenshot(path=str(target), full_page=full_page)  # type: ignore[attr-defined]
    print(f"wrote {target}")


def main() -> int:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if chromium is None:
        print("no Chromium on PATH (apt-get install chromium)", file=sys.stderr)
        return 1
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    moto = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    moto.start()
    host, port = moto.get_host_and_port()
    os.environ.update(AWS_ENDPOINT_URL=f"http://{host}:{port}", AWS_ACCESS_KEY_ID="testing",
                      AWS_SECRET_ACCESS_KEY="testing", AWS_DEFAULT_REGION=REGION)  # fmt: skip
    estate()
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        accepted = folder / "suppressions.yaml"
        accepted.write_text("suppressions:\n  - control: s3-bucket-versioning-enabled\n    resource: scratch-*\n"
                            "    reason: throwaway data, rebuilt nightly\n    expires: 2027-06-30\n")  # fmt: skip
        services = [a for s in SERVICES for a in ("--service", s)]
        outputs = ["--output", f"html:{folder / 'report.html'}", "--output", f"markdown:{folder / 'summary.md'}"]
        controlbot(["check", "--catalogue", *services, "--region", REGION, "--suppressions", str(accepted), "--quiet",
                    *outputs])  # fmt: skip
        summary = MarkdownIt("commonmark").enable("table").render((folder / "summary.md").read_text())
        (folder / "summary.html").write_text(f"<meta charset='utf-8'><style>{SUMMARY_STYLE}</style>{summary}")
        IMAGES.mkdir(exist_ok=True)
        with sync_playwright() as playwright:
            flags = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
            browser = playwright.chromium.launch(executable_path=chromium, args=flags)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            shoot(page, (folder / "report.html").as_uri(), IMAGES / "report-page.png", full_page=False)
            page.set_viewport_size({"width": 1100, "height": 700})
            shoot(page, (folder / "summary.html").as_uri(), IMAGES / "job-summary.png", full_page=False)
            browser.close()
    moto.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
