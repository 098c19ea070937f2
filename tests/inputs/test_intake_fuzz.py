"""Property-based fuzzing of request intake: only RequestError escapes, accepted requests have the promised types."""

from __future__ import annotations

import json

import pytest
from hypothesis import event, find, given, settings
from hypothesis import strategies as st

from bot.inputs.errors import RequestError
from bot.inputs.intake import (
    ALLOWED_KEYS,
    CATEGORIES,
    SEVERITIES,
    ControlRequest,
    load_request,
    parse_request,
)
from bot.inputs.safe_text import FORBIDDEN_IN_TEXT
from bot.inputs.services import service_names

FILE = "controls/s3/fuzzed-request.yaml"
VALID = {"service": "s3", "resource": "S3 bucket", "requirement": "Buckets must block public access."}
# Scalars PyYAML reads in surprising ways, and YAML features a request must refuse.
ODD_SCALARS = [
    "2001-13-45", "2024-02-30", "2001-12-14", "0000-01-01", "9999-12-31 23:59:60", "2001-12-14t21:59:43.10-99:00",
    "9" * 4400, "0x" + "f" * 4000, "0b" + "1" * 300, "1" + ":59" * 1500, "1" + ":59" * 1500 + ".5", "1.0e999",
    ".nan", "-.inf", "~", "null", "yes", "off", "0o17", "190:20:30", "=", "<<", "!!binary aGk=", "!!set {a}",
    "!!timestamp 2001-01-01", "!!python/name:os.system", "!local x", "! 2001-13-45", "&a x", "*a", "&a [*a, *a]",
    '"\\U00110000"', '"\\ud800"', '"\\e[31m"', '"\\x00"', '"\\u202e"', '"\\N"', "'it''s'", "|\n  block\n  text",
    ">-\n  folded", "[a, [b, [c, [d]]]]", "{a: b, a: c}", "{<<: {a: b}}", "[" * 12 + "]" * 12, "? [a]\n: b",
    "Amazon SageMaker", "cloudwatch logs", "NIST-800-53:SC-28", "HIGH", "Encryption at rest", "",
]  # fmt: skip
KEYS = [*ALLOWED_KEYS, "colour", "<<", "Service", "? x", "'notes'", "1", "2001-13-45", "\u202enotes"]


def flow(values: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Flow collections of the given scalars, nested up to a depth beyond the intake's limit."""
    return st.recursive(
        values,
        lambda inner: st.one_of(
            st.lists(inner, max_size=3).map(lambda xs: "[" + ", ".join(xs) + "]"),
            st.lists(st.tuples(st.sampled_from(KEYS), inner), max_size=3).map(
                lambda kv: "{" + ", ".join(f"{k}: {v}" for k, v in kv) + "}"
            ),
        ),
        max_leaves=12,
    )


scalars = st.one_of(
    st.sampled_from(ODD_SCALARS),
    st.text(max_size=30).map(lambda s: json.dumps(s, ensure_ascii=False)),
    st.text(max_size=30).map(json.dumps),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=20),
    st.sampled_from(sorted(service_names())[:40]),
)
values = st.one_of(scalars, flow(st.sampled_from(ODD_SCALARS[:30]) | scalars))


# Plausible values, so that a good share of the generated requests is accepted and its types checked.
plausible = st.one_of(
    st.tuples(st.just("category"), st.sampled_from([*CATEGORIES, "Encryption at rest", "BACKUP_RECOVERY"])),
    st.tuples(st.just("severity"), st.sampled_from([*SEVERITIES, "HIGH", " Low "])),
    st.tuples(st.just("service"), st.sampled_from(["s3", "Amazon SageMaker", "cloudwatch logs", "ec2", "AWS Lambda"])),
    st.tuples(
        st.just("frameworks"),
        st.lists(st.from_regex(r"[A-Z]{2,5}-[0-9]{1,3}:[A-Z]{2}-[0-9]{1,2}", fullmatch=True), max_size=3).map(
            json.dumps
        ),
    ),
    st.tuples(
        st.sampled_from(["title", "notes", "requirement", "resource"]),
        st.text(st.characters(codec="utf-8", categories=["L", "N", "P", "Zs"]), min_size=1, max_size=40).map(
            lambda text: json.dumps(text, ensure_ascii=False)
        ),
    ),
)


