"""The ``dateline`` command: extraction commands from ``extract.cli`` plus serve and export.

Each command parses its options, calls one library function, and formats the output. Dash and
plotly are imported inside the commands that need them, so ``dateline tag`` stays light.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from dashboard.export.formats import OUTPUT_FORMATS
from extract import (
    curate_cli,  # noqa: F401  (registers `dateline curate` on ``cli``)
    settings,
)
from extract.cli import ISO_DATE, cli, explained
from extract.errors import DatelineError

# --- export ----------------------------------------------------------------------------------

_MIN_WIDTH, _MIN_HEIGHT = settings.EXPORT_MIN_WIDTH, settings.EXPORT_MIN_HEIGHT


@cli.command("export")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="File to write; its extension picks the format (.png .svg .pdf .html .csv "
                   ".json .parquet).")
@click.option("--format", "fmt", type=click.Choice(OUTPUT_FORMATS),
              help="Override the extension, e.g. timelinejs for TimelineJS3 JSON.")
@click.option("--published", type=ISO_DATE, help="Publication date for inputs that carry none.")
@click.option("--actor", "actors", multiple=True, metavar="NAME",
              help="Only events involving this actor (repeatable; any of them).")
@click.option("--from", "date_from", type=ISO_DATE, help="Only events ending on or after this.")
@click.option("--to", "date_to", type=ISO_DATE, help="Only events starting on or before this.")
@click.option("--title", help="Title printed on the chart (default: describes the filters).")
@click.option("--group-by", type=click.Choice(["lanes", "actor"]), default="lanes",
              show_default=True, help="Pack events in lanes, or one band per actor.")
@click.option("--width", type=click.IntRange(min=_MIN_WIDTH),
              help=f"Image width in px (>= {_MIN_WIDTH}; default {settings.EXPORT_WIDTH}).")
@click.option("--height", type=click.IntRange(min=_MIN_HEIGHT),
              help=f"Image height in px (>= {_MIN_HEIGHT}; default {settings.EXPORT_HEIGHT}).")
@click.option("--scale", type=click.FloatRange(0.5, 4), default=1.0, show_default=True,
              help="PNG resolution multiplier.")
@click.option("--data", "data_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Apply the curations kept in this data folder (`dateline curate`).")
@explained
def export_command(
    paths: tuple[Path, ...], output: Path, fmt: str | None, published: date | None,
    actors: tuple[str, ...], date_from: date | None, date_to: date | None, title: str | None,
    group_by: str, width: int | None, height: int | None, scale: float, data_dir: Path | None,
) -> None:
    """Export a filtered timeline as an image, a web page or data.

    PATHS are articles (or one saved events file: .csv .json .parquet, or a Parquet folder);
    none means the bundled seeds. Images carry a title, a legend and a source credit line. PNG,
    SVG and PDF are drawn by the system Chromium (apt-get install chromium; or set
    DATELINE_CHROMIUM). The dashboard's export buttons write the same files.

    Example:

        dateline export --actor "Mark Rutte" --from 2024-01-01 -o rutte.png

        dateline export seeds/ --format timelinejs -o story.json

        dateline export seeds/ --data ./newsroom -o curated.json
    """
    from dashboard.export.formats import output_format
    from dashboard.export.view import export_filters, export_view
    from dashboard.store.open import as_store, load

    if date_from and date_to and date_from > date_to:
        raise click.BadParameter("--from is after --to", param_hint="'--from' / '--to'")
    try:
        fmt = output_format(output, fmt)
    except DatelineError as error:
        raise click.BadParameter(str(error), param_hint="'--output'") from error
    store = as_store(load(paths, published=published)[0])
    if data_dir is not None:
        from dashboard.store.curated import curated_store
        from extract.curation_log import CurationLog
        from extract.pipeline import print_problem

        store = curated_store(store, CurationLog(data_dir, on_problem=print_problem))
    state = export_filters(store, actors=actors, date_from=date_from, date_to=date_to)
    window = (date_from, date_to) if date_from and date_to else None  # the chart's span
    done = export_view(store, state, output, fmt=fmt, title=title, group_by=group_by,
                       x_range=window, width=width, height=height, scale=scale)
    click.echo(f"{done.events} events -> {output} ({done.fmt})", err=True)


# --- end of export ---------------------------------------------------------------------------


# --- serve -----------------------------------------------------------------------------------


def _setting(name: str) -> str:
    return settings.SETTINGS[name].help


@cli.command("serve")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--published", type=ISO_DATE, help="Publication date for inputs that carry none.")
@click.option("--host", default=settings.HOST, show_default=True,
              help=_setting("HOST"))
@click.option("--port", type=click.IntRange(0, 65535), default=settings.PORT, show_default=True,
              help=_setting("PORT"))
@click.option("--auth", metavar="USER:PASSWORD",
              help="Require this HTTP basic-auth login (visible in the process list: prefer "
                   "DATELINE_AUTH=user:password in the environment, or --auth-file).")
@click.option("--auth-file", type=click.Path(dir_okay=False, path_type=Path),
              help="Read user:password from the first line of this file (mode 600).")
@click.option("--no-auth", is_flag=True, help="Allow a non-loopback --host without a password.")
@click.option("--workers", type=click.IntRange(1, 256), default=settings.SERVE_THREADS,
              show_default=True, help=_setting("SERVE_THREADS"))
@click.option("--data", "data_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Folder keeping articles added in the browser across restarts "
                   "[default: ~/.local/share/dateline].")
@click.option("--no-data", is_flag=True, help="Keep browser uploads in memory only.")
@click.option("--debug", is_flag=True, help="Werkzeug dev server with Dash dev tools and the "
              "debugger (never on a shared machine).")
@explained
def serve_command(
    paths: tuple[Path, ...], published: date | None, host: str, port: int, auth: str | None,
    auth_file: Path | None, no_auth: bool, workers: int, data_dir: Path | None, no_data: bool,
    debug: bool,
) -> None:
    """Serve the interactive timeline in the browser.

    PATHS are articles or folders (or one saved events file: .csv .json .parquet); none means
    the bundled seeds. Without the articles' texts (an events file), the source panel shows the
    event's sentence only. Articles added in the browser are saved in the --data folder and
    shown again at the next start. The server is waitress (--workers threads); --debug uses
    Werkzeug's development server instead.

    Example:

        dateline serve

        dateline serve articles/ --published 2024-06-20 --port 8060 --data ./newsroom-data

        DATELINE_AUTH=editor:s3cret dateline serve --host 0.0.0.0
    """
    from dashboard.serve import security
    from dashboard.serve.server import prepare, serve
    from dashboard.store.data_folder import default_data_dir
    from extract.pipeline import print_problem

    if data_dir is not None and no_data:
        raise click.UsageError("--data and --no-data contradict each other; give one")
    credentials, visible = security.credentials_from(auth, auth_file)
    warning = security.check_bind(host, credentials, no_auth, debug)  # BindRefused: a sentence
    for said in (visible, warning):
        if said:
            click.echo(said, err=True)
    folder = None if no_data else (data_dir or default_data_dir())
    prepared = prepare(paths, published=published, data_dir=folder, credentials=credentials,
                       on_problem=print_problem)
    if not prepared.events:
        click.echo("warning: no dated events were found; the timeline will be empty", err=True)
    kept = f"; uploads kept in {folder} ({prepared.stored} restored)" if folder else ""
    click.echo(f"Dateline: {prepared.events} events from {prepared.articles or 'saved'} articles"
               f"{kept}", err=True)
    serve(prepared.app, host=host, port=port, workers=workers, debug=debug,
          announce=lambda url: click.echo(f"Serving at {url}  (Ctrl+C to stop)", err=True))


# --- end of serve ----------------------------------------------------------------------------


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
