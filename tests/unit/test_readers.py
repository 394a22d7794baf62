"""Reading articles: formats, metadata precedence, and hostile input that never stops a batch."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from operations import work

from extract.article import Article, Problem
from extract.errors import InputError
from extract.read.decoding import decode_text
from extract.read.frontmatter import parse_date, split_front_matter
from extract.read.readers import read_articles, read_bytes, read_text_article

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
ARTICLES = FIXTURES / "articles"
BAD = FIXTURES / "bad"
SEEDS = Path(__file__).resolve().parents[2] / "seeds"
KNOWN = "(.txt, .md, .html, .htm, .jsonl)"
REUTERS = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "reuters21578.jsonl"


def read(paths, **options) -> tuple[list[Article], list[str]]:
    problems: list[Problem] = []
    articles = list(read_articles(paths, on_problem=problems.append, **options))
    return articles, [str(p) for p in problems]


# --- a folder of good articles -------------------------------------------------------------


def test_a_folder_is_read_in_sorted_order_skipping_unknown_types_silently():
    articles, problems = read(ARTICLES)
    assert [a.doc_id for a in articles] == [
        "bom",
        "front_matter",
        "page",
        "plain",
        "nato-1",
        "stories:2",
    ]
    assert problems == []


@pytest.mark.parametrize(
    ("doc_id", "published", "published_from", "title", "source"),
    [
        ("bom", None, "unknown", "", ""),
        (
            "front_matter",
            date(2024, 6, 20),
            "metadata",
            "Rutte secures NATO's top job",
            "Example Wire",
        ),
        ("page", date(2024, 6, 20), "metadata", "Rutte wins the NATO race", ""),
        ("plain", date(2024, 6, 20), "metadata", "Iohannis withdraws", "sidecar"),
        ("nato-1", date(2024, 6, 20), "metadata", "Rutte wins", "Wire"),
        ("stories:2", None, "unknown", "Iohannis out", ""),
    ],
)
def test_each_article_carries_the_metadata_its_input_gives(
    doc_id, published, published_from, title, source
):
    article = {a.doc_id: a for a in read(ARTICLES)[0]}[doc_id]
    assert (article.published, article.published_from) == (published, published_from)
    assert (article.title, article.source) == (title, source)


def test_the_seeds_are_dated_by_their_sidecar_and_keep_their_text_byte_for_byte():
    articles, problems = read(SEEDS)
    assert problems == []
    assert [a.published_from for a in articles] == ["metadata", "metadata"]
    assert {a.published for a in articles} == {date(2024, 6, 20)}
    for article in articles:
        assert article.text == (SEEDS / f"{article.doc_id}.txt").read_bytes().decode("utf-8")


def test_front_matter_is_cut_and_the_text_after_it_is_kept_exactly():
    raw = (ARTICLES / "front_matter.md").read_text(encoding="utf-8")
    article = read(ARTICLES / "front_matter.md")[0][0]
    assert raw.endswith(article.text)
    assert article.text == "Mark Rutte on Thursday secured the final support he needs.\n"
    assert article.url == "https://example.com/rutte"


def test_windows_line_endings_survive_so_offsets_match_the_file():
    article = read(ARTICLES / "plain.txt")[0][0]
    assert article.text == (ARTICLES / "plain.txt").read_bytes().decode("utf-8")
    assert "\r\n" in article.text


def test_a_byte_order_mark_is_dropped():
    assert read(ARTICLES / "bom.txt")[0][0].text == "Café talks resumed on Tuesday.\n"


def test_script_and_style_content_never_becomes_text():
    article = read(ARTICLES / "page.html")[0][0]
    assert "Iohannis withdrew" in article.text
    for injected in ("hacked", "January 5, 2020", "injected", "color: red", "document"):
        assert injected not in article.text


def test_a_page_in_a_declared_legacy_charset_is_decoded_by_its_declaration():
    page = (
        "<html><head><meta charset='iso-8859-1'><title>Caf\u00e9</title></head><body><article>"
        "<p>Le caf\u00e9 a ferm\u00e9 le 3 mars 2021 apr\u00e8s une longue histoire.</p>"
        "</article></body></html>"
    )
    (article,) = read_bytes("page.html", page.encode("latin-1"))
    assert article.text == "Le café a fermé le 3 mars 2021 après une longue histoire."
    assert article.published_from == "unknown"


# --- precedence of publication dates -------------------------------------------------------


def test_a_given_date_fills_only_articles_that_carry_none():
    articles, _ = read(ARTICLES, published=date(2000, 1, 1))
    by_id = {a.doc_id: a for a in articles}
    assert (by_id["bom"].published, by_id["bom"].published_from) == (date(2000, 1, 1), "given")
    assert by_id["stories:2"].published_from == "given"
    assert by_id["front_matter"].published == date(2024, 6, 20)
    assert by_id["plain"].published_from == "metadata"


def test_the_sidecar_wins_over_front_matter_for_a_single_article(tmp_path):
    (tmp_path / "a.md").write_text("---\npublished: 2020-01-01\ntitle: Own\n---\nBody.\n")
    (tmp_path / "metadata.json").write_text(json.dumps({"a.md": {"published": "2021-02-03"}}))
    article = read(tmp_path)[0][0]
    assert (article.published, article.title) == (date(2021, 2, 3), "Own")


def test_the_sidecar_only_fills_what_jsonl_lines_leave_empty(tmp_path):
    lines = [{"text": "One.", "published": "1987-02-26"}, {"text": "Two.", "source": "AP"}]
    (tmp_path / "s.jsonl").write_text("\n".join(json.dumps(x) for x in lines))
    sidecar = {"s.jsonl": {"published": "1987-03-01", "source": "Reuters"}}
    (tmp_path / "metadata.json").write_text(json.dumps(sidecar))
    one, two = read(tmp_path)[0]
    assert (one.published, one.source) == (date(1987, 2, 26), "Reuters")
    assert (two.published, two.source) == (date(1987, 3, 1), "AP")


def test_a_broken_sidecar_is_reported_once_and_ignored(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Text.")
    (tmp_path / "metadata.json").write_text("{not json")
    articles, problems = read(tmp_path)
    assert len(articles) == 2
    assert problems == [f"{tmp_path / 'metadata.json'}: ignored: it is not valid JSON"]


# --- document ids --------------------------------------------------------------------------


def test_files_sharing_a_stem_get_unique_ids_in_reading_order(tmp_path):
    for folder in ("a", "b", "c"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(f"Story from {folder}.")
    assert [a.doc_id for a in read(tmp_path)[0]] == ["story", "story-2", "story-3"]


# --- hostile input -------------------------------------------------------------------------

HOSTILE = {
    "bad_date.md": "front matter 'published' '2023-02-30' is not a date",
    "binary.txt": "skipped: it looks binary, not text",
    "empty.txt": "skipped: the file is empty",
    "front_matter_only.md": "skipped: it has front matter but no text",
    "invalid_utf8.txt": "read with 2 bad byte(s) replaced by U+FFFD",
    "script_only.html": "skipped: the page has no visible text",
    "whitespace.md": "skipped: it holds only whitespace",
}


@pytest.mark.parametrize(("name", "reason"), sorted(HOSTILE.items()))
def test_each_hostile_file_gets_one_line_naming_it_and_why(name, reason):
    articles, problems = read(BAD / name)
    assert len(problems) == 1
    assert problems[0].startswith(f"{BAD / name}: {reason}")
    assert "\n" not in problems[0]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (2, "line skipped: malformed JSON"),
        (3, "line skipped: expected a JSON object, got a list"),
        (4, "line skipped: it has no 'text' field"),
        (5, "line skipped: 'text' is a number, not a string"),
        (6, "'title' is a number, not a string; read without it"),
        (7, "'published' \"1987-13-45\" is not a date (month must be in 1..12); read without it"),
        (8, "'published' 19870226 is not a date"),
        (9, "'id' is true/false, not a string; using broken:9"),
        (11, "line skipped: 'text' is empty"),
    ],
)
def test_each_bad_jsonl_line_is_named_by_file_and_line(line, reason):
    problems = read(BAD / "broken.jsonl")[1]
    mine = [p for p in problems if p.startswith(f"{BAD / 'broken.jsonl'}:{line}: ")]
    assert len(mine) == 1
    assert reason in mine[0]


def test_good_jsonl_lines_around_bad_ones_are_read():
    ids = [a.doc_id for a in read(BAD / "broken.jsonl")[0]]
    assert ids == ["ok-1", "title-number", "bad-published", "published-number", "broken:9", "ok-2"]


def test_the_hostile_folder_never_stops_the_batch():
    articles, problems = read([BAD, ARTICLES])
    assert {"latin1", "invalid_utf8", "ok-1", "ok-2", "front_matter"} <= {
        a.doc_id for a in articles
    }
    assert len(problems) == len(HOSTILE) + 9
    assert not any("unknown.pdf" in p for p in problems)  # skipped silently inside a folder


def test_latin1_text_is_read_as_cp1252_without_a_problem():
    articles, problems = read(BAD / "latin1.txt")
    assert problems == []
    assert articles[0].text.startswith(
        "Café déjà vu: the résumé was sent on 3 March 2021 – “quoted”"
    )


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("no/such/file.txt", "no such file or folder"),
        (str(BAD / "unknown.pdf"), "skipped: '.pdf' is not a readable type"),
        ("README", "no such file or folder"),
    ],
)
def test_a_directly_named_path_that_cannot_be_read_is_a_problem(path, reason):
    articles, problems = read(path)
    assert articles == []
    assert problems[0].startswith(f"{path}: {reason}")


def test_an_unreadable_file_is_a_problem_and_the_rest_goes_on(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("Readable.")
    (tmp_path / "b.txt").write_text("Locked.")
    from extract.read import readers

    original = readers.open_regular

    def locked(path: Path):  # type: ignore[no-untyped-def]
        if Path(path).name == "b.txt":  # as a non-root user with b.txt at mode 000
            raise PermissionError(13, "Permission denied", str(path))
        return original(path)

    monkeypatch.setattr(readers, "open_regular", locked)
    articles, problems = read(tmp_path)
    assert [a.doc_id for a in articles] == ["a"]
    assert problems == [f"{tmp_path / 'b.txt'}: cannot be read: permission denied"]


def test_a_30_mb_single_line_text_file_is_read_with_no_more_work_than_a_1_mb_one(tmp_path):
    # Nothing walks the text character by character or line by line in Python: the work of
    # reading a file is the same whatever its size (decoding and searching happen in C).
    small, huge = tmp_path / "small.txt", tmp_path / "huge.txt"
    small.write_bytes(b"On Thursday Rutte won. " * (1024 * 1024 // 23))
    huge.write_bytes(b"On Thursday Rutte won. " * (30 * 1024 * 1024 // 23))
    (_, problems), baseline = work(read, small)
    assert problems == []
    (articles, _), lines = work(read, huge, limit=2 * baseline)
    assert len(articles[0].text) == huge.stat().st_size
    assert lines == baseline


def test_a_30_mb_single_jsonl_line_is_read(tmp_path):
    path = tmp_path / "huge.jsonl"
    path.write_text(json.dumps({"id": "big", "text": "x " * (15 * 1024 * 1024)}))
    articles, problems = read(path)
    assert problems == [] and len(articles[0].text) == 30 * 1024 * 1024


def test_more_than_twenty_bad_lines_are_summarised(tmp_path):
    path = tmp_path / "junk.jsonl"
    path.write_text("\n".join(["{oops"] * 25 + [json.dumps({"text": "fine"})]))
    articles, problems = read(path)
    assert len(articles) == 1
    assert len(problems) == 21
    assert problems[-1] == f"{path}: 5 more bad line(s) not listed"


@pytest.mark.skipif(not REUTERS.exists(), reason="needs ../shared/corpora")
def test_the_reuters_corpus_is_read_whole():
    articles, problems = read(REUTERS)
    assert (len(articles), problems) == (19043, [])
    assert articles[0].doc_id == "reuters-1"
    assert articles[0].published == date(1987, 2, 26)


@pytest.mark.skipif(not REUTERS.exists(), reason="needs ../shared/corpora")
def test_each_further_thousand_jsonl_lines_costs_the_same_work(tmp_path):
    # Streaming a big JSONL file must not slow down as it goes (ids, problems and sidecars are
    # looked up, never rescanned): the 3rd thousand lines cost what the 2nd did.
    with REUTERS.open(encoding="utf-8") as corpus:
        lines = [next(corpus) for _ in range(3000)]
    costs = []
    for thousands in (1, 2, 3):
        path = tmp_path / f"first-{thousands}000.jsonl"
        path.write_text("".join(lines[: thousands * 1000]), encoding="utf-8")
        (articles, problems), cost = work(read, path)
        assert (len(articles), problems) == (thousands * 1000, [])
        costs.append(cost)
    second, third = costs[1] - costs[0], costs[2] - costs[1]
    assert third <= 1.1 * second, f"the 3rd thousand cost {third / second:.2f}x the 2nd"


# --- front matter and dates ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fields", "body"),
    [
        ("---\ntitle: A\n---\nBody", {"title": "A"}, "Body"),
        ("---\r\ntitle: A\r\n---\r\nBody", {"title": "A"}, "Body"),
        ("---\ndate: 2024-06-20\n---\nBody", {"published": "2024-06-20"}, "Body"),
        ("---\ntitle: 'Quoted: yes'\n---\n", {"title": "Quoted: yes"}, ""),
        ("---\nauthor: X\ntags:\n  - a\n---\nBody", {}, "Body"),
        ("No front matter\n---\ntitle: A\n---\n", {}, "No front matter\n---\ntitle: A\n---\n"),
        ("---\nnever closed: x\nBody", {}, "---\nnever closed: x\nBody"),
        (
            "---\nThis is prose, not a key.\n---\nBody",
            {},
            "---\nThis is prose, not a key.\n---\nBody",
        ),
    ],
)
def test_front_matter_is_recognised_only_when_well_formed(text, fields, body):
    front = split_front_matter(text)
    assert front.fields == fields
    assert text[front.body_start :] == body


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-06-20", date(2024, 6, 20)),
        (" 2024-06-20 ", date(2024, 6, 20)),
        ("2024-06-20T09:30:00Z", date(2024, 6, 20)),
        ("0044-03-15", date(44, 3, 15)),
    ],
)
def test_publication_dates_are_iso_days(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    "value", ["2023-02-30", "20-06-2024", "June 20, 2024", "2024-06-20junk", 20240620, None, ""]
)
def test_anything_else_is_not_a_publication_date(value):
    with pytest.raises(InputError):
        parse_date(value)


# --- uploads and in-memory text ------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "ids", "problem"),
    [
        ("story.txt", b"Rutte won on Thursday.", ["story"], None),
        ("../../etc/story.md", b"Text.", ["story"], None),
        ("C:\\Users\\me\\story.txt", b"Text.", ["story"], None),
        ("s.jsonl", b'{"text": "a", "id": "x"}\n{"text": "b", "id": "x"}\n', ["x", "x-2"], None),
        ("photo.png", b"\x89PNG", [], f"photo.png: skipped: '.png' is not a readable type {KNOWN}"),
        ("fake.txt", b"\x00\x01\x02", [], "fake.txt: skipped: it looks binary, not text"),
        ("blank.txt", b"   ", [], "blank.txt: skipped: it holds only whitespace"),
    ],
)
def test_an_uploaded_file_follows_the_same_rules(name, data, ids, problem):
    problems: list[Problem] = []
    articles = read_bytes(name, data, on_problem=problems.append)
    assert [a.doc_id for a in articles] == ids
    assert [str(p) for p in problems] == ([problem] if problem else [])


def test_a_file_name_with_a_newline_still_gives_a_one_line_problem(tmp_path):
    path = tmp_path / "evil\nname.txt"
    path.write_bytes(b"")
    problems = read(tmp_path)[1]
    assert problems == [f"{tmp_path}/evil\\x0aname.txt: skipped: the file is empty"]
    upload: list[Problem] = []
    read_bytes("a\r\nb.png", b"x", on_problem=upload.append)
    assert str(upload[0]).startswith("a\\x0d\\x0ab.png: skipped")


def test_an_upload_with_a_given_date_is_marked_given():
    (article,) = read_bytes("a.txt", b"Text.", published=date(2024, 6, 20))
    assert (article.published, article.published_from) == (date(2024, 6, 20), "given")


def test_in_memory_text_is_kept_as_is_and_empty_text_is_refused():
    article = read_text_article("  Text  \n", doc_id="pasted", published=date(2024, 6, 20))
    assert (article.text, article.published_from) == ("  Text  \n", "given")
    assert read_text_article("Text", doc_id="x").published_from == "unknown"
    with pytest.raises(InputError, match="pasted: the text is empty"):
        read_text_article(" \n", doc_id="pasted")


@pytest.mark.parametrize(
    ("data", "text", "problems"),
    [
        (b"Plain ASCII", "Plain ASCII", 0),
        ("Café".encode("utf-16"), "Café", 0),
        ("Café crème".encode("cp1252"), "Café crème", 0),
        (b"\x81\x8d", "\x81\x8d", 0),  # bytes cp1252 leaves undefined: Latin-1
        ("ok “quoted” ".encode() + b"\xff", "ok “quoted” \ufffd", 1),
    ],
)
def test_bytes_are_decoded_by_the_documented_rules(data, text, problems):
    found: list[Problem] = []
    assert decode_text(data, "x", found.append) == text
    assert len(found) == problems


# --- properties ----------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(
    data=st.one_of(st.binary(max_size=300), st.text(max_size=300).map(str.encode)),
    suffix=st.sampled_from([".txt", ".md", ".jsonl", ".html", ".htm", ".bin", ""]),
)
def test_reading_any_bytes_never_raises_and_yields_only_nonblank_texts(data, suffix):
    problems: list[Problem] = []
    articles = read_bytes(f"upload{suffix}", data, on_problem=problems.append)
    assert all(a.text.strip() for a in articles)
    assert all(str(p).startswith(f"upload{suffix}") and "\n" not in str(p) for p in problems)
    assert articles or problems


_PRINTABLE = st.text(
    st.one_of(st.characters(exclude_categories=("Cc", "Cs")), st.sampled_from("\t\n\r")),
    min_size=1,
    max_size=200,
)


@settings(max_examples=200, deadline=None)
@given(_PRINTABLE.filter(lambda t: t.strip() and not t.startswith("---")))
def test_utf8_text_without_front_matter_is_kept_exactly(text):
    (article,) = read_bytes("a.txt", text.encode("utf-8"))
    assert article.text == text.removeprefix("\ufeff")


# --- only regular files are read ----------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_named_and_skipped_instead_of_blocking(tmp_path):
    (tmp_path / "good.txt").write_text("Talks on 3 March 2024.", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    os.mkfifo(tmp_path / "metadata.json")
    articles, problems = read(tmp_path)
    assert [a.doc_id for a in articles] == ["good"]
    assert problems == [
        f"{tmp_path / 'metadata.json'}: ignored: it is a named pipe (FIFO), not a regular file",
        f"{tmp_path / 'pipe.txt'}: skipped: it is a named pipe (FIFO), not a regular file",
    ]


def test_dangling_and_looping_links_are_named_and_a_link_to_a_file_is_read(tmp_path):
    (tmp_path / "good.txt").write_text("Talks on 3 March 2024.", encoding="utf-8")
    (tmp_path / "alias.txt").symlink_to(tmp_path / "good.txt")
    (tmp_path / "dangling.jsonl").symlink_to(tmp_path / "gone.jsonl")
    (tmp_path / "loop.md").symlink_to(tmp_path / "loop.md")
    articles, problems = read(tmp_path)
    assert sorted(a.doc_id for a in articles) == ["alias", "good"]
    assert problems == [
        f"{tmp_path / 'dangling.jsonl'}: skipped: it is a symbolic link to nothing (dangling)",
        f"{tmp_path / 'loop.md'}: skipped: it is a loop of symbolic links",
    ]
    assert read(tmp_path / "loop.md")[1] == problems[1:]  # named directly: the same sentence


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_device_is_refused_without_reading_it_and_a_regular_file_is_opened(tmp_path):
    from extract.read.files import NotRegular, open_regular

    with pytest.raises(NotRegular, match="it is a character device, not a regular file"):
        open_regular("/dev/zero")  # read, it would never end
    (tmp_path / "a.txt").write_bytes(b"text")
    with open_regular(tmp_path / "a.txt") as handle:
        assert handle.read() == b"text"
