"""The botocore service models as documents: read operations and every output field path, cached per process."""

from __future__ import annotations

import contextlib
import difflib
import functools
import gc
import re
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import botocore.exceptions
import botocore.loaders
import botocore.model
import orjson

from bot.inputs.errors import UsageError
from bot.knowledge.doc_text import TAG, first_sentence
from bot.knowledge.once import OncePerKey

READ_PREFIXES = ("Get", "Describe", "List", "BatchGet", "Head")
_READ_OPERATION = re.compile(f"(?:{'|'.join(READ_PREFIXES)})[A-Z]")
MAX_DEPTH = 7

_DEPRECATED = re.compile(r"^\W*deprecated\b|\b(?:action|operation|api)\b[^.]{0,40}\bdeprecated\b", re.IGNORECASE)
_SERVICE_NAME = re.compile(r"[a-z0-9][a-z0-9.-]*")


def is_read_operation(name: str) -> bool:
    """A read operation starts with one of READ_PREFIXES followed by a capital (so `Getaway` is not one)."""
    return _READ_OPERATION.match(name) is not None


@dataclass(frozen=True)
class ParamDoc:
    name: str
    type_name: str
    required: bool
    html: str = field(repr=False)  # summarised when asked for: ranking never reads a parameter's doc

    @property
    def documentation(self) -> str:
        return first_sentence(self.html) if self.html else ""


@dataclass(frozen=True)
class OperationDoc:
    name: str
    snake_name: str
    documentation: str
    params: tuple[ParamDoc, ...]
    output_paths: tuple[str, ...]
    paginated: bool
    deprecated: bool = False


class FieldDoc(NamedTuple):  # ec2 has 7,312: a tuple is built at a third of a frozen dataclass's cost
    operation: str
    path: str
    type_name: str
    enum: tuple[str, ...]
    documentation: str
    deprecated: bool = False


class ServiceIndex:
    """One service's read operations and output fields, plus the botocore model they came from."""

    def __init__(
        self,
        service: str,
        operations: dict[str, OperationDoc],
        fields: list[FieldDoc],
        model: botocore.model.ServiceModel,
    ) -> None:
        self.service = service
        self.operations = operations
        self.fields = fields
        self.model = model


class _FastJSONFileLoader(botocore.loaders.JSONFileLoader):  # type: ignore[misc]
    """botocore's loader decodes with the json module into OrderedDicts and streams gzip in small chunks: on
    ec2 that is ~3x slower than one decompress and orjson (botocore only reads the mapping interface)."""

    def _load_file(self, full_path: str, open_method: Any) -> Any:
        try:
            with open(full_path, "rb") as fp:
                payload = fp.read()
        except FileNotFoundError:
            return None
        if full_path.endswith(".gz"):
            payload = zlib.decompress(payload, wbits=31)
        return orjson.loads(payload)


@functools.cache
def _loader() -> botocore.loaders.Loader:
    return botocore.loaders.Loader(file_loader=_FastJSONFileLoader())


def available_services() -> list[str]:
    """Every service (boto3 client name) botocore ships a model for."""
    return list(_loader().list_available_services("service-2"))


def _snake(name: str) -> str:
    return botocore.xform_name(name)  # type: ignore[no-any-return]


# A structure member as the walk needs it: name, (type, enum, doc, deprecated), child structure, list/map suffix.
_Member = tuple[str, tuple[str, tuple[str, ...], str, bool], str | None, str]


class _Builder:
    """Walks the raw model JSON once; each structure's members and each doc string are summarised once."""

    def __init__(self, raw: Mapping[str, Any], paginated: set[str]) -> None:
        self.shapes: Mapping[str, Any] = raw["shapes"]
        self.paginated = paginated
        self.docs: dict[str, str] = {}
        self.members: dict[str, list[_Member]] = {}
        self.fields: list[FieldDoc] = []

    def doc(self, html: str) -> str:
        summary = self.docs.get(html)
        if summary is None:
            summary = self.docs[html] = first_sentence(html) if html else ""
        return summary

    def operation(self, name: str, spec: Mapping[str, Any]) -> OperationDoc:
        params: list[ParamDoc] = []
        if "input" in spec:
            shape = self.shapes[spec["input"]["shape"]]
            required = set(shape.get("required", ()))
            for member, ref in shape.get("members", {}).items():
                target = self.shapes[ref["shape"]]
                html = ref.get("documentation") or target.get("documentation", "")
                params.append(ParamDoc(member, target["type"], member in required, html))
        start = len(self.fields)
        if "output" in spec:
            self._walk(name, spec["output"]["shape"], "", 0, ())
        paths = tuple(f.path for f in self.fields[start:])
        full_doc = spec.get("documentation", "")
        head = full_doc[:600]
        deprecated = bool(spec.get("deprecated")) or (
            "deprecated" in head.lower() and bool(_DEPRECATED.search(TAG.sub(" ", head)))
        )
        return OperationDoc(
            name, _snake(name), self.doc(full_doc), tuple(params), paths, name in self.paginated, deprecated
        )

    def _walk(self, op: str, shape_name: str, prefix: str, depth: int, stack: tuple[str, ...]) -> None:
        if depth >= MAX_DEPTH or shape_name in stack:
            return
        stack = (*stack, shape_name)
        append = self.fields.append
        members = self.members.get(shape_name)
        if members is None:
            members = self.members[shape_name] = self._members(shape_name)
        for member, described, child, suffix in members:
            path = prefix + member
            append(tuple.__new__(FieldDoc, (op, path, *described)))
            if child is not None:
                self._walk(op, child, f"{path}{suffix}.", depth + 1, stack)

    def _members(self, shape_name: str) -> list[_Member]:
        return [self._member(name, ref) for name, ref in self.shapes[shape_name].get("members", {}).items()]

    def _member(self, name: str, ref: Mapping[str, Any]) -> _Member:
        """A member's type and docs; lists and maps are looked through to the items they hold."""
        target = self.shapes[ref["shape"]]
        enum = target.get("enum", ())
        item_name, item, suffix = ref["shape"], target, ""
        while item["type"] in ("list", "map") and len(suffix) < 12:
            is_list = item["type"] == "list"
            suffix += "[]" if is_list else ".*"
            key_enum = () if is_list else self.shapes[item["key"]["shape"]].get("enum", ())
            item_name = item["member" if is_list else "value"]["shape"]
            item = self.shapes[item_name]
            enum = enum or key_enum or item.get("enum", ())
        documentation = self.doc(ref.get("documentation") or target.get("documentation", ""))
        deprecated = bool(ref.get("deprecated") or target.get("deprecated"))
        child = item_name if item["type"] == "structure" else None
        return name, (target["type"], tuple(enum), documentation, deprecated), child, suffix


