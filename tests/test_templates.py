"""Compiled templates are kept between builds (.cache/templates) without ever changing what a build writes."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from generator.build import build
from generator.diagrams import Drawn
from generator.render import TemplateCache
from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "golden" / "valid"


def _render(templates: Path, cache: Path) -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(templates), bytecode_cache=TemplateCache(str(cache)), auto_reload=False)
    return env.get_template("page.j2").render(name="Lambda")


def test_an_edited_template_is_compiled_again_not_taken_from_the_cache(tmp_path: Path) -> None:
    templates, cache = tmp_path / "templates", tmp_path / "cache"
    templates.mkdir()
    (templates / "page.j2").write_text("Hello {{ name }}")
    assert _render(templates, cache) == "Hello Lambda"
    assert len(list(cache.iterdir())) == 1  # kept for the next build
    (templates / "page.j2").write_text("Goodbye {{ name }}")
    assert _render(templates, cache) == "Goodbye Lambda"


def _pages(out: Path) -> dict[str, str]:
    return {p.name: p.read_text() for p in sorted(out.glob("*.md"))}


def test_a_damaged_cache_is_compiled_over(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LG_CACHE_DIR", str(project / "cache"))
    build(project / "content", project / "first")
    entries = sorted((project / "cache" / "templates").iterdir())
    assert entries, "the build keeps its compiled templates"
    for entry in entries:  # cut short, as by a full disk or a killed build
        entry.write_bytes(entry.read_bytes()[:40])
    build(project / "content", project / "second")
    assert _pages(project / "second") == _pages(project / "first") == {p.name: p.read_text() for p in sorted(GOLDEN.glob("*.md"))}


def test_an_unwritable_cache_only_means_compiling_again(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (project / "cache").write_text("a file where the cache folder would go")
    monkeypatch.setenv("LG_CACHE_DIR", str(project / "cache"))
    monkeypatch.setattr("generator.build.draw_diagrams", lambda *_: Drawn(0, 0))  # the diagram cache is in the way too
    build(project / "content", project / "docs")
    assert _pages(project / "docs") == {p.name: p.read_text() for p in sorted(GOLDEN.glob("*.md"))}
