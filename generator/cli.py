"""Command line: `python -m generator check [CONTENT_DIR]`, `build`, `new`, `pdf`, `links` and `clean`."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import traceback
from pathlib import Path

from generator.models import KINDS
from generator.problems import ContentError, Problem


def _report(problems: list[Problem], annotate: bool) -> None:
    for problem in problems:
        print(problem.format())
        if annotate:
            print(problem.annotation())
    files = len({p.path for p in problems})
    print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {files} file{'s' if files != 1 else ''}")


def _check(args: argparse.Namespace) -> int:
    from generator.build import draw_diagrams
    from generator.loader import load

    content = Path(args.content_dir)
    try:
        loaded = load(content, dt.date.fromisoformat(args.today) if args.today else None)
        drawn = draw_diagrams(content, loaded)  # a diagram Mermaid rejects is an error here too
    except ContentError as err:
        _report(err.problems, args.github)
        return 1
    for warning in loaded.warnings:
        print(warning.format())
        if args.github:
            print(warning.annotation())
    if drawn.skipped:
        print(drawn.summary())
    guide = loaded.guide
    drawings = f", {drawn.total} diagram{'s' if drawn.total != 1 else ''}" if drawn.total else ""
    print(f"content OK: {len(guide.questions)} questions in {len(guide.categories)} categories, {len(guide.facts)} facts, {len(guide.tags)} tags{drawings}")
    return 0


def _build(args: argparse.Namespace) -> int:
    from generator.build import build
    from generator.write import OutputError

    try:
        report = build(Path(args.content), Path(args.out))
    except ContentError as err:
        _report(err.problems, args.github)
        print("nothing was written")
        return 1
    except OutputError as err:
        print(f"error: {err}")
        return 1
    print(report.summary(Path(args.out)))
    return 0


def _pdf(args: argparse.Namespace) -> int:
    from generator import pdf

    site = Path(args.site)
    if not (site / "index.html").is_file():
        print(f"error: {site} holds no built site; run `make site` (or mkdocs build) first")
        return 1
    from generator.chromium import find

    chromium = find()
    if chromium is None:
        print("PDFs skipped: Chromium not found (install Debian's chromium package to get PDF downloads)")
        return 0
    try:
        jobs = pdf.make_pdfs(site, Path(args.cache) if args.cache else None, chromium)
    except (RuntimeError, ImportError) as err:
        print(f"error: {err}")
        return 1
    print(f"{site}/pdf: {len(jobs)} PDFs")
    return 0


def _anki(args: argparse.Namespace) -> int:
    from generator import anki, urls
    from generator.loader import load_guide

    site = Path(args.site)
    if not (site / "index.html").is_file():
        print(f"error: {site} holds no built site; run `make site` (or mkdocs build) first")
        return 1
    try:
        guide = load_guide(Path(args.content))
    except ContentError as err:
        _report(err.problems, False)
        return 1
    site_url = args.site_url or os.environ.get("SITE_URL") or urls.pages_url(guide.site.repo_url)
    target = anki.write(Path(args.content), guide, site, site_url)
    print(f"{target}: {len(guide.questions)} notes in {len(guide.categories)} decks ({target.stat().st_size // 1024} KB)")
    return 0


def _new(args: argparse.Namespace) -> int:
    from generator.scaffold import ScaffoldError, new_question

    try:
        path = new_question(Path(args.content), args.category, args.title, args.kind, args.id)
    except (ScaffoldError, FileExistsError) as err:
        print(f"error: {err}")
        return 1
    print(path)
    return 0


def _links(args: argparse.Namespace) -> int:
    from generator.linkcheck import broken, sources

    try:
        cited = sources(Path(args.content))
    except ContentError as err:
        _report(err.problems, False)
        return 1
    dead = broken(list(cited))
    for url, reason in dead.items():
        for where in cited[url]:
            print(f"{where}: broken source {url} ({reason})")
    print(f"{len(cited)} sources checked, {len(dead)} broken")
    return 1 if dead else 0


def _clean(args: argparse.Namespace) -> int:
    from generator.write import remove_generated

    removed = remove_generated(Path(args.out))
    print(f"{args.out}: {len(removed)} generated page{'s' if len(removed) != 1 else ''} removed")
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python -m generator", description="Check and build the AWS Lambda interview guide.")
    top.add_argument("--traceback", action="store_true", help="on an internal error, print the traceback (or set LG_TRACEBACK=1)")
    commands = top.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate every content file; exit 1 on any problem")
    check.add_argument("content_dir", nargs="?", default="content", metavar="CONTENT_DIR", help="default: content/")
    check.add_argument("--github", action="store_true", help="also print GitHub Actions ::error annotations")
    check.add_argument("--today", help=argparse.SUPPRESS)  # tests pin the date for review-age warnings
    check.set_defaults(run=_check)
    make = commands.add_parser("build", help="check, then write the generated Markdown")
    make.add_argument("--content", default="content", metavar="DIR", help="content folder (default: content/)")
    make.add_argument("--out", default="docs", metavar="DIR", help="output folder for Markdown (default: docs/)")
    make.add_argument("--github", action="store_true", help="also print GitHub Actions ::error annotations")
    make.set_defaults(run=_build)
    pdfs = commands.add_parser("pdf", help="print category pages and cheat sheets of a built site to PDF (needs Chromium)")
    pdfs.add_argument("--site", default="site", metavar="DIR", help="built site (default: site/)")
    pdfs.add_argument("--cache", default=".cache/pdf", metavar="DIR", help="reuse PDFs of unchanged pages (default: .cache/pdf/)")
    pdfs.set_defaults(run=_pdf)
    deck = commands.add_parser("anki", help="write the Anki deck (.apkg) into a built site and show its link")
    deck.add_argument("--site", default="site", metavar="DIR", help="built site (default: site/)")
    deck.add_argument("--content", default="content", metavar="DIR", help="content folder (default: content/)")
    deck.add_argument("--site-url", help="the published site, for the cards' links (default: $SITE_URL, else the repository's GitHub Pages)")
    deck.set_defaults(run=_anki)
    new = commands.add_parser("new", help="scaffold a question file to fill in; prints its path")
    new.add_argument("--category", required=True, help="category id (a folder under content/)")
    new.add_argument("--title", required=True, help="the question, as an interviewer asks it")
    new.add_argument("--kind", required=True, choices=KINDS)
    new.add_argument("--id", help="stable id and URL anchor (default: made from the title)")
    new.add_argument("--content", default="content", metavar="DIR", help="content folder (default: content/)")
    new.set_defaults(run=_new)
    links = commands.add_parser("links", help="check that every external source URL still answers (needs the internet)")
    links.add_argument("--content", default="content", metavar="DIR", help="content folder (default: content/)")
    links.set_defaults(run=_links)
    clean = commands.add_parser("clean", help="delete the generated pages from a folder (files carrying the generated marker)")
    clean.add_argument("--out", default="docs", metavar="DIR", help="folder of generated Markdown (default: docs/)")
    clean.set_defaults(run=_clean)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.run(args))
    except KeyboardInterrupt:
        return 130
    except Exception as err:  # never a traceback for a user; a bug still gets a clear line
        if args.traceback or os.environ.get("LG_TRACEBACK") == "1":
            traceback.print_exc()
        print(f"internal error: {type(err).__name__}: {err} (please report this with the file that caused it)", file=sys.stderr)
        return 2
