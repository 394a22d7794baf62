"""Bytes to text: which encoding a file is in, and whether it is text at all.

Why these rules: offsets in the events frame point into the decoded text, so decoding must be
deterministic and never fail. UTF-8 first (a BOM is dropped; UTF-16 with a BOM is accepted).
A file that is not UTF-8 and holds no valid UTF-8 multibyte sequence at all is an 8-bit legacy
file and is read as cp1252 (Latin-1's superset, Latin-1 for its five unused bytes) *silently*:
that reading is right for Western text, so a message would be noise. A file that is mostly
UTF-8 but has some bad bytes is damaged: the bad bytes become U+FFFD and a Problem says so,
since the text the user sees differs from the file. NUL bytes or many control characters mean
binary: a Problem, and no text.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable

from extract.article import Problem

SNIFF_BYTES = 64 * 1024
"""How much of a file is looked at to decide whether it is binary."""

_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _ignore(_: Problem) -> None:
    return None


def decode_text(
    data: bytes, where: str, on_problem: Callable[[Problem], None] = _ignore
) -> str | None:
    """``data`` as text by the rules in the module docstring; None (and a Problem) if binary."""
    for bom in _UTF16_BOMS:
        if data.startswith(bom):
            return data.decode("utf-16", errors="replace")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    if looks_binary(data[:SNIFF_BYTES]):
        on_problem(Problem(where, "skipped: it looks binary, not text"))
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        first_bad = error.start
    lenient = data.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd")
    good = sum(1 for char in lenient if char > "\x7f") - bad
    if good > bad:
        reason = (
            f"read with {bad} bad byte(s) replaced by U+FFFD: not valid UTF-8 at byte {first_bad}"
        )
        on_problem(Problem(where, reason))
        return lenient
    return data.decode("cp1252", errors="strict") if _is_cp1252(data) else data.decode("latin-1")


def _is_cp1252(data: bytes) -> bool:
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def looks_binary(sample: bytes) -> bool:
    """NUL bytes, or more than 5% control characters that text does not use."""
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 0x20 and byte not in _TEXT_CONTROLS)
    return controls > max(8, len(sample) // 20)
