"""Shared by the export tests of both tiers: a small sample figure and the export command."""

from __future__ import annotations

import plotly.graph_objects as go
from click.testing import CliRunner

from dashboard.cli import cli


def sample_figure() -> go.Figure:
    """Three labelled markers in a known colour, to look for in rendered images."""
    fig = go.Figure(
        go.Scatter(
            x=["1949-04-04", "2024-06-20", "2024-10-01"],
            y=[1, 2, 1],
            text=["NATO founded", "Mark Rutte clinches the race", "Jens Stoltenberg leaves"],
            mode="markers+text",
            textposition="top center",
            marker={"size": 24, "color": "rgb(220,20,20)"},
            name="Mark Rutte",
        )
    )
    fig.update_layout(title="Rutte to lead NATO", showlegend=True, template="plotly_white")
    fig.update_xaxes(range=["1930-01-01", "2045-12-31"])  # room for the last label
    return fig


def run_export(*args: str) -> tuple[int, str]:
    """``dateline export ARGS`` in process: (exit code, output); a bug re-raises."""
    result = CliRunner().invoke(cli, ["export", *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output
