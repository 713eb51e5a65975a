"""`python -m generator links`: check that every external source (answers' `sources`, facts' `source`) still
answers. Run weekly by .github/workflows/links.yml; sources rot, and a dead AWS page is a fact to re-check."""

from __future__ import annotations

import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from generator.loader import load_guide

USER_AGENT = "lambda-interview-guide-link-check (+https://github.com/lambda-interview-guide/aws-lambda-interview-guide)"


def sources(content: Path) -> dict[str, list[str]]:
    """Each external URL and the content files that cite it."""
    guide = load_guide(content)
    cited: dict[str, list[str]] = {}
    for q in guide.questions:
        for s in q.sources:
            cited.setdefault(s.url, []).append(q.path)
    for fact in guide.facts:
        cited.setdefault(fact.source, []).append(f"content/facts.yml ({fact.key})")
    return dict(sorted(cited.items()))


def status(url: str, timeout: float = 20.0) -> str | None:
    """None when the URL answers (2xx or 3xx), else a short reason."""
    for method in ("HEAD", "GET"):  # some servers refuse HEAD
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout):
                return None
        except urllib.error.HTTPError as err:
            if method == "HEAD" and err.code in (403, 405, 501):
                continue
            return f"HTTP {err.code}"
        except (urllib.error.URLError, TimeoutError, OSError) as err:
            return f"unreachable ({getattr(err, 'reason', err)})"
    return "refused"


def broken(urls: list[str], workers: int = 8) -> dict[str, str]:
    """The URLs that do not answer, with the reason."""
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = dict(zip(urls, pool.map(status, urls), strict=True))
    return {url: reason for url, reason in results.items() if reason}
