"""Lookups and derived data over a checked guide, computed once per build: plain data, no templates.

Pages and templates read from here (questions by id, by tag and by level, who links to whom, suggestions,
counts); nothing here knows about paths or Markdown.
"""

from __future__ import annotations

import heapq
from collections import Counter
from dataclasses import dataclass
from itertools import combinations

from generator.models import DIFFICULTIES, Category, Fact, Guide, Question, Tag
from generator.references import references

SUGGESTED = 3  # related questions suggested by shared tags, besides the hand-written ones
POPULAR = 12  # topics listed on the home page


@dataclass(frozen=True)
class Index:
    guide: Guide
    questions: dict[str, Question]
    facts: dict[str, Fact]
    tags: dict[str, Tag]
    categories: dict[str, Category]
    in_category: dict[str, tuple[Question, ...]]
    by_tag: dict[str, tuple[Question, ...]]  # every tag of the vocabulary, used or not
    by_level: dict[str, tuple[Question, ...]]  # every difficulty, in DIFFICULTIES order
    referenced_by: dict[str, tuple[Question, ...]]  # questions that list it as related, in guide order
    suggestions: dict[str, tuple[Question, ...]]

    @classmethod
    def of(cls, guide: Guide) -> Index:
        questions = guide.questions
        referenced_by: dict[str, list[Question]] = {q.id: [] for q in questions}
        for q in questions:
            for rel in q.related:
                referenced_by[rel].append(q)
        return cls(
            guide=guide,
            questions={q.id: q for q in questions},
            facts={f.key: f for f in guide.facts},
            tags={t.id: t for t in guide.tags},
            categories={c.id: c for c in guide.categories},
            in_category={c.id: guide.in_category(c.id) for c in guide.categories},
            by_tag={t.id: tuple(q for q in questions if t.id in q.tags) for t in guide.tags},
            by_level={level: tuple(q for q in questions if q.difficulty == level) for level in DIFFICULTIES},
            referenced_by={k: tuple(v) for k, v in referenced_by.items()},
            suggestions=suggest(questions, {k: tuple(v) for k, v in referenced_by.items()}),
        )

    def used_tags(self) -> list[Tag]:
        """Tags on at least one question, by title."""
        return [t for t in sorted(self.guide.tags, key=lambda t: t.title.lower()) if self.by_tag[t.id]]

    def popular_tags(self, count: int = POPULAR) -> list[tuple[Tag, int]]:
        """The most used tags with their question counts, most questions first (ties by title)."""
        counts = [(t, len(self.by_tag[t.id])) for t in self.guide.tags if self.by_tag[t.id]]
        return sorted(counts, key=lambda item: (-item[1], item[0].title.lower()))[:count]

    def kind_counts(self) -> dict[str, Counter[str]]:
        """Per category, how many questions of each kind."""
        return {c: Counter(q.kind for q in qs) for c, qs in self.in_category.items()}

    def start_here(self, count: int = 3) -> list[Question]:
        """The first junior question of each of the first categories that have one: a first reading path."""
        firsts = [next((q for q in qs if q.difficulty == "junior"), None) for qs in self.in_category.values()]
        return [q for q in firsts if q][:count]

    def facts_used(self, questions: tuple[Question, ...], fields: tuple[str, ...] | None = None) -> list[Fact]:
        """The facts these questions cite in their Markdown fields (only `fields`, when given), in the order of
        facts.yml."""
        texts = (text for q in questions for at, text in q.texts() if fields is None or at[0] in fields)
        keys = {key for text in texts for kind, key in references(text) if kind == "fact"}
        return [f for f in self.guide.facts if f.key in keys]


def suggest(questions: tuple[Question, ...], referenced_by: dict[str, tuple[Question, ...]]) -> dict[str, tuple[Question, ...]]:
    """For each question, up to SUGGESTED others sharing the most tags and not already linked either way; ties
    go to the question that comes first in the guide.

    Only questions sharing two tags or more need a score, and an index of tag pairs lists just those; questions
    sharing one tag come after them in guide order, so merging the tags' sorted position lists stops after the
    first few. Scoring every question that shares a tag would grow with the square of the guide."""
    by_tag: dict[str, list[int]] = {}
    by_pair: dict[tuple[str, str], list[int]] = {}
    for n, q in enumerate(questions):  # positions ascend, so every list stays sorted
        for tag in q.tags:
            by_tag.setdefault(tag, []).append(n)
        for pair in combinations(sorted(q.tags), 2):
            by_pair.setdefault(pair, []).append(n)
    chosen_for: dict[str, tuple[Question, ...]] = {}
    for question in questions:
        mine = set(question.tags)
        skip = {question.id, *question.related, *(q.id for q in referenced_by[question.id])}
        several = {n for pair in combinations(sorted(mine), 2) for n in by_pair.get(pair, ())}
        scored = sorted((-len(mine.intersection(questions[n].tags)), n) for n in several if questions[n].id not in skip)
        chosen = [n for _, n in scored[:SUGGESTED]]
        if len(chosen) < SUGGESTED:
            for n in heapq.merge(*(by_tag[t] for t in question.tags)):
                if n not in several and questions[n].id not in skip and n not in chosen:
                    chosen.append(n)
                    if len(chosen) == SUGGESTED:
                        break
        chosen_for[question.id] = tuple(questions[n] for n in chosen)
    return chosen_for
