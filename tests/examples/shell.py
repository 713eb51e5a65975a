"""`bash` blocks: every `aws` command is parsed by the AWS CLI itself, against the service models botocore ships
(service, operation, every option name, required options, option values), and stopped before it sends anything:
no network, no credentials. `sam` commands are checked against the SAM CLI's documented commands and options.

The AWS CLI on PyPI is version 1; the guide writes for version 2, whose few extra global options are accepted
here by name (V2_GLOBALS) and not passed on.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shlex
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

from generator.problems import Problem
from tests.examples.blocks import Block

# AWS CLI v2 global options (docs.aws.amazon.com/cli/latest/reference/index.html, "Global Options").
V2_GLOBALS = {"--cli-binary-format": 1, "--no-cli-pager": 0, "--cli-auto-prompt": 0, "--no-cli-auto-prompt": 0}
# Commands only version 2 has, with their options (docs.aws.amazon.com/cli/latest/reference/logs/tail.html).
V2_COMMANDS = {
    ("logs", "tail"): {"--follow", "--since", "--format", "--filter-pattern", "--log-stream-names", "--log-stream-name-prefix", "--mode"},
}

# SAM CLI commands and their options, from the SAM CLI command reference
# (docs.aws.amazon.com/serverless-application-model/latest/developerguide/serverless-sam-cli-command-reference.html).
_COMMON = {"--config-env", "--config-file", "--debug", "--help", "--profile", "--region", "--save-params", "--beta-features"}
SAM: dict[str, set[str]] = {
    "build": {"--template-file", "--template", "-t", "--use-container", "-u", "--parallel", "--cached", "--build-dir", "-b", "--manifest", "--parameter-overrides", "--container-env-var", "--skip-pull-image", "--build-image"},
    "deploy": {"--guided", "-g", "--template-file", "--template", "-t", "--stack-name", "--s3-bucket", "--s3-prefix", "--resolve-s3", "--capabilities", "--parameter-overrides", "--no-confirm-changeset", "--confirm-changeset", "--no-execute-changeset", "--fail-on-empty-changeset", "--no-fail-on-empty-changeset", "--role-arn", "--tags", "--image-repository", "--resolve-image-repos", "--disable-rollback", "--on-failure"},
    "local invoke": {"--event", "-e", "--env-vars", "-n", "--template", "-t", "--parameter-overrides", "--debug-port", "-d", "--docker-network", "--skip-pull-image", "--log-file", "-l", "--no-event",
                     "--container-env-vars", "--debugger-path", "--debug-args", "--docker-volume-basedir", "--force-image-build", "--invoke-image", "--runtime", "--add-host", "--layer-cache-basedir", "--hook-name"},
    "local start-api": {"--port", "-p", "--host", "--env-vars", "-n", "--template", "-t", "--warm-containers", "--debug-port", "-d", "--container-env-vars", "--debugger-path", "--debug-args", "--static-dir"},
    "local start-lambda": {"--port", "-p", "--host", "--env-vars", "-n", "--template", "-t", "--warm-containers", "--debug-port", "-d", "--container-env-vars", "--debugger-path", "--debug-args"},
    # samcli/commands/remote/invoke/core/options.py in aws/aws-sam-cli
    "remote invoke": {"--stack-name", "--event", "--event-file", "--test-event-name", "--parameter", "--output"},
    "sync": {"--watch", "--code", "--stack-name", "--template-file", "--template", "-t", "--resource-id", "--resource", "--parameter-overrides", "--capabilities", "--s3-bucket"},
    "logs": {"--name", "-n", "--stack-name", "--tail", "-t", "--filter", "--start-time", "-s", "--end-time", "-e", "--include-traces", "--cw-log-group", "--output"},
    "validate": {"--template-file", "--template", "-t", "--lint"},
    "delete": {"--stack-name", "--no-prompts", "--s3-bucket", "--s3-prefix"},
    "init": {"--name", "-n", "--runtime", "-r", "--architecture", "-a", "--app-template", "--dependency-manager", "-d", "--package-type", "--no-interactive", "--location", "-l"},
}


def check(block: Block) -> tuple[list[Problem], int]:
    """Problems in the block's `aws` and `sam` commands, and how many commands were checked."""
    problems, checked = [], 0
    for line, words in _commands(block.code):
        if words[0] == "aws":
            checked += 1
            problems += [block.problem(*_where(block.code, line, token), "LG062", message, hint) for token, message, hint in _aws(words[1:])]
        elif words[0] == "sam":
            checked += 1
            problems += [block.problem(line, 1, "LG062", message, hint) for message, hint in _sam(words[1:])]
    return problems, checked


def _where(code: str, line: int, token: str) -> tuple[int, int]:
    """(line, column) of `token` in the command that starts at `line` (it may continue over several lines)."""
    rows = code.splitlines()
    for n in range(line, len(rows) + 1):
        if token and token in rows[n - 1]:
            return n, rows[n - 1].index(token) + 1
        if not rows[n - 1].rstrip().endswith("\\"):
            break
    return line, len(rows[line - 1]) - len(rows[line - 1].lstrip()) + 1


