"""Quality gates a reader meets: accessibility (axe-core), keyboard use, no request to any other host, every
diagram drawn in both palettes, and a downloaded copy that works offline from the file system."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from generator.loader import load_guide
from generator.mermaid import blocks as mermaid_blocks
from tests.conftest import ROOT

pytestmark = [pytest.mark.site, pytest.mark.browser]
GUIDE = load_guide(ROOT / "content")
AXE_PAGES = ["index.html", "fundamentals.html", "scenarios.html", "print.html", "topic-sqs.html", "topics.html", "fundamentals-cheatsheet.html", "key-numbers.html", "study-plan.html"]
DIAGRAM_PAGES = sorted({q.category for q in GUIDE.questions if q.diagram or list(mermaid_blocks(q.answer))})


@pytest.fixture(scope="module")
def browser(site_browser: tuple[object, str]) -> tuple[object, str]:
    return site_browser


def _page(browser: object, scheme: str) -> object:
    return browser.new_page(color_scheme=scheme, viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]


def _phone(browser: object) -> object:
    return browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)  # type: ignore[attr-defined]


def _violations(page: object) -> list[tuple[str, list[str]]]:
    """What axe-core reports on `page` as it is now: each rule broken, with the first few offending elements."""
    from axe_playwright_python.sync_playwright import Axe

    return [(v["id"], [n["html"][:80] for n in v["nodes"][:3]]) for v in Axe().run(page).response["violations"]]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", AXE_PAGES)
def test_axe_finds_no_accessibility_violations(browser: tuple[object, str], name: str, scheme: str) -> None:
    chromium, url = browser
    page = _page(chromium, scheme)
    page.goto(url + name, wait_until="networkidle")
    if scheme == "dark":  # the palette a reader picks with the toggle (Material stores it per site)
        page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")  # answers, code, tables, diagrams
    violations = _violations(page)
    page.close()
    assert violations == []


def test_answers_are_reachable_and_operable_by_keyboard_with_visible_focus(browser: tuple[object, str]) -> None:
    chromium, url = browser
    page = _page(chromium, "light")
    page.goto(url + "fundamentals.html", wait_until="networkidle")
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('details.answer > summary')"):
            break
    else:
        pytest.fail("Tab never reached an answer's summary")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none"), "the focused summary shows no focus outline"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.parentElement.open") is True
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.parentElement.open") is False
    page.close()


@pytest.mark.parametrize("name", ["index.html", "scenarios.html", "fundamentals-cheatsheet.html", "topic-sqs.html", "key-numbers.html", "study-plan.html"])
def test_pages_request_nothing_from_other_hosts(browser: tuple[object, str], name: str) -> None:
    chromium, url = browser
    page = _page(chromium, "light")
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(url + name, wait_until="networkidle")
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially("lambda", delay=10)
    page.wait_for_timeout(800)
    page.close()
    foreign = [u for u in requested if urlsplit(u).scheme not in ("data", "blob") and urlsplit(u).hostname != "127.0.0.1"]
    assert foreign == []


def _diagram_count(category: str) -> int:
    return sum(bool(q.diagram) + len(list(mermaid_blocks(q.answer))) for q in GUIDE.in_category(category))


# every drawn diagram: its size, whether it shows Mermaid's error picture, and the colours of a node and a label
_DRAWINGS = """() => [...document.querySelectorAll('.lg-diagram')].map(host => {
  const svg = host.shadowRoot && host.shadowRoot.querySelector('svg');
  if (!svg) return null;
  const box = svg.getBoundingClientRect(), node = svg.querySelector('.node rect, .node polygon, .node path, rect.actor');
  const label = svg.querySelector('.nodeLabel, .messageText, text'), title = svg.getAttribute('aria-labelledby');
  return { width: box.width, height: box.height, error: !!svg.querySelector('.error-icon'),
           name: title && host.shadowRoot.getElementById(title)?.textContent,
           fill: node && getComputedStyle(node).fill, text: label && getComputedStyle(label)[label.namespaceURI.endsWith('svg') ? 'fill' : 'color'] };
})"""


def _drawn(chromium: object, url: str, category: str, scheme: str) -> tuple[list[dict[str, object]], list[str], list[str]]:
    """The category page's drawings with every answer open, its console errors and the URLs it requested."""
    page = _page(chromium, scheme)
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(url + f"{category}.html", wait_until="networkidle")
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    drawings = page.evaluate(_DRAWINGS)
    page.close()
    return drawings, errors, requests


