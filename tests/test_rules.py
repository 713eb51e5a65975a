"""One failing fixture per rule code, asserting the exact `path:line:col: CODE message - hint` output."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator.problems import RULES
from tests.conftest import FIXTURES, run_cli

INVALID = FIXTURES / "invalid"
# Golden pairs: tests/fixtures/invalid/lgNNN-name.yml is placed where its .expected file's first line says, and
# `check` must print exactly the rest of that file, then the count. `pytest --update-golden` rewrites them.
PLACED = "# placed at: "


def _expected(fixture: Path) -> tuple[str, list[str]]:
    header, *lines = fixture.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    assert header.startswith(PLACED), f"{fixture.with_suffix('.expected').name}: first line must be '{PLACED}content/...'"
    return header.removeprefix(PLACED), lines


FIXTURE_FILES = sorted(INVALID.glob("*.yml"))


@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=[p.stem for p in FIXTURE_FILES])
def test_rule_fixture_prints_exact_error_and_exits_1(fixture: Path, project: Path, capsys: pytest.CaptureFixture[str], update_golden: bool) -> None:
    where, expected = _expected(fixture)
    shutil.copyfile(fixture, project / where)
    code, lines = run_cli(capsys, "check", "content")
    if update_golden:
        fixture.with_suffix(".expected").write_text("\n".join([PLACED + where, *lines[:-1]]) + "\n", encoding="utf-8")
        expected = lines[:-1]
    assert code == 1
    assert lines[:-1] == expected
    assert lines[-1] == f"{len(expected)} problem{'s' if len(expected) > 1 else ''} in 1 file"


def test_every_fixture_has_its_expected_output_and_every_code_is_exercised() -> None:
    assert sorted(p.stem for p in INVALID.glob("*.expected")) == [p.stem for p in FIXTURE_FILES]
    exercised = {re.search(r": (LG\d{3}) ", line).group(1) for p in FIXTURE_FILES for line in _expected(p)[1]}  # type: ignore[union-attr]
    exercised |= {"LG036", "LG050"}  # test_missing_content_file below; LG050 (a warning) in test_maintenance.py
    exercised |= {"LG044", "LG045"}  # drawn diagrams need a browser: tests/test_diagrams.py, tests/test_provenance.py
    exercised |= {f"LG06{n}" for n in range(7)}  # code examples: tests/test_examples.py (`make examples`)
    assert exercised == set(RULES)


def _place(project: Path, fixture: str, where: str) -> None:
    shutil.copyfile(INVALID / fixture, project / "content" / where / fixture)


@pytest.mark.browser  # "1 diagram" and nothing else: it was drawn
def test_valid_fixture_passes(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = run_cli(capsys, "check", "content")
    assert (code, lines) == (0, ["content OK: 4 questions in 2 categories, 2 facts, 4 tags, 1 diagram"])


def test_missing_content_file(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "content" / "site.yml").unlink()
    code, lines = run_cli(capsys, "check", "content")
    assert code == 1
    assert lines[0] == "content/site.yml:1:1: LG036 site.yml is missing - create site.yml (see CONTRIBUTING.md)"


def test_all_problems_in_all_files_are_reported_in_one_run(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for fixture in ("lg011-unknown-field.yml", "lg025-unknown-tag.yml", "lg031-not-https.yml"):
        _place(project, fixture, "basics")
    facts = project / "content" / "facts.yml"
    facts.write_text(facts.read_text().replace("    source: https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html\n", ""))
    code, lines = run_cli(capsys, "check", "content")
    assert code == 1
    assert [line.split(": ")[1].split()[0] for line in lines[:-1]] == ["LG011", "LG025", "LG031", "LG010"]
    assert lines[-1] == "4 problems in 4 files"
    assert lines[-2] == "content/facts.yml:9:5: LG010 required field `source` is missing in `facts[1]` - add `source:` (see CONTRIBUTING.md)"


def test_fact_source_must_be_https(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    facts = project / "content" / "facts.yml"
    facts.write_text(facts.read_text().replace("source: https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html", "source: see AWS docs"))
    code, lines = run_cli(capsys, "check", "content")
    assert code == 1
    assert lines[0] == "content/facts.yml:13:13: LG031 `facts[1].source` is 'see AWS docs', not an https URL - use a full https:// address"


def test_github_annotations(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _place(project, "lg025-unknown-tag.yml", "basics")
    code, lines = run_cli(capsys, "check", "content", "--github")
    assert code == 1
    assert lines[1] == (
        "::error file=content/basics/lg025-unknown-tag.yml,line=6,col=16,title=LG025::"
        "LG025 tag `coldstart` is not in content/tags.yml - did you mean `cold-start`?"
    )


def test_a_broken_file_is_reported_once_not_again_by_every_file_that_names_it(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # queue-worker is linked and related from three files and the study plan; design holds two questions
    worker = project / "content" / "design" / "queue-worker.yml"
    worker.write_text(worker.read_text().replace("difficulty: ", "difficulty: expert #", 1))
    category = project / "content" / "design" / "_category.yml"
    category.write_text(category.read_text().replace("order: 20", "order: twenty"))
    code, lines = run_cli(capsys, "check", "content")
    assert code == 1
    assert [line.split(": ")[1].split()[0] for line in lines[:-1]] == ["LG012", "LG012"], lines
    assert lines[-1] == "2 problems in 2 files"


def test_a_wrong_type_is_named_in_plain_words(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    category = project / "content" / "basics" / "_category.yml"
    category.write_text(category.read_text().replace("order: 10", "order: ten"))
    question = project / "content" / "basics" / "what-is-lambda.yml"
    question.write_text(question.read_text().replace("  - Saying the maximum memory is 3,008 MB.", "  - Trusting old limits: 3,008 MB is gone."))
    code, lines = run_cli(capsys, "check", "content")
    assert code == 1
    assert lines[:-1] == [
        "content/basics/_category.yml:4:8: LG012 `order` must be a whole number, not 'ten' - write `order` as a whole number",
        "content/basics/what-is-lambda.yml:33:5: LG012 `pitfalls[0]` must be text, not {'Trusting old limits': '3,008 MB is ..."
        " - a colon followed by a space made YAML read this text as `key: value`; put the whole text in quotes",
    ]
