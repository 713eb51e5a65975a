"""`python -m generator pdf`: print pages of the built site to PDF with headless Chromium.

Every page that links `pdf/<name>.pdf` (a hidden `a.lg-pdf` link) gets `<name>.html` printed to that file,
after its answers are opened (and, for a site built without Chromium, after the reader-side Mermaid has drawn
its diagrams; normally they are inline SVG already). Links to PDFs that were made
are then unhidden. Without Chromium the step does nothing and the links stay hidden: the site still works.
Results are cached by the page's bytes and the site's stylesheets, so an unchanged page is not printed again.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from generator import urls
from generator.chromium import find, launch

_CACHE_VERSION = b"lg-pdf-2"
# The hidden PDF button or link the templates write (macro `toolbar`, the home page); group 1 is its href.
_PDF_ANCHOR_RE = re.compile(rf'<a class="[^"]*\blg-pdf\b[^"]*" href="({urls.PDF_DIR}/[a-z0-9-]+\.pdf)"[^>]*>')


@dataclass(frozen=True)
class Job:
    page: str  # e.g. "fundamentals.html"
    pdf: str  # e.g. "pdf/fundamentals.pdf"
    compact: bool  # cheat sheets: no page header and footer


def jobs_for(site: Path) -> list[Job]:
    """The PDFs the site's pages ask for, whose source page exists."""
    names: set[str] = set()
    for html in sorted(site.glob("*.html")):
        names |= set(urls.PDF_LINK_RE.findall(html.read_text(encoding="utf-8")))
    jobs = [Job(urls.html(f"{n}.md"), urls.pdf(f"{n}.md"), urls.is_cheatsheet(n)) for n in sorted(names)]
    return [job for job in jobs if (site / job.page).is_file()]


def _cache_key(site: Path, job: Job) -> str:
    digest = hashlib.sha256(_CACHE_VERSION)
    digest.update(job.page.encode())
    digest.update((site / job.page).read_bytes())
    for asset in sorted((site / "assets" / "stylesheets").rglob("*.css")):
        digest.update(asset.read_bytes())
    return digest.hexdigest()


def _footer(title: str) -> str:
    return (
        '<div style="width:100%;font-size:7px;color:#666;padding:0 13mm;display:flex;justify-content:space-between;">'
        f"<span>{title}</span><span><span class=\"pageNumber\"></span> / <span class=\"totalPages\"></span></span></div>"
    )


def make_pdfs(site: Path, cache: Path | None = None, chromium: str | None = None) -> list[Job]:
    """Print every requested page to PDF; returns the jobs done. Raises RuntimeError on a page that fails."""
    from generator.serve import serve

    jobs = jobs_for(site)
    todo = []
    for job in jobs:
        cached = cache / f"{_cache_key(site, job)}.pdf" if cache else None
        if cached and cached.is_file():
            (site / job.pdf).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(cached, site / job.pdf)
        else:
            todo.append((job, cached))
    if todo:
        executable = chromium or find()
        if executable is None:
            raise RuntimeError("Chromium not found: install Debian's chromium package")
        with serve(site) as base, launch(executable) as browser:
            for job, cached in todo:
                _print(browser, base, site, job)
                if cached:
                    cached.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(site / job.pdf, cached)
    unhide_links(site, {job.pdf for job in jobs})
    return jobs


def _print(browser: object, base: str, site: Path, job: Job) -> None:
    html = (site / job.page).read_text(encoding="utf-8")
    diagrams = html.count('class="mermaid"')
    page = browser.new_page(color_scheme="light")  # type: ignore[attr-defined]
    try:
        page.goto(base + job.page, wait_until="load")
        page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
        # links in the PDF point to the published site (the canonical URL), not to this temporary server
        page.evaluate(
            """() => {
              const canonical = document.querySelector('link[rel=canonical]');
              if (!canonical) return;
              document.querySelectorAll('a[href]').forEach(a => {
                const href = a.getAttribute('href');
                if (!/^[a-z]+:/i.test(href)) a.setAttribute('href', new URL(href, canonical.href).href);
              });
            }"""
        )
        if diagrams:
            page.wait_for_function(f"document.querySelectorAll('div.mermaid').length >= {diagrams}", timeout=60_000)
        page.wait_for_load_state("networkidle")
        title = page.title().replace("<", "&lt;")
        (site / job.pdf).parent.mkdir(parents=True, exist_ok=True)
        page.pdf(
            path=str(site / job.pdf),
            format="A4",
            print_background=True,
            prefer_css_page_size=True,
            display_header_footer=not job.compact,
            header_template="<span></span>",
            footer_template=_footer(title),
        )
        _fix_dates(site / job.pdf)
    except Exception as err:  # playwright raises its own error types; report the page that failed
        raise RuntimeError(f"printing {job.page} to {job.pdf} failed: {err}") from None
    finally:
        page.close()


def _fix_dates(pdf: Path) -> None:
    """With SOURCE_DATE_EPOCH set, stamp that date into the PDF so the same commit gives the same bytes.

    Chromium writes both dates as D:YYYYMMDDHHMMSS+00'00'; the replacement has the same length, so the
    cross-reference offsets stay valid."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch or not epoch.isdigit():
        return
    import datetime as dt

    stamp = dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).strftime("D:%Y%m%d%H%M%S+00'00'").encode()
    data = pdf.read_bytes()
    fixed = re.sub(rb"/(CreationDate|ModDate) \(D:\d{14}\+00'00'\)", lambda m: b"/" + m.group(1) + b" (" + stamp + b")", data)
    if fixed != data:
        pdf.write_bytes(fixed)


def unhide_links(site: Path, made: set[str]) -> None:
    """Show the links to PDFs that exist; the others stay hidden."""
    for html in sorted(site.glob("*.html")):
        text = html.read_text(encoding="utf-8")

        def show(match: re.Match[str]) -> str:
            return match.group(0).replace(" hidden>", ">") if match.group(1) in made else match.group(0)

        new = _PDF_ANCHOR_RE.sub(show, text)
        if new != text:
            html.write_text(new, encoding="utf-8")
