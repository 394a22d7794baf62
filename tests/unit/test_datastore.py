"""The data folder keeps browser uploads: written whole before the corpus changes, read back in
order, and a write cut short (or a file spoiled by hand) never stops the next start."""

from __future__ import annotations

import json
from datetime import date

import pytest

from dashboard.store.corpus import Corpus
from dashboard.store.data_folder import DataStore, default_data_dir
from extract.article import Article

STORY = Article(
    doc_id="upload-1", text="The bridge reopened on 3 March 2024.", title="Bridge <b>open</b>",
    source="upload", published=date(2024, 3, 10), published_from="given",
    evidence=("sidecar",), path="",
)


def test_a_saved_article_is_read_back_field_for_field(tmp_path):
    store = DataStore(tmp_path)
    store.save([STORY])
    assert DataStore(tmp_path).load() == [STORY]


def test_articles_come_back_in_the_order_they_were_added_across_restarts(tmp_path):
    DataStore(tmp_path).save([STORY])
    later = DataStore(tmp_path)  # a restart: numbering continues after the last file
    later.save([Article(doc_id="b", text="x"), Article(doc_id="a", text="y")])
    assert [a.doc_id for a in DataStore(tmp_path).load()] == ["upload-1", "b", "a"]


def test_a_hostile_doc_id_cannot_escape_the_folder_or_break_the_name(tmp_path):
    store = DataStore(tmp_path)
    [path] = store.save([Article(doc_id="../../etc/passwd\n<script>", text="x")])
    assert path.parent == tmp_path / "articles"
    assert "/" not in path.name[7:] and "\n" not in path.name
    assert DataStore(tmp_path).load()[0].doc_id == "../../etc/passwd\n<script>"


def test_a_write_cut_short_leaves_a_temp_file_that_the_next_start_removes(tmp_path):
    store = DataStore(tmp_path)
    store.save([STORY])
    leftover = tmp_path / "articles" / ".000002-x.json.abc123.part"
    leftover.write_text('{"format": 1, "arti', encoding="utf-8")
    assert DataStore(tmp_path).load() == [STORY]
    assert not leftover.exists()


def test_a_spoiled_file_is_reported_and_skipped_and_the_others_still_load(tmp_path):
    store = DataStore(tmp_path)
    first, second = store.save([STORY, Article(doc_id="fine", text="Fine.")])
    first.write_text("{not json", encoding="utf-8")
    problems = []
    assert [a.doc_id for a in DataStore(tmp_path, on_problem=problems.append).load()] == ["fine"]
    assert len(problems) == 1 and first.name in problems[0].where
    assert "stored article skipped" in problems[0].reason


def test_a_file_without_text_is_reported_not_loaded(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "000001-x.json").write_text(
        json.dumps({"format": 1, "article": {"doc_id": "x"}}), encoding="utf-8"
    )
    problems = []
    assert DataStore(tmp_path, on_problem=problems.append).load() == []
    assert "no doc_id or text" in problems[0].reason


def test_the_corpus_writes_new_articles_to_disk_before_it_changes(tmp_path):
    store = DataStore(tmp_path)
    corpus = Corpus(_empty_frame())
    seen = []

    def persist(articles):
        seen.append(corpus.version)  # the corpus has not moved yet
        return store.save(articles)

    corpus.persist = persist
    corpus.add_articles([STORY])
    assert seen == [0] and corpus.version == 1
    assert [a.doc_id for a in store.load()] == ["upload-1"]


def test_when_the_disk_write_fails_the_corpus_is_left_unchanged(tmp_path):
    corpus = Corpus(_empty_frame())

    def full_disk(articles):
        raise OSError(28, "No space left on device")

    corpus.persist = full_disk
    with pytest.raises(OSError):
        corpus.add_articles([STORY])
    assert corpus.version == 0 and not corpus.articles


def test_the_default_folder_follows_xdg_data_home(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_data_dir() == tmp_path / "dateline"


def _empty_frame():  # type: ignore[no-untyped-def]
    from extract.schema import empty_frame

    return empty_frame()
