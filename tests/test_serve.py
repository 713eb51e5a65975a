"""`mkdocs serve` (what `make serve` runs): editing a YAML file rebuilds the page, and the rebuilds then stop."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT, VALID, make_project

pytestmark = pytest.mark.site


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait_for(predicate, seconds: float) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.3)
    return False


def test_editing_yaml_rebuilds_the_page_without_a_rebuild_loop(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(VALID, content)
    project = make_project(tmp_path / "project", content)
    port = _free_port()
    log = (tmp_path / "serve.log").open("w+")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    site_url = re.search(r'^site_url: !ENV \[SITE_URL, "([^"]+)"\]', (ROOT / "mkdocs.yml").read_text(), flags=re.M).group(1)  # type: ignore[union-attr]
    path = urllib.parse.urlsplit(site_url).path
    url = f"http://127.0.0.1:{port}{path}design.html"
    try:
        assert _wait_for(lambda: "Design a queue worker" in _get(url), 60), Path(log.name).read_text()
        question = content / "design" / "queue-worker.yml"
        question.write_text(question.read_text().replace("Design a queue worker that survives failures", "Design a queue worker that never drops work"))
        assert _wait_for(lambda: "never drops work" in _get(url), 60), Path(log.name).read_text()
        time.sleep(2)  # let any follow-up rebuild finish (there should be none: the hook writes nothing MkDocs watches)
        builds = Path(log.name).read_text().count("Documentation built")
        time.sleep(4)
        assert Path(log.name).read_text().count("Documentation built") == builds, "mkdocs serve keeps rebuilding"
        assert builds == 2, "one build at start, one for the edit"
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()
