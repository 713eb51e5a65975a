"""The build: load and check content, render every page in memory, then write only if all succeeded."""

from __future__ import annotations

from pathlib import Path

from generator import stamp
from generator.loader import load_guide
from generator.models import Guide
from generator.output import Report, write_pages
from generator.render import navigation, render


def build(content: Path, out: Path, guide: Guide | None = None, inputs: str | None = None) -> Report:
    """Raises ContentError (nothing written) or OutputError; returns what changed, and stamps `out` with the
    inputs (see generator.stamp). Pass `guide` when the content was just loaded (the MkDocs hook loads it for
    the navigation) together with `inputs`, the fingerprint taken before loading it."""
    if guide is None or inputs is None:
        inputs = stamp.fingerprint(content)
        guide = load_guide(content)
    pages = render(guide)
    report = write_pages(pages, out, content)
    stamp.write(out, inputs, navigation(guide), pages)
    return report
