"""Hostile input, end to end: the real ``dateline extract`` process over a folder of every bad kind.

Why a subprocess: the promise is about what a journalist sees in a terminal (one stderr line per
bad file or line, naming it and saying why; everything else extracted; exit 0), so the test reads
the real stderr and exit code. The folder is built once per module: the bundled bad fixtures plus
generated ones (a 30 MB single line, scripts in HTML, impossible and ancient dates, JSONL fields
of the wrong type). The events it yields then go through ``dateline export`` and the figure
builder, so an ancient date cannot crash anything downstream.
"""

from __future__ import annotations

import base64
import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from extract import serialize

ROOT = Path(__file__).resolve().parents[2]
BAD = ROOT / "tests" / "fixtures" / "bad"

HTML_WITH_SCRIPTS = """<html><head><title>Summit <script>document.title='pwned'</script></title>
<script>window.__pwned = 1</script></head><body><article>
<h1>Summit <img src=x onerror="window.__pwned=1"></h1>
<p>The summit opened on 12 March 2024 in Brussels. <a href="javascript:alert(1)">Read more</a></p>
<script>window.__pwned = 1; var when = "1 January 2030";</script>
<p>Leaders met again on 14 March 2024.</p></article></body></html>
"""
IMPOSSIBLE = (
    "Impossible dates\n\nThe deal was signed on February 30, 2023. The form dated 31/02/2021 was "
    "rejected. In the year 99999 nothing will happen. The real meeting was on 5 May 2023.\n"
)
ANCIENT = (
    "---\ntitle: Ancient\npublished: 2024-01-10\n---\nThe Battle of Hastings was fought on "
    "1066-10-14. Rome was not built in 2000 BC. The museum reopened on 3 January 2024.\n"
)
WRONG_TYPES = [
    {"id": "typed-good-a", "text": "The council voted on 4 April 2022.", "published": "2022-04-10"},
    {"id": "typed-list-text", "text": ["a", "list"]},
    {"id": "typed-object-date", "text": "A vote on 1 May 2021.", "published": {"y": 2021}},
    {"id": "typed-list-title", "text": "Fine text.", "title": ["x"]},
    {"id": None, "text": None},
    {"id": "typed-good-b", "text": "Another vote on 9 June 2022.", "published": "2022-06-10"},
]
# file -> (line or None, a phrase of the reason); one stderr line each, nothing else
EXPECTED = {
    ("bad_date.md", None): "is not a date",
    ("binary.txt", None): "looks binary",
    ("broken.jsonl", 2): "malformed JSON",
    ("broken.jsonl", 3): "expected a JSON object",
    ("broken.jsonl", 4): "no 'text' field",
    ("broken.jsonl", 5): "'text' is a number",
    ("broken.jsonl", 6): "'title' is a number",
    ("broken.jsonl", 7): "is not a date",
    ("broken.jsonl", 8): "is not a date",
    ("broken.jsonl", 9): "'id' is true/false",
    ("broken.jsonl", 11): "'text' is empty",
    ("empty.txt", None): "empty",
    ("front_matter_only.md", None): "no text",
    ("invalid_utf8.txt", None): "not valid UTF-8",
    ("script_only.html", None): "no visible text",
    ("wrong_types.jsonl", 2): "'text' is a list",
    ("wrong_types.jsonl", 3): "is not a date",
    ("wrong_types.jsonl", 4): "'title' is a list",
    ("wrong_types.jsonl", 5): "no 'text' field",
    ("wrong_types.jsonl", 7): "malformed JSON",
    ("whitespace.md", None): "only whitespace",
    ("single_line.txt", None): "cut to its first",
}


