"""The code blocks of the guide's content, each with where it is written: file, line of its first code line, and
the indentation the YAML block scalar adds, so a problem on line N of a block is reported at its file line."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from generator.loader import Loaded
from generator.problems import Problem
from generator.references import place

FENCE_RE = re.compile(r"^(?P<indent>[ \t]*)```[ \t]*(?P<lang>[A-Za-z0-9_+-]*)(?P<info>[^\n]*)\n(?P<code>.*?)^(?P=indent)```[ \t]*$", re.S | re.M)
TITLE_RE = re.compile(r'title="([^"]*)"')
FRAGMENT = "Fragment:"  # a block titled "Fragment: why" is checked for syntax only, and says why on the page


@dataclass(frozen=True)
class Block:
    question: str  # question id, or the file name for the study plan
    index: int  # 1-based, among the blocks of the same question and language
    lang: str
    title: str
    code: str
    path: str
    line: int  # file line of the first code line
    indent: int  # columns the file adds before each code line

    @property
    def fragment(self) -> str:
        """The reason a block cannot run alone, or ""."""
        return self.title.removeprefix(FRAGMENT).strip() if self.title.startswith(FRAGMENT) else ""

    def problem(self, line: int, col: int, code: str, message: str, hint: str = "") -> Problem:
        """A problem at `line`, `col` of the block (1-based), placed in its file."""
        return Problem(self.path, self.line + max(line, 1) - 1, self.indent + max(col, 1), code, message, hint)


def collect(loaded: Loaded, root: Path) -> list[Block]:
    """Every fenced code block except Mermaid diagrams, in guide order."""
    blocks: list[Block] = []
    docs = {doc.data["id"]: doc for doc in loaded.files.questions}
    for q in loaded.guide.questions:
        doc = docs[q.id]
        for at, text in q.texts():
            # a Markdown field with code is a block scalar (`answer: |`): its text starts on the line after the key
            blocks += _blocks(q.id, text, doc.text, doc.path, doc.pos(at)[0] + 1, blocks)
    plan = loaded.files.study_plan
    if plan:
        blocks += _blocks(Path(plan.path).name, plan.text, plan.text, plan.path, 1, blocks)
    return blocks


def _blocks(owner: str, text: str, file_text: str, path: str, from_line: int, earlier: list[Block]) -> list[Block]:
    found = []
    for match in FENCE_RE.finditer(text):
        lang = match["lang"].lower()
        if lang == "mermaid" or not match["code"].strip():
            continue
        title = TITLE_RE.search(match["info"])
        first = next(row for row in match["code"].splitlines() if row.strip())
        offset = match["code"].splitlines().index(first)
        where = place(file_text, from_line, text, match.start("code"))
        indent = where[1] - 1 - (len(first) - len(first.lstrip()))
        index = 1 + sum(1 for b in [*earlier, *found] if b.question == owner and b.lang == lang)
        found.append(Block(owner, index, lang, title[1] if title else "", match["code"], path, where[0] - offset, indent))
    return found
