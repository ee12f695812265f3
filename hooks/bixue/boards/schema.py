"""data.json checked against its JSON Schema: the version first, then every schema error."""

from __future__ import annotations

import json
from typing import List

import jsonschema

from ..exports.data_json import SCHEMA_FILE, VERSION
from . import fast_check

SKIPPED = frozenset({"$ref", "$defs", "description", "title"})
"""Left out of the schema the validator is given: notes for readers, which check nothing."""
MAX_ERRORS = 5
"""Schema errors named in one reason; the rest are counted."""


def inlined(node, definitions):
    """The schema with every `$ref` replaced by what it names: the validator follows references
    slowly (half the time of a check went to them), and data.json's schema has no cycles."""
    if isinstance(node, list):
        return [inlined(item, definitions) for item in node]
    if not isinstance(node, dict):
        return node
    rest = {k: inlined(v, definitions) for k, v in node.items() if k not in SKIPPED}
    if "$ref" not in node:
        return rest
    target = inlined(definitions[node["$ref"].rsplit("/", 1)[-1]], definitions)
    return {"allOf": [target], **rest} if rest else target


class Validator:
    """jsonschema's validator of data.json, behind the quick check: a document the quick check
    passes is valid; one it fails is handed to jsonschema, which names every error (or, for a
    value the quick check is stricter about, such as 1.0 for 1, finds none)."""

    def __init__(self, schema: dict):
        jsonschema.Draft202012Validator.check_schema(schema)
        whole = inlined(schema, schema.get("$defs", {}))
        self.full = jsonschema.Draft202012Validator(whole)
        self.quick = fast_check.compile_schema(whole)

    def is_valid(self, data) -> bool:
        return self.quick(data) or self.full.is_valid(data)

    def iter_errors(self, data):
        return self.full.iter_errors(data)


def load_validator() -> Validator:
    return Validator(json.loads(SCHEMA_FILE.read_text("utf-8")))


def problems(data, validator: Validator) -> List[str]:
    """Why `data` is not a data.json this code reads (in Chinese); empty when it is one."""
    if not isinstance(data, dict):
        return [f"不是 JSON 对象，而是 {type(data).__name__}"]
    version = data.get("version")
    if version != VERSION:
        shown = "没有 version" if version is None else f"version 为 {json.dumps(version)}"
        return [f"data.json 的版本不认识：{shown}（本程序读取版本 {VERSION}）"]
    if validator.is_valid(data):
        return []
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    named = [f"{where(e.absolute_path)}：{e.message}" for e in errors[:MAX_ERRORS]]
    more = len(errors) - MAX_ERRORS
    return ["不符合格式：" + "；".join(named) + (f"；另有 {more} 处" if more > 0 else "")]


def where(path) -> str:
    """A JSON path as it is written in the file: ledger.by_unit.x.total, units[3].id."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "（整个文件）"
