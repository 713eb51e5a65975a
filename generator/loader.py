"""The one loader: content/ folder -> checked, frozen `Guide`, or every problem found.

read (generator.files) -> check (generator.rules) -> build the models (generator.models.from_yaml).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from generator import rules
from generator.files import ContentFiles, read_content
from generator.models import Category, Fact, Guide, Question, Site, Tag, from_yaml
from generator.problems import ContentError, Problem, errors


@dataclass(frozen=True)
class Loaded:
    """A checked guide, the files it came from (for positions) and the warnings about them."""

    guide: Guide
    files: ContentFiles
    warnings: tuple[Problem, ...]


def load(root: Path, today: dt.date | None = None) -> Loaded:
    """Read, check and build the guide; raise ContentError with every error if anything is wrong. Warnings
    (answers and facts not reviewed for a year, as of `today`) do not stop it."""
    files = read_content(root)
    problems = files.problems + rules.check(files, today or dt.date.today())
    if errors(problems) or not (files.site and files.tags and files.facts):
        raise ContentError(errors(problems) or [Problem(str(root), 1, 1, "LG036", "content is incomplete", "see the errors above")])
    return Loaded(build(files), files, tuple(sorted(problems)))


def load_guide(root: Path) -> Guide:
    return load(root).guide


def build(files: ContentFiles) -> Guide:
    assert files.site and files.tags and files.facts
    site = from_yaml(Site, files.site.data)
    tags = tuple(from_yaml(Tag, t) for t in files.tags.data["tags"])
    facts = tuple(from_yaml(Fact, f) for f in files.facts.data["facts"])
    categories = sorted((from_yaml(Category, d.data, path=d.path) for d in files.categories), key=lambda c: (c.order, c.id))
    order = {c.id: n for n, c in enumerate(categories)}
    position = {doc.data["id"]: doc.data.get("order", 100) for doc in files.questions}
    questions = sorted((from_yaml(Question, d.data, path=d.path) for d in files.questions), key=lambda q: (order[q.category], position[q.id], q.id))
    study_plan = files.study_plan.text if files.study_plan else ""
    return Guide(site, tuple(categories), tuple(questions), tags, facts, study_plan)
