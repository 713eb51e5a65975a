"""The Anki deck: an Anki collection (SQLite in a zip) with one note per question that updates on re-import."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import os
import sqlite3
import subprocess
import zipfile
from pathlib import Path

import genanki
import pytest

from generator import anki, urls
from generator.loader import load_guide
from generator.models import Guide
from tests.conftest import VALID, build_site, make_project, run_module

# The note type is frozen: Anki reports notes of a changed type under the same id as conflicts and does not
# update them. Change the fields or templates only together with a new NOTE_TYPE name, then record it here.
FROZEN = {"LG Interview Question v1": "d41eb8388988"}


def _open(apkg: bytes, tmp_path: Path) -> sqlite3.Connection:
    with zipfile.ZipFile(io.BytesIO(apkg)) as archive:
        assert archive.namelist() == ["collection.anki2", "media"]
        (tmp_path / "collection.anki2").write_bytes(archive.read("collection.anki2"))
    return sqlite3.connect(tmp_path / "collection.anki2")


@pytest.fixture(scope="module")
def guide() -> Guide:
    return load_guide(VALID)


def _deck(guide: Guide, **mod: int) -> bytes:
    times = {q.id: 1_790_000_000 for q in guide.questions} | mod
    return anki.deck(guide, "https://example.org/guide/", times)


def test_one_note_per_question_with_guids_from_the_ids_in_a_deck_per_category(guide: Guide, tmp_path: Path) -> None:
    db = _open(_deck(guide), tmp_path)
    notes = db.execute("SELECT guid, flds FROM notes").fetchall()
    assert sorted(guid for guid, _ in notes) == sorted(genanki.guid_for(guide.site.title, q.id) for q in guide.questions)
    assert sorted(flds.split("\x1f")[0] for _, flds in notes) == sorted(q.id for q in guide.questions)
    decks = {d["name"] for d in json.loads(db.execute("SELECT decks FROM col").fetchone()[0]).values()}
    assert {f"{guide.site.title}::{c.title}" for c in guide.categories} <= decks
    models = json.loads(db.execute("SELECT models FROM col").fetchone()[0])
    assert [(m["name"], [f["name"] for f in m["flds"]]) for m in models.values()] == [(anki.NOTE_TYPE, list(anki.FIELDS))]
    link = next(flds for _, flds in notes if flds.startswith(guide.questions[0].id + "\x1f")).split("\x1f")[anki.FIELDS.index("Link")]
    assert link == f"https://example.org/guide/{guide.questions[0].category}.html#{guide.questions[0].id}"


def test_the_note_type_is_frozen() -> None:
    shape = hashlib.sha256(json.dumps([anki.FIELDS, anki.FRONT, anki.BACK]).encode()).hexdigest()[:12]
    assert FROZEN.get(anki.NOTE_TYPE) == shape, "fields or templates changed: give NOTE_TYPE a new name (v2) and record it in FROZEN"


def test_an_edited_answer_keeps_its_guid_and_carries_a_newer_time(guide: Guide, tmp_path: Path) -> None:
    q = guide.questions[0]
    edited = dataclasses.replace(guide, questions=(dataclasses.replace(q, short=q.short + " Edited."), *guide.questions[1:]))
    (tmp_path / "a").mkdir()
    db = _open(_deck(edited, **{q.id: 1_800_000_000}), tmp_path / "a")
    guid = genanki.guid_for(guide.site.title, q.id)
    mod, flds = db.execute("SELECT mod, flds FROM notes WHERE guid = ?", (guid,)).fetchone()
    assert "Edited." in flds and mod == 1_800_000_000
    assert db.execute("SELECT count(*) FROM notes WHERE mod = 1790000000").fetchone()[0] == len(guide.questions) - 1


def test_the_same_content_gives_the_same_bytes(guide: Guide) -> None:
    assert _deck(guide) == _deck(load_guide(VALID))


def test_a_note_takes_the_time_of_the_last_commit_that_touched_its_file(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    subprocess.run(["cp", "-r", str(VALID), str(repo)], check=True)
    guide = load_guide(repo)
    first, second = guide.questions[0], guide.questions[1]

    def commit(stamp: int, message: str) -> None:
        env = {**os.environ, "GIT_AUTHOR_DATE": f"@{stamp} +0000", "GIT_COMMITTER_DATE": f"@{stamp} +0000"}
        for args in (["add", "-A"], ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", message]):
            subprocess.run(["git", *args], cwd=repo, env=env, check=True)

    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    commit(1_700_000_000, "all")
    path = next(repo.rglob(f"{second.id}.yml"))
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    commit(1_750_000_000, "edit one")
    times = anki.times(repo, guide)
    assert (times[first.id], times[second.id]) == (1_700_000_000, 1_750_000_000)


@pytest.mark.browser  # the diagram must be drawn at build time
def test_make_site_step_writes_the_deck_with_drawn_diagrams_and_shows_its_link(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", VALID)
    assert build_site(project).returncode == 0
    home = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert '<p class="lg-anki" hidden>' in home and urls.DATA_ANKI not in home  # no deck yet: no link to a missing file
    result = run_module("anki", "--site", "site", "--content", "content", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    home = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert '<p class="lg-anki">' in home and f'<a href="{urls.DATA_ANKI}" download>' in home
    db = _open((project / "site" / urls.DATA_ANKI).read_bytes(), tmp_path)
    diagrams = [flds.split("\x1f")[anki.FIELDS.index("Diagram")] for (flds,) in db.execute("SELECT flds FROM notes")]
    assert any(d.startswith("<svg") for d in diagrams), "the fixture's diagram was not drawn into its note"
