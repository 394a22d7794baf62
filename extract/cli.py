"""Extraction commands of ``dateline``: ``extract``, ``tag`` and ``evaluate``.

A veneer over the library: each command parses its options, calls one function of ``extract``
and formats the result. The dashboard adds ``serve`` and ``export`` to the same group in
``dashboard/cli.py`` so that this module never imports dash or plotly.

Errors: a bad input file is one line on stderr and the batch goes on; a failure the library
explains (a ``DatelineError``, ``extract.errors``) ends the command with its one sentence; any
other exception is a bug and keeps its traceback. ``explained`` does this for every command,
the dashboard's too.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from extract.article import Article, Problem
from extract.errors import DatelineError

if TYPE_CHECKING:
    import pandas as pd


class _IsoDate(click.ParamType):
    name = "YYYY-MM-DD"

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None):
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.fail(f"{value!r} is not a date like 2024-06-20", param, ctx)


ISO_DATE = _IsoDate()


class _ProblemCounter:
    """Prints each problem as one line on stderr and counts them."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, problem: Problem) -> None:
        self.count += 1
        click.echo(str(problem), err=True)


def explained(command: Callable[..., None]) -> Callable[..., None]:
    """Every ``dateline`` command's errors as one line (exit status 1): a ``DatelineError`` says
    its own sentence, an ``OSError`` (a file that cannot be written, a port in use) says what
    and, when known, which file. Anything else is a bug and keeps its traceback."""

    @functools.wraps(command)
    def run(*args: object, **kwargs: object) -> None:
        try:
            command(*args, **kwargs)
        except DatelineError as error:
            raise click.ClickException(str(error)) from error
        except OSError as error:
            raise click.ClickException(_os_sentence(error)) from error

    return run


def _os_sentence(error: OSError) -> str:
    """``Permission denied: out/chart.png.`` rather than ``[Errno 13] ...``."""
    where = f": {error.filename}" if error.filename else ""
    return f"{error.strerror or type(error).__name__}{where}."


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="dateline")
def cli() -> None:
    """Dateline: turn a pile of news articles into an explorable, sourced timeline."""


@cli.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--published", type=ISO_DATE, help="Publication date for inputs that carry none.")
@click.option(
    "--format", "fmt", type=click.Choice(["csv", "json", "parquet"]), default=None,
    help="Output format (default: from --output's extension, else csv).",
)
@click.option("--output", "-o", type=click.Path(path_type=Path), help="Write here (atomically).")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: every core). Needs --output.")
@click.option("--resume", is_flag=True, help="Keep the chunks an interrupted run finished.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local",
              help="local processes, or a Dask cluster (writes a Parquet dataset folder).")
@click.option("--scheduler", metavar="tcp://HOST:PORT",
              help="Dask scheduler to use (default: start a LocalCluster).")
@click.option("--data", "data_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Apply the curations kept in this data folder (`dateline curate`).")
@explained
def extract_command(
    paths: tuple[Path, ...], published: date | None, fmt: str | None, output: Path | None,
    workers: int | None, resume: bool, engine: str, scheduler: str | None,
    data_dir: Path | None,
) -> None:
    """Extract dated events from articles (.txt .md .html .jsonl files or folders).

    Without --output the events go to stdout (csv or json). With --output the corpus is streamed
    through every core in chunks and written atomically; --resume reuses finished chunks.

    Example:

        dateline extract seeds/ --format json

        dateline extract stories.jsonl --published 2024-06-20 -o events.parquet

        dateline extract big.jsonl --engine dask --scheduler tcp://10.0.0.5:8786 -o events/

        dateline extract seeds/ --data ./newsroom --format json    # as curated there
    """
    from extract import serialize

    problems = _ProblemCounter()
    if engine == "dask":
        if output is None:
            raise click.UsageError("the dask engine writes a Parquet folder: give --output DIR")
        if data_dir is not None:
            raise click.UsageError("--data needs the local engine; curate the Parquet folder "
                                   "with `dateline export EVENTS/ --data DIR -o FILE`")
        from extract.run.dask_engine import run_dask

        summary = run_dask(paths, output, published=published, scheduler=scheduler,
                           workers=workers, on_problem=problems)
        _finish(summary.articles, summary.events, summary.seconds, output)
        return
    fmt = fmt or (serialize.format_of(output) if output else "csv")
    if fmt == "parquet" and output is None:
        raise click.UsageError("Parquet is binary: give --output FILE.parquet")
    if output is not None:
        from extract.run.local import run

        summary = run(paths, output, published=published, workers=workers, resume=resume,
                      on_problem=problems, progress=True)
        events = summary.events
        if data_dir is not None and summary.articles:
            curated = _curated(serialize.read(output), data_dir)
            serialize.write(curated, output, fmt)
            events = len(curated)
        _finish(summary.articles, events, summary.seconds, output)
        return
    from extract.pipeline import extract_paths

    frame, articles = extract_paths(paths, published=published, on_problem=problems, progress=True)
    if not articles:
        raise click.ClickException("no article could be read; see the lines above for why")
    if data_dir is not None:
        frame = _curated(frame, data_dir)
    text = serialize.to_json(frame) if fmt == "json" else serialize.to_csv(frame)
    serialize.write_stream(text, sys.stdout)


