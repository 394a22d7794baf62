"""Samples of the shared corpora for tests; a test skips, saying why, when shared/ is absent."""

from __future__ import annotations

import html
import json
import re
from datetime import date
from pathlib import Path

import pytest

from extract.article import Article

ROOT = Path(__file__).resolve().parent.parent
REUTERS = ROOT.parent / "shared" / "corpora" / "reuters21578.jsonl"
TIMEML = ROOT.parent / "shared" / "corpora" / "timeml"


def reuters_sample(folder: Path, count: int) -> Path:
    """The first ``count`` Reuters stories as a JSONL file in ``folder``."""
    if not REUTERS.exists():
        pytest.skip(f"{REUTERS} is not here (it comes with shared/)")
    out = folder / "stories.jsonl"
    with REUTERS.open(encoding="utf-8") as lines, out.open("w", encoding="utf-8") as sink:
        for number, line in enumerate(lines):
            if number == count:
                break
            sink.write(line)
    return out


def fail_on_problem(problem: object) -> None:
    raise AssertionError(f"unexpected problem: {problem}")


SEEDS = ROOT / "seeds"
SEED_000 = "000_ae0033b23e868a57"
SEED_001 = "001_337b95fca48f7d8d"


def seeds_around(folder: Path, count: int) -> Path:
    """A JSONL file of the two seed articles without their dates around ``count`` Reuters
    stories: seed 000 first, seed 001 last, so that a batch cut into chunks puts them apart.
    Seed 000 can only be dated by borrowing seed 001's date (2024-06-20)."""
    stories = reuters_sample(folder, count).read_text(encoding="utf-8").splitlines()
    seeds = [
        json.dumps({"id": stem, "text": (SEEDS / f"{stem}.txt").read_text(encoding="utf-8")})
        for stem in (SEED_000, SEED_001)
    ]
    out = folder / "seeds_around.jsonl"
    out.write_text("\n".join([seeds[0], *stories, seeds[1]]) + "\n", encoding="utf-8")
    return out


def reuters_articles(count: int) -> list[Article]:
    """The first ``count`` Reuters stories as articles (dated: the corpus gives each its day)."""
    if not REUTERS.exists():
        pytest.skip(f"{REUTERS} is not here (it comes with shared/)")
    articles = []
    with REUTERS.open(encoding="utf-8") as lines:
        for line, _ in zip(lines, range(count), strict=False):
            story = json.loads(line)
            articles.append(Article(story["id"], story["text"], story.get("title", ""),
                                    published=date.fromisoformat(story["published"])))
    return articles


# --- articles whose true publication date is known, and hidden --------------------------------

_DCT = re.compile(r'<DCT>.*?value="(\d{4}-\d{2}-\d{2})', re.S)
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_TAG = re.compile(r"<[^>]+>")


def undated_reuters(size: int) -> list[tuple[Article, date]]:
    """``size`` Reuters stories spread evenly over the corpus, without their date, and that
    date (the sample ``benchmarks/published_accuracy.py`` scores)."""
    if not REUTERS.exists():
        pytest.skip(f"{REUTERS} is not here (it comes with shared/)")
    lines = REUTERS.read_text(encoding="utf-8").splitlines()
    sample = []
    for line in lines[:: max(1, len(lines) // size)][:size]:
        record = json.loads(line)
        truth = date.fromisoformat(record["published"])
        sample.append((Article(doc_id=record["id"], text=record["text"]), truth))
    return sample


def undated_timeml() -> list[tuple[Article, date]]:
    """Every TimeML document's text without its creation time, and that day."""
    if not TIMEML.exists():
        pytest.skip(f"{TIMEML} is not here (it comes with shared/)")
    sample = []
    for path in sorted(TIMEML.glob("*/*.tml")):
        raw = path.read_text(encoding="utf-8")
        dct, body = _DCT.search(raw), _TEXT.search(raw)
        if dct and body:
            text = html.unescape(_TAG.sub("", body.group(1)))
            sample.append((Article(doc_id=path.stem, text=text), date.fromisoformat(dct[1])))
    return sample
