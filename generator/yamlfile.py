"""Read one YAML file into plain Python data plus the source position of every value.

Positions are what make errors useful: `content/x.yml:14:3: LG012 ...`. PyYAML's composer gives
nodes with marks; we convert nodes ourselves so that every key and value keeps its line and column.
Anchors, aliases and custom tags are refused: content never needs them, and aliases are how
"billion laughs" YAML bombs work.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.problems import Problem

Pos = tuple[int, int]  # 1-based line, column
PathKey = tuple[str | int, ...]

MAX_BYTES = 1_000_000  # a question file is a few KB; anything this large is a mistake
MAX_DEPTH = 64  # content nests three levels deep; deeper is a mistake or an attack on the parser


def _too_deep(text: str) -> Pos | None:
    """Position where flow brackets or block indentation nest deeper than MAX_DEPTH (checked before parsing,
    because PyYAML takes time exponential in practice on pathological nesting). The exact scans are slow in
    Python, so they run only on files that could fail them: with more than MAX_DEPTH brackets, or with a run
    of spaces and hyphens longer than MAX_DEPTH indentation levels."""
    if text.count("[") + text.count("{") > MAX_DEPTH:
        found = _deep_brackets(text)
        if found:
            return found
    if _DEEP_INDENT.search(text):
        for number, row in enumerate(text.splitlines(), start=1):
            if len(row) - len(row.lstrip(" -")) > MAX_DEPTH * 2:
                return number, 1
    return None


_DEEP_INDENT = re.compile(f"[ -]{{{MAX_DEPTH * 2 + 1}}}")


def _deep_brackets(text: str) -> Pos | None:
    depth, line, col = 0, 1, 0
    for char in text:
        col += 1
        if char == "\n":
            line, col = line + 1, 0
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return line, col
        elif char in "]}":
            depth = max(depth - 1, 0)
    return None


_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
}


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps dates as text (we validate them ourselves) and refuses aliases."""

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        if self.check_event(AliasEvent):
            event = self.peek_event()
            raise _Refused(event.start_mark, "YAML aliases (*name) are not allowed", "write the value out in full")
        event = self.peek_event()
        if getattr(event, "anchor", None):
            raise _Refused(event.start_mark, "YAML anchors (&name) are not allowed", "remove the anchor")
        return super().compose_node(parent, index)


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


# LibYAML (C) is the fast path, used only for files that parse cleanly and contain no
# anchors or aliases; anything else goes through the pure-Python loader above, so every message and position
# is the same whether or not LibYAML is installed.
_CBase = getattr(yaml, "CSafeLoader", None)
if _CBase is not None:

    class _CLoader(_CBase):  # type: ignore[misc, valid-type]
        pass

    _CLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers


def _compose_fast(text: str) -> Node | None:
    """The document node via LibYAML, or None when LibYAML is missing or the file needs the careful path."""
    if _CBase is None:
        return None
    try:
        # An alias needs an anchor and an anchor needs a `&`: without one, no file needs listing its events.
        if "&" in text:
            for event in yaml.parse(text, Loader=_CLoader):
                if isinstance(event, AliasEvent) or getattr(event, "anchor", None):
                    return None
        return yaml.compose(text, Loader=_CLoader)
    except yaml.YAMLError:
        return None


class _Refused(Exception):
    def __init__(self, mark: Any, message: str, hint: str) -> None:
        super().__init__(message)
        self.mark, self.message, self.hint = mark, message, hint


@dataclass(frozen=True)
class YamlFile:
    """Parsed data of one file, with positions of values (`where`) and of keys (`key_where`)."""

    path: str
    data: Any
    text: str = ""
    where: dict[PathKey, Pos] = field(default_factory=dict)
    key_where: dict[PathKey, Pos] = field(default_factory=dict)

    def pos(self, at: PathKey = ()) -> Pos:
        """Position of the value at `at`, or of its nearest ancestor that has one."""
        while at and at not in self.where:
            at = at[:-1]
        return self.where.get(at, (1, 1))

    def key_pos(self, at: PathKey) -> Pos:
        """Position of the key that holds the value at `at` (falls back to the value)."""
        return self.key_where.get(at) or self.pos(at)

    def problem(self, at: PathKey, code: str, message: str, hint: str = "", *, key: bool = False) -> Problem:
        line, col = self.key_pos(at) if key else self.pos(at)
        return Problem(self.path, line, col, code, message, hint)


def _position(text: str | bytes, offset: int) -> Pos:
    """1-based line and column of a character (or byte) offset."""
    newline = "\n" if isinstance(text, str) else b"\n"
    before = text[:offset]
    return before.count(newline) + 1, len(before) - (before.rfind(newline) + 1) + 1  # type: ignore[arg-type]


