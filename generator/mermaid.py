"""Diagrams drawn at build time: every Mermaid fence becomes an inline SVG, so readers download no Mermaid.

Material draws diagrams in the reader's browser with a 2.9 MB script (Lighthouse mobile performance 74 on
a category page). Here the build draws them once, with the same pinned Mermaid in headless Chromium and
Material's Mermaid theme, and the page carries the SVG in a declarative shadow root: no script, so the
diagrams also show in a downloaded copy, in print and in PDFs, and their colours still follow the palette
through the --md-mermaid-* CSS variables, as Material's own do.

- `draw(pages, guide, cache)` draws every fence of the generated pages that is not in the cache yet, in one
  browser session; a diagram Mermaid rejects is an LG044 problem at its position in the content file, and
  drawn markup that could run or load anything is LG045 (Mermaid runs with securityLevel "strict").
- `fence(...)` is the pymdownx.superfences formatter set in mkdocs.yml: it puts the drawn SVG in the page,
  or, when the build could not draw (no Chromium), the source for the reader's browser to draw.

The cache key covers the source, the Mermaid build, the theme and the configuration, so a change to any of
them draws again; the same inputs give the same bytes (deterministic ids, no timestamps).
"""

from __future__ import annotations

import hashlib
import json
import re
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache as _once
from pathlib import Path
from typing import Any

from generator.cache import root as cache_root
from generator.models import Guide
from generator.problems import Problem
from generator.safety import active_content, mermaid_blocks
from generator.text import locate

ROOT = Path(__file__).resolve().parent.parent
MERMAID_JS = ROOT / "overrides" / "assets" / "javascripts" / "vendor" / "mermaid.min.js"
THEME_CSS = Path(__file__).resolve().parent / "assets" / "mermaid-theme.css"
FONT_STACK = "-apple-system, BlinkMacSystemFont, Helvetica, Arial, sans-serif"  # Material's text font with `font: false`
_VERSION = b"lg-diagram-1"

# Where `fence` finds drawn diagrams: the MkDocs hook sets it to the build's cache (`cache_for`).
store = Path(".cache") / "diagrams"


def cache_for(project: Path) -> Path:
    """Where drawn diagrams are kept: .cache/diagrams (see generator.cache)."""
    return cache_root(project) / "diagrams"


@dataclass(frozen=True)
class Drawn:
    """What `draw` did: how many diagrams the pages have, how many were drawn now, and why none were."""

    total: int
    new: int
    skipped: str = ""  # a reason when the build could not draw (the reader's browser will)
    keys: tuple[str, ...] = ()  # the cache entries the pages use, when drawn

    def summary(self) -> str:
        if self.skipped:
            return f"diagrams: {self.total} left for the reader's browser to draw ({self.skipped})"
        return f"diagrams: {self.total} drawn at build time"


def normalize(source: str) -> str:
    return textwrap.dedent(source).strip() + "\n"


@_once
def _config() -> dict[str, Any]:
    theme = THEME_CSS.read_text(encoding="utf-8").split("*/", 1)[1].strip()
    return {
        "startOnLoad": False,
        "securityLevel": "strict",
        "deterministicIds": True,
        "handDrawnSeed": 1,  # shapes drawn with rough.js take a random seed unless one is set
        "fontFamily": FONT_STACK,
        "themeCSS": theme,
        "sequence": {"actorFontSize": "16px", "messageFontSize": "16px", "noteFontSize": "16px"},  # as Material
    }


@_once
def engine() -> bytes:
    digest = hashlib.sha256(_VERSION)
    digest.update(MERMAID_JS.read_bytes())
    digest.update(json.dumps(_config(), sort_keys=True).encode())
    return digest.digest()


def key(source: str) -> str:
    return hashlib.sha256(engine() + normalize(source).encode()).hexdigest()[:32]


def sources(pages: dict[str, str]) -> list[str]:
    """Every distinct Mermaid source in the generated pages, in a stable order."""
    return sorted({normalize(block) for text in pages.values() for block in mermaid_blocks(text)})


