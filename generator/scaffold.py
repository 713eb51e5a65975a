"""`python -m generator new`: scaffold a question file with every field to fill, in the right folder."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from generator.models import FIELDS, KINDS
from generator.schema import load_schema

ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MAX_ID = 60  # ids made from a title stop at a word boundary before this length
MAX_ID_LENGTH = load_schema("question")["properties"]["id"]["maxLength"]


class ScaffoldError(Exception):
    """The question cannot be created; the message says why and what to do."""


def slugify(title: str) -> str:
    """`What is provisioned concurrency?` -> `what-is-provisioned-concurrency` (at most 60 characters)."""
    words = re.findall(r"[a-z0-9]+", title.lower().replace("'", ""))
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > MAX_ID:
            break
        slug = candidate
    return slug


def _yaml_text(text: str) -> str:
    """A YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def scaffold(category: str, title: str, kind: str, qid: str, today: dt.date, related: list[str]) -> str:
    """The text of a new question file: the fields of the field table (generator.models) that a question of
    `kind` has, in file order; every TODO must be replaced before `check` passes."""
    values = {"id": qid, "title": _yaml_text(title), "category": category, "kind": kind, "related": ", ".join(related), "today": today.isoformat()}
    lines = [
        "# yaml-language-server: $schema=../../generator/schemas/question.schema.json",
        "# New question: replace every TODO, then run `make check` and `make serve` (see CONTRIBUTING.md).",
    ]
    for f in FIELDS:
        if f.metadata["scaffold"] and kind in f.metadata["new_for"]:
            lines.append(f.metadata["scaffold"].format(**values) if "{" in f.metadata["scaffold"] else f.metadata["scaffold"])
    return "\n".join(lines) + "\n"


def new_question(content: Path, category: str, title: str, kind: str, qid: str | None = None, today: dt.date | None = None) -> Path:
    """Write content/<category>/<id>.yml; refuse to overwrite a file or reuse an id."""
    folder = content / category
    if not (folder / "_category.yml").is_file():
        known = sorted(p.parent.name for p in content.glob("*/_category.yml"))
        raise ScaffoldError(f"unknown category {category!r}; use one of: {', '.join(known)}")
    if kind not in KINDS:
        raise ScaffoldError(f"unknown kind {kind!r}; use one of: {', '.join(KINDS)}")
    if not title.strip():
        raise ScaffoldError("the title is empty; pass the question as an interviewer would ask it")
    qid = qid or slugify(title)
    if not ID_RE.fullmatch(qid) or len(qid) > MAX_ID_LENGTH:
        raise ScaffoldError(f"id {qid!r} is not a lowercase slug; pass --id like `cold-start-basics`")
    taken = [p for p in content.glob(f"*/{qid}.y*ml")]
    if taken:
        raise ScaffoldError(f"id {qid!r} is already used by {taken[0]}; pass another --id")
    path = folder / f"{qid}.yml"
    # two existing questions from the same category (or any), so the file is checkable at once
    siblings = sorted(p.stem for p in folder.glob("*.yml") if not p.name.startswith("_"))
    others = sorted(p.stem for p in content.glob("*/*.yml") if not p.name.startswith("_") and p.stem not in siblings)
    text = scaffold(category, title.strip(), kind, qid, today or dt.date.today(), (siblings + others)[:2])
    with path.open("x", encoding="utf-8") as handle:  # "x": never overwrite
        handle.write(text)
    return path
