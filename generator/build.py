"""The build: load and check content, render every page in memory, draw its diagrams, then write only if
all succeeded."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from generator import diagrams
from generator.loader import load_guide
from generator.models import Guide
from generator.output import Report, write_pages
from generator.problems import ContentError
from generator.render import render


def diagram_cache(project: Path) -> Path:
    """Where drawn diagrams are kept: <project>/.cache/diagrams (never committed), or under LG_CACHE_DIR when
    set (the tests share one). Entries are named by what they were drawn from, so sharing is safe."""
    shared = os.environ.get("LG_CACHE_DIR")
    return (Path(shared) if shared else project.absolute() / ".cache") / "diagrams"


def draw_diagrams(content: Path, pages: dict[str, str], guide: Guide) -> diagrams.Drawn:
    """Draw the pages' diagrams with the local Chromium; raises ContentError for a diagram that fails."""
    from generator.pdf import find_chromium

    drawn, problems = diagrams.draw(pages, guide, diagram_cache(content.absolute().parent), find_chromium())
    if problems:
        raise ContentError(problems)
    return drawn


def build(content: Path, out: Path, guide: Guide | None = None) -> Report:
    """Raises ContentError (nothing written) or OutputError; returns what changed. Pass `guide` when the
    content was just loaded (the MkDocs hook loads it once for the navigation and once for the pages)."""
    guide = guide if guide is not None else load_guide(content)
    pages = render(guide)
    drawn = draw_diagrams(content, pages, guide)
    report = write_pages(pages, out, content)
    return dataclasses.replace(report, notes=(drawn.summary(),) if drawn.total else ())
