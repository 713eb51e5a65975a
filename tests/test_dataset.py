"""The dataset for other tools (data/questions.json, its schema, data/questions.csv): what a reuser gets."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from pathlib import Path

import jsonschema
import pytest

from generator import dataset, urls
from generator.loader import load_guide
from generator.models import FIELDS, Guide

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def guide() -> Guide:
    return load_guide(ROOT / "content")


@pytest.fixture(scope="module")
def files(guide: Guide) -> dict[str, bytes]:
    return dataset.files(guide)


def test_the_dataset_validates_against_its_own_schema(files: dict[str, bytes]) -> None:
    schema = json.loads(files[urls.DATA_SCHEMA])
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(json.loads(files[urls.DATA_JSON]))


def test_the_schema_rejects_a_record_that_lost_a_field(files: dict[str, bytes]) -> None:
    schema, data = json.loads(files[urls.DATA_SCHEMA]), json.loads(files[urls.DATA_JSON])
    del data["questions"][0]["answer"]
    with pytest.raises(jsonschema.ValidationError, match="'answer' is a required property"):
        jsonschema.validate(data, schema)


def test_every_question_is_there_with_every_field_of_the_content_model(guide: Guide, files: dict[str, bytes]) -> None:
    data = json.loads(files[urls.DATA_JSON])
    assert [q["id"] for q in data["questions"]] == [q.id for q in guide.questions]
    names = {f.name for f in FIELDS}
    assert all(names <= set(q) for q in data["questions"])
    assert names <= set(json.loads(files[urls.DATA_SCHEMA])["properties"]["questions"]["items"]["properties"])
    by_id = {q.id: q for q in guide.questions}
    for record in data["questions"]:
        q = by_id[record["id"]]
        assert len(record["key_points"]) == len(q.key_points) and len(record["follow_ups"]) == len(q.follow_ups)
        assert record["url"] == f"{q.category}.html#{q.id}"


def test_references_are_resolved_to_values_and_links(guide: Guide, files: dict[str, bytes]) -> None:
    text = files[urls.DATA_JSON].decode()
    assert "{fact:" not in text and "{q:" not in text
    facts = {f.key: f.value for f in guide.facts}
    cited = next(q for q in guide.questions if "{fact:timeout-max}" in q.answer)
    record = next(r for r in json.loads(text)["questions"] if r["id"] == cited.id)
    assert facts["timeout-max"] in record["answer"]
    linking = next(q for q in guide.questions if "{q:" in q.answer and "`{q:" not in q.answer)
    target = linking.answer.split("{q:", 1)[1].split("}", 1)[0]
    target_q = next(q for q in guide.questions if q.id == target)
    record = next(r for r in json.loads(text)["questions"] if r["id"] == linking.id)
    assert f"]({target_q.category}.html#{target})" in record["answer"]


def test_csv_has_one_plain_text_row_per_question(guide: Guide, files: dict[str, bytes]) -> None:
    rows = list(csv.DictReader(io.StringIO(files[urls.DATA_CSV].decode("utf-8"), newline="")))
    assert [r["id"] for r in rows] == [q.id for q in guide.questions]
    first = guide.questions[0]
    assert rows[0]["key_points"].count("\n") == len(first.key_points) - 1
    assert not any("**" in r["short"] or "{fact:" in r["short"] for r in rows)


def test_rev_changes_with_the_answer_and_only_then(guide: Guide) -> None:
    q = guide.questions[0]
    assert dataset.rev(q) == dataset.rev(dataclasses.replace(q, reviewed=q.reviewed.replace(year=2020)))
    assert dataset.rev(q) != dataset.rev(dataclasses.replace(q, answer=q.answer + " More."))
    assert len({dataset.rev(x) for x in guide.questions}) == len(guide.questions)


def test_the_same_content_gives_the_same_bytes(guide: Guide, files: dict[str, bytes]) -> None:
    assert dataset.files(load_guide(ROOT / "content")) == files


def test_the_built_site_serves_the_files_its_home_page_links(fixture_site: Path) -> None:
    home = (fixture_site / "index.html").read_text(encoding="utf-8")
    for name in urls.DATA_FILES:
        assert f'href="{name}"' in home
        assert (fixture_site / name).is_file()
    data = json.loads((fixture_site / urls.DATA_JSON).read_text(encoding="utf-8"))
    jsonschema.validate(data, json.loads((fixture_site / urls.DATA_SCHEMA).read_text(encoding="utf-8")))
    assert [q["id"] for q in data["questions"]] == [q.id for q in load_guide(ROOT / "tests" / "fixtures" / "valid").questions]
