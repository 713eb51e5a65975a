"""Robustness: whatever a content file holds, `check` ends quickly with either success or positioned errors
and exit status 1: never a traceback, never a hang, bounded memory."""

from __future__ import annotations

import contextlib
import io
import re
import resource
import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.cli import main
from tests.conftest import VALID

ORIGINAL = (VALID / "basics" / "what-is-lambda.yml").read_bytes()
PARSED = yaml.safe_load(ORIGINAL)
LINE = re.compile(r"^\S+:\d+:\d+: LG\d{3} \S")
SPECIAL = [
    b"",
    b"\xef\xbb\xbf",
    b"a: &a [" + b"*a, " * 10 + b"]\n",  # alias bomb
    b"x: " + b"[" * 3000 + b"]" * 3000 + b"\n",  # deep nesting
    b"answer: " + b"x" * 900_000 + b"\n",  # huge string
    b"\xff\xfe" + "id: x".encode("utf-16-le"),  # not UTF-8
    b"\x00\x01\x02",
    b"!!binary aGVsbG8=\n",
    b"--- \n--- \n",
]


def _mutated_yaml(drop: list[str], retype: dict[str, object], extra: dict[str, object]) -> bytes:
    data = {k: v for k, v in PARSED.items() if k not in drop}
    data.update(retype)
    data.update(extra)
    return yaml.safe_dump(data, allow_unicode=True).encode()


keys = st.sampled_from(sorted(PARSED))
values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
CONTENT = st.one_of(
    st.binary(max_size=3000),
    st.builds(lambda i, b: ORIGINAL[:i] + b + ORIGINAL[i:], st.integers(0, len(ORIGINAL)), st.binary(min_size=1, max_size=40)),
    st.builds(lambda i, n: ORIGINAL[:i] + ORIGINAL[i + n :], st.integers(0, len(ORIGINAL)), st.integers(1, 400)),
    st.builds(_mutated_yaml, st.lists(keys, max_size=4), st.dictionaries(keys, values, max_size=3), st.dictionaries(st.text(min_size=1, max_size=10), values, max_size=2)),
    st.sampled_from(SPECIAL),
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=CONTENT)
def test_check_always_ends_with_success_or_positioned_errors(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "content"
        shutil.copytree(VALID, content)
        (content / "basics" / "what-is-lambda.yml").write_bytes(data)
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            code = main(["check", str(content)])
        peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    lines = out.getvalue().splitlines()
    assert code in (0, 1), out.getvalue()[-500:]
    assert "Traceback" not in out.getvalue()
    assert peak_kib < 1024 * 1024, "check used more than 1 GiB"
    if code == 1:
        assert lines[:-1] and all(LINE.match(line) for line in lines[:-1]), lines[:3]
        assert re.fullmatch(r"\d+ problems? in \d+ files?", lines[-1])
    else:
        assert lines[-1] == "content OK: 4 questions in 2 categories, 2 facts, 4 tags, 1 diagram"
        assert all(line.startswith("diagrams: ") for line in lines[:-1]), lines  # without a browser, it says so
