"""Search in a downloaded copy of the site: browsers do not let a page on file:// fetch search_index.json, so
the same index is also written as a script (search/search_index.js, `var __index = ...`), which Material's
search reads when the page comes from the file system. (Material's offline plugin does the same, but also
loads a worker shim from unpkg.com; overrides/main.html loads a vendored copy of that shim instead.)"""

from __future__ import annotations

from pathlib import Path


def write_script_index(site: Path) -> Path | None:
    """Write search/search_index.js next to search_index.json; returns its path, or None without an index."""
    index = site / "search" / "search_index.json"
    if not index.is_file():
        return None
    script = index.with_suffix(".js")
    script.write_text("var __index = " + index.read_text(encoding="utf-8"), encoding="utf-8")
    return script
