"""What a reader sees, in a real browser: Debian's Chromium driven by Playwright, on the built site."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

pytestmark = [pytest.mark.site, pytest.mark.browser]


@pytest.fixture(scope="module")
def browser(site_browser: tuple[object, str]) -> Iterator[object]:
    chromium, _ = site_browser
    context = chromium.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    yield context
    context.close()


@pytest.fixture(scope="module")
def site_url(site_browser: tuple[object, str]) -> str:
    return site_browser[1]


def _open(browser: object, url: str) -> tuple[object, list[str]]:
    page = browser.new_page()  # type: ignore[attr-defined]
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(f"console {msg.type}: {msg.text}") if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(f"page error: {exc}"))
    page.on("requestfailed", lambda req: errors.append(f"request failed: {req.url}"))
    page.goto(url, wait_until="networkidle")
    return page, errors


def test_clicking_the_summary_opens_the_answer(browser: object, site_url: str) -> None:
    page, _ = _open(browser, site_url + "fundamentals.html")
    details = page.locator("#what-is-aws-lambda ~ details.answer").first
    answer_text = details.locator("p").first
    assert details.get_attribute("open") is None
    assert not answer_text.is_visible()
    details.locator("summary").click()
    page.wait_for_function("el => el.open", arg=details.element_handle())
    assert answer_text.is_visible()
    assert "Lambda" in answer_text.inner_text()
    page.close()


def test_keyboard_opens_the_answer(browser: object, site_url: str) -> None:
    page, _ = _open(browser, site_url + "fundamentals.html")
    summary = page.locator("details.answer > summary").first
    summary.focus()
    page.keyboard.press("Enter")
    assert summary.evaluate("el => el.parentElement.open") is True
    page.close()


@pytest.mark.parametrize("path", ["index.html", "fundamentals.html", "scenarios.html", "key-numbers.html"])
def test_pages_load_without_console_errors(browser: object, site_url: str, path: str) -> None:
    page, errors = _open(browser, site_url + path)
    page.wait_for_timeout(300)
    assert errors == []
    page.close()


def test_screenshot_of_a_category_page(browser: object, site_url: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    page, _ = _open(browser, site_url + "fundamentals.html")
    page.locator("details.answer > summary").first.click()
    shot = tmp_path_factory.mktemp("screens") / "fundamentals.png"
    page.screenshot(path=str(shot), full_page=False)
    assert shot.stat().st_size > 10_000
    print(f"\nscreenshot: {shot}")
    page.close()
