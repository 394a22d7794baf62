"""Reading articles from files, folders and uploads, and explaining the input we cannot use.

Why one module decides all of this: whatever the format, every article must come out with the
same guarantees -- text exactly as in the file (event offsets point into it), a unique
``doc_id``, and a publication date whose origin is recorded. Bad input never stops a batch: each
unusable file or JSONL line becomes one ``Problem`` passed to ``on_problem`` and reading goes on.

Formats: ``.txt``/``.md`` (optional front matter, see ``extract.read.frontmatter``),
``.html``/``.htm`` (``extract.read.html``), ``.jsonl`` (``extract.read.jsonl``). A folder is walked
recursively in sorted order; hidden entries and files of other types inside it are skipped
silently, but a file named directly with another type is a Problem.

Text decoding (UTF-8, silent cp1252 for legacy 8-bit files, binary refused) is explained in
``extract.read.decoding``; web pages are decoded by trafilatura from the charset they declare.
Only regular files are opened (``extract.read.files``): a FIFO, a device, a dangling or looping
symbolic link is a Problem, never a hang. File names in problems have control characters
escaped, so every problem stays one line.

Publication date, in order of precedence:
1. a ``metadata.json`` beside the file (``{"file name": {"published", "title", "source",
   "url"}}``); for a single-article file it wins over what the file says about itself, so a
   wrong page date can be corrected without editing the file; for a ``.jsonl`` file it only
   fills fields a line leaves empty;
2. what the input carries: front matter, a JSONL ``published`` field, the HTML page's metadata;
   with 1 this is ``published_from="metadata"``;
3. ``published=`` (the CLI's ``--published``), for inputs that carry no date: ``"given"``;
4. otherwise None and ``"unknown"``, for ``extract.dating.published.infer_published`` to work on.

Document ids are the file stem or the JSONL ``id`` (``stem:line`` without one). When an id was
already used in the same run, the later article gets ``-2``, ``-3``... appended (reading order
is sorted, so the ids are stable from run to run).
"""

from __future__ import annotations

import codecs
import io
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path, PurePath

from extract.article import Article, Problem
from extract.errors import InputError
from extract.read.decoding import SNIFF_BYTES, decode_text, looks_binary
from extract.read.files import NotRegular, open_regular
from extract.read.frontmatter import parse_date, split_front_matter
from extract.read.html import read_page
from extract.read.jsonl import read_jsonl
from extract.read.sidecar import Sidecars

EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
}
MAX_FILE_BYTES = 200 * 1024 * 1024
"""Larger single-article files are refused (JSONL streams, so it has no limit)."""


OnProblem = Callable[[Problem], None]
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _ignore(_: Problem) -> None:
    return None


def read_articles(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    published: date | None = None,
    on_problem: OnProblem = _ignore,
) -> Iterator[Article]:
    """Stream the articles in ``paths`` (files and folders), reporting unusable input.

    >>> problems = []
    >>> [a.doc_id for a in read_articles("no/such/file.txt", on_problem=problems.append)]
    []
    >>> str(problems[0])
    'no/such/file.txt: no such file or folder'
    """
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    ids = _UniqueIds()
    sidecars = Sidecars(on_problem)
    for path in paths:
        for file in _files(Path(path), on_problem):
            meta = sidecars.entry(file)
            for article in _read_file(file, on_problem):
                yield ids.assign(_with_given(_with_sidecar(article, meta, file), published))


def read_bytes(
    name: str, data: bytes, *, published: date | None = None, on_problem: OnProblem = _ignore
) -> list[Article]:
    """The articles in one uploaded file, by its name's extension, with the same rules."""
    pure = PurePath(name.replace("\\", "/"))
    kind = EXTENSIONS.get(pure.suffix.lower())
    if kind is None:
        on_problem(Problem(shown(name), _unknown_type(pure.suffix)))
        return []
    articles = _parse(kind, data, shown(name), pure.stem or "upload", on_problem)
    ids = _UniqueIds()
    return [ids.assign(_with_given(article, published)) for article in articles]


