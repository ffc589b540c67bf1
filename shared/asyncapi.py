"""AsyncAPI 3.0 documents generated from the same EventSpecs the services publish."""

from __future__ import annotations

from typing import Any

from pydantic.json_schema import models_json_schema

from shared.events.envelope import CloudEvent, EventSpec, stream_name


def asyncapi_fragment(service: str, title: str, specs: list[EventSpec]) -> dict[str, Any]:
    """AsyncAPI 3.0 document for one service's published events."""
    _, defs = models_json_schema(
        [(s.payload, "validation") for s in specs] + [(CloudEvent, "validation")],
        ref_template="#/components/schemas/{model}",
    )
    schemas: dict[str, Any] = dict(defs.get("$defs", {}))
    channels: dict[str, Any] = {}
    operations: dict[str, Any] = {}
    messages: dict[str, Any] = {}
    for spec in specs:
        key = spec.type.replace(".", "_")
        messages[key] = {
            "name": spec.type,
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
