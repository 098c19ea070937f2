"""Security vocabulary the offline planner leans on: value polarity, negative and protective field words."""

from __future__ import annotations

import re

# Enum values (lower-cased, separators removed) that a compliant resource usually shows.
GOOD_VALUES = frozenset(
    {
        "enabled", "enable", "on", "true", "yes", "required", "active", "awsiam", "iam", "all",
        "compliance", "governance", "vpconly", "private", "awskms", "awskmsdsse", "kms", "sse", "ssekms",
        "https", "tls", "tls12", "tls13", "strict", "encrypted", "enforced", "authenticated", "fips",
        "recording", "success", "available", "inservice",
        "bucketownerenforced", "ssl", "sftp", "ftps", "as2", "redirecttohttps", "httpsonly", "issuing", "running",
    }
)  # fmt: skip
# Enum values that usually mark a non-compliant resource.
BAD_VALUES = frozenset(
    {
        "disabled", "disable", "off", "false", "no", "none", "optional", "public", "publicinternetonly",
        "http", "ftp", "plaintext", "tcp", "suspended", "failure", "failed", "allowall", "anonymous",
        "notenforced", "notrequired", "unencrypted", "default", "awsowned", "tlsv1", "tls10", "tls11",
        "sslv3", "allowed", "allow",
    }
)  # fmt: skip
# Enum values of a resource's lifecycle (creating, deleting, ...): such a field is state, not a setting.
LIFECYCLE_VALUES = frozenset(
    {"creating", "deleting", "deleted", "pending", "updating", "modifying", "stopping", "stopped", "starting",
     "provisioning", "terminating", "terminated", "rebooting", "deprovisioning", "inactive", "failed"}
)  # fmt: skip
# Field-name words whose "true" means exposure or weakness: compliant is "not true".
NEGATIVE_FIELD_WORDS = frozenset(
    {
        "public", "publicly", "privileged", "unencrypted", "insecure", "anonymous", "disabled", "disable",
        "skip", "bypass", "unrestricted", "plaintext", "deprecated", "allowpublic", "exposed",
    }
)  # fmt: skip
# Field-name words that turn a negative word around ("BlockPublicPolicy" true is compliant).
PROTECTIVE_FIELD_WORDS = frozenset({"block", "restrict", "restricted", "deny", "prevent", "ignore", "no"})


def normalise_value(value: str) -> str:
    return re.sub(r"[^a-z0-9]", "", value.lower())
