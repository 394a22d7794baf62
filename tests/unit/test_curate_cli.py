"""``dateline curate`` with the exact interface scripts depend on, on a small article."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dashboard.cli import cli

STORY = (
    "The bridge over the Maas reopened on 3 March 2024 after a long repair.\n"
    "It had first opened in 1936. Engineers inspected it on 1 February 2024.\n"
)


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "bridge.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def events(story: Path, data: Path) -> dict[str, dict]:
    code, out, err = run("extract", str(story), "--published", "2024-03-04", "--data", str(data),
                         "--format", "json")
    assert code == 0, err
    return {e["event_id"]: e for e in json.loads(out)}


def test_each_curate_command_is_kept_and_applied_by_extract_and_export(story, tmp_path):
    data = tmp_path / "data"
    found = events(story, data)
    by_year = {e["date_start"][:4] + e["date_start"][5:7]: i for i, e in found.items()}
    old, reopened, inspected = by_year["193601"], by_year["202403"], by_year["202402"]

    assert run("curate", "hide", old, "--data", str(data), "--who", "ana")[0] == 0
    code, _, err = run("curate", "edit", reopened, "--label", "Maas bridge reopens", "--date",
                       "2024-03-01..2024-03-31", "--actor", "Rijkswaterstaat", "--data", str(data))
    assert code == 0, err
    assert run("curate", "merge", reopened, inspected, "--data", str(data))[0] == 0
    assert run("curate", "undo", "--data", str(data))[0] == 0  # the merge

    shown = events(story, data)
    assert old not in shown
    fixed = shown[reopened]
    assert (fixed["label"], fixed["date_start"], fixed["date_end"], fixed["precision"],
            fixed["actors"]) == ("Maas bridge reopens", "2024-03-01", "2024-03-31", "month",
                                 ["Rijkswaterstaat"])
    assert shown[inspected]["cluster_id"] != fixed["cluster_id"], "the merge was undone"

    out = tmp_path / "x.json"
    assert run("export", str(story), "--published", "2024-03-04", "--data", str(data),
               "-o", str(out))[0] == 0
    assert {e["event_id"] for e in json.loads(out.read_text())} == set(shown)

    code, log, _ = run("curate", "log", "--data", str(data))
    lines = log.splitlines()
    assert code == 0 and len(lines) == 4
    assert "ana" in lines[0] and f"hide {old}" in lines[0]
    assert lines[2].endswith("(undone)") and "undo merge" in lines[3]


def test_a_bad_date_or_an_unknown_id_is_one_sentence(story, tmp_path):
    data = tmp_path / "data"
    some = next(iter(events(story, data)))
    code, _, err = run("curate", "edit", some, "--date", "March 2024", "--data", str(data))
    assert code == 1 and err.strip() == "Error: 'March 2024' is not a date like 2014-07-17."
    code, _, err = run("curate", "merge", some, "bridge:9999", "--data", str(data))
    assert code == 1 and "No event has the id 'bridge:9999'" in err and len(err.splitlines()) == 1
