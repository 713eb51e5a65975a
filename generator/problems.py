"""Problems found in content: one dataclass, one exception, and the rule-code table."""

from __future__ import annotations

from dataclasses import dataclass

# Every rule code, its one-line meaning. CONTRIBUTING.md lists the same table; a test keeps them in step.
CODES: dict[str, str] = {
    "LG001": "YAML does not parse",
    "LG002": "file is empty or not a mapping",
    "LG003": "file is not valid UTF-8 text",
    "LG004": "duplicate key in a mapping",
    "LG005": "YAML anchors, aliases and tags are not allowed",
    "LG010": "required field missing",
    "LG011": "unknown field",
    "LG012": "value has the wrong type or form",
    "LG020": "duplicate id",
    "LG021": "id does not match the file name",
    "LG022": "unknown category",
    "LG023": "category does not match the folder",
    "LG024": "related id does not exist",
    "LG025": "unknown tag",
    "LG026": "unknown fact key",
    "LG027": "unknown question in a {q:...} link",
    "LG028": "question lists itself as related",
    "LG030": "invalid date",
    "LG031": "URL is not https",
    "LG032": "scenario has no diagram",
    "LG033": "behavioral fields missing or misplaced",
    "LG034": "answer too short for its kind",
    "LG035": "empty text",
    "LG036": "missing content file",
    "LG037": "placeholder text left in",
    "LG040": "HTML tag not allowed",
    "LG041": "event handler attribute in HTML",
    "LG042": "unsafe URL scheme (javascript:, data:, vbscript:)",
    "LG043": "Mermaid click, callback or init directive",
    "LG044": "Mermaid cannot draw the diagram",
    "LG045": "drawn diagram contains active content",
    "LG050": "warning: reviewed or checked more than 12 months ago",
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

    def format(self) -> str:
        """`path:line:col: CODE message - hint` on one line: the form editors and CI annotations understand."""
        text = f"{self.path}:{self.line}:{self.col}: {self.code} {_printable(self.message)}"
        return f"{text} - {_printable(self.hint)}" if self.hint else text

    def annotation(self) -> str:
        """The same problem as a GitHub Actions workflow command."""
        message = self.format().split(": ", 1)[1].replace("%", "%25").replace("\n", "%0A")
        return f"::error file={self.path},line={self.line},col={self.col},title={self.code}::{message}"


class ContentError(Exception):
    """Raised when content has problems; carries all of them, sorted."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(f"{len(self.problems)} problem(s) in content")
