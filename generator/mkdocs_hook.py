"""Thin MkDocs hook: regenerate the Markdown from content/ before every build (used by `mkdocs serve`).

This is the only module that meets MkDocs, and it imports it lazily; the generator core stays MkDocs-free,
so another builder (for example Zensical, which ignores hooks) can run `python -m generator build` first.
Only changed files are written, so the file watcher is not woken in a loop. When the stamp in docs/ shows the
pages were generated from the current inputs (as after `make docs`), nothing is loaded or rendered again.
"""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path
from typing import Any

# MkDocs loads this file by path; make the package importable even when it is not pip-installed.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator import diagrams, stamp
from generator.problems import ContentError

log = logging.getLogger("mkdocs.hooks.generator")

# Seconds the generator took in this build, reported after it ("generator: 0.21 s of this build ..."): `make site`
# generates inside MkDocs, so this is the generator's cost there, the imports it adds to MkDocs' included
# (generator.diagrams, imported while MkDocs reads mkdocs.yml for its Mermaid fence, is not: about 10 ms).
_spent = [0.0]


def _timed(event: Any) -> Any:
    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return event(*args, **kwargs)
        finally:
            _spent[0] += time.perf_counter() - start

    timed.__doc__ = event.__doc__
    return timed


def _content(config: Any) -> Path:
    return Path(config.config_file_path).parent / "content"


def _fail(err: ContentError) -> Exception:
    from mkdocs.exceptions import PluginError

    lines = "\n".join(p.format() for p in err.problems)
    return PluginError(f"content has {len(err.problems)} problem(s); nothing was written to docs/:\n{lines}")


_pending: dict[int, tuple[str, Any]] = {}  # per build: the fingerprint and the guide on_config loaded, to generate


@_timed
def on_config(config: Any, **_: Any) -> Any:
    """Navigation comes from content/ (category order), unless mkdocs.yml sets `nav:` itself; the repository
    link follows GITHUB_REPOSITORY when set, like the questions' edit links."""
    _spent[0] = 0.0  # a new build (`mkdocs serve` reads the config again for each)
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


@_timed
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
    start = time.perf_counter()
    from generator.offline import write_script_index

    write_script_index(Path(config.site_dir))
    spent = _spent[0] + time.perf_counter() - start
    log.info("generator: %.2f s of this build (loading, checking, rendering and writing docs/)", spent)


on_post_build.mkdocs_priority = -100  # type: ignore[attr-defined]  # run after the search plugin, as event_priority(-100) does
