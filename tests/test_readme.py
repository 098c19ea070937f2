"""The README says what is true: its commands, flags, examples, sample output and workflow copy are checked."""

from __future__ import annotations

import argparse
import re
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import boto3
import pytest
import yaml
from moto.server import ThreadedMotoServer

from bot.cli.main import build_parser, main
from bot.inputs.intake import parse_request
from bot.language.checker import check_feature
from bot.language.grammar import STEP_FORMS
from tests.paths import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    return README.split(f"\n{title}\n", 1)[1].split("\n## ", 1)[0]


def code_blocks(text: str, language: str = "") -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", text, re.DOTALL | re.MULTILINE)


def subcommands() -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_the_commands_table_names_every_command_and_flag_and_only_real_ones() -> None:
    rows = re.findall(r"^\| `controlbot (\w+)([^`]*)`", section("## Commands"), re.MULTILINE)
    documented = {name: set(re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", rest)) for name, rest in rows}
    parsers = subcommands()
    assert set(documented) == set(parsers)
    for name, parser in parsers.items():
        options = [
            set(a.option_strings) for a in parser._actions if a.option_strings and "--help" not in a.option_strings
        ]
        assert documented[name] <= set().union(*options), f"controlbot {name}: the README names a flag it lacks"
        assert all(flags & documented[name] for flags in options), f"controlbot {name}: a flag is missing"


def test_the_step_forms_listed_are_the_language() -> None:
    listed = re.findall(r"^- `(.+)`$", section("## The control language"), re.MULTILINE)
    assert [form.split(" (")[0] for form in listed] == [form.split(" (")[0] for form in STEP_FORMS]


def test_the_request_example_is_a_valid_request() -> None:
    [example] = code_blocks(section("## A control request"), "yaml")
    request = parse_request(example.encode(), "controls/sagemaker/automl-job-output-encrypted.yaml")
    assert (request.service, request.severity, request.category) == ("sagemaker", "high", "encryption-at-rest")


def test_the_feature_example_is_the_catalogue_file_and_validates() -> None:
    language = section("## The control language")
    path = re.search(r"An example \(`(controls/[^`]+\.feature)`\)", language)
    assert path is not None
    [example] = code_blocks(language, "gherkin")
    assert example == (REPO / path[1]).read_text(encoding="utf-8")
    assert check_feature(example, path[1]) == []


def workflow_rules(text: str) -> dict[str, object]:
    workflow = yaml.safe_load(text)
    job = workflow["jobs"]["controlbot"]
    return {
        "on": workflow[True],  # PyYAML reads the key `on` as the boolean true
        "permissions": workflow["permissions"],
        "if": job["if"],
        "concurrency": job["concurrency"],
        "job permissions": job["permissions"],
    }


def test_the_workflow_to_copy_has_the_rules_of_the_workflow_this_repository_runs() -> None:
    [copy] = code_blocks(README.split("### The workflow to copy", 1)[1], "yaml")[:1]
    real = (REPO / ".github" / "workflows" / "controlbot.yml").read_text(encoding="utf-8")
    assert workflow_rules(copy) == workflow_rules(real)
    steps = yaml.safe_load(copy)["jobs"]["controlbot"]["steps"]
    [action] = [step for step in steps if "/controlbot@" in step.get("uses", "")]
    action_inputs = set(yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))["inputs"])
    assert set(action["with"]) <= action_inputs


def test_the_action_inputs_listed_are_the_action_yml_inputs() -> None:
    listed = re.search(r"The action's inputs: (.+?)\.\n", README, re.DOTALL)
    assert listed is not None
    names = set(re.findall(r"`([a-z-]+)`", listed[1])) - {"python", "3"}
    action_inputs = set(yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))["inputs"])
    assert names == action_inputs


# --- the sample `check` output is a real run: the same resources on moto give the same lines ----------


@pytest.fixture
def moto_account(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    urllib.request.urlopen(urllib.request.Request(f"http://{host}:{port}/moto-api/reset", method="POST")).close()
    for name in ("AWS_PROFILE", "AWS_REGION", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_ENDPOINT_URL", f"http://{host}:{port}")
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "no-credentials"))
    yield
    server.stop()


def sample_resources() -> None:
    """The account behind the README's sample: two tables (one recoverable), two buckets, a weak policy."""
    dynamodb = boto3.client("dynamodb", region_name="us-east-1")
    for name in ("orders", "sessions"):
        dynamodb.create_table(
            TableName=name,
            KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST",
        )
    dynamodb.update_continuous_backups(
        TableName="orders", PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True}
    )
    s3 = boto3.client("s3", region_name="us-east-1")
    for bucket in ("billing-exports", "web-assets"):
        s3.create_bucket(Bucket=bucket)
    s3.put_bucket_versioning(Bucket="billing-exports", VersioningConfiguration={"Status": "Enabled"})
    boto3.client("iam").update_account_password_policy(MinimumPasswordLength=8, PasswordReusePrevention=24)


def test_the_sample_check_output_is_what_check_prints(
    moto_account: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    [sample] = code_blocks(section("## Running controls: `controlbot check`"))[:1]
    command, *expected = sample.rstrip("\n").split("\n")
    assert command.startswith("$ controlbot check ")
    sample_resources()
    monkeypatch.chdir(REPO)

    code = main(command.removeprefix("$ controlbot ").split())

    printed = capsys.readouterr().out.rstrip("\n").split("\n")
    assert [line.rstrip() for line in printed] == [line.rstrip() for line in expected]
    assert f"(exit code {code}:" in section("## Running controls: `controlbot check`")
