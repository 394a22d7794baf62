"""``dateline curate``: hide, edit, merge, split, add and undo events, in a data folder's log.

A veneer over ``extract.curation`` (what a decision is) and ``extract.curation_log`` (where it
is kept): each command checks its event ids against the events the folder knows, appends one
record, and says what it did in a line. ``dateline extract|export|serve --data DIR`` show the
events as curated.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable
from pathlib import Path

import click

from extract import curation
from extract.cli import cli, explained
from extract.curation_log import CurationLog

_DATA = click.option("--data", "data_dir", required=True,
                     type=click.Path(file_okay=False, path_type=Path),
                     help="The data folder holding the curation log (as for `dateline serve`).")
_WHO = click.option("--who", default=None, metavar="NAME",
                    help="Who made the decision, for the log [default: your login name].")


@cli.group("curate")
def curate() -> None:
    """Correct the timeline: decisions kept in DIR/curations.jsonl and applied on read.

    Event ids are the ``event_id`` column of `dateline extract ... --format json`.

    Example:

    \b
        dateline curate hide 001_337b95fca48f7d8d:4933 --data ./newsroom
        dateline curate edit 000_ae0033b23e868a57:4094 --label "MH17 shot down" \\
            --date 2014-07-17 --data ./newsroom
    """


def _log(data_dir: Path) -> CurationLog:
    from extract.pipeline import print_problem

    return CurationLog(data_dir, on_problem=print_problem)


def _who(who: str | None) -> str:
    if who:
        return who
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def _decide(
    data_dir: Path, who: str | None, decision: Callable[..., curation.Record], *args: object
) -> None:
    """Make ``decision`` (``curation.hide``, ``edit``, ...) on ``args`` against the known events
    as curated so far, hidden ones included (they can be named); keep its record and say it."""
    log = _log(data_dir)
    known = curation.apply(log.known(), log.read(), show_hidden=True)
    record = decision(known, *args, _who(who), log.clock())
    log.append(record)
    named = ", ".join(record.get("events") or []) or record.get("target", "")
    click.echo(f"{record['op']} {named} (curation {record['id'][:8]})", err=True)


@curate.command("hide")
@click.argument("event_id")
@_DATA
@_WHO
@explained
def hide_command(event_id: str, data_dir: Path, who: str | None) -> None:
    """Hide an event (and the other reports of its happening) from the timeline.

    Example:

        dateline curate hide 001_337b95fca48f7d8d:4933 --data ./newsroom
    """
    _decide(data_dir, who, curation.hide, event_id)


@curate.command("unhide")
@click.argument("event_id")
@_DATA
@_WHO
@explained
def unhide_command(event_id: str, data_dir: Path, who: str | None) -> None:
    """Bring a hidden event back."""
    _decide(data_dir, who, curation.unhide, event_id)


@curate.command("edit")
@click.argument("event_id")
@click.option("--label", help="What happened, as the timeline should say it.")
@click.option("--date", "dates", metavar="YYYY-MM-DD[..YYYY-MM-DD]",
              help="The day, or the first and last day of the range.")
@click.option("--precision", type=click.Choice(curation.PRECISIONS),
              help="How precise the date is [default: what the range spells: a whole month is "
                   "'month', one day 'day'].")
@click.option("--actor", "actors", multiple=True, metavar="NAME",
              help="Who was involved (repeatable; replaces the extracted actors).")
@click.option("--status", type=click.Choice(curation.MODALITIES),
              help="Whether it happened, is expected, or is hypothetical.")
@_DATA
@_WHO
@explained
def edit_command(
    event_id: str, label: str | None, dates: str | None, precision: str | None,
    actors: tuple[str, ...], status: str | None, data_dir: Path, who: str | None,
) -> None:
    """Correct an event's label, date, actors or status.

    Example:

    \b
        dateline curate edit 000_ae0033b23e868a57:4094 \\
            --label "MH17 shot down over eastern Ukraine" --date 2014-07-17 --data ./newsroom
    """
    changes: dict[str, object] = {"label": label, "modality": status}
    if dates:
        changes.update(curation.parse_dates(dates))
    if precision:
        changes["precision"] = precision
    if actors:
        changes["actors"] = list(actors)
    _decide(data_dir, who, curation.edit, event_id, changes)


@curate.command("merge")
@click.argument("event_ids", nargs=-1, required=True)
@_DATA
@_WHO
@explained
def merge_command(event_ids: tuple[str, ...], data_dir: Path, who: str | None) -> None:
    """Merge two or more events into one happening; every source is kept. The first event's
    label, date and status become the happening's.

    Example:

        dateline curate merge 000_ae0033b23e868a57:192 001_337b95fca48f7d8d:4263 --data ./newsroom
    """
    _decide(data_dir, who, curation.merge, event_ids)


@curate.command("split")
@click.argument("event_id")
@_DATA
@_WHO
@explained
def split_command(event_id: str, data_dir: Path, who: str | None) -> None:
    """Take an event out of its happening (for a merged one: cancel that merge)."""
    _decide(data_dir, who, curation.split, event_id)


@curate.command("add")
@click.option("--label", required=True, help="What happened.")
@click.option("--date", "dates", required=True, metavar="YYYY-MM-DD[..YYYY-MM-DD]",
              help="The day, or the first and last day of the range.")
@click.option("--actor", "actors", multiple=True, metavar="NAME", help="Who (repeatable).")
@click.option("--status", type=click.Choice(curation.MODALITIES), default="happened",
              show_default=True, help="Whether it happened, is expected, or is hypothetical.")
@click.option("--source", help="Where it is reported (a publisher, a document).")
@click.option("--sentence", help="The sentence that reports it, if any.")
@_DATA
@_WHO
@explained
def add_command(
    label: str, dates: str, actors: tuple[str, ...], status: str, source: str | None,
    sentence: str | None, data_dir: Path, who: str | None,
) -> None:
    """Add an event the extractor missed.

    Example:

        dateline curate add --label "Rutte takes office" --date 2024-10-01 --data ./newsroom
    """
    event = {"label": label, **curation.parse_dates(dates), "actors": list(actors),
             "modality": status, "source": source, "sentence": sentence}
    log = _log(data_dir)
    record = curation.add(event, _who(who), log.clock())
    log.append(record)
    click.echo(f"add {curation.added_id(record)} (curation {record['id'][:8]})", err=True)


@curate.command("undo")
@_DATA
@_WHO
@explained
def undo_command(data_dir: Path, who: str | None) -> None:
    """Undo the latest curation still in effect (again: the one before it).

    Example:

        dateline curate undo --data ./newsroom
    """
    log = _log(data_dir)
    record = curation.undo(log.read(), _who(who), log.clock())
    log.append(record)
    click.echo(f"undid the {record['undoes']} {record['target'][:8]}", err=True)


@curate.command("log")
@_DATA
@explained
def log_command(data_dir: Path) -> None:
    """List every curation, oldest first: when, who, what, on which events; undone ones are
    marked.

    Example:

        dateline curate log --data ./newsroom
    """
    log = _log(data_dir)
    for line in curation.describe(log.read()):
        click.echo(line)
