"""--resume's code fingerprint: parts made by other extraction code are never reused."""

from __future__ import annotations

from pathlib import Path

from extract.run.local import code_files, code_version

EXTRACT = Path(__file__).resolve().parents[2] / "extract"


def test_the_code_fingerprint_covers_every_module_of_every_subpackage() -> None:
    hashed = {f.relative_to(EXTRACT).as_posix() for f in code_files()}
    modules = {f.relative_to(EXTRACT).as_posix() for f in EXTRACT.rglob("*.py")
               if "__pycache__" not in f.parts}
    assert modules <= hashed
    assert {"timex/tagger.py", "dating/published.py", "language/tense.py"} <= hashed


def test_the_code_fingerprint_covers_the_gazetteers() -> None:
    hashed = {f.name for f in code_files()}
    assert {"countries.tsv", "first_names.txt", "organisations.tsv"} <= hashed


def test_the_code_fingerprint_is_a_stable_short_hash() -> None:
    assert code_version() == code_version()
    assert len(code_version()) == 16
