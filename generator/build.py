"""The build: load and check content, render every page in memory, draw its diagrams, then write only if
all succeeded."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from generator import diagrams, stamp
from generator.cache import root as cache_root
from generator.loader import load_guide
from generator.models import Guide
from generator.output import Report, write_pages
from generator.problems import ContentError
from generator.render import navigation, render


def draw_diagrams(content: Path, pages: dict[str, str], guide: Guide) -> diagrams.Drawn:
    """Draw the pages' diagrams with the local Chromium; raises ContentError for a diagram that fails."""
    from generator.pdf import find_chromium

    drawn, problems = diagrams.draw(pages, guide, diagrams.cache_for(content.absolute().parent), find_chromium())
    if problems:
        raise ContentError(problems)
    return drawn


def generate(content: Path, guide: Guide) -> tuple[dict[str, str], diagrams.Drawn]:
    """Every page (path -> Markdown) in memory, its diagrams drawn; raises ContentError for a diagram that fails.
    The MkDocs hook hands these pages to MkDocs as they are; `build` writes them to a folder."""
    pages = render(guide, cache_root(content.absolute().parent) / "templates")
    return pages, draw_diagrams(content, pages, guide)


def build(content: Path, out: Path) -> Report:
    """Raises ContentError (nothing written) or OutputError; returns what changed, and stamps `out` with the
    inputs (see generator.stamp), so that the MkDocs hook uses these pages instead of generating them again."""
    inputs = stamp.fingerprint(content)
    guide = load_guide(content)
    pages, drawn = generate(content, guide)
    report = write_pages(pages, out, content)
    stamp.write(out, inputs, navigation(guide), pages, drawn.keys)
    return dataclasses.replace(report, notes=(drawn.summary(),) if drawn.total else ())
