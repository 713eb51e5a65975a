"""Rules for untrusted content: pull requests come from strangers and the site is published under the
project's name, so Markdown may carry only a few harmless HTML tags, links only safe schemes, and Mermaid
no interactivity or configuration changes.

Each finding is (code, message, hint, offending text); the caller turns the text into a position.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from html.parser import HTMLParser

from generator.references import FENCE_RE, INLINE_CODE_RE

ALLOWED_TAGS = frozenset({"kbd", "sub", "sup", "br", "small", "mark"})
_TAG_RE = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9:-]*)((?:[\s/][^<>]*)?)>")
_COMMENT_RE = re.compile(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<![a-zA-Z][^>]*>|<\?.*?\?>", re.S)
_EVENT_ATTR_RE = re.compile(r"(?:^|[\s/\"'])on[a-z]+\s*=", re.I)
_URL_ATTR_RE = re.compile(r"\b(?:href|src|action|formaction|xlink:href|poster|data)\s*=\s*([\"']?)([^\"'\s>]*)", re.I)
_MD_LINK_RE = re.compile(r"\]\(\s*<?([^)\s>]*)")
_MD_REF_RE = re.compile(r"^\s*\[[^\]]+\]:\s*<?(\S+)", re.M)
_AUTOLINK_RE = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^<>\s]*)>")
_BAD_SCHEMES = ("javascript:", "data:", "vbscript:")
_MERMAID_CLICK_RE = re.compile(r"^\s*(click|callback)\b", re.I | re.M)
_MERMAID_INIT_RE = re.compile(r"%%\s*\{.*?\}\s*%%", re.S)

Finding = tuple[str, str, str, str]


def _prose(text: str) -> str:
    """`text` with fenced and inline code blanked out (same length, so offsets stay true)."""
    out, in_fence = [], False
    for line in text.splitlines(keepends=True):
        if FENCE_RE.match(line):
            in_fence = not in_fence
            out.append(" " * (len(line) - 1) + ("\n" if line.endswith("\n") else " "))
        elif in_fence:
            out.append("".join(c if c == "\n" else " " for c in line))
        else:
            out.append(INLINE_CODE_RE.sub(lambda m: " " * len(m.group(0)), line))
    return "".join(out)


def _bad_url(url: str) -> bool:
    cleaned = re.sub(r"[\s\x00-\x1f]+", "", html.unescape(url)).lower()
    return cleaned.startswith(_BAD_SCHEMES)


def markdown_findings(text: str) -> Iterator[Finding]:
    """Unsafe HTML and URLs in a Markdown text (code is exempt: Markdown escapes it)."""
    if "<" not in text and "](" not in text and "]:" not in text:
        return  # no tag, comment, autolink, link or link reference: nothing to check (most texts)
    prose = _prose(text)
    for match in _COMMENT_RE.finditer(prose):
        yield ("LG040", "HTML comments and declarations are not allowed", "remove it", text[match.start() : match.end()][:40])
    for match in _TAG_RE.finditer(prose):
        if match.group(1) or _AUTOLINK_RE.fullmatch(match.group(0)):  # closing tags; autolinks are checked below
            continue
        name, attrs = match.group(2).lower(), match.group(3)
        token = text[match.start() : match.end()]
        if name not in ALLOWED_TAGS:
            yield ("LG040", f"HTML tag <{name}> is not allowed", f"use Markdown, or only {', '.join(sorted(ALLOWED_TAGS))}; write code in backticks", token[:40])
        if _EVENT_ATTR_RE.search(attrs):
            yield ("LG041", f"event handler attribute in <{name}>", "remove the on...= attribute", token[:40])
        for url_match in _URL_ATTR_RE.finditer(attrs):
            if _bad_url(url_match.group(2)):
                yield ("LG042", f"unsafe URL scheme in <{name}>", "link only to https:// pages", token[:40])
    for regex in (_MD_LINK_RE, _MD_REF_RE, _AUTOLINK_RE):
        for match in regex.finditer(prose):
            if _bad_url(match.group(1)):
                yield ("LG042", f"unsafe link {match.group(1)[:30]!r}", "link only to https:// pages or other questions", text[match.start(1) : match.end(1)][:40])


def mermaid_findings(source: str) -> Iterator[Finding]:
    """Interactivity and configuration changes in Mermaid source."""
    for match in _MERMAID_CLICK_RE.finditer(source):
        yield ("LG043", f"Mermaid `{match.group(1)}` directives are not allowed", "remove the line: diagrams are pictures, not links", match.group(0).strip()[:40])
    for match in _MERMAID_INIT_RE.finditer(source):
        yield ("LG043", "Mermaid %%{init}%% directives are not allowed", "remove it: the site sets Mermaid's configuration", match.group(0)[:40])


# --- Drawn diagrams (generator/mermaid.py): Mermaid's strict mode sanitizes labels; this is the second lock -----
_ACTIVE_TAGS = {"script", "iframe", "object", "embed", "form", "input", "button", "textarea", "select", "link", "meta", "base", "a", "image", "img", "audio", "video", "animate", "set"}
_URL_ATTRS = {"href", "xlink:href", "src", "action", "formaction"}
_STYLE_RE = re.compile(r"@import|expression\s*\(|javascript:|url\(\s*['\"]?(?!#)", re.I)


class _Scan(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _ACTIVE_TAGS:
            self.found.append(f"a <{tag}> element")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"an event handler ({name})")
            elif name in _URL_ATTRS and not (value or "").startswith("#"):
                self.found.append(f"a link ({name})")
            elif name == "style" and value and _STYLE_RE.search(value):
                self.found.append("a style that loads or runs something")
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style and _STYLE_RE.search(data):
            self.found.append("a style that loads or runs something")


def active_content(svg: str) -> str:
    """The first thing in drawn SVG that could run code or load a resource; "" when there is none."""
    scan = _Scan()
    scan.feed(svg)
    scan.close()
    return scan.found[0] if scan.found else ""