def dateline(*args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dashboard.cli", *args],
        capture_output=True, text=True, timeout=timeout, cwd=ROOT,
    )


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    for file in BAD.iterdir():
        shutil.copy(file, folder / file.name)
    rng = random.Random(42)
    # 30 MB without a single newline: a scraped blob, words and a date buried 0.5 MB in, and one
    # in the middle, past the work budget of one article (ARTICLE_BUDGET: cut, and said)
    blob = base64.b64encode(rng.randbytes(10_000_000)).decode()
    words = " ".join(rng.choice(("lorem", "ipsum", "dolor", "amet")) for _ in range(3_000_000))
    line = (f"{blob[:500_000]} The vault was opened on 7 July 2020. {blob} The vault was "
            f"closed on 7 July 2021. {words} {blob}")
    (folder / "single_line.txt").write_text(line[:30_000_000], encoding="utf-8")
    (folder / "scripts.html").write_text(HTML_WITH_SCRIPTS, encoding="utf-8")
    (folder / "impossible.txt").write_text(IMPOSSIBLE, encoding="utf-8")
    (folder / "ancient.md").write_text(ANCIENT, encoding="utf-8")
    lines = [json.dumps(row) for row in WRONG_TYPES] + ["not json at all"]
    (folder / "wrong_types.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def run(hostile: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[int, str, pd.DataFrame]:
    out = tmp_path_factory.mktemp("out") / "events.json"
    result = dateline("extract", str(hostile), "-o", str(out), "--workers", "2")
    frame = serialize.read(out) if out.exists() else pd.DataFrame()
    return result.returncode, result.stderr, frame


def problem_lines(stderr: str) -> list[str]:
    """stderr without the progress bar and the closing summary."""
    return [
        line for line in stderr.splitlines()
        if line.strip() and "%|" not in line and " events from " not in line
    ]


def test_the_hostile_folder_is_extracted_with_exit_code_zero(run):
    code, stderr, frame = run
    assert code == 0, stderr
    assert not frame.empty


def test_each_bad_file_or_line_gets_exactly_one_stderr_line_naming_it_and_why(run, hostile):
    _, stderr, _ = run
    lines = problem_lines(stderr)
    for (name, line), reason in EXPECTED.items():
        where = f"{hostile / name}:{line}:" if line else f"{hostile / name}:"
        hits = [text for text in lines if text.startswith(where)]
        assert len(hits) == 1, f"{where} -> {hits}"
        assert reason in hits[0], hits[0]
    assert len(lines) == len(EXPECTED), "\n".join(lines)


def test_a_file_of_an_unknown_type_in_a_folder_is_ignored_but_named_when_given_directly(hostile):
    result = dateline("extract", str(hostile / "unknown.pdf"))
    assert result.returncode == 1
    assert "unknown.pdf" in result.stderr and ".pdf" in result.stderr


def test_good_articles_beside_the_bad_ones_are_all_extracted(run):
    _, _, frame = run
    days = set(frame["date_start"].dt.strftime("%Y-%m-%d"))
    assert {"2022-04-04", "2022-06-09", "2021-05-01", "2024-03-12", "2024-03-14"} <= days
    assert "2020-07-07" in days, "the date inside the 30 MB line is found"
    assert "2021-07-07" not in days, "the one past the work budget is not (the cut is said)"
    assert "2023-05-05" in days, "the real date beside the impossible ones is kept"


def test_impossible_dates_never_become_events(run):
    _, _, frame = run
    assert frame["date_start"].dt.year.between(1, 9999).all()
    impossible = frame[frame["doc_id"] == "impossible"]
    assert list(impossible["date_start"].dt.strftime("%Y-%m-%d")) == ["2023-05-05"]
    assert not frame["timex"].str.contains("February 30|31/02|99999").any()


def test_script_content_never_becomes_an_event_or_text(run):
    _, _, frame = run
    page = frame[frame["doc_id"] == "scripts"]
    assert set(page["date_start"].dt.strftime("%Y-%m-%d")) == {"2024-03-12", "2024-03-14"}
    assert not frame["sentence"].str.contains("__pwned|<script|onerror", regex=True).any()


def test_the_battle_of_hastings_is_a_day_event(run):
    _, _, frame = run
    hastings = frame[frame["timex"] == "1066-10-14"]
    assert len(hastings) == 1
    row = hastings.iloc[0]
    assert row["precision"] == "day"
    assert row["date_start"] == row["date_end"] == pd.Timestamp("1066-10-14")


@pytest.fixture(scope="module")
def ancient_events(hostile: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("ancient")
    shutil.copy(hostile / "ancient.md", folder / "ancient.md")
    out = folder / "events.json"
    assert dateline("extract", str(folder / "ancient.md"), "-o", str(out)).returncode == 0
    return out


@pytest.mark.parametrize("fmt", ["csv", "json", "timelinejs", "html"])
def test_an_ancient_date_survives_every_export(ancient_events, tmp_path, fmt):
    target = tmp_path / f"out.{'json' if fmt == 'timelinejs' else fmt}"
    result = dateline("export", str(ancient_events), "-o", str(target), "--format", fmt)
    assert result.returncode == 0, result.stderr
    text = target.read_text(encoding="utf-8")
    assert ("1066" in text), fmt


def test_an_ancient_date_survives_the_figure_and_the_app(ancient_events):
    from dashboard.chart.figure import ViewState, build_figure
    from dashboard.ui.app import create_app

    frame = serialize.read(ancient_events)
    figure = build_figure(frame, ViewState())
    shown = json.dumps(figure.to_plotly_json(), default=str)
    assert "1066-10-14" in shown
    layout = create_app(frame).layout
    layout = layout() if callable(layout) else layout  # built per request
    assert "1066" in json.dumps(layout.to_plotly_json(), default=str)  # the page holds it


# --- special files: only regular files are read --------------------------------------------------

GOOD = "The bridge over the Maas reopened on 3 March 2024 after a long repair.\n"
SPECIAL = {  # name -> a phrase of the one stderr line that names it
    "fifo.txt": "named pipe (FIFO)",
    "dangling.txt": "symbolic link to nothing",
    "loop.txt": "loop of symbolic links",
    "secret.txt": "permission denied",
}


def _without_root_powers() -> list[str]:
    """A prefix that runs a command unable to read a mode-000 file. As root, the capabilities
    that override file modes are dropped (``setpriv``): the interpreter lives under /root, so
    running as ``nobody`` (``runuser``) could not start it at all."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: a mode-000 file would still be readable")
    return ["setpriv", "--bounding-set", "-dac_override,-dac_read_search"]


@pytest.fixture()
def special(tmp_path: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this system")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(tmp_path / "fifo.txt")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    secret = tmp_path / "secret.txt"
    secret.write_text("A secret meeting on 4 March 2024.\n", encoding="utf-8")
    secret.chmod(0)
    return tmp_path


def test_a_fifo_a_dangling_link_a_loop_and_an_unreadable_file_are_named_and_skipped(special):
    result = subprocess.run(
        [*_without_root_powers(), sys.executable, "-m", "dashboard.cli", "extract",
         str(special), "--published", "2024-03-10", "--format", "csv"],
        capture_output=True, text=True, timeout=120, cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    lines = problem_lines(result.stderr)
    for name, reason in SPECIAL.items():
        hits = [line for line in lines if line.startswith(f"{special / name}:")]
        assert len(hits) == 1 and reason in hits[0], (name, lines)
    assert len(lines) == len(SPECIAL), lines
    assert "reopened" in result.stdout and "secret" not in result.stdout


def test_serve_starts_beside_a_fifo_and_shows_the_good_article(special):
    from dash_client import DashClient, doc_of, page, start_server

    with start_server(str(special), "--no-data", timeout=120) as (_, url):
        client = DashClient(url)
        response = client.call("timeline.figure", page(), ["filter-search.value"])
        client.close()
    shown = {doc_of(row["event_id"]) for row in response["events-table"]["rowData"]}
    assert "good" in shown and shown <= {"good", "secret"}  # root may read the mode-000 file


# --- the calendar's last day --------------------------------------------------------------------

LAST_DAYS = (
    "---\ntitle: =HYPERLINK(\"http://x.example\",\"click\")\nsource: +cmd|' /C calc'!A0\n"
    "published: 9999-12-31\n---\nThe minister said on Thursday that the vote was held on "
    "30 December 9999, and the party met last week.\n"
)


@pytest.fixture(scope="module")
def last_days(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("last-days")
    (folder / "last.md").write_text(LAST_DAYS, encoding="utf-8")
    (folder / "given.txt").write_text("The council met on Monday and again last week.\n",
                                      encoding="utf-8")
    return folder


@pytest.mark.parametrize("fmt", ["csv", "json", "timelinejs", "html"])
def test_the_calendars_last_days_survive_every_export(last_days, tmp_path, fmt):
    target = tmp_path / f"out.{'json' if fmt == 'timelinejs' else fmt}"
    result = dateline("export", str(last_days), "--published", "9999-12-20", "-o", str(target),
                      "--format", fmt, "--from", "9999-12-01", "--to", "9999-12-31")
    assert result.returncode == 0, result.stderr
    assert "9999-12-30" in target.read_text(encoding="utf-8") or fmt == "timelinejs"


def test_serve_starts_on_articles_dated_at_the_calendars_end_and_filters_them(last_days):
    from dash_client import DashClient, page, start_server

    with start_server(str(last_days), "--published", "9999-12-20", "--no-data") as (_, url):
        client = DashClient(url)
        whole = client.call("timeline.figure", page(), ["filter-search.value"])
        late = client.call("timeline.figure", page(date_from="9999-12-31", date_to="9999-12-31"),
                           ["filter-date-from.value"])
        client.close()
    assert whole["events-table"]["rowData"] and "events-table" in late
