"""The stamp in docs/ (generator/stamp.py): after `python -m generator build`, the MkDocs hook neither loads nor
renders the content again and the site is the same; a change to the content, the code or a page regenerates."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

import generator.build
import generator.loader
from generator import mkdocs_hook, stamp
from generator.build import build
from generator.loader import load_guide
from generator.render import navigation
from tests.conftest import FIXTURES, VALID, build_site, make_project, run_module
from tests.test_reproducible import EPOCH, _tree


def _config(project: Path) -> SimpleNamespace:
    return SimpleNamespace(config_file_path=str(project / "mkdocs.yml"), docs_dir=str(project / "docs"), nav=None, repo_url="")


def _hook_build(project: Path) -> SimpleNamespace:
    config = _config(project)
    mkdocs_hook.on_config(config)
    mkdocs_hook.on_pre_build(config)
    return config


def _forbid_generating(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_: object, **__: object) -> None:
        raise AssertionError("the hook generated the pages again")

    monkeypatch.setattr(generator.loader, "load_guide", fail)
    monkeypatch.setattr(generator.build, "build", fail)


def test_a_fresh_stamp_skips_loading_and_rendering(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build(project / "content", project / "docs")
    nav = navigation(load_guide(project / "content"))
    _forbid_generating(monkeypatch)
    assert _hook_build(project).nav == nav
    assert (project / "docs" / stamp.NAME).is_file()


def test_a_content_edit_makes_the_stamp_stale_and_the_hook_regenerates(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build(project / "content", project / "docs")
    question = project / "content" / "design" / "queue-worker.yml"
    question.write_text(
        question.read_text().replace("Design a queue worker that survives failures", "Design a queue worker that never drops work")
    )
    _hook_build(project)
    assert "never drops work" in (project / "docs" / "design.md").read_text()
    _forbid_generating(monkeypatch)
    _hook_build(project)  # the hook stamped what it generated: the next build is fresh again


def test_a_changed_or_removed_page_makes_the_stamp_stale(project: Path) -> None:
    build(project / "content", project / "docs")
    page = project / "docs" / "basics.md"
    original = page.read_bytes()
    page.write_text("edited by hand\n")
    _hook_build(project)
    assert page.read_bytes() == original
    page.unlink()
    _hook_build(project)
    assert page.read_bytes() == original


def test_a_missing_drawing_makes_the_stamp_stale(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The pages would show the diagram's source instead of the drawing if the cache lost it (cleared, or a
    new Mermaid build): the hook generates again, which draws it again."""
    monkeypatch.setenv("LG_CACHE_DIR", str(tmp_path / "cache"))
    build(project / "content", project / "docs")
    drawings = list((tmp_path / "cache" / "diagrams").glob("*.svg"))
    assert len(drawings) == 1
    drawings[0].unlink()
    _hook_build(project)
    assert drawings[0].is_file()


def test_the_fingerprint_covers_the_content_and_the_repository_of_edit_links(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = stamp.fingerprint(project / "content")
    assert stamp.fingerprint(project / "content") == before
    monkeypatch.setenv("GITHUB_REPOSITORY", "someone/fork")  # edit and report links follow it
    assert stamp.fingerprint(project / "content") != before
    monkeypatch.delenv("GITHUB_REPOSITORY")
    (project / "content" / "basics" / "notes.txt").write_text("x")
    assert stamp.fingerprint(project / "content") != before


def test_mkdocs_after_the_generator_builds_the_same_site_and_still_fails_on_bad_content(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    content = tmp_path / "content"
    shutil.copytree(VALID, content)
    hook_only = make_project(tmp_path / "hook-only", content)
    result = build_site(hook_only)
    assert result.returncode == 0
    assert re.search(r"INFO +- +generator: \d+\.\d\d s of this build", result.stderr), result.stderr  # what `make bench` reads
    assert (hook_only / "docs" / "basics.md").is_file()
    stamped = make_project(tmp_path / "stamped", content)
    assert run_module("build", "--content", "content", "--out", "docs", cwd=stamped).returncode == 0
    result = build_site(stamped)
    assert result.returncode == 0, result.stderr
    assert _tree(stamped / "site") == _tree(hook_only / "site")
    assert not list((stamped / "site").rglob(stamp.NAME))

    shutil.copyfile(FIXTURES / "invalid" / "lg025-unknown-tag.yml", content / "basics" / "lg025-unknown-tag.yml")
    result = build_site(stamped)
    assert result.returncode == 1
    assert "lg025-unknown-tag.yml:6:16: LG025 tag `coldstart` is not in content/tags.yml" in result.stderr
    assert "nothing was written to docs/" in result.stderr and "Traceback" not in result.stderr
