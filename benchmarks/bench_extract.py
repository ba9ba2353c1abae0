"""Time ezlib.text.extract.extract_quantities over a corpus of at least 5 MB of article text.

The corpus is the raw articles of ``data/raw/articles`` repeated, interleaved with synthetic
Vietnamese and English articles whose sentences mix figures (money, areas, percentages, counts,
ranges, rates, hedges) with what is no figure (dates, document numbers, service levels, phone
numbers, page chrome), at a higher density of numbers than real news. Each article is one call,
as ``python -m ezlib extract`` makes them. The process is pinned to one core. Target: at least
10 MB/s of UTF-8 text.

The same run also times a naive regex extractor (a number, an optional scale word, an optional
unit: :func:`naive_extract`) on the same articles and prints the ratio of the two throughputs.
The naive one is a reference for speed only: it skips none of what is no figure (dates, years,
document numbers, ...), reads no hedge, range or rate, and takes every dot for a thousands
separator. Since the machine is noisy, compare the figures of one run, the ratio above all.
It measures only; it never fails on time. That a faster extractor still finds the same figures
is checked by ``benchmarks/compare_extract.py``, on this corpus among other texts.

Run: ``.venv/bin/python benchmarks/bench_extract.py [megabytes]``.
"""

from __future__ import annotations

import os
import random
import re
import statistics
import sys
import time
from collections.abc import Callable

from ezlib.paths import raw_dir
from ezlib.text.extract import extract_quantities

VI_SENTENCES = [
    "Giai đoạn 2021 - {y}, đã thu hút {n} dự án với tổng vốn đầu tư đạt {d} tỷ USD.",
    "Vốn đầu tư nước ngoài đạt {d} tỷ USD, đạt gần {p}% kế hoạch giai đoạn 2021 - 2025.",
    "Phấn đấu đến năm 2025 phát triển {n} khu công nghiệp với tổng diện tích {g}ha.",
    "Thu ngân sách tăng từ {p}-{q}% trở lên so với năm 2020, tạo việc làm cho {g} lao động.",
    "Thu nhập bình quân đạt từ {n}-{m} triệu/người/năm, bằng {d} lần mức chung của tỉnh.",
    "Chiều {day}/{mon}, theo Nghị quyết số {n}-NQ/TU ngày {day}/{mon}/{y}, có {n} TTHC mức độ 3.",
    "Lũy kế đến nay có {g} dự án FDI, tổng vốn trên {d} tỷ USD; khoảng {g} tỷ đồng vốn DDI.",
    "Giá thuê đất khoảng {n} USD/m2/chu kỳ thuê; giá trị sản xuất đạt {g} tỷ đồng.",
    "Tỷ lệ lấp đầy đạt {d}%, cao hơn {p}% so với cùng kỳ; {n}/{m} dự án đã hoạt động.",
    "Điện thoại: 0225.3736907, {n} lượt xem, Thứ 4, {day}.{mon}.{y} | 08:30:00.",
]
EN_SENTENCES = [
    "Hai Phong attracted US${d} billion in FDI in 2021-{y}, nearly {p} per cent of its plan.",
    "The city plans {n} industrial parks covering {g}ha by 2030, up from {g} ha in 2020.",
    "Some {g} workers earn VND{n} million per person per year, a {d}-fold rise.",
    "Under Decree 35/2022/ND-CP, {n} of {m} procedures were online on February {day}, {y}.",
]
FILLER = (
    "Tại hội nghị, các đại biểu đã tập trung phân tích các yếu tố khách quan cũng như những "
    "vấn đề còn tồn tại, hạn chế trong quá trình thực hiện chương trình phát triển khu kinh tế "
    "và các khu công nghiệp, từ đó đề xuất các giải pháp thực hiện trong giai đoạn tới. "
)


EN_FILLER = (
    "At the meeting, delegates analysed the objective factors as well as the problems and "
    "limitations in carrying out the development programme of the economic zone and the "
    "industrial parks, and proposed solutions for the coming period. "
)


def _fill(template: str, rng: random.Random, english: bool) -> str:
    n, m = sorted(rng.sample(range(2, 400), 2))
    p, q = sorted(rng.sample(range(1, 99), 2))
    return template.format(
        n=n,
        m=m,
        p=p,
        q=q,
        y=rng.randint(2015, 2030),
        day=rng.randint(1, 28),
        mon=rng.randint(1, 12),
        d=f"{rng.uniform(0.5, 99):.2f}"
        if english
        else f"{rng.uniform(0.5, 99):.2f}".replace(".", ","),
        g=f"{rng.randint(1000, 999999):,}"
        if english
        else f"{rng.randint(1000, 999999):,}".replace(",", "."),
    )


