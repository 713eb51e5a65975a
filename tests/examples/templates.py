"""`yaml` and `json` blocks: CloudFormation and SAM templates linted by cfn-lint (the SAM transform included,
through aws-sam-translator), IAM policies and Step Functions definitions linted by cfn-lint's own IAM and
Amazon States Language checks, and every JSON block parsed.

Answers quote parts of templates; a part is made whole before linting, in a way a reader can see:
- resources without `Resources:` (`OrdersFunction: {Type: ...}`) go under `Resources:`, and a function's `Events:`
  under a function;
- a template that uses `AWS::Serverless::` types gets the SAM `Transform` when it does not say it;
- a JSON policy becomes an `AWS::IAM::ManagedPolicy`, a state machine definition (or some of its states, written
  as `"Name": {...}` members) an `AWS::StepFunctions::StateMachine`.
A quoted part leaves out what it refers to, so for parts (not for whole templates) the rules about references to
resources, parameters and states defined elsewhere are ignored: IGNORED_IN_PARTS says which, and why.
"""

from __future__ import annotations

import json
import re

import yaml

from generator.problems import Problem
from tests.examples.blocks import Block

# No rule is ignored by code. In a part of a template, and only there, a problem whose message names a resource or
# parameter the part refers to (`!Ref`, `!GetAtt`, `${...}`) but does not quote is dropped: the whole template has it.
_REFERENCE_RE = re.compile(r"(?:!Ref\s+|!GetAtt\s+|Ref:\s*|\$\{)([A-Za-z0-9]+)")
_PSEUDO = {"AWS"}


class _Loader(yaml.SafeLoader):
    pass


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)  # CloudFormation's short tags (!Ref, !Sub...)


