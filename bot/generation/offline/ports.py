"""Network exposure: "must not allow SSH from anywhere" over rules with a port range and address ranges."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.generation.offline.scope import Candidate, listed_members
from bot.generation.render import Plan
from bot.knowledge.retrieval import ScoredField
from bot.language.values import quote

# Well-known ports a requirement names by their protocol instead of their number.
NAMED_PORTS = {
    "ssh": 22, "rdp": 3389, "telnet": 23, "ftp": 21, "smtp": 25, "dns": 53, "mysql": 3306, "postgres": 5432,
    "postgresql": 5432, "mssql": 1433, "oracle": 1521, "redis": 6379, "mongodb": 27017, "elasticsearch": 9200,
    "kafka": 9092, "memcached": 11211, "cifs": 445, "smb": 445, "netbios": 139, "vnc": 5900,
}  # fmt: skip
_PORT = re.compile(r"\bports?\s+(\d{1,5})\b|\b(\d{1,5})\s*/\s*tcp\b|\btcp\s+(\d{1,5})\b", re.IGNORECASE)
_WORLD = re.compile(
    r"0\.0\.0\.0/0|::/0|\banywhere\b|\bthe internet\b|\bany (?:ip|address|source)\b|\bthe world\b|\bpublic(?:ly)?\b",
    re.IGNORECASE,
)
_FORBIDS = re.compile(r"\b(not|no|never|without|prohibit\w*|forbid\w*|disallow\w*|block\w*|restrict\w*)\b", re.I)
_OUTBOUND = re.compile(r"\b(outbound|egress)\b", re.IGNORECASE)
EXPOSURE_CONFIDENCE = 0.8
EXPOSURE_SCORE = 1.5  # above any field read word by word: the rule's ports and ranges are the control


@dataclass(frozen=True)
class Exposure:
    ports: tuple[int, ...]
    outbound: bool
    ipv4: bool
    ipv6: bool


def exposure(requirement: str) -> Exposure | None:
    """The ports a requirement forbids opening to the whole internet, or None when it says no such thing."""
    if not (_WORLD.search(requirement) and _FORBIDS.search(requirement)):
        return None
    ports = {int(n) for m in _PORT.finditer(requirement) for n in m.groups() if n}
    words = set(re.findall(r"[a-z]+", requirement.lower()))
    ports |= {port for name, port in NAMED_PORTS.items() if name in words}
    if not ports or any(p > 65535 for p in ports):
        return None
    only_v4 = "ipv4" in words and "ipv6" not in words
    only_v6 = "ipv6" in words and "ipv4" not in words
    return Exposure(tuple(sorted(ports)), bool(_OUTBOUND.search(requirement)), not only_v6, not only_v4)


def exposure_candidate(best: Candidate, candidates: list[Candidate], requirement: str) -> Candidate | None:
    """A candidate asserting that no rule opens the ports to the world, on the listing whose items carry
    such rules (EC2 security groups' IpPermissions: FromPort, ToPort, IpRanges)."""
    wanted = exposure(requirement)
    if wanted is None:
        return None
    rules = "IpPermissionsEgress" if wanted.outbound else "IpPermissions"
    for candidate in sorted(candidates, key=lambda c: (-c.score, c.rank)):
        if len(candidate.plan.setup) == 1 and _lists_rules(candidate.plan.setup[0], rules):
            step = f"the expression {quote(_no_open_rule(rules, wanted))} must be true"
            plan = Plan(setup=list(candidate.plan.setup), filters=[], assertions=[step])
            scored = ScoredField(candidate.scored.operation, f"{rules}[]", 0.0, "list", ())
            score = max(best.score, candidate.score) + EXPOSURE_SCORE
            return Candidate(score, candidate.rank, plan, f"{rules}[]", scored, EXPOSURE_CONFIDENCE)
    return None


def _lists_rules(setup: str, rules: str) -> bool:
    """The listing step's items have a list of rules with a port range."""
    rule = getattr(listed_members(setup).get(rules), "member", None)
    return rule is not None and {"FromPort", "ToPort", "IpRanges"} <= set(getattr(rule, "members", {}) or {})


def _no_open_rule(rules: str, wanted: Exposure) -> str:
    ports = " || ".join(f"(FromPort <= `{p}` && ToPort >= `{p}`)" for p in wanted.ports)
    ranges = []
    if wanted.ipv4:
        ranges.append("contains(IpRanges[].CidrIp, '0.0.0.0/0')")
    if wanted.ipv6:
        ranges.append("contains(Ipv6Ranges[].CidrIpv6, '::/0')")
    return f"length(({rules} || `[]`)[?(IpProtocol == '-1' || {ports}) && ({' || '.join(ranges)})]) == `0`"
