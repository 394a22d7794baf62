"""The ``dateline`` command: extraction commands from ``extract.cli`` plus serve and export.

Each command parses its options, calls one library function, and formats the output. Dash and
plotly are imported inside the commands that need them, so ``dateline tag`` stays light.
"""

from __future__ import annotations

from extract.cli import cli


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
