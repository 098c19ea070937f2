"""Prompt templates from prompts/: one file per LLM step, named {{slots}}, a missing slot is an error."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from bot.corpus.examples import Example
from bot.inputs.errors import ControlbotError
from bot.inputs.intake import ControlRequest

SLOT = re.compile(r"\{\{([a-z_]+)\}\}")
SPLIT = "\n=== user ===\n"


class PromptError(ControlbotError):
    """A template that is missing, malformed, or rendered with a slot missing or unknown."""


@dataclass(frozen=True)
class Template:
    name: str
    system: str
    user: str

    @property
    def slots(self) -> set[str]:
        return set(SLOT.findall(self.system)) | set(SLOT.findall(self.user))

    def render(self, **values: str) -> tuple[str, str]:
        missing = self.slots - set(values)
        unknown = set(values) - self.slots
        if missing or unknown:
            raise PromptError(
                f"prompt {self.name}: missing slot(s) {sorted(missing)}, unknown slot(s) {sorted(unknown)}"
            )

        def fill(text: str) -> str:
            return SLOT.sub(lambda m: values[m[1]], text)

        return fill(self.system), fill(self.user)


def prompts_dir() -> Path:
    """bot/prompts: a link to the source tree's prompts/ in a checkout, the files themselves in a wheel."""
    return Path(__file__).resolve().parents[1] / "prompts"


@cache
def load_template(name: str, folder: Path | None = None) -> Template:
    path = (folder or prompts_dir()) / f"{name}.md"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise PromptError(f"prompt {name}: cannot read {path}: {error}") from None
    if SPLIT not in text or not text.startswith(f"controlbot step: {name}\n"):
        raise PromptError(f"{path}: must start with 'controlbot step: {name}' and hold a '=== user ===' line")
    system, user = text.split(SPLIT, 1)
    return Template(name, system, user)


@cache
def prompt_version(folder: Path | None = None) -> str:
    """A short hash of every template: it changes whenever a prompt does (goes into provenance)."""
    digest = hashlib.sha256()
    for path in sorted((folder or prompts_dir()).glob("*.md")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:8]


def data_block(tag: str, text: str) -> str:
    """Text fenced as data: the closing tag cannot be smuggled in."""
    return f"<{tag}>\n{defuse(tag, text)}\n</{tag}>"


def defuse(tag: str, text: str) -> str:
    """The text with every closing `</tag` (any case, any spacing) broken so it cannot end the block."""
    return re.sub(rf"</\s*({re.escape(tag)})", r"</ \1", text, flags=re.IGNORECASE)


def request_block(request: ControlRequest) -> str:
    fields = {
        "id": request.id,
        "service": request.service,
        "resource": request.resource,
        "requirement": request.requirement,
        "title": request.title,
        "category": request.category,
        "severity": request.severity,
        "frameworks": list(request.frameworks),
        "notes": request.notes,
    }
    text = "\n".join(f"{k}: {json.dumps(v)}" for k, v in fields.items() if v not in (None, []))
    return defuse("request", text)  # the templates wrap it in <request> ... </request>


def render_examples(examples: list[Example]) -> str:
    if not examples:
        return "(none yet)"
    return "\n\n".join(
        f"Example `{e.id}`\nRequest:\n```yaml\n{e.request_text.strip()}\n```\n"
        f"Feature:\n```gherkin\n{e.feature_text.strip()}\n```"
        for e in examples
    )
