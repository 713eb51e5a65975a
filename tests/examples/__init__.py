"""Every code example in the guide, executed or checked by the field's own tools (`make examples`).

python   compiled; handlers that talk to AWS run under moto with a realistic event (tests/examples/handlers.py)
bash     `aws` commands parsed by the AWS CLI against botocore's service models; `sam` against the SAM CLI's options
yaml     CloudFormation and SAM templates (or parts of them) linted by cfn-lint
json     parsed; IAM policies and Step Functions definitions linted by cfn-lint's IAM and ASL checks
js/ts    syntax-checked by Node when it is installed (the guide has none yet)

A block that cannot run or be checked alone is titled `Fragment: <why>` (a fence attribute: ```python
title="Fragment: ..."), which the page shows; it is still parsed. Problems are `path:line:col: CODE message - hint`,
at the line inside the block, all of them in one run.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from generator.loader import load
from generator.problems import Problem
from tests.examples.blocks import Block, collect


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)  # "python: run" -> n

    def summary(self) -> list[str]:
        by_lang: dict[str, list[str]] = {}
        for key, n in sorted(self.counts.items()):
            lang, how = key.split(": ", 1)
            by_lang.setdefault(lang, []).append(f"{n} {how}")
        return [f"{lang}: {', '.join(parts)}" for lang, parts in by_lang.items()]


def check(content: Path) -> Report:
    report = Report()
    for block in collect(load(content), content):
        problems, how = _check(block)
        report.problems += problems
        report.counts[f"{block.lang}: {how or 'with problems'}"] += 1
    report.problems.sort()
    return report


def _check(block: Block) -> tuple[list[Problem], str]:
    if block.lang == "python":
        from tests.examples import handlers

        return handlers.check(block)
    if block.lang in ("bash", "shell", "sh", "console"):
        from tests.examples import shell

        problems, commands = shell.check(block)
        return problems, ("fragment" if block.fragment else "checked") if commands else "no aws or sam command"
    if block.lang in ("yaml", "yml"):
        from tests.examples import templates

        problems, what = templates.check_yaml(block)
        return problems, what or "parsed"
    if block.lang == "json":
        from tests.examples import templates

        problems, what = templates.check_json(block)
        return problems, what
    if block.lang in ("javascript", "js", "typescript", "ts"):
        return _node(block)
    return [], "not code"  # text: sample output, log lines


def _node(block: Block) -> tuple[list[Problem], str]:
    node = shutil.which("node")
    if node is None:
        return [block.problem(1, 1, "LG060", "Node is needed to check JavaScript examples", "install Debian's nodejs package")], ""
    with tempfile.NamedTemporaryFile("w", suffix=".mjs" if block.lang.startswith("j") else ".mts", delete=False) as handle:
        handle.write(block.code)
    result = subprocess.run([node, "--check", handle.name], capture_output=True, text=True, timeout=60)
    Path(handle.name).unlink()
    if result.returncode:
        line = next((int(part) for part in result.stderr.split(handle.name + ":")[1:2] for part in [part.split("\n")[0]] if part.isdigit()), 1)
        return [block.problem(line, 1, "LG060", f"JavaScript does not parse: {result.stderr.strip().splitlines()[-1][:200]}")], ""
    return [], "parsed"
