"""The real content: it passes every rule, answers every seed item, and its cross-links form one connected graph."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from generator.loader import load_guide
from generator.models import Guide
from tests.conftest import ROOT

SEED_DIR = ROOT.parent / "shared" / "seed"
SEED_MAP = yaml.safe_load((ROOT / "tests" / "seed_map.yml").read_text(encoding="utf-8"))["items"]


@pytest.fixture(scope="module")
def guide() -> Guide:
    return load_guide(ROOT / "content")  # raises ContentError, with every problem, if any rule fails


def test_every_seed_item_maps_to_an_existing_question(guide: Guide) -> None:
    ids = {q.id for q in guide.questions}
    missing = [(item["seed"], qid) for item in SEED_MAP for qid in item["ids"] if qid not in ids]
    assert missing == []


def test_every_question_in_the_seed_document_is_mapped() -> None:
    if not SEED_DIR.is_dir():
        pytest.skip(f"seed document not present at {SEED_DIR}; the map itself is checked by the test above")
    lines = [line.strip() for path in sorted(SEED_DIR.glob("*.txt")) for line in path.read_text(encoding="utf-8").splitlines()]
    asked = [line for line in lines if line.endswith("?") or line.startswith("Tip:")]
    # the advanced sections list four items each after a lead-in such as "Be prepared to discuss:"
    for n, line in enumerate(lines):
        if line.endswith(("Be prepared to discuss:", "Understand:", "Focus on:", "Be ready to:")):
            asked += lines[n + 1 : n + 5]
    seeds = [item["seed"] for item in SEED_MAP]
    assert len(asked) == 52
    assert [line for line in asked if not any(line.startswith(seed) for seed in seeds)] == []
    assert [seed for seed in seeds if not any(line.startswith(seed) for line in lines)] == []


def test_every_category_has_questions_and_the_guide_covers_all_kinds(guide: Guide) -> None:
    assert all(guide.in_category(c.id) for c in guide.categories)
    assert {q.kind for q in guide.questions} == {"concept", "scenario", "behavioral"}


def test_no_question_is_an_orphan(guide: Guide) -> None:
    linked = {rel for q in guide.questions for rel in q.related}
    assert sorted(q.id for q in guide.questions if q.id not in linked) == []


def test_scenarios_link_the_concepts_they_rely_on(guide: Guide) -> None:
    kinds = {q.id: q.kind for q in guide.questions}
    for q in guide.questions:
        if q.kind == "scenario":
            assert sum(kinds[r] == "concept" for r in q.related) >= 2, q.id


def test_no_obsolete_numbers_are_stated_as_current(guide: Guide) -> None:
    """Outdated limits may appear only in pitfalls (as what not to say)."""
    obsolete = ["3,008 MB", "3008 MB", "256 KB async", "75 GB"]
    for q in guide.questions:
        for text in (q.short, q.answer, *q.key_points):
            for number in obsolete:
                assert number not in text, f"{q.id} states the obsolete '{number}' outside its pitfalls"


def test_seed_questions_are_in_the_search_index(real_site: Path) -> None:
    index = json.loads((real_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = {doc["title"] for doc in index["docs"]}
    guide = load_guide(ROOT / "content")
    by_id = {q.id: q for q in guide.questions}
    for item in SEED_MAP:
        for qid in item["ids"]:
            assert by_id[qid].title in titles, f"search does not index the question {qid}"
