"""The few-shot corpus: which merged pairs it keeps, and how nearest() ranks them for a request."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.corpus.examples import Corpus, Example
from bot.inputs.intake import ControlRequest, load_request, parse_request
from tests.paths import REPO

SEED = REPO / "controls" / "s3" / "s3-bucket-versioning-enabled"


def request_for(service: str, control_id: str, requirement: str, resource: str = "resource") -> ControlRequest:
    data = f"service: {service}\nresource: {resource}\nrequirement: {requirement}\n".encode()
    return parse_request(data, f"controls/{service}/{control_id}.yaml")


def example(control_id: str, service: str, search: str) -> Example:
    return Example(control_id, service, f"service: {service}\n", f"Feature: {control_id}\n", search)


def copy_seed(root: Path, stem: str, feature_text: str | None = None) -> Path:
    folder = root / "controls" / "s3"
    folder.mkdir(parents=True, exist_ok=True)
    request = folder / f"{stem}.yaml"
    shutil.copy(SEED.with_suffix(".yaml"), request)
    text = SEED.with_suffix(".feature").read_text(encoding="utf-8")
    text = text.replace("@control:s3-bucket-versioning-enabled", f"@control:{stem}")
    if feature_text is not None:
        text = feature_text.replace("@control:s3-bucket-versioning-enabled", f"@control:{stem}")
    request.with_suffix(".feature").write_text(text, encoding="utf-8")
    return request


def test_only_pairs_that_pass_validate_are_examples(tmp_path: Path) -> None:
    seed_text = SEED.with_suffix(".feature").read_text(encoding="utf-8")
    copy_seed(tmp_path, "versioning-good")
    copy_seed(
        tmp_path,
        "versioning-invented-field",
        seed_text.replace('"GetBucketVersioning.Status"', '"GetBucketVersioning.State"'),
    )
    copy_seed(tmp_path, "versioning-not-gherkin", "this is not a feature\n")
    lonely = copy_seed(tmp_path, "versioning-no-feature")
    lonely.with_suffix(".feature").unlink()
    broken = copy_seed(tmp_path, "versioning-bad-request")
    broken.write_text("service: s3\nresource: bucket\nrequirement: ''\n", encoding="utf-8")
    linked = copy_seed(tmp_path, "versioning-symlinked")
    linked.with_suffix(".feature").unlink()
    linked.with_suffix(".feature").symlink_to(tmp_path / "controls" / "s3" / "versioning-good.feature")
    corpus = Corpus.load(tmp_path)
    request = load_request(copy_seed(tmp_path / "other", "versioning-new"))
    assert [e.id for e in corpus.nearest(request, 10)] == ["versioning-good"]
    [kept] = corpus.nearest(request, 10)
    assert kept.request_text == SEED.with_suffix(".yaml").read_text(encoding="utf-8")
    assert kept.feature_text.startswith("# controlbot:") and kept.service == "s3"


def test_a_folder_without_controls_gives_an_empty_corpus(tmp_path: Path) -> None:
    assert Corpus.load(tmp_path).examples == ()
    assert Corpus.load(tmp_path).nearest(request_for("s3", "a-b", "x"), 3) == []


def test_every_merged_pair_in_the_repository_is_an_example() -> None:
    corpus = Corpus.load(REPO)
    requests = [p for p in sorted((REPO / "controls").rglob("*.yaml")) if not p.name.endswith(".test.yaml")]
    assert sorted(e.id for e in corpus.examples) == sorted(p.stem for p in requests)


def test_nearest_never_returns_the_control_being_generated() -> None:
    corpus = Corpus.load(REPO)
    seed = load_request(SEED.with_suffix(".yaml"))
    found = corpus.nearest(seed, len(corpus.examples))
    assert seed.id not in [e.id for e in found]
    assert len(found) == len(corpus.examples) - 1


def test_nearest_prefers_the_same_service_on_equal_text() -> None:
    corpus = Corpus.of(
        [
            example("a-queue-encryption", "sqs", "encryption kms key at rest"),
            example("b-bucket-encryption", "s3", "encryption kms key at rest"),
        ]
    )
    wanted = request_for("s3", "new-control", "encryption with a kms key at rest")
    assert [e.id for e in corpus.nearest(wanted, 2)] == ["b-bucket-encryption", "a-queue-encryption"]
    other = request_for("sqs", "new-control", "encryption with a kms key at rest")
    assert [e.id for e in corpus.nearest(other, 2)] == ["a-queue-encryption", "b-bucket-encryption"]


def test_nearest_ranks_by_text_and_keeps_k() -> None:
    corpus = Corpus.of(
        [
            example("s3-logging", "s3", "server access logging delivered to a target bucket"),
            example("s3-versioning", "s3", "object versioning enabled recover deleted objects"),
            example("s3-public", "s3", "block public access policies acls"),
        ]
    )
    wanted = request_for("s3", "s3-new", "Versioning must be enabled so deleted objects can be recovered.")
    assert [e.id for e in corpus.nearest(wanted, 1)] == ["s3-versioning"]
    assert len(corpus.nearest(wanted, 2)) == 2
    assert corpus.nearest(wanted, 0) == []


def test_a_much_better_text_match_beats_the_service_boost() -> None:
    corpus = Corpus.of(
        [
            example("s3-tags", "s3", "bucket tags owner cost centre"),
            example("rds-deletion", "rds", "deletion protection database cluster must be enabled deletion"),
        ]
    )
    wanted = request_for("s3", "s3-x", "deletion protection must be enabled on the database cluster")
    assert corpus.nearest(wanted, 1)[0].id == "rds-deletion"


def test_a_merged_pair_pyyaml_cannot_build_is_skipped_with_a_warning(tmp_path: Path) -> None:
    copy_seed(tmp_path, "versioning-good")
    broken = copy_seed(tmp_path, "versioning-bad-date")
    broken.write_bytes(b"title: 2024-02-30\n" + broken.read_bytes().split(b"\n", 1)[1])
    test_data = broken.with_name("versioning-good.test.yaml")
    test_data.write_text("not: a request\n", encoding="utf-8")
    corpus = Corpus.load(tmp_path)
    assert [e.id for e in corpus.examples] == ["versioning-good"]
    [warning] = corpus.skipped
    assert warning.startswith("controls/s3/versioning-bad-date.yaml:1: ")
    assert "key 'title': '2024-02-30' reads as a date or time" in warning
    assert warning.endswith("the pair is left out of the examples")


def test_a_feature_the_checker_cannot_handle_leaves_the_rest_of_the_corpus(tmp_path: Path) -> None:
    seed_text = SEED.with_suffix(".feature").read_text(encoding="utf-8")
    copy_seed(tmp_path, "versioning-good")
    crafted = seed_text.replace('must be "Enabled"', 'must match "a{4294967296}"')
    assert crafted != seed_text
    copy_seed(tmp_path, "versioning-crafted-regex", crafted)
    corpus = Corpus.load(tmp_path)
    request = load_request(copy_seed(tmp_path / "other", "versioning-new"))
    assert [e.id for e in corpus.nearest(request, 10)] == ["versioning-good"]
    assert all("versioning-crafted-regex.feature" in w for w in corpus.left_out)


def test_a_checker_crash_on_one_pair_becomes_its_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import bot.corpus.examples

    copy_seed(tmp_path, "versioning-good")
    copy_seed(tmp_path, "versioning-trips-a-bug")
    real = bot.corpus.examples.check_feature

    def flaky(text: str, path: str, *args: object) -> object:
        if "trips-a-bug" in path:
            raise RecursionError("maximum recursion depth exceeded")
        return real(text, path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(bot.corpus.examples, "check_feature", flaky)
    corpus = Corpus.load(tmp_path)
    request = load_request(copy_seed(tmp_path / "other", "versioning-new"))
    assert [e.id for e in corpus.nearest(request, 10)] == ["versioning-good"]
    assert corpus.left_out == [
        "controls/s3/versioning-trips-a-bug.feature: cannot be checked (RecursionError: maximum recursion depth "
        "exceeded); the pair is left out of the examples",
    ]


def test_a_draft_nobody_reviewed_is_never_an_example(tmp_path: Path) -> None:
    seed_text = SEED.with_suffix(".feature").read_text(encoding="utf-8")
    first, rest = seed_text.split("\n", 1)
    copy_seed(tmp_path, "versioning-reviewed")
    copy_seed(
        tmp_path, "versioning-draft", f"{first}\n# controlbot: draft — confidence 0.30 (low): planned offline\n{rest}"
    )
    request = load_request(copy_seed(tmp_path / "other", "versioning-new"))
    assert [e.id for e in Corpus.load(tmp_path).nearest(request, 10)] == ["versioning-reviewed"]


def test_a_second_load_reads_unchanged_requests_from_the_cache_and_changed_ones_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bot.corpus.examples

    copy_seed(tmp_path, "versioning-one")
    two = copy_seed(tmp_path, "versioning-two")
    cache = tmp_path / "cache" / "corpus.json"
    first = Corpus.load(tmp_path, cache_file=cache)
    assert cache.is_file()
    read: list[str] = []
    real = bot.corpus.examples._quick_request
    monkeypatch.setattr(bot.corpus.examples, "_quick_request", lambda t: read.append(t) or real(t))
    again = Corpus.load(tmp_path, cache_file=cache)
    assert read == [] and [e.search_text for e in again.examples] == [e.search_text for e in first.examples]
    two.write_text(two.read_text(encoding="utf-8").replace("S3 bucket", "S3 general purpose bucket"), encoding="utf-8")
    changed = Corpus.load(tmp_path, cache_file=cache)
    assert read == [two.read_text(encoding="utf-8")]  # the changed request alone is read again
    assert "general purpose" in changed.examples[1].search_text


def test_a_damaged_cache_is_rebuilt(tmp_path: Path) -> None:
    copy_seed(tmp_path, "versioning-one")
    cache = tmp_path / "corpus.json"
    cache.write_text("{not json", encoding="utf-8")
    assert [e.id for e in Corpus.load(tmp_path, cache_file=cache).examples] == ["versioning-one"]
    assert "versioning-one" in cache.read_text(encoding="utf-8")
