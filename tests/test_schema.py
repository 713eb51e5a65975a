"""The schema fast path (`_surely_valid`) never calls a file valid that jsonschema rejects, and does call the
valid content valid (else it would save nothing): every error message still comes from jsonschema."""

from __future__ import annotations

import jsonschema
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.schema import _surely_valid, load_schema
from generator.yamlfile import read_yaml
from tests.conftest import FIXTURES, ROOT

SCHEMA_OF = {"site.yml": "site", "tags.yml": "tags", "facts.yml": "facts", "_category.yml": "category"}
FILES = sorted([*FIXTURES.rglob("*.yml"), *(ROOT / "content").rglob("*.yml")])


def _jsonschema_valid(data: object, name: str) -> bool:
    return not list(jsonschema.Draft202012Validator(load_schema(name)).iter_errors(data))


def test_fast_path_agrees_with_jsonschema_on_every_fixture_and_content_file() -> None:
    checked = 0
    for path in FILES:
        doc, _ = read_yaml(path, str(path))
        if doc is None:
            continue
        name = SCHEMA_OF.get(path.name, "question")
        expected = _jsonschema_valid(doc.data, name)
        assert _surely_valid(doc.data, load_schema(name)) == expected, path.relative_to(ROOT)
        checked += 1
    assert checked > 50


QUESTION = read_yaml(FIXTURES / "valid" / "basics" / "what-is-lambda.yml", "q.yml")[0].data  # type: ignore[union-attr]
values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-3, 300)
    | st.floats(allow_nan=False)
    | st.text(max_size=30)
    | st.sampled_from(["mid", "concept", "cold-start", "Bad Slug"]),
    lambda inner: (
        st.lists(inner, max_size=9) | st.dictionaries(st.sampled_from(["title", "url", "question", "answer", "x"]), inner, max_size=3)
    ),
    max_leaves=10,
)


@settings(max_examples=300, deadline=None)
@given(field=st.sampled_from([*sorted(QUESTION), "order", "star", "diagram", "extra"]), value=values, drop=st.booleans())
def test_fast_path_never_accepts_what_jsonschema_rejects(field: str, value: object, drop: bool) -> None:
    data = {k: v for k, v in QUESTION.items() if not (drop and k == field)}
    if not drop:
        data[field] = value
    if _surely_valid(data, load_schema("question")):
        assert _jsonschema_valid(data, "question"), (field, value)
