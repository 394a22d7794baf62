"""No CSV cell Dateline writes starts a formula, whichever writer wrote it (OWASP's CSV injection).

Titles, sources and sentences come from whoever wrote an article; a spreadsheet runs
``=HYPERLINK(...)`` or ``+cmd|...`` when the file is opened. Every writer goes through
``serialize.to_csv``; each is tested here on the same hostile article.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from dashboard.cli import cli
from extract.serialize import neutralise, read, restore

HOSTILE = (
    "---\ntitle: =HYPERLINK(\"http://x.example\",\"click\")\nsource: +cmd|' /C calc'!A0\n"
    "url: \"@SUM(1+1)\"\n---\n-2+3 was the score when the summit opened on 3 March 2024.\n"
    "\tTabbed: the talks ended on 5 March 2024.\n"
)
FORMULA = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture()
def article(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.md"
    path.write_text(HOSTILE, encoding="utf-8")
    return path


def cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def assert_no_formula(text: str) -> None:
    found = cells(text)
    assert any(cell.startswith("'=HYPERLINK") for cell in found)  # the title, neutralised
    assert [cell for cell in found if cell.startswith(FORMULA)] == []


def test_extract_format_csv_writes_no_cell_that_starts_a_formula(article):
    result = CliRunner().invoke(cli, ["extract", str(article), "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert_no_formula(result.stdout)


def test_export_to_a_csv_file_writes_no_cell_that_starts_a_formula(article, tmp_path):
    out = tmp_path / "events.csv"
    result = CliRunner().invoke(cli, ["export", str(article), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert_no_formula(out.read_text(encoding="utf-8"))


def test_the_dashboards_csv_download_holds_no_cell_that_starts_a_formula(article):
    from dashboard.chart.figure import ViewState
    from dashboard.store.corpus import Corpus
    from dashboard.store.filters import FilterState
    from dashboard.ui.handlers import export_outputs
    from extract.pipeline import extract_paths

    frame, articles = extract_paths([article], published=date(2024, 3, 10))
    corpus = Corpus(frame, {a.doc_id: a for a in articles})
    download = export_outputs(corpus, "csv", FilterState(), ViewState())
    assert_no_formula(download["content"])


def test_a_neutralised_csv_reads_back_to_the_text_as_written(article, tmp_path):
    out = tmp_path / "events.csv"
    assert CliRunner().invoke(cli, ["extract", str(article), "-o", str(out)]).exit_code == 0
    assert read(out)["title"].iloc[0] == '=HYPERLINK("http://x.example","click")'


@pytest.mark.parametrize("text", ["=1", "+1", "-1", "@A", "\tx", "\rx", "'=1", "''+x", "'", "a=b",
                                  "", "'quoted'"])
def test_neutralising_is_undone_exactly_and_leaves_no_formula(text):
    assert restore(neutralise(text)) == text
    assert not neutralise(text).startswith(FORMULA)
