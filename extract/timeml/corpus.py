"""Reading TimeML (.tml) files: the text the tagger sees and the TIMEX3 it should find.

Why our own reader: TempEval-3 scores character offsets into the content of ``<TEXT>`` with the
tags removed and XML entities unescaped, so the reader must rebuild exactly that string and the
gold offsets into it. The publication date (DCT) is the ``<DCT>`` TIMEX3 with
``functionInDocument="CREATION_TIME"``; it anchors every relative expression but is not scored.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from extract.errors import InputError
from extract.timex.tagger import Timex


@dataclass(frozen=True, slots=True)
class TimemlDocument:
    """One annotated article: ``gold`` offsets point into ``text``."""

    doc_id: str
    text: str
    dct: date | None
    gold: tuple[Timex, ...]
    path: str = ""


def read_timeml(path: str | Path) -> TimemlDocument:
    """Parse one .tml file; raises ``InputError`` naming the file if it is not TimeML with a
    <TEXT>."""
    path = Path(path)
    try:
        root = ET.fromstring(path.read_bytes())
    except (ET.ParseError, OSError) as error:
        raise InputError(f"{path}: not readable as TimeML XML ({error}).") from error
    body = root.find("TEXT")
    if body is None:
        raise InputError(f"{path}: has no <TEXT> element.")
    pieces: list[str] = []
    gold: list[Timex] = []
    _walk(body, pieces, gold, offset=0)
    docid = root.findtext("DOCID") or path.stem
    return TimemlDocument(docid.strip(), "".join(pieces), _dct(root), tuple(gold), str(path))


def read_corpus(folder: str | Path) -> list[TimemlDocument]:
    """Every ``*.tml`` file in ``folder``, sorted by name."""
    return [read_timeml(p) for p in sorted(Path(folder).glob("*.tml"))]


def _walk(element: ET.Element, pieces: list[str], gold: list[Timex], offset: int) -> int:
    """Append the text under ``element`` to ``pieces``, recording TIMEX3 spans; return the end."""
    if element.text:
        pieces.append(element.text)
        offset += len(element.text)
    for child in element:
        start = offset
        offset = _walk(child, pieces, gold, offset)
        if child.tag == "TIMEX3":
            text = "".join(pieces)[start:offset] if offset - start else ""
            gold.append(Timex(start, offset, text, child.get("type", ""), child.get("value", "")))
        if child.tail:
            pieces.append(child.tail)
            offset += len(child.tail)
    return offset


def _dct(root: ET.Element) -> date | None:
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            value = timex.get("value", "")[:10]
            try:
                return date.fromisoformat(value)
            except ValueError:
                return None
    return None
