"""Finding the .feature files a command was pointed at."""

from __future__ import annotations

from pathlib import Path

from bot.inputs.errors import UsageError


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
