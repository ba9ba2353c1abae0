"""Command line of ezlib: ``python -m ezlib COMMAND``; each command lives in its own module."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from ezlib.errors import EzlibError


def _add_report(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help="run every notebook and render the HTML site")
    p.set_defaults(func=_run_report)


def _run_report(args: argparse.Namespace) -> int:
    from ezlib.report.build import build_report

    return build_report()


def _add_data(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("data", help="check or export the curated dataset")
    data_sub = p.add_subparsers(dest="data_command", required=True, metavar="ACTION")
    check = data_sub.add_parser(
        "check",
        help="run every check of data/ (raw file hashes, registry, control characters,"
        " reference tables, facts and their quotes, rate years) and print what passed",
    )
    check.set_defaults(func=_run_data_check)
    export = data_sub.add_parser("export", help="write the dataset and its dictionary to build/")
    export.add_argument("--out", type=Path, default=None, help="output folder (build/export)")
    export.set_defaults(func=_run_data_export)


def _run_data_check(args: argparse.Namespace) -> int:
    from ezlib.data.check import check_data

    for line in check_data():
        print(line)
    return 0


def _run_data_export(args: argparse.Namespace) -> int:
    from ezlib.data.export import export_dataset

    for path in export_dataset(args.out):
        print(f"wrote {path}")
    return 0


def _add_extract(sub: argparse._SubParsersAction) -> None:
    from ezlib.text.extract_cli import add_extract_parser

    add_extract_parser(sub)


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with every sub-command registered."""
    parser = argparse.ArgumentParser(
        prog="python -m ezlib",
        description="ezlib: sourced targets and progress of Vietnam's economic zones.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_report(sub)
    _add_extract(sub)
    _add_data(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code.

    Args:
        argv: The arguments after the program name; ``sys.argv[1:]`` when None.

    Returns:
        0 on success, 1 when ezlib raised an error on purpose (bad data, say: printed as
        ``error: <file>, row <n>, column '<c>': <what is wrong>`` on stderr, without a
        traceback), 2 for usage errors, as argparse does.
    """
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except EzlibError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