def check_yaml(block: Block) -> tuple[list[Problem], str]:
    """Problems, and what the block was checked as ("template", "part of a template" or "" for other YAML)."""
    try:
        data = yaml.load(block.code, Loader=_Loader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        return [block.problem(mark.line + 1 if mark else 1, mark.column + 1 if mark else 1, "LG060", f"YAML does not parse: {getattr(err, 'problem', err)}")], ""
    if not isinstance(data, dict):
        return [], ""
    if "Resources" in data:
        text, shift, part = block.code, 0, False
    elif data and all(isinstance(v, dict) and str(v.get("Type", "")).startswith(("AWS::", "Custom::")) for v in data.values()):
        text, shift, part = "Resources:\n" + _indent(block.code), 1, True
    elif set(data) == {"Events"}:  # the event sources of a SAM function
        text, shift, part = _FUNCTION + _indent(_indent(_indent(block.code))), _FUNCTION.count("\n"), True
    else:
        return [], ""  # YAML that is not CloudFormation (a workflow, a config file): parsed only
    serverless = "AWS::Serverless::" in text
    header = []
    if serverless and "Transform" not in data:
        header.append("Transform: AWS::Serverless-2016-10-31")
    if "AWSTemplateFormatVersion" not in data:
        header.append('AWSTemplateFormatVersion: "2010-09-09"')
    text = "\n".join([*header, text])
    problems = _lint(text, block, shift + len(header), (6 if set(data) == {"Events"} else 2) if part else 0, part)
    return problems, "part of a template" if part else "template"


_FUNCTION = "Resources:\n  Function:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: app.handler\n      Runtime: python3.13\n      CodeUri: src/\n"


def _indent(code: str) -> str:
    return "\n".join("  " + line if line.strip() else line for line in code.splitlines()) + "\n"


def _lint(text: str, block: Block, shift: int, indent: int, part: bool, code: str = "LG063") -> list[Problem]:
    from cfnlint.api import ManualArgs, lint

    data = yaml.load(text, Loader=_Loader) or {}
    defined = set(data.get("Resources") or {}) | set(data.get("Parameters") or {})
    elsewhere = {name for name in _REFERENCE_RE.findall(block.code) if name not in defined and name not in _PSEUDO} if part else set()
    problems = []
    for match in lint(text, config=ManualArgs(regions=["us-east-1"])):
        rule = match.rule.id
        if rule.startswith("I") or any(f"'{name}'" in match.message for name in elsewhere):
            continue  # informational advice; or about what the part refers to outside itself
        line = max(match.linenumber - shift, 1)
        col = max(match.columnnumber - indent, 1)
        problems.append(block.problem(line, col, code, f"cfn-lint {rule}: {_short(match.message)}"[:300], "fix the template (cfn-lint's rule explains why)"))
    return problems


def check_json(block: Block) -> tuple[list[Problem], str]:
    """Problems, and what the block was checked as ("IAM policy", "state machine", "states", "JSON")."""
    text, wrapped = block.code, False
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        try:  # `"Name": {...}` members quoted from a larger object
            data, wrapped = json.loads("{" + text + "}"), True
        except json.JSONDecodeError:
            return [block.problem(err.lineno, err.colno, "LG060", f"JSON does not parse: {err.msg}", "check commas, quotes and brackets")], ""
    if not isinstance(data, dict):
        return [], "JSON"
    if "Statement" in data:
        statements = data["Statement"] if isinstance(data["Statement"], list) else [data["Statement"]]
        if all(isinstance(s, dict) and str(s.get("Action", "")).startswith("sts:AssumeRole") for s in statements):  # a trust policy
            policy = {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": data}}
        elif any(isinstance(s, dict) and "Principal" in s for s in statements):  # a resource-based policy
            policy = {"Type": "AWS::SQS::QueuePolicy", "Properties": {"Queues": ["https://sqs.us-east-1.amazonaws.com/123456789012/q"], "PolicyDocument": data}}
        else:
            policy = {"Type": "AWS::IAM::ManagedPolicy", "Properties": {"PolicyDocument": data}}
        return _lint_object({"Resources": {"Policy": policy}}, block, "LG064", data), "IAM policy"
    states = data.get("States") if "States" in data else (data if wrapped and all(isinstance(v, dict) and "Type" in v for v in data.values()) else None)
    if isinstance(states, dict):
        return _state_problems(block, data if "States" in data else None, states), "state machine" if "States" in data else "states"
    return [], "JSON"


def _lint_object(template: dict, block: Block, code: str, quoted: dict) -> list[Problem]:
    """cfn-lint on a template built around a quoted object; problems go to the block's first line, or to the
    line that holds the value a message names."""
    from cfnlint.api import ManualArgs, lint

    template["AWSTemplateFormatVersion"] = "2010-09-09"
    problems = []
    for match in lint(json.dumps(template, indent=1), config=ManualArgs(regions=["us-east-1"])):
        if match.rule.id.startswith("I"):
            continue
        line = _line_of(block.code, match.message)
        problems.append(block.problem(line, 1, code, f"cfn-lint {match.rule.id}: {_short(match.message)}"[:300], "fix it (cfn-lint's rule explains why)"))
    return problems


def _line_of(code: str, message: str) -> int:
    """The line of the block that holds a value the message quotes (cfn-lint lowercases IAM actions)."""
    for token in re.findall(r"'([^']{3,})'", message):
        for n, row in enumerate(code.splitlines(), start=1):
            if re.search(rf"[\"':]{re.escape(token)}\"", row, re.I) or f'"{token}"' in row:
                return n
    return 1


def _short(message: str) -> str:
    """cfn-lint's message without the list of every allowed value it sometimes appends."""
    return re.sub(r" is not one of \[.*", " is not one of the allowed values", message)


def _state_problems(block: Block, machine: dict | None, states: dict) -> list[Problem]:
    """The ASL check of cfn-lint on the definition (states quoted alone get a StartAt and end states for the targets
    they name outside the quote), and every Next/Default/Catch target named."""
    names = set(states)
    targets = [(n, t) for n, s in states.items() for t in _targets(s)]
    definition = machine or {"StartAt": next(iter(states)), "States": dict(states)}
    if machine is None:  # a quote: the states it points to outside itself exist in the whole machine
        for _, target in targets:
            if target not in names:
                definition["States"][target] = {"Type": "Succeed"}
    template = {"Resources": {"Machine": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {"Definition": definition, "RoleArn": "arn:aws:iam::123456789012:role/example"}}}}
    problems = _lint_object(template, block, "LG065", definition)
    if machine is not None:
        for state, target in targets:
            if target not in names:
                problems.append(block.problem(_line_of(block.code, f"'{target}'"), 1, "LG065", f"state `{state}` goes to `{target}`, which is not a state", "name an existing state"))
    return problems


def _targets(state: dict) -> list[str]:
    found = [state[k] for k in ("Next", "Default") if isinstance(state.get(k), str)]
    found += [c["Next"] for c in state.get("Choices", []) + state.get("Catch", []) if isinstance(c, dict) and isinstance(c.get("Next"), str)]
    return found
