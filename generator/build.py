"""The build: load and check content, render every page in memory, then write only if all succeeded."""

from __future__ import annotations

from pathlib import Path

from generator.loader import load_guide
from generator.output import Report, write_pages
from generator.render import render


def build(content: Path, out: Path) -> Report:
    """Raises ContentError (nothing written) or OutputError; returns what changed."""
    guide = load_guide(content)
    pages = render(guide)
    return write_pages(pages, out, content)
