"""The provenance comment: its format, reading it back, and whether a feature is up to date."""

from __future__ import annotations

import hashlib

from bot.inputs.provenance import is_up_to_date, provenance_line, read_provenance, with_provenance

SHA = hashlib.sha256(b"service: s3\n").hexdigest()
OTHER = hashlib.sha256(b"service: sqs\n").hexdigest()
BODY = "@control:x @service:s3\nFeature: x\n"


def test_the_line_names_hash_provider_model_and_prompt() -> None:
    line = provenance_line(SHA, "openai", "gpt-4o-mini", "1a2b3c4d")
    assert line == f"# controlbot: request-sha256={SHA} provider=openai model=gpt-4o-mini prompt=1a2b3c4d"


def test_an_empty_model_is_written_as_a_dash() -> None:
    assert read_provenance(provenance_line(SHA, "offline", "", "1"))["model"] == "-"


def test_the_line_reads_back() -> None:
    text = with_provenance(BODY, provenance_line(SHA, "bedrock", "anthropic.claude-3:0", "9"))
    assert read_provenance(text) == {
        "request-sha256": SHA,
        "provider": "bedrock",
        "model": "anthropic.claude-3:0",
        "prompt": "9",
    }


def test_a_feature_is_up_to_date_only_for_the_same_request_bytes() -> None:
    text = with_provenance(BODY, provenance_line(SHA, "offline", "-", "1"))
    assert is_up_to_date(text, SHA)
    assert not is_up_to_date(text, OTHER)
    assert not is_up_to_date(BODY, SHA)
    assert not is_up_to_date(f"{BODY}# controlbot: request-sha256={SHA}\n", SHA)


def test_a_hand_written_feature_has_no_provenance() -> None:
    assert read_provenance("# a comment\n" + BODY) == {}
    assert read_provenance("") == {}


def test_an_older_line_is_replaced_not_stacked() -> None:
    old = with_provenance(BODY, provenance_line(OTHER, "offline", "-", "1"))
    new = with_provenance(old, provenance_line(SHA, "openai", "m", "2"))
    assert new.count("# controlbot:") == 1
    assert new.splitlines()[0].endswith("provider=openai model=m prompt=2")
    assert is_up_to_date(new, SHA)


def test_a_bom_and_leading_blank_lines_are_dropped_and_one_newline_ends_the_file() -> None:
    text = with_provenance("\ufeff\n\n" + BODY + "\n\n\n", provenance_line(SHA, "offline", "-", "1"))
    lines = text.split("\n")
    assert lines[0].startswith("# controlbot:") and lines[1] == "@control:x @service:s3"
    assert text.endswith("Feature: x\n") and "\ufeff" not in text


def test_a_bom_before_the_line_does_not_hide_it() -> None:
    text = "\ufeff" + provenance_line(SHA, "offline", "-", "1") + "\n" + BODY
    assert is_up_to_date(text, SHA)
