"""No text makes extraction superlinear: repetitive and adversarial articles, work counted.

Why: one article that is a date repeated ("March 2021 " x 445,000, a 4.9 MB paste) once kept a
core busy for 40 minutes, every label comparing each word with every other date of its
sentence, and quotes were matched against every quote of the text. The work is counted as
lines of ``extract/`` run (``tests/operations.py``), file by file, so a step that turns
quadratic fails here on any machine, however fast. Each text is extracted at two lengths:
doubling the text must at most double the work of every file, and the events are counted
exactly. (Work done inside C, a regex scan, is not counted; the cliff was all Python.)
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from operations import lines_run

from extract.article import Article
from extract.pipeline import extract_articles

PUBLISHED = date(2024, 6, 20)
# text repeated -> events per repetition
TEXTS = {
    "March 2021 ": 1,
    "2021-03-04 ": 1,
    "on Monday and Tuesday, ": 2,
    "Mark Rutte met Joe Biden in Paris on 3 March 2021, ": 1,
    '((( [2021] "In May," he said on 3 March 2021. ': 3,
    "The summit opened on 3 March 2021. ": 1,
    "The vote will be held on 3 March 2025 ": 1,  # a future word: every clause's tense asked
    "1 2 3 4 5 6 7 8 9 10 ": 0,
    "may may May ": 0,
}
SLACK = 2.25  # doubling may cost a little more than twice: a few fixed costs are per text


def work_by_file(unit: str, times: int) -> tuple[int, dict[str, int]]:
    article = Article("adversarial", unit * times, published=PUBLISHED)
    with lines_run(by_file=True) as count:
        frame, _ = extract_articles([article])
    return len(frame), {Path(name).name: lines for name, lines in count.files.items()}


@pytest.mark.parametrize("unit", list(TEXTS))
def test_doubling_a_repetitive_text_at_most_doubles_the_work_of_every_step(unit):
    times = 160  # past every per-row bound (64 cluster neighbours, 3 run-on dates each side)
    events, small = work_by_file(unit, times)
    twice, large = work_by_file(unit, 2 * times)
    per_event = TEXTS[unit]
    assert (events, twice) == (per_event * times, per_event * 2 * times)
    grown = {name: round(lines / small.get(name, 1), 2) for name, lines in large.items()
             if lines > 2_000 and lines > SLACK * small.get(name, 0)}
    assert grown == {}, f"superlinear steps (lines at 2x / lines at 1x): {grown}"


def test_a_date_repeated_costs_a_bounded_number_of_lines_per_date():
    events, files = work_by_file("March 2021 ", 400)
    assert events == 400
    assert sum(files.values()) / events < 1_500  # about 800 now; 3,000+ in labels alone before
