"""Thin MkDocs hook: regenerate the Markdown from content/ before every build (used by `mkdocs serve`).

This is the only module that meets MkDocs, and it imports it lazily; the generator core stays MkDocs-free,
so another builder (for example Zensical, which ignores hooks) can run `python -m generator build` first.
Only changed files are written, so the file watcher is not woken in a loop. When the stamp in docs/ shows the
pages were generated from the current inputs (as after `make docs`), nothing is loaded or rendered again.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

# MkDocs loads this file by path; make the package importable even when it is not pip-installed.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator import diagrams, stamp
from generator.problems import ContentError

log = logging.getLogger("mkdocs.hooks.generator")


def _content(config: Any) -> Path:
    return Path(config.config_file_path).parent / "content"


def _fail(err: ContentError) -> Exception:
    from mkdocs.exceptions import PluginError

    lines = "\n".join(p.format() for p in err.problems)
    return PluginError(f"content has {len(err.problems)} problem(s):\n{lines}")


_pending: dict[int, tuple[str, Any]] = {}  # per build: the fingerprint and the guide on_config loaded, to generate


def on_config(config: Any, **_: Any) -> Any:
    """Navigation comes from content/ (category order), unless mkdocs.yml sets `nav:` itself; the repository
    link follows GITHUB_REPOSITORY when set, like the questions' edit links."""
    from generator.render import navigation, repo_url

    diagrams.store = diagrams.cache_for(Path(config.config_file_path).parent)  # where the build draws them
    if config.repo_url:
        config.repo_url = repo_url(config.repo_url)
        config.repo_name = config.repo_url.rsplit("/", 1)[-1]
    _pending.clear()
    inputs = stamp.fingerprint(_content(config))
    nav = stamp.fresh_nav(Path(config.docs_dir), inputs, diagrams.store)
    if nav is None:
        from generator.loader import load_guide

        try:
            guide = load_guide(_content(config))
        except ContentError as err:
            raise _fail(err) from None
        _pending[id(config)] = (inputs, guide)
        nav = navigation(guide)
    if not config.nav:
        config.nav = nav
    return config


def on_pre_build(config: Any, **_: Any) -> None:
    if id(config) not in _pending:
        return  # on_config found docs/ stamped with the current inputs: these very pages are there
    from mkdocs.exceptions import PluginError

    from generator.build import build
    from generator.output import OutputError

    inputs, guide = _pending.pop(id(config))
    try:
        report = build(_content(config), Path(config.docs_dir), guide, inputs)
    except ContentError as err:
        raise _fail(err) from None
    except OutputError as err:
        raise PluginError(str(err)) from None
    if report.written or report.removed:
        log.info("generator: %s", report.summary(Path(config.docs_dir)))


def on_post_build(config: Any, **_: Any) -> None:
    """After the search plugin has written its index: the copy a downloaded site searches from file://."""
    from generator.offline import write_script_index

    write_script_index(Path(config.site_dir))


on_post_build.mkdocs_priority = -100  # type: ignore[attr-defined]  # run after the search plugin, as event_priority(-100) does
