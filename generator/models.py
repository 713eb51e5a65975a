"""The content model: typed, frozen dataclasses built by generator.loader and nothing else."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

KINDS = ("concept", "scenario", "behavioral", "tip")
DIFFICULTIES = ("junior", "mid", "senior")


@dataclass(frozen=True)
class Site:
    """Site-wide metadata from content/site.yml."""

    title: str
    tagline: str
    description: str
    repo_url: str
    edit_branch: str


@dataclass(frozen=True)
class Category:
    """A category: one page of questions (content/<id>/_category.yml)."""

    id: str
    title: str
    description: str
    order: int
    path: str


@dataclass(frozen=True)
class Tag:
    """A topic from the controlled vocabulary in content/tags.yml."""

    id: str
    title: str
    kind: str
    description: str


@dataclass(frozen=True)
class Fact:
    """A number that changes, with its AWS source (content/facts.yml)."""

    key: str
    group: str
    title: str
    value: str
    note: str
    source: str
    checked: dt.date


@dataclass(frozen=True)
class FollowUp:
    question: str
    answer: str


@dataclass(frozen=True)
class Source:
    title: str
    url: str


@dataclass(frozen=True)
class Star:
    situation: str
    task: str
    action: str
    result: str


@dataclass(frozen=True)
class Question:
    """One interview question and its model answer (content/<category>/<id>.yml)."""

    id: str
    title: str
    category: str
    kind: str
    difficulty: str
    tags: tuple[str, ...]
    short: str
    answer: str
    key_points: tuple[str, ...]
    follow_ups: tuple[FollowUp, ...]
    pitfalls: tuple[str, ...]
    related: tuple[str, ...]
    sources: tuple[Source, ...]
    reviewed: dt.date
    path: str
    diagram: str = ""
    looking_for: tuple[str, ...] = ()
    star: Star | None = None
    red_flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Guide:
    """Everything the renderer needs, already checked."""

    site: Site
    categories: tuple[Category, ...]
    questions: tuple[Question, ...]
    tags: tuple[Tag, ...]
    facts: tuple[Fact, ...]
    study_plan: str

    def by_id(self) -> dict[str, Question]:
        return {q.id: q for q in self.questions}

    def in_category(self, category: str) -> tuple[Question, ...]:
        return tuple(q for q in self.questions if q.category == category)
