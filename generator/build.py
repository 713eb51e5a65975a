"""The build: load and check content, draw its diagrams, render every page in memory, then hand the pages over
(to a folder, or to MkDocs through its hook) only if all of that succeeded."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from generator import chromium, dataset, mermaid
from generator.loader import Loaded, load
from generator.pages import Page, Plan
from generator.problems import ContentError
from generator.render import render
from generator.write import Report, write_pages


def draw_diagrams(content: Path, loaded: Loaded) -> mermaid.Drawn:
    """Draw the content's diagrams with the local Chromium; raises ContentError for a diagram that fails."""
    diagrams = mermaid.collect(loaded.guide, loaded.files)
    drawn, problems = mermaid.draw(diagrams, mermaid.cache_for(content.absolute().parent), chromium.find())
    if problems:
        raise ContentError(problems)
    return drawn


@dataclasses.dataclass(frozen=True)
class Generated:
    pages: list[Page]
    texts: dict[str, str]  # path -> Markdown
    drawn: mermaid.Drawn
    data: dict[str, bytes]  # path -> bytes: the dataset files (generator.dataset), copied into the site as they are


def generate(content: Path, loaded: Loaded, plan: Plan | None = None) -> Generated:
    """Every page in memory, its diagrams drawn; raises ContentError for a diagram that fails."""
    drawn = draw_diagrams(content, loaded)
    plan = plan or Plan.of(loaded.guide)
    return Generated(plan.pages, render(loaded.guide, plan), drawn, dataset.files(loaded.guide))


def build(content: Path, out: Path) -> Report:
    """Raises ContentError (nothing written) or OutputError; returns what changed."""
    generated = generate(content, load(content))
    report = write_pages(generated.texts, out, content, generated.data)
    return dataclasses.replace(report, notes=(generated.drawn.summary(),) if generated.drawn.total else ())
