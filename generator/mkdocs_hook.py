"""Thin MkDocs hook: generate the pages from content/ at the start of every build (`make site`, `make serve`).

This is the only module that meets MkDocs, and it imports it lazily; the generator core stays MkDocs-free,
so another builder (for example Zensical, which ignores hooks) can run `python -m generator build` first.
The pages go to MkDocs in memory, as virtual files (as mkdocs-gen-files does): writing thousands of Markdown
files only for MkDocs to read them back cost more than rendering them, and `mkdocs serve` is not woken again by
its own output. When the stamp in docs/ shows pages there were generated from the current inputs (after
`make docs`), those are used and nothing is loaded or rendered again.
"""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

# MkDocs loads this file by path; make the package importable even when it is not pip-installed.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator import diagrams, stamp
from generator.problems import ContentError

log = logging.getLogger("mkdocs.hooks.generator")

# Seconds the generator took in this build, reported after it ("generator: 0.21 s of this build ..."): `make site`
# generates inside MkDocs, so this is the generator's cost there, the imports it adds to MkDocs' included
# (generator.diagrams, imported while MkDocs reads mkdocs.yml for its Mermaid fence, is not: about 10 ms).
_spent = SimpleNamespace(seconds=0.0, pages=0)


def _timed(event: Any) -> Any:
    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return event(*args, **kwargs)
        finally:
            _spent.seconds += time.perf_counter() - start

    timed.__doc__ = event.__doc__
    return timed


def _content(config: Any) -> Path:
    return Path(config.config_file_path).parent / "content"


def _fail(err: ContentError) -> Exception:
    from mkdocs.exceptions import PluginError

    lines = "\n".join(p.format() for p in err.problems)
    return PluginError(f"content has {len(err.problems)} problem(s), the site is left as it was:\n{lines}")


_pending: dict[int, Any] = {}  # per build: the guide on_config loaded, to render in on_pre_build
_pages: dict[int, dict[str, str]] = {}  # per build: the rendered pages, for on_files


@_timed
def on_config(config: Any, **_: Any) -> Any:
    """Navigation comes from content/ (category order), unless mkdocs.yml sets `nav:` itself; the repository
    link follows GITHUB_REPOSITORY when set, like the questions' edit links."""
    _spent.seconds, _spent.pages = 0.0, 0  # a new build (`mkdocs serve` reads the config again for each)
    from generator.render import navigation, repo_url

    diagrams.store = diagrams.cache_for(Path(config.config_file_path).parent)  # where the build draws them
    if config.repo_url:
        config.repo_url = repo_url(config.repo_url)
        config.repo_name = config.repo_url.rsplit("/", 1)[-1]
    _pending.clear()
    _pages.clear()
    nav = stamp.fresh_nav(Path(config.docs_dir), stamp.fingerprint(_content(config)), diagrams.store)
    if nav is None:
        from generator.loader import load_guide

        try:
            guide = load_guide(_content(config))
        except ContentError as err:
            raise _fail(err) from None
        _pending[id(config)] = guide
        nav = navigation(guide)
    if not config.nav:
        config.nav = nav
    return config


@_timed
def on_pre_build(config: Any, **_: Any) -> None:
    """Render every page and draw its diagrams, before MkDocs empties site/: a failure leaves the last site."""
    if id(config) not in _pending:
        return  # on_config found docs/ stamped with the current inputs: these very pages are there
    from generator.build import generate

    try:
        _pages[id(config)], _ = generate(_content(config), _pending.pop(id(config)))
    except ContentError as err:
        raise _fail(err) from None


@_timed
def on_files(files: Any, config: Any, **_: Any) -> Any:
    """The rendered pages join the files MkDocs found, in the order MkDocs sorts them; pages an earlier
    `make docs` left in docs/ (stale, or on_config would have used them) give way to them."""
    pages = _pages.pop(id(config), None)
    if pages is None:
        return files
    from mkdocs.structure.files import File, Files, file_sort_key

    from generator.output import is_generated

    docs = Path(config.docs_dir)
    own, others = [], []
    for file in files:
        if file.src_dir is None or Path(file.src_dir) != docs:
            others.append(file)  # the theme's files
        elif not (file.src_uri in pages or (file.is_documentation_page() and is_generated(Path(file.abs_src_path)))):
            own.append(file)  # a hand-written file in docs/
    own += [File.generated(config, name, content=text) for name, text in pages.items()]
    _spent.pages = len(pages)
    return Files(sorted(own, key=file_sort_key) + others)


def on_post_build(config: Any, **_: Any) -> None:
    """After the search plugin has written its index: the copy a downloaded site searches from file://."""
    start = time.perf_counter()
    from generator.offline import write_script_index

    write_script_index(Path(config.site_dir))
    spent = _spent.seconds + time.perf_counter() - start
    made = f"{_spent.pages} pages generated" if _spent.pages else f"the pages in {config.docs_dir} (stamped by `make docs`) used"
    log.info("generator: %.2f s of this build, %s", spent, made)


on_post_build.mkdocs_priority = -100  # type: ignore[attr-defined]  # run after the search plugin, as event_priority(-100) does
