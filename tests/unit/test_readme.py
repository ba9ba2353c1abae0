"""The README is the front door: the two commands, every output notebook, every data column."""

from pathlib import Path

from ezlib.data.dictionary import COLUMNS

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def test_readme_shows_the_two_commands_first():
    assert README.index("make report") < README.index("## Layout")
    assert README.index("make test") < README.index("## Layout")


def test_readme_documents_every_exported_column():
    missing = [column for column, _ in COLUMNS if f"| `{column}` |" not in README]
    assert missing == []


def test_readme_names_every_notebook():
    notebooks = Path(__file__).resolve().parents[2] / "notebooks"
    missing = [p.name for p in notebooks.glob("*.ipynb") if p.name not in README]
    assert missing == []


def test_the_readme_api_example_runs():
    # The front door's example is code a researcher will paste: it must run as written.
    section = README.split("## The library in a notebook", 1)[1]
    code = section.split("```python\n", 1)[1].split("```", 1)[0]
    namespace: dict = {}
    exec(compile(code, "README.md", "exec"), namespace)
    assert namespace["table"]["attainment_point"].notna().any()
