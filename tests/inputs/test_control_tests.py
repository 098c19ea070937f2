"""Test case files: what a valid one reads as, and one clear file:line message for each kind of mistake."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.inputs.control_tests import ControlTestError, load_control_tests, parse_control_tests

VALID = """\
cases:
  - name: rotation is on
    scenarios: [rotation is turned on]
    setup:
      - call: kms.CreateKey
        with: {Description: data key}
        save: {key: KeyMetadata.KeyId}
      - call: kms.EnableKeyRotation
        with: {KeyId: "${key}"}
    expect: {"${key}": PASS}
  - name: rotation is off
    setup:
      - call: kms.CreateKey
        save: {key: KeyMetadata.KeyId}
    expect: {"${key}": FAIL, "${account}": NOT_APPLICABLE}
"""


def test_a_valid_file_reads_as_cases_with_their_calls_saved_names_and_expectations() -> None:
    tests = parse_control_tests(VALID, "controls/kms/kms-key-rotation.test.yaml")
    assert tests.control == "kms-key-rotation"
    assert [c.name for c in tests.cases] == ["rotation is on", "rotation is off"]
    first = tests.cases[0]
    assert [(c.service, c.operation, c.line) for c in first.setup] == [
        ("kms", "CreateKey", 5),
        ("kms", "EnableKeyRotation", 8),
    ]
    assert first.setup[0].save == {"key": "KeyMetadata.KeyId"}
    assert first.scenarios == ("rotation is turned on",)
    assert tests.cases[1].expect == {"${key}": "FAIL", "${account}": "NOT_APPLICABLE"}
    assert tests.region == "us-east-1" and tests.skip is None


def test_a_skip_reason_stands_in_for_cases() -> None:
    tests = parse_control_tests("skip: moto has no GetWidget\n", "x.test.yaml")
    assert tests.skip == "moto has no GetWidget" and tests.cases == ()


@pytest.mark.parametrize(
    ("text", "located"),
    [
        ("casez: []\n", "x.test.yaml:1: key 'casez': unknown key; allowed keys: cases, skip, region"),
        ("cases: []\n", "x.test.yaml:1: key 'cases': must be a non-empty list of cases (or give a skip: reason)"),
        (
            "cases:\n  - name: a\n    setup:\n      - call: CreateBucket\n    expect: {b: PASS}\n",
            "x.test.yaml:4: key 'cases.0.setup.0.call': 'CreateBucket' must be service.Operation",
        ),
        (
            "cases:\n  - name: a\n    setup:\n      - call: s3.CreateBucket\n        with: {Bucket: '${bucket}'}\n    expect: {b: PASS}\n",
            "x.test.yaml:5: key 'cases.0.setup.0.with.Bucket': ${bucket} is not saved by an earlier call; known names: account, region",
        ),
        (
            "cases:\n  - name: a\n    expect:\n      b: OK\n",
            "x.test.yaml:4: key 'cases.0.expect.b': the status must be one of PASS, FAIL, NOT_APPLICABLE, not 'OK'",
        ),
        (
            "cases:\n  - name: a\n    expect: {b: PASS}\n  - name: a\n    expect: {b: FAIL}\n",
            "x.test.yaml:4: key 'cases.1.name': the case name 'a' is used twice",
        ),
        (
            "cases:\n  - name: a\n    setup:\n      - call: s3.CreateBucket\n        save: {Bucket-Name: Location}\n    expect: {b: PASS}\n",
            "x.test.yaml:5: key 'cases.0.setup.0.save.Bucket-Name': a saved name is lower_snake_case",
        ),
        ("cases:\n  - &one {name: a, expect: {b: PASS}}\n", "x.test.yaml:2: YAML anchors and aliases"),
        (
            "cases:\n  - name: a\n    setup:\n      - call: kms.CreateKey\n        save: KeyId\n    expect: {b: PASS}\n",
            "x.test.yaml:5: key 'cases.0.setup.0.save': must map names to JMESPath queries, e.g. {key_id: KeyMetadata.KeyId}, not",
        ),
        (
            "cases:\n  - name: a\n    expect: {b: PASS}\n    when: now\n",
            "x.test.yaml:4: key 'cases.0.when': unknown key",
        ),
    ],
)
def test_each_mistake_is_one_message_naming_the_file_line_and_key(text: str, located: str) -> None:
    with pytest.raises(ControlTestError) as raised:
        parse_control_tests(text, "x.test.yaml")
    assert str(raised.value).startswith(located), str(raised.value)


def test_a_file_that_is_not_utf8_is_refused_with_its_name(tmp_path: Path) -> None:
    path = tmp_path / "x.test.yaml"
    path.write_bytes(b"cases: \xff\n")
    with pytest.raises(ControlTestError, match=r"x\.test\.yaml: the file is not valid UTF-8"):
        load_control_tests(path)


def test_setup_parameters_may_nest_deeper_than_a_request() -> None:
    deep = "{IpPermissions: [{IpProtocol: tcp, IpRanges: [{CidrIp: 0.0.0.0/0, Description: {a: {b: c}}}]}]}"
    text = f"cases:\n  - name: a\n    setup:\n      - call: ec2.AuthorizeSecurityGroupIngress\n        with: {deep}\n    expect: {{b: PASS}}\n"
    assert parse_control_tests(text, "x.test.yaml").cases[0].setup[0].params["IpPermissions"][0]["IpProtocol"] == "tcp"


def test_a_file_whose_cases_never_expect_a_fail_proves_nothing(tmp_path: Path) -> None:
    path = tmp_path / "x.test.yaml"
    path.write_text("cases:\n  - name: a\n    expect: {b: PASS}\n", encoding="utf-8")
    with pytest.raises(ControlTestError, match=r"x\.test\.yaml:1: key 'cases': needs a case where a resource PASSes"):
        load_control_tests(path)
