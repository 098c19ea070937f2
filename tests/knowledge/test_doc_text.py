"""Doc summaries: the first sentence of a botocore doc string, plain and short."""

from __future__ import annotations

import pytest

from bot.knowledge.doc_text import DOC_CHARS, first_sentence


def test_first_sentence_strips_tags_notes_and_entities() -> None:
    html = "<note><p>Not for directory buckets.</p></note> <p>Returns the <code>A&amp;B</code> rule. More.</p>"
    assert first_sentence(html) == "Returns the A&B rule."
    assert first_sentence("") == ""
    assert len(first_sentence("<p>" + "word " * 200 + "</p>")) <= DOC_CHARS


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>Uses the AWS. KMS key when set. Otherwise none.</p>", "Uses the AWS. KMS key when set."),
        ("<p>Stored in Amazon S3. Read daily.</p>", "Stored in Amazon S3."),
        ('<p>Set to "true". Then it works.</p>', 'Set to "true".'),
        ("<p>Is it on? Yes.</p>", "Is it on?"),
        ("<p>A version 1.2 value.</p>", "A version 1.2 value."),
        ("<p>" + "x" * 300 + ". Next.</p>", "x" * 239 + "…"),
    ],
)
def test_a_sentence_ends_after_a_lower_case_word_digit_or_quote(html: str, expected: str) -> None:
    assert first_sentence(html) == expected
