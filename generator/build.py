"""The build: load and check content, render every page in memory, then write only if all succeeded."""

from __future__ import annotations

from pathlib import Path

from generator.loader import load_guide
from generator.models import Guide
from generator.output import Report, write_pages
from generator.render import render


def build(content: Path, out: Path, guide: Guide | None = None) -> Report:
    """Raises ContentError (nothing written) or OutputError; returns what changed. Pass `guide` when the
    content was just loaded (the MkDocs hook loads it once for the navigation and once for the pages)."""
    pages = render(guide if guide is not None else load_guide(content))
    return write_pages(pages, out, content)