@pytest.mark.parametrize("category", DIAGRAM_PAGES)
def test_every_diagram_is_drawn_and_follows_the_palette(browser: tuple[object, str], category: str) -> None:
    """Drawn at build time: the page loads no Mermaid, and each diagram shows (no error picture) in the light
    and the dark palette, its colours taken from the palette, named for screen readers by its question."""
    chromium, url = browser
    seen = {}
    for scheme in ("light", "dark"):
        drawings, errors, requests = _drawn(chromium, url, category, scheme)
        assert len(drawings) == _diagram_count(category) >= 1
        assert all(d and d["width"] > 100 and d["height"] > 40 and not d["error"] for d in drawings), drawings
        assert all(d["name"].startswith("Diagram: ") and len(d["name"]) > 20 for d in drawings), drawings
        assert [r for r in requests if "mermaid" in r] == [], "a page with drawn diagrams loaded Mermaid"
        assert errors == []
        seen[scheme] = drawings
    for light, dark in zip(seen["light"], seen["dark"], strict=True):
        assert light["fill"] != dark["fill"] and light["text"] != dark["text"], (light, dark)


def test_wide_diagrams_stay_readable_on_a_phone(browser: tuple[object, str]) -> None:
    """A wide diagram is not shrunk to a thumbnail on a phone: it keeps a readable width and scrolls sideways,
    reachable by keyboard and named for screen readers, with a visible hint, and opens on the node where its flow
    starts rather than on an empty corner; axe finds nothing with the answers open. On a laptop it fits the
    column and needs neither."""
    chromium, url = browser
    page = _phone(chromium)
    page.goto(url + "scenarios.html", wait_until="networkidle")
    section = page.locator(".lg-q:has(.lg-diagram)").first  # the first question with a diagram
    section.locator("details.answer > summary").first.click()
    page.wait_for_function("document.querySelectorAll('.lg-diagram[tabindex]').length > 0")
    host = page.locator(".lg-diagram[tabindex]").first  # made focusable when its answer opened, because it is wide
    scroll_width, client_width = host.evaluate("el => [el.scrollWidth, el.clientWidth]")
    assert scroll_width >= 640 > client_width
    assert (host.get_attribute("tabindex"), host.get_attribute("role")) == ("0", "group")
    assert host.get_attribute("aria-label")
    assert page.locator(".lg-scroll-hint").first.is_visible()
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    page.wait_for_function("document.querySelectorAll('.lg-diagram[tabindex]').length > 1")
    starts = page.evaluate("""[...document.querySelectorAll('.lg-diagram[tabindex]')].map(el => {
        const node = el.shadowRoot.querySelector('g.node').getBoundingClientRect(), box = el.getBoundingClientRect();
        return {text: el.shadowRoot.querySelector('g.node').textContent, left: node.left - box.left, right: box.right - node.right};
    })""")
    assert starts and all(s["left"] >= 0 and s["right"] >= 0 for s in starts), starts  # the first node is in view
    violations = _violations(page)
    page.close()
    assert violations == []
    page = _page(chromium, "light")
    page.goto(url + "scenarios.html", wait_until="networkidle")
    page.locator("details.answer > summary").first.click()
    assert page.locator(".lg-diagram").first.get_attribute("tabindex") is None
    assert page.locator(".lg-scroll-hint").count() == 0
    page.close()


