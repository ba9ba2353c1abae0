"""The ``extract`` command: every figure in article files, as JSON lines or CSV on stdout.

This module imports only the standard library at import time, so that registering the command
costs nothing to the other commands; the extractor is imported when the command runs.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from ezlib.errors import DataError

FORMATS = ("jsonl", "csv")


def add_extract_parser(sub: argparse._SubParsersAction) -> None:
    """Register ``python -m ezlib extract FILE... [--format jsonl|csv] [--lang vi|en]``.

    Args:
        sub: The sub-parsers of the ``ezlib`` command line.
    """
    p = sub.add_parser(
        "extract",
        help="list every figure in article texts (JSON lines or CSV on stdout)",
        description=(
            "Read UTF-8 article texts and write one record per figure: doc, start, end, "
            "surface, value, value_high, unit, qualifier, kind, decimals, scale, noun, "
            "denominator, problem. Offsets are code points into the decoded file, newlines "
            "untranslated. A number that cannot be read as a figure is written with a problem "
            "(and reported on stderr); a file that cannot be read is reported on stderr, the "
            "other files are still processed, and the exit status is 1."
        ),
    )
    p.add_argument("files", nargs="+", type=Path, metavar="FILE", help="article text (UTF-8)")
    p.add_argument("--format", choices=FORMATS, default="jsonl", help="output format")
    p.add_argument(
        "--lang",
        choices=("auto", "vi", "en"),
        default="auto",
        help="number convention: vi (6.418,5), en (6,418.5) or auto per document (default)",
    )
    p.set_defaults(func=run_extract)


def read_text_file(path: Path) -> str:
    """Read an article file as UTF-8 text, exactly (no newline translation, BOM kept).

    Args:
        path: The file.

    Returns:
        The decoded text; figure offsets index into it.

    Raises:
        DataError: Naming the file, if it is missing, a folder, unreadable, binary or not UTF-8.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DataError("no such file", file=path) from None
    except IsADirectoryError:
        raise DataError("is a folder, not a text file", file=path) from None
    except OSError as exc:
        raise DataError(f"cannot read the file ({exc.strerror})", file=path) from None
    if b"\x00" in data:
        raise DataError("binary file (it holds NUL bytes): expected UTF-8 text", file=path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        byte = data[exc.start]
        raise DataError(
            f"not UTF-8 text: byte 0x{byte:02x} at offset {exc.start} cannot be decoded; "
            "save the article as UTF-8 (it may be Latin-1, Windows-1252 or Windows-1258)",
            file=path,
        ) from None


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _clean(record: dict[str, object]) -> dict[str, object]:
    return {k: None if isinstance(v, float) and math.isnan(v) else v for k, v in record.items()}


def _write(records: Iterable[dict[str, object]], fmt: str, out: TextIO, writer: object) -> None:
    for record in records:
        if fmt == "jsonl":
            out.write(json.dumps(_clean(record), ensure_ascii=False) + "\n")
        else:
            writer.writerow({k: "" if v is None else v for k, v in _clean(record).items()})


def run_extract(
    args: argparse.Namespace, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run ``extract``: write the figures of each file; report bad files and keep going.

    Args:
        args: ``files``, ``format`` and ``lang`` as parsed by :func:`add_extract_parser`.
        out: Where records go (stdout when None).
        err: Where problems are reported (stderr when None).

    Returns:
        0 when every file was read, 1 when any could not be (each is named on ``err``).
    """
    from ezlib.text.extract import FIELDS

    if out is None:
        out = sys.stdout
        encoding = (getattr(out, "encoding", None) or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(out, "reconfigure"):
            out.reconfigure(encoding="utf-8")  # records are UTF-8 whatever the locale says
    err = sys.stderr if err is None else err
    lang = None if args.lang == "auto" else args.lang
    writer = None
    if args.format == "csv":
        writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
    try:
        return _extract_files(args.files, args.format, lang, out, err, writer)
    except BrokenPipeError:  # `ezlib extract ... | head`: the reader has had enough
        if out is sys.stdout:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _extract_files(
    paths: list[Path], fmt: str, lang: str | None, out: TextIO, err: TextIO, writer: object
) -> int:
    from ezlib.text.extract import extract_quantities

    status = 0
    for path in paths:
        try:
            text = read_text_file(path)
        except DataError as exc:
            print(f"ezlib extract: {exc}", file=err)
            status = 1
            continue
        figures = extract_quantities(text, doc=path.name, lang=lang)
        for figure in figures:
            if figure.problem:
                line, col = _line_col(text, figure.start)
                print(
                    f"ezlib extract: {path}:{line}:{col}: cannot read {figure.surface!r} as a "
                    f"figure: {figure.problem} (written with its problem, value empty)",
                    file=err,
                )
        _write((f.to_record() for f in figures), fmt, out, writer)
    return status
