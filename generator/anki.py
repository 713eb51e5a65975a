"""The Anki deck: one note per question, one subdeck per category, in an `.apkg` that re-imports as an update.

Re-importing an updated deck updates notes instead of duplicating them, because each note's GUID comes from its
question id and the note type is frozen (a field change needs a new NOTE_TYPE name, and with it a new model id).
Anki updates a note only when the incoming one is newer, so each note's `mod` is the time its file last changed
(from git, else its `reviewed` date). Diagrams are the SVGs drawn at build time, inline, coloured by the note
type's CSS in both Anki themes. The same commit gives the same bytes: ids, times and zip entries are all fixed.
Runs after the site is built (`python -m generator anki`), like the PDFs; genanki and Markdown are site extras.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import io
import itertools
import sqlite3
import subprocess
import tempfile
import zipfile
from pathlib import Path

from generator import mermaid, urls
from generator.dataset import export
from generator.models import Guide

NOTE_TYPE = "LG Interview Question v1"  # frozen: rename (v2) whenever FIELDS or the templates change
FIELDS = ("Id", "Question", "Short", "KeyPoints", "FollowUps", "Pitfalls", "Diagram", "Difficulty", "Category", "Link", "Sources")
FRONT = '<div class="lg-meta">{{Category}} · {{Difficulty}}</div><div class="lg-question">{{Question}}</div>'
BACK = (
    '{{FrontSide}}<hr id="answer"><div class="lg-short">{{Short}}</div>'
    "<h4>Key points</h4>{{KeyPoints}}{{#Diagram}}<div class=\"lg-diagram\">{{Diagram}}</div>{{/Diagram}}"
    "<h4>Follow-ups</h4>{{FollowUps}}<h4>Pitfalls</h4>{{Pitfalls}}"
    '<p class="lg-link"><a href="{{Link}}">Full answer in the guide</a></p><div class="lg-sources">{{Sources}}</div>'
)
_LIGHT = {"node-bg": "#e8eaf6", "node-fg": "#3f51b5", "edge": "#424242", "label-fg": "#212121", "label-bg": "#ffffff"}
_DARK = {"node-bg": "#2e3150", "node-fg": "#8c9eff", "edge": "#bdbdbd", "label-fg": "#eeeeee", "label-bg": "#1e1e1e"}


def _palette(colours: dict[str, str], bg: str, fg: str) -> str:
    names = {f"--md-mermaid-{k}-color": v for k, v in colours.items()}
    for part in ("actor", "actorman", "box", "label", "loop", "message", "note", "number"):
        names |= {f"--md-mermaid-sequence-{part}-{x}-color": colours["node-fg" if x in ("border", "line") else "node-bg" if x == "bg" else "label-fg"] for x in ("bg", "fg", "border", "line")}
    names |= {"--md-mermaid-font-family": "sans-serif", "--md-default-bg-color": bg, "--md-default-fg-color--lighter": fg + "52", "--md-default-fg-color--lightest": fg + "12"}
    return ";".join(f"{k}:{v}" for k, v in sorted(names.items()))


CSS = (
    f".card{{font-family:sans-serif;font-size:18px;text-align:left;line-height:1.45;color:#212121;background:#fff;{_palette(_LIGHT, '#ffffff', '#000000')}}}"
    f".card.nightMode,.nightMode .card{{color:#eeeeee;background:#1e1e1e;{_palette(_DARK, '#1e1e1e', '#ffffff')}}}"
    ".lg-meta{font-size:.75em;opacity:.7}.lg-question{font-weight:bold;font-size:1.15em}.lg-diagram svg{max-width:100%;height:auto}"
    ".lg-sources,.lg-link{font-size:.8em}code{font-size:.9em}"
)


def stable_id(*parts: str) -> int:
    """A fixed integer id for a model or deck, never random (Anki keys its objects by these)."""
    return int(hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:8], 16) | 1 << 30


def times(content: Path, guide: Guide) -> dict[str, int]:
    """When each question's file last changed: its last commit, else the start of its `reviewed` day (UTC)."""
    found: dict[str, int] = {}
    try:
        log = subprocess.run(["git", "log", "--format=@%ct", "--name-only", "--", "."], cwd=content, capture_output=True, text=True, check=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        log = ""
    stamp = 0
    for line in log.splitlines():
        if line.startswith("@"):
            stamp = int(line[1:])
        elif line.strip():
            found.setdefault(Path(line).stem, stamp)  # newest first: the first time a file appears is its last change
    reviewed = {q.id: int(dt.datetime.combine(q.reviewed, dt.time(), dt.UTC).timestamp()) for q in guide.questions}
    return {q.id: found.get(q.id, reviewed[q.id]) for q in guide.questions}


def deck(guide: Guide, site_url: str, mod: dict[str, int], diagrams: Path | None = None) -> bytes:
    """The `.apkg` file's bytes."""
    import genanki
    import markdown

    def md(text: str) -> str:
        return markdown.markdown(text, extensions=["tables", "fenced_code"], output_format="html")

    def items(texts: list[str]) -> str:
        return "<ul>" + "".join(f"<li>{md(t).removeprefix('<p>').removesuffix('</p>')}</li>" for t in texts) + "</ul>"

    model = genanki.Model(
        stable_id(NOTE_TYPE), NOTE_TYPE, fields=[{"name": f} for f in FIELDS], templates=[{"name": "Recall", "qfmt": FRONT, "afmt": BACK}], css=CSS
    )
    data = export(guide)
    decks = {c.id: genanki.Deck(stable_id(guide.site.title, c.id), f"{guide.site.title}::{c.title}") for c in guide.categories}
    by_id = {q.id: q for q in guide.questions}
    for record in data["questions"]:
        q = by_id[record["id"]]
        svg = _svg(mermaid.titled(q.diagram, q.title), diagrams) if q.diagram else ""  # drawn titled, as on the page
        fields = {
            "Id": q.id,
            "Question": html.escape(q.title),
            "Short": md(record["short"]),
            "KeyPoints": items(record["key_points"]),
            "FollowUps": "".join(f"<details><summary>{md(f['question'])}</summary>{md(f['answer'])}</details>" for f in record["follow_ups"]),
            "Pitfalls": items(record["red_flags"] or record["pitfalls"]),
            "Diagram": svg,
            "Difficulty": q.difficulty,
            "Category": html.escape(record["category_title"]),
            "Link": html.escape(site_url.rstrip("/") + "/" + record["url"], quote=True),
            "Sources": "<br>".join(f'<a href="{html.escape(s["url"], quote=True)}">{html.escape(s["title"])}</a>' for s in record["sources"]),
        }
        note = genanki.Note(model=model, fields=[fields[f] for f in FIELDS], guid=genanki.guid_for(guide.site.title, q.id), tags=[q.category, q.difficulty, *q.tags])
        decks[q.category].add_note(note)
    return _package(list(decks.values()), mod, by_id)


def _svg(source: str, cache: Path | None) -> str:
    """The drawn diagram, or its source when the build could not draw it (Anki cannot run Mermaid)."""
    path = cache / f"{mermaid.key(source)}.svg" if cache else None
    if path and path.is_file():
        return path.read_text(encoding="utf-8")
    return f'<pre class="lg-mermaid">{html.escape(source)}</pre>'


def _package(decks: list[object], mod: dict[str, int], questions: dict[str, object]) -> bytes:
    import genanki

    newest = max(mod.values(), default=0)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "collection.anki2"
        conn = sqlite3.connect(db)
        genanki.Package(decks).write_to_db(conn.cursor(), newest, itertools.count(newest * 1000))
        for deck_ in decks:
            for note in deck_.notes:  # type: ignore[attr-defined]
                conn.execute("UPDATE notes SET mod = ? WHERE guid = ?", (mod[note.fields[0]], note.guid))
        conn.commit()
        conn.execute("VACUUM")
        conn.close()
        blob = db.read_bytes()
    out = io.BytesIO()
    moment = dt.datetime.fromtimestamp(max(newest, 315532800), dt.UTC).timetuple()[:6]  # zip dates start in 1980
    with zipfile.ZipFile(out, "w") as archive:
        for name, payload in (("collection.anki2", blob), ("media", b"{}")):
            info = zipfile.ZipInfo(name, date_time=moment)
            info.compress_type, info.external_attr = zipfile.ZIP_DEFLATED, 0o644 << 16
            archive.writestr(info, payload)
    return out.getvalue()


def write(content: Path, guide: Guide, site: Path, site_url: str) -> Path:
    """Write the deck into the built site (`site/data/<name>.apkg`) and show its link on the home page."""
    target = site / urls.DATA_ANKI
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(deck(guide, site_url, times(content, guide), mermaid.cache_for(content.absolute().parent)))
    home = site / "index.html"
    if home.is_file():
        text = home.read_text(encoding="utf-8")
        text = text.replace('<p class="lg-anki" hidden>', '<p class="lg-anki">')  # until now it linked nowhere
        home.write_text(text.replace("<a data-lg-anki download>", f'<a href="{urls.DATA_ANKI}" download>'), encoding="utf-8")
    return target
