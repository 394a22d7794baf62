"""A bounded coverage-guided fuzz run of the tagger and the readers finds no crash (atheris).

Long campaigns: ``.venv/bin/python tests/fuzz_targets.py TARGET -max_total_time=600``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("atheris", reason="atheris (the fuzzer) is not installed")

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("target", "runs"), [("tagger", 20000), ("readers", 10000)])
def test_a_bounded_fuzz_campaign_finds_no_crash(tmp_path, target, runs):
    result = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "fuzz_targets.py"), target, f"-runs={runs}",
         "-seed=7", f"-artifact_prefix={tmp_path}/"],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert f"Done {runs} runs" in result.stderr