@st.composite
def request_texts(draw: st.DrawFn) -> str:
    """A request: the valid keys, some replaced, some added, some dropped, in any order."""
    lines = {key: json.dumps(value) for key, value in VALID.items()}
    changes = st.one_of(plausible, plausible, st.tuples(st.sampled_from(KEYS), values))
    for key, value in draw(st.lists(changes, max_size=5)):
        lines[key] = value
    if draw(st.integers(0, 3)) == 0:
        lines.pop(draw(st.sampled_from(list(VALID))), None)
    order = draw(st.permutations(list(lines)))
    return "\n".join(f"{key}: {lines[key]}" for key in order) + "\n"


@st.composite
def request_bytes(draw: st.DrawFn) -> bytes:
    """A request's bytes, sometimes with a BOM, random bytes spliced in or cut short."""
    data = draw(request_texts()).encode("utf-8", errors="surrogatepass")
    if draw(st.booleans()):
        data = b"\xef\xbb\xbf" + data
    if draw(st.integers(0, 3)) == 0:
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(max_size=8)) + data[at:]
    if draw(st.integers(0, 3)) == 0:
        data = data[: draw(st.integers(0, len(data)))]
    return data


def assert_promised_types(request: ControlRequest) -> None:
    assert request.id == "fuzzed-request" and request.path == FILE and len(request.sha256) == 64
    assert request.service in service_names()
    for text in (request.resource, request.requirement, request.title, request.notes):
        assert text is None or (isinstance(text, str) and text.strip() == text and text)
        assert text is None or not FORBIDDEN_IN_TEXT.search(text)
    assert request.category in (None, *CATEGORIES) and request.severity in (None, *SEVERITIES)
    assert isinstance(request.frameworks, tuple)
    assert all(isinstance(f, str) and f and not any(c.isspace() for c in f) for f in request.frameworks)
    assert "\n" not in request.resource and (request.title is None or "\n" not in request.title)


def accept_or_refuse(data: bytes) -> None:
    try:
        request = parse_request(data, FILE)
    except RequestError as error:
        message = str(error)
        assert message.startswith(f"{FILE}:") and "\n" not in message
        assert not FORBIDDEN_IN_TEXT.search(message) and "\t" not in message
        event("refused")
        return
    event("accepted")
    assert_promised_types(request)


@pytest.mark.fuzz
@given(request_bytes())
def test_request_bytes_are_accepted_with_promised_types_or_refused_clearly(data: bytes) -> None:
    accept_or_refuse(data)


@pytest.mark.fuzz
@given(st.binary(max_size=300) | st.text(max_size=200).map(lambda s: s.encode("utf-8", "surrogatepass")))
def test_arbitrary_bytes_are_accepted_or_refused_clearly(data: bytes) -> None:
    accept_or_refuse(data)


@pytest.mark.fuzz
@given(request_bytes())
def test_load_request_reads_the_same_as_parse_request(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("controls") / "fuzzed-request.yaml"
    path.write_bytes(data)
    try:
        request = load_request(path)
    except RequestError as error:
        assert str(error).startswith(path.as_posix()) and "\n" not in str(error)
        return
    assert request.sha256 == parse_request(data, path.as_posix()).sha256


def accepted(data: bytes) -> bool:
    try:
        return parse_request(data, FILE).notes is not None
    except RequestError:
        return False


def test_the_strategies_reach_accepted_requests_with_changed_keys() -> None:
    """Guards the fuzzing itself: it does not only produce refusals."""
    data = find(request_bytes(), accepted, settings=settings(max_examples=2000, database=None))
    assert parse_request(data, FILE).notes