def test_key_numbers_fit_a_phone_without_scrolling_sideways(browser: tuple[object, str]) -> None:
    """On a phone each fact is a card (what, value, source, date) rather than a four-column table row that
    scrolls sideways; axe still finds nothing."""
    chromium, url = browser
    page = _phone(chromium)
    page.goto(url + "key-numbers.html", wait_until="networkidle")
    widths = page.evaluate("""[...document.querySelectorAll('.lg-facts table')].map(t => {
        const wrap = t.closest('.md-typeset__scrollwrap') || t;
        return [wrap.scrollWidth, wrap.clientWidth];
    })""")
    assert widths and all(scroll <= client + 1 for scroll, client in widths), widths
    assert page.locator(".lg-facts thead").first.is_hidden()
    assert page.locator(".lg-facts td:nth-child(3)").first.evaluate("el => getComputedStyle(el, '::before').content") == '"Source: "'
    violations = _violations(page)
    page.close()
    assert violations == []


def test_downloaded_copy_works_offline_from_the_file_system(browser: tuple[object, str], real_site: Path) -> None:
    chromium, _ = browser
    context = chromium.new_context(offline=True)  # type: ignore[attr-defined]
    page = context.new_page()
    failed: list[str] = []
    page.on("requestfailed", lambda r: failed.append(f"{r.url} {r.failure}"))
    page.goto((real_site / "scenarios.html").as_uri(), wait_until="load")
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    drawings = page.evaluate(_DRAWINGS)
    assert len(drawings) == _diagram_count("scenarios") and all(d and d["width"] > 100 for d in drawings), drawings
    page.locator("nav a[href$='fundamentals.html']").first.click()
    page.wait_for_url(re.compile(r"fundamentals\.html$"))
    assert page.locator("h1").first.inner_text().startswith("Fundamentals")
    # search works from the file system too, and its result opens the question
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("cold start", delay=30)
    first = page.locator(".md-search-result__item a").first
    first.wait_for(timeout=15_000)
    assert "cold start" in first.inner_text().lower()
    first.click()
    page.wait_for_url(re.compile(r"\.html#[a-z0-9-]+$"), timeout=15_000)
    assert page.evaluate("document.getElementById(location.hash.slice(1)).closest('.lg-q').querySelector('details.answer').open")
    context.close()
    # pages, scripts, styles, diagrams and the search index all load from the file system (a load cut short by
    # the search entry's forward to the question is aborted, not missing)
    assert [f for f in failed if not f.endswith("net::ERR_ABORTED")] == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_study_mode_hides_short_answers_behind_buttons_and_is_remembered(browser: tuple[object, str], scheme: str) -> None:
    chromium, url = browser
    page = _page(chromium, scheme)
    page.goto(url + "fundamentals.html", wait_until="networkidle")
    if scheme == "dark":
        page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    short = page.locator(".lg-q .lg-short").first
    toggle = page.get_by_role("button", name="Hide short answers")
    assert short.is_visible() and toggle.get_attribute("aria-pressed") == "false"
    toggle.focus()
    page.keyboard.press("Enter")  # by keyboard
    assert toggle.get_attribute("aria-pressed") == "true"
    assert not short.is_visible()
    shorts = page.locator(".lg-q .lg-short").count()
    reveals = page.get_by_role("button", name="Show short answer")
    assert reveals.count() == shorts > 1
    reveals.first.click()
    assert short.is_visible() and not page.locator(".lg-q .lg-short").nth(1).is_visible()
    assert page.locator(".lg-reveal").first.get_attribute("aria-expanded") == "true"
    assert _violations(page) == []
    page.emulate_media(media="print")
    assert page.locator(".lg-q .lg-short").nth(1).is_visible(), "print hides a short answer"
    page.emulate_media(media="screen")
    page.reload(wait_until="networkidle")
    assert not page.locator(".lg-q .lg-short").first.is_visible(), "study mode was not remembered"
    page.get_by_role("button", name="Hide short answers").click()
    assert page.locator(".lg-q .lg-short").first.is_visible() and page.locator(".lg-reveal").first.is_hidden()
    page.close()
