"""`make examples`: every code example in content/ runs or passes the field's own tools, and a broken example of
each kind is a problem at its line inside the block (in its file), all problems in one run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, VALID

pytestmark = pytest.mark.examples

ANCHOR = "  **Data flow.**"  # the first line of queue-worker's answer in the fixture


def _examples(content: str, cwd: Path, before: str = "") -> tuple[int, list[str]]:
    """`python -m tests.examples CONTENT` in a process of its own (moto, the AWS CLI and cfn-lint set environment
    variables and take memory that other tests should not inherit); `before` runs first, in that process."""
    code = f"{before}\nimport sys\nfrom tests.examples.__main__ import main\nsys.exit(main([{content!r}]))"
    result = subprocess.run([sys.executable, "-c", code], cwd=cwd, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True, timeout=600)
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    return result.returncode, result.stdout.splitlines()


def test_every_example_in_the_guide_passes() -> None:
    code, out = _examples(str(ROOT / "content"), ROOT)
    assert (code, out[-1]) == (0, "examples OK"), "\n".join(out)
    python = next(line for line in out if line.startswith("python: "))
    assert "run" in python and "with problems" not in "\n".join(out)


BROKEN = '''
  ```bash
  aws lambda update-function-configuration --function-name orders \\
    --memory-size 1024 --timout 30
  ```

  ```yaml
  Resources:
    Queue:
      Type: AWS::SQS::Queue
      Properties:
        VisibilityTimeoutSeconds: 60
  ```

  ```json
  {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": "dynamodb:GetItems", "Resource": "*"}]
  }
  ```

  ```python
  import boto3

  def handler(event, context):
      return event["missing"]
  ```

  ```python
  def broken(:
      pass
  ```

'''


def test_a_broken_example_of_each_kind_is_a_located_error(tmp_path: Path) -> None:
    shutil.copytree(VALID, tmp_path / "content")
    path = tmp_path / "content" / "design" / "queue-worker.yml"
    text = path.read_text()
    path.write_text(text.replace(ANCHOR, BROKEN.rstrip("\n") + "\n" + ANCHOR, 1))
    lines = path.read_text().splitlines()

    def line_of(snippet: str) -> int:
        return next(n for n, row in enumerate(lines, start=1) if snippet in row)

    runner = "from tests.examples import handlers\nhandlers.RUNNERS[('queue-worker', 1)] = lambda load: load()['handler']({}, None)"
    code, out = _examples("content", tmp_path, runner)
    assert code == 1
    file = "content/design/queue-worker.yml"
    expected_starts = [
        f"{file}:{line_of('--timout')}:{lines[line_of('--timout') - 1].index('--timout') + 1}: LG062 `aws lambda update-function-configuration` has no option --timout",
        f"{file}:{line_of('VisibilityTimeoutSeconds')}:",  # cfn-lint: not a property of AWS::SQS::Queue
        f"{file}:{line_of('dynamodb:GetItems')}:",  # cfn-lint: no such IAM action
        f"{file}:{line_of('return event[')}:{lines[line_of('return event[') - 1].index('return') + 1}: LG061 the example fails when run: KeyError: 'missing'",
        f"{file}:{line_of('def broken(:')}:",
    ]
    problems = [line for line in out if line.startswith(file)]
    assert len(problems) == len(expected_starts), "\n".join(out)
    for line, start in zip(sorted(problems, key=lambda p: int(p.split(":")[1])), expected_starts, strict=True):
        assert line.startswith(start), line
    assert any(" LG063 " in p and "VisibilityTimeoutSeconds" in p for p in problems), problems
    assert any(" LG064 " in p and "getitems" in p.lower() for p in problems), problems
    assert any(" LG060 Python does not compile" in p for p in problems), problems
    assert out[-1] == "5 problems in 1 file"


UNCHECKED = '''
  ```json
  {
    "StartAt": "Charge",
    "States": {
      "Charge": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Next": "Shipp"},
      "Ship": {"Type": "Succeed"}
    }
  }
  ```

  ```json
  {"Version": "2012-10-17", "Statement": [}
  ```

  ```python
  import boto3

  s3 = boto3.client("s3")
  ```

  ```python title="Fragment: the client the handler above uses"
  import boto3

  s3 = boto3.client("s3")
  ```

'''


def test_a_wrong_state_a_broken_json_and_an_unrun_handler_are_located_errors(tmp_path: Path) -> None:
    shutil.copytree(VALID, tmp_path / "content")
    path = tmp_path / "content" / "design" / "queue-worker.yml"
    path.write_text(path.read_text().replace(ANCHOR, UNCHECKED.rstrip("\n") + "\n" + ANCHOR, 1))
    lines = path.read_text().splitlines()
    code, out = _examples("content", tmp_path)
    assert code == 1
    found = {line.split(": ")[1].split()[0]: line for line in out if line.startswith("content/")}
    assert sorted(found) == ["LG060", "LG065", "LG066"], out
    assert found["LG065"].split(":")[1] == str(next(n for n, row in enumerate(lines, 1) if '"Shipp"' in row)), found["LG065"]
    assert "`Charge` goes to `Shipp`, which is not a state" in found["LG065"]
    assert found["LG060"].startswith(f"content/design/queue-worker.yml:{next(n for n, row in enumerate(lines, 1) if 'Statement' in row and '[}' in row)}:")
    assert "JSON does not parse" in found["LG060"]
    assert found["LG066"].split(":")[1] == str(next(n for n, row in enumerate(lines, 1) if row.strip() == "```python") + 1)
    python = next(line for line in out if line.startswith("python: "))
    assert "1 fragment" in python  # the titled block is counted, and is not an error
