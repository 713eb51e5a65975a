"""Thin MkDocs hook: generate the pages from content/ in every build (`make site`, `make serve`).

This is the only module that meets MkDocs, and it imports it lazily; the generator core stays MkDocs-free,
so another builder (for example Zensical, which ignores hooks) can run `python -m generator build` first.
The pages go to MkDocs in memory, as virtual files (as mkdocs-gen-files does), so `mkdocs serve` is not woken
again by its own output.

- on_config: load and check the content; set the navigation (unless mkdocs.yml has `nav:`) and the repository.
- on_pre_build: draw the diagrams and render the pages, before MkDocs empties site/: a failure leaves the last site.
- on_files: the pages and the dataset files join the files MkDocs found, pages outside the sidebar marked so.
- on_post_build: the search index as a script, for a downloaded copy; one log line with the generator's time.
"""

from __future__ import annotations

import logging
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# MkDocs loads this file by path; make the package importable even when it is not pip-installed.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator import mermaid, urls
from generator.problems import ContentError

log = logging.getLogger("mkdocs.hooks.generator")


@dataclass
class _Build:
    """What one build carries from event to event (`mkdocs serve` starts a new one with each on_config)."""

    loaded: Any = None
    plan: Any = None
    generated: Any = None
    seconds: float = 0.0  # the generator's share of this build (imports done inside the hook included)
    timers: list[float] = field(default_factory=list)

    def start(self) -> None:
        self.timers.append(time.perf_counter())

    def stop(self) -> None:
        self.seconds += time.perf_counter() - self.timers.pop()


_build = _Build()


def _content(config: Any) -> Path:
    return Path(config.config_file_path).parent / "content"


def _fail(err: ContentError) -> Exception:
    from mkdocs.exceptions import PluginError

    lines = "\n".join(p.format() for p in err.problems)
    return PluginError(f"content has {len(err.problems)} problem(s), the site is left as it was:\n{lines}")


def on_config(config: Any, **_: Any) -> Any:
    global _build
    _build = _Build()
    _build.start()
    from generator.loader import load
    from generator.pages import Plan, navigation

    mermaid.store = mermaid.cache_for(Path(config.config_file_path).parent)  # the one place it is set
    if config.repo_url:  # a fork's repository link points at the fork, like the questions' edit links
        config.repo_url = urls.repo(config.repo_url)
        config.repo_name = config.repo_url.rsplit("/", 1)[-1]
    try:
        _build.loaded = load(_content(config))
    except ContentError as err:
        raise _fail(err) from None
    _build.plan = Plan.of(_build.loaded.guide)
    if not config.nav:
        config.nav = navigation(_build.plan.pages)
    _build.stop()
    return config


def on_pre_build(config: Any, **_: Any) -> None:
    from generator.build import generate

    _build.start()
    try:
        _build.generated = generate(_content(config), _build.loaded, _build.plan)
    except ContentError as err:
        raise _fail(err) from None
    finally:
        _build.stop()


def on_files(files: Any, config: Any, **_: Any) -> Any:
    """The pages join the files MkDocs found, in the order MkDocs sorts them; generated pages an earlier
    `make docs` left in docs/ give way to them."""
    from mkdocs.structure.files import File, Files, InclusionLevel, file_sort_key

    from generator.write import is_generated

    _build.start()
    generated, docs = _build.generated, Path(config.docs_dir)
    own, others = [], []
    for file in files:
        if file.src_dir is None or Path(file.src_dir) != docs:
            others.append(file)  # the theme's files
        elif not (file.src_uri in generated.texts or file.src_uri in generated.data or (file.is_documentation_page() and is_generated(Path(file.abs_src_path)))):
            own.append(file)  # a hand-written file in docs/
    for page in generated.pages:
        inclusion = InclusionLevel.UNDEFINED if page.nav_title else InclusionLevel.NOT_IN_NAV
        own.append(File.generated(config, page.path, content=generated.texts[page.path], inclusion=inclusion))
    own.extend(File.generated(config, name, content=blob) for name, blob in generated.data.items())
    _build.stop()
    return Files(sorted(own, key=file_sort_key) + others)


def on_post_build(config: Any, **_: Any) -> None:
    """After the search plugin has written its index: browsers do not let a page on file:// fetch
    search_index.json, so the same index is also written as a script (`var __index = ...`), which Material's
    search reads when the page comes from the file system. overrides/main.html loads the worker shim it needs."""
    _build.start()
    index = Path(config.site_dir) / "search" / "search_index.json"
    if index.is_file():
        index.with_suffix(".js").write_text("var __index = " + index.read_text(encoding="utf-8"), encoding="utf-8")
    _build.stop()
    log.info("generator: %.2f s of this build, %d pages generated", _build.seconds, len(_build.generated.pages))


on_post_build.mkdocs_priority = -100  # type: ignore[attr-defined]  # run after the search plugin, as event_priority(-100) does
