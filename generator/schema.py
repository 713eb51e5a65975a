"""Validate parsed YAML against the JSON Schemas in generator/schemas/, with positioned, plain-English errors.

The same schema files drive editor autocompletion (see .vscode/settings.json and the modeline at the top of
every content file), so what an editor underlines is what `check` reports.
"""

from __future__ import annotations

import difflib
import json
import re
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from generator.problems import Problem
from generator.yamlfile import PathKey, YamlFile

if TYPE_CHECKING:
    import jsonschema

SCHEMAS = ("question", "category", "facts", "tags", "site")
_TYPES = {"object": "a mapping of fields", "array": "a list", "string": "text", "integer": "a whole number"}


@cache
def load_schema(name: str) -> dict[str, Any]:
    """The JSON Schema `generator/schemas/<name>.schema.json`."""
    text = resources.files("generator.schemas").joinpath(f"{name}.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


@cache
def _validator(name: str) -> jsonschema.Draft202012Validator:
    import jsonschema

    return jsonschema.Draft202012Validator(load_schema(name))


# A fast path for the common case, a valid file: a direct check of the subset of Draft 2020-12 our schemas use
# (jsonschema's import and per-file cost add up over a large guide; see the README's bench). It says "valid"
# only when sure; any failure, or a keyword or value it does not know, goes to jsonschema, which finds and
# words the errors. tests/test_schema.py holds it to jsonschema's verdict.
_ANNOTATIONS = {"$schema", "$id", "title", "description"}
_PYTHON_TYPES = {"object": dict, "array": list, "string": str}


def _surely_valid(value: Any, schema: Any) -> bool:
    if not isinstance(schema, dict):
        return False
    for keyword, expected in schema.items():
        if keyword in _ANNOTATIONS:
            continue
        if keyword == "type":
            ok = (type(value) is int) if expected == "integer" else isinstance(value, _PYTHON_TYPES.get(str(expected), ()))
        elif keyword == "enum":
            ok = isinstance(value, str) and value in expected
        elif isinstance(value, dict) and keyword in ("required", "properties", "additionalProperties"):
            if keyword == "required":
                ok = all(key in value for key in expected)
            elif keyword == "properties":
                ok = all(_surely_valid(item, expected[key]) for key, item in value.items() if key in expected)
            else:
                ok = expected is False and all(key in schema.get("properties", {}) for key in value)
        elif isinstance(value, list) and keyword in ("items", "minItems", "maxItems", "uniqueItems"):
            if keyword == "items":
                ok = all(_surely_valid(item, expected) for item in value)
            elif keyword == "uniqueItems":
                ok = expected is True and all(type(item) is str for item in value) and len(set(value)) == len(value)
            else:
                ok = len(value) >= expected if keyword == "minItems" else len(value) <= expected
        elif isinstance(value, str) and keyword in ("minLength", "maxLength", "pattern"):
            if keyword == "pattern":
                ok = re.search(expected, value) is not None
            else:
                ok = len(value) >= expected if keyword == "minLength" else len(value) <= expected
        elif keyword == "minimum":
            ok = value >= expected if type(value) is int else not isinstance(value, (int, float))
        else:
            ok = keyword in _KNOWN  # a keyword that does not apply to this type of value
        if not ok:
            return False
    return True


_KNOWN = {"required", "properties", "additionalProperties", "items", "minItems", "maxItems", "uniqueItems", "minLength", "maxLength", "pattern"}


def field_name(at: PathKey) -> str:
    """`follow_ups[1].answer` for the path ('follow_ups', 1, 'answer')."""
    text = ""
    for part in at:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "file"


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def validate(doc: YamlFile, name: str) -> list[Problem]:
    """Every schema problem in `doc`, one per root cause, in file order."""
    if _surely_valid(doc.data, load_schema(name)):
        return []
    explained = [item for err in _validator(name).iter_errors(doc.data) for item in _explain(doc, err)]
    # One root cause, one message: a misspelt required field (`anwser`) is reported as unknown with a
    # "did you mean `answer`?" hint, not a second time as missing.
    meant = {field for problem, field in explained if problem.code == "LG011" and field}
    return [problem for problem, field in explained if not (problem.code == "LG010" and field in meant)]


def did_you_mean(word: str, choices: list[str], cutoff: float = 0.6) -> str:
    """`did you mean `x`?` for the closest of `choices`, or "" when none is close."""
    close = difflib.get_close_matches(word, choices, n=1, cutoff=cutoff)
    return f"did you mean `{close[0]}`?" if close else ""


Explained = list[tuple[Problem, PathKey | None]]  # each problem, and the field it is about when it may repeat


def _explain(doc: YamlFile, err: jsonschema.ValidationError) -> Explained:
    at: PathKey = tuple(err.absolute_path)
    what = f"`{field_name(at)}`"
    rule, expected, value = err.validator, err.validator_value, err.instance
    props = sorted(err.schema.get("properties", {})) if isinstance(err.schema, dict) else []
    if rule == "required":
        missing = [key for key in expected if key not in value]
        where = "the file" if not at else what
        return [(doc.problem(at, "LG010", f"required field `{key}` is missing in {where}", f"add `{key}:` (see CONTRIBUTING.md)"), (*at, key)) for key in missing]
    if rule == "additionalProperties":
        problems: Explained = []
        for key in sorted(set(value) - set(props), key=lambda k: doc.key_pos(at + (k,))):
            close = difflib.get_close_matches(key, props, n=1, cutoff=0.6)
            hint = did_you_mean(key, props) or f"allowed fields: {', '.join(props)}"
            problems.append((doc.problem(at + (key,), "LG011", f"unknown field `{key}`", hint, key=True), (*at, close[0]) if close else None))
        return problems
    return [(problem, None) for problem in _explain_value(doc, err, at, what)]


def _explain_value(doc: YamlFile, err: jsonschema.ValidationError, at: PathKey, what: str) -> list[Problem]:
    rule, expected, value = err.validator, err.validator_value, err.instance
    if rule == "type":
        wanted = _TYPES.get(expected, expected)
        hint = f"write {what} as {wanted}"
        if expected == "string" and isinstance(value, dict) and len(value) == 1:
            hint = "a colon followed by a space made YAML read this text as `key: value`; put the whole text in quotes"
        return [doc.problem(at, "LG012", f"{what} must be {wanted}, not {_short(value)}", hint)]
    if rule == "enum":
        choices = ", ".join(str(c) for c in expected)
        hint = did_you_mean(str(value), [str(c) for c in expected], 0.5) or f"use one of: {choices}"
        return [doc.problem(at, "LG012", f"{what} is {_short(value)}, not one of: {choices}", hint)]
    if rule == "minLength":
        if expected <= 1:
            return [doc.problem(at, "LG035", f"{what} is empty", "write the text or remove the field if it is optional")]
        return [doc.problem(at, "LG012", f"{what} is too short ({len(value)} characters, at least {expected})", "say a little more")]
    if rule == "maxLength":
        return [doc.problem(at, "LG012", f"{what} is too long ({len(value)} characters, at most {expected})", "shorten it")]
    if rule == "minItems":
        return [doc.problem(at, "LG012", f"{what} has {len(value)} item(s), needs at least {expected}", "add items")]
    if rule == "maxItems":
        return [doc.problem(at, "LG012", f"{what} has {len(value)} items, at most {expected} allowed", "keep the most important ones")]
    if rule == "uniqueItems":
        return [doc.problem(at, "LG012", f"{what} lists the same item twice", "remove the duplicate")]
    if rule == "pattern":
        return [doc.problem(at, "LG012", f"{what} is {_short(value)}, not a lowercase slug", "use lowercase letters, digits and single hyphens, like `cold-start`")]
    if rule == "minimum":
        return [doc.problem(at, "LG012", f"{what} is {value}, below the minimum {expected}", f"use {expected} or more")]
    return [doc.problem(at, "LG012", f"{what}: {err.message[:200]}", "see the schema in generator/schemas/")]
