"""The guide as data for other tools: `data/questions.json`, its JSON Schema, and `data/questions.csv`.

Every question field is exported (the field table in generator.models), with `{fact:key}` resolved to the
fact's value and `{q:id}` to a Markdown link relative to the site's root, plus the question's `url` and a
`rev` that changes whenever its text does (practice tools use it to flag answers updated since studied).
The schema is derived from generator/schemas/question.schema.json, so it cannot drift from the content
format. Output is deterministic: the same content gives the same bytes.
"""

from __future__ import annotations

import copy
import csv
import dataclasses
import hashlib
import io
import json
from typing import Any

from generator import urls
from generator.models import FIELDS, MARKDOWN_FIELDS, URL_FIELDS, Guide, Question
from generator.references import strip_markdown, substitute
from generator.schema import load_schema

FORMAT = "aws-lambda-interview-guide/questions"
VERSION = 1  # raise it when a field changes meaning or goes away; adding a field keeps it
LICENSE = "CC-BY-SA-4.0"  # the content's licence (README), which the data carries with it
CSV_COLUMNS = ("id", "title", "category", "kind", "difficulty", "tags", "short", "key_points", "url", "reviewed")


def files(guide: Guide) -> dict[str, bytes]:
    """The three data files, by their path in the site."""
    data = export(guide)
    return {
        urls.DATA_JSON: _json(data),
        urls.DATA_SCHEMA: _json(schema()),
        urls.DATA_CSV: _csv(data["questions"]),
    }


def export(guide: Guide) -> dict[str, Any]:
    facts = {f.key: f for f in guide.facts}
    by_id = {q.id: q for q in guide.questions}
    titles = {c.id: c.title for c in guide.categories}

    def resolve(text: str) -> str:
        def replace(kind: str, key: str, in_code: bool) -> str:
            if kind == "fact":
                return facts[key].value
            q = by_id[key]
            return q.title if in_code else f"[{q.title}]({urls.html(urls.question(q))})"

        return substitute(text, replace)

    return {
        "format": FORMAT,
        "version": VERSION,
        "title": guide.site.title,
        "repository": guide.site.repo_url,
        "license": LICENSE,
        "attribution": f"{guide.site.title}, {guide.site.repo_url}, licensed {LICENSE}",
        "categories": [{"id": c.id, "title": c.title, "description": c.description} for c in guide.categories],
        "questions": [_question(q, resolve, titles[q.category]) for q in guide.questions],
        "facts": [
            {"key": f.key, "group": f.group, "title": f.title, "value": f.value, "note": f.note, "source": f.source, "checked": f.checked.isoformat()}
            for f in guide.facts
        ],
    }


def _question(q: Question, resolve: Any, category_title: str) -> dict[str, Any]:
    record: dict[str, Any] = {}
    for field in FIELDS:
        value = getattr(q, field.name)
        markdown = field.name in MARKDOWN_FIELDS
        record[field.name] = _value(value, resolve if markdown else None)
    record["category_title"] = category_title
    record["url"] = urls.html(urls.question(q))
    record["rev"] = rev(q)
    return record


def _value(value: Any, resolve: Any) -> Any:
    if dataclasses.is_dataclass(value):
        return {k: _value(v, None if k in URL_FIELDS else resolve) for k, v in ((f.name, getattr(value, f.name)) for f in dataclasses.fields(value))}
    if isinstance(value, tuple):
        return [_value(v, resolve) for v in value]
    if isinstance(value, str):
        return resolve(value) if resolve else value
    if value is None:
        return None
    return value.isoformat() if hasattr(value, "isoformat") else value


def rev(q: Question) -> str:
    """A short digest of everything a reader studies in the question (its texts and diagram, not its date)."""
    digest = hashlib.sha256()
    for key, text in q.texts():
        digest.update(json.dumps([list(key), text], ensure_ascii=False).encode())
    digest.update(q.diagram.encode())
    return digest.hexdigest()[:12]


def schema() -> dict[str, Any]:
    """The dataset's JSON Schema: the question schema's fields as exported, plus the dataset's envelope."""
    source = load_schema("question")
    properties = copy.deepcopy(source["properties"])
    properties.pop("order", None)
    for name in MARKDOWN_FIELDS:  # references are resolved, so the source's length limits no longer hold
        _drop_lengths(properties[name])
    for name in set(properties) - set(source["required"]):  # optional fields are exported empty
        properties[name].pop("minItems", None)
        properties[name].pop("minLength", None)
    properties["star"]["type"] = ["object", "null"]
    properties["category_title"] = {"description": "The category's title.", "type": "string"}
    properties["url"] = {"description": "The question on the site, relative to the site's root.", "type": "string"}
    properties["rev"] = {"description": "Changes whenever the question's text or diagram changes.", "type": "string", "pattern": "^[0-9a-f]{12}$"}
    question = {
        "type": "object",
        "additionalProperties": False,
        "required": sorted({*source["required"], *(f.name for f in FIELDS), "category_title", "url", "rev"}),
        "properties": properties,
    }
    text = {"type": "string"}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "questions.schema.json",
        "title": "AWS Lambda interview guide: questions dataset",
        "description": f"{FORMAT} version {VERSION}. Markdown fields have {{fact:key}} resolved to values and {{q:id}} to links relative to the site's root.",
        "type": "object",
        "additionalProperties": False,
        "required": ["format", "version", "title", "repository", "license", "attribution", "categories", "questions", "facts"],
        "properties": {
            "format": {"const": FORMAT},
            "version": {"const": VERSION},
            "title": text,
            "repository": text,
            "license": {"const": LICENSE},
            "attribution": {"description": "What a reuse must credit.", "type": "string"},
            "categories": {
                "type": "array",
                "items": {"type": "object", "additionalProperties": False, "required": ["id", "title", "description"], "properties": {"id": text, "title": text, "description": text}},
            },
            "questions": {"type": "array", "items": question},
            "facts": {
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["key", "group", "title", "value", "note", "source", "checked"],
                    "properties": {k: text for k in ("key", "group", "title", "value", "note", "source", "checked")},
                },
            },
        },
    }


def _drop_lengths(node: Any) -> None:
    if isinstance(node, dict):
        node.pop("minLength", None)
        node.pop("maxLength", None)
        for value in node.values():
            _drop_lengths(value)


def _json(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _csv(questions: list[dict[str, Any]]) -> bytes:
    """One row per question, plain text (no Markdown), for spreadsheets; key points one per line in their cell."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180, which spreadsheets expect
    writer.writerow(CSV_COLUMNS)
    for q in questions:
        row = dict(q, tags=" ".join(q["tags"]), short=strip_markdown(q["short"]), key_points="\n".join(strip_markdown(k) for k in q["key_points"]))
        writer.writerow([row[c] for c in CSV_COLUMNS])
    return out.getvalue().encode("utf-8")
