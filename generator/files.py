"""Content files by role, parsed and schema-checked, before any model is built: the input of every rule.

Layout it reads:
    content/site.yml, tags.yml, facts.yml     site metadata, tag vocabulary, key numbers
    content/study-plan.md                     optional hand-written page ({q:id} and {fact:key} work)
    content/<category>/_category.yml          one folder per category
    content/<category>/<question-id>.yml      one file per question
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from generator.problems import Problem
from generator.schema import validate
from generator.yamlfile import YamlFile, read_yaml

CATEGORY_FILE = "_category.yml"
STUDY_PLAN = "study-plan.md"


@dataclass(frozen=True)
class TextFile:
    """A hand-written Markdown file: its path as shown in messages, and its text."""

    path: str
    text: str


@dataclass
class ContentFiles:
    """Every content file that parsed and passed its schema, and the problems of those that did not."""

    site: YamlFile | None = None
    tags: YamlFile | None = None
    facts: YamlFile | None = None
    categories: list[YamlFile] = field(default_factory=list)
    questions: list[YamlFile] = field(default_factory=list)
    study_plan: TextFile | None = None
    problems: list[Problem] = field(default_factory=list)
    # ids of question files and category folders whose file has errors of its own: other files may still name
    # them without an error that says they do not exist
    broken_questions: set[str] = field(default_factory=set)
    broken_categories: set[str] = field(default_factory=set)


def display(path: Path, cwd: Path) -> str:
    """Paths in messages are relative to the working directory `cwd` (resolved) when possible, so editors can
    open them. (os.path.realpath is what Path.resolve runs, without building Path objects on the way.)"""
    try:
        return str(Path(os.path.realpath(path)).relative_to(cwd))
    except ValueError:
        return str(path)


def _read(path: Path, cwd: Path, schema: str, problems: list[Problem]) -> YamlFile | None:
    doc, found = read_yaml(path, display(path, cwd))
    problems.extend(found)
    if doc is None or found:
        return None
    found = validate(doc, schema)
    problems.extend(found)
    return None if found else doc


def read_content(root: Path) -> ContentFiles:
    """Parse and schema-check every content file under `root`."""
    files = ContentFiles()
    cwd = Path.cwd().resolve()
    if not root.is_dir():
        files.problems.append(Problem(str(root), 1, 1, "LG036", "content folder not found", "pass the folder that holds site.yml"))
        return files
    singles = {}
    for name in ("site", "tags", "facts"):
        path = root / f"{name}.yml"
        if path.is_file():
            singles[name] = _read(path, cwd, name, files.problems)
        else:
            files.problems.append(Problem(display(path, cwd), 1, 1, "LG036", f"{path.name} is missing", f"create {path.name} (see CONTRIBUTING.md)"))
    files.site, files.tags, files.facts = singles.get("site"), singles.get("tags"), singles.get("facts")
    plan = root / STUDY_PLAN
    if plan.is_file():
        files.study_plan = TextFile(display(plan, cwd), plan.read_text(encoding="utf-8", errors="replace"))
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")):
        for path in sorted(p for p in folder.iterdir() if p.suffix in (".yml", ".yaml") and p.is_file()):
            if path.name == CATEGORY_FILE:
                doc = _read(path, cwd, "category", files.problems)
                (files.categories.append(doc) if doc else files.broken_categories.add(folder.name))
            else:
                doc = _read(path, cwd, "question", files.problems)
                (files.questions.append(doc) if doc else files.broken_questions.add(path.stem))
    return files
