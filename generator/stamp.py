"""The build stamp: `<out>/.generated.json` says which inputs the generated pages were made from.

`make site` runs `python -m generator build` and then `mkdocs build`, whose hook would otherwise load and
render the whole guide a second time for nothing. The stamp records a fingerprint of everything the pages
depend on (the content files' bytes, the generator's code, templates and schemas, the library versions and
GITHUB_REPOSITORY), the site navigation, and a hash of the pages written. While all of that still matches,
the pages are up to date and the navigation can be taken from the stamp. Like the pages, the stamp is the
same bytes for the same inputs.

MkDocs leaves files whose names start with a dot out of the site, so the stamp is never published.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

NAME = ".generated.json"
_CODE = Path(__file__).resolve().parent


def _files(folder: Path, depth: int) -> list[Path]:
    """Files in `folder` and, `depth` levels down, in its subfolders (symlinks followed, like the loader)."""
    found = []
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        if entry.is_dir():
            if depth:
                found += _files(Path(entry.path), depth - 1)
        elif entry.is_file():
            found.append(Path(entry.path))
    return found


def fingerprint(content: Path) -> str:
    """A hash of every input of the generated pages. Take it before loading the content: an edit made while
    a build runs then leaves the stamp stale instead of marking old pages as new."""
    import jinja2
    import yaml

    digest = hashlib.blake2b(digest_size=20)
    versions = (sys.version, jinja2.__version__, yaml.__version__, os.environ.get("GITHUB_REPOSITORY", ""))
    digest.update(repr(versions).encode())
    from generator.diagrams import engine

    digest.update(engine())  # the pinned Mermaid, its theme and settings: drawn diagrams depend on them
    for root in (content, _CODE):
        if not root.is_dir():
            continue
        for path in _files(root, 1):
            if root is _CODE and path.suffix not in (".py", ".j2", ".json"):
                continue
            data = path.read_bytes()
            digest.update(f"\0{path.relative_to(root).as_posix()}\0{len(data)}\0".encode())
            digest.update(data)
    return digest.hexdigest()


def _digest(pages: Iterable[tuple[str, bytes]]) -> str:
    digest = hashlib.blake2b(digest_size=20)
    for name, data in pages:
        digest.update(f"\0{name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def write(out: Path, inputs: str, nav: list[dict[str, str]], pages: dict[str, str], drawings: Iterable[str] = ()) -> None:
    """Record that `pages` (path -> text) in `out` were generated from `inputs`, with the drawn diagrams
    `drawings` (their cache names); rewritten only on change."""
    names = sorted(pages)
    digest = _digest((name, pages[name].encode("utf-8")) for name in names)
    text = json.dumps({"fingerprint": inputs, "nav": nav, "pages": names, "digest": digest, "diagrams": sorted(drawings)}) + "\n"
    path = out / NAME
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def fresh_nav(out: Path, inputs: str, drawn: Path | None = None) -> list[dict[str, str]] | None:
    """The navigation recorded in `out`'s stamp if the pages there were generated from `inputs`, none was
    changed or removed since, and every diagram they use is still drawn in `drawn` (the diagram cache: the
    Mermaid build or theme may have changed, or the cache been cleared); None when they must be generated again."""
    try:
        stamp: dict[str, Any] = json.loads((out / NAME).read_text(encoding="utf-8"))
        if stamp["fingerprint"] != inputs or _digest((name, (out / name).read_bytes()) for name in stamp["pages"]) != stamp["digest"]:
            return None
        if drawn is not None and not all((drawn / f"{key}.svg").is_file() for key in stamp.get("diagrams", [])):
            return None
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return stamp["nav"]
