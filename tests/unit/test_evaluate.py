"""The TempEval-3 scorer: matching, the four measures, and reading TimeML gold."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from extract.timeml.corpus import TimemlDocument, read_timeml
from extract.timeml.evaluate import Errors, format_scores, match, score_corpus, score_documents
from extract.timex.tagger import Timex

TML = """<?xml version="1.0" ?>
<TimeML><DOCID>doc1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08"
 functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>Profits &amp; sales fell <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3>, \
after <TIMEX3 tid="t2" type="DURATION" value="P2Y">two <EVENT eid="e1">long</EVENT> years</TIMEX3>.\
</TEXT>
</TimeML>
"""


def _doc(tmp_path: Path) -> TimemlDocument:
    path = tmp_path / "doc1.tml"
    path.write_text(TML, encoding="utf-8")
    return read_timeml(path)


def test_reader_strips_tags_unescapes_entities_and_keeps_gold_offsets(tmp_path: Path) -> None:
    doc = _doc(tmp_path)
    assert doc.text.startswith("Profits & sales fell yesterday")
    assert doc.dct == date(1998, 1, 8)
    assert [(g.text, g.type, g.value) for g in doc.gold] == [
        ("yesterday", "DATE", "1998-01-07"),
        ("two long years", "DURATION", "P2Y"),
    ]
    assert all(doc.text[g.start : g.end] == g.text for g in doc.gold)


def test_reader_names_the_file_when_it_is_not_timeml(tmp_path: Path) -> None:
    path = tmp_path / "broken.tml"
    path.write_text("<TimeML><TEXT>unclosed", encoding="utf-8")
    with pytest.raises(ValueError, match="broken.tml"):
        read_timeml(path)


def _t(start: int, end: int, value: str = "V", kind: str = "DATE") -> Timex:
    return Timex(start, end, "x" * (end - start), kind, value)


def test_each_system_expression_matches_at_most_one_gold_expression() -> None:
    gold = [_t(0, 5), _t(6, 10)]
    system = [_t(0, 10)]
    assert len(match(gold, system)) == 1


def test_exact_extents_are_paired_before_overlaps() -> None:
    gold = [_t(0, 5), _t(3, 9)]
    system = [_t(2, 4), _t(3, 9)]
    pairs = match(gold, system)
    assert (gold[1], system[1]) in pairs and (gold[0], system[0]) in pairs


def test_strict_relaxed_value_and_type_count_what_they_should(tmp_path: Path) -> None:
    doc = _doc(tmp_path)
    yesterday, years = doc.gold

    def tagger(text: str, published: date | None) -> list[Timex]:
        return [
            Timex(yesterday.start, yesterday.end, yesterday.text, "DATE", "1998-01-07"),
            Timex(years.start + 4, years.end, "long years", "DATE", "PXY"),  # overlap, wrong value
            Timex(0, 7, "Profits", "DATE", "PAST_REF"),  # spurious
        ]

    errors = Errors()
    scores = score_documents([doc], tagger, errors).scores()
    assert scores["strict"]["precision"] == pytest.approx(100 / 3)
    assert scores["strict"]["recall"] == pytest.approx(50)
    assert scores["relaxed"]["recall"] == pytest.approx(100)
    assert scores["value"]["recall"] == pytest.approx(50)
    assert scores["type"]["recall"] == pytest.approx(50)
    assert [s.text for _, s in errors.spurious] == ["Profits"]
    assert [g.text for _, g, _ in errors.wrong_value] == ["two long years"]


def test_score_corpus_reports_counts_and_f1_and_formats_them(tmp_path: Path) -> None:
    _doc(tmp_path)
    scores = score_corpus(tmp_path)
    assert (scores["documents"], scores["gold"]) == (1, 2)
    assert scores["value"]["f1"] == pytest.approx(100)  # the real tagger gets both right
    table = format_scores("tiny", scores)
    assert "tiny: 1 documents" in table and "value" in table