def read_text_article(
    text: str,
    *,
    doc_id: str,
    title: str = "",
    source: str = "",
    url: str = "",
    published: date | None = None,
) -> Article:
    """An article from text in memory (pasted into the dashboard); the text is kept as is.

    Raises ``InputError`` when the text is empty or only whitespace.
    """
    if not text.strip():
        raise InputError(f"{doc_id}: the text is empty.")
    return Article(
        doc_id=doc_id,
        text=text,
        title=title,
        source=source,
        url=url,
        published=published,
        published_from="given" if published else "unknown",
    )


def shown(path: str | os.PathLike[str]) -> str:
    """A file name fit for a one-line message: control characters (a newline in a name) escaped."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m[0]):02x}", str(path))


def _files(path: Path, on_problem: OnProblem) -> Iterator[Path]:
    if path.is_dir():
        yield from _walk(path, on_problem)
    elif not path.exists() and not path.is_symlink():
        on_problem(Problem(shown(path), "no such file or folder"))
    elif path.suffix.lower() not in EXTENSIONS:
        on_problem(Problem(shown(path), _unknown_type(path.suffix)))
    else:
        yield path


def _walk(folder: Path, on_problem: OnProblem) -> Iterator[Path]:
    def report(error: OSError) -> None:
        on_problem(Problem(shown(error.filename or folder), f"folder skipped: {_os_reason(error)}"))

    for root, dirs, names in os.walk(folder, onerror=report):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if not name.startswith(".") and Path(name).suffix.lower() in EXTENSIONS:
                yield Path(root) / name


def _read_file(path: Path, on_problem: OnProblem) -> Iterator[Article]:
    where = shown(path)
    kind = EXTENSIONS[path.suffix.lower()]
    try:
        if kind == "jsonl":
            yield from _read_jsonl_file(path, on_problem)
            return
        with open_regular(path) as handle:
            if os.fstat(handle.fileno()).st_size > MAX_FILE_BYTES:
                limit = MAX_FILE_BYTES // (1024 * 1024)
                on_problem(Problem(where, f"skipped: it is larger than {limit} MB"))
                return
            data = handle.read()
    except NotRegular as reason:
        on_problem(Problem(where, f"skipped: {reason}"))
        return
    except OSError as error:
        on_problem(Problem(where, f"cannot be read: {_os_reason(error)}"))
        return
    yield from _parse(kind, data, where, path.stem, on_problem)


def _read_jsonl_file(path: Path, on_problem: OnProblem) -> Iterator[Article]:
    where = shown(path)
    with open_regular(path) as handle:
        head = handle.read(SNIFF_BYTES)
        if looks_binary(head.removeprefix(codecs.BOM_UTF8)):
            on_problem(Problem(where, "skipped: it looks binary, not text"))
            return
        handle.seek(0)
        yield from _jsonl(handle, where, path.stem, on_problem)


def _parse(kind: str, data: bytes, where: str, stem: str, on_problem: OnProblem) -> list[Article]:
    if kind == "jsonl":
        if looks_binary(data[:SNIFF_BYTES].removeprefix(codecs.BOM_UTF8)):
            on_problem(Problem(where, "skipped: it looks binary, not text"))
            return []
        return list(_jsonl(io.BytesIO(data), where, stem, on_problem))
    if not data.strip():
        on_problem(Problem(where, "skipped: the file is empty" if not data else _BLANK))
        return []
    if kind == "html":
        # trafilatura reads the page's declared charset itself; we only refuse binary
        if looks_binary(data[:SNIFF_BYTES]):
            on_problem(Problem(where, "skipped: it looks binary, not text"))
            return []
        article = _html_article(data, where, stem, on_problem)
    else:
        text = decode_text(data, where, on_problem)
        article = _text_article(text, where, stem, on_problem) if text is not None else None
    return [article] if article else []


_BLANK = "skipped: it holds only whitespace"


def _jsonl(
    lines: Iterable[bytes], where: str, stem: str, on_problem: OnProblem
) -> Iterator[Article]:
    shown = 0
    hidden = 0

    def report(problem: Problem) -> None:
        nonlocal shown, hidden
        if shown < 20:
            shown += 1
            on_problem(problem)
        else:
            hidden += 1

    empty = True
    for article in read_jsonl(_strip_bom(lines), where=where, stem=stem, on_problem=report):
        empty = False
        yield article
    if hidden:
        on_problem(Problem(where, f"{hidden} more bad line(s) not listed"))
    if empty and not shown:
        on_problem(Problem(where, "skipped: the file holds no articles"))


def _strip_bom(lines: Iterable[bytes]) -> Iterator[bytes]:
    iterator = iter(lines)
    for line in iterator:
        yield line.removeprefix(codecs.BOM_UTF8)
        break
    yield from iterator


def _text_article(text: str, where: str, stem: str, on_problem: OnProblem) -> Article | None:
    front = split_front_matter(text)
    body = text[front.body_start :]
    if not body.strip():
        on_problem(
            Problem(where, "skipped: it has front matter but no text" if front.fields else _BLANK)
        )
        return None
    fields = front.fields
    published = _field_date(fields.get("published"), where, "front matter 'published'", on_problem)
    return Article(
        doc_id=stem,
        text=body,
        title=fields.get("title", ""),
        source=fields.get("source", ""),
        url=fields.get("url", ""),
        published=published,
        published_from="metadata" if published else "unknown",
        path=where,
    )


def _html_article(data: bytes, where: str, stem: str, on_problem: OnProblem) -> Article | None:
    try:
        page = read_page(data)
    except Exception as error:  # noqa: BLE001 -- a parser crash on one page must not stop a batch
        on_problem(
            Problem(where, f"skipped: the page could not be parsed ({type(error).__name__})")
        )
        return None
    if not page.text:
        on_problem(Problem(where, "skipped: the page has no visible text"))
        return None
    return Article(
        doc_id=stem,
        text=page.text,
        title=page.title,
        source=page.source,
        url=page.url,
        published=page.published,
        published_from="metadata" if page.published else "unknown",
        path=where,
    )


def _field_date(value: str | None, where: str, what: str, on_problem: OnProblem) -> date | None:
    if not value:
        return None
    try:
        return parse_date(value)
    except InputError as reason:
        on_problem(
            Problem(where, f"{what} {value[:40]!r} is not a date ({reason}); read without it")
        )
        return None


def _with_sidecar(article: Article, meta: dict[str, object], file: Path) -> Article:
    if not meta:
        return article
    fill_only = file.suffix.lower() == ".jsonl"
    changes = {
        key: value for key, value in meta.items() if not (fill_only and getattr(article, key))
    }
    if "published" in changes:
        changes["published_from"] = "metadata"
    return replace(article, **changes) if changes else article


def _with_given(article: Article, published: date | None) -> Article:
    if article.published is None and published is not None:
        return replace(article, published=published, published_from="given")
    return article


class _UniqueIds:
    def __init__(self) -> None:
        self._seen: set[str] = set()

    def assign(self, article: Article) -> Article:
        doc_id = article.doc_id
        suffix = 2
        while doc_id in self._seen:
            doc_id = f"{article.doc_id}-{suffix}"
            suffix += 1
        self._seen.add(doc_id)
        return article if doc_id == article.doc_id else replace(article, doc_id=doc_id)


def _unknown_type(suffix: str) -> str:
    known = ", ".join(EXTENSIONS)
    shown = f"'{suffix}'" if suffix else "no extension"
    return f"skipped: {shown} is not a readable type ({known})"


def _os_reason(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, IsADirectoryError):
        return "it is a folder"
    return (error.strerror or type(error).__name__).lower()
