"""JSON Lines collections: one article per line, read as a stream.

Why line by line: a collection such as Reuters-21578 (19,043 stories) should start flowing at
once and never sit in memory whole, and one broken line must not cost the others. Each line
is an object with ``text`` (required, a non-empty string) and optional ``id`` (string or
integer), ``title``, ``source``, ``url`` (strings) and ``published`` (``YYYY-MM-DD``); null
counts as absent. A line that is not such an object is skipped with a Problem naming
``file:line``; a wrong optional field is reported and dropped, and the article is kept.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import Any

from extract.article import Article, Problem
from extract.errors import InputError
from extract.read.frontmatter import parse_date

_OPTIONAL_TEXT = ("title", "source", "url")


def read_jsonl(
    lines: Iterable[bytes], *, where: str, stem: str, on_problem: Callable[[Problem], None]
) -> Iterator[Article]:
    """Articles from the lines of a JSONL file; ``where`` names it in problems.

    ``doc_id`` is the line's ``id``, or ``{stem}:{line number}`` when it has none.
    """
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        here = f"{where}:{number}"
        record = _load(raw, here, on_problem)
        if record is None:
            continue
        article = _article(record, here, f"{stem}:{number}", on_problem)
        if article is not None:
            yield article


def _load(raw: bytes, here: str, on_problem: Callable[[Problem], None]) -> dict[str, Any] | None:
    try:
        record = json.loads(raw)
    except UnicodeDecodeError:
        on_problem(Problem(here, "line skipped: it is not valid UTF-8"))
        return None
    except (ValueError, RecursionError) as error:
        reason = error.msg if isinstance(error, json.JSONDecodeError) else "nested too deeply"
        on_problem(Problem(here, f"line skipped: malformed JSON ({reason})"))
        return None
    if not isinstance(record, dict):
        kind = "a list" if isinstance(record, list) else "not an object"
        on_problem(Problem(here, f"line skipped: expected a JSON object, got {kind}"))
        return None
    return record


def _article(
    record: dict[str, Any], here: str, fallback_id: str, on_problem: Callable[[Problem], None]
) -> Article | None:
    text = record.get("text")
    if text is None:
        on_problem(Problem(here, "line skipped: it has no 'text' field"))
        return None
    if not isinstance(text, str):
        on_problem(Problem(here, f"line skipped: 'text' is {_kind(text)}, not a string"))
        return None
    if not text.strip():
        on_problem(Problem(here, "line skipped: 'text' is empty"))
        return None
    fields = {name: _text_field(record, name, here, on_problem) for name in _OPTIONAL_TEXT}
    published = _published(record.get("published"), here, on_problem)
    return Article(
        doc_id=_doc_id(record.get("id"), fallback_id, here, on_problem),
        text=text,
        published=published,
        published_from="metadata" if published else "unknown",
        path=here.rsplit(":", 1)[0],
        **fields,
    )


def _text_field(
    record: dict[str, Any], name: str, here: str, on_problem: Callable[[Problem], None]
) -> str:
    value = record.get(name)
    if value is None or isinstance(value, str):
        return value or ""
    on_problem(Problem(here, f"'{name}' is {_kind(value)}, not a string; read without it"))
    return ""


def _published(value: object, here: str, on_problem: Callable[[Problem], None]) -> date | None:
    if value is None or value == "":
        return None
    try:
        return parse_date(value)
    except InputError as reason:
        shown = json.dumps(value)[:40]
        on_problem(Problem(here, f"'published' {shown} is not a date ({reason}); read without it"))
        return None


def _doc_id(value: object, fallback: str, here: str, on_problem: Callable[[Problem], None]) -> str:
    if isinstance(value, str) and value.strip():
        return value.strip()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if value is not None and value != "":
        on_problem(Problem(here, f"'id' is {_kind(value)}, not a string; using {fallback}"))
    return fallback


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "null" if value is None else type(value).__name__
