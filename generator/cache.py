"""Where builds keep what they can reuse: <project>/.cache (never committed), or LG_CACHE_DIR when set (the
tests share one). Everything in it is named by what it was made from, so sharing and deleting it are safe."""

from __future__ import annotations

import os
from pathlib import Path


def root(project: Path) -> Path:
    shared = os.environ.get("LG_CACHE_DIR")
    return Path(shared) if shared else project.absolute() / ".cache"
