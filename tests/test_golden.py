"""Golden files: the fixture content and the exact Markdown it must generate.

After an intended change to templates or rendering, run `make test PYTEST_ARGS=--update-golden`
(or `.venv/bin/python -m pytest tests/test_golden.py --update-golden`) and review the diff like code.
"""

from __future__ import annotations

from pathlib import Path

from generator.loader import load_guide
from generator.render import render
from tests.conftest import ROOT, VALID

GOLDEN = ROOT / "tests" / "golden" / "valid"


def test_generated_markdown_matches_golden_files(update_golden: bool) -> None:
    pages = render(load_guide(VALID))
    if update_golden:
        GOLDEN.mkdir(parents=True, exist_ok=True)
        for stale in GOLDEN.glob("*.md"):
            stale.unlink()
        for name, text in pages.items():
            (GOLDEN / name).write_text(text, encoding="utf-8", newline="\n")
    expected = {p.name: p.read_text(encoding="utf-8") for p in sorted(GOLDEN.glob("*.md"))}
    assert sorted(pages) == sorted(expected), "pages differ from tests/golden/valid/ (run with --update-golden)"
    for name, text in pages.items():
        assert text == expected[name], f"{name} differs from tests/golden/valid/{name} (run with --update-golden and review)"


def test_rendering_is_deterministic() -> None:
    first = render(load_guide(VALID))
    second = render(load_guide(Path(str(VALID))))
    assert first == second