def _curated(frame: pd.DataFrame, data_dir: Path) -> pd.DataFrame:
    """``frame`` as the curations in ``data_dir`` leave it (``extract.curation``)."""
    from extract.curation_log import CurationLog
    from extract.pipeline import print_problem

    return CurationLog(data_dir, on_problem=print_problem).apply(frame)


def _finish(articles: int, events: int, seconds: float, output: Path) -> None:
    if not articles:
        raise click.ClickException("no article could be read; see the lines above for why")
    rate = articles / seconds if seconds else 0.0
    click.echo(f"{events} events from {articles} articles in {seconds:.1f} s "
               f"({rate:,.0f} articles/s) -> {output}", err=True)


@cli.command("tag")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--published", type=ISO_DATE, help="Publication date to resolve relative dates.")
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "text"]), default=None,
              help="json (one file), jsonl (one line per article of a .jsonl), text (a table).")
@explained
def tag_command(path: Path, published: date | None, fmt: str | None) -> None:
    """Print the temporal expressions (TIMEX3) of a file, with offsets into its text.

    Offsets are Python string offsets into the file's text as read (UTF-8). A .jsonl file is
    tagged one article a line, each against its own ``published`` field.

    Example:

        dateline tag seeds/001_337b95fca48f7d8d.txt --published 2024-06-20 --format json
    """
    from extract.timex.tagger import tag

    problems = _ProblemCounter()
    fmt = fmt or ("jsonl" if path.suffix.lower() == ".jsonl" else "json")
    if path.suffix.lower() == ".jsonl":
        for article in _jsonl_articles(path, published, problems):
            timexes = [t.as_dict() for t in tag(article.text, article.published)]
            day = article.published.isoformat() if article.published else None
            line = {"id": article.doc_id, "published": day, "timexes": timexes}
            click.echo(json.dumps(line, ensure_ascii=False))
        return
    text = _read_text(path)
    timexes = tag(text, published)
    if fmt == "text":
        for t in timexes:
            click.echo(f"{t.start:>6} {t.end:>6}  {t.type:<8} {t.value:<14} {t.text}")
        return
    payload = [t.as_dict() for t in timexes]
    if fmt == "jsonl":
        day = published.isoformat() if published else None
        payload = {"id": path.stem, "published": day, "timexes": payload}  # type: ignore[assignment]
        click.echo(json.dumps(payload, ensure_ascii=False))
        return
    click.echo(json.dumps(payload, ensure_ascii=False, indent=1))


@cli.command("evaluate")
@click.argument("corpora", nargs=-1, type=click.Path(exists=True, file_okay=False, path_type=Path))
@explained
def evaluate_command(corpora: tuple[Path, ...]) -> None:
    """Score the date tagger on TimeML corpora (TempEval-3 strict, relaxed, value, type F1).

    Example:

        dateline evaluate ../shared/corpora/timeml/TimeBank ../shared/corpora/timeml/AQUAINT
    """
    from extract.timeml.evaluate import format_scores, score_corpus

    if not corpora:
        raise click.UsageError("name at least one folder of .tml files")
    for corpus in corpora:
        click.echo(format_scores(corpus.name, score_corpus(corpus)))


def _read_text(path: Path) -> str:
    """The file's text as Python reads it; Latin-1 when it is not UTF-8 (said on stderr)."""
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        click.echo(f"{path}: not valid UTF-8; read as Latin-1", err=True)
        return path.read_text(encoding="latin-1")
    except OSError as error:
        raise click.ClickException(f"{path}: cannot be read ({error.strerror})") from error


def _jsonl_articles(
    path: Path, published: date | None, problems: _ProblemCounter
) -> Iterator[Article]:
    from extract.read.readers import read_articles

    yield from read_articles([path], published=published, on_problem=problems)
