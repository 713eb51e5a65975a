"""The content model: typed, frozen dataclasses, each built from its checked YAML by `from_yaml`.

`Question`'s fields are the field table of the guide: each field says, in its metadata, whether it holds
Markdown (references expand, links render, the untrusted-content rules apply), whether the cheat sheet prints
it, which kinds of question it belongs to, and what `python -m generator new` writes for it. Rules, the
facts-used scan, the print estimate and the scaffold all read this table; the JSON Schema in
generator/schemas/question.schema.json is kept equal to it by tests/test_models.py.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import types
import typing
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

KINDS = ("concept", "scenario", "behavioral")  # "tip" (advice lines from the seed) was retired: advice is a question now
DIFFICULTIES = ("junior", "mid", "senior")
URL_FIELDS = frozenset({"url", "source", "repo_url"})  # addresses, not prose: checked as https URLs (LG031)

PathKey = tuple[str | int, ...]


def spec(
    *, markdown: bool = False, sheet: bool = False, only: tuple[str, ...] = (), scaffold: str = "", new_for: tuple[str, ...] = (), **default: Any
) -> Any:
    """A `Question` field with its table entry. `only`: the kinds the field belongs to (others may not use it;
    these must). `scaffold`: the YAML `generator new` writes, `{kind}`-style placeholders filled in, for the
    kinds in `new_for` (default: `only`, or every kind); a field without one is left out of new files.
    `default`: `default=` for optional fields."""
    meta = {"markdown": markdown, "sheet": sheet, "only": only, "scaffold": scaffold, "new_for": new_for or only or KINDS}
    return dataclasses.field(metadata=meta, **default)


@dataclass(frozen=True)
class Site:
    """Site-wide metadata from content/site.yml."""

    title: str
    tagline: str
    description: str
    repo_url: str
    edit_branch: str


@dataclass(frozen=True)
class Category:
    """A category: one page of questions (content/<id>/_category.yml)."""

    id: str
    title: str
    description: str
    order: int
    path: str = ""  # the file it was read from, as shown in messages


@dataclass(frozen=True)
class Tag:
    """A topic from the controlled vocabulary in content/tags.yml."""

    id: str
    title: str
    kind: str
    description: str


@dataclass(frozen=True)
class Fact:
    """A number that changes, with its AWS source (content/facts.yml)."""

    key: str
    group: str
    title: str
    value: str
    source: str
    checked: dt.date
    note: str = ""


@dataclass(frozen=True)
class FollowUp:
    question: str
    answer: str


@dataclass(frozen=True)
class Source:
    title: str
    url: str


@dataclass(frozen=True)
class Star:
    situation: str
    task: str
    action: str
    result: str


_BEHAVIORAL = ("behavioral",)


@dataclass(frozen=True, kw_only=True)
class Question:
    """One interview question and its model answer (content/<category>/<id>.yml), fields in file order."""

    id: str = spec(scaffold="id: {id}")
    title: str = spec(scaffold="title: {title}")
    category: str = spec(scaffold="category: {category}")
    kind: str = spec(scaffold="kind: {kind}")
    difficulty: str = spec(scaffold="difficulty: mid  # junior | mid | senior")
    tags: tuple[str, ...] = spec(scaffold="tags: [lambda]  # ids from content/tags.yml")
    short: str = spec(markdown=True, sheet=True, scaffold="short: >-\n  TODO: answer the question in one or two sentences (the cheat-sheet line).")
    looking_for: tuple[str, ...] = spec(markdown=True, only=_BEHAVIORAL, default=(), scaffold='looking_for:\n  - "TODO what the interviewer wants to hear"')
    star: Star | None = spec(
        markdown=True, only=_BEHAVIORAL, default=None,
        scaffold='star:\n  situation: "TODO"\n  task: "TODO"\n  action: "TODO"\n  result: "TODO (with a number)"',
    )
    red_flags: tuple[str, ...] = spec(markdown=True, only=_BEHAVIORAL, default=(), scaffold='red_flags:\n  - "TODO what makes an answer weak"')
    answer: str = spec(
        markdown=True,
        scaffold="answer: |\n  TODO: the model answer in Markdown: how and why, limits (numbers from content/facts.yml), an example.",
    )
    diagram: str = spec(default="", new_for=("scenario",), scaffold="diagram: |\n  flowchart TB\n    A[TODO client] --> B[TODO service]")  # Mermaid, not Markdown
    key_points: tuple[str, ...] = spec(
        markdown=True, sheet=True,
        scaffold='key_points:\n  - "TODO first point a reader can recite"\n  - "TODO second point"\n  - "TODO third point (three to seven in all)"',
    )
    follow_ups: tuple[FollowUp, ...] = spec(
        markdown=True, scaffold='follow_ups:\n  - question: "TODO what the interviewer asks next"\n    answer: "TODO a hint of the answer"'
    )
    pitfalls: tuple[str, ...] = spec(markdown=True, scaffold='pitfalls:\n  - "TODO a common wrong or outdated answer"')
    related: tuple[str, ...] = spec(scaffold="related: [{related}]  # at least two ids of the most useful related questions: check these")
    sources: tuple[Source, ...] = spec(
        markdown=True,  # the titles; URLs are addresses (URL_FIELDS)
        scaffold='sources:\n  - title: "TODO AWS documentation page title"\n    url: https://docs.aws.amazon.com/lambda/latest/dg/welcome.html',
    )
    reviewed: dt.date = spec(scaffold="reviewed: {today}")
    path: str = spec(default="")  # the file it was read from, as shown in messages: not a YAML field

    YAML_ONLY: ClassVar[tuple[str, ...]] = ("order",)  # read by the loader (position on the page), not kept

    def texts(self) -> Iterator[tuple[PathKey, str]]:
        """Every Markdown text of the question with its field path, in field order (URLs are not text)."""
        for name in MARKDOWN_FIELDS:
            value = getattr(self, name)
            if isinstance(value, str):
                yield (name,), value
            elif isinstance(value, tuple):
                for n, item in enumerate(value):
                    if isinstance(item, str):
                        yield (name, n), item
                    else:
                        yield from (((name, n, key), getattr(item, key)) for key in _TEXTS[type(item)])
            elif value is not None:
                yield from (((name, key), getattr(value, key)) for key in _TEXTS[type(value)])


# The text fields of the nested records (a question nests one level deep, as its schema does).
_TEXTS = {cls: tuple(f.name for f in dataclasses.fields(cls) if f.name not in URL_FIELDS) for cls in (FollowUp, Source, Star)}


FIELDS: tuple[dataclasses.Field[Any], ...] = tuple(f for f in dataclasses.fields(Question) if f.name != "path")
MARKDOWN_FIELDS = tuple(f.name for f in FIELDS if f.metadata["markdown"])
SHEET_FIELDS = tuple(f.name for f in FIELDS if f.metadata["sheet"])
BEHAVIORAL_FIELDS = tuple(f.name for f in FIELDS if f.metadata["only"] == _BEHAVIORAL)


# --- Building models from checked YAML data ---------------------------------------------------------------
# The schema has already checked types and required fields, so conversion follows each field's annotation:
# text is stripped, dates parsed, lists become tuples, nested mappings their dataclass.


def from_yaml(cls: type[Any], data: dict[str, Any], **extra: Any) -> Any:
    """An instance of the dataclass `cls` from checked YAML `data` (keys that are not fields are ignored)."""
    return cls(**{name: convert(data[name]) for name, convert in _plan(cls) if name in data}, **extra)


@functools.cache
def _plan(cls: type[Any]) -> tuple[tuple[str, Callable[[Any], Any]], ...]:
    """Each field of `cls` with the conversion its annotation calls for, worked out once per class."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, _converter(hints[f.name])) for f in dataclasses.fields(cls))


def _converter(hint: Any) -> Callable[[Any], Any]:
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):  # `X | None`
        return _converter(next(a for a in typing.get_args(hint) if a is not type(None)))
    if origin is tuple:
        item = _converter(typing.get_args(hint)[0])
        return lambda value: tuple(item(v) for v in value or ())
    if dataclasses.is_dataclass(hint):
        return lambda value: from_yaml(hint, value)  # type: ignore[arg-type]
    if hint is dt.date:
        return lambda value: dt.date.fromisoformat(str(value))
    if hint is int:
        return int
    return lambda value: str(value).strip()


@dataclass(frozen=True)
class Guide:
    """Everything the renderer needs, already checked."""

    site: Site
    categories: tuple[Category, ...]
    questions: tuple[Question, ...]
    tags: tuple[Tag, ...]
    facts: tuple[Fact, ...]
    study_plan: str

    def in_category(self, category: str) -> tuple[Question, ...]:
        return tuple(q for q in self.questions if q.category == category)
