"""A .feature text → its tags, scenarios and steps (gherkin-official), with line numbers."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gherkin.errors import CompositeParserException, ParserError
from gherkin.parser import Parser
from gherkin.pickles.compiler import Compiler

from bot.language.grammar import Step, parse_step
from bot.language.limits import MAX_FEATURE_BYTES
from bot.language.values import StepSyntaxError

BOM = "\ufeff"


@dataclass
class StepLine:
    """A step as written: its keyword, text, table, line, and what the language makes of it."""

    keyword: str
    text: str
    line: int
    table: list[list[str]] | None
    step: Step | None = None
    syntax_error: str = ""


@dataclass
class Scenario:
    """A compiled scenario (Background steps included, Examples expanded)."""

    name: str
    line: int
    steps: list[StepLine]


@dataclass
class ParsedFeature:
    """What gherkin made of a .feature file; `syntax_errors` holds (line, message) when it failed."""

    name: str = ""
    description: str = ""
    line: int = 1
    tags: list[str] = field(default_factory=list)
    scenarios: list[Scenario] = field(default_factory=list)
    ast: dict[str, Any] = field(default_factory=dict)
    syntax_errors: list[tuple[int, str]] = field(default_factory=list)
    uri: str = ""  # the file it was read from, as given to parse_feature

    def tag_value(self, prefix: str) -> str | None:
        for tag in self.tags:
            if tag.startswith(f"@{prefix}:"):
                return tag.split(":", 1)[1]
        return None


def _line_of(error: Exception) -> int:
    location = getattr(error, "location", None) or {}
    return int(location.get("line") or 1)


def _step_line(keyword: str, text: str, line: int, table: list[list[str]] | None) -> StepLine:
    entry = StepLine(keyword.strip(), text, line, table)
    try:
        entry.step = parse_step(text, table)
    except StepSyntaxError as error:
        entry.syntax_error = str(error)
    return entry


def _ast_lines(ast: dict[str, Any]) -> dict[str, tuple[str, int]]:
    """Step ids of the AST → (keyword, line), so that pickle steps get their source line back."""
    found: dict[str, tuple[str, int]] = {}

    def visit(node: Any) -> None:
        if isinstance(node, dict):
            if "keyword" in node and "text" in node and "id" in node and "location" in node:
                found[node["id"]] = (node["keyword"], node["location"]["line"])
            for value in node.values():
                visit(value)
        elif isinstance(node, list):
            for value in node:
                visit(value)

    visit(ast)
    return found


def free_text_message(text: str) -> str:
    return (
        f"the step '{text[:120]}' is not in the control language (a typo in a step form?); "
        'a check only a person can make is written "manual: <what to check>"'
    )


def size_problem(size: int) -> str | None:
    """Why a feature of this many bytes is refused, or None."""
    if size <= MAX_FEATURE_BYTES:
        return None
    return f"the feature is {size:,} bytes; features are limited to {MAX_FEATURE_BYTES // 1024} KiB"


def read_feature_file(path: Path) -> tuple[str, str | None]:
    """(text, None), or ("", why the file cannot be used): over the size limit (refused before it is read) or
    unreadable."""
    try:
        too_big = size_problem(path.stat().st_size)
        if too_big:
            return "", too_big
        return path.read_text(encoding="utf-8"), None
    except (OSError, UnicodeDecodeError) as error:
        return "", f"cannot read the file: {error}"


def parse_feature(text: str, uri: str = "feature") -> ParsedFeature:
    """Parse and compile; never raises on bad Gherkin (the errors are in the result)."""
    too_big = size_problem(len(text.encode("utf-8", "surrogatepass")))
    if too_big:
        return ParsedFeature(syntax_errors=[(1, too_big)])
    try:
        document = Parser().parse(text.removeprefix(BOM))
    except RecursionError:
        return ParsedFeature(syntax_errors=[(1, "the feature is nested too deeply to parse")])
    except (CompositeParserException, ParserError) as error:
        errors = getattr(error, "errors", None) or [error]
        return ParsedFeature(syntax_errors=[(_line_of(e), str(e).split(": ", 1)[-1]) for e in errors])
    feature = document.get("feature")
    if not feature:
        return ParsedFeature(ast=dict(document), syntax_errors=[(1, "no Feature: line in the file")])
    lines = _ast_lines(dict(feature))
    parsed = ParsedFeature(
        name=feature["name"],
        description=feature.get("description", ""),
        line=feature["location"]["line"],
        tags=[t["name"] for t in feature.get("tags", [])],
        ast=dict(document),
        uri=uri,
    )
    for pickle in Compiler().compile({**document, "uri": uri}):
        steps = []
        for pstep in pickle["steps"]:
            keyword, line = lines.get(pstep["astNodeIds"][0], ("*", 0))
            table = None
            argument: dict[str, Any] = dict(pstep.get("argument") or {})
            if "dataTable" in argument:
                table = [[c["value"] for c in row["cells"]] for row in argument["dataTable"]["rows"]]
            steps.append(_step_line(keyword, pstep["text"], line, table))
        line = lines.get(pickle["astNodeIds"][0], ("", 0))[1] or _scenario_line(feature, pickle)
        parsed.scenarios.append(Scenario(pickle["name"], line, steps))
    return parsed


def _scenario_line(feature: Any, pickle: Any) -> int:
    for child in feature.get("children", []):
        for key in ("scenario", "rule"):
            node = child.get(key)
            if node and node.get("id") in pickle["astNodeIds"]:
                return int(node["location"]["line"])
    return 1
