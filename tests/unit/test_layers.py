"""The package's layers: each subpackage imports only the layers below it, and methods no files.

A newcomer reads the folder names as the design; this test keeps the code to it. Every import
counts, also those inside functions, and so do the modules a lazy package face names.
"""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "ezlib"
FOUNDATION = {"ezlib.errors", "ezlib.paths", "ezlib.vocabulary", "ezlib.faces"}
# Each layer and the layers it may import (besides itself and the foundation).
BELOW = {
    "foundation": set(),
    "text": set(),
    "data": {"text"},
    "methods": set(),
    "progress": {"data", "methods"},
    "report": {"text", "data", "methods", "progress"},
    "top": {"text", "data", "methods", "progress", "report"},
}
TOP = {"ezlib", "ezlib.cli", "ezlib.__main__"}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer(module: str) -> str:
    if module in TOP:
        return "top"
    if module in FOUNDATION:
        return "foundation"
    return module.split(".")[1]


def imported(path: Path) -> list[tuple[int, str]]:
    """Every ezlib module a file imports or names in a lazy face: (line, module)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.append((node.lineno, node.module))
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "id", None) == "lazy_face"
            and isinstance(node.args[1], ast.Dict)
        ):
            found += [(v.lineno, v.value) for v in node.args[1].values]
    return [(line, name) for line, name in found if name.split(".")[0] == "ezlib"]


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_every_module_belongs_to_a_known_layer():
    for path in MODULES:
        assert layer(module_name(path)) in BELOW, path


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_imports_a_higher_layer(path):
    mine = layer(module_name(path))
    allowed = {mine, "foundation", *BELOW[mine]}
    wrong = [
        f"{path.relative_to(PACKAGE.parent)}:{line} imports {name} ({layer(name)})"
        for line, name in imported(path)
        if layer(name) not in allowed
    ]
    assert wrong == []


def test_the_checker_sees_a_wrong_import(tmp_path):
    # A methods module importing the data layer is caught: the test above can fail.
    bad = PACKAGE / "methods" / "bands.py"
    source = "from ezlib.data.load import load_facts\n" + bad.read_text(encoding="utf-8")
    copy = tmp_path / "bands.py"
    copy.write_text(source, encoding="utf-8")
    names = [name for _, name in imported(copy)]
    assert "ezlib.data.load" in names
    assert layer("ezlib.data.load") not in {"methods", "foundation", *BELOW["methods"]}


@pytest.mark.parametrize("path", sorted((PACKAGE / "methods").glob("*.py")), ids=lambda p: p.name)
def test_methods_read_no_files(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    modules = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    modules |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    calls = {
        getattr(n.func, "id", getattr(n.func, "attr", None))
        for n in ast.walk(tree)
        if isinstance(n, ast.Call)
    }
    assert not modules & {"os", "io", "pathlib", "csv", "ezlib.paths"}, path
    assert not calls & {"open", "read_csv", "read_text", "read_bytes", "read_pickle"}, path


def test_subpackage_faces_export_only_their_own_modules():
    for init in PACKAGE.glob("*/__init__.py"):
        package = module_name(init)
        for line, name in imported(init):
            if name != "ezlib.faces":
                assert name.startswith(package + "."), f"{init}:{line} exports from {name}"
