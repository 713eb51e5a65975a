"""The field table (generator.models) and the JSON Schema editors use describe the same question file, and the
table's flags are true of the pages: Markdown fields expand references, cheat-sheet fields print there."""

from __future__ import annotations

import dataclasses

from generator import models
from generator.loader import load_guide
from generator.render import render
from generator.schema import load_schema
from tests.conftest import VALID

SCHEMA = load_schema("question")


def test_schema_properties_are_the_field_table() -> None:
    assert set(SCHEMA["properties"]) == {f.name for f in models.FIELDS} | set(models.Question.YAML_ONLY)
    required = {f.name for f in models.FIELDS if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING}
    assert set(SCHEMA["required"]) == required


def test_schema_vocabularies_are_the_models() -> None:
    assert tuple(SCHEMA["properties"]["kind"]["enum"]) == models.KINDS
    assert tuple(SCHEMA["properties"]["difficulty"]["enum"]) == models.DIFFICULTIES


def test_nested_schema_objects_are_the_nested_dataclasses() -> None:
    for name, cls in (("star", models.Star), ("follow_ups", models.FollowUp), ("sources", models.Source)):
        node = SCHEMA["properties"][name]
        node = node.get("items", node)
        assert set(node["properties"]) == {f.name for f in dataclasses.fields(cls)}, name
        assert set(node["required"]) == {f.name for f in dataclasses.fields(cls)}, name


def test_texts_are_every_markdown_string_of_a_question_and_no_url() -> None:
    guide = load_guide(VALID)
    q = next(q for q in guide.questions if q.kind == "scenario")
    texts = dict(q.texts())
    assert texts[("short",)] == q.short and texts[("answer",)] == q.answer
    assert texts[("follow_ups", 0, "answer")] == q.follow_ups[0].answer
    assert texts[("sources", 0, "title")] == q.sources[0].title
    assert ("sources", 0, "url") not in texts
    assert ("diagram",) not in texts and ("title",) not in texts  # Mermaid, and plain text


def test_cheat_sheet_fields_are_the_ones_the_cheat_sheet_prints() -> None:
    guide = load_guide(VALID)
    pages = render(guide)
    titles = {q.title for q in guide.questions}
    for q in guide.questions:
        sheet = pages[f"{q.category}-cheatsheet.md"]
        for at, text in q.texts():
            first_words = " ".join(text.split()[:6]).split("{")[0].strip()  # before any reference
            if len(first_words) < 12 or text in titles:  # too short to tell, or printed anyway as a title
                continue
            assert (first_words in sheet) == (at[0] in models.SHEET_FIELDS), (q.id, at)
