"""The MkDocs hook hands MkDocs the generator's pages in memory: the same pages `render` makes, the same site as
a build from `python -m generator build` output, and on bad content an error that leaves the site as it was."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from generator import mkdocs_hook
from generator.loader import load_guide
from generator.render import render
from tests.conftest import FIXTURES, VALID, build_site, make_project, run_module
from tests.test_reproducible import EPOCH, _tree


def test_the_hook_generates_what_render_makes_and_the_navigation(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LG_CHROMIUM", str(tmp_path / "no-browser"))  # diagrams are not this test's business
    config = SimpleNamespace(config_file_path=str(project / "mkdocs.yml"), docs_dir=str(project / "docs"), nav=None, repo_url="")
    mkdocs_hook.on_config(config)
    mkdocs_hook.on_pre_build(config)
    assert mkdocs_hook._build.generated.texts == render(load_guide(project / "content"))
    assert config.nav == [
        {"Home": "index.md"},
        {"Study plan": "study-plan.md"},
        {"Basics": "basics.md"},
        {"Design": "design.md"},
        {"Topics": "topics.md"},
        {"Key numbers": "key-numbers.md"},
    ]


@pytest.mark.site
def test_mkdocs_builds_the_same_site_with_or_without_generated_pages_in_docs_and_fails_on_bad_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    content = tmp_path / "content"
    shutil.copytree(VALID, content)
    hook_only = make_project(tmp_path / "hook-only", content)
    generated = build_site(hook_only)
    assert generated.returncode == 0, generated.stderr
    assert sorted(p.name for p in (hook_only / "docs").iterdir()) == []  # pages went to MkDocs in memory
    with_docs = make_project(tmp_path / "with-docs", content)
    assert run_module("build", "--content", "content", "--out", "docs", cwd=with_docs).returncode == 0
    pages = len(list((with_docs / "docs").glob("*.md")))
    assert re.search(rf"INFO +- +generator: \d+\.\d\d s of this build, {pages} pages generated\n", generated.stderr), generated.stderr  # read by `make bench`
    result = build_site(with_docs)
    assert result.returncode == 0, result.stderr
    assert _tree(with_docs / "site") == _tree(hook_only / "site")

    shutil.copyfile(FIXTURES / "invalid" / "lg025-unknown-tag.yml", content / "basics" / "lg025-unknown-tag.yml")
    result = build_site(with_docs)
    assert result.returncode == 1
    assert "lg025-unknown-tag.yml:6:16: LG025 tag `coldstart` is not in content/tags.yml" in result.stderr
    assert "the site is left as it was" in result.stderr and "Traceback" not in result.stderr
