"""Adding articles from the browser: uploaded files or pasted text, checked before extraction.

Why limits: an upload arrives base64-encoded inside a callback request, so a careless drop of a
whole archive would stall the app for everyone. The limits are ``extract.settings``'
``MAX_UPLOAD_*`` and ``MAX_PASTE_CHARS``; each refusal is a sentence that says what was wrong and
what is accepted. Reading itself is ``extract.read.readers``' job (same rules as the CLI);
this module only decodes, checks and collects messages.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from extract import settings
from extract.article import Article, Problem
from extract.read.readers import EXTENSIONS, read_bytes, read_text_article, shown

ACCEPT = ",".join(sorted(EXTENSIONS))


@dataclass
class Intake:
    """What an upload yielded: readable articles, and one message per thing that went wrong."""

    articles: list[Article] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def extend(self, other: Intake) -> None:
        self.articles.extend(other.articles)
        self.problems.extend(other.problems)


def read_uploads(
    names: Sequence[str] | None, contents: Sequence[str] | None, published: date | None = None
) -> Intake:
    """Articles from ``dcc.Upload``'s ``filename`` and ``contents`` (data URLs)."""
    intake = Intake()
    names, contents = [str(n or '') for n in names or []], list(contents or [])
    if len(names) != len(contents):
        intake.problems.append(
            f"{len(names)} file names arrived with {len(contents)} files; nothing was added. "
            "Choose the files again."
        )
        return intake
    if len(names) > settings.MAX_UPLOAD_FILES:
        intake.problems.append(
            f"{len(names)} files were dropped; at most {settings.MAX_UPLOAD_FILES} can be added "
            "at once. Add them in smaller groups, or use `dateline serve FOLDER` for a large "
            "collection."
        )
        return intake
    total = 0
    for name, content in zip(names, contents, strict=True):
        label = _display(name)
        data = _decode(content)
        if data is None:
            intake.problems.append(f"{label}: the upload arrived damaged; try adding it again.")
            continue
        suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
        if suffix not in EXTENSIONS:
            intake.problems.append(
                f"{label}: {_display(suffix) or 'files without an extension'} cannot be read; "
                f"add {', '.join(sorted(EXTENSIONS))} files."
            )
            continue
        if len(data) > settings.MAX_UPLOAD_FILE_BYTES:
            limit = settings.MAX_UPLOAD_FILE_BYTES // 2**20
            intake.problems.append(
                f"{label}: {len(data) / 1e6:.1f} MB is over the {limit} MB limit for one upload; "
                "split it, or use `dateline serve` on the file."
            )
            continue
        total += len(data)
        if total > settings.MAX_UPLOAD_BYTES:
            intake.problems.append(
                f"{label} and later files were skipped: together the upload passed "
                f"{settings.MAX_UPLOAD_BYTES // 2**20} MB."
            )
            break
        problems: list[Problem] = []
        found = read_bytes(name, data, published=published, on_problem=problems.append)
        intake.articles.extend(found)
        intake.problems.extend(str(p) for p in problems)
    return intake


def read_paste(
    text: str | None,
    title: str | None = None,
    published: date | None = None,
    doc_id: str = "pasted",
) -> Intake:
    """One article from pasted text; the text is kept exactly as pasted."""
    intake = Intake()
    text = text or ""
    if not text.strip():
        return intake
    if len(text) > settings.MAX_PASTE_CHARS:
        intake.problems.append(
            f"The pasted text has {len(text):,} characters; at most "
            f"{settings.MAX_PASTE_CHARS:,} can be pasted. Save it as a .txt file and upload that "
            "instead."
        )
        return intake
    intake.articles.append(
        read_text_article(
            text,
            doc_id=doc_id,
            title=(title or "").strip() or _first_line(text),
            source="pasted",
            published=published,
        )
    )
    return intake


def _display(name: object) -> str:
    """A file name fit for a one-line message: text, control characters escaped, not too long
    (a name is chosen by whoever made the file; it is only ever shown as text)."""
    text, limit = (shown(str(name)) if name else ""), settings.MAX_UPLOAD_NAME_CHARS
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _decode(content: str | None) -> bytes | None:
    if not content or "," not in content:
        return None
    try:
        return base64.b64decode(content.split(",", 1)[1], validate=True)
    except (binascii.Error, ValueError):
        return None


def _first_line(text: str) -> str:
    line = text.strip().splitlines()[0].strip()
    return line if len(line) <= 90 else line[:89] + "…"
