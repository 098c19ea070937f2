"""The command boundary: every failure of a `controlbot` command is one safe line on stderr and exit 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli.main import main
from tests.paths import REPO

CRASH = "RuntimeError('disk on fire\\n::error title=x::forged \\x1b[31mred\\u202e')"
REQUEST = b"service: s3\nresource: S3 bucket\nrequirement: Buckets must block public access.\n"


def python(code: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code, *args], cwd=cwd, capture_output=True, text=True, timeout=120, check=False
    )


def assert_safe_lines(text: str) -> None:
    assert "Traceback" not in text
    for line in text.splitlines():
        assert not line.lstrip().startswith("::") and "\x1b" not in line and "\u202e" not in line, line


def test_an_unexpected_exception_is_one_line_and_exit_2_not_a_traceback(tmp_path: Path) -> None:
    code = (
        "import sys, bot.cli.generate as g\n"
        f"def crash(*args): raise {CRASH}\n"
        "g.find_requests = crash\n"
        "from bot.cli.main import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    result = python(code, "generate", "controls", "--provider", "offline", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "controlbot: internal error: RuntimeError: disk on fire\\n::error title=x::forged \\x1b[31mred\\u202e "
        "(please report it)"
    ]


def test_the_action_entry_point_reports_a_crash_as_one_escaped_annotation(tmp_path: Path) -> None:
    # `python -m bot` runs bot.github.action.entry: a crash inside main is one workflow command, exit 2
    code = (
        f"import sys, bot.github.action as m\ndef crash(env): raise {CRASH}\nm.main = crash\nsys.exit(m.entry({{}}))\n"
    )
    result = python(code, cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stdout.splitlines() == [
        "::error title=controlbot::internal error: RuntimeError: disk on fire%0A::error title=x::forged "
        "\\x1b[31mred\\u202e (please report it)"
    ]


def test_python_dash_m_runs_the_same_boundary(tmp_path: Path) -> None:
    (tmp_path / "controls" / "s3").mkdir(parents=True)
    (tmp_path / "controls" / "s3" / "bad-date.yaml").write_bytes(REQUEST + b"notes: 2024-02-30\n")
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli.main", "retrieve", "controls/s3/bad-date.yaml"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False, env={"PYTHONPATH": str(REPO)},
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr == (
        "controlbot: controls/s3/bad-date.yaml:4: key 'notes': '2024-02-30' reads as a date or time but is not a "
        "valid one (day is out of range for month); quote it for text\n"
    )


def test_a_message_with_newlines_and_workflow_commands_stays_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["retrieve", "x\n::error::forged\x1b[2J.yaml"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("controlbot: x\\n::error::forged\\x1b[2J.yaml: ")
    assert_safe_lines(err)


def test_argparse_errors_echo_arguments_escaped(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["generate", "controls", "--provider", "\x1b[31m\n::error::x"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "invalid choice: '\\x1b[31m\\n::error::x'" in err
    assert_safe_lines(err)


@pytest.mark.parametrize(
    ("command", "code"), [(["retrieve"], 2), (["generate", "--provider", "offline"], 2), (["validate"], 1)]
)
def test_every_command_that_reads_a_request_reports_a_bad_date_clearly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, command: list[str], code: int
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("CONTROLBOT_PROVIDER", raising=False)
    request = tmp_path / "controls" / "s3" / "bad-date.yaml"
    request.parent.mkdir(parents=True)
    request.write_bytes(REQUEST + b"title: 2001-13-45\n")
    request.with_suffix(".feature").write_text("# controlbot: request-sha256=0\nFeature: x\n", encoding="utf-8")
    target = "controls/s3/bad-date.feature" if command == ["validate"] else "controls/s3/bad-date.yaml"
    assert main([command[0], target, *command[1:]]) == code
    out, err = capsys.readouterr()
    assert "controls/s3/bad-date.yaml:4: key 'title': '2001-13-45' reads as a date or time" in out + err
    assert_safe_lines(out + err)


def test_help_and_one_command_import_only_what_they_run() -> None:
    import subprocess
    import sys

    probe = (
        "import contextlib, io, sys\n"
        "from bot.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        "    main(sys.argv[1:])\n"
        "print(sorted(m for m in sys.modules if m.startswith('bot.cli.') or m in ('boto3', 'moto', 'openai')))\n"
    )
    shown = subprocess.run([sys.executable, "-c", probe, "--help"], capture_output=True, text=True)
    assert shown.stdout.strip() == "['bot.cli.main']", shown.stderr
    shown = subprocess.run([sys.executable, "-c", probe, "catalogue", "list"], capture_output=True, text=True)
    assert (
        "bot.cli.catalogue" in shown.stdout
        and "bot.cli.generate" not in shown.stdout
        and "'openai'" not in shown.stdout
    )
