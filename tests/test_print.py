"""Printing: every category prints to PDF with answers, diagrams drawn and no site chrome; cheat sheets fit on
two A4 pages; PDFs are linked only when they exist. Uses headless Chromium and poppler's pdftotext/pdfinfo."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.loader import load_guide
from generator.models import Guide
from tests.browser import require_chromium
from tests.conftest import ROOT

pytestmark = [pytest.mark.site, pytest.mark.browser]
GUIDE: Guide = load_guide(ROOT / "content")
CATEGORIES = [c.id for c in GUIDE.categories]
CHROME_TEXT = ["Table of contents", "Made with Material for MkDocs", "Edit this question", "Skip to content", "Cheat sheet"]


def _poppler(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.fail(f"{tool} not found: install Debian's poppler-utils package (apt-get install -y poppler-utils)", pytrace=False)
    return path


def _norm(text: str) -> str:
    """Text compared across HTML and PDF: ligatures unfolded, whitespace and hyphen breaks ignored."""
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"[\s\u00ad\-\u2010\u2011]+", "", text)  # pdftotext joins words hyphenated at line ends


def _pdf_text(pdf: Path) -> str:
    # -raw: text in the order the page wrote it; the default reading order interleaves the cheat sheet's columns
    return subprocess.run([_poppler("pdftotext"), "-raw", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def _pages(pdf: Path) -> int:
    info = subprocess.run([_poppler("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, flags=re.M).group(1))  # type: ignore[union-attr]


@pytest.fixture(scope="module")
def printed(real_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the built site with every PDF made by `python -m generator pdf`."""
    require_chromium()
    site = tmp_path_factory.mktemp("printed") / "site"
    shutil.copytree(real_site, site)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-m", "generator", "pdf", "--site", str(site), "--cache", ""], env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith(f"{2 * len(CATEGORIES) + 1} PDFs")
    return site


def _html(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("category", CATEGORIES)
def test_category_pdf_has_every_answer_drawn_diagrams_and_no_chrome(printed: Path, category: str) -> None:
    text = _pdf_text(printed / "pdf" / f"{category}.pdf")
    flat = _norm(text)
    page = _html(printed, f"{category}.html")
    for q in GUIDE.in_category(category):
        assert _norm(q.title) in flat, f"{q.id}: title missing from the PDF"
        first = page.find(id=q.id).find_next("details").find("p", recursive=False)  # type: ignore[union-attr]
        assert _norm(first.get_text())[:120] in flat, f"{q.id}: answer text missing from the PDF"
    lines = {line.strip() for line in text.splitlines()}
    for chrome in CHROME_TEXT:
        assert chrome not in text, f"site chrome '{chrome}' printed"
    assert "Search" not in lines
    for source in ("flowchart", "sequenceDiagram", "subgraph", "-->"):
        assert source not in text, f"Mermaid source '{source}' printed instead of a drawing"
    assert f"{GUIDE.site.title} · " in text  # the print header: site name, category, date


@pytest.mark.parametrize("category", CATEGORIES)
def test_cheat_sheet_fits_two_pages_and_has_every_short_answer(printed: Path, category: str) -> None:
    pdf = printed / "pdf" / f"{category}-cheatsheet.pdf"
    if len(GUIDE.in_category(category)) <= 15:
        assert _pages(pdf) <= 2
    flat = _norm(_pdf_text(pdf))
    shorts = _html(printed, f"{category}-cheatsheet.html").select(".lg-sheet__short")
    assert len(shorts) == len(GUIDE.in_category(category))
    for short in shorts:
        assert _norm(short.get_text()) in flat


def test_whole_guide_pdf_has_every_question(printed: Path) -> None:
    flat = _norm(_pdf_text(printed / "pdf" / "print.pdf"))
    assert [q.id for q in GUIDE.questions if _norm(q.title) not in flat] == []


def test_pdf_links_are_shown_once_the_pdfs_exist(printed: Path, real_site: Path) -> None:
    for site, hidden in ((real_site, True), (printed, False)):
        link = _html(site, "fundamentals.html").select_one('a.lg-pdf[href="pdf/fundamentals.pdf"]')
        assert link is not None and link.has_attr("hidden") is hidden
    assert (printed / "pdf" / "fundamentals.pdf").stat().st_size > 20_000


def test_without_chromium_the_pdf_step_leaves_links_hidden(fixture_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(fixture_site, site)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LG_CHROMIUM": str(tmp_path / "no-chromium")}
    result = subprocess.run([sys.executable, "-m", "generator", "pdf", "--site", str(site)], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert result.stdout.startswith("PDFs skipped: Chromium not found")
    assert not (site / "pdf").exists()
    assert _html(site, "basics.html").select_one("a.lg-pdf").has_attr("hidden")


@pytest.fixture(scope="module")
def chromium_page(site_browser: tuple[object, str]) -> tuple[object, str]:
    return site_browser


def _mean_grey(pdf: Path, tmp_path: Path) -> float:
    subprocess.run([_poppler("pdftoppm"), "-gray", "-r", "30", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p")], check=True)
    data = next(tmp_path.glob("p*.pgm")).read_bytes()
    width, height, _maxval = (int(v) for v in re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data).groups())  # type: ignore[union-attr]
    pixels = data[-width * height :]
    return sum(pixels) / len(pixels)


def test_browser_print_without_javascript_help_expands_answers_in_light_colours(chromium_page: tuple[object, str], tmp_path: Path) -> None:
    """What Ctrl+P gives a reader who chose the dark palette: answers open through CSS alone, light page."""
    browser, url = chromium_page
    page = browser.new_page(color_scheme="dark")  # type: ignore[attr-defined]
    page.goto(url + "security-iam.html", wait_until="networkidle")
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    assert page.evaluate("document.querySelectorAll('details[open]').length") == 0
    pdf = tmp_path / "security-iam.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True, prefer_css_page_size=True)
    page.close()
    flat = _norm(_pdf_text(pdf))
    for q in GUIDE.in_category("security-iam"):
        printed = q.key_points[0].replace("`", "").split("{")[0]  # as the page shows it: no backticks, before any reference
        assert _norm(printed)[:60] in flat, f"{q.id}: closed answer did not print"
    assert _mean_grey(pdf, tmp_path) > 235, "the printed page is not light"


def test_first_printed_page_screenshot(printed: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    out = tmp_path_factory.mktemp("print-screens")
    subprocess.run([_poppler("pdftoppm"), "-png", "-r", "70", "-f", "1", "-l", "1", str(printed / "pdf" / "scenarios.pdf"), str(out / "scenarios")], check=True)
    shot = next(out.glob("scenarios*.png"))
    assert shot.stat().st_size > 10_000
    print(f"\nfirst printed page: {shot}")
