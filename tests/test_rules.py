"""One failing fixture per rule code, asserting the exact `path:line:col: CODE message - hint` output."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator.problems import CODES
from tests.conftest import FIXTURES, run_cli

INVALID = FIXTURES / "invalid"

# fixture file -> (where it goes inside content/, the exact lines `check` must print)
CASES: dict[str, tuple[str, list[str]]] = {
    "lg001-bad-yaml.yml": ("basics", ["content/basics/lg001-bad-yaml.yml:6:7: LG001 YAML does not parse: mapping values are not allowed here - check indentation, colons and quotes near here"]),
    "lg002-empty.yml": ("basics", ["content/basics/lg002-empty.yml:1:1: LG002 file is empty - fill in the fields (see CONTRIBUTING.md)"]),
    "lg003-not-utf8.yml": ("basics", ["content/basics/lg003-not-utf8.yml:2:31: LG003 byte 0xe9 is not UTF-8 - save the file as UTF-8"]),
    "lg004-duplicate-key.yml": ("basics", ["content/basics/lg004-duplicate-key.yml:5:1: LG004 key 'kind' appears twice - keep one of them"]),
    "lg005-alias.yml": ("basics", ["content/basics/lg005-alias.yml:6:7: LG005 YAML anchors (&name) are not allowed - remove the anchor"]),
    "lg010-missing-answer.yml": ("basics", ["content/basics/lg010-missing-answer.yml:1:1: LG010 required field `answer` is missing in the file - add `answer:` (see CONTRIBUTING.md)"]),
    "lg011-unknown-field.yml": ("basics", ["content/basics/lg011-unknown-field.yml:9:1: LG011 unknown field `anwser` - did you mean `answer`?"]),
    "lg012-wrong-value.yml": ("basics", ["content/basics/lg012-wrong-value.yml:5:13: LG012 `difficulty` is 'expert', not one of: junior, mid, senior - use one of: junior, mid, senior"]),
    "lg020-duplicate-id.yml": ("design/what-is-lambda.yml", ["content/design/what-is-lambda.yml:1:5: LG020 id `what-is-lambda` is already used by content/basics/what-is-lambda.yml:2 - choose another id and rename the file to match"]),
    "lg021-id-not-file-name.yml": ("basics", ["content/basics/lg021-id-not-file-name.yml:1:5: LG021 id `lg021-wrong-name` does not match the file name `lg021-id-not-file-name.yml` - rename the file to lg021-wrong-name.yml or set `id: lg021-id-not-file-name`"]),
    "lg022-unknown-category.yml": ("basics", ["content/basics/lg022-unknown-category.yml:3:11: LG022 category `basic` does not exist - did you mean `basics`?"]),
    "lg023-wrong-folder.yml": ("basics", ["content/basics/lg023-wrong-folder.yml:3:11: LG023 category `design` but the file is in folder `basics` - move the file to content/design/"]),
    "lg024-unknown-related.yml": ("basics", ["content/basics/lg024-unknown-related.yml:32:25: LG024 related question `queue-workers` does not exist - did you mean `queue-worker`?"]),
    "lg025-unknown-tag.yml": ("basics", ["content/basics/lg025-unknown-tag.yml:6:16: LG025 tag `coldstart` is not in content/tags.yml - did you mean `cold-start`?"]),
    "lg026-unknown-fact.yml": ("basics", ["content/basics/lg026-unknown-fact.yml:25:16: LG026 unknown fact `timeout-maximum` - did you mean `timeout-max`?"]),
    "lg027-unknown-question-link.yml": ("basics", ["content/basics/lg027-unknown-question-link.yml:12:23: LG027 unknown question `queue-workers` in a link - did you mean `queue-worker`?"]),
    "lg028-self-related.yml": ("basics", ["content/basics/lg028-self-related.yml:32:25: LG028 a question cannot be related to itself - link other questions"]),
    "lg030-invalid-date.yml": ("basics", ["content/basics/lg030-invalid-date.yml:36:11: LG030 `reviewed` is '2026-02-30', not a valid date - write it as YYYY-MM-DD, for example 2026-11-27"]),
    "lg031-not-https.yml": ("basics", ["content/basics/lg031-not-https.yml:35:10: LG031 `sources[0].url` is 'http://docs.aws.amazon.com/lambda/latest/dg/welcome.html', not an https URL - use a full https:// address"]),
    "lg032-scenario-without-diagram.yml": ("basics", ["content/basics/lg032-scenario-without-diagram.yml:4:7: LG032 a scenario needs a `diagram` - add `diagram: |` with a Mermaid flowchart of the architecture"]),
    "lg033-behavioral-missing-star.yml": ("basics", ["content/basics/lg033-behavioral-missing-star.yml:4:7: LG033 a behavioral question needs `star` - add what the interviewer looks for, a STAR outline and red flags"]),
    "lg034-answer-too-short.yml": ("basics", ["content/basics/lg034-answer-too-short.yml:9:9: LG034 answer has 6 words; a concept answer needs at least 100 - explain the how and why, limits and an example (see CONTRIBUTING.md)"]),
    "lg035-blank-text.yml": ("basics", ["content/basics/lg035-blank-text.yml:26:5: LG035 `key_points[2]` is blank - write the text or remove the entry"]),
    "lg040-html-tag.yml": ("basics", ["content/basics/lg040-html-tag.yml:11:3: LG040 HTML tag <script> is not allowed - use Markdown, or only br, kbd, mark, small, sub, sup; write code in backticks"]),
    "lg041-event-handler.yml": ("basics", ["content/basics/lg041-event-handler.yml:11:9: LG041 event handler attribute in <kbd> - remove the on...= attribute"]),
    "lg042-unsafe-url.yml": ("basics", ["content/basics/lg042-unsafe-url.yml:27:28: LG042 unsafe link 'javascript:alert(1' - link only to https:// pages or other questions"]),
    "lg043-mermaid-click.yml": ("basics", ["content/basics/lg043-mermaid-click.yml:34:5: LG043 Mermaid `click` directives are not allowed - remove the line: diagrams are pictures, not links"]),
    "lg037-placeholder.yml": ("basics", ["content/basics/lg037-placeholder.yml:27:5: LG037 `key_points[2]` still holds a TODO placeholder - replace it with real content"]),
}


def _place(project: Path, fixture: str, where: str) -> None:
    target = project / "content" / where
    if target.suffix != ".yml":
        target = target / fixture
    shutil.copyfile(INVALID / fixture, target)


@pytest.mark.parametrize("fixture", sorted(CASES))
def test_rule_fixture_prints_exact_error_and_exits_1(fixture: str, project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    where, expected = CASES[fixture]
    _place(project, fixture, where)
    code, lines = run_cli(capsys, "check", "content")
    assert code == 1
    assert lines[:-1] == expected
    assert lines[-1] == f"{len(expected)} problem{'s' if len(expected) > 1 else ''} in 1 file"


def test_every_fixture_has_a_case_and_every_code_is_exercised() -> None:
    assert sorted(p.name for p in INVALID.iterdir()) == sorted(CASES)
    exercised = {re.search(r": (LG\d{3}) ", line).group(1) for _, lines in CASES.values() for line in lines}  # type: ignore[union-attr]
    exercised |= {"LG036", "LG050"}  # test_missing_content_file below; LG050 (a warning) in test_maintenance.py
    exercised |= {"LG044", "LG045"}  # drawn diagrams need a browser: tests/test_diagrams.py
    assert exercised == set(CODES)


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
