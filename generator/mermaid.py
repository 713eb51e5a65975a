"""Mermaid diagrams: found in the content with their positions, drawn at build time into inline SVG, and put
in the pages by the Markdown fence formatter, so readers download no Mermaid.

Material draws diagrams in the reader's browser with a 2.9 MB script. Here the build draws them once, with the
same pinned Mermaid in headless Chromium and Material's Mermaid theme, and the page carries the SVG in a
declarative shadow root: no script, so the diagrams also show in a downloaded copy, in print and in PDFs, and
their colours still follow the palette through the --md-mermaid-* CSS variables, as Material's own do.

- `collect(guide, files)` lists every diagram of the content (question `diagram` fields, ```mermaid fences in
  Markdown fields, the study plan) with the file and line it is written at, titled as the pages show it.
- `draw(diagrams, cache, chromium)` draws those not in the cache yet, in one browser session; a diagram
  Mermaid rejects is LG044 at its own position, and drawn markup that could run or load anything is LG045
  (Mermaid runs with securityLevel "strict"; generator.safety is the second lock).
- `fence(...)` is the pymdownx.superfences formatter set in mkdocs.yml: it puts the drawn SVG in the page,
  or, when the build could not draw (no Chromium), the source for the reader's browser to draw.

The cache key covers the source, the Mermaid build, the theme and the configuration, so a change to any of
them draws again; the same inputs give the same bytes (deterministic ids, no timestamps).
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator import chromium
from generator.files import ContentFiles
from generator.models import Guide, Question
from generator.problems import Problem
from generator.references import place, strip_markdown
from generator.safety import active_content

ROOT = Path(__file__).resolve().parent.parent
MERMAID_JS = ROOT / "overrides" / "assets" / "javascripts" / "vendor" / "mermaid.min.js"
THEME_CSS = Path(__file__).resolve().parent / "assets" / "mermaid-theme.css"
FONT_STACK = "-apple-system, BlinkMacSystemFont, Helvetica, Arial, sans-serif"  # Material's text font with `font: false`
_VERSION = b"lg-diagram-1"

# Where `fence` finds drawn diagrams. Set in one place: the MkDocs hook's on_config (to `cache_for(project)`).
store = Path(".cache") / "diagrams"


def cache_for(project: Path) -> Path:
    return chromium.cache_dir(project, "diagrams")


# A ```mermaid fence: group 1 is its source. Shared by the checks, the collection and the search entries.
FENCE_RE = re.compile(r"^[ \t]*```\s*mermaid[^\n]*\n(.*?)^[ \t]*```[ \t]*\n?", re.S | re.M)


def blocks(markdown: str) -> Iterator[str]:
    """The sources of ```mermaid fences in a Markdown text."""
    if "mermaid" not in markdown:
        return
    yield from (match.group(1) for match in FENCE_RE.finditer(markdown))


_ACC_TITLE_RE = re.compile(r"^\s*accTitle\s*:", re.M)


def titled(source: str, title: str) -> str:
    """A Mermaid source given an accessible title (`accTitle`), unless it has one: the drawn SVG gets a <title>
    that names it to screen readers, which would otherwise read out its labels with no context. The title line
    goes after the diagram type line (and after any front matter), as Mermaid requires."""
    if _ACC_TITLE_RE.search(source):
        return source
    lines = source.split("\n")
    in_front_matter = False
    for n, line in enumerate(lines):
        text = line.strip()
        if text == "---":
            in_front_matter = not in_front_matter
        elif text and not in_front_matter and not text.startswith("%%"):
            name = " ".join(strip_markdown(title).replace(";", ",").split())  # one line; Mermaid ends a statement at ";"
            return "\n".join([*lines[: n + 1], f"{line[: len(line) - len(line.lstrip())]}  accTitle: Diagram: {name}", *lines[n + 1 :]])
    return source


def titled_fences(markdown: str, title: str) -> str:
    """`titled` for every ```mermaid fence in a Markdown text."""
    return FENCE_RE.sub(lambda m: m[0].replace(m[1], titled(m[1], title), 1) if m[1] else m[0], markdown)


def without_diagrams(markdown: str) -> str:
    """Markdown minus its Mermaid fences: search entries index words, and a drawn diagram only adds weight."""
    return FENCE_RE.sub("", markdown)


@dataclass(frozen=True)
class Diagram:
    """A diagram as drawn (titled), and where its first line is written."""

    source: str
    path: str
    line: int
    col: int


def collect(guide: Guide, files: ContentFiles) -> list[Diagram]:
    """Every diagram of the content, in guide order, located in the file that holds it."""
    docs = {doc.data["id"]: doc for doc in files.questions}
    found = []
    for q in guide.questions:
        doc = docs[q.id]
        for at, text, offset, source in _question_diagrams(q):
            # a field with a diagram is a block scalar (`diagram: |`): its text starts on the line after the key
            where = place(doc.text, doc.pos(at)[0] + 1, text, offset)
            found.append(Diagram(titled(source, q.title), doc.path, *where))
    if files.study_plan:
        text = files.study_plan.text
        for match in FENCE_RE.finditer(text):
            found.append(Diagram(match[1], files.study_plan.path, *place(text, 1, text, match.start(1))))
    return found


def _question_diagrams(q: Question) -> Iterator[tuple[tuple[str | int, ...], str, int, str]]:
    """(field, its text, where the diagram starts in it, the diagram's source) for each diagram of `q`."""
    if q.diagram:
        yield ("diagram",), q.diagram, 0, q.diagram
    for at, text in q.texts():
        if "mermaid" in text:
            for match in FENCE_RE.finditer(text):
                yield at, text, match.start(1), match[1]


@dataclass(frozen=True)
class Drawn:
    """What `draw` did: how many diagrams the pages have, how many were drawn now, and why none were."""

    total: int
    new: int
    skipped: str = ""  # a reason when the build could not draw (the reader's browser will)

    def summary(self) -> str:
        if self.skipped:
            return f"diagrams: {self.total} left for the reader's browser to draw ({self.skipped})"
        return f"diagrams: {self.total} drawn at build time"


def normalize(source: str) -> str:
    return textwrap.dedent(source).strip() + "\n"


@functools.cache
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


@functools.cache
def engine() -> bytes:
    digest = hashlib.sha256(_VERSION)
    digest.update(MERMAID_JS.read_bytes())
    digest.update(json.dumps(_config(), sort_keys=True).encode())
    return digest.digest()


def key(source: str) -> str:
    return hashlib.sha256(engine() + normalize(source).encode()).hexdigest()[:32]


def sources(pages: dict[str, str]) -> list[str]:
    """Every distinct Mermaid source in generated pages, in a stable order (what the fence formatter meets)."""
    return sorted({normalize(block) for text in pages.values() for block in blocks(text)})


def draw(diagrams: list[Diagram], cache: Path, executable: str | None) -> tuple[Drawn, list[Problem]]:
    """Draw the `diagrams` missing from `cache` (written only when all of them succeed)."""
    wanted: dict[str, list[Diagram]] = {}
    for diagram in diagrams:
        wanted.setdefault(key(diagram.source), []).append(diagram)
    todo = {k: places[0].source for k, places in wanted.items() if not (cache / f"{k}.svg").is_file()}
    if not todo:
        return Drawn(len(wanted), 0), []
    if executable is None:
        return Drawn(len(wanted), 0, "Chromium not found; install Debian's chromium package"), []
    results = _draw_in_browser(todo, executable)
    problems = []
    for k, (ok, text) in results.items():
        if not ok:
            found = ("LG044", f"Mermaid cannot draw this diagram: {_first_line(text)}", "fix the diagram's syntax; try it at https://mermaid.live")
        elif unsafe := active_content(text):
            found = ("LG045", f"the drawn diagram contains {unsafe}", "remove links, HTML and styles from the diagram's labels")
        else:
            continue
        problems += [Problem(d.path, d.line, d.col, *found) for d in wanted[k]]
    if problems:
        return Drawn(len(wanted), 0), problems
    cache.mkdir(parents=True, exist_ok=True)
    for k, (_, svg) in results.items():
        (cache / f"{k}.svg").write_text(svg, encoding="utf-8")
    return Drawn(len(wanted), len(todo)), []


def _first_line(message: str) -> str:
    lines = [line.strip() for line in message.strip().splitlines() if line.strip()]
    return " ".join(lines[:3])[:300] if lines else "unknown error"


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


def _draw_in_browser(todo: dict[str, str], executable: str) -> dict[str, tuple[bool, str]]:
    """Playwright's sync API refuses to run where an asyncio loop runs (a caller that already drives a browser,
    a notebook), so the drawing gets a thread of its own."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(_draw, todo, executable).result()


def _draw(todo: dict[str, str], executable: str) -> dict[str, tuple[bool, str]]:
    with chromium.launch(executable) as browser:
        page = browser.new_page()
        page.route("**/*", lambda route: route.abort())  # the drawing page loads nothing from anywhere
        page.set_content(_PAGE)
        page.add_script_tag(content=MERMAID_JS.read_text(encoding="utf-8"))
        result = page.evaluate(_RENDER, [_config(), sorted(todo.items())])
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
