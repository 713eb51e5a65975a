"""GitHub workflows and contributor tooling: valid against GitHub's schema, clean under zizmor and yamllint,
actions pinned to full commit SHAs with their version in a comment, least-privilege permissions."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
BIN = Path(sys.executable).parent


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(args), cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_workflows_match_githubs_schema() -> None:
    result = _run(str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows", *map(str, WORKFLOWS))
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing() -> None:
    result = _run(str(BIN / "zizmor"), "--offline", "--no-progress", ".github/workflows")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout + result.stderr


def test_yaml_formatting_rules_pass() -> None:
    result = _run(str(BIN / "yamllint"), "--strict", "-f", "parsable", "content", ".github", "mkdocs.yml", ".pre-commit-config.yaml")
    assert result.returncode == 0, result.stdout


def test_ruff_passes() -> None:
    result = _run(str(BIN / "ruff"), "check", "generator", "tests")
    assert result.returncode == 0, result.stdout


def test_every_action_is_pinned_to_a_commit_with_its_version() -> None:
    uses = [line for wf in WORKFLOWS for line in wf.read_text().splitlines() if "uses:" in line]
    assert uses
    for line in uses:
        assert re.search(r"uses: [\w.-]+/[\w.-]+@[0-9a-f]{40}\s+# v\d+(\.\d+)*$", line), line


def test_pages_workflow_grants_write_only_to_the_deploy_job() -> None:
    pages = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text())
    assert pages["permissions"] == {}
    assert pages["concurrency"]["cancel-in-progress"] is False
    assert pages["jobs"]["build"]["permissions"] == {"contents": "read"}
    assert pages["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    steps = [s.get("uses", "") for job in pages["jobs"].values() for s in job["steps"]]
    assert any(s.startswith("actions/upload-pages-artifact@") for s in steps)
    assert any(s.startswith("actions/deploy-pages@") for s in steps)


def test_ci_annotates_check_errors_and_uploads_a_preview() -> None:
    ci = (ROOT / ".github" / "workflows" / "ci.yml").read_text()
    assert "make check CHECK_FLAGS=--github" in ci
    assert "make test" in ci and "make site" in ci
    assert "actions/upload-artifact@" in ci


def test_dependabot_watches_pip_and_actions() -> None:
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text())
    assert {u["package-ecosystem"] for u in config["updates"]} == {"pip", "github-actions"}
