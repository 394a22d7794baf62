"""Adding articles in the browser: limits with clear messages, text kept exactly as given."""

from __future__ import annotations

import base64
from datetime import date

from dashboard.ui.upload import read_paste, read_uploads
from extract.settings import MAX_UPLOAD_FILE_BYTES, MAX_UPLOAD_FILES


def data_url(data: bytes) -> str:
    return "data:application/octet-stream;base64," + base64.b64encode(data).decode()


def test_a_text_file_becomes_an_article_with_the_given_date() -> None:
    intake = read_uploads(["notes.txt"], [data_url(b"NATO met on Monday.\n")], date(2024, 6, 20))
    (article,) = intake.articles
    assert article.doc_id == "notes"
    assert article.text == "NATO met on Monday.\n"
    assert article.published == date(2024, 6, 20) and article.published_from == "given"
    assert intake.problems == []


def test_an_unsupported_type_is_refused_with_what_is_accepted() -> None:
    intake = read_uploads(["report.pdf"], [data_url(b"%PDF-1.4")])
    assert intake.articles == []
    assert intake.problems == [
        "report.pdf: .pdf cannot be read; add .htm, .html, .jsonl, .md, .txt files."
    ]


def test_too_many_files_are_refused_at_once() -> None:
    names = [f"a{i}.txt" for i in range(MAX_UPLOAD_FILES + 1)]
    intake = read_uploads(names, [data_url(b"x")] * len(names))
    assert intake.articles == []
    assert f"at most {MAX_UPLOAD_FILES}" in intake.problems[0]


def test_a_file_over_the_size_limit_is_refused_and_the_others_read() -> None:
    big = b"a" * (MAX_UPLOAD_FILE_BYTES + 1)
    intake = read_uploads(["big.txt", "small.txt"], [data_url(big), data_url(b"On Monday.")])
    assert [a.doc_id for a in intake.articles] == ["small"]
    assert "big.txt" in intake.problems[0] and "MB" in intake.problems[0]


def test_a_damaged_upload_is_reported() -> None:
    intake = read_uploads(["x.txt"], ["data:text/plain;base64,@@@"])
    assert intake.problems == ["x.txt: the upload arrived damaged; try adding it again."]


def test_a_binary_file_with_a_text_name_is_reported_not_read() -> None:
    intake = read_uploads(["photo.txt"], [data_url(bytes(range(256)) * 8)])
    assert intake.articles == [] and intake.problems


def test_pasted_text_is_kept_exactly_and_titled_by_its_first_line() -> None:
    text = "  <b>Headline</b>\nBody on Monday.\n"
    (article,) = read_paste(text, None, date(2024, 6, 20)).articles
    assert article.text == text
    assert article.title == "<b>Headline</b>"
    assert article.source == "pasted"


def test_an_empty_paste_adds_nothing_and_says_nothing() -> None:
    intake = read_paste("   \n", "title")
    assert intake.articles == [] and intake.problems == []


def test_names_and_files_that_do_not_pair_up_add_nothing_and_say_so() -> None:
    intake = read_uploads(["a.txt", "b.txt"], [data_url(b"One on 2 May 2024.")])
    assert intake.articles == []
    assert "2 file names arrived with 1 files" in intake.problems[0]


def test_a_long_file_name_is_cut_short_in_the_message_but_its_type_still_counts() -> None:
    name = "<img src=x onerror=alert(1)>" * 20 + ".exe"
    [problem] = read_uploads([name], [data_url(b"x")]).problems
    assert len(problem.split(":")[0]) <= 120 and problem.split(":")[0].endswith("…")
    assert ".exe cannot be read" in problem


def test_a_newline_in_a_file_name_cannot_forge_a_second_message_line() -> None:
    [problem] = read_uploads(["fine.txt\nall good.pdf"], [data_url(b"x")]).problems
    assert "\n" not in problem and "\\x0a" in problem


def test_an_upload_over_the_work_budget_is_cut_and_the_answer_says_so(monkeypatch) -> None:
    import json

    from dashboard.store.corpus import Corpus
    from dashboard.ui.handlers import upload_outputs
    from extract import pipeline
    from extract.schema import empty_frame

    monkeypatch.setattr(pipeline, "ARTICLE_BUDGET", 120)
    corpus = Corpus(empty_frame())
    text = "March 2021 " * 40
    status, changed = upload_outputs(corpus, ["dates.txt"], [data_url(text.encode())], None,
                                     None, "2024-06-20")
    shown = json.dumps(status.to_plotly_json(), default=str)
    assert changed and "Added 1 article" in shown
    assert "dates.txt: cut to its first 120 of 440 characters" in shown
    assert "+11 events" in shown  # 10 whole dates and "March" alone, of the 40 given
