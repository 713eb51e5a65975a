"""Real-browser helpers: the system Chromium driven by Playwright, and a static server on localhost."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("LG_CHROMIUM", "/usr/bin/chromium")
# Flags for a sandboxed, offline machine: no background traffic, no GPU, a fresh profile each run.
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


def require_chromium() -> str:
    """The Chromium binary; fails (never skips) unless LG_ALLOW_NO_BROWSER=1 is set outside CI."""
    path = shutil.which(CHROMIUM) or (CHROMIUM if os.path.exists(CHROMIUM) else None)
    if path:
        return path
    message = f"Chromium not found at {CHROMIUM}: install Debian's chromium package (apt-get install -y chromium)"
    if os.environ.get("LG_ALLOW_NO_BROWSER") == "1" and not os.environ.get("CI"):
        pytest.skip(message + " (skipped: LG_ALLOW_NO_BROWSER=1)")
    pytest.fail(message, pytrace=False)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 (a free port); yields the base URL."""
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
