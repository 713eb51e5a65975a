"""Problems found in content: the rule table, one dataclass, one exception.

Every problem names a rule of `RULES` (tldr-lint's habit): a code that is not in the table cannot be emitted,
and a rule's severity lives in the table, not in the wording of its messages.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Rule:
    title: str  # one line; CONTRIBUTING.md lists the same table, a test keeps them in step
    severity: Severity = "error"


RULES: dict[str, Rule] = {
    "LG001": Rule("YAML does not parse"),
    "LG002": Rule("file is empty or not a mapping"),
    "LG003": Rule("file is not valid UTF-8 text"),
    "LG004": Rule("duplicate key in a mapping"),
    "LG005": Rule("YAML anchors, aliases and tags are not allowed"),
    "LG010": Rule("required field missing"),
    "LG011": Rule("unknown field"),
    "LG012": Rule("value has the wrong type or form"),
    "LG020": Rule("duplicate id"),
    "LG021": Rule("id does not match the file name"),
    "LG022": Rule("unknown category"),
    "LG023": Rule("category does not match the folder"),
    "LG024": Rule("related id does not exist"),
    "LG025": Rule("unknown tag"),
    "LG026": Rule("unknown fact key"),
    "LG027": Rule("unknown question in a {q:...} link"),
    "LG028": Rule("question lists itself as related"),
    "LG030": Rule("invalid date"),
    "LG031": Rule("URL is not https"),
    "LG032": Rule("scenario has no diagram"),
    "LG033": Rule("behavioral fields missing or misplaced"),
    "LG034": Rule("answer too short for its kind"),
    "LG035": Rule("empty text"),
    "LG036": Rule("missing content file"),
    "LG037": Rule("placeholder text left in"),
    "LG040": Rule("HTML tag not allowed"),
    "LG041": Rule("event handler attribute in HTML"),
    "LG042": Rule("unsafe URL scheme (javascript:, data:, vbscript:)"),
    "LG043": Rule("Mermaid click, callback or init directive"),
    "LG044": Rule("Mermaid cannot draw the diagram"),
    "LG045": Rule("drawn diagram contains active content"),
    "LG060": Rule("code example does not parse"),
    "LG061": Rule("code example fails when run"),
    "LG062": Rule("unknown AWS CLI or SAM CLI command or option"),
    "LG063": Rule("CloudFormation or SAM template problem"),
    "LG064": Rule("IAM policy problem"),
    "LG065": Rule("Step Functions definition problem"),
    "LG066": Rule("code example neither run nor marked as a fragment"),
    "LG050": Rule("reviewed or checked more than 12 months ago", "warning"),
}


def _printable(text: str) -> str:
    """Control and line-separator characters from content shown escaped, so a problem stays one line."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


@dataclass(frozen=True, order=True)
class Problem:
    """One problem at a position in a content file (line and column are 1-based)."""

    path: str
    line: int
    col: int
    code: str
    message: str
    hint: str = ""

    def __post_init__(self) -> None:
        if self.code not in RULES:
            raise ValueError(f"{self.code} is not a rule in generator.problems.RULES")

    @property
    def severity(self) -> Severity:
        return RULES[self.code].severity

    def format(self) -> str:
        """`path:line:col: CODE message - hint` on one line: the form editors and CI annotations understand.
        Warnings say so after the code."""
        label = "warning: " if self.severity == "warning" else ""
        text = f"{self.path}:{self.line}:{self.col}: {self.code} {label}{_printable(self.message)}"
        return f"{text} - {_printable(self.hint)}" if self.hint else text

    def annotation(self) -> str:
        """The same problem as a GitHub Actions workflow command (::error or ::warning)."""
        message = self.format().split(": ", 1)[1].replace("%", "%25").replace("\n", "%0A")
        return f"::{self.severity} file={self.path},line={self.line},col={self.col},title={self.code}::{message}"


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


class ContentError(Exception):
    """Raised when content has errors; carries all of them, sorted."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(f"{len(self.problems)} problem(s) in content")
