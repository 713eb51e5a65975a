"""Problems are reported where their cause is written: a broken diagram in the file and at the line that holds
it (not in the first file whose text looks alike), and a typo in any Markdown field as a located error, never as
a crash."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli

# Three questions whose diagrams all start alike; the loader reads basics/ before design/, files in name order.
DIAGRAM_OWNERS = ("basics/what-is-lambda.yml", "design/optimised-costs.yml", "design/queue-worker.yml")
GOOD = "diagram: |\n  flowchart TB\n    A[Client] --> B[Function {n}]\n"
BROKEN = "diagram: |\n  flowchart TB\n    A[Client] --> B[Function 2\n"


def _set_diagram(path: Path, diagram: str) -> int:
    """Put `diagram` in the question file at `path` (replacing any); returns the line of its first source line."""
    text = path.read_text()
    if "diagram: |" in text:
        start = text.index("diagram: |")
        text = text[:start] + text[text.index("key_points:") :]
    start = text.index("key_points:")
    text = text[:start] + diagram + text[start:]
    path.write_text(text)
    return text[: text.index(diagram)].count("\n") + 2


@pytest.mark.browser
def test_a_broken_diagram_is_reported_in_its_own_file_among_lookalikes(project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.browser import require_chromium

    monkeypatch.setenv("LG_CHROMIUM", require_chromium())
    lines = {}
    for n, owner in enumerate(DIAGRAM_OWNERS, start=1):
        lines[owner] = _set_diagram(project / "content" / owner, BROKEN if n == 2 else GOOD.format(n=n))
    code, out = run_cli(capsys, "check", "content")
    assert code == 1, out
    assert out[0].startswith(f"content/{DIAGRAM_OWNERS[1]}:{lines[DIAGRAM_OWNERS[1]]}:3: LG044 Mermaid cannot draw this diagram: "), out
    assert out[-1] == "1 problem in 1 file"


@pytest.mark.browser
def test_a_broken_diagram_in_the_study_plan_is_reported_at_its_line(project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.browser import require_chromium

    monkeypatch.setenv("LG_CHROMIUM", require_chromium())
    plan = project / "content" / "study-plan.md"
    plan.write_text(plan.read_text() + "\n## Draw it\n\n```mermaid\nflowchart TB\n  A[Client] --> B[Function\n```\n")
    line = plan.read_text().splitlines().index("flowchart TB") + 1
    code, out = run_cli(capsys, "check", "content")
    assert code == 1, out
    assert out[0].startswith(f"content/study-plan.md:{line}:1: LG044 Mermaid cannot draw this diagram: "), out


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("  - title: Using Lambda with Amazon SQS", "  - title: Using Lambda with Amazon SQS ({q:queue-workers})"),
        ("  - A DLQ keeps poison messages aside.", "  - A DLQ keeps poison messages aside ({q:queue-workers})."),
        ("    answer: Use a redrive back to the source queue once the bug is fixed.", "    answer: Use a redrive back ({q:queue-workers})."),
    ],
    ids=["sources-title", "key-points", "follow-up-answer"],
)
def test_a_question_link_typo_in_any_markdown_field_is_a_located_error(old: str, new: str, project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = project / "content" / "design" / "queue-worker.yml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))
    line = path.read_text().splitlines().index(new) + 1
    code, out = run_cli(capsys, "check", "content")
    assert (code, out[-1]) == (1, "1 problem in 1 file"), out
    column = new.index("{q:") + 1
    assert out[0] == f"content/design/queue-worker.yml:{line}:{column}: LG027 unknown question `queue-workers` in a link - did you mean `queue-worker`?"


@pytest.mark.browser
def test_the_second_of_two_lookalike_diagrams_in_one_answer_is_reported_at_its_own_line(project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.browser import require_chromium

    monkeypatch.setenv("LG_CHROMIUM", require_chromium())
    path = project / "content" / "design" / "queue-worker.yml"
    two = "  ```mermaid\n  flowchart TB\n    A[Client] --> B[Queue]\n  ```\n\n  ```mermaid\n  flowchart TB\n    A[Client] --> B[Queue\n  ```\n\n"
    text = path.read_text()
    path.write_text(text.replace("  **Data flow.**", two + "  **Data flow.**", 1))
    rows = path.read_text().splitlines()
    second = [n for n, row in enumerate(rows, start=1) if row == "  flowchart TB"][1]
    code, out = run_cli(capsys, "check", "content")
    assert code == 1, out
    assert out[0].startswith(f"content/design/queue-worker.yml:{second}:3: LG044 "), out