_PY_TYPES = {"string": "str", "integer": "int", "long": "int", "boolean": "bool", "float": "float"}
_PY_TYPES |= {"double": "float", "timestamp": "datetime", "blob": "bytes", "map": "dict", "structure": "dict"}
SHOWN_ENUM_VALUES = 8


def boto3_call(op: OperationDoc) -> str:
    """`client.get_bucket_encryption(Bucket=str)`: the call with its required parameters and their types."""
    params = ", ".join(f"{p.name}={_PY_TYPES.get(p.type_name, p.type_name)}" for p in op.params if p.required)
    return f"client.{op.snake_name}({params})"


def describe_field(field: FieldDoc) -> str:
    """`string, one of AES256 | aws:kms`: a field's type with its enum (a map's allowed keys), kept short."""
    if not field.enum:
        return field.type_name
    values = " | ".join(field.enum[:SHOWN_ENUM_VALUES])
    more = f" | … ({len(field.enum) - SHOWN_ENUM_VALUES} more)" if len(field.enum) > SHOWN_ENUM_VALUES else ""
    label = "keys" if field.type_name == "map" else "one of"
    return f"{field.type_name}, {label} {values}{more}"


@OncePerKey
def _load_raw(service: str) -> tuple[dict[str, Any], set[str]]:
    """The service model and the names of its paginated operations.

    botocore's load_service_model first lists every service on disk (~900 directory reads); going to the
    latest version directly skips that. Only paginators ship sdk-extras today, so those are merged here."""
    loader = _loader()
    try:
        if not _SERVICE_NAME.fullmatch(service):
            raise botocore.exceptions.DataNotFoundError(data_path=service)
        version = loader.determine_latest_version(service, "service-2")
        raw: dict[str, Any] = loader.load_data(f"{service}/{version}/service-2")
    except botocore.exceptions.DataNotFoundError:
        close = difflib.get_close_matches(service, available_services(), n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise UsageError(f"unknown service {service!r}: no botocore model{hint}") from None
    paginated: set[str] = set()
    for name in ("paginators-1", "paginators-1.sdk-extras"):
        try:
            data = loader.load_data(f"{service}/{version}/{name}")
        except botocore.exceptions.DataNotFoundError:
            continue
        paginated.update(data.get("pagination") or data.get("merge", {}).get("pagination", {}))
    return raw, paginated


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Keep the cycle collector off a build: an index is ~10^5 acyclic objects that live as long as the process.

    Left tracked, they trigger full passes while being built and are scanned again by the first collection
    after it (~15 ms on ec2); frozen, collections skip them. Only the cycle collector ignores frozen objects:
    reference counting still frees them when a cache lets go."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


@OncePerKey
def load_index(service: str) -> ServiceIndex:
    """The read operations and output fields of `service` (a boto3 client name), built once per process."""
    with gc_paused():
        raw, paginated = _load_raw(service)
        builder = _Builder(raw, paginated)
        operations = {
            name: builder.operation(name, spec)
            for name, spec in sorted(raw["operations"].items())
            if is_read_operation(name)
        }
    return ServiceIndex(service, operations, builder.fields, service_model(service))


@functools.cache
def service_model(service: str) -> botocore.model.ServiceModel:
    """botocore's model of a service, from the same parsed JSON as its index (parsed once per process)."""
    return botocore.model.ServiceModel(_load_raw(service)[0], service_name=service)


def clear_caches() -> None:
    """Forget every built index and loaded model (benchmarks measure cold builds with this)."""
    load_index.cache_clear()
    service_model.cache_clear()
    _load_raw.cache_clear()
    _loader.cache_clear()
