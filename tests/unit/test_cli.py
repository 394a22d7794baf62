"""The dateline command end to end on the seeds: extract, tag, bad input, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dashboard.cli import cli
from extract import serialize

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
SEED_001 = SEEDS / "001_337b95fca48f7d8d.txt"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_tag_prints_timexes_with_offsets_into_the_file_text(runner):
    result = runner.invoke(cli, ["tag", str(SEED_001), "--published", "2024-06-20",
                                 "--format", "json"])
    assert result.exit_code == 0, result.output
    timexes = json.loads(result.output)
    text = SEED_001.read_text(encoding="utf-8")
    assert timexes, "the seed has dates"
    for t in timexes:
        assert set(t) == {"start", "end", "text", "type", "value", "anchor"}
        assert text[t["start"]:t["end"]] == t["text"]
    by_text = {t["text"]: t["value"] for t in timexes}
    assert by_text["last July"] == "2023-07"


def test_tag_on_jsonl_prints_one_line_per_article_resolved_on_its_own_date(runner, tmp_path):
    stories = tmp_path / "stories.jsonl"
    stories.write_text(
        json.dumps({"id": "a", "published": "2024-06-20", "text": "He left last July."}) + "\n"
        + json.dumps({"id": "b", "published": "1987-03-02", "text": "Talks ended on Friday."})
        + "\n",
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["tag", str(stories), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [line["id"] for line in lines] == ["a", "b"]
    assert lines[0]["published"] == "2024-06-20"
    assert lines[0]["timexes"][0]["value"] == "2023-07"
    assert lines[1]["timexes"][0]["value"] == "1987-02-27"


def test_extract_writes_json_with_the_schema_columns(runner):
    result = runner.invoke(cli, ["extract", str(SEEDS), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows and {"event_id", "date_start", "date_end", "precision", "actors"} <= set(rows[0])
    assert all(row["published"] == "2024-06-20" for row in rows)
    assert all(row["published_from"] == "metadata" for row in rows)
    assert all(isinstance(row["actors"], list) for row in rows)


def test_extract_writes_parquet_atomically_to_the_output_path(runner, tmp_path):
    target = tmp_path / "events.parquet"
    result = runner.invoke(cli, ["extract", str(SEEDS), "--output", str(target), "--workers", "1"])
    assert result.exit_code == 0, result.output
    frame = serialize.read(target)
    assert len(frame) > 10
    assert [p.name for p in tmp_path.iterdir()] == ["events.parquet"]


def test_parquet_to_stdout_is_refused_with_a_sentence(runner):
    result = runner.invoke(cli, ["extract", str(SEEDS), "--format", "parquet"])
    assert result.exit_code != 0
    assert "give --output" in result.output


def test_a_bad_file_gets_one_line_and_the_batch_goes_on(runner, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Rutte visited Istanbul on 3 April 2024.", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02\xff" * 100)
    result = runner.invoke(cli, ["extract", str(good), str(empty), str(binary), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert "empty.txt" in result.stderr and "blob.txt" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 2
    rows = json.loads(result.stdout)
    assert [row["date_start"] for row in rows] == ["2024-04-03"]


def test_nothing_readable_exits_non_zero_with_a_sentence(runner, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = runner.invoke(cli, ["extract", str(empty)])
    assert result.exit_code == 1
    assert "no article could be read" in result.output


def test_a_malformed_date_option_is_explained(runner):
    result = runner.invoke(cli, ["extract", str(SEEDS), "--published", "20/06/2024"])
    assert result.exit_code == 2
    assert "is not a date like 2024-06-20" in result.output


def test_an_output_of_unknown_type_is_refused_with_one_sentence(runner, tmp_path):
    result = runner.invoke(cli, ["extract", str(SEED_001), "-o", str(tmp_path / "events.txt")])
    assert result.exit_code == 1
    sentence = "events.txt: unknown events format; use .csv, .json or .parquet."
    assert result.stderr == f"Error: {sentence}\n"
    assert not list(tmp_path.iterdir()), "nothing is written"


def test_a_bad_file_on_a_workers_run_gets_one_line_although_the_corpus_is_read_twice(
    runner, tmp_path
):
    good = tmp_path / "good.txt"
    good.write_text("Rutte visited Istanbul on 3 April 2024.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    target = tmp_path / "out" / "events.json"
    result = runner.invoke(cli, ["extract", str(tmp_path), "-o", str(target), "--workers", "1"])
    assert result.exit_code == 0, result.output
    (problem, summary) = result.stderr.strip().splitlines()
    assert "empty.txt" in problem and summary.startswith("1 events from 1 articles")


def test_an_unreadable_timeml_file_ends_evaluate_with_one_sentence(runner, tmp_path):
    (tmp_path / "broken.tml").write_text("<TimeML><TEXT>unclosed", encoding="utf-8")
    result = runner.invoke(cli, ["evaluate", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {tmp_path / 'broken.tml'}: not readable as TimeML")
    assert result.stderr.count("\n") == 1, "one line, no traceback"


def test_a_bug_is_not_dressed_up_as_a_sentence(runner, monkeypatch):
    from extract import pipeline

    def broken(*args, **kwargs):  # noqa: ANN002, ANN003
        raise ValueError("a bug")

    monkeypatch.setattr(pipeline, "extract_paths", broken)
    result = runner.invoke(cli, ["extract", str(SEED_001)])
    assert isinstance(result.exception, ValueError), "the traceback is kept for a real bug"


def test_an_extract_output_that_cannot_be_written_is_one_sentence_naming_it(tmp_path):
    (tmp_path / "report").write_text("a file, not a folder", encoding="utf-8")
    out = tmp_path / "report" / "events.json"
    result = CliRunner().invoke(cli, ["extract", str(SEEDS), "--workers", "1", "-o", str(out)])
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and str(tmp_path / "report") in result.output
    assert result.output.strip().count("\n") == 0 and "Traceback" not in result.output
