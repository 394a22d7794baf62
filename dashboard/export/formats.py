"""The formats an export can be written in, and which one a file name asks for.

Why a module of its own: ``dateline export --format``, the export function and the image
exporter must agree on the list, and the CLI reads it when the command is defined, before any
plotting library is imported; this module imports none.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO

from extract.errors import InputError

IMAGE_FORMATS: tuple[str, ...] = ("png", "svg", "pdf")
DATA_FORMATS: tuple[str, ...] = ("csv", "json", "parquet", "timelinejs")
OUTPUT_FORMATS: tuple[str, ...] = (*IMAGE_FORMATS, "html", *DATA_FORMATS)

Output = str | Path | IO[bytes]  # a file to write atomically, or a binary stream (a download)


def output_format(output: Output, fmt: str | None = None) -> str:
    """The format ``fmt`` names, else the one ``output``'s extension names."""
    name = Path(output).name if isinstance(output, str | Path) else ""
    chosen = (fmt or Path(name).suffix.lstrip(".")).lower()
    if chosen == "htm":
        chosen = "html"
    if chosen not in OUTPUT_FORMATS:
        shown = f"of {name!r}" if name else "to write"
        raise InputError(
            f"Cannot tell the format {shown}; end it in .png, .svg, .pdf, .html, .csv, .json or "
            ".parquet, or pass --format timelinejs."
        )
    return chosen
