"""Rules a JSON Schema cannot express: identity, cross-references, vocabulary, content quality and review age.

Each rule has a code (see generator.problems.RULES) and a failing fixture in tests/fixtures/invalid/.
Rules run only on files that parsed and passed the schema, so one root cause gives one message.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import PurePath
from typing import Any

from generator.files import ContentFiles
from generator.mermaid import blocks as mermaid_blocks
from generator.models import BEHAVIORAL_FIELDS, KINDS, MARKDOWN_FIELDS, URL_FIELDS
from generator.problems import Problem
from generator.references import locate, references, word_count
from generator.safety import markdown_findings, mermaid_findings
from generator.schema import did_you_mean, field_name
from generator.yamlfile import PathKey, YamlFile

# Minimum words in `answer`, by kind: below these an answer cannot meet the quality bar.
MIN_WORDS = dict(zip(KINDS, (100, 350, 150), strict=True))  # concept, scenario, behavioral


def check(loaded: ContentFiles, today: dt.date) -> list[Problem]:
    """Every rule problem across all files that passed the schema: errors, and warnings as of `today`."""
    problems: list[Problem] = []
    tag_ids = [t["id"] for t in loaded.tags.data["tags"]] if loaded.tags else None
    fact_keys = {f["key"] for f in loaded.facts.data["facts"]} if loaded.facts else None
    category_ids = {d.data["id"] for d in loaded.categories} | loaded.broken_categories
    question_ids = {d.data["id"] for d in loaded.questions} | loaded.broken_questions

    problems += _unique(loaded.tags, "tags", "id") + _unique(loaded.facts, "facts", "key")
    for doc in (loaded.site, loaded.tags, loaded.facts, *loaded.categories, *loaded.questions):
        if doc:
            problems += _unsafe(doc)
    for doc in (loaded.site, loaded.tags, loaded.facts):
        if doc:
            problems += _blank_text(doc)
    if loaded.facts:
        problems += _facts(loaded.facts)
    if loaded.site:
        problems += _url(loaded.site, ("repo_url",))
    for doc in loaded.categories:
        problems += _blank_text(doc)
        folder = PurePath(doc.path).parent.name
        if doc.data["id"] != folder:
            problems.append(doc.problem(("id",), "LG021", f"category id `{doc.data['id']}` does not match its folder `{folder}`", f"set `id: {folder}` or rename the folder"))

    seen: dict[str, YamlFile] = {}
    for doc in loaded.questions:
        d = doc.data
        qid = d["id"]
        if qid in seen:
            first = seen[qid]
            problems.append(doc.problem(("id",), "LG020", f"id `{qid}` is already used by {first.path}:{first.pos(('id',))[0]}", "choose another id and rename the file to match"))
        else:
            seen[qid] = doc
        problems += _question(doc, category_ids, question_ids, tag_ids, fact_keys)
    if loaded.study_plan:
        shown, text = loaded.study_plan.path, loaded.study_plan.text
        problems += _references(shown, text, text, 1, question_ids, fact_keys)
        findings = [*markdown_findings(text), *(f for block in mermaid_blocks(text) for f in mermaid_findings(block))]
        problems += [_at(shown, text, 1, finding) for finding in findings]
    return problems + stale(loaded, today)


def _at(shown: str, file_text: str, line: int, finding: tuple[str, str, str, str]) -> Problem:
    code, message, hint, token = finding
    found = locate(file_text, token, line) or (line, 1)
    return Problem(shown, found[0], found[1], code, message, hint)


def _unsafe(doc: YamlFile) -> list[Problem]:
    """Untrusted-content rules on every text of a file: HTML allowlist, safe URLs, inert Mermaid."""
    problems = []
    for at, text in _strings(doc.data, ()):
        if at and at[-1] in URL_FIELDS:
            continue
        line = doc.pos(at)[0]
        findings = mermaid_findings(text) if at == ("diagram",) else markdown_findings(text)
        problems += [_at(doc.path, doc.text, line, f) for f in findings]
        problems += [_at(doc.path, doc.text, line, f) for block in mermaid_blocks(text) for f in mermaid_findings(block)]
    return problems


def _unique(doc: YamlFile | None, key: str, field: str) -> list[Problem]:
    if not doc:
        return []
    problems, seen = [], set()
    for n, item in enumerate(doc.data[key]):
        if item[field] in seen:
            problems.append(doc.problem((key, n, field), "LG020", f"{field} `{item[field]}` appears twice", "keep one entry"))
        seen.add(item[field])
    return problems


def _facts(doc: YamlFile) -> list[Problem]:
    problems = []
    for n in range(len(doc.data["facts"])):
        problems += _url(doc, ("facts", n, "source"))
        problems += _date(doc, ("facts", n, "checked"))
    return problems


def _strings(value: Any, at: PathKey) -> Iterator[tuple[PathKey, str]]:
    if isinstance(value, str):
        yield at, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, at + (key,))
    elif isinstance(value, list):
        for n, item in enumerate(value):
            yield from _strings(item, at + (n,))


def _blank_text(doc: YamlFile) -> list[Problem]:
    problems = []
    for at, text in _strings(doc.data, ()):
        if not text.strip():
            problems.append(doc.problem(at, "LG035", f"`{field_name(at)}` is blank", "write the text or remove the entry"))
        elif "TODO" in text:
            problems.append(doc.problem(at, "LG037", f"`{field_name(at)}` still holds a TODO placeholder", "replace it with real content"))
    return problems


def _value(doc: YamlFile, at: PathKey) -> Any:
    value = doc.data
    for part in at:
        value = value[part]
    return value


def _url(doc: YamlFile, at: PathKey) -> list[Problem]:
    value = _value(doc, at)
    if not str(value).startswith("https://") or len(str(value)) <= len("https://") or any(c.isspace() for c in str(value)):
        return [doc.problem(at, "LG031", f"`{field_name(at)}` is {str(value)[:60]!r}, not an https URL", "use a full https:// address")]
    return []


def _date(doc: YamlFile, at: PathKey) -> list[Problem]:
    value = _value(doc, at)
    try:
        dt.date.fromisoformat(str(value))
        if len(str(value)) != 10:
            raise ValueError
    except ValueError:
        return [doc.problem(at, "LG030", f"`{field_name(at)}` is {str(value)[:40]!r}, not a valid date", "write it as YYYY-MM-DD, for example 2026-11-27")]
    return []


def _question(doc: YamlFile, categories: set[str], questions: set[str], tags: list[str] | None, facts: set[str] | None) -> list[Problem]:
    d = doc.data
    path = PurePath(doc.path)
    problems = _blank_text(doc)
    if d["id"] != path.stem:
        problems.append(doc.problem(("id",), "LG021", f"id `{d['id']}` does not match the file name `{path.name}`", f"rename the file to {d['id']}.yml or set `id: {path.stem}`"))
    if d["category"] not in categories:
        hint = did_you_mean(d["category"], sorted(categories)) or f"use one of: {', '.join(sorted(categories))}"
        problems.append(doc.problem(("category",), "LG022", f"category `{d['category']}` does not exist", hint))
    elif d["category"] != path.parent.name:
        problems.append(doc.problem(("category",), "LG023", f"category `{d['category']}` but the file is in folder `{path.parent.name}`", f"move the file to content/{d['category']}/"))
    for n, rel in enumerate(d["related"]):
        if rel == d["id"]:
            problems.append(doc.problem(("related", n), "LG028", "a question cannot be related to itself", "link other questions"))
        elif rel not in questions:
            hint = did_you_mean(rel, sorted(questions)) or "use the id of an existing question"
            problems.append(doc.problem(("related", n), "LG024", f"related question `{rel}` does not exist", hint))
    if tags is not None:
        for n, tag in enumerate(d["tags"]):
            if tag not in tags:
                hint = did_you_mean(tag, tags, 0.5) or "pick a tag from content/tags.yml or add one there"
                problems.append(doc.problem(("tags", n), "LG025", f"tag `{tag}` is not in content/tags.yml", hint))
    problems += _date(doc, ("reviewed",))
    for n in range(len(d["sources"])):
        problems += _url(doc, ("sources", n, "url"))
    if d["kind"] == "scenario" and not d.get("diagram", "").strip():
        problems.append(doc.problem(("kind",), "LG032", "a scenario needs a `diagram`", "add `diagram: |` with a Mermaid flowchart of the architecture"))
    behavioral = [k for k in BEHAVIORAL_FIELDS if k in d]
    if d["kind"] == "behavioral":
        for key in BEHAVIORAL_FIELDS:
            if key not in d:
                problems.append(doc.problem(("kind",), "LG033", f"a behavioral question needs `{key}`", "add what the interviewer looks for, a STAR outline and red flags"))
    else:
        for key in behavioral:
            problems.append(doc.problem((key,), "LG033", f"`{key}` is only for behavioral questions", "remove it or set `kind: behavioral`", key=True))
    minimum = MIN_WORDS[d["kind"]]
    words = word_count(d["answer"])
    if d["answer"].strip() and words < minimum:
        problems.append(doc.problem(("answer",), "LG034", f"answer has {words} words; a {d['kind']} answer needs at least {minimum}", "explain the how and why, limits and an example (see CONTRIBUTING.md)"))
    for at, text in _strings({k: d[k] for k in MARKDOWN_FIELDS if k in d}, ()):
        if at[-1] not in URL_FIELDS:
            problems += _references(doc.path, doc.text, text, doc.pos(at)[0], questions, facts)
    return problems


def _references(shown: str, file_text: str, text: str, line: int, questions: set[str], facts: set[str] | None) -> list[Problem]:
    problems = []
    for kind, key in references(text):
        token = f"{{{kind}:{key}}}"
        if kind == "fact" and facts is not None and key not in facts:
            code, message = "LG026", f"unknown fact `{key}`"
            hint = did_you_mean(key, sorted(facts), 0.5) or "add the fact to content/facts.yml first"
        elif kind == "q" and key not in questions:
            code, message = "LG027", f"unknown question `{key}` in a link"
            hint = did_you_mean(key, sorted(questions), 0.5) or "use the id of an existing question"
        else:
            continue
        found = locate(file_text, token, line) or (line, 1)
        problems.append(Problem(shown, found[0], found[1], code, message, hint))
    return problems


STALE_AFTER = dt.timedelta(days=365)


def stale(loaded: ContentFiles, today: dt.date) -> list[Problem]:
    """Warnings (not errors) for answers and facts not re-checked against their sources for over a year."""
    warnings = []
    items: list[tuple[YamlFile, PathKey]] = [(doc, ("reviewed",)) for doc in loaded.questions]
    if loaded.facts:
        items += [(loaded.facts, ("facts", n, "checked")) for n in range(len(loaded.facts.data["facts"]))]
    for doc, at in items:
        value = _value(doc, at)
        try:
            when = dt.date.fromisoformat(str(value))
        except ValueError:
            continue
        if today - when > STALE_AFTER:
            warnings.append(doc.problem(at, "LG050", f"`{field_name(at)}` is {when.isoformat()}, more than 12 months ago", "re-check against the AWS sources and update the date"))
    return warnings
