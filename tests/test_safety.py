"""Untrusted content: every payload a stranger could put in a pull request is a `check` error with its position,
and the site build refuses it too."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import VALID, build_site, make_project, run_cli

ANCHOR = "  **Event in, code runs.**"

# payload placed at the start of the answer's first line (line 12, column 3) -> expected code; unsafe links
# are reported at the URL itself (its column in the payload is found by the test)
PAYLOADS = {
    "<script>alert(1)</script>": "LG040",
    "<iframe src='https://example.com'></iframe>": "LG040",
    "<object data='x.swf'></object>": "LG040",
    "<embed src='x.swf'>": "LG040",
    "<style>body{display:none}</style>": "LG040",
    "<form action='https://evil.example'><input></form>": "LG040",
    "<img src=x onerror=alert(1)>": "LG040",
    "<SCRIPT >alert(1)</SCRIPT>": "LG040",
    "<!-- hidden --> text": "LG040",
    "<kbd onmouseover='alert(1)'>K</kbd>": "LG041",
    "<sup/onclick=alert(1)>1</sup>": "LG041",
    "[x](javascript:alert(1))": "LG042",
    "[x]( JavaScript:alert(1))": "LG042",
    "[x](java&#x73;cript:alert(1))": "LG042",
    "![x](data:image/svg+xml;base64,PHN2Zz4=)": "LG042",
    "[x](vbscript:msgbox(1))": "LG042",
    "<javascript:alert(1)>": "LG042",
}

MERMAID = {
    '    click W "https://evil.example"': "LG043",
    "    click W callback": "LG043",
    "    callback W": "LG043",
    "%%{init: {'securityLevel': 'loose'}}%%": "LG043",
}


@pytest.mark.parametrize("payload", sorted(PAYLOADS))
def test_markdown_payload_is_an_error_with_its_position(payload: str, project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = project / "content" / "basics" / "what-is-lambda.yml"
    path.write_text(path.read_text().replace(ANCHOR, f"  {payload} **Event in, code runs.**"))
    code, lines = run_cli(capsys, "check", "content")
    assert code == 1
    column = 3
    if PAYLOADS[payload] == "LG042":
        column += min(i for i in (payload.find(s) for s in ("javascript", "JavaScript", "java&", "data:", "vbscript")) if i >= 0)
    assert lines[0].startswith(f"content/basics/what-is-lambda.yml:12:{column}: {PAYLOADS[payload]} "), lines


@pytest.mark.parametrize("line", sorted(MERMAID))
def test_mermaid_payload_is_an_error(line: str, project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = project / "content" / "design" / "queue-worker.yml"
    text = path.read_text()
    text = text.replace("diagram: |\n  flowchart LR\n", f"diagram: |\n  {line.strip()}\n  flowchart LR\n" if line.startswith("%%") else "diagram: |\n  flowchart LR\n")
    if not line.startswith("%%"):
        text = text.replace("    Q -.->|after max receives| D[(DLQ)]\n", f"    Q -.->|after max receives| D[(DLQ)]\n{line}\n")
    path.write_text(text)
    code, lines = run_cli(capsys, "check", "content")
    assert code == 1
    assert lines[0].split(": ")[1].startswith(MERMAID[line]), lines
    assert lines[0].startswith("content/design/queue-worker.yml:")


def test_mermaid_in_an_answer_fence_is_checked_too(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = project / "content" / "basics" / "what-is-lambda.yml"
    path.write_text(path.read_text().replace(ANCHOR, "  ```mermaid\n  flowchart LR\n    A --> B\n    click A \"https://evil.example\"\n  ```\n\n" + ANCHOR))
    code, lines = run_cli(capsys, "check", "content")
    assert code == 1
    assert lines[0] == "content/basics/what-is-lambda.yml:15:5: LG043 Mermaid `click` directives are not allowed - remove the line: diagrams are pictures, not links"


@pytest.mark.parametrize(
    "harmless",
    ["`<script>` in inline code", "Press <kbd>Ctrl</kbd>+<kbd>C</kbd>", "H<sub>2</sub>O and x<sup>2</sup>", "p95 < 300 ms and 2 > 1", "[AWS](https://aws.amazon.com/)"],
)
def test_harmless_markdown_passes(harmless: str, project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = project / "content" / "basics" / "what-is-lambda.yml"
    path.write_text(path.read_text().replace(ANCHOR, f"  {harmless} **Event in, code runs.**"))
    code, lines = run_cli(capsys, "check", "content")
    assert (code, lines[-1]) == (0, "content OK: 4 questions in 2 categories, 2 facts, 4 tags, 1 diagram")


def test_code_blocks_may_show_html(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = project / "content" / "basics" / "what-is-lambda.yml"
    path.write_text(path.read_text().replace(ANCHOR, "  ```html\n  <script src=\"x.js\"></script>\n  ```\n\n" + ANCHOR))
    code, _ = run_cli(capsys, "check", "content")
    assert code == 0


@pytest.mark.site
def test_the_site_build_refuses_what_check_rejects(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(VALID, content)
    path = content / "basics" / "what-is-lambda.yml"
    path.write_text(path.read_text().replace(ANCHOR, "  <script>alert(1)</script>" + ANCHOR[1:]))
    result = build_site(make_project(tmp_path / "project", content))
    assert result.returncode == 1
    assert "what-is-lambda.yml:12:3: LG040 HTML tag <script> is not allowed" in result.stderr
    assert not (tmp_path / "project" / "site" / "basics.html").exists()
