"""`.controlbot.yaml`: every wrong value is one message naming the file, the key and what is allowed."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.cli.main import main
from bot.inputs.config import PROVIDERS, Settings, load_settings
from bot.inputs.errors import ConfigError, UsageError

BILLION_LAUGHS = 'a: &a ["lol","lol"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n'


def settings_from(root: Path, data: bytes, env: dict[str, str] | None = None) -> Settings:
    (root / ".controlbot.yaml").write_bytes(data)
    return load_settings(env or {}, root)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (b"max_repairs: lots\n", ":1: key 'max_repairs': must be a whole number from 0 to 10, not the text 'lots'"),
        (b"timeout_s: 1\nexamples: -1\n", ":2: key 'examples': must be a whole number from 0 to 20, not a number (-1)"),
        (b"timeout_s: []\n", ":1: key 'timeout_s': must be a number of seconds above 0 and at most 3600, not a list"),
        (b"max_requests: yes\n", ":1: key 'max_requests': must be a whole number from 1 to 1000, not true/false"),
        (b"provider: gpt\n", ":1: key 'provider': must be one of: auto, offline, openai, bedrock, not the text 'gpt'"),
        (b'model: "a\\e[31m"\n', ":1: key 'model': must be one line of text, not the text 'a\\x1b[31m'"),
        (b"colour: red\n", ":1: key 'colour': unknown setting; allowed: base_url, bedrock_region, catalogue, examples,"),
        (b"max_retries: 2001-13-45\n", ":1: key 'max_retries': '2001-13-45' reads as a date or time but is not"),
        (b"model: caf\xe9\n", ": the file is not valid UTF-8 (byte 0xe9)"),
        (BILLION_LAUGHS.encode(), ":1: YAML anchors and aliases (&name, *name) are not allowed"),
        (b"- provider: offline\n", ": must be a mapping of settings (base_url, bedrock_region,"),
        (b"examples: 1\nexamples: 2\n", ":2: key 'examples': appears twice (lines 1 and 2)"),
        (b"model: [unclosed\n", ": the file is not valid YAML"),
    ],
    ids=[
        "lots", "negative", "list", "bool", "provider", "escape", "unknown", "bad-date", "not-utf8", "bomb",
        "list-file", "twice", "syntax",
    ],
)  # fmt: skip
def test_a_wrong_setting_is_one_message_naming_the_config_and_key(tmp_path: Path, text: bytes, expected: str) -> None:
    with pytest.raises(ConfigError) as caught:
        settings_from(tmp_path, text)
    assert str(caught.value).startswith(f"{tmp_path.as_posix()}/.controlbot.yaml{expected.split(':', 1)[0]}:")
    assert expected in str(caught.value) and "\n" not in str(caught.value)


def test_valid_settings_are_read_and_the_environment_wins(tmp_path: Path) -> None:
    text = b"provider: offline\nmax_repairs: 0\ntimeout_s: 5\nretrieval_k: 100\nmodel:\n"
    settings = settings_from(tmp_path, text, {"CONTROLBOT_MODEL": "from-env"})
    assert (settings.provider, settings.max_repairs, settings.retrieval_k, settings.model) == (
        "offline", 0, 100, "from-env"
    )  # fmt: skip
    assert settings.timeout_s == 5.0 and isinstance(settings.timeout_s, float)


def test_generate_blames_the_config_not_the_request(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    request = tmp_path / "controls" / "s3" / "block-public-access.yaml"
    request.parent.mkdir(parents=True)
    request.write_bytes(b"service: s3\nresource: S3 bucket\nrequirement: Buckets must block public access.\n")
    (tmp_path / ".controlbot.yaml").write_text("max_repairs: lots\n", encoding="utf-8")
    assert main(["generate", "controls"]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"controlbot: {tmp_path.as_posix()}/.controlbot.yaml:1: key 'max_repairs': must be a whole number from 0 to "
        "10, not the text 'lots'\n"
    )
    assert not request.with_suffix(".feature").exists()


values = st.one_of(
    st.none(), st.booleans(), st.integers(-(10**30), 10**30), st.floats(), st.text(max_size=20),
    st.sampled_from(["lots", "2001-13-45", "1e999", ".nan", "[]", "{a: 1}", "&a x", "*a", "!!binary aGk=", *PROVIDERS]),
)  # fmt: skip
keys = st.sampled_from([*Settings.__dataclass_fields__, "colour", "<<", "api_key "])


def render(value: object) -> str:
    return value if isinstance(value, str) else repr(value).replace("None", "~")


@pytest.mark.fuzz
@given(
    st.lists(st.tuples(keys, values), max_size=6).map(lambda kv: "".join(f"{k}: {render(v)}\n" for k, v in kv).encode())
    | st.binary(max_size=200)
)
def test_any_config_file_gives_typed_settings_or_one_clear_error(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    root = tmp_path_factory.mktemp("repo")
    try:
        settings = settings_from(root, data)
    except UsageError as error:
        assert ".controlbot.yaml" in str(error) and "\n" not in str(error)
        return
    assert settings.provider in PROVIDERS
    assert all(isinstance(getattr(settings, name), str) for name in ("model", "base_url", "bedrock_region"))
    for name in ("max_repairs", "examples", "retrieval_k", "max_retries", "max_requests"):
        value = getattr(settings, name)
        assert isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 1000
    assert isinstance(settings.timeout_s, float) and 0 < settings.timeout_s <= 3600


def test_catalogue_false_leaves_the_shipped_catalogue_out(tmp_path: Path) -> None:
    (tmp_path / ".controlbot.yaml").write_text("catalogue: false\n", encoding="utf-8")
    assert load_settings({}, tmp_path).catalogue is False
    (tmp_path / ".controlbot.yaml").write_text("catalogue: 'no'\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="key 'catalogue': must be true or false"):
        load_settings({}, tmp_path)
