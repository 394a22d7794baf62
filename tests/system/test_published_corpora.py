"""Publication-date inference measured on corpora with known dates: slow, so not a unit test."""

from __future__ import annotations

from pathlib import Path

import pytest
from operations import Counted

from extract.dating import published, scoring
from extract.dating.published import infer_published

SHARED = Path(__file__).resolve().parents[3] / "shared" / "corpora"


@pytest.mark.slow
@pytest.mark.skipif(not SHARED.exists(), reason="needs ../shared/corpora")
def test_on_reuters_and_timeml_inference_alone_is_rarely_wrong_and_cheap(monkeypatch):
    from corpora import undated_reuters, undated_timeml

    sample = undated_reuters(500) + undated_timeml()
    tagged = Counted(monkeypatch, published, "tag")
    scored = Counted(monkeypatch, scoring, "score_day")
    inferred = [infer_published([article])[0] for article, _ in sample]
    assert tagged.calls == len(sample), "each article is tagged once, for its clues"
    assert tagged.chars <= 50_000 * len(sample)
    assert scored.calls <= 200 * len(sample), "43 candidate days an article, measured"
    wrong = [
        a.doc_id
        for a, (_, truth) in zip(inferred, sample, strict=True)
        if a.published and abs((a.published - truth).days) > 31
    ]
    assert len(wrong) <= 5, wrong
