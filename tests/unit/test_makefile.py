"""The Makefile documents itself, and set-up is a no-op when the venv is up to date."""

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def phony_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    phony = re.search(r"^\.PHONY:(.*)$", text, re.MULTILINE)
    assert phony, "Makefile declares no .PHONY targets"
    return set(phony.group(1).split())


def test_make_help_is_the_default_goal_and_lists_every_target():
    out = subprocess.run(["make", "-s"], cwd=ROOT, capture_output=True, text=True, check=True)
    listed = set(re.findall(r"^\s+make (\S+)\s+\S", out.stdout, re.MULTILINE))
    required = {"setup", "report", "test", "lab", "lint", "lock", "clean", "distclean", "help"}
    assert required <= phony_targets()
    assert listed == phony_targets()


def test_setup_is_skipped_when_the_venv_is_up_to_date():
    # The test itself runs inside the venv that `make test` just ensured.
    out = subprocess.run(
        ["scripts/ensure_venv.sh", ".venv", "dev"], cwd=ROOT, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    assert "setting up" not in out.stdout
    assert out.stdout == ""


def test_clean_never_touches_raw_data_or_the_venv():
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    clean = re.search(r"^clean:.*?\n((?:\t.*\n)+)", text, re.MULTILINE)
    assert clean
    recipe = clean.group(1)
    assert "data" not in recipe
    assert "VENV" not in recipe and ".venv " not in recipe
