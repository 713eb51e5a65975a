"""The one loader: content/ folder -> checked, frozen `Guide`, or every problem found.

Layout it reads:
    content/site.yml, tags.yml, facts.yml     site metadata, tag vocabulary, key numbers
    content/study-plan.md                     optional hand-written page ({q:id} and {fact:key} work)
    content/<category>/_category.yml          one folder per category
    content/<category>/<question-id>.yml      one file per question
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from generator import rules
from generator.models import Category, Fact, FollowUp, Guide, Question, Site, Source, Star, Tag
from generator.problems import ContentError, Problem
from generator.schema import validate
from generator.yamlfile import YamlFile, read_yaml

CATEGORY_FILE = "_category.yml"


class Loaded:
    """Parsed files by role, before models are built: the input of every rule."""

    def __init__(self) -> None:
        self.site: YamlFile | None = None
        self.tags: YamlFile | None = None
        self.facts: YamlFile | None = None
        self.categories: list[YamlFile] = []
        self.questions: list[YamlFile] = []
        self.study_plan: tuple[str, str] | None = None  # (shown path, text)
        self.problems: list[Problem] = []
        # ids of question files and category folders whose file has errors of its own: other files may still
        # name them without an error that says they do not exist
        self.broken_questions: set[str] = set()
        self.broken_categories: set[str] = set()


def _display(path: Path, cwd: Path) -> str:
    """Paths in messages are relative to the working directory `cwd` (resolved) when possible, so editors can
    open them. (os.path.realpath is what Path.resolve runs, without building Path objects on the way.)"""
    try:
        return str(Path(os.path.realpath(path)).relative_to(cwd))
    except ValueError:
        return str(path)


def _read(path: Path, cwd: Path, schema: str, loaded: Loaded) -> YamlFile | None:
    shown = _display(path, cwd)
    doc, problems = read_yaml(path, shown)
    loaded.problems.extend(problems)
    if doc is None or problems:
        return None
    schema_problems = validate(doc, schema)
    loaded.problems.extend(schema_problems)
    return None if schema_problems else doc


def read_content(root: Path) -> Loaded:
    """Parse and schema-check every content file under `root`."""
    loaded = Loaded()
    cwd = Path.cwd().resolve()
    if not root.is_dir():
        loaded.problems.append(Problem(str(root), 1, 1, "LG036", "content folder not found", "pass the folder that holds site.yml"))
        return loaded
    for name, schema in (("site.yml", "site"), ("tags.yml", "tags"), ("facts.yml", "facts")):
        path = root / name
        if not path.is_file():
            loaded.problems.append(Problem(_display(path, cwd), 1, 1, "LG036", f"{name} is missing", f"create {name} (see CONTRIBUTING.md)"))
            continue
        setattr(loaded, name.removesuffix(".yml"), _read(path, cwd, schema, loaded))
    plan = root / "study-plan.md"
    if plan.is_file():
        loaded.study_plan = (_display(plan, cwd), plan.read_text(encoding="utf-8", errors="replace"))
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")):
        files = sorted(p for p in folder.iterdir() if p.suffix in (".yml", ".yaml") and p.is_file())
        for path in files:
            if path.name == CATEGORY_FILE:
                doc = _read(path, cwd, "category", loaded)
                if doc:
                    loaded.categories.append(doc)
                else:
                    loaded.broken_categories.add(folder.name)
            else:
                doc = _read(path, cwd, "question", loaded)
                if doc:
                    loaded.questions.append(doc)
                else:
                    loaded.broken_questions.add(path.stem)
    return loaded


def load_guide(root: Path) -> Guide:
    """Read, check and build the guide; raise ContentError with every problem if anything is wrong."""
    loaded = read_content(root)
    problems = loaded.problems + rules.check(loaded)
    if problems or not (loaded.site and loaded.tags and loaded.facts):
        raise ContentError(problems or [Problem(str(root), 1, 1, "LG036", "content is incomplete", "see the errors above")])
    return _build(loaded)


def _date(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


def _tuple(values: Any) -> tuple[str, ...]:
    return tuple(str(v).strip() for v in values or ())


def _build(loaded: Loaded) -> Guide:
    assert loaded.site and loaded.tags and loaded.facts
    site = Site(**{k: str(v).strip() for k, v in loaded.site.data.items()})
    tags = tuple(Tag(**t) for t in loaded.tags.data["tags"])
    facts = tuple(
        Fact(f["key"], f["group"], f["title"], str(f["value"]).strip(), f.get("note", "").strip(), f["source"], _date(f["checked"]))
        for f in loaded.facts.data["facts"]
    )
    categories = sorted(
        (Category(d.data["id"], d.data["title"], d.data["description"].strip(), d.data["order"], d.path) for d in loaded.categories),
        key=lambda c: (c.order, c.id),
    )
    order = {c.id: n for n, c in enumerate(categories)}
    questions = []
    for doc in loaded.questions:
        d = doc.data
        star = Star(**{k: v.strip() for k, v in d["star"].items()}) if "star" in d else None
        questions.append(
            Question(
                id=d["id"],
                title=d["title"].strip(),
                category=d["category"],
                kind=d["kind"],
                difficulty=d["difficulty"],
                tags=_tuple(d["tags"]),
                short=d["short"].strip(),
                answer=d["answer"].strip(),
                key_points=_tuple(d["key_points"]),
                follow_ups=tuple(FollowUp(f["question"].strip(), f["answer"].strip()) for f in d["follow_ups"]),
                pitfalls=_tuple(d["pitfalls"]),
                related=_tuple(d["related"]),
                sources=tuple(Source(s["title"].strip(), s["url"].strip()) for s in d["sources"]),
                reviewed=_date(d["reviewed"]),
                path=doc.path,
                diagram=d.get("diagram", "").strip(),
                looking_for=_tuple(d.get("looking_for")),
                star=star,
                red_flags=_tuple(d.get("red_flags")),
            )
        )
    position = {doc.data["id"]: doc.data.get("order", 100) for doc in loaded.questions}
    questions.sort(key=lambda q: (order[q.category], position[q.id], q.id))
    study_plan = loaded.study_plan[1] if loaded.study_plan else ""
    return Guide(site, tuple(categories), tuple(questions), tags, facts, study_plan)
