"""benchmarks/national_data.py, the generator of synthetic projects, as a module for the tests."""

import importlib.util
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _generator():
    if "national_data" not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            "national_data", REPO / "benchmarks" / "national_data.py"
        )
        module = importlib.util.module_from_spec(spec)
        sys.modules["national_data"] = module  # its dataclasses look their module up
        spec.loader.exec_module(module)
    return sys.modules["national_data"]


national_data = _generator()
