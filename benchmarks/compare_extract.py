"""Check that the extractor finds what an earlier version of it found, field for field.

The earlier version (by default the commit this branch started from: the merge base of HEAD
and ``main``) is copied out of git into a temporary folder and run in a child process on the
same texts; this one runs here. The texts are every article in data/raw/articles (as given,
and decomposed to NFD, which takes the offset-mapping path), each with the language guessed and
forced to "vi" and "en"; the benchmark corpus (benchmarks/bench_extract.py), language guessed;
and random snippets of the extractor's own vocabulary, numbers and punctuation, language
guessed and forced to "en". Every field of every figure is compared by its ``repr`` (so 5 and
5.0 differ, and NaN equals NaN); a text on which a version raises compares by the exception's
class.

Run: ``.venv/bin/python benchmarks/compare_extract.py [ref] [megabytes]``. It prints the first
differences and exits 1 if there is any.
"""

from __future__ import annotations

import os
import pickle
import random
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

from bench_extract import build_corpus

from ezlib.paths import raw_dir
from ezlib.text import extract as X
from ezlib.text.extract import FIELDS, extract_quantities
from ezlib.text.quantities import NUMBER_WORDS

ROOT = Path(__file__).resolve().parents[1]

# Run in the child, with the earlier ezlib first on the path: read the cases, extract, answer.
_CHILD = f"""
import pickle, sys
sys.path.insert(0, {str(Path(__file__).resolve().parent)!r})
from compare_extract import figures
pickle.dump([figures(*case) for case in pickle.load(sys.stdin.buffer)], sys.stdout.buffer)
"""


def figures(text: str, doc: str | None, lang: str | None) -> list[tuple[str, ...]]:
    """Return the fields of the figures found, as repr; an exception as its class's name."""
    try:
        found = extract_quantities(text, doc=doc, lang=lang)
    except Exception as error:  # the earlier version may fail where this one does not
        return [("raises", type(error).__name__)]
    return [tuple(repr(getattr(f, k)) for k in FIELDS) for f in found]


def snippets(n: int = 4000, seed: int = 5) -> list[str]:
    """Return random texts of the extractor's words, numbers and marks."""
    rng = random.Random(seed)
    words = sorted(
        {w for ws in X._LABELS.values() for w in ws}
        | {*X._CUE_KIND, *NUMBER_WORDS, "tỷ", "triệu", "nghìn", "USD", "đồng", "ha", "%", "dự án"}
        | {"lao động", "người", "năm", "tháng", "khoảng", "gần", "hơn", "trên", "từ", "đến", "to"}
        | {"lên", "xuống", "tăng", "from", "rose", "billion", "million", "US$", "VND", "per"}
        | {"KCN", "lượt xem", "giờ", "h", "th", "NQ/TU", "QĐ-TTg", "trở lên", "or more", "lần"}
        | {"kế hoạch", "so với", "of", "out of", "m2", "chu kỳ thuê", "Covid-", "đạt", "và"}
    )
    marks = [".", ". ", ",", ":", "/", "-", "–", "(", ")", "!", "\n", "_", "Đ", "$", ";"]
    texts = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(1, 16)):
            pick = rng.random()
            if pick < 0.45:
                token = rng.choice(words)
                token = token.upper() if rng.random() < 0.1 else token
            elif pick < 0.8:
                token = rng.choice([str(rng.randint(0, 40)), str(rng.randint(1900, 2100))])
                token += rng.choice(["", "", ".5", ",25", "/3", ".000", ",5", ".02.2021"])
            else:
                token = rng.choice(marks)
            parts.append(token + rng.choice(["", " ", " ", " ", "  ", "\t", "\xa0", "\n"]))
        texts.append("".join(parts))
    return texts


def cases(megabytes: float) -> list[tuple[str, str | None, str | None]]:
    """Return the (text, doc, lang) calls to compare."""
    out = []
    for path in sorted((raw_dir() / "articles").glob("*.txt")):
        text = path.read_bytes().decode("utf-8")
        for variant in (text, unicodedata.normalize("NFD", text)):
            out += [(variant, path.name, lang) for lang in (None, "vi", "en")]
    out += [(text, None, None) for text in build_corpus(megabytes)]
    out += [(text, None, lang) for text in snippets() for lang in (None, "en")]
    return out


def earlier(ref: str, calls: list[tuple[str, str | None, str | None]]) -> list[list[tuple]]:
    """Return the figures the ezlib of ``ref`` finds in ``calls``, fields as repr."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", ref, "ezlib"], check=True, capture_output=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        env = {**os.environ, "PYTHONPATH": tmp, "EZLIB_ROOT": str(ROOT)}
        done = subprocess.run(
            [sys.executable, "-c", _CHILD],
            input=pickle.dumps(calls),
            capture_output=True,
            env=env,
            cwd=tmp,
        )
    if done.returncode:
        raise SystemExit(f"the ezlib of {ref} failed:\n{done.stderr.decode()}")
    return pickle.loads(done.stdout)


def main(ref: str | None = None, megabytes: float = 6.0) -> int:
    if ref is None:
        ref = subprocess.run(
            ["git", "-C", str(ROOT), "merge-base", "HEAD", "main"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    calls = cases(megabytes)
    before = earlier(ref, calls)
    differences = found = 0
    for (text, doc, lang), old in zip(calls, before, strict=True):
        new = figures(text, doc, lang)
        found += len(new)
        if new != old:
            differences += 1
            if differences <= 5:
                gone, added = sorted(set(old) - set(new)), sorted(set(new) - set(old))
                print(f"differs: doc={doc} lang={lang} text={text[:80]!r}...")
                print("  earlier only:", *gone[:5], sep="\n    ")
                print("  now only:", *added[:5], sep="\n    ")
    raised = sum(1 for old in before if old and old[0][0] == "raises")
    print(
        f"{len(calls)} texts, {found} figures compared with {ref[:12]} "
        f"({raised} texts on which it raises): {differences} texts differ"
    )
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:2], *map(float, sys.argv[2:3])))
