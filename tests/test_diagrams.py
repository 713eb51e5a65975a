"""Diagrams are drawn at build time: a diagram Mermaid rejects is an error at its position, the drawing is the
same every time, drawn markup carries nothing active, and a build without Chromium still works."""

from __future__ import annotations

import glob
import json
from pathlib import Path

import pytest

from generator import mermaid as diagrams
from generator import safety
from generator.loader import load
from generator.render import render
from tests.conftest import ROOT, VALID, run_cli, run_module

BROKEN = "diagram: |\n  flowchart LR\n    P[Producer] --> Q[(SQS queue)]\n    Q --> W[Lambda worker\n"


def _break_diagram(project: Path) -> Path:
    path = project / "content" / "design" / "queue-worker.yml"
    text = path.read_text()
    start = text.index("diagram: |")
    end = text.index("key_points:")
    path.write_text(text[:start] + BROKEN + text[end:])
    return path


def test_theme_is_the_installed_materials_mermaid_theme() -> None:
    import material

    bundle_map = glob.glob(str(Path(material.__file__).parent / "templates/assets/javascripts/bundle.*.min.js.map"))[0]
    sources = json.loads(Path(bundle_map).read_text())
    theirs = dict(zip(sources["sources"], sources["sourcesContent"], strict=True))["src/templates/assets/javascripts/components/content/mermaid/index.css"]
    ours = diagrams.THEME_CSS.read_text().split("*/", 1)[1]
    assert ours.strip() == theirs.strip(), "Material's Mermaid theme changed: copy it into generator/assets/mermaid-theme.css"


def test_fence_puts_the_drawn_svg_in_a_shadow_root_or_leaves_the_source_for_the_browser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import markdown

    fences = {"custom_fences": [{"name": "mermaid", "class": "mermaid", "format": diagrams.fence}]}  # as in mkdocs.yml
    page = "??? note \"Answer\"\n\n    ```mermaid\n    flowchart LR\n      A --> B\n    ```\n"

    def convert() -> str:
        return markdown.markdown(page, extensions=["pymdownx.details", "pymdownx.superfences"], extension_configs={"pymdownx.superfences": fences})

    monkeypatch.setattr(diagrams, "store", tmp_path)
    fallback = convert()
    assert '<pre class="mermaid"><code>flowchart LR\n  A --&gt; B</code></pre>' in fallback  # what Material draws itself
    drawn_key = diagrams.key("flowchart LR\n  A --> B")
    (tmp_path / f"{drawn_key}.svg").write_text('<svg id="lg-x"><g></g></svg>')
    drawn = convert()
    assert '<div class="lg-diagram"><template shadowrootmode="open">' in drawn
    assert '<svg id="lg-x"><g></g></svg></template></div>' in drawn
    assert "mermaid" not in drawn


@pytest.mark.parametrize(
    "svg",
    [
        "<svg><script>alert(1)</script></svg>",
        '<svg><g onclick="alert(1)"></g></svg>',
        '<svg><a href="https://evil.example"><text>x</text></a></svg>',
        '<svg><use xlink:href="https://evil.example/s.svg#x"/></svg>',
        '<svg><foreignObject><div><img src="https://tracker.example/p.gif"></div></foreignObject></svg>',
        "<svg><style>#x{background:url(https://tracker.example/p.gif)}</style></svg>",
        "<svg><style>@import 'https://evil.example/x.css';</style></svg>",
        '<svg><g style="background:url(https://tracker.example/p.gif)"></g></svg>',
    ],
)
def test_active_content_in_drawn_svg_is_found(svg: str) -> None:
    assert safety.active_content(svg)


@pytest.mark.browser
def test_drawn_diagrams_are_inert_and_the_same_every_time(tmp_path: Path) -> None:
    from tests.browser import require_chromium

    chromium = require_chromium()
    loaded = load(ROOT / "content")
    collected = diagrams.collect(loaded.guide, loaded.files)
    expected = {diagrams.key(d.source) for d in collected}
    runs = []
    for n in (1, 2):
        drawn, problems = diagrams.draw(collected, tmp_path / str(n), chromium)
        assert problems == []
        assert (drawn.total, drawn.new) == (len(expected), len(expected))
        runs.append({p.name: p.read_bytes() for p in sorted((tmp_path / str(n)).iterdir())})
    assert runs[0] == runs[1], "drawing the same sources twice gave different SVG"
    for name, svg in runs[0].items():
        assert safety.active_content(svg.decode()) == "", name
        assert b"Syntax error" not in svg


@pytest.mark.browser
def test_a_diagram_mermaid_cannot_draw_is_an_error_at_its_line(project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.browser import require_chromium

    monkeypatch.setenv("LG_CHROMIUM", require_chromium())
    path = _break_diagram(project)
    line = path.read_text().splitlines().index("  flowchart LR") + 1
    code, lines = run_cli(capsys, "check", "content")
    assert code == 1
    assert lines[0].startswith(f"content/design/queue-worker.yml:{line}:3: LG044 Mermaid cannot draw this diagram: "), lines
    assert lines[0].endswith("- fix the diagram's syntax; try it at https://mermaid.live")
    assert lines[-1] == "1 problem in 1 file"
    code, lines = run_cli(capsys, "build", "--content", "content", "--out", "docs")
    assert (code, lines[-1]) == (1, "nothing was written")
    assert not (project / "docs").exists()


def test_without_chromium_the_build_leaves_diagrams_to_the_readers_browser(project: Path, tmp_path: Path) -> None:
    result = run_module("build", "--content", "content", "--out", "docs", cwd=project, env={"LG_CHROMIUM": str(tmp_path / "no-browser"), "LG_CACHE_DIR": str(tmp_path / "cache")})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "diagrams: 1 left for the reader's browser to draw (Chromium not found; install Debian's chromium package)" in result.stdout
    assert "```mermaid" in (project / "docs" / "design.md").read_text().replace("``` mermaid", "```mermaid")


@pytest.mark.parametrize("content", [VALID, ROOT / "content"], ids=["fixture", "real"])
def test_the_diagrams_collected_from_the_content_are_the_ones_the_pages_show(content: Path) -> None:
    """`check` and the build draw what `collect` finds; the pages' fences must be exactly those, or a page would
    show a diagram nobody drew (or checked)."""
    loaded = load(content)
    collected = {diagrams.normalize(d.source) for d in diagrams.collect(loaded.guide, loaded.files)}
    assert collected == set(diagrams.sources(render(loaded.guide)))
    assert collected


def test_a_diagram_is_titled_after_its_type_line_unless_it_has_a_title() -> None:
    assert diagrams.titled("flowchart LR\n  A --> B", "What is *Lambda*; really?") == "flowchart LR\n  accTitle: Diagram: What is Lambda, really?\n  A --> B"
    assert diagrams.titled("---\ntitle: x\n---\n%% note\n  sequenceDiagram\n  A->>B: hi", "T").splitlines()[5] == "    accTitle: Diagram: T"
    own = "flowchart LR\n  accTitle: Mine\n  A --> B"
    assert diagrams.titled(own, "Other") == own
