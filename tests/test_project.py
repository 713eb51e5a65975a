"""Project-level promises: the core does not import MkDocs, editors find the schemas, vendored files match pins."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys

import pytest
import yaml

from generator.schema import SCHEMAS, load_schema
from tests.conftest import ROOT


def test_generator_core_does_not_import_mkdocs() -> None:
    code = "import sys, generator.cli, generator.build; sys.exit('mkdocs' in ' '.join(sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0


def test_every_content_file_has_a_modeline_to_an_existing_schema() -> None:
    for path in sorted((ROOT / "content").rglob("*.yml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        assert match, f"{path.relative_to(ROOT)}: first line must be the yaml-language-server modeline"
        assert (path.parent / match.group(1)).resolve().is_file(), f"{path.relative_to(ROOT)}: modeline points to a missing schema"


def test_vscode_maps_every_schema() -> None:
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text())
    mapped = {path.split("/")[-1].removesuffix(".schema.json") for path in settings["yaml.schemas"]}
    assert mapped == set(SCHEMAS)
    for name in SCHEMAS:
        assert load_schema(name)["$schema"].endswith("2020-12/schema")


def test_rule_codes_are_documented_in_contributing() -> None:
    from generator.problems import CODES

    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    documented = dict(re.findall(r"^\| (LG\d{3}) \| (.+?) \|", text, flags=re.M))
    assert documented == CODES


@pytest.mark.parametrize(("variable", "name"), [("MERMAID_SHA256", "mermaid.min.js"), ("IFRAME_WORKER_SHA256", "iframe-worker-shim.js")])
def test_vendored_scripts_match_their_pins_in_the_makefile(variable: str, name: str) -> None:
    makefile = (ROOT / "Makefile").read_text()
    pinned = re.search(rf"^{variable}\s*:=\s*([0-9a-f]{{64}})$", makefile, flags=re.M).group(1)  # type: ignore[union-attr]
    data = (ROOT / "overrides" / "assets" / "javascripts" / "vendor" / name).read_bytes()
    assert hashlib.sha256(data).hexdigest() == pinned


def test_lock_file_pins_every_package_with_hashes() -> None:
    lock = (ROOT / "requirements.lock").read_text()
    packages = re.findall(r"^([a-z0-9][a-z0-9._-]*)==([^ \\]+)", lock, flags=re.M)
    assert {"mkdocs", "mkdocs-material", "pymdown-extensions", "jinja2", "pyyaml"} <= {name for name, _ in packages}
    assert lock.count("--hash=sha256:") >= len(packages)
    versions = dict(packages)
    assert versions["mkdocs"].startswith("1.6.") and versions["mkdocs-material"].startswith("9.")


def test_generated_markdown_is_not_committed() -> None:
    tracked = subprocess.run(["git", "ls-files", "docs", "site"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    assert tracked in ([], ["docs/.gitkeep"])


def test_seed_map_is_valid_yaml_listing_unique_seed_lines() -> None:
    items = yaml.safe_load((ROOT / "tests" / "seed_map.yml").read_text())["items"]
    seeds = [item["seed"] for item in items]
    assert len(seeds) == len(set(seeds))
