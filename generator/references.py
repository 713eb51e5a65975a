"""The reference syntax of Markdown fields (`{fact:key}` and `{q:id}`), and the positions of tokens in a file."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

REFERENCE_RE = re.compile(r"\{(fact|q):([^{}\s]*)\}")
FENCE_RE = re.compile(r"^\s*(```|~~~)")
INLINE_CODE_RE = re.compile(r"(`+)(.+?)\1", re.S)

Replace = Callable[[str, str, bool], str]  # (kind "fact" | "q", key, in_code) -> replacement


def references(text: str) -> Iterator[tuple[str, str]]:
    """Every ('fact' | 'q', key) reference in `text`, in order."""
    for match in REFERENCE_RE.finditer(text):
        yield match.group(1), match.group(2)


def substitute(text: str, replace: Replace) -> str:
    """Apply `replace` to every reference (its kind and key), telling it whether the reference sits in code."""
    if "{" not in text:
        return text
    out: list[str] = []
    in_fence = False
    for line in text.splitlines(keepends=True):
        if FENCE_RE.match(line):
            in_fence = not in_fence
            out.append(line)
        elif in_fence:
            out.append(_sub(line, replace, True))
        else:
            out.append(_sub_prose(line, replace))
    return "".join(out)


def _sub(text: str, replace: Replace, in_code: bool) -> str:
    return REFERENCE_RE.sub(lambda m: replace(m.group(1), m.group(2), in_code), text)


def _sub_prose(line: str, replace: Replace) -> str:
    parts, last = [], 0
    for code in INLINE_CODE_RE.finditer(line):
        parts.append(_sub(line[last : code.start()], replace, False))
        parts.append(_sub(code.group(0), replace, True))
        last = code.end()
    parts.append(_sub(line[last:], replace, False))
    return "".join(parts)


def locate(file_text: str, needle: str, from_line: int) -> tuple[int, int] | None:
    """1-based (line, column) of the first `needle` at or after `from_line` in a file's text."""
    lines = file_text.splitlines()
    for number in range(max(from_line, 1), len(lines) + 1):
        col = lines[number - 1].find(needle)
        if col >= 0:
            return number, col + 1
    return None


def place(file_text: str, first_line: int, text: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) in the file of the first non-blank text at or after `offset` in `text`, a value whose
    first line is the file's line `first_line` (a block scalar's text starts on the line after its key; a whole
    Markdown file starts on line 1). Counting lines is exact for block scalars; if the file's line does not hold
    that text (another scalar style), the text is searched for from `first_line` instead."""
    rows = text[offset:].splitlines()
    skipped = next((n for n, row in enumerate(rows) if row.strip()), 0)
    wanted = rows[skipped].strip() if rows else ""
    line = first_line + text.count("\n", 0, offset) + skipped
    file_rows = file_text.splitlines()
    row = file_rows[line - 1] if 0 < line <= len(file_rows) else ""
    if wanted and row.strip() == wanted:
        return line, row.index(wanted) + 1
    return locate(file_text, wanted, first_line) or (first_line, 1)


def word_count(markdown: str) -> int:
    """Words in Markdown, code included (a code example is part of an answer)."""
    return len(re.findall(r"[A-Za-z0-9][A-Za-z0-9'’.-]*", markdown))


def strip_markdown(text: str) -> str:
    """Text without Markdown links and emphasis, on one line (page descriptions, diagram titles)."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return " ".join(re.sub(r"[*_`]", "", text).split())
