"""Render pages into Markdown with the Jinja2 templates in templates/: the environment, its filters, `render`.

Rendering is pure: same guide, same bytes. What a page shows comes from its `Page` (generator.pages); what
links point at comes from generator.urls; lookups come from the `Index`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

import jinja2

from generator import mermaid, urls
from generator.index import Index
from generator.models import Guide, Question
from generator.pages import Page, Plan, fits_one_page
from generator.references import strip_markdown, substitute

_OPTIONS = {"trim_blocks": True, "lstrip_blocks": True, "keep_trailing_newline": True, "autoescape": False}


def environment(index: Index, repository: str) -> jinja2.Environment:
    """The templates with the filters and globals they use; `repository` is where edit and report links go."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator", "templates"),
        auto_reload=False,  # one build, one set of templates: no file system check on each of thousands of pages
        undefined=jinja2.StrictUndefined,
        **_OPTIONS,  # autoescape off: output is Markdown; content is checked by rules, not escaped here
    )
    facts, questions = index.facts, index.questions

    def md(text: str) -> str:
        """Expand {fact:key} and {q:id}: links in prose, plain values inside code."""

        def replace(kind: str, key: str, in_code: bool) -> str:
            if kind == "fact":
                fact = facts[key]
                return fact.value if in_code else f'[{fact.value}]({urls.fact(key)} "{_attr(fact.title)}")'
            return questions[key].title if in_code else link(questions[key])

        return substitute(text, replace)

    def plain(text: str) -> str:
        """Text without Markdown: facts as values, question links as titles (for page descriptions)."""

        def replace(kind: str, key: str, in_code: bool) -> str:
            return facts[key].value if kind == "fact" else questions[key].title

        return strip_markdown(substitute(text, replace))

    def link(q: Question) -> str:
        return f"[{_text(q.title)}]({urls.question(q)})"

    bodies: dict[str, str] = {}  # a question's block is the same on every page that shows it
    fits: dict[str, bool] = {}

    def body(q: Question) -> str:
        if q.id not in bodies:
            bodies[q.id] = env.get_template("_question.md.j2").module.body(q)  # type: ignore[attr-defined]
        return bodies[q.id]

    env.filters.update(
        md=md,
        inline=lambda text: " ".join(md(text).split()),  # for text that must stay on one line (list items, cells)
        plain=plain,
        yaml_str=json.dumps,
        block=block,
        source_label=source_label,
        titled=mermaid.titled,
        titled_fences=mermaid.titled_fences,
        without_diagrams=mermaid.without_diagrams,
    )
    env.globals.update(
        url=urls,
        index=index,
        guide=index.guide,
        link=link,
        links=lambda ids: " · ".join(link(questions[i]) for i in ids),  # links to several questions, by id
        body=body,
        fits_one_page=lambda q: fits[q.id] if q.id in fits else fits.setdefault(q.id, fits_one_page(q)),
        edit_url=lambda q: urls.edit(repository, index.guide.site.edit_branch, q),
        report_url=lambda q: urls.report(repository, q),
    )
    return env


def render_pages(env: jinja2.Environment, pages: Iterable[Page]) -> dict[str, str]:
    out = {}
    for page in pages:
        text = env.get_template(page.template).render(**page.context)
        while "\n\n\n" in text:  # blank lines at most one in a row (str.replace: linear, unlike a backtracking regex)
            text = text.replace("\n\n\n", "\n\n")
        for here in page.anchors_of:  # links to questions shown on this very page stay on it
            text = text.replace(f"]({here}#", "](#")
        out[page.path] = text.rstrip("\n") + "\n"
    return out


def render(guide: Guide, plan: Plan | None = None) -> dict[str, str]:
    """All generated pages of `guide` (those of `plan`, when the caller has made it), keyed by path relative to the
    docs folder."""
    plan = plan or Plan.of(guide)
    return render_pages(environment(plan.index, urls.repo(guide.site.repo_url)), plan.pages)


def block(text: str, width: int = 4) -> str:
    """Indent every line after the first by `width` spaces (for text inside a details block)."""
    pad = " " * width
    return "\n".join(pad + line if line.strip() else "" for line in text.splitlines()).lstrip(" ")


def source_label(url: str) -> str:
    """Readable text for a source link: `docs.aws.amazon.com: configuration-timeout`."""
    parts = [p for p in url.split("/") if p]
    host = parts[1] if len(parts) > 1 else url
    page = parts[-1].removesuffix(".html") if len(parts) > 2 else ""
    return f"{host}: {page}" if page else host


def _text(title: str) -> str:
    """A question title as link text: brackets escaped so the link stays a link."""
    return title.replace("[", r"\[").replace("]", r"\]")


def _attr(text: str) -> str:
    return text.replace('"', "'")
