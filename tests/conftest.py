"""Shared test helpers: fixture content in a temp folder, and the check command run in-process."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.cli import main

# Edit links follow GITHUB_REPOSITORY on GitHub Actions; tests compare against the configured repository.
os.environ.pop("GITHUB_REPOSITORY", None)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
VALID = FIXTURES / "valid"

# Drawn diagrams are cached by what they were drawn from; every temp project of a test run shares one cache,
# so a diagram is drawn once per run, not once per test (tests of a cold cache set their own).
os.environ.setdefault("LG_CACHE_DIR", str(ROOT / ".cache" / "test-run"))


# Test tiers: `make test-fast` runs what is marked neither `site` nor `browser`. Tests that use a built site or the
# shared browser are marked here from their fixtures; others that build a site or draw carry the marker themselves.
_SITE_FIXTURES = {"fixture_site", "real_site", "site_browser"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if used & _SITE_FIXTURES:
            item.add_marker(pytest.mark.site)
        if "site_browser" in used:
            item.add_marker(pytest.mark.browser)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/ from the current output")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temp folder holding `content/` (a copy of the valid fixture), made the working directory."""
    shutil.copytree(VALID, tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    """Run `python -m generator ARGS` in-process; return the exit code and stdout lines."""
    code = main(list(args))
    out = capsys.readouterr().out
    return code, out.splitlines()


def run_module(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python -m generator ARGS` as a real subprocess (with `env` added to the environment)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


# --- Built sites (session-scoped: each is built once per test run) -----------------------------------

def make_project(where: Path, content: Path) -> Path:
    """A throwaway project: the real mkdocs.yml, generator and overrides, with `content` as its content/."""
    (where / "docs").mkdir(parents=True, exist_ok=True)
    for name in ("generator", "overrides"):
        (where / name).symlink_to(ROOT / name, target_is_directory=True)
    (where / "content").symlink_to(content, target_is_directory=True)
    shutil.copyfile(ROOT / "mkdocs.yml", where / "mkdocs.yml")
    return where


def build_site(project_dir: Path) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` in `project_dir`; its hook runs the generator, as in `mkdocs serve`."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "site"],
        cwd=project_dir, env=env, capture_output=True, text=True, timeout=600,
    )


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project_dir = make_project(tmp_path_factory.mktemp("fixture-site") / "project", VALID)
    result = build_site(project_dir)
    assert result.returncode == 0, result.stderr
    return project_dir / "site"


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project_dir = make_project(tmp_path_factory.mktemp("real-site") / "project", ROOT / "content")
    result = build_site(project_dir)
    assert result.returncode == 0, result.stderr
    return project_dir / "site"


@pytest.fixture(scope="session")
def site_browser(real_site: Path) -> Iterator[tuple[object, str]]:
    """One headless Chromium (Debian's, driven by Playwright) and the real site served on 127.0.0.1."""
    from playwright.sync_api import sync_playwright

    from tests.browser import FLAGS, require_chromium, serve

    executable = require_chromium()
    with serve(real_site) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=FLAGS)
        yield browser, url
        browser.close()
