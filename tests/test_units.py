"""The pure parts of rendering, on their own: the URL scheme, suggestions by shared tags, the navigation and the
print-fit estimate. (The pages they make are pinned by the golden files; these say why.)"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from generator import urls
from generator.index import SUGGESTED, Index, suggest
from generator.loader import load_guide
from generator.models import FollowUp, Question, Source
from generator.pages import all_pages, fits_one_page, navigation
from tests.conftest import VALID


def _q(qid: str, tags: tuple[str, ...], related: tuple[str, ...] = (), **fields: object) -> Question:
    values: dict[str, object] = {
        "id": qid, "title": qid.replace("-", " "), "category": "basics", "kind": "concept", "difficulty": "mid", "tags": tags,
        "short": "Short.", "answer": "Answer.", "key_points": (), "follow_ups": (), "pitfalls": (), "related": related,
        "sources": (), "reviewed": dt.date(2026, 12, 1),
    }
    return Question(**(values | fields))  # type: ignore[arg-type]


def test_urls_build_every_page_and_anchor() -> None:
    q = _q("cold-starts", ("lambda",), category="performance")
    assert urls.question(q) == "performance.md#cold-starts"
    assert urls.html(urls.question(q)) == "performance.html#cold-starts"
    assert urls.html(urls.cheatsheet("performance")) == "performance-cheatsheet.html"
    assert urls.fact("timeout-max") == "key-numbers.md#fact-timeout-max"
    assert urls.pdf(urls.cheatsheet("performance")) == "pdf/performance-cheatsheet.pdf"
    assert urls.pdf(urls.PRINT_ALL) == "pdf/print.pdf"
    assert urls.PDF_LINK_RE.findall(f'<a href="{urls.pdf(urls.category("x"))}">') == ["x"]
    assert urls.is_cheatsheet("performance-cheatsheet") and not urls.is_cheatsheet("performance")


def test_repository_links_follow_a_fork_only_when_its_name_is_well_formed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_REPOSITORY", "someone/fork")
    assert urls.repo("https://github.com/owner/guide/") == "https://github.com/someone/fork"
    monkeypatch.setenv("GITHUB_REPOSITORY", "bad name/../x")
    assert urls.repo("https://github.com/owner/guide/") == "https://github.com/owner/guide"
    q = _q("x", ("lambda",), path="content/basics/x.yml")
    assert urls.edit("https://github.com/o/g", "main", q) == "https://github.com/o/g/edit/main/content/basics/x.yml"
    assert urls.report("https://github.com/o/g", q).startswith("https://github.com/o/g/issues/new?template=wrong-answer.yml&title=Answer%3A%20x&question-id=x")


def test_suggestions_rank_by_shared_tags_then_guide_order_and_skip_links_both_ways() -> None:
    questions = (
        _q("a", ("s3", "sqs", "iam")),
        _q("b", ("s3",)),  # one shared tag, first in the guide
        _q("c", ("s3", "sqs")),  # two shared tags
        _q("d", ("s3", "sqs", "iam")),  # three shared tags
        _q("e", ("s3", "sqs", "iam"), related=("a",)),  # links to a: never suggested to a
        _q("f", ("kinesis",)),  # nothing in common
        _q("g", ("iam",)),
    )
    referenced_by = {q.id: tuple(o for o in questions if q.id in o.related) for q in questions}
    suggested = suggest(questions, referenced_by)
    assert [q.id for q in suggested["a"]] == ["d", "c", "b"]
    assert "a" not in [q.id for q in suggested["e"]]
    assert [q.id for q in suggested["f"]] == []
    assert all(len(s) <= SUGGESTED for s in suggested.values())


def test_navigation_is_home_plan_categories_in_order_topics_and_key_numbers() -> None:
    index = Index.of(load_guide(VALID))
    pages = all_pages(index)
    assert [next(iter(entry)) for entry in navigation(pages)] == ["Home", "Study plan", "Basics", "Design", "Topics", "Key numbers"]
    assert len({page.path for page in pages}) == len(pages)  # no two page types claim one path
    outside = [page.path for page in pages if not page.nav_title]
    import fnmatch

    assert all(any(fnmatch.fnmatch("/" + path, pattern) for pattern in urls.NOT_IN_NAV) for path in outside)


def test_a_short_answer_fits_one_printed_page_and_a_long_or_drawn_one_does_not() -> None:
    short = _q("short", ("lambda",), answer=" ".join(["word"] * 150), key_points=("one", "two", "three"))
    assert fits_one_page(short)
    assert not fits_one_page(dataclasses.replace(short, answer=" ".join(["word"] * 450)))
    assert not fits_one_page(dataclasses.replace(short, diagram="flowchart LR\n  A --> B"))
    many = tuple(FollowUp("A follow-up question that runs on for a while?", " ".join(["word"] * 30)) for _ in range(8))
    assert not fits_one_page(dataclasses.replace(short, follow_ups=many, sources=(Source("Page", "https://docs.aws.amazon.com/"),)))


def test_a_category_without_questions_renders_a_page_that_says_so(tmp_path: Path) -> None:
    import shutil

    from generator.render import render

    shutil.copytree(VALID, tmp_path / "content")
    (tmp_path / "content" / "empty").mkdir()
    (tmp_path / "content" / "empty" / "_category.yml").write_text('id: empty\ntitle: Empty\ndescription: "Nothing here yet, on purpose."\norder: 99\n')
    pages = render(load_guide(tmp_path / "content"))
    assert "No questions in this category yet." in pages["empty.md"]
    assert "0 questions" in pages["empty-cheatsheet.md"] and "reviewed up to" not in pages["empty.md"]