def _commands(code: str) -> Iterator[tuple[int, list[str]]]:
    """(first line, words) of each simple command: continuations joined, comments and environment prefixes dropped."""
    lines = code.splitlines()
    n = 0
    while n < len(lines):
        start, text = n + 1, lines[n]
        while text.rstrip().endswith("\\") and n + 1 < len(lines):
            n += 1
            text = text.rstrip()[:-1] + " " + lines[n]
        n += 1
        try:
            words = shlex.split(text, comments=True)
        except ValueError:
            continue  # an unbalanced quote is not a command this checker understands
        command: list[str] = []
        redirect = False
        for word in [*words, ";"]:
            if redirect:
                redirect = False
                continue
            if word in (";", "&&", "||", "|", "&") or word.endswith(";"):
                if word.endswith(";") and word != ";":
                    command.append(word[:-1])
                while command and re.fullmatch(r"[A-Z_][A-Z0-9_]*=\S*", command[0]):
                    command.pop(0)
                if command and command[0] in ("aws", "sam"):
                    yield start, [w for w in command if not w.startswith(">")]
                command = []
            elif word.startswith((">", "2>", "<")):
                redirect = word in (">", ">>", "2>", "<")  # the next word is the file
            else:
                command.append(word)


def _aws(args: list[str]) -> list[tuple[str, str, str]]:
    args = _drop_v2_globals(args)
    if tuple(args[:2]) in V2_COMMANDS:
        unknown = [w for w in args[2:] if w.startswith("--") and w.split("=", 1)[0] not in V2_COMMANDS[tuple(args[:2])]]  # type: ignore[index]
        return [(w, f"`aws {args[0]} {args[1]}` has no option {w}", f"see `aws {args[0]} {args[1]} help`") for w in unknown]
    try:
        driver, operation = _driver(), None
        service = driver._get_command_table().get(args[0]) if args else None
        if service is None:
            return [("", f"`aws {args[0] if args else ''}` is not an AWS CLI service", "check the service name in the AWS CLI reference")]
        table = service._get_command_table() if hasattr(service, "_get_command_table") else {}
        operation = table.get(args[1]) if len(args) > 1 else None
        if operation is None:
            return [("", f"`aws {args[0]} {args[1] if len(args) > 1 else ''}` is not an AWS CLI command", f"see `aws {args[0]} help` for its commands")]
        rest = 2
        group = getattr(operation, "subcommand_table", None)
        if group and len(args) > 2:  # a command group such as `aws lambda wait function-updated`
            if args[2] not in group:
                return [(args[2], f"`aws {args[0]} {args[1]} {args[2]}` is not an AWS CLI command", f"see `aws {args[0]} {args[1]} help`")]
            operation, rest = group[args[2]], 3
        known = set(getattr(operation, "arg_table", {})) | set(driver._get_argument_table())
        for word in args[rest:]:
            name = word.split("=", 1)[0]
            if name.startswith("--") and name[2:] not in known:
                return [(name, f"`aws {args[0]} {args[1]}` has no option {name}", f"see `aws {args[0]} {args[1]} help`")]
        message = _run(driver, args)
    except Exception as err:  # the CLI's own failures (unknown service data and the like) are problems too
        message = f"{type(err).__name__}: {err}"
    return [("", f"`aws {args[0]} {args[1]}`: {message}", "check it against the AWS CLI reference")] if message else []


def _drop_v2_globals(args: list[str]) -> list[str]:
    out, skip = [], 0
    for word in args:
        if skip:
            skip -= 1
        elif word.split("=", 1)[0] in V2_GLOBALS:
            skip = 0 if "=" in word else V2_GLOBALS[word]
        else:
            out.append(word)
    return out


class _Stopped(Exception):
    """Raised by the CLI's last hook before a request would be sent: everything before it was accepted."""

    def __init__(self) -> None:
        super().__init__(_STOPPED)


_STOPPED = "lg-example-check: stopped before sending"


def _driver():  # type: ignore[no-untyped-def]
    os.environ.update(AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing", AWS_DEFAULT_REGION="us-east-1",
                      AWS_CONFIG_FILE=os.devnull, AWS_SHARED_CREDENTIALS_FILE=os.devnull, AWS_PAGER="")
    from awscli.clidriver import create_clidriver

    driver = create_clidriver()

    def stop(**_: object) -> None:
        raise _Stopped

    driver.session.register("before-call", stop)
    return driver


def _run(driver, args: list[str]) -> str:  # type: ignore[no-untyped-def]
    """"" when the CLI accepts the command up to the point of sending it, else its complaint."""
    err = io.StringIO()
    with tempfile.TemporaryDirectory() as folder, contextlib.chdir(folder), contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        for word in args:  # file://x and fileb://x values are read by the CLI: give it files to read
            for prefix in ("file://", "fileb://"):
                if word.startswith(prefix):
                    target = Path(word.removeprefix(prefix))
                    target.parent.mkdir(parents=True, exist_ok=True)
                    if target.suffix == ".zip":
                        zipfile.ZipFile(target, "w").close()  # the CLI checks that a --zip-file is one
                    else:
                        target.write_text("{}")
        try:
            code = driver.main(args)
        except SystemExit as exit_:
            code = exit_.code
        except _Stopped:
            return ""
    text = err.getvalue()
    if _STOPPED in text or code == 0:
        return ""
    lines = [line.strip() for line in text.splitlines() if line.strip() and "install-cliv2" not in line and not line.startswith(("usage:", "To see help", "aws help", "aws <command>"))]
    errors = [line for line in lines if "rror" in line or "nvalid" in line or "nknown" in line]
    return " ".join((errors or lines or [f"exit status {code}"])[:2])[:240]


def _sam(args: list[str]) -> list[tuple[str, str]]:
    command = " ".join(args[:2]) if " ".join(args[:2]) in SAM else (args[0] if args else "")
    if command not in SAM:
        return [(f"`sam {command}` is not a SAM CLI command", "see the SAM CLI command reference")]
    options = [w.split("=", 1)[0] for w in args[len(command.split()) :] if w.startswith("-")]
    return [(f"`sam {command}` has no option {o}", f"see `sam {command} --help`") for o in options if o not in SAM[command] | _COMMON]
