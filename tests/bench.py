"""`make bench`: build synthetic guides of 100, 1,000 and 5,000 questions and report, per size, the generator
time, the MkDocs build time, their total, peak memory and the search index size, next to a plain `mkdocs build`
of the same generated Markdown with a minimal Material config. Prints a table; writes bench-results.json.

Each build is what `make site` runs: one `mkdocs build` whose hook generates the pages and hands them to MkDocs
in memory. The generator time is what the hook reports for that build ("generator: 0.15 s of this build"); MkDocs
time is the rest. The plain build reads the same pages, written to docs-plain/ by `python -m generator build`.

Usage: python -m tests.bench [SIZE ...] [--repeat=N] [--lighthouse]   (default sizes: 100 1000 5000)
Each build runs several times (5 at 100 questions, 3 at 1,000, else 2; --repeat=N sets it) and the fastest run
counts: this 2-core machine's speed drifts by 10-30% within minutes, and the fastest run is the least disturbed.
The runs go round-robin over the sizes, so that the 5,000 / 1,000 ratio compares builds made minutes apart at most.
--lighthouse also runs Lighthouse 12.2.3 (npm, Node 20; CHROME_PATH=/usr/bin/chromium) with its default mobile
settings on the home page and a category page of the built site/ (run `make site` first), 3 times each, and
reports the median run.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORDS = ["lambda", "function", "event", "queue", "retry", "timeout", "memory", "concurrency", "scaling", "cold", "start", "handler", "invocation", "stream", "batch"]
TIMER = (
    "import resource, subprocess, sys, time, json\n"
    "start = time.perf_counter(); code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
    "print(json.dumps({'seconds': time.perf_counter() - start, 'peak_mib': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 'code': code}))\n"
)


def synthetic(content: Path, size: int) -> None:
    """A content folder with `size` valid questions in 10 categories (seeded: the same every run)."""
    rng = random.Random(size)
    for name in ("site.yml", "tags.yml", "facts.yml"):
        shutil.copyfile(ROOT / "content" / name, content / name)
    tags = [t["id"] for t in yaml.safe_load((ROOT / "content" / "tags.yml").read_text())["tags"]]
    ids = [f"question-{n:05d}" for n in range(size)]
    for c in range(10):
        folder = content / f"category-{c:02d}"
        folder.mkdir(parents=True)
        (folder / "_category.yml").write_text(f"id: category-{c:02d}\ntitle: Category {c}\ndescription: Synthetic category {c} for the benchmark.\norder: {c}\n")
    for n, qid in enumerate(ids):
        words = " ".join(rng.choice(WORDS) for _ in range(260))
        question = {
            "id": qid, "title": f"Synthetic question {n} about {rng.choice(WORDS)}?", "category": f"category-{n % 10:02d}",
            "kind": "concept", "difficulty": rng.choice(["junior", "mid", "senior"]), "tags": rng.sample(tags, 3),
            "short": "A short answer of about twenty words, " + " ".join(rng.choice(WORDS) for _ in range(14)) + ".",
            "answer": f"**Lead.** {words} {{fact:timeout-max}}.\n",
            "key_points": [f"Point {k} " + rng.choice(WORDS) for k in range(4)],
            "follow_ups": [{"question": "Next question?", "answer": "A hint."}],
            "pitfalls": ["A pitfall."], "related": [ids[(n + 1) % size], ids[(n + 2) % size]],
            "sources": [{"title": "Lambda quotas", "url": "https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html"}],
            "reviewed": "2026-11-27",
        }
        (content / f"category-{n % 10:02d}" / f"{qid}.yml").write_text(yaml.safe_dump(question, sort_keys=False))


# As on a contributor's machine, Python keeps compiled modules (this sandbox sets PYTHONDONTWRITEBYTECODE, which
# would recompile the generator's modules on every run; MkDocs and Material were compiled when pip installed them).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"NO_MKDOCS_2_WARNING": "1"}


def timed(*command: str, cwd: Path) -> dict[str, float]:
    """Wall time and peak memory of `command`; with "generator" the seconds its MkDocs hook reported, if any."""
    result = subprocess.run([sys.executable, "-c", TIMER, *command], cwd=cwd, capture_output=True, text=True, check=True, env=ENV)
    measured = json.loads(result.stdout)
    if measured["code"]:
        raise SystemExit(f"{' '.join(command)} failed in {cwd}:\n{result.stderr}")
    reported = re.search(r"generator: (\d+\.\d+) s of this build", result.stderr)
    return measured | ({"generator": float(reported.group(1))} if reported else {})


def plain_config(project: Path) -> Path:
    """A minimal Material config over the same generated Markdown and the same navigation."""
    ours = project / "mkdocs.yml"
    from generator import urls
    from generator.index import Index
    from generator.loader import load_guide
    from generator.pages import all_pages, navigation

    nav = navigation(all_pages(Index.of(load_guide(project / "content"))))
    config = {
        "site_name": "Plain", "docs_dir": "docs-plain", "site_dir": "site-plain", "use_directory_urls": False,
        "theme": {"name": "material"}, "plugins": ["search"], "nav": nav,
        "not_in_nav": "".join(f"{pattern}\n" for pattern in urls.NOT_IN_NAV),
        "markdown_extensions": ["admonition", "attr_list", "md_in_html", "tables", "pymdownx.details", "pymdownx.superfences", "toc"],
    }
    path = project / "mkdocs-plain.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False))
    assert ours.exists()
    return path


REPEATS = {100: 5, 1000: 3}  # other sizes: 2; the fastest run counts (as `timeit` reports)


def prepare(project: Path, size: int) -> Path:
    """A project of `size` synthetic questions; returns the plain config, whose pages are already written."""
    (project / "content").mkdir()
    synthetic(project / "content", size)
    for name in ("generator", "overrides"):
        (project / name).symlink_to(ROOT / name)
    shutil.copyfile(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    plain = plain_config(project)
    subprocess.run([sys.executable, "-m", "generator", "build", "--content", "content", "--out", "docs-plain"], cwd=project, check=True, env=ENV, stdout=subprocess.DEVNULL)
    (project / "docs").mkdir()  # stays empty: ours generates every page in every build
    return plain


def summary(size: int, runs: dict[str, list[dict[str, float]]], project: Path) -> dict[str, float]:
    if any("generator" not in r for r in runs["ours"]):
        raise SystemExit("the MkDocs hook did not report its time: is generator/mkdocs_hook.py in mkdocs.yml's hooks?")
    ours = min(runs["ours"], key=lambda r: r["seconds"])  # the fastest build, and its own split
    total, generator, plain_s = ours["seconds"], ours["generator"], min(r["seconds"] for r in runs["plain"])
    index = (project / "site" / "search" / "search_index.json").stat().st_size
    return {
        "questions": size, "runs": len(runs["ours"]), "generator_s": round(generator, 2), "mkdocs_s": round(total - generator, 2),
        "total_s": round(total, 2), "plain_mkdocs_s": round(plain_s, 2), "generator_share": round(generator / total, 3),
        "total_vs_plain": round(total / plain_s, 2), "peak_mib": round(max(r["peak_mib"] for r in runs["ours"]), 1),
        "search_index_kib": round(index / 1024, 1),
    }


def bench(sizes: list[int], repeats: int | None = None) -> list[dict[str, float]]:
    """Round-robin: each round builds every size (ours, then plain) that still needs a run, so the sizes and the
    two builds are measured side by side in time and the machine's drift falls on all of them alike."""
    with tempfile.TemporaryDirectory() as tmp:
        projects = {size: Path(tmp) / str(size) for size in sizes}
        plains = {}
        for size, project in projects.items():
            project.mkdir()
            plains[size] = prepare(project, size)
        runs: dict[int, dict[str, list[dict[str, float]]]] = {size: {"ours": [], "plain": []} for size in sizes}
        wanted = {size: repeats or REPEATS.get(size, 2) for size in sizes}
        for round_ in range(max(wanted.values())):
            for size in sizes:
                if round_ < wanted[size]:
                    project = projects[size]
                    runs[size]["ours"].append(timed(sys.executable, "-m", "mkdocs", "build", "--site-dir", "site", cwd=project))
                    runs[size]["plain"].append(timed(sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(plains[size]), cwd=project))
        return [summary(size, runs[size], projects[size]) for size in sizes]


