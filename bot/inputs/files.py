"""Finding the .feature files a command was pointed at."""

from __future__ import annotations

from pathlib import Path

from bot.inputs.errors import FileError, UsageError


def find_features(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*.feature") if not p.is_symlink()))
        elif path.is_file() and path.suffix == ".feature":
            found.append(path)
        elif path.is_file():
            raise UsageError(f"{path}: not a .feature file (give .feature files or folders holding them)")
        else:
            raise UsageError(f"{path}: no such file or folder")
    if not found:
        raise UsageError(f"no .feature files in {', '.join(str(p) for p in paths)}")
    return found


def read_small_text(path: Path, max_bytes: int, error: type[FileError]) -> str:
    """A UTF-8 file of at most `max_bytes`, its byte order mark dropped; `error` says what is wrong with it."""
    file = path.as_posix()
    try:
        if path.stat().st_size > max_bytes:
            raise error(file, f"the file is larger than {max_bytes // 1024} KiB")
        return path.read_text(encoding="utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        raise error(file, "the file is not valid UTF-8; save it as UTF-8") from None
    except OSError as problem:
        raise error(file, f"the file cannot be read: {problem.strerror or problem}") from None
