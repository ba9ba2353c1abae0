"""Each vocabulary is defined once, in ezlib.vocabulary, and the others import it."""

import ast
from pathlib import Path

import ezlib.vocabulary as vocabulary

PACKAGE = Path(__file__).resolve().parents[2] / "ezlib"
WORDS = {
    name: value
    for name, value in vars(vocabulary).items()
    if name.isupper() and isinstance(value, tuple) and all(isinstance(v, str) for v in value)
}


def literal_tuples(path: Path):
    """Module-level names bound to a literal tuple of strings, with their value."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign | ast.AnnAssign) and isinstance(node.value, ast.Tuple):
            try:
                value = ast.literal_eval(node.value)
            except ValueError:
                continue
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name) and all(isinstance(v, str) for v in value):
                    yield node.lineno, target.id, value


def test_the_vocabularies_are_found():
    assert {"LANGUAGES", "QUALIFIERS", "FACT_KINDS", "TARGET_KINDS", "MEASURES", "UNITS"} <= set(
        WORDS
    )


def test_no_module_writes_a_vocabulary_out_again():
    again = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "vocabulary.py":
            continue
        for line, name, value in literal_tuples(path):
            for word, words in WORDS.items():
                if value == words or (name in WORDS and len(value) > 1):
                    again.append(f"{path.relative_to(PACKAGE.parent)}:{line} {name} = {word}")
    assert again == []


def test_the_checker_sees_a_copy(tmp_path):
    copy = tmp_path / "m.py"
    copy.write_text(f"LANGS = {vocabulary.LANGUAGES!r}\n", encoding="utf-8")
    assert [value for _, _, value in literal_tuples(copy)] == [vocabulary.LANGUAGES]


def test_kinds_mean_one_thing_each():
    assert set(vocabulary.FACT_KINDS) < set(vocabulary.FIGURE_KINDS)
    assert not set(vocabulary.TARGET_KINDS) & set(vocabulary.FACT_KINDS)
    assert set(vocabulary.FACT_UNITS) <= set(vocabulary.UNITS)
