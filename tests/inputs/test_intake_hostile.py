"""Hostile request values: PyYAML's plain ValueErrors, merge keys, control and bidi characters are one clear error."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.inputs.errors import RequestError
from bot.inputs.intake import load_request, parse_request

FILE = "controls/s3/public-access.yaml"
VALID = b"service: s3\nresource: S3 bucket\nrequirement: Buckets must block public access.\n"


def refused(data: bytes) -> RequestError:
    with pytest.raises(RequestError) as caught:
        parse_request(data, FILE)
    message = str(caught.value)
    assert message.startswith(f"{FILE}:")
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in message), message
    return caught.value


@pytest.mark.parametrize(
    ("line", "key", "expected"),
    [
        (b"title: 2001-13-45", "title", "'2001-13-45' reads as a date or time but is not a valid one (month must"),
        (b"notes: 2024-02-30", "notes", "'2024-02-30' reads as a date or time but is not a valid one (day is out"),
        (b"notes: 0000-01-01", "notes", "(year 0 is out of range)"),
        (b"notes: 2001-12-14t21:59:43.10-99:00", "notes", "reads as a date or time but is not a valid one"),
        (b"notes: " + b"9" * 5000, "notes", "reads as a whole number too large to handle; put it in quotes"),
        (b"notes: 1" + b":59" * 3000 + b".5", "notes", "reads as a number too large to handle"),
    ],
    ids=["month-13", "february-30", "year-0", "offset-99h", "5000-digits", "sexagesimal-float"],
)
def test_scalars_pyyaml_cannot_build_name_the_key_and_line(line: bytes, key: str, expected: str) -> None:
    error = refused(VALID + b"category: logging\n" + line + b"\n")
    assert (error.key, error.line) == (key, 5)
    assert expected in str(error)


def test_an_escape_beyond_unicode_is_refused_with_its_line() -> None:
    error = refused(VALID + b'notes: "\\U00110000"\n')
    assert error.line == 4
    assert "an escape names no Unicode character" in str(error)


def test_huge_numbers_that_parse_are_described_without_printing_them() -> None:
    error = refused(VALID + b"notes: 0x" + b"f" * 6000 + b"\n")
    assert error.key == "notes" and "must be text, not a number (24000 bits long)" in str(error)
    assert len(str(error)) < 300


def test_a_merge_key_cannot_hide_a_second_service() -> None:
    error = refused(b"<<: {service: ec2}\n" + VALID)
    assert error.line == 1
    assert "YAML merge keys (<<) are not allowed" in str(error)


def test_a_merge_key_inside_a_value_is_refused_too() -> None:
    assert "merge keys" in str(refused(VALID + b"frameworks: [{<<: {a: b}}]\n"))


def test_a_key_given_twice_is_still_one_clear_error() -> None:
    error = refused(VALID + b"notes: one\nnotes: two\n")
    assert (error.key, error.line) == ("notes", 5)
    assert "appears twice (lines 4 and 5)" in str(error)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (b'"bucket \\e[31mred"', "U+001B (a control character) at position 8"),
        (b'"a\\0b"', "U+0000 (a control character) at position 2"),
        (b'"a\\x7fb"', "U+007F (a control character)"),
        (b'"a\\x9bb"', "U+009B (a control character)"),
        (b'"a\\rb"', "U+000D (a control character)"),
        ("bucket \u202eterces".encode(), "U+202E (RIGHT-TO-LEFT OVERRIDE) at position 8"),
        ("a \u2066b\u2069".encode(), "U+2066 (LEFT-TO-RIGHT ISOLATE)"),
        (b'"a\\u2028b"', "U+2028 (LINE SEPARATOR)"),
        (b'"a\\ud800"', "U+D800 (a lone surrogate)"),
    ],
    ids=["escape", "nul", "del", "c1-csi", "carriage-return", "rlo", "isolate", "line-separator", "surrogate"],
)
def test_control_and_bidi_characters_in_values_are_refused_naming_the_key(value: bytes, shown: str) -> None:
    error = refused(b"service: s3\nresource: " + value + b"\nrequirement: Buckets must block public access.\n")
    assert (error.key, error.line) == ("resource", 2)
    assert shown in str(error) and "bidirectional overrides or isolates" in str(error)


def test_control_characters_in_list_items_are_refused() -> None:
    error = refused(VALID + 'frameworks: [NIST, "CIS\u202e"]\n'.encode())
    assert error.key == "frameworks"


def test_tabs_and_newlines_in_prose_are_kept() -> None:
    data = b"service: s3\nresource: S3 bucket\nrequirement: |\n  Buckets must\n  \tblock public access.\n"
    assert parse_request(data, FILE).requirement == "Buckets must\n\tblock public access."


def test_an_unknown_key_with_escape_codes_is_named_escaped() -> None:
    error = refused(VALID + b'"\\e]0;pwned\\a": x\n')
    assert "key '\\x1b]0;pwned\\x07': unknown key" in str(error)


def test_a_file_name_with_a_newline_cannot_break_the_message_line() -> None:
    with pytest.raises(RequestError) as caught:
        parse_request(b"- a\n", "controls/s3/x\n::error::forged.yaml")
    assert "\n" not in str(caught.value)


def test_a_symlinked_request_is_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_bytes(VALID)
    link = tmp_path / "controls" / "s3" / "linked.yaml"
    link.parent.mkdir(parents=True)
    link.symlink_to(outside)
    with pytest.raises(
        RequestError, match=r"linked\.yaml: the path is a symbolic link; a request must be a regular file"
    ):
        load_request(link)
