"""The system Chromium, which the build drives (through Playwright) to draw diagrams and print PDFs, and the
folder where those drawings and prints are kept between builds.

Playwright never downloads a browser here: it is given Debian's chromium (or LG_CHROMIUM's), the one CI installs.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
# A sandboxed, offline machine: no background traffic, no GPU, a fresh profile each run.
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def find() -> str | None:
    """The Chromium to use: LG_CHROMIUM when set (then the only one considered), else a system install."""
    explicit = os.environ.get("LG_CHROMIUM")
    for candidate in [explicit] if explicit else CANDIDATES:
        if candidate and (shutil.which(candidate) or Path(candidate).is_file()):
            return candidate
    return None


@contextmanager
def launch(executable: str) -> Iterator[Any]:
    """A headless browser (Playwright's sync API), closed on exit."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=FLAGS)
        try:
            yield browser
        finally:
            browser.close()


def cache_dir(project: Path, name: str) -> Path:
    """<project>/.cache/<name> (never committed), or LG_CACHE_DIR/<name> when set (the tests share one).
    Everything in it is named by what it was made from, so sharing and deleting it are safe."""
    shared = os.environ.get("LG_CACHE_DIR")
    return (Path(shared) if shared else project.absolute() / ".cache") / name
