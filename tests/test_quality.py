"""Quality gates a reader meets: accessibility (axe-core), keyboard use, no request to any other host, every
diagram drawn in both palettes, and a downloaded copy that works offline from the file system."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from generator.loader import load_guide
from generator.safety import mermaid_blocks
from tests.conftest import ROOT

pytestmark = pytest.mark.browser
GUIDE = load_guide(ROOT / "content")
AXE_PAGES = ["index.html", "fundamentals.html", "scenarios.html", "topic-sqs.html", "topics.html", "fundamentals-cheatsheet.html", "key-numbers.html", "study-plan.html"]
DIAGRAM_PAGES = sorted({q.category for q in GUIDE.questions if q.diagram or list(mermaid_blocks(q.answer))})


@pytest.fixture(scope="module")
def browser(site_browser: tuple[object, str]) -> tuple[object, str]:
    return site_browser


def _page(browser: object, scheme: str) -> object:
    return browser.new_page(color_scheme=scheme, viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", AXE_PAGES)
def test_axe_finds_no_accessibility_violations(browser: tuple[object, str], name: str, scheme: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    chromium, url = browser
    page = _page(chromium, scheme)
    page.goto(url + name, wait_until="networkidle")
    if scheme == "dark":  # the palette a reader picks with the toggle (Material stores it per site)
        page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    violations = Axe().run(page).response["violations"]
    page.close()
    assert [(v["id"], [n["html"][:80] for n in v["nodes"][:3]]) for v in violations] == []


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


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("category", DIAGRAM_PAGES)
def test_every_diagram_renders_without_error(browser: tuple[object, str], category: str, scheme: str) -> None:
    chromium, url = browser
    page = _page(chromium, scheme)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url + f"{category}.html", wait_until="networkidle")
    expected = page.evaluate("document.querySelectorAll('.mermaid').length")
    assert expected >= 1
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    page.wait_for_function(f"document.querySelectorAll('div.mermaid').length === {expected}", timeout=30_000)
    # every source also parses with the site's own Mermaid (catches errors a closed shadow root would hide)
    sources = [q.diagram for q in GUIDE.in_category(category) if q.diagram]
    sources += [b for q in GUIDE.in_category(category) for b in mermaid_blocks(q.answer)]
    bad = page.evaluate(
        "async (sources) => { const out = []; for (const s of sources) { try { await window.mermaid.parse(s); } catch (e) { out.push(String(e).slice(0, 200)); } } return out; }",
        [re.sub(r"^ {0,4}", "", s, flags=re.M) for s in sources],
    )
    page.close()
    assert bad == []
    assert errors == []


def test_downloaded_copy_works_offline_from_the_file_system(browser: tuple[object, str], real_site: Path) -> None:
    chromium, _ = browser
    context = chromium.new_context(offline=True)  # type: ignore[attr-defined]
    page = context.new_page()
    failed: list[str] = []
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.goto((real_site / "scenarios.html").as_uri(), wait_until="load")
    expected = page.evaluate("document.querySelectorAll('.mermaid').length")
    page.wait_for_function(f"document.querySelectorAll('div.mermaid').length === {expected}", timeout=30_000)
    page.locator("nav a[href$='fundamentals.html']").first.click()
    page.wait_for_url(re.compile(r"fundamentals\.html$"))
    assert page.locator("h1").first.inner_text().startswith("Fundamentals")
    context.close()
    # pages, scripts, styles and diagrams all load; only search needs a web server (its index is fetched)
    assert [u for u in failed if "/search/" not in u] == []
