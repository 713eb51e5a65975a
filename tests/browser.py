"""Real-browser helpers: the system Chromium driven by Playwright, and a static server on localhost."""

from __future__ import annotations

import os

import pytest

from generator import chromium
from generator.chromium import FLAGS
from generator.serve import serve


def require_chromium() -> str:
    """The Chromium binary (generator.chromium.find); fails (never skips) unless LG_ALLOW_NO_BROWSER=1 is set
    outside CI."""
    path = chromium.find()
    if path:
        return path
    message = "Chromium not found: install Debian's chromium package (apt-get install -y chromium), or set LG_CHROMIUM"
    if os.environ.get("LG_ALLOW_NO_BROWSER") == "1" and not os.environ.get("CI"):
        pytest.skip(message + " (skipped: LG_ALLOW_NO_BROWSER=1)")
    pytest.fail(message, pytrace=False)


__all__ = ["FLAGS", "require_chromium", "serve"]
