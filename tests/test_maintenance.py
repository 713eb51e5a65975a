"""Keeping content current: review-age warnings in `check`, and the source link checker."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.linkcheck import broken
from tests.conftest import run_cli


def test_old_reviews_warn_but_do_not_fail(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = project / "content" / "basics" / "what-is-lambda.yml"
    path.write_text(path.read_text().replace("reviewed: 2026-11-27", "reviewed: 2025-10-01"))
    code, lines = _check_lines(capsys, "--today", "2026-11-27")
    assert code == 0
    assert lines == [
        "content/basics/what-is-lambda.yml:38:11: LG050 warning: `reviewed` is 2025-10-01, more than 12 months ago - re-check against the AWS sources and update the date",
        "content OK: 4 questions in 2 categories, 2 facts, 4 tags, 1 diagram",
    ]
    code, lines = _check_lines(capsys, "--today", "2026-11-27", "--github")
    assert lines[1].startswith("::warning file=content/basics/what-is-lambda.yml,line=38,col=11,title=LG050::LG050 warning: `reviewed` is 2025-10-01")
    code, lines = _check_lines(capsys, "--today", "2026-09-30")
    assert (code, lines) == (0, ["content OK: 4 questions in 2 categories, 2 facts, 4 tags, 1 diagram"])


def test_old_reviews_are_not_mentioned_when_there_are_errors(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = project / "content" / "basics" / "what-is-lambda.yml"
    path.write_text(path.read_text().replace("reviewed: 2026-11-27", "reviewed: 2025-10-01").replace("difficulty: junior", "difficulty: easy"))
    code, lines = _check_lines(capsys, "--today", "2026-11-27")
    assert code == 1
    assert [line.split(": ")[1].split()[0] for line in lines[:-1]] == ["LG012"], lines


def _check_lines(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    """`check content ARGS`, without the note a build without a browser adds about drawing."""
    code, lines = run_cli(capsys, "check", "content", *args)
    return code, [line for line in lines if not line.startswith("diagrams: ")]


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_HEAD(self) -> None:  # noqa: N802
        self.send_response(200 if self.path == "/ok" else 405 if self.path == "/get-only" else 404)
        self.end_headers()

    def do_GET(self) -> None:  # noqa: N802
        self.send_response(200 if self.path in ("/ok", "/get-only") else 404)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_link_checker_reports_only_dead_sources(server: str) -> None:
    dead = broken([f"{server}/ok", f"{server}/get-only", f"{server}/gone", "http://127.0.0.1:9/closed"])
    assert dead.keys() == {f"{server}/gone", "http://127.0.0.1:9/closed"}
    assert dead[f"{server}/gone"] == "HTTP 404"
    assert dead["http://127.0.0.1:9/closed"].startswith("unreachable")
