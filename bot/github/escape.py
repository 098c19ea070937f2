"""Untrusted text made safe for the places the Action writes it: markdown, log lines, workflow commands."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from bot.inputs.safe_text import escape

_BACKTICKS = re.compile(r"`+")
_FENCED = re.compile(r"\A```([A-Za-z0-9_-]*)\n(.*?)\n?```\s*\Z", re.DOTALL)
MIN_SECRET = 4


def keep_lines(text: str) -> str:
    """`text` with its line breaks kept and every other control or bidi character made visible."""
    return "\n".join(escape(line) for line in text.replace("\r\n", "\n").split("\n"))


def code_span(text: str) -> str:
    """Inline code that neither its content nor a table can break: one line, backticks swapped, pipes escaped."""
    return "`" + escape(text).replace("`", "'").replace("|", "\\|") + "`"


def table_cell(text: str) -> str:
    """Plain text for one markdown table cell: one line, pipes escaped, no HTML."""
    return escape_html(escape(text)).replace("|", "\\|")


def escape_html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def fence_for(text: str) -> str:
    """A backtick fence longer than any backtick run in `text`, so no line of it can close the fence."""
    longest = max((len(run) for run in _BACKTICKS.findall(text)), default=0)
    return "`" * max(3, longest + 1)


def fenced(text: str, language: str = "text") -> str:
    """`text` as a code block it cannot escape, whatever backticks (indented or not) it holds."""
    body = keep_lines(text).rstrip("\n")
    fence = fence_for(body)
    return f"{fence}{language}\n{body}\n{fence}"


def refenced(markdown: str, limit: int) -> str:
    """Markdown from a step (a single fenced block or free text) as one safe block, cut at `limit` characters."""
    match = _FENCED.match(markdown.strip())
    language, body = (match.group(1) or "text", match.group(2)) if match else ("text", markdown)
    if len(body) > limit:
        body = body[:limit] + "\n… (cut; see the job summary)"
    return fenced(body, language)


def workflow_data(text: str) -> str:
    """The message of a workflow command, escaped as GitHub documents (`%`, CR, LF), other controls visible."""
    escaped = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return escape(escaped)


def workflow_property(text: str) -> str:
    """A property value of a workflow command (`file=…`): the data escapes plus `:` and `,`."""
    return workflow_data(text).replace(":", "%3A").replace(",", "%2C")


def workflow_command(kind: str, message: str, *, file: str | None = None, line: int | None = None) -> str:
    """`::error file=…,line=…,title=controlbot::message`, every part escaped so it stays one command."""
    props = [f"file={workflow_property(file)}"] if file else []
    props += [f"line={line}"] if line else []
    props.append("title=controlbot")
    return f"::{kind} {','.join(props)}::{workflow_data(message)}"


def secret_values(env: Mapping[str, str], names: Iterable[str], extra: Iterable[str | None] = ()) -> list[str]:
    """The secrets a run knows (the named variables and `extra`), longest first, skipping trivial ones."""
    found = {env.get(name, "") for name in names} | {value or "" for value in extra}
    return sorted((value for value in found if len(value) >= MIN_SECRET), key=len, reverse=True)


def scrub(text: str, secrets: Iterable[str]) -> str:
    """`text` with every secret masked."""
    for secret in secrets:
        text = text.replace(secret, "***")
    return text
