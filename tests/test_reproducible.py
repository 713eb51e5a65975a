"""Reproducible builds: the same commit and SOURCE_DATE_EPOCH give byte-identical site/ trees and PDFs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, build_site, make_project

pytestmark = pytest.mark.site

EPOCH = "1795737600"  # 2026-11-27


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_site_builds_are_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    trees = []
    for name in ("a", "b"):
        project = make_project(tmp_path / name, ROOT / "content")
        result = build_site(project)
        assert result.returncode == 0, result.stderr
        trees.append(_tree(project / "site"))
    assert len(trees[0]) > 100
    differing = [name for name in trees[0] if trees[0][name] != trees[1].get(name)]
    assert differing == [] and trees[0].keys() == trees[1].keys()


@pytest.mark.browser
def test_two_pdf_runs_are_byte_identical_and_link_the_published_site(fixture_site: Path, tmp_path: Path) -> None:
    from tests.browser import require_chromium

    require_chromium()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SOURCE_DATE_EPOCH": EPOCH}
    outputs = []
    for name in ("a", "b"):
        site = tmp_path / name
        shutil.copytree(fixture_site, site)
        result = subprocess.run([sys.executable, "-m", "generator", "pdf", "--site", str(site), "--cache", ""], env=env, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stdout + result.stderr
        outputs.append(_tree(site / "pdf"))
    assert sorted(outputs[0]) == ["basics-cheatsheet.pdf", "basics.pdf", "design-cheatsheet.pdf", "design.pdf", "print.pdf"]
    assert outputs[0] == outputs[1]
    assert b"127.0.0.1" not in b"".join(outputs[0].values())
    assert b"/URI (https://lambda-interview-guide.github.io/aws-lambda-interview-guide/design.html#queue-worker)" in outputs[0]["basics.pdf"]
