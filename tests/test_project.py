"""Project-level promises: the core does not import MkDocs, editors find the schemas, vendored files match pins."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

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
    from generator.problems import RULES

    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    documented = dict(re.findall(r"^\| (LG\d{3}) \| (.+?) \|", text, flags=re.M))
    assert documented == {code: ("warning: " if rule.severity == "warning" else "") + rule.title for code, rule in RULES.items()}


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


def _imports() -> dict[str, set[str]]:
    """generator module -> the generator modules it imports (lazy imports inside functions included)."""
    import ast

    graph = {}
    for path in sorted((ROOT / "generator").glob("*.py")):
        found = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "generator":
                found |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("generator."):
                found.add(node.module.split(".")[1])  # type: ignore[union-attr]
            elif isinstance(node, ast.Import):
                found |= {alias.name.split(".")[1] for alias in node.names if alias.name.startswith("generator.")}
        graph[path.stem] = found - {path.stem}
    return graph


def test_generator_modules_import_each_other_one_way() -> None:
    graph = _imports()
    done: set[str] = set()

    def visit(module: str, trail: tuple[str, ...]) -> None:
        assert module not in trail, "import cycle: " + " -> ".join((*trail[trail.index(module) :], module))
        if module not in done:
            for other in sorted(graph.get(module, ())):
                visit(other, (*trail, module))
            done.add(module)

    for module in sorted(graph):
        visit(module, ())


def test_no_generator_module_is_over_300_lines() -> None:
    long = {p.name: n for p in (ROOT / "generator").glob("*.py") if (n := len(p.read_text(encoding="utf-8").splitlines())) > 300}
    assert long == {}, "split these by noun (see CONTRIBUTING.md, 'Where to change what')"


def test_mkdocs_not_in_nav_is_the_url_schemes_list() -> None:
    """The hook marks generated pages itself; builders that ignore hooks read this list from mkdocs.yml."""
    from generator import urls

    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_IgnoreTags)
    assert config["not_in_nav"].split() == list(urls.NOT_IN_NAV)


class _IgnoreTags(yaml.SafeLoader):
    pass


_IgnoreTags.add_multi_constructor("", lambda loader, suffix, node: None)


def test_an_unknown_rule_code_cannot_be_emitted() -> None:
    from generator.problems import Problem

    with pytest.raises(ValueError, match="LG999 is not a rule"):
        Problem("content/x.yml", 1, 1, "LG999", "a problem nobody documented")
    assert Problem("content/x.yml", 1, 1, "LG050", "old").severity == "warning"
    assert Problem("content/x.yml", 1, 1, "LG024", "missing").severity == "error"


def test_an_internal_error_is_one_line_for_users_and_a_traceback_on_request(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator import rules

    def broken(*_: object) -> list[object]:
        raise KeyError("a bug")

    monkeypatch.setattr(rules, "check", broken)
    for extra, env in (([], {}), (["--traceback"], {}), ([], {"LG_TRACEBACK": "1"})):
        result = _run_in_process(extra + ["check", "content"], env, monkeypatch)
        assert result[0] == 2
        assert result[1].strip().splitlines()[-1] == "internal error: KeyError: 'a bug' (please report this with the file that caused it)"
        assert ("Traceback (most recent call last)" in result[1]) == bool(extra or env)


def _run_in_process(argv: list[str], env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    import contextlib
    import io

    from generator.cli import main

    monkeypatch.delenv("LG_TRACEBACK", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(argv)
    return code, err.getvalue()


# Forked Material partials and the one change each makes; anything else that differs is a Material update to copy.
FORKS = {
    "search.html": ('role="dialog">', "role=\"dialog\" aria-label=\"{{ lang.t('search.placeholder') }}\">"),
    "source.html": (' class="md-source" data-md-component="source">', ' class="md-source">'),
}


@pytest.mark.parametrize("name", sorted(FORKS))
def test_forked_material_partials_differ_from_the_installed_ones_only_by_their_change(name: str) -> None:
    import material

    def body(text: str) -> str:
        return re.sub(r"\A\{#-.*?-#\}\n", "", text, count=1, flags=re.S)  # the leading comment (theirs: "generated")

    theirs = (Path(material.__file__).parent / "templates" / "partials" / name).read_text(encoding="utf-8")
    ours = (ROOT / "overrides" / "partials" / name).read_text(encoding="utf-8")
    old, new = FORKS[name]
    assert old in theirs, f"Material's {name} changed where the fork changes it: copy it again into overrides/partials/"
    assert body(ours) == body(theirs).replace(old, new, 1), f"Material's {name} changed: copy it into overrides/partials/ and redo the change"
