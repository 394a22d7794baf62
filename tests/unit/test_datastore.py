"""The data folder keeps browser uploads: written whole before the corpus changes, read back in
order, and a write cut short (or a file spoiled by hand) never stops the next start."""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
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

    def persist(articles, events, dated):
        seen.append(corpus.version)  # the corpus has not moved yet
        return store.save(articles, events, dated)

    corpus.persist = persist
    corpus.add_articles([STORY])
    assert seen == [0] and corpus.version == 1
    assert [a.doc_id for a in store.load()] == ["upload-1"]


def test_when_the_disk_write_fails_the_corpus_is_left_unchanged(tmp_path):
    corpus = Corpus(_empty_frame())

    def full_disk(articles, events, dated):
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


# --- saved events: a restart joins them instead of extracting again ---------------------------

UNDATED = Article(doc_id="talks", text="Talks resumed in Geneva on 3 March 2024. They failed.",
                  title="Talks")


def _served_with(tmp_path):  # type: ignore[no-untyped-def]
    """A corpus saving into ``tmp_path`` with STORY and UNDATED added, and its data store."""
    from dashboard.store.data_folder import DataStore

    store = DataStore(tmp_path)
    corpus = Corpus(_empty_frame())
    corpus.persist = store.save
    corpus.add_articles([STORY])
    corpus.add_articles([UNDATED])
    return corpus, store


def test_a_restart_joins_the_saved_events_without_extracting_again(tmp_path, monkeypatch):
    from dashboard.store.data_folder import restore
    from extract import pipeline

    before, _ = _served_with(tmp_path)

    def never(*args, **kwargs):
        raise AssertionError("extracted again")

    monkeypatch.setattr(pipeline, "extract_articles", never)
    after = Corpus(_empty_frame())
    assert restore(after, DataStore(tmp_path)) == 2
    pd.testing.assert_frame_equal(after.frame, before.frame)
    assert after.articles == before.articles


def test_events_saved_by_another_extractor_are_extracted_again_and_rewritten(tmp_path):
    from dashboard.store.data_folder import restore

    before, _ = _served_with(tmp_path)
    for events in (tmp_path / "articles").glob("*.events.json"):
        payload = json.loads(events.read_text(encoding="utf-8"))
        events.write_text(json.dumps({**payload, "version": "older"}), encoding="utf-8")
    after = Corpus(_empty_frame())
    restore(after, DataStore(tmp_path))
    pd.testing.assert_frame_equal(after.frame, before.frame)
    assert all(s.events is not None for s in DataStore(tmp_path).load_stored())


def test_no_lock_is_held_while_an_upload_is_extracted(monkeypatch):
    import threading

    from extract import pipeline

    corpus = Corpus(_empty_frame())
    extracting, release = threading.Event(), threading.Event()
    real = pipeline.extract_articles

    def slow(*args, **kwargs):
        extracting.set()
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "extract_articles", slow)
    upload = threading.Thread(target=corpus.add_articles, args=([STORY],))
    upload.start()
    assert extracting.wait(10)
    other = threading.Thread(target=corpus.add_articles, args=([UNDATED],))
    monkeypatch.setattr(pipeline, "extract_articles", real)
    other.start()
    other.join(10)  # a second upload finishes while the first is still extracting
    assert not other.is_alive() and set(corpus.articles) == {"talks"}
    release.set()
    upload.join(10)
    assert set(corpus.articles) == {"talks", "upload-1"} and corpus.version == 2


# --- an upload whose answer never went out is not restored -------------------------------------


def test_an_upload_saved_pending_comes_back_only_once_committed(tmp_path):
    store = DataStore(tmp_path)
    pending = store.save([STORY], pending=True)
    assert list(store.articles_dir.glob("*.json")) == []  # not yet: the client has no answer
    store.commit(pending)
    assert [a.doc_id for a in DataStore(tmp_path).load()] == ["upload-1"]


def test_a_pending_upload_left_by_a_kill_is_removed_at_the_next_start(tmp_path):
    DataStore(tmp_path).save([STORY], pending=True)  # then the server is killed
    restarted = DataStore(tmp_path)
    assert restarted.load() == []
    assert list(restarted.pending_dir.iterdir()) == []


def test_the_server_commits_an_upload_only_once_its_answer_is_ready(tmp_path):
    from flask import Flask

    from dashboard.serve.server import _saved_when_answered

    store = DataStore(tmp_path)
    persist = _saved_when_answered(store)
    app = Flask(__name__)

    @app.route("/upload")
    def upload():  # type: ignore[no-untyped-def]
        persist([STORY])
        assert list(store.articles_dir.glob("*.json")) == []  # the answer is not ready yet
        return "added"

    response = app.test_client().get("/upload")
    assert response.data == b"added"
    assert [a.doc_id for a in DataStore(tmp_path).load()] == ["upload-1"]
    persist([STORY])  # outside a request (a script): saved at once
    assert len(DataStore(tmp_path).load()) == 2


def test_uploads_finishing_together_are_all_joined_each_once():
    from concurrent.futures import ThreadPoolExecutor

    corpus = Corpus(_empty_frame())
    stories = [Article(doc_id=f"s{n}", text=f"The bridge reopened on {n + 1} March 2024.",
                       published=date(2024, 3, 10)) for n in range(6)]
    with ThreadPoolExecutor(6) as pool:
        added = list(pool.map(lambda story: corpus.add_articles([story]), stories))
    assert added == [(1, 1)] * 6
    assert sorted(corpus.frame["doc_id"]) == [f"s{n}" for n in range(6)]
    assert set(corpus.articles) == {f"s{n}" for n in range(6)} and 1 <= corpus.version <= 6


def test_a_saved_events_file_spoiled_on_disk_is_extracted_again_not_fatal(tmp_path):
    from dashboard.store.data_folder import restore

    before, _ = _served_with(tmp_path)
    spoiled = sorted((tmp_path / "articles").glob("*.events.json"))[0]
    payload = json.loads(spoiled.read_text(encoding="utf-8"))
    payload["events"][0]["date_start"] = "not a date"
    spoiled.write_text(json.dumps(payload), encoding="utf-8")
    after = Corpus(_empty_frame())
    assert restore(after, DataStore(tmp_path)) == 2
    assert sorted(after.frame["event_id"]) == sorted(before.frame["event_id"])


def test_a_join_that_fails_is_said_to_the_upload_and_changes_nothing(monkeypatch):
    from extract.events import join

    def broken(*args, **kwargs):
        raise RuntimeError("no join today")

    monkeypatch.setattr(join, "join_clusters", broken)
    corpus = Corpus(_empty_frame())
    with pytest.raises(RuntimeError, match="no join today"):
        corpus.add_articles([STORY])
    assert corpus.version == 0 and not corpus.articles
    monkeypatch.undo()
    assert corpus.add_articles([STORY]) == (1, 1)  # its doc_id was given back
    assert corpus.frame["doc_id"].tolist() == ["upload-1"]
