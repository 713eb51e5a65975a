"""Search by topic: each question is its own search result, topic and difficulty pages list exactly the right
questions, and links land on the question with its answer open."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.index import Index
from generator.loader import load_guide
from tests.conftest import ROOT

GUIDE = load_guide(ROOT / "content")
BY_ID = {q.id: q for q in GUIDE.questions}

# query typed by a reader -> the tag a question must carry to be "about exactly that"
QUERIES = {
    "cold start": "cold-start",
    "SQS": "sqs",
    "provisioned concurrency": "provisioned-concurrency",
    "idempotent": "idempotency",
    "X-Ray": "x-ray",
    "versions aliases": "versions-aliases",
}


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_search_index_has_one_entry_per_question_and_no_duplicates(real_site: Path) -> None:
    docs = json.loads((real_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    entries = [d["location"] for d in docs if d["location"].startswith("q-") and "#" not in d["location"]]
    assert sorted(entries) == sorted(f"q-{q.id}.html" for q in GUIDE.questions)
    sections = {d["location"] for d in docs if "#" in d["location"]}
    question_sections = {f"{q.category}.html#{q.id}" for q in GUIDE.questions}
    assert sections & question_sections == set(), "questions are also indexed as sections of their category pages"


def test_key_numbers_read_as_words_in_search_results(real_site: Path) -> None:
    """A fact's title and its note share a table cell; in the search excerpt they must not run together
    ("on-demand functionsIf init runs longer")."""
    docs = json.loads((real_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    text = " ".join(d["text"] for d in docs if d["location"].startswith("key-numbers.html"))
    noted = [f for f in GUIDE.facts if f.note]
    assert noted
    for fact in noted:
        assert f"{fact.title} " in text or f"{fact.title}\n" in text, fact.title


@pytest.mark.parametrize("tag", sorted({t for q in GUIDE.questions for t in q.tags}))
def test_topic_page_lists_exactly_the_questions_with_that_tag(real_site: Path, tag: str) -> None:
    page = _soup(real_site / f"topic-{tag}.html")
    listed = [a["href"].split("#")[1] for a in page.select("article li > a:first-child")]
    assert listed == [q.id for q in GUIDE.questions if tag in q.tags]


@pytest.mark.parametrize("level", ["junior", "mid", "senior"])
def test_difficulty_page_lists_exactly_that_level(real_site: Path, level: str) -> None:
    listed = [a["href"].split("#")[1] for a in _soup(real_site / f"level-{level}.html").select("article li > a:first-child")]
    assert listed == [q.id for q in GUIDE.questions if q.difficulty == level]


def test_topics_index_counts_match_content(real_site: Path) -> None:
    page = _soup(real_site / "topics.html")
    rows = [row for row in page.select("article table tr") if row.find("td")]
    assert len(rows) == len({t for q in GUIDE.questions for t in q.tags})
    for row in rows:
        link, count = row.find("a"), row.find_all("td")[1].get_text(strip=True)
        tag = re.fullmatch(r"topic-(.+)\.html", link["href"]).group(1)  # type: ignore[union-attr]
        assert int(count) == sum(tag in q.tags for q in GUIDE.questions), tag


def test_every_question_links_its_tags_and_difficulty(real_site: Path) -> None:
    for category in GUIDE.categories:
        page = _soup(real_site / f"{category.id}.html")
        for q in GUIDE.in_category(category.id):
            meta = page.find(id=q.id).find_next("p", class_="lg-meta")  # type: ignore[union-attr]
            hrefs = [a["href"] for a in meta.find_all("a")]
            assert hrefs == [f"level-{q.difficulty}.html"] + [f"topic-{t}.html" for t in q.tags]


def test_suggested_questions_share_tags_and_never_repeat_explicit_links() -> None:
    index = Index.of(GUIDE)
    for q in GUIDE.questions:
        suggested = index.suggestions[q.id]
        assert len(suggested) <= 3
        backlinks = {other.id for other in GUIDE.questions if q.id in other.related}
        assert all(s.id != q.id and s.id not in q.related and s.id not in backlinks and set(s.tags) & set(q.tags) for s in suggested)
        shared = [len(set(s.tags) & set(q.tags)) for s in suggested]
        assert shared == sorted(shared, reverse=True)
        assert suggested == Index.of(GUIDE).suggestions[q.id]


@pytest.fixture(scope="module")
def browser_page(site_browser: tuple[object, str]) -> Iterator[tuple[object, str]]:
    browser, url = site_browser
    page = browser.new_page(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    yield page, url
    page.close()


def _answer_is_open_and_visible(page: object, qid: str) -> bool:
    return bool(
        page.evaluate(  # type: ignore[attr-defined]
            """id => {
              const h = document.getElementById(id);
              const d = h && h.closest('.lg-q').querySelector('details.answer');
              const p = d && d.querySelector('p');
              return !!(d && d.open && p && p.getBoundingClientRect().height > 0);
            }""",
            qid,
        )
    )


@pytest.mark.browser
@pytest.mark.parametrize("query", sorted(QUERIES))
def test_typing_a_topic_puts_a_question_about_it_first_and_clicking_opens_it(browser_page: tuple[object, str], query: str) -> None:
    page, url = browser_page
    page.goto(url + "index.html", wait_until="networkidle")  # type: ignore[attr-defined]
    box = page.locator("input.md-search__input")  # type: ignore[attr-defined]
    box.click()
    box.press_sequentially(query, delay=30)
    first = page.locator(".md-search-result__item").first  # type: ignore[attr-defined]
    first.wait_for(timeout=15_000)
    href = first.locator("a").first.get_attribute("href")
    qid = re.search(r"q-([a-z0-9-]+)\.html", href).group(1)  # type: ignore[union-attr]
    question = BY_ID[qid]
    assert QUERIES[query] in question.tags, f"'{query}' first finds {qid}, which is not tagged {QUERIES[query]}"
    words = re.sub(r"[^a-z0-9 ]", " ", query.lower()).split()
    title = re.sub(r"[^a-z0-9 ]", " ", question.title.lower())
    assert all(w.rstrip("s") in title for w in words), f"'{query}' first finds '{question.title}'"
    first.locator("a").first.click()
    page.wait_for_url(re.compile(rf"{question.category}\.html#{qid}$"), timeout=15_000)  # type: ignore[attr-defined]
    page.wait_for_function("id => document.getElementById(id)?.closest('.lg-q')?.querySelector('details.answer')?.open", arg=qid)  # type: ignore[attr-defined]
    assert _answer_is_open_and_visible(page, qid)


@pytest.mark.browser
def test_permalink_opens_the_question(browser_page: tuple[object, str]) -> None:
    page, url = browser_page
    q = BY_ID["step-functions-vs-sns"]
    page.goto(f"{url}{q.category}.html#{q.id}", wait_until="networkidle")  # type: ignore[attr-defined]
    assert _answer_is_open_and_visible(page, q.id)
    link = page.locator(f"#{q.id} > a.headerlink")  # type: ignore[attr-defined]
    assert link.get_attribute("href").endswith(f"#{q.id}")
    assert link.is_visible()


@pytest.mark.browser
def test_search_entry_sends_readers_to_the_question(browser_page: tuple[object, str]) -> None:
    page, url = browser_page
    page.goto(f"{url}q-handling-secrets.html")  # type: ignore[attr-defined]
    page.wait_for_url(re.compile(r"security-iam\.html#handling-secrets$"), timeout=15_000)  # type: ignore[attr-defined]
    page.wait_for_function("() => document.getElementById('handling-secrets')?.closest('.lg-q')?.querySelector('details.answer')?.open")  # type: ignore[attr-defined]
