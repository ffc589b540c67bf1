"""AsyncAPI 3.0 documents generated from the same EventSpecs the services publish.

Versioning (docs/api/README.md): within a type's version (``...v1``) fields are only ever added, so
the published schemas never say ``additionalProperties: false`` — a consumer must accept fields it
does not know. Removing or renaming a field, or changing its meaning, is a new type (``...v2``),
published beside the old one until its consumers have moved.
"""

from __future__ import annotations

from typing import Any

from pydantic.json_schema import models_json_schema

from shared.events.envelope import CloudEvent, EventSpec, dataschema_url, stream_name


def asyncapi_fragment(service: str, title: str, specs: list[EventSpec]) -> dict[str, Any]:
    """AsyncAPI 3.0 document for one service's published events."""
    _, defs = models_json_schema(
        [(s.payload, "serialization") for s in specs] + [(CloudEvent, "serialization")],
        ref_template="#/components/schemas/{model}",
    )
    # Producers forbid unknown fields on themselves (extra="forbid"); consumers must tolerate them.
    schemas: dict[str, Any] = _open(dict(defs.get("$defs", {})))
    channels: dict[str, Any] = {}
    operations: dict[str, Any] = {}
    messages: dict[str, Any] = {}
    for spec in specs:
        key = spec.type.replace(".", "_")
        messages[key] = {
            "name": spec.type,
            "examples": [{"name": "example", "payload": _envelope_example(spec, schemas)}],
            "title": spec.summary or spec.type,
            "summary": spec.summary,
            "contentType": "application/cloudevents+json",
            "headers": {
                "type": "object",
                "properties": {"Nats-Msg-Id": {"type": "string", "description": "= CloudEvent id (dedupe)"}},
            },
            "payload": {
                "allOf": [
                    {"$ref": "#/components/schemas/CloudEvent"},
                    {
                        "type": "object",
                        "properties": {
                            "type": {"const": spec.type},
                            "source": {"const": spec.source},
                            "data": {"$ref": f"#/components/schemas/{spec.payload.__name__}"},
                        },
                    },
                ]
            },
        }
        channels[key] = {
            "address": spec.nats_subject,
            "description": f"JetStream stream {stream_name(service)}",
            "messages": {key: {"$ref": f"#/components/messages/{key}"}},
        }
        operations[f"publish_{key}"] = {
            "action": "send",
            "channel": {"$ref": f"#/channels/{key}"},
            "summary": spec.summary,
            "messages": [{"$ref": f"#/channels/{key}/messages/{key}"}],
        }
    return {
        "asyncapi": "3.0.0",
        "info": {"title": title, "version": "1.0.0"},
        "defaultContentType": "application/cloudevents+json",
        "channels": channels,
        "operations": operations,
        "components": {"schemas": schemas, "messages": messages},
    }


def _open(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _open(v) for k, v in node.items() if not (k == "additionalProperties" and v is False)}
    if isinstance(node, list):
        return [_open(v) for v in node]
    return node


def _envelope_example(spec: EventSpec, schemas: dict[str, Any]) -> dict[str, Any]:
    return {
        "specversion": "1.0",
        "id": "0b7e4a52-6f1d-4c5e-9a41-3f2d8c9e1a07",
        "source": spec.source,
        "type": spec.type,
        "subject": "3f6c2b1e-8d4a-4b7e-a0c2-5e9f1d2a3b4c",
        "time": "2026-03-02T08:30:00Z",
        "datacontenttype": "application/json",
        "dataschema": dataschema_url(spec.type),
        "data": example_of({"$ref": f"#/components/schemas/{spec.payload.__name__}"}, schemas),
    }


_FORMATS = {
    "uuid": "3f6c2b1e-8d4a-4b7e-a0c2-5e9f1d2a3b4c",
    "date": "2026-03-02",
    "date-time": "2026-03-02T08:30:00Z",
}


def example_of(schema: dict[str, Any], schemas: dict[str, Any], depth: int = 0) -> Any:
    """A value valid under ``schema`` (its own examples first), for documentation."""
    if depth > 8:
        return None
    if "$ref" in schema:
        return example_of(schemas[schema["$ref"].rsplit("/", 1)[-1]], schemas, depth + 1)
    if schema.get("examples"):
        return schema["examples"][0]
    if "const" in schema:
        return schema["const"]
    if schema.get("enum"):
        return schema["enum"][0]
    for combinator in ("anyOf", "oneOf", "allOf"):
        options = [o for o in schema.get(combinator, []) if o.get("type") != "null"]
        if options:
            return example_of(options[0], schemas, depth + 1)
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        return {
            name: example_of(sub, schemas, depth + 1) for name, sub in schema.get("properties", {}).items()
        }
    if kind == "array":
        return [example_of(schema.get("items", {}), schemas, depth + 1)]
    if kind == "integer":
        return int(
            schema.get(
                "minimum", schema.get("exclusiveMinimum", 0) + 1 if "exclusiveMinimum" in schema else 1
            )
        )
    if kind == "number":
        return schema.get("minimum", 1)
    if kind == "boolean":
        return True
    if kind == "null":
        return None
    if "format" in schema and schema["format"] in _FORMATS:
        return _FORMATS[schema["format"]]
    if "pattern" in schema and "\\d" in schema["pattern"]:
        return "8600.00" if "." in schema["pattern"] else "419001100201"[: schema.get("maxLength", 12)]
    return "示例"
