"""What the language refuses because it cannot be trusted: bad functions, degenerate numbers, risky regexes."""

from __future__ import annotations

import math
import re
import re._parser as sre_parse  # type: ignore[import-not-found]  # the stdlib's regex parser shows a pattern's structure
from typing import Any

import jmespath
from jmespath.exceptions import JMESPathError
from jmespath.functions import Functions

MAX_FEATURE_BYTES = 256 * 1024
MAX_PATH_CHARS = 2_000
MAX_PATH_DEPTH = 40
MAX_REGEX_CHARS = 1_000
MAX_REPEAT = 1_000
MAX_DAYS = 36_500
MAX_NUMBER = 1e15
MAX_JSON_CHARS = 20_000
MAX_JSON_DEPTH = 20

_FUNCTIONS = Functions().FUNCTION_TABLE
_REPEATS = (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT, sre_parse.POSSESSIVE_REPEAT)

# Codes that say the call did not work (auth, permission, throttling, server faults), never that a
# resource lacks a setting: treating one as "absent" would turn a fault into a pass.
_UNTRUSTED_CODE = re.compile(
    r"(?i)^(AccessDenied.*|.*Unauthori[sz]ed.*|.*NotAuthori[sz]ed.*|.*Forbidden.*|.*Throttl.*|.*LimitExceeded.*"
    r"|.*ThroughputExceeded.*|InternalError|InternalFailure|Internal.*Exception|ServiceUnavailable.*"
    r"|ServiceFailure|.*Timeout.*|ExpiredToken.*|InvalidClientTokenId|InvalidAccessKeyId|UnrecognizedClient.*"
    r"|SignatureDoesNotMatch|InvalidSignature.*|IncompleteSignature|AuthFailure|MissingAuthenticationToken.*"
    r"|OptInRequired|RequestExpired|SlowDown|TooManyRequests.*|5\d\d|BadGateway|GatewayTimeout)$"
)


class LimitError(ValueError):
    """A value the language refuses; the message says what is allowed."""


def check_path(path: str) -> None:
    """A JMESPath that parses, is not absurdly deep, and calls only JMESPath's functions with their arity."""
    if len(path) > MAX_PATH_CHARS:
        raise LimitError(f"the path is {len(path):,} characters long; at most {MAX_PATH_CHARS:,} are allowed")
    try:
        tree = jmespath.compile(path).parsed
    except JMESPathError as error:
        raise LimitError(f'"{path}" is not a valid JMESPath expression: {error}') from None
    except RecursionError:
        raise LimitError(f"the path is nested too deeply (at most {MAX_PATH_DEPTH} levels)") from None
    _check_tree(dict(tree))


def _check_tree(tree: dict[str, Any]) -> None:
    stack = [(tree, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_PATH_DEPTH:
            raise LimitError(f"the path is nested too deeply (at most {MAX_PATH_DEPTH} levels)")
        if node.get("type") == "function_expression":
            _check_call(node["value"], len(node["children"]))
        stack.extend((child, depth + 1) for child in node.get("children", []) if isinstance(child, dict))


def _check_call(name: str, count: int) -> None:
    entry = _FUNCTIONS.get(name)
    if entry is None:
        known = ", ".join(sorted(_FUNCTIONS))
        raise LimitError(f'unknown JMESPath function "{name}()"; the functions are: {known}')
    signature = entry["signature"]
    variadic = bool(signature) and signature[-1].get("variadic", False)
    if count < len(signature) or (count > len(signature) and not variadic):
        wanted = f"at least {len(signature)}" if variadic else str(len(signature))
        raise LimitError(f'JMESPath function "{name}()" takes {wanted} argument(s), not {count}')


def check_number(value: Any, what: str = "the number") -> None:
    """Finite, and small enough to mean something (1e15 covers byte counts and epoch milliseconds)."""
    if isinstance(value, float) and not math.isfinite(value):
        raise LimitError(f"{what} must be a finite number, not {value}")
    if isinstance(value, int | float) and not isinstance(value, bool) and abs(value) > MAX_NUMBER:
        raise LimitError(f"{what} is out of range: at most {MAX_NUMBER:.0e} in absolute value")


def check_json(value: Any) -> None:
    """A JSON literal at most MAX_JSON_DEPTH levels deep."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_JSON_DEPTH:
            raise LimitError(f"the JSON literal is nested too deeply (at most {MAX_JSON_DEPTH} levels)")
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else ()
        stack.extend((child, depth + 1) for child in children)


def check_days(value: Any) -> None:
    check_number(value, "the day count")
    if not 0 <= value <= MAX_DAYS:
        raise LimitError(f"the day count must be between 0 and {MAX_DAYS:,} (100 years), not {value}")


def check_regex(pattern: str) -> None:
    """A pattern Python compiles, without nested quantifiers or huge repeats (they backtrack for ever)."""
    if len(pattern) > MAX_REGEX_CHARS:
        raise LimitError(f"the regular expression is {len(pattern):,} characters; at most {MAX_REGEX_CHARS:,}")
    try:
        tree = sre_parse.parse(pattern)
    except (re.error, OverflowError) as error:
        raise LimitError(f"invalid regular expression {pattern!r}: {error}") from None
    except RecursionError:
        raise LimitError(f"the regular expression {pattern[:40]!r}… is nested too deeply") from None
    _check_repeats(list(tree), pattern, enclosing=1)


def _check_repeats(items: list[Any], pattern: str, enclosing: int) -> None:
    """`enclosing` is the product of the repeat bounds around these items (0 when one of them is unbounded).

    A repeat inside a repeat is refused when either is unbounded or together they exceed MAX_REPEAT:
    `(\\d{1,3}\\.){3}` is fine, `(a+)+` and `(a{1,50})*` backtrack exponentially."""
    for op, argument in items:
        if op in _REPEATS:
            low, high, body = argument
            unbounded = high == sre_parse.MAXREPEAT
            if (low if unbounded else high) > MAX_REPEAT:
                raise LimitError(f"regular expression {pattern!r}: repeat counts above {MAX_REPEAT} are not allowed")
            inner = 0 if unbounded else high
            if high > 1 and enclosing != 1 and (inner == 0 or enclosing == 0 or inner * enclosing > MAX_REPEAT):
                raise LimitError(
                    f"regular expression {pattern!r} nests a quantifier inside a quantifier (like (a+)+), "
                    "which can take exponential time; rewrite it without the nesting"
                )
            _check_repeats(list(body), pattern, enclosing if high <= 1 else enclosing * inner)
        else:
            for nested in _subpatterns(op, argument):
                _check_repeats(nested, pattern, enclosing)


def _subpatterns(op: Any, argument: Any) -> list[list[Any]]:
    if op is sre_parse.SUBPATTERN:
        return [list(argument[-1])]
    if op is sre_parse.BRANCH:
        return [list(branch) for branch in argument[1]]
    if op in (sre_parse.ASSERT, sre_parse.ASSERT_NOT):
        return [list(argument[1])]
    if op is sre_parse.GROUPREF_EXISTS:
        return [list(part) for part in argument[1:] if part is not None]
    if op is sre_parse.ATOMIC_GROUP:
        return [list(argument)]
    return []


def check_error_code(code: str) -> None:
    """Only codes that say "no such thing" may mean absent; faults, auth and throttling never do."""
    if _UNTRUSTED_CODE.match(code):
        raise LimitError(
            f'the error "{code}" is an access, throttling or service fault, not a missing resource: '
            "it can never mean absent (declare a NotFound-style code instead)"
        )


def is_untrusted_code(code: str) -> bool:
    return _UNTRUSTED_CODE.match(code) is not None