def _control_character(shown: str, text: str, err: yaml.reader.ReaderError) -> Problem:
    line, col = _position(text, err.position)
    return Problem(shown, line, col, "LG003", f"character 0x{err.character:02x} is not allowed in YAML", "remove the control character")


def _mark(mark: Any) -> Pos:
    return (mark.line + 1, mark.column + 1)


def read_yaml(path: Path, shown: str) -> tuple[YamlFile | None, list[Problem]]:
    """Parse `path` (reported as `shown`). Returns the file, or None and the problems that stopped it."""
    raw = path.read_bytes()
    if len(raw) > MAX_BYTES:
        return None, [Problem(shown, 1, 1, "LG002", f"file is {len(raw):,} bytes, more than {MAX_BYTES:,}", "split or shorten it")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line, col = _position(raw, err.start)
        return None, [Problem(shown, line, col, "LG003", f"byte 0x{raw[err.start]:02x} is not UTF-8", "save the file as UTF-8")]
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        return None, [Problem(shown, line, 1, "LG003", "file contains a NUL character", "save the file as plain UTF-8 text")]
    deep = _too_deep(text)
    if deep:
        return None, [Problem(shown, deep[0], deep[1], "LG001", f"YAML nests more than {MAX_DEPTH} levels deep", "flatten the structure")]
    fast = _compose_fast(text)
    try:
        loader = _Loader("" if fast is not None else text)
    except yaml.reader.ReaderError as err:
        return None, [_control_character(shown, text, err)]
    try:
        node = fast if fast is not None else loader.get_single_node()
    except _Refused as err:
        line, col = _mark(err.mark)
        return None, [Problem(shown, line, col, "LG005", err.message, err.hint)]
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, col = _mark(mark) if mark else (1, 1)
        what = " ".join(str(part) for part in (err.context, err.problem) if part)
        return None, [Problem(shown, line, col, "LG001", f"YAML does not parse: {what}", "check indentation, colons and quotes near here")]
    except yaml.reader.ReaderError as err:
        return None, [_control_character(shown, text, err)]
    except yaml.YAMLError as err:
        return None, [Problem(shown, 1, 1, "LG001", f"YAML does not parse: {' '.join(str(err).split())[:200]}", "check the file's syntax")]
    except RecursionError:
        return None, [Problem(shown, 1, 1, "LG001", "YAML is nested too deeply", "flatten the structure")]
    finally:
        loader.dispose()
    if node is None:
        return None, [Problem(shown, 1, 1, "LG002", "file is empty", "fill in the fields (see CONTRIBUTING.md)")]
    out = YamlFile(shown, None, text)
    problems: list[Problem] = []
    try:
        data = _convert(node, (), out, problems, loader)
    except RecursionError:
        return None, [Problem(shown, 1, 1, "LG001", "YAML is nested too deeply", "flatten the structure")]
    if not isinstance(data, dict):
        line, col = _mark(node.start_mark)
        problems.append(Problem(shown, line, col, "LG002", "file is not a mapping of fields", "start with `id: ...` lines, one field per line"))
        return None, problems
    return YamlFile(shown, data, text, out.where, out.key_where), problems


def _convert(node: Node, at: PathKey, out: YamlFile, problems: list[Problem], loader: _Loader) -> Any:
    out.where[at] = _mark(node.start_mark)
    if node.tag not in _PLAIN_TAGS:
        line, col = _mark(node.start_mark)
        problems.append(Problem(out.path, line, col, "LG005", f"YAML tag {node.tag!r} is not allowed", "remove the tag"))
        return None
    if isinstance(node, MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                line, col = _mark(key_node.start_mark)
                problems.append(Problem(out.path, line, col, "LG012", "a key must be plain text", "use `name: value`"))
                continue
            key = str(key_node.value)
            if key in result:
                line, col = _mark(key_node.start_mark)
                problems.append(Problem(out.path, line, col, "LG004", f"key {key!r} appears twice", "keep one of them"))
                continue
            out.key_where[at + (key,)] = _mark(key_node.start_mark)
            result[key] = _convert(value_node, at + (key,), out, problems, loader)
        return result
    if isinstance(node, SequenceNode):
        return [_convert(item, at + (i,), out, problems, loader) for i, item in enumerate(node.value)]
    assert isinstance(node, ScalarNode)
    try:
        return loader.yaml_constructors[node.tag](loader, node)
    except (ValueError, yaml.YAMLError):
        return node.value
