"""The extraction core stays light: importing it never pulls in the dashboard, dash or plotly."""

import subprocess
import sys


def test_importing_the_extraction_core_does_not_import_dash_or_plotly():
    code = (
        "import sys, extract.pipeline, extract.cli, extract.timex.tagger, extract.serialize;"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('dash', 'plotly', 'dashboard')];"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_the_dateline_command_loads_without_dash_for_extraction_commands():
    code = (
        "import sys, dashboard.cli;"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('dash', 'plotly')];"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
