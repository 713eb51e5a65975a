"""`python -m tests.examples [CONTENT_DIR]` (`make examples`): check every code example; exit 1 on any problem."""

from __future__ import annotations

import sys
from pathlib import Path

from generator.problems import ContentError
from tests.examples import check


def main(argv: list[str]) -> int:
    content = Path(argv[0] if argv else "content")
    try:
        report = check(content)
    except ContentError as err:
        for problem in err.problems:
            print(problem.format())
        print("fix the content first (make check)")
        return 1
    for problem in report.problems:
        print(problem.format())
    for line in report.summary():
        print(line)
    files = len({p.path for p in report.problems})
    print(f"{len(report.problems)} problem{'s' if len(report.problems) != 1 else ''} in {files} file{'s' if files != 1 else ''}" if report.problems else "examples OK")
    return 1 if report.problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
