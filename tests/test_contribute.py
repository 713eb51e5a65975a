"""The contributor path, end to end, in a temp copy of the repository: scaffold a question, fill it in, pass
`check`, build the site and find the new question with an edit link to its YAML file; a mistake shows the
path:line:col error and the GitHub annotation form."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.scaffold import ScaffoldError, new_question, slugify
from tests.conftest import ROOT, build_site, run_module

FILLED = {
    "TODO: answer the question in one or two sentences (the cheat-sheet line).": "Layers package shared libraries or a custom runtime once so several functions can reuse them; they are unpacked into /opt and count toward the {fact:zip-package-unzipped} limit.",
    "TODO: the model answer in Markdown: how and why, limits (numbers from content/facts.yml), an example.": (
        "**What a layer is.** A layer is a .zip archive that Lambda extracts into `/opt` before your code starts. "
        "Functions reference up to {fact:layers-max} by version ARN, and everything together must fit in "
        "{fact:zip-package-unzipped} unzipped. Layers suit shared dependencies, a custom runtime or an extension. "
        "They do not make packages smaller or faster to load: the bytes are the same, only where they live changes. "
        "Version layers explicitly and roll them out like code, because a function keeps the version it was published with. "
        "Container images cannot use layers; build the shared parts into a base image instead. In interviews, mention that "
        "layers help with reuse and separation of concerns but complicate local testing and dependency upgrades."
    ),
    '"TODO first point a reader can recite"': "Layers unpack into /opt.",
    '"TODO second point"': "Up to {fact:layers-max} per function.",
    '"TODO third point (three to seven in all)"': "They count toward the unzipped size limit.",
    '"TODO what the interviewer asks next"': "Do layers reduce cold starts?",
    '"TODO a hint of the answer"': "No: the same bytes load either way.",
    '"TODO a common wrong or outdated answer"': "Saying layers make a package smaller.",
    '"TODO AWS documentation page title"': "Managing Lambda dependencies with layers",
}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A temp copy of the repository as a contributor has it: tracked files only."""
    copy = tmp_path / "repo"
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    for name in files:
        if (ROOT / name).is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, copy / name)
    return copy


@pytest.mark.site
def test_new_check_build_and_edit_link(repo: Path, tmp_path: Path) -> None:
    made = run_module("new", "--category", "performance-cold-starts", "--title", "How do Lambda layers work?", "--kind", "concept", cwd=repo)
    assert made.returncode == 0, made.stdout
    path = repo / made.stdout.strip()
    assert made.stdout.strip() == "content/performance-cold-starts/how-do-lambda-layers-work.yml"
    text = path.read_text()
    assert text.startswith("# yaml-language-server: $schema=../../generator/schemas/question.schema.json\n")

    unfilled = run_module("check", cwd=repo)
    assert unfilled.returncode == 1
    assert "content/performance-cold-starts/how-do-lambda-layers-work.yml:9:8: LG037 `short` still holds a TODO placeholder" in unfilled.stdout

    for placeholder, value in FILLED.items():
        assert placeholder in text, placeholder
        text = text.replace(placeholder, value if not placeholder.startswith('"') else f'"{value}"')
    path.write_text(text)
    filled = run_module("check", cwd=repo)
    assert filled.returncode == 0, filled.stdout
    assert filled.stdout.startswith("content OK: ")

    result = build_site(repo)
    assert result.returncode == 0, result.stderr
    page = BeautifulSoup((repo / "site" / "performance-cold-starts.html").read_text(), "html.parser")
    heading = page.find(id="how-do-lambda-layers-work")
    assert heading is not None and heading.get_text().startswith("How do Lambda layers work?")
    edit = heading.find_parent("section").find("a", string="Edit this question")
    assert edit["href"].endswith("/edit/main/content/performance-cold-starts/how-do-lambda-layers-work.yml")

    path.write_text(text.replace("tags: [lambda]", "tags: [lamda]"))
    broken = run_module("check", "--github", cwd=repo)
    assert broken.returncode == 1
    lines = broken.stdout.splitlines()
    assert lines[0] == "content/performance-cold-starts/how-do-lambda-layers-work.yml:8:8: LG025 tag `lamda` is not in content/tags.yml - did you mean `lambda`?"
    assert lines[1].startswith("::error file=content/performance-cold-starts/how-do-lambda-layers-work.yml,line=8,col=8,title=LG025::")


def test_new_refuses_to_overwrite_or_reuse_an_id(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "tests" / "fixtures" / "valid", content)
    first = new_question(content, "basics", "Why use layers?", "concept", today=dt.date(2026, 11, 27))
    assert first == content / "basics" / "why-use-layers.yml"
    with pytest.raises(ScaffoldError, match="already used"):
        new_question(content, "design", "Why use layers?", "concept")
    with pytest.raises(ScaffoldError, match="already used"):
        new_question(content, "basics", "Something else", "concept", qid="what-is-lambda")
    with pytest.raises(ScaffoldError, match="unknown category 'nope'; use one of: basics, design"):
        new_question(content, "nope", "A question?", "concept")
    with pytest.raises(ScaffoldError, match="not a lowercase slug"):
        new_question(content, "basics", "A question?", "concept", qid="Bad_ID")


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("What is provisioned concurrency?", "what-is-provisioned-concurrency"),
        ("What’s the impact of packaging size on cold starts?", "what-s-the-impact-of-packaging-size-on-cold-starts"),
        ("Tip: SQS → Lambda", "tip-sqs-lambda"),
        ("a " * 50, "-".join(["a"] * 30)),
    ],
)
def test_slugify(title: str, slug: str) -> None:
    assert slugify(title) == slug


def test_new_scaffolds_kind_specific_fields(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "tests" / "fixtures" / "valid", content)
    scenario = new_question(content, "design", "Design a thumbnail service", "scenario").read_text()
    behavioral = new_question(content, "design", "Tell me about an outage", "behavioral").read_text()
    assert "diagram: |" in scenario and "star:" not in scenario
    assert all(key in behavioral for key in ("looking_for:", "star:", "red_flags:"))
