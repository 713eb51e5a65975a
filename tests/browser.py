"""Real-browser helpers: the system Chromium driven by Playwright, and a static server on localhost."""

from __future__ import annotations

import os
import shutil

import pytest

from generator.pdf import CHROMIUM_FLAGS
from generator.serve import serve

CHROMIUM = os.environ.get("LG_CHROMIUM", "/usr/bin/chromium")
# Flags for a sandboxed, offline machine: no background traffic, no GPU (a fresh profile each run).
FLAGS = CHROMIUM_FLAGS


def require_chromium() -> str:
    """The Chromium binary; fails (never skips) unless LG_ALLOW_NO_BROWSER=1 is set outside CI."""
    path = shutil.which(CHROMIUM) or (CHROMIUM if os.path.exists(CHROMIUM) else None)
    if path:
        return path
    message = f"Chromium not found at {CHROMIUM}: install Debian's chromium package (apt-get install -y chromium)"
    if os.environ.get("LG_ALLOW_NO_BROWSER") == "1" and not os.environ.get("CI"):
        pytest.skip(message + " (skipped: LG_ALLOW_NO_BROWSER=1)")
    pytest.fail(message, pytrace=False)


__all__ = ["FLAGS", "require_chromium", "serve"]
