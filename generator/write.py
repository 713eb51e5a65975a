"""Write generated pages into the output folder: only changed files, never outside it, stale pages removed.

Rewriting only what changed matters for `mkdocs serve`: every write wakes its file watcher, and a hook
that always rewrote would rebuild forever. Only files carrying the generated marker are ever deleted.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from generator.urls import DATA_FILES, MARKER


class OutputError(Exception):
    """The output folder is unsafe to write to."""


@dataclass(frozen=True)
class Report:
    written: tuple[str, ...]
    unchanged: tuple[str, ...]
    removed: tuple[str, ...]
    notes: tuple[str, ...] = ()  # one line each, shown after the summary (for example how diagrams were drawn)

    def summary(self, out: Path) -> str:
        if not self.written and not self.removed:
            line = f"{out}: up to date ({len(self.unchanged)} pages)"
        else:
            line = f"{out}: {len(self.written)} written, {len(self.unchanged)} unchanged, {len(self.removed)} removed"
        return "\n".join((line, *self.notes))


def is_generated(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return MARKER.encode() in handle.read(4096)
    except OSError:
        return False


def check_target(out: Path, content: Path | None = None) -> Path:
    """Resolve the output folder, refusing one that holds the content or is the file system root."""
    root = out.resolve()
    if root == Path(root.anchor):
        raise OutputError(f"refusing to write into {root}: choose a dedicated output folder such as docs/")
    if content is not None:
        source = content.resolve()
        if source == root or root in source.parents:
            raise OutputError(f"refusing to write into {out}: it contains the content folder {content}")
    if root.exists() and not root.is_dir():
        raise OutputError(f"{out} exists and is not a folder")
    return root


def remove_generated(out: Path) -> list[str]:
    """Delete the generated pages in `out` (files carrying the marker) and the dataset files, nothing else;
    returns their names."""
    removed = []
    for path in sorted(out.rglob("*.md")) if out.is_dir() else ():
        if path.is_file() and is_generated(path):
            path.unlink()
            removed.append(str(path.relative_to(out)))
    for name in DATA_FILES:
        if (out / name).is_file() and not (out / name).is_symlink():
            (out / name).unlink()
            removed.append(name)
    return removed


def write_pages(pages: dict[str, str], out: Path, content: Path | None = None, data: dict[str, bytes] | None = None) -> Report:
    """Make `out` hold exactly `pages` among generated files, and the `data` files as given; leave every other
    file alone."""
    root = check_target(out, content)
    targets: dict[Path, bytes] = {}
    files = {**{name: text.encode("utf-8") for name, text in pages.items()}, **(data or {})}
    for name, blob in sorted(files.items()):
        target = root / name
        # `root` is resolved, so a plain file name in it needs resolving only when it is a symlink
        if "/" in name or os.sep in name or name in ("", ".", "..") or target.is_symlink():
            target = target.resolve()
        if root not in target.parents:
            raise OutputError(f"refusing to write {name!r}: it is outside {out}")
        targets[target] = blob
    root.mkdir(parents=True, exist_ok=True)
    written, unchanged = [], []
    for target, data in targets.items():
        name = str(target.relative_to(root))
        if target.is_file() and target.read_bytes() == data:
            unchanged.append(name)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=target.suffix)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
        written.append(name)
    removed = []
    for path in sorted(root.rglob("*.md")):
        if path not in targets and path.resolve() not in targets and path.is_file() and is_generated(path):
            path.unlink()
            removed.append(str(path.relative_to(root)))
    return Report(tuple(written), tuple(unchanged), tuple(removed))