def draw(pages: dict[str, str], guide: Guide, cache: Path, chromium: str | None) -> tuple[Drawn, list[Problem]]:
    """Draw the diagrams of `pages` missing from `cache` (written only when all of them succeed)."""
    wanted = {key(s): s for s in sources(pages)}
    todo = {k: s for k, s in wanted.items() if not (cache / f"{k}.svg").is_file()}
    if not todo:
        return Drawn(len(wanted), 0, keys=tuple(sorted(wanted))), []
    if chromium is None:
        return Drawn(len(wanted), 0, "Chromium not found; install Debian's chromium package"), []
    results = _draw_in_browser(todo, chromium)
    problems = []
    for k, (ok, text) in results.items():
        if not ok:
            problems.append(_problem(guide, todo[k], "LG044", f"Mermaid cannot draw this diagram: {_first_line(text)}", "fix the diagram's syntax; try it at https://mermaid.live"))
        elif unsafe := active_content(text):
            problems.append(_problem(guide, todo[k], "LG045", f"the drawn diagram contains {unsafe}", "remove links, HTML and styles from the diagram's labels"))
    if problems:
        return Drawn(len(wanted), 0), problems
    cache.mkdir(parents=True, exist_ok=True)
    for k, (_, svg) in results.items():
        (cache / f"{k}.svg").write_text(svg, encoding="utf-8")
    return Drawn(len(wanted), len(todo), keys=tuple(sorted(wanted))), []


def _first_line(message: str) -> str:
    lines = [line.strip() for line in message.strip().splitlines() if line.strip()]
    return " ".join(lines[:3])[:300] if lines else "unknown error"


def _problem(guide: Guide, source: str, code: str, message: str, hint: str) -> Problem:
    """The problem at the diagram's first line in the content file that holds it."""
    first = next(line.strip() for line in source.splitlines() if line.strip())
    for path, text in _content_files(guide):
        found = locate(text, first, 1)
        if found:
            return Problem(path, found[0], found[1], code, message, hint)
    return Problem("content", 1, 1, code, message, hint)


def _content_files(guide: Guide) -> Iterable[tuple[str, str]]:
    for q in guide.questions:
        try:
            yield q.path, Path(q.path).read_text(encoding="utf-8")
        except OSError:
            continue


_PAGE = f"<!doctype html><html><head><meta charset='utf-8'></head><body style='font-family:{FONT_STACK};font-size:16px'></body></html>"
_RENDER = """async ([config, jobs]) => {
  mermaid.initialize(config);
  const out = {};
  for (const [id, source] of jobs) {
    try { out[id] = [true, (await mermaid.render("lg-" + id.slice(0, 12), source)).svg]; }
    catch (e) { out[id] = [false, String(e && e.message || e)]; }
    document.querySelectorAll("body > :not(script)").forEach(n => n.remove());  // leftovers of a failed render
  }
  return out;
}"""


def _draw_in_browser(todo: dict[str, str], chromium: str) -> dict[str, tuple[bool, str]]:
    """Playwright's sync API refuses to run where an asyncio loop runs (a caller that already drives a browser,
    a notebook), so the drawing gets a thread of its own."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(_draw, todo, chromium).result()


def _draw(todo: dict[str, str], chromium: str) -> dict[str, tuple[bool, str]]:
    from playwright.sync_api import sync_playwright

    from generator.pdf import CHROMIUM_FLAGS

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        try:
            page = browser.new_page()
            page.route("**/*", lambda route: route.abort())  # the drawing page loads nothing from anywhere
            page.set_content(_PAGE)
            page.add_script_tag(content=MERMAID_JS.read_text(encoding="utf-8"))
            result = page.evaluate(_RENDER, [_config(), sorted(todo.items())])
        finally:
            browser.close()
    return {k: (bool(v[0]), str(v[1])) for k, v in result.items()}


# --- MkDocs side: the superfences formatter ----------------------------------------------------------
# A wide diagram is not shrunk below READABLE_WIDTH on a phone (its labels would be a few pixels high): the
# column scrolls sideways instead (guide.js makes it focusable, for keyboard scrolling). Print fits the page.
READABLE_WIDTH = 640
_WIDTH_RE = re.compile(r'<svg\b[^>]*?style="[^"]*max-width:\s*([0-9.]+)px')


def _host_style(svg: str) -> str:
    found = _WIDTH_RE.match(svg)
    floor = min(float(found.group(1)), READABLE_WIDTH) if found else 0
    return (
        "<style>:host{display:block}"
        f"svg{{display:block;margin:0 auto;height:auto;min-width:{floor:g}px}}"
        "@media print{svg{min-width:0}}</style>"
    )


def fence(source: str, language: str, class_name: str, options: dict[str, Any], md: Any, **kwargs: Any) -> str:
    """A drawn diagram in a declarative shadow root, or the source for Material's in-browser Mermaid."""
    svg = store / f"{key(source)}.svg"
    try:
        drawn = svg.read_text(encoding="utf-8")
    except OSError:
        from pymdownx.superfences import fence_code_format

        return str(fence_code_format(source, language, class_name, options, md, **kwargs))
    return f'<div class="lg-diagram"><template shadowrootmode="open">{_host_style(drawn)}{drawn}</template></div>'
