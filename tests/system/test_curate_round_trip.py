"""The curation round trip with the real ``dateline`` command, as the issue's "done when" says:
extract the seeds twice (same ids), hide the 1979 event, correct the 2014 MH17 event, and both
``dateline export --data`` and ``dateline extract --data`` show the curated timeline."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
LABEL = "MH17 shot down over eastern Ukraine"


def dateline(*args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "dashboard.cli", *args]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    if ok:
        assert done.returncode == 0, done.stderr
    return done


def extracted(data: Path) -> list[dict]:
    done = dateline("extract", str(SEEDS), "--data", str(data), "--format", "json")
    return json.loads(done.stdout)


def test_hide_and_edit_survive_a_new_extraction_and_reach_export_and_extract(tmp_path):
    data = tmp_path / "data"
    first, second = extracted(data), extracted(data)
    assert [e["event_id"] for e in first] == [e["event_id"] for e in second]
    (film,) = [e for e in first if e["date_start"].startswith("1979")]
    (mh17,) = [e for e in first if e["date_start"].startswith("2014") and "MH17" in e["sentence"]]

    dateline("curate", "hide", film["event_id"], "--data", str(data))
    dateline("curate", "edit", mh17["event_id"], "--label", LABEL, "--date", "2014-07-17",
             "--data", str(data))

    exported = tmp_path / "x.json"
    dateline("export", str(SEEDS), "--data", str(data), "-o", str(exported))
    for events in (json.loads(exported.read_text(encoding="utf-8")), extracted(data)):
        ids = {e["event_id"] for e in events}
        assert film["event_id"] not in ids
        assert mh17["label"] not in {e["label"] for e in events}
        (fixed,) = [e for e in events if e["event_id"] == mh17["event_id"]]
        assert (fixed["label"], fixed["date_start"], fixed["date_end"], fixed["precision"]) == (
            LABEL, "2014-07-17", "2014-07-17", "day")
        assert len(events) == len(first) - 1

    log = dateline("curate", "log", "--data", str(data)).stdout.splitlines()
    assert [line.split()[3] for line in log] == ["hide", "edit"]
    dateline("curate", "undo", "--data", str(data))
    assert film["event_id"] not in {e["event_id"] for e in extracted(data)}
    restored = {e["event_id"]: e["label"] for e in extracted(data)}
    assert restored[mh17["event_id"]] == mh17["label"], "undo cancelled the edit, the latest"


def test_an_unknown_event_id_is_one_line_naming_it(tmp_path):
    data = tmp_path / "data"
    extracted(data)
    done = dateline("curate", "hide", "no-such:42", "--data", str(data), ok=False)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "Error: No event has the id 'no-such:42'; `dateline extract ... --format json` lists "
        "every event_id."
    ]


def test_curating_a_folder_that_knows_no_events_says_what_to_run_first(tmp_path):
    done = dateline("curate", "hide", "a:1", "--data", str(tmp_path / "empty"), ok=False)
    assert done.returncode == 1 and "knows no events yet" in done.stderr
    assert "Traceback" not in done.stderr
