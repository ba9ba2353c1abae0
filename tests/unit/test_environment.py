"""environment.yml (conda) lists the same packages as pyproject.toml, at the locked versions."""

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
# conda-forge spells a few packages differently from PyPI; none of ours do today.
CONDA_TO_PYPI: dict[str, str] = {}
NOT_PACKAGES = {"python", "pip"}


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_name(spec: str) -> str:
    return normalise(re.split(r"[\s<>=!~;\[]", spec.strip(), maxsplit=1)[0])


def pyproject_dependencies() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    specs = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        specs.extend(extra)
    return {requirement_name(s) for s in specs}


def environment_entries() -> dict[str, str | None]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    assert env["channels"] == ["conda-forge"]
    entries: dict[str, str | None] = {}
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            for spec in dep["pip"]:
                if spec.startswith("-e"):
                    continue
                name, _, version = spec.partition("==")
                entries[normalise(name)] = version or None
            continue
        name, _, version = dep.partition("=")
        name = CONDA_TO_PYPI.get(name, name)
        if name not in NOT_PACKAGES:
            entries[normalise(name)] = version or None
    return entries


def locked_versions() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            pins[normalise(name)] = version
    return pins


def test_environment_yml_lists_exactly_the_pyproject_dependencies():
    in_env = set(environment_entries())
    in_pyproject = pyproject_dependencies()
    assert in_env - in_pyproject == set(), "in environment.yml but not in pyproject.toml"
    assert in_pyproject - in_env == set(), "in pyproject.toml but not in environment.yml"


def test_environment_yml_pins_the_locked_versions():
    pins = locked_versions()
    for name, version in environment_entries().items():
        assert version == pins[name], (
            f"{name}: environment.yml has {version}, lock has {pins[name]}"
        )


def test_environment_yml_installs_ezlib_editable_and_python_311():
    text = (ROOT / "environment.yml").read_text(encoding="utf-8")
    assert "- -e ." in text
    assert "- python=3.11" in text


def test_every_pyproject_dependency_is_locked():
    assert pyproject_dependencies() - set(locked_versions()) == set()
