"""The page registry: every page type the guide generates, one small function each.

A page type is a function from the `Index` to the `Page`s it makes, listed in `PAGE_TYPES`; a page in the
sidebar says so with `nav_title`, and the navigation is the pages with one, in registry order. Adding a page
type is one function here plus one template (see CONTRIBUTING.md, "Where to change what").
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from generator import urls
from generator.index import Index
from generator.models import DIFFICULTIES, SHEET_FIELDS, Fact, Guide, Question


@dataclass(frozen=True)
class Page:
    path: str  # relative to the docs folder (generator.urls)
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    nav_title: str | None = None  # in the sidebar under this title; None: reached by links only
    anchors_of: tuple[str, ...] = ()  # pages whose question anchors this page also holds: links to them stay here


LEVEL_BLURB = {
    "junior": "what every candidate should answer well",
    "mid": "trade-offs, failure handling and production practice",
    "senior": "system design, scale and deep operational detail",
}


def _as_of(questions: tuple[Question, ...]) -> Any:
    return max(q.reviewed for q in questions) if questions else None


def home(index: Index) -> Iterator[Page]:
    context = {"counts": index.kind_counts(), "popular": index.popular_tags(), "start_here": index.start_here(), "kinds": ("scenario", "behavioral")}
    yield Page(urls.HOME, "home.md.j2", context, nav_title="Home")


def study_plan(index: Index) -> Iterator[Page]:
    if index.guide.study_plan:
        yield Page(urls.STUDY_PLAN, "study_plan.md.j2", {"body": index.guide.study_plan}, nav_title="Study plan")


def categories(index: Index) -> Iterator[Page]:
    for category in index.guide.categories:
        questions = index.in_category[category.id]
        context = {"category": category, "questions": questions, "as_of": _as_of(questions)}
        yield Page(urls.category(category.id), "category.md.j2", context, nav_title=category.title, anchors_of=(urls.category(category.id),))


def cheatsheets(index: Index) -> Iterator[Page]:
    for category in index.guide.categories:
        questions = index.in_category[category.id]
        # the numbers the sheet itself quotes: a sheet must fit two A4 pages, and the full answers list the rest
        context = {"category": category, "questions": questions, "facts": index.facts_used(questions, SHEET_FIELDS), "as_of": _as_of(questions)}
        yield Page(urls.cheatsheet(category.id), "cheatsheet.md.j2", context)


def topics(index: Index) -> Iterator[Page]:
    """The topics index (in the sidebar), a page per used tag and one per difficulty."""
    used = index.used_tags()
    by_kind = {kind: [(t, index.by_tag[t.id]) for t in used if t.kind == kind] for kind in ("service", "concept")}
    levels = list(index.by_level.items())
    yield Page(urls.TOPICS, "topics.md.j2", {"levels": levels, "level_blurb": LEVEL_BLURB, "by_kind": by_kind}, nav_title="Topics")
    for tag in used:
        yield Page(urls.topic(tag.id), "topic.md.j2", {"title": tag.title, "description": tag.description, "questions": index.by_tag[tag.id]})
    for level in DIFFICULTIES:
        title, description = f"{level.capitalize()} questions", f"Questions rated {level}: {LEVEL_BLURB[level]}."
        yield Page(urls.level(level), "topic.md.j2", {"title": title, "description": description, "questions": index.by_level[level]})


def key_numbers(index: Index) -> Iterator[Page]:
    groups: dict[str, list[Fact]] = {}
    for fact in index.guide.facts:
        groups.setdefault(fact.group, []).append(fact)
    yield Page(urls.KEY_NUMBERS, "key_numbers.md.j2", {"groups": groups}, nav_title="Key numbers")


def search_entries(index: Index) -> Iterator[Page]:
    for q in index.guide.questions:
        context = {"q": q, "category": index.categories[q.category], "tag_titles": [index.tags[t].title for t in q.tags]}
        yield Page(urls.search_entry(q.id), "search_entry.md.j2", context)


def print_all(index: Index) -> Iterator[Page]:
    """The whole guide on one page, for printing: every question's anchor is on it."""
    if index.guide.questions:
        anchors = tuple(urls.category(c.id) for c in index.guide.categories)
        yield Page(urls.PRINT_ALL, "print_all.md.j2", {"as_of": _as_of(index.guide.questions)}, anchors_of=anchors)


# In navigation order; pages without a nav_title may sit anywhere.
PAGE_TYPES: tuple[Callable[[Index], Iterator[Page]], ...] = (home, study_plan, categories, topics, key_numbers, cheatsheets, search_entries, print_all)


def all_pages(index: Index) -> list[Page]:
    return [page for page_type in PAGE_TYPES for page in page_type(index)]


@dataclass(frozen=True)
class Plan:
    """The pages a guide makes, before rendering (the MkDocs hook sets the navigation from them first)."""

    index: Index
    pages: list[Page]

    @classmethod
    def of(cls, guide: Guide) -> Plan:
        index = Index.of(guide)
        return cls(index, all_pages(index))


def navigation(pages: list[Page]) -> list[dict[str, str]]:
    """The site navigation: the pages with a nav title, in registry order."""
    return [{page.nav_title: page.path} for page in pages if page.nav_title]


# --- Print: a printed A4 page at Material's print font size holds about 14 words a line and 46 lines -------
_WORDS_PER_LINE = 14
_LINES_PER_PAGE = 46
_FIXED_LINES = 14  # heading, badges, section titles and spacing of every question
_DIAGRAM_LINES = 30  # a drawn diagram at print width
_ITEM_LINES = 0.5  # the space around each list item


def fits_one_page(q: Question) -> bool:
    """A conservative estimate of whether a question, answer expanded, fits on one printed A4 page.

    Print CSS keeps such questions whole (break-inside: avoid); longer ones flow across pages, because
    asking the browser to keep them whole would only push them to the next page and leave a blank one.
    """
    prose_lines = sum(len(text.split()) for _, text in q.texts()) / _WORDS_PER_LINE
    code_lines = sum(1 for line in q.answer.splitlines() if line.startswith(("    ", "|", "```")))
    items = len(q.key_points) + len(q.follow_ups) + len(q.pitfalls) + len(q.sources)
    diagram = _DIAGRAM_LINES if q.diagram or "```mermaid" in q.answer else 0
    return prose_lines + code_lines + items * _ITEM_LINES + _FIXED_LINES + diagram <= _LINES_PER_PAGE