LIGHTHOUSE_FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"
LIGHTHOUSE_RUNS = 3  # Lighthouse's variability guide: the median of several runs is far steadier than one


def lighthouse(site: Path) -> list[dict[str, object]]:
    """Lighthouse scores and page weight for the home page and a category page, served from 127.0.0.1: of
    LIGHTHOUSE_RUNS runs per page, the one with the median performance score."""
    from generator.serve import serve

    rows = []
    with serve(site) as url, tempfile.TemporaryDirectory() as tmp:
        for page in ("index.html", "fundamentals.html"):
            runs = []
            for n in range(LIGHTHOUSE_RUNS):
                report = Path(tmp) / f"{page}-{n}.json"
                subprocess.run(
                    ["npx", "--yes", "lighthouse@12.2.3", url + page, "--quiet", "--output=json", f"--output-path={report}", f"--chrome-flags={LIGHTHOUSE_FLAGS}"],
                    env={**os.environ, "CHROME_PATH": os.environ.get("LG_CHROMIUM", "/usr/bin/chromium")}, check=True, timeout=600,
                )
                data = json.loads(report.read_text())
                scores = {name: round(category["score"] * 100) for name, category in data["categories"].items()}
                runs.append({"page": page, **scores, "weight_kib": round(data["audits"]["total-byte-weight"]["numericValue"] / 1024)})
            runs.sort(key=lambda r: r["performance"])
            rows.append(runs[len(runs) // 2] | {"performance_runs": [r["performance"] for r in runs]})
    return rows


def main(argv: list[str]) -> int:
    with_lighthouse = "--lighthouse" in argv
    repeats = next((int(a.split("=", 1)[1]) for a in argv if a.startswith("--repeat=")), None)
    sizes = [int(a) for a in argv if not a.startswith("--")] or [100, 1000, 5000]
    rows = bench(sizes, repeats)
    print(f"{'questions':>9} {'generator s':>11} {'mkdocs s':>9} {'total s':>8} {'plain s':>8} {'gen share':>9} {'vs plain':>8} {'peak MiB':>8} {'index KiB':>9} {'runs':>4}")
    for r in rows:
        print(f"{r['questions']:>9} {r['generator_s']:>11} {r['mkdocs_s']:>9} {r['total_s']:>8} {r['plain_mkdocs_s']:>8} {r['generator_share']:>9} {r['total_vs_plain']:>8} {r['peak_mib']:>8} {r['search_index_kib']:>9} {r['runs']:>4}")
    by_size = {r["questions"]: r for r in rows}
    if 1000 in by_size and 5000 in by_size:
        print(f"5,000 / 1,000 total time: {by_size[5000]['total_s'] / by_size[1000]['total_s']:.2f}x (target <= 5.5x)")
    results: dict[str, object] = {"builds": rows}
    if with_lighthouse:
        scores = lighthouse(ROOT / "site")
        for r in scores:
            print(f"lighthouse {r['page']}: performance {r['performance']} (runs: {r['performance_runs']}), accessibility {r['accessibility']}, "
                  f"best practices {r['best-practices']}, SEO {r['seo']}, weight {r['weight_kib']} KiB")
        results["lighthouse"] = scores
    (ROOT / "bench-results.json").write_text(json.dumps(results, indent=2) + "\n")
    print("written: bench-results.json")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
