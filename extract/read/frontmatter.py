"""Metadata people write by hand: a front matter block atop a text file, and the dates in it.

Why our own parser and not YAML: front matter here is a handful of ``key: value`` lines
(``title``, ``source``, ``url``, ``published``), and the article text after it must stay byte
for byte as written, because event offsets point into it. A YAML library would add a dependency
and still not tell us where the block ends. The same date rule (``YYYY-MM-DD``, optionally
followed by a time) serves front matter, JSONL fields and ``metadata.json`` sidecars.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from extract.errors import InputError

FIELDS: tuple[str, ...] = ("title", "source", "url", "published")
"""The metadata an article may carry; ``date`` is accepted as another name for ``published``."""

_ALIASES = {"date": "published"}
_FENCE = re.compile(r"---[ \t]*(?:\r\n|\n|\r|$)")
_KEY_LINE = re.compile(r"(?P<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]*(?P<value>.*?)[ \t]*$")
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\d{2}:\d{2})")
_MAX_LINES = 100  # a fence further down is a horizontal rule, not the end of front matter


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """``fields`` holds the known keys found; ``body_start`` is where the article text begins."""

    fields: dict[str, str] = field(default_factory=dict)
    body_start: int = 0


def split_front_matter(text: str) -> FrontMatter:
    """The front matter at the top of ``text`` (if any) and where the text after it starts.

    A block is a first line ``---``, then ``key: value`` lines (indented or ``- `` lines are
    continuations and ignored), then a closing ``---`` line. Anything else is plain text.

    >>> split_front_matter("---\\ntitle: Hi\\n---\\nBody").fields
    {'title': 'Hi'}
    """
    opening = _FENCE.match(text)
    if not opening:
        return FrontMatter()
    fields: dict[str, str] = {}
    position = opening.end()
    for _ in range(_MAX_LINES):
        if position >= len(text):
            return FrontMatter()
        closing = _FENCE.match(text, position)
        if closing:
            return FrontMatter(fields, closing.end())
        line_end = _line_end(text, position)
        line = text[position:line_end].rstrip("\r\n")
        if not _read_line(line, fields):
            return FrontMatter()
        position = line_end
    return FrontMatter()


def parse_date(value: object) -> date:
    """A publication date written as ``YYYY-MM-DD`` (a time after it is ignored).

    Raises ``InputError`` with a short reason that completes "... is not a date: <reason>".
    """
    if not isinstance(value, str):
        raise InputError(f"expected text like 2024-06-20, got {_type_name(value)}")
    match = _ISO_DAY.match(value.strip())
    if not match:
        raise InputError("expected YYYY-MM-DD")
    year, month, day = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError as error:
        raise InputError(str(error)) from None


def _type_name(value: object) -> str:
    names = {
        bool: "true/false",
        int: "a number",
        float: "a number",
        list: "a list",
        dict: "an object",
    }
    if value is None:
        return "null"
    return names.get(type(value), type(value).__name__)


def _line_end(text: str, position: int) -> int:
    newline = text.find("\n", position)
    return len(text) if newline < 0 else newline + 1


def _read_line(line: str, fields: dict[str, str]) -> bool:
    """Record a ``key: value`` line in ``fields``; False if the line cannot be front matter."""
    if not line.strip() or line[:1] in (" ", "\t") or line.startswith("- ") or line.startswith("#"):
        return True
    match = _KEY_LINE.fullmatch(line)
    if not match:
        return False
    key = match["key"].lower()
    key = _ALIASES.get(key, key)
    if key in FIELDS and key not in fields:
        fields[key] = _unquote(match["value"])
    return True


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value