def synthetic_article(rng: random.Random, english: bool) -> str:
    """Return one article of about 5 kB: figure sentences between paragraphs of prose."""
    sentences = EN_SENTENCES if english else VI_SENTENCES
    parts = []
    while sum(map(len, parts)) < 4500:
        text = _fill(rng.choice(sentences), rng, english)  # English writes 1,234.5
        filler = EN_FILLER if english else FILLER
        parts.append(text + (" " + filler if rng.random() < 0.5 else "\n\n"))
    return "".join(parts)


def build_corpus(megabytes: float, seed: int = 2024) -> list[str]:
    """Return articles adding up to at least ``megabytes`` MB of UTF-8 text."""
    rng = random.Random(seed)
    real = [p.read_bytes().decode("utf-8") for p in sorted((raw_dir() / "articles").glob("*.txt"))]
    corpus, size, k = [], 0, 0
    while size < megabytes * 1e6:
        if k % 2 == 0:
            article = real[(k // 2) % len(real)]
        else:
            article = synthetic_article(rng, english=k % 10 == 1)
        corpus.append(article)
        size += len(article.encode("utf-8"))
        k += 1
    return corpus


_NAIVE_RE = re.compile(
    r"(?P<n>[0-9]+(?:[.,][0-9]+)*)\s*(?P<s>tỷ|triệu|nghìn|billion|million)?"
    r"\s*(?P<u>USD|đồng|ha|%|dự án|lao động)?"
)
_NAIVE_SCALES = {"tỷ": 1e9, "billion": 1e9, "triệu": 1e6, "million": 1e6, "nghìn": 1e3}


def naive_extract(text: str) -> list[tuple[int, int, float, str | None]]:
    """Return (start, end, value, unit) of every number, read the Vietnamese way."""
    return [
        (m.start(), m.end(), float(m["n"].replace(".", "").replace(",", ".", 1).replace(",", ""))
         * _NAIVE_SCALES.get(m["s"], 1.0), m["u"])
        for m in _NAIVE_RE.finditer(text)
    ]  # fmt: skip


def _throughput(
    extract: Callable[[str], list], corpus: list[str], rounds: int
) -> tuple[list[float], float, list[list]]:
    """Return the wall-clock seconds of ``rounds`` passes, the best CPU seconds, the figures."""
    walls, cpu = [], float("inf")
    for _ in range(rounds):
        w, c = time.perf_counter(), time.process_time()
        figures = [extract(article) for article in corpus]
        walls.append(time.perf_counter() - w)
        cpu = min(cpu, time.process_time() - c)
    return sorted(walls), cpu, figures


def main(megabytes: float = 6.0, rounds: int = 5) -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    corpus = build_corpus(megabytes)
    extract_quantities(corpus[0])  # warm up (regular expressions are compiled at import)
    naive_extract(corpus[0])
    print(f"one core, {rounds} passes each: best (median, slowest); target >= 10 MB/s of UTF-8")
    for name, part in (("whole corpus", corpus), ("real articles only", corpus[::2])):
        size = sum(len(a.encode("utf-8")) for a in part) / 1e6
        walls, cpu, figures = _throughput(extract_quantities, part, rounds)
        found = sum(map(len, figures))
        flagged = sum(1 for fs in figures for f in fs if f.problem)
        print(
            f"{name}: {len(part)} articles, {size:.2f} MB, {found} figures ({flagged} flagged): "
            f"{size / walls[0]:.1f} MB/s wall clock ({size / statistics.median(walls):.1f}, "
            f"{size / walls[-1]:.1f}), {size / cpu:.1f} MB/s of CPU time"
        )
        naive_walls, naive_cpu, naive_figures = _throughput(naive_extract, part, rounds)
        print(
            f"  naive regex extractor: {sum(map(len, naive_figures))} figures: "
            f"{size / naive_walls[0]:.1f} MB/s wall clock, {size / naive_cpu:.1f} MB/s of CPU "
            f"time; ezlib / naive = {naive_walls[0] / walls[0]:.2f} (wall clock), "
            f"{naive_cpu / cpu:.2f} (CPU)"
        )


if __name__ == "__main__":
    main(float(sys.argv[1]) if len(sys.argv) > 1 else 6.0)
