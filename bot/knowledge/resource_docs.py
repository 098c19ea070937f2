"""Facts held only in botocore's documentation: keys of attribute maps and errors that mean "not configured"."""

from __future__ import annotations

import functools
import re

from botocore.model import Shape

from bot.knowledge import shapes
from bot.knowledge.resource_listings import is_listing_name
from bot.knowledge.resource_types import ID_WORDS, name_noun, noun_of, words_of

# Errors that mean "nothing is configured", for services whose models declare none of their errors (S3's
# model lists no error shapes for its Get*Configuration calls; the codes are in its API reference).
ABSENT_ERRORS: dict[tuple[str, str], str] = {
    ("s3", "GetBucketEncryption"): "ServerSideEncryptionConfigurationNotFoundError",
    ("s3", "GetPublicAccessBlock"): "NoSuchPublicAccessBlockConfiguration",
    ("s3", "GetBucketPolicy"): "NoSuchBucketPolicy",
    ("s3", "GetBucketPolicyStatus"): "NoSuchBucketPolicy",
    ("s3", "GetObjectLockConfiguration"): "ObjectLockConfigurationNotFoundError",
    ("s3", "GetBucketLifecycleConfiguration"): "NoSuchLifecycleConfiguration",
    ("s3", "GetBucketReplication"): "ReplicationConfigurationNotFoundError",
    ("s3", "GetBucketWebsite"): "NoSuchWebsiteConfiguration",
    ("s3", "GetBucketCors"): "NoSuchCORSConfiguration",
    ("s3", "GetBucketTagging"): "NoSuchTagSet",
    ("s3", "GetBucketOwnershipControls"): "OwnershipControlsNotFoundError",
}
_ABSENT_NAME = re.compile(r"NotFound|NoSuch|DoesNotExist|NotExist|Nonexistent")  # WAFNonexistentItemException
# botocore documents a map's keys, or a Key/Value list's keys, as `<li> <p> <code>KEY</code> - ...`.
_LISTED_KEY = re.compile(r"<li>\s*(?:<p>\s*)?<code>([A-Za-z][\w.:-]*)</code>")
_ERROR_WORDS = frozenset({"not", "found", "no", "such", "doe", "does", "exist", "exception", "error", "fault"})
_SELF_DESCRIBED = frozenset({"true", "false", "key", "value"})


def not_configured_errors(service: str, operation: str) -> tuple[str, ...]:
    """Error codes a Get/Describe call of one resource's setting raises when nothing is configured (EFS
    DescribeBackupPolicy: PolicyNotFound), most specific first; none for listings nor for reading the
    resource itself (its "not found" means it is gone)."""
    if (service, operation) in ABSENT_ERRORS:
        return (ABSENT_ERRORS[(service, operation)],)
    if not operation.startswith(("Get", "Describe")) or is_listing_name(operation):
        return ()
    op = shapes.operation(service, operation)
    codes = [getattr(e, "error_code", None) or e.name for e in (op.error_shapes or [])]
    # QueueDoesNotExist for GetQueueAttributes(QueueUrl): the resource is gone, which is not "not configured"
    fed = set().union(*(_fed_noun(operation, p) for p in shapes.required_inputs(op)))
    if noun_of(operation) <= fed:
        return ()  # GetGuardrail(guardrailIdentifier) reads the resource itself: not found means gone
    candidates = [code for code in codes if _ABSENT_NAME.search(code) and not (_core_words(code) <= fed)]
    last_word = re.findall(r"[A-Z][a-z]+", operation[3:])[-1:]
    specific = [c for c in candidates if last_word and last_word[0] in c]
    return tuple(dict.fromkeys(specific or candidates))  # RepositoryNotFound: the resource is gone, not unset


def _fed_noun(operation: str, param: str) -> frozenset[str]:
    """What a parameter identifies: its noun; a bare `name`/`id` the operation's own resource; `ResourceArn`
    nothing known here."""
    if name_noun(param):
        return name_noun(param)
    return noun_of(operation) if words_of(param) <= ID_WORDS else frozenset()


def _core_words(code: str) -> frozenset[str]:
    return words_of(code) - _ERROR_WORDS


def absent_error(service: str, operation: str, modelled: list[str] | None = None) -> str | None:
    """The one error the offline engine writes as "means absent", or None (`modelled` is ignored: kept for
    callers of the old security_terms.absent_error, the model's errors are read here)."""
    found = not_configured_errors(service, operation)
    return found[0] if found else None


@functools.cache
def map_keys(service: str, operation: str, path: str) -> tuple[str, ...]:
    """The documented keys of a map output (SQS `Attributes`) or of a Key/Value list (ELBv2
    `Attributes[].Key`): the key shape's enum where modelled, else the keys the documentation lists."""
    try:
        op = shapes.operation(service, operation)
    except shapes.PathError:
        return ()
    if op.output_shape is None:
        return ()
    parts = [p for p in path.replace("[]", "").split(".") if p and p != "*"]
    holder: Shape | None = op.output_shape
    ref_doc = ""
    for part in parts:
        holder = _step(holder)
        if holder is None or holder.type_name != "structure" or part not in holder.members:
            return ()
        ref_doc = holder.members[part].documentation or ""
        holder = holder.members[part]
    return _keys_of(holder, ref_doc)


_KEY_MEMBERS = ("Key", "AttributeName", "OptionName", "Name")


def key_member(item: Shape | None) -> str | None:
    """The key of a key/value list item: `Key`, or a name beside a `Value` (EC2's AttributeName)."""
    if item is None or item.type_name != "structure":
        return None
    members = item.members
    found = [k for k in _KEY_MEMBERS if k in members]
    if "Key" in members or (found and any(m in members for m in ("Value", "Values", "AttributeValues"))):
        return found[0]
    return None


def _step(shape: Shape | None) -> Shape | None:
    while shape is not None and shape.type_name == "list":
        shape = shape.member
    return shape


def _keys_of(shape: Shape | None, ref_doc: str) -> tuple[str, ...]:
    if shape is None:
        return ()
    if shape.type_name == "map":
        enum = shapes.enum_of(shape.key)
        return tuple(enum) if enum else _documented(ref_doc or shape.documentation or "")
    item = _step(shape)
    key_name = key_member(item)
    if item is not None and key_name is not None:
        key = item.members[key_name]
        return tuple(shapes.enum_of(key)) or _documented(key.documentation or "")
    if shape.type_name == "string":
        return tuple(shapes.enum_of(shape)) or _documented(ref_doc)
    return ()


def _documented(html: str) -> tuple[str, ...]:
    keys = [k for k in dict.fromkeys(_LISTED_KEY.findall(html)) if k.lower() not in _SELF_DESCRIBED]
    dotted = [k for k in keys if "." in k]
    # ELBv2 lists a key's values in a nested list (stickiness.type: lb_cookie, source_ip): when the keys are
    # dotted names, an undotted entry is a value
    return tuple(dotted if len(dotted) * 2 >= len(keys) else keys)
