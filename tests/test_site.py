"""End to end: generate and build the site with `mkdocs build --strict`, then read the HTML as a browser would."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from generator.loader import load_guide
from tests.conftest import ROOT, VALID, build_site, make_project

pytestmark = pytest.mark.site


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _check_site(site: Path, content: Path) -> None:
    guide = load_guide(content)
    for category in guide.categories:
        page = _soup(site / f"{category.id}.html")
        for question in guide.in_category(category.id):
            heading = page.find(id=question.id)
            assert heading is not None and heading.name == "h2", f"{category.id}.html has no heading #{question.id}"
            details = heading.find_next("details")
            assert details is not None and "answer" in details.get("class", []), f"#{question.id} has no answer block"
            assert not details.has_attr("open"), f"the answer of #{question.id} is open by default"
            first_words = " ".join(re.sub(r"[*`\[\]{}]", " ", question.answer).split()[:3])
            assert first_words.split()[0] in details.get_text(" "), f"the answer text of #{question.id} is not inside its block"


def _local_links(site: Path) -> list[tuple[str, str, str]]:
    """(page, target file, anchor) for every link from a page of the site to a page of the site."""
    links = []
    for page in sorted(site.glob("*.html")):
        for a in _soup(page).select("article a[href]:not([hidden])"):  # hidden: PDF links before PDFs exist
            href = a["href"]
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith("mailto:"):
                continue
            target = parts.path or page.name
            links.append((page.name, target, parts.fragment))
    return links


def test_fixture_site_builds_strict_with_questions_anchored_and_closed(fixture_site: Path) -> None:
    _check_site(fixture_site, VALID)


def test_real_site_builds_strict_with_questions_anchored_and_closed(real_site: Path) -> None:
    _check_site(real_site, ROOT / "content")


@pytest.mark.parametrize("which", ["fixture_site", "real_site"])
def test_every_internal_link_points_to_an_existing_anchor(which: str, request: pytest.FixtureRequest) -> None:
    site: Path = request.getfixturevalue(which)
    links = _local_links(site)
    assert len(links) > 10
    ids: dict[str, set[str]] = {}
    for page, target, anchor in links:
        path = site / target
        assert path.is_file(), f"{page} links to missing {target}"
        if anchor:
            if target not in ids:
                ids[target] = {el["id"] for el in _soup(path).select("[id]")}
            assert anchor in ids[target], f"{page} links to {target}#{anchor}, which does not exist"


def test_related_links_reach_the_related_question(fixture_site: Path) -> None:
    page = _soup(fixture_site / "basics.html")
    related = page.find("strong", string="Related:").parent
    assert [a["href"] for a in related.find_all("a")] == ["design.html#queue-worker", "design.html#optimised-costs"]


def test_strict_build_fails_on_a_broken_anchor(tmp_path: Path) -> None:
    import shutil

    content = tmp_path / "content"
    shutil.copytree(VALID, content)
    plan = content / "study-plan.md"
    plan.write_text(plan.read_text() + "\nSee [the basics](basics.md#no-such-question).\n")
    result = build_site(make_project(tmp_path / "project", content))
    assert result.returncode == 1
    assert "no-such-question" in result.stderr


def test_broken_content_fails_the_site_build_with_positions(tmp_path: Path) -> None:
    import shutil

    content = tmp_path / "content"
    shutil.copytree(VALID, content)
    shutil.copyfile(ROOT / "tests" / "fixtures" / "invalid" / "lg025-unknown-tag.yml", content / "basics" / "lg025-unknown-tag.yml")
    result = build_site(make_project(tmp_path / "project", content))
    assert result.returncode == 1
    assert "lg025-unknown-tag.yml:6:16: LG025 tag `coldstart` is not in content/tags.yml" in result.stderr
    assert not (tmp_path / "project" / "site" / "index.html").exists()


def test_sitemap_lists_every_page_readers_should_find_and_no_noindex_page(real_site: Path) -> None:
    import xml.etree.ElementTree as ET

    locs = [el.text or "" for el in ET.parse(real_site / "sitemap.xml").getroot().iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    pages = {urlsplit(loc).path.rsplit("/", 1)[-1] for loc in locs}
    noindex = {p.name for p in real_site.glob("*.html") if '<meta name="robots" content="noindex">' in p.read_text(encoding="utf-8")}
    assert noindex, "the search entries are noindex pages"
    assert pages & noindex == set()
    guide = load_guide(ROOT / "content")
    assert {f"{c.id}.html" for c in guide.categories} | {"index.html", "key-numbers.html", "topics.html"} <= pages
