"""Where the folders that ship with Dateline are: the app's assets and the seed articles.

Why a module: both live at the top of the source tree (``assets/``, ``seeds/``) and inside the
installed package (``dashboard/assets``, ``dashboard/seeds``, mapped in ``pyproject.toml``), so
``dateline serve`` with no PATH shows the seeds from any folder after ``pip install``.
"""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def _first(name: str, probe: str) -> Path:
    """The source tree's folder when running from a checkout, else the installed copy."""
    candidates = (_HERE.parent / name, _HERE / name)
    return next((folder for folder in candidates if (folder / probe).exists()), candidates[0])


ASSETS = _first("assets", "dateline.css")
SEEDS = _first("seeds", "metadata.json")
