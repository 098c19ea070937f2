"""What the corpus needs of each request (service, resource, search text), kept on disk by path, size and mtime, so
that loading a corpus of 1,000 requests reads the ones that changed and only stats the others."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

MAX_ENTRIES = 20_000  # several repositories share one file; past this it keeps the last load's entries


class SearchCache:
    def __init__(self, file: Path | None) -> None:
        self.file = file
        self.entries: dict[str, list[object]] = {}
        self.seen: set[str] = set()
        self.changed = False
        if file is not None:
            try:
                loaded = json.loads(file.read_text(encoding="utf-8"))
                self.entries = loaded if isinstance(loaded, dict) else {}
            except (OSError, ValueError):
                self.entries = {}  # no cache yet, or a damaged one: it is rebuilt

    @staticmethod
    def _stamp(path: Path) -> list[object]:
        info = path.stat()
        return [info.st_mtime_ns, info.st_size]

    def get(self, path: Path) -> tuple[str, str, str] | None:
        key = str(path.absolute())
        self.seen.add(key)
        entry = self.entries.get(key)
        if not isinstance(entry, list) or len(entry) != 5 or entry[:2] != self._stamp(path):
            return None  # an entry of an older layout is read again too
        service, resource, text = entry[2:]
        if isinstance(service, str) and isinstance(resource, str) and isinstance(text, str):
            return service, resource, text
        return None

    def put(self, path: Path, service: str, resource: str, text: str) -> None:
        self.entries[str(path.absolute())] = [*self._stamp(path), service, resource, text]
        self.changed = True

    def save(self) -> None:
        """Written atomically; a cache that cannot be written costs speed, never a run."""
        if self.file is None or not self.changed:
            return
        entries = self.entries
        if len(entries) > MAX_ENTRIES:
            entries = {k: v for k, v in entries.items() if k in self.seen}
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("w", dir=self.file.parent, delete=False, encoding="utf-8") as out:
                json.dump(entries, out)
            os.replace(out.name, self.file)
        except OSError:
            return


def default_cache_file(env: dict[str, str] | os._Environ[str]) -> Path | None:
    """$XDG_CACHE_HOME/controlbot/corpus.json (else ~/.cache/…); None where no home is known."""
    base = env.get("XDG_CACHE_HOME") or (str(Path(env["HOME"]) / ".cache") if env.get("HOME") else "")
    return Path(base) / "controlbot" / "corpus.json" if base else None
