"""A synthetic but valid national dataset: any number of zones, each with its articles and facts.

Used by ``bench_national.py`` (60 zones) and by ``tests/notebooks/test_dependencies.py`` (a
few zones). :func:`make_project` writes a project root that ``EZLIB_ROOT`` can point at: the
project's ``pyproject.toml``, ``requirements.lock``, ``notebooks/``, ``templates/`` and
``docs/`` copied, the real indicator and rate tables, and a generated ``data/``:

* ``data/reference/entities.csv``: per zone a zone group (``s07-zones``) with an economic zone,
  a park group and three industrial parks below it, and the province beside it;
* ``data/raw/articles``: per zone three Vietnamese articles (the 2021-2025 plan, the results of
  2021-2023, the results of 2024 with the 2025 plan) whose sentences hold the figures, and
  ``data/raw/sources.csv`` with each article's sha256 and a cited report (a URL) or two;
* ``data/facts.csv``: about forty facts per zone in the project's column contract, each quote
  at its exact character offsets: targets, actuals and baselines; USD and VND; hedges (khoảng,
  gần, trên, trở lên) and ranges (130-135 triệu đồng/người/năm); annual and five-year plans; a
  plan implied by "đạt gần 84% kế hoạch"; flows, levels, growth, a multiple, shares; a
  province-wide figure outside every zone; notes with CONFLICT, DOUBTFUL and ANOMALY.

Figures are drawn from a seeded generator, so the same call writes the same bytes.
"""

from __future__ import annotations

import csv
import hashlib
import io
import math
import random
import shutil
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ezlib.data.facts import FACT_COLUMNS
from ezlib.data.reference import ENTITY_COLUMNS
from ezlib.data.sources import SOURCE_COLUMNS

REPO = Path(__file__).resolve().parents[1]

PROVINCES = (
    ("Hà Giang", "Ha Giang"),
    ("Cao Bằng", "Cao Bang"),
    ("Lào Cai", "Lao Cai"),
    ("Bắc Kạn", "Bac Kan"),
    ("Lạng Sơn", "Lang Son"),
    ("Tuyên Quang", "Tuyen Quang"),
    ("Yên Bái", "Yen Bai"),
    ("Thái Nguyên", "Thai Nguyen"),
    ("Phú Thọ", "Phu Tho"),
    ("Bắc Giang", "Bac Giang"),
    ("Quảng Ninh", "Quang Ninh"),
    ("Lai Châu", "Lai Chau"),
    ("Điện Biên", "Dien Bien"),
    ("Sơn La", "Son La"),
    ("Hòa Bình", "Hoa Binh"),
    ("Hà Nội", "Ha Noi"),
    ("Vĩnh Phúc", "Vinh Phuc"),
    ("Bắc Ninh", "Bac Ninh"),
    ("Hải Dương", "Hai Duong"),
    ("Hưng Yên", "Hung Yen"),
    ("Hà Nam", "Ha Nam"),
    ("Nam Định", "Nam Dinh"),
    ("Ninh Bình", "Ninh Binh"),
    ("Nghệ An", "Nghe An"),
    ("Hà Tĩnh", "Ha Tinh"),
    ("Quảng Bình", "Quang Binh"),
    ("Quảng Trị", "Quang Tri"),
    ("Thừa Thiên Huế", "Thua Thien Hue"),
    ("Đà Nẵng", "Da Nang"),
    ("Quảng Nam", "Quang Nam"),
    ("Quảng Ngãi", "Quang Ngai"),
    ("Bình Định", "Binh Dinh"),
    ("Phú Yên", "Phu Yen"),
    ("Khánh Hòa", "Khanh Hoa"),
    ("Ninh Thuận", "Ninh Thuan"),
    ("Bình Thuận", "Binh Thuan"),
    ("Kon Tum", "Kon Tum"),
    ("Gia Lai", "Gia Lai"),
    ("Đắk Lắk", "Dak Lak"),
    ("Đắk Nông", "Dak Nong"),
    ("Lâm Đồng", "Lam Dong"),
    ("Bình Phước", "Binh Phuoc"),
    ("Tây Ninh", "Tay Ninh"),
    ("Bình Dương", "Binh Duong"),
    ("Đồng Nai", "Dong Nai"),
    ("Bà Rịa - Vũng Tàu", "Ba Ria - Vung Tau"),
    ("Thành phố Hồ Chí Minh", "Ho Chi Minh City"),
    ("Long An", "Long An"),
    ("Tiền Giang", "Tien Giang"),
    ("Bến Tre", "Ben Tre"),
    ("Trà Vinh", "Tra Vinh"),
    ("Vĩnh Long", "Vinh Long"),
    ("Đồng Tháp", "Dong Thap"),
    ("An Giang", "An Giang"),
    ("Kiên Giang", "Kien Giang"),
    ("Cần Thơ", "Can Tho"),
    ("Hậu Giang", "Hau Giang"),
    ("Sóc Trăng", "Soc Trang"),
    ("Bạc Liêu", "Bac Lieu"),
    ("Cà Mau", "Ca Mau"),
)
"""Sixty provinces (names before the 2025 merger; Hải Phòng, Thanh Hóa and Thái Bình, which
the real data holds, are left out)."""

PARK_NAMES = (
    ("Tân Hưng", "Tan Hung"),
    ("Phú Mỹ", "Phu My"),
    ("Đông Nam", "Dong Nam"),
    ("An Phát", "An Phat"),
    ("Nam Sơn", "Nam Son"),
    ("Tiền Phong", "Tien Phong"),
    ("Hòa Phú", "Hoa Phu"),
    ("Thuận Thành", "Thuan Thanh"),
)

COPIED = ("pyproject.toml", "requirements.lock", "notebooks", "templates", "docs")
"""What a generated project takes from the real one (notebooks/reports.toml is then replaced)."""
REFERENCE_COPIED = ("indicators.csv", "vnd_per_usd.csv")
FOUND_HOW = "synthetic: benchmarks/national_data.py"

# Periods, as (start, end) ISO dates.
PLAN = ("2021-01-01", "2025-12-31")
SO_FAR = ("2021-01-01", "2023-12-31")
BEFORE = ("2016-01-01", "2020-12-31")


def year(y: int) -> tuple[str, str]:
    return (f"{y}-01-01", f"{y}-12-31")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@dataclass(frozen=True)
class Figure:
    """A figure as a source writes it: ``digits`` in units of its last written digit.

    ``Figure(1051, 2, 9)`` is "10,51" in "tỷ" (1e9): 10510000000 in base units.
    """

    digits: int
    decimals: int = 0
    exponent: int = 0

    @property
    def written(self) -> str:
        """Vietnamese style: '.' between thousands, ',' before the decimals."""
        whole, part = divmod(self.digits, 10**self.decimals)
        text = f"{whole:,}".replace(",", ".")
        return f"{text},{str(part).zfill(self.decimals)}" if self.decimals else text

    @property
    def value(self) -> str:
        """The value in base units, as facts.csv writes it (a plain machine number)."""
        shift = self.exponent - self.decimals
        if shift >= 0:
            return str(self.digits * 10**shift)
        return f"{self.digits / 10**-shift:.{-shift}f}"

    @property
    def amount(self) -> float:
        return self.digits * 10.0 ** (self.exponent - self.decimals)


def tenths(x: float, exponent: int = 9) -> Figure:
    """A figure to one decimal (the decimal dropped when it is zero), e.g. '12,5 tỷ'."""
    digits = max(1, round(x * 10))
    return Figure(digits // 10, 0, exponent) if digits % 10 == 0 else Figure(digits, 1, exponent)


def hundredths(x: float, exponent: int = 9) -> Figure:
    return Figure(max(1, round(x * 100)), 2, exponent)


def whole(x: float, exponent: int = 0) -> Figure:
    return Figure(max(1, round(x)), 0, exponent)


@dataclass
class Article:
    """An article being written: its text so far and where each quote sits in it."""

    source_id: str
    number: int
    title: str
    published: str
    pieces: list[str] = field(default_factory=list)
    length: int = 0

    def say(self, text: str) -> None:
        text = nfc(text)
        self.pieces.append(text)
        self.length += len(text)

    def quote(self, before: str, quote: str, after: str = "") -> tuple[str, int, int]:
        """Write ``before + quote + after``; return the quote with its offsets."""
        self.say(before)
        quote = nfc(quote)
        start = self.length
        self.say(quote)
        self.say(after)
        return quote, start, start + len(quote)

    @property
    def text(self) -> str:
        return "".join(self.pieces)

    @property
    def file(self) -> str:
        digest = hashlib.sha256(self.source_id.encode()).hexdigest()[:16]
        return f"articles/{self.number:03d}_{digest}.txt"


@dataclass
class Zone:
    """Everything generated for one zone."""

    index: int
    prefix: str
    province_vi: str
    province_en: str
    entities: list[dict[str, str]] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    citations: list[dict[str, str]] = field(default_factory=list)
    facts: list[dict[str, str]] = field(default_factory=list)

    @property
    def zone_id(self) -> str:
        return f"{self.prefix}-zones"


class ZoneWriter:
    """Writes one zone's entities, articles, citations and facts."""

    def __init__(self, index: int, rng: random.Random, article_number: int) -> None:
        vi, en = PROVINCES[index % len(PROVINCES)]
        prefix = f"s{index + 1:02d}"
        self.zone = Zone(index, prefix, vi, en)
        self.rng = rng
        self.article_number = article_number
        self.count = 0

    # -- entities ---------------------------------------------------------------------------

    def entities(self) -> None:
        z, vi, en = self.zone, self.zone.province_vi, self.zone.province_en
        p = z.prefix
        rows = [
            (
                f"{p}-zones",
                "",
                "zone_group",
                f"Các KKT, KCN tỉnh {vi}",
                f"{en} economic zones and industrial parks",
                f"KKT, KCN {vi}|{en} EZs and IPs",
            ),
            (
                f"{p}-kkt",
                f"{p}-zones",
                "economic_zone",
                f"Khu kinh tế {vi}",
                f"{en} Economic Zone",
                f"KKT {vi}|{en} EZ",
            ),
            (
                f"{p}-kcn",
                f"{p}-zones",
                "park_group",
                f"Các khu công nghiệp tỉnh {vi}",
                f"{en} industrial parks",
                f"các KCN tỉnh {vi}",
            ),
        ]
        names = self.rng.sample(PARK_NAMES, 3)
        for k, (name_vi, name_en) in enumerate(names, start=1):
            parent = f"{p}-kkt" if k == 1 else f"{p}-kcn"
            rows.append(
                (
                    f"{p}-kcn-{k}",
                    parent,
                    "industrial_park",
                    f"KCN {name_vi} ({vi})",
                    f"{name_en} Industrial Park ({en})",
                    f"KCN {name_vi} {vi}",
                )
            )
        rows.append((f"{p}-province", "", "province", f"Tỉnh {vi}", f"{en} province", ""))
        for entity_id, parent, level, name_vi, name_en, aliases in rows:
            z.entities.append(
                {
                    "entity_id": entity_id,
                    "parent_id": parent,
                    "level": level,
                    "province": vi,
                    "name_vi": nfc(name_vi),
                    "name_en": name_en,
                    "aliases": nfc(aliases),
                    "notes": "synthetic",
                }
            )

    # -- facts ------------------------------------------------------------------------------

    def fact(
        self,
        source: str,
        entity: str,
        indicator: str,
        kind: str,
        measure: str,
        figure: Figure | str,
        unit: str,
        quoted: tuple[str, int | None, int | None],
        *,
        qualifier: str = "exact",
        period: tuple[str, str] | None = None,
        as_of: str = "",
        reference: str = "",
        ref: tuple[str, str] | None = None,
        high: Figure | None = None,
        note: str = "",
    ) -> None:
        self.count += 1
        quote, start, end = quoted
        value = figure.value if isinstance(figure, Figure) else figure
        self.zone.facts.append(
            {
                "fact_id": f"{self.zone.prefix}-{self.count:03d}",
                "source_id": source,
                "entity_id": f"{self.zone.prefix}-{entity}",
                "indicator": indicator,
                "kind": kind,
                "measure": measure,
                "reference": reference,
                "period_start": period[0] if period else "",
                "period_end": period[1] if period else "",
                "as_of": as_of,
                "ref_start": ref[0] if ref else "",
                "ref_end": ref[1] if ref else "",
                "value": value,
                "value_high": high.value if high else "",
                "unit": unit,
                "qualifier": "range" if high else qualifier,
                "quote": quote,
                "quote_start": "" if start is None else str(start),
                "quote_end": "" if end is None else str(end),
                "note": nfc(note),
            }
        )

    def article(self, topic: str, title: str, published: str) -> Article:
        source_id = f"{self.zone.prefix}-{published}-{topic}"
        article = Article(source_id, self.article_number, nfc(title), published)
        self.article_number += 1
        self.zone.articles.append(article)
        article.say(f"{title}\n\n")
        return article

    def citation(self, topic: str, published: str, quote: str) -> tuple[str, tuple]:
        source_id = f"{self.zone.prefix}-{published}-{topic}"
        self.zone.citations.append(
            {
                "source_id": source_id,
                "published": published,
                "title": nfc(f"Báo cáo tình hình thu hút đầu tư tỉnh {self.zone.province_vi}"),
                "url": f"https://example.gov.vn/{self.zone.prefix}/{published}/{topic}",
            }
        )
        return source_id, (nfc(quote), None, None)

    def write(self) -> Zone:
        self.entities()
        r, z = self.rng, self.zone
        vi = z.province_vi
        day = r.randint(1, 28)
        # The figures, drawn once so that the articles agree with one another.
        fdi_plan = tenths(r.uniform(4, 20))
        total_plan = tenths(fdi_plan.amount / 1e9 * r.uniform(1.4, 1.9))
        fdi_so_far = hundredths(fdi_plan.amount / 1e9 * r.uniform(0.45, 0.9))
        share_so_far = fdi_so_far.amount / fdi_plan.amount * 100
        fdi_22 = hundredths(fdi_so_far.amount / 1e9 * r.uniform(0.25, 0.35))
        fdi_23 = hundredths(fdi_so_far.amount / 1e9 * r.uniform(0.3, 0.4))
        fdi_23_pct = r.randint(70, 120)
        fdi_24 = hundredths(fdi_23.amount / 1e9 * r.uniform(0.9, 1.5))
        domestic_usd = fdi_so_far.amount / 1e9 * r.uniform(0.4, 0.9)
        in_vnd = z.index % 2 == 1
        domestic = (
            whole(domestic_usd * 23500, 9) if in_vnd else hundredths(domestic_usd)
        )  # tỷ đồng, or tỷ USD
        total_so_far = hundredths(fdi_so_far.amount / 1e9 + domestic_usd)
        total_23 = tenths(total_so_far.amount / 1e9 * r.uniform(0.3, 0.4))
        plan_23 = tenths(total_23.amount / 1e9 / r.uniform(0.85, 1.1))
        total_24 = tenths(total_23.amount / 1e9 * r.uniform(0.9, 1.4))
        plan_25 = tenths(total_24.amount / 1e9 * r.uniform(1.0, 1.2))
        projects = whole(r.uniform(60, 260))
        jobs_plan = whole(r.randint(10, 60) * 1000)
        jobs_so_far = whole(jobs_plan.amount * r.uniform(0.4, 0.7) // 500 * 500)
        jobs_24 = whole(jobs_plan.amount * r.uniform(0.1, 0.25) // 100 * 100)
        export_plan = whole(r.randint(20, 300) * 100, 6)  # triệu USD
        export_24 = whole(export_plan.amount / 1e6 * r.uniform(0.15, 0.3) // 10 * 10, 6)
        budget_plan = whole(r.randint(50, 1500) * 100, 9)  # tỷ đồng
        budget_24 = whole(budget_plan.amount / 1e9 * r.uniform(0.15, 0.3) // 10 * 10, 9)
        income_low = r.randint(9, 14) * 10
        income_plan = (whole(income_low, 6), whole(income_low + 5, 6))
        income_23 = whole(income_low * r.uniform(0.8, 0.95), 6)
        fill_plan = whole(r.choice((65, 70, 75, 80)))
        fill_23 = Figure(round(fill_plan.amount * r.uniform(0.75, 0.98) * 10), 1)
        fill_park = whole(r.randint(50, 98))
        parks_plan = whole(r.randint(6, 18))
        parks_23 = whole(max(3, parks_plan.amount - r.randint(1, 4)))
        land_plan = whole(parks_plan.amount * r.uniform(250, 450))
        land_23 = whole(land_plan.amount * r.uniform(0.75, 0.92))
        land_park = whole(r.randint(150, 700))
        growth_plan = whole(r.randint(8, 15))
        growth_21 = Figure(round(growth_plan.amount * r.uniform(0.8, 1.3) * 10), 1)
        fdi_projects_20 = whole(r.randint(80, 500))
        fdi_projects_23 = whole(fdi_projects_20.amount + r.randint(20, 150))
        multiple = Figure(r.randint(12, 25), 1)
        hitech = (Figure(r.randint(300, 500), 1), Figure(r.randint(510, 700), 1))

        # 1. The plan for 2021-2025 (a resolution of the provincial Party committee).
        a = self.article(
            "nq",
            f"Nghị quyết về phát triển các khu kinh tế, khu công nghiệp tỉnh {vi} "
            "giai đoạn 2021-2025",
            f"2021-03-{day:02d}",
        )
        a.say(
            f"Ngày {day}/3/2021, Ban Thường vụ Tỉnh ủy {vi} ban hành Nghị quyết về phát triển "
            "các khu kinh tế, khu công nghiệp giai đoạn 2021-2025, định hướng đến năm 2030. "
        )
        a.say("Nghị quyết đặt mục tiêu đến năm 2025, ")
        quote = a.quote(
            "các khu kinh tế, khu công nghiệp ",
            f"thu hút vốn FDI khoảng {fdi_plan.written} tỷ USD giai đoạn 2021-2025",
            "; ",
        )
        note = "Five-year plan of the resolution." if z.index % 3 else ""
        self.fact(
            a.source_id, "zones", "fdi_capital", "target", "flow", fdi_plan, "USD", quote,
            qualifier="approx", period=PLAN, note=note,
        )  # fmt: skip
        quote = a.quote("", f"tổng vốn đầu tư thu hút đạt trên {total_plan.written} tỷ USD", "; ")
        self.fact(
            a.source_id, "zones", "total_investment", "target", "flow", total_plan, "USD",
            quote, qualifier="over", period=PLAN,
        )  # fmt: skip
        quote = a.quote("", f"giải quyết việc làm thêm khoảng {jobs_plan.written} lao động", "; ")
        self.fact(
            a.source_id, "zones", "jobs", "target", "flow", jobs_plan, "persons", quote,
            qualifier="approx", period=PLAN,
        )  # fmt: skip
        quote = a.quote("", f"giá trị xuất khẩu đạt {export_plan.written} triệu USD", "; ")
        note = (
            "ANOMALY: ten times the exports of any other year the board reports; kept as written."
            if z.index % 9 == 4
            else ""
        )
        self.fact(
            a.source_id, "zones", "export_value", "target", "flow", export_plan, "USD", quote,
            period=PLAN, note=note,
        )  # fmt: skip
        quote = a.quote("", f"thu ngân sách nhà nước đạt {budget_plan.written} tỷ đồng", ". ")
        self.fact(
            a.source_id, "zones", "budget_revenue", "target", "flow", budget_plan, "VND", quote,
            period=PLAN,
        )  # fmt: skip
        quote = a.quote(
            "Trong Khu kinh tế, ",
            f"thu nhập bình quân đầu người đạt từ {income_plan[0].written}-"
            f"{income_plan[1].written} triệu đồng/người/năm",
            ". ",
        )
        self.fact(
            a.source_id, "kkt", "per_capita_income", "target", "level", income_plan[0],
            "VND_per_person_per_year", quote, as_of=PLAN[1], ref=PLAN, high=income_plan[1],
        )  # fmt: skip
        quote = a.quote(
            "Phấn đấu ", f"tỷ lệ lấp đầy các khu công nghiệp đạt trên {fill_plan.written}%", "; "
        )
        note = "DOUBTFUL: the parks in operation only, or every park?" if z.index % 6 == 0 else ""
        self.fact(
            a.source_id, "kcn", "kcn_occupancy_rate", "target", "level", fill_plan, "percent",
            quote, qualifier="over", as_of=PLAN[1], ref=PLAN, note=note,
        )  # fmt: skip
        quote = a.quote(
            "",
            f"phát triển {parks_plan.written} khu công nghiệp với tổng diện tích "
            f"{land_plan.written}ha",
            ". ",
        )
        self.fact(
            a.source_id, "zones", "kcn_count", "target", "level", parks_plan, "count", quote,
            as_of=PLAN[1], ref=PLAN,
        )  # fmt: skip
        self.fact(
            a.source_id, "zones", "kcn_land_area", "target", "level", land_plan, "ha", quote,
            as_of=PLAN[1], ref=PLAN,
        )  # fmt: skip
        quote = a.quote(
            "Riêng năm 2021, ",
            f"giá trị sản xuất công nghiệp tăng {growth_plan.written}% trở lên so với năm 2020",
            ".\n",
        )
        self.fact(
            a.source_id, "zones", "production_value", "target", "growth", growth_plan,
            "percent", quote, qualifier="at_least", period=year(2021), reference="period",
            ref=year(2020),
        )  # fmt: skip

        # 2. The results of 2021-2023 (the board's report, early 2024).
        b = self.article(
            "sokettbgiaidoan",
            f"Các khu công nghiệp tỉnh {vi}: ba năm thực hiện kế hoạch 2021-2025",
            f"2024-02-{day:02d}",
        )
        b.say(f"Theo Ban Quản lý các khu kinh tế, khu công nghiệp tỉnh {vi}, ")
        quote = b.quote(
            "giai đoạn 2021-2023, các khu công nghiệp ",
            f"đã thu hút {projects.written} dự án với tổng vốn đầu tư đạt "
            f"{total_so_far.written} tỷ USD",
            ", ",
        )
        self.fact(
            b.source_id, "zones", "projects", "actual", "flow", projects, "count", quote,
            period=SO_FAR,
        )  # fmt: skip
        self.fact(
            b.source_id, "zones", "total_investment", "actual", "flow", total_so_far, "USD",
            quote, period=SO_FAR,
        )  # fmt: skip
        quote = b.quote("trong đó ", f"vốn đầu tư nước ngoài đạt {fdi_so_far.written} tỷ USD", ", ")
        self.fact(
            b.source_id, "zones", "fdi_capital", "actual", "flow", fdi_so_far, "USD", quote,
            period=SO_FAR,
        )  # fmt: skip
        pct = math.ceil(share_so_far)
        quote = b.quote("", f"đạt gần {pct}% kế hoạch thu hút FDI giai đoạn 2021-2025", "; ")
        self.fact(
            b.source_id, "zones", "fdi_capital", "actual", "share", str(pct), "percent", quote,
            qualifier="nearly", period=SO_FAR, reference="plan", ref=PLAN,
        )  # fmt: skip
        unit = "tỷ đồng" if in_vnd else "tỷ USD"
        quote = b.quote("", f"vốn đầu tư trong nước đạt {domestic.written} {unit}", ", ")
        self.fact(
            b.source_id, "zones", "domestic_capital", "actual", "flow", domestic,
            "VND" if in_vnd else "USD", quote, period=SO_FAR,
        )  # fmt: skip
        quote = b.quote("", f"tăng gần {multiple.written} lần so với giai đoạn 2016 - 2020", ". ")
        self.fact(
            b.source_id, "zones", "domestic_capital", "actual", "multiple", multiple, "times",
            quote, qualifier="nearly", period=SO_FAR, reference="period", ref=BEFORE,
        )  # fmt: skip
        pct_word = "gần " if z.index % 2 else ""
        quote = b.quote(
            "",
            f"Năm 2023, vốn FDI vào các khu công nghiệp đạt {fdi_23.written} tỷ USD, "
            f"đạt {pct_word}{fdi_23_pct}% kế hoạch",
            ". ",
        )
        self.fact(
            b.source_id, "zones", "fdi_capital", "actual", "flow", fdi_23, "USD", quote,
            period=year(2023),
        )  # fmt: skip
        self.fact(
            b.source_id, "zones", "fdi_capital", "actual", "share", str(fdi_23_pct), "percent",
            quote, qualifier="nearly" if pct_word else "exact", period=year(2023),
            reference="plan", ref=year(2023),
        )  # fmt: skip
        quote = b.quote(
            "Cũng trong năm 2023, ",
            f"tổng vốn đầu tư thu hút đạt {total_23.written} tỷ USD",
            " so với ",
        )
        self.fact(
            b.source_id, "zones", "total_investment", "actual", "flow", total_23, "USD", quote,
            period=year(2023),
        )  # fmt: skip
        quote = b.quote("", f"kế hoạch năm khoảng {plan_23.written} tỷ USD", ". ")
        self.fact(
            b.source_id, "zones", "total_investment", "target", "flow", plan_23, "USD", quote,
            qualifier="approx", period=year(2023),
        )  # fmt: skip
        quote = b.quote(
            "Các khu công nghiệp ", f"tạo việc làm cho trên {jobs_so_far.written} lao động", "; "
        )
        self.fact(
            b.source_id, "zones", "jobs", "actual", "flow", jobs_so_far, "persons", quote,
            qualifier="over", period=SO_FAR,
        )  # fmt: skip
        quote = b.quote(
            "", f"thu nhập bình quân đạt {income_23.written} triệu đồng/người/năm", "; "
        )
        self.fact(
            b.source_id, "kkt", "per_capita_income", "actual", "level", income_23,
            "VND_per_person_per_year", quote, as_of="2023-12-31",
        )  # fmt: skip
        quote = b.quote("", f"tỷ lệ lấp đầy bình quân đạt {fill_23.written}%", ". ")
        self.fact(
            b.source_id, "kcn", "kcn_occupancy_rate", "actual", "level", fill_23, "percent",
            quote, as_of="2023-12-31",
        )  # fmt: skip
        park = next(e for e in z.entities if e["entity_id"].endswith("-kcn-2"))
        quote = b.quote(
            f"Riêng {park['name_vi'].split(' (')[0]} ",
            f"đã lấp đầy {fill_park.written}% diện tích",
            "; ",
        )
        self.fact(
            b.source_id, "kcn-2", "kcn_occupancy_rate", "actual", "level", fill_park, "percent",
            quote, as_of="2023-12-31",
        )  # fmt: skip
        park = next(e for e in z.entities if e["entity_id"].endswith("-kcn-3"))
        quote = b.quote(
            f"{park['name_vi'].split(' (')[0]} ",
            f"có tổng diện tích {land_park.written}ha",
            ". ",
        )
        self.fact(
            b.source_id, "kcn-3", "kcn_land_area", "actual", "level", land_park, "ha", quote,
            as_of="2023-12-31",
        )  # fmt: skip
        quote = b.quote(
            "Đến cuối năm 2023, toàn tỉnh ",
            f"có {parks_23.written} khu công nghiệp với tổng diện tích {land_23.written}ha",
            "; ",
        )
        self.fact(
            b.source_id, "zones", "kcn_count", "actual", "level", parks_23, "count", quote,
            as_of="2023-12-31",
        )  # fmt: skip
        self.fact(
            b.source_id, "zones", "kcn_land_area", "actual", "level", land_23, "ha", quote,
            as_of="2023-12-31",
        )  # fmt: skip
        quote = b.quote(
            "lũy kế ",
            f"có {fdi_projects_23.written} dự án đầu tư nước ngoài còn hiệu lực",
            ", ",
        )
        self.fact(
            b.source_id, "zones", "fdi_projects", "actual", "level", fdi_projects_23, "count",
            quote, as_of="2023-12-31",
        )  # fmt: skip
        quote = b.quote("", f"so với {fdi_projects_20.written} dự án vào cuối năm 2020", ". ")
        self.fact(
            b.source_id, "zones", "fdi_projects", "baseline", "level", fdi_projects_20, "count",
            quote, as_of="2020-12-31",
        )  # fmt: skip
        quote = b.quote(
            "",
            f"Năm 2021, giá trị sản xuất công nghiệp tăng {growth_21.written}% so với năm 2020",
            ". ",
        )
        self.fact(
            b.source_id, "zones", "production_value", "actual", "growth", growth_21, "percent",
            quote, period=year(2021), reference="period", ref=year(2020),
        )  # fmt: skip
        quote = b.quote(
            "Tỷ trọng sản phẩm công nghệ cao của tỉnh ", f"năm 2020 đạt {hitech[0].written}%", ", "
        )
        self.fact(
            b.source_id, "province", "hi_tech_share", "baseline", "level", hitech[0], "percent",
            quote, as_of="2020-12-31", note="Province-wide, not the zones' own.",
        )  # fmt: skip
        quote = b.quote("", f"tăng lên {hitech[1].written}% vào năm 2023", ".\n")
        self.fact(
            b.source_id, "province", "hi_tech_share", "actual", "level", hitech[1], "percent",
            quote, as_of="2023-12-31", note="Province-wide, not the zones' own.",
        )  # fmt: skip

        # 3. The results of 2024 and the plan for 2025 (January 2025).
        c = self.article(
            "tongket2024",
            f"{vi}: các khu công nghiệp thu hút vốn năm 2024 và kế hoạch năm 2025",
            f"2025-01-{day:02d}",
        )
        quote = c.quote(
            "",
            f"Năm 2024, vốn FDI vào các khu công nghiệp đạt {fdi_24.written} tỷ USD",
            "; ",
        )
        self.fact(
            c.source_id, "zones", "fdi_capital", "actual", "flow", fdi_24, "USD", quote,
            period=year(2024),
        )  # fmt: skip
        quote = c.quote("", f"tổng vốn đầu tư thu hút đạt {total_24.written} tỷ USD", "; ")
        self.fact(
            c.source_id, "zones", "total_investment", "actual", "flow", total_24, "USD", quote,
            period=year(2024),
        )  # fmt: skip
        quote = c.quote("", f"tạo việc làm cho khoảng {jobs_24.written} lao động", "; ")
        self.fact(
            c.source_id, "zones", "jobs", "actual", "flow", jobs_24, "persons", quote,
            qualifier="approx", period=year(2024),
        )  # fmt: skip
        quote = c.quote("", f"giá trị xuất khẩu đạt {export_24.written} triệu USD", "; ")
        self.fact(
            c.source_id, "zones", "export_value", "actual", "flow", export_24, "USD", quote,
            period=year(2024),
        )  # fmt: skip
        quote = c.quote("", f"nộp ngân sách đạt {budget_24.written} tỷ đồng", ". ")
        self.fact(
            c.source_id, "zones", "budget_revenue", "actual", "flow", budget_24, "VND", quote,
            period=year(2024),
        )  # fmt: skip
        quote = c.quote(
            "", f"Năm 2025, phấn đấu thu hút khoảng {plan_25.written} tỷ USD vốn đầu tư", ".\n"
        )
        self.fact(
            c.source_id, "zones", "total_investment", "target", "flow", plan_25, "USD", quote,
            qualifier="approx", period=year(2025),
        )  # fmt: skip

        # 4. A cited report for 2022; every fifth zone a second one that disagrees.
        source, quote = self.citation(
            "baocao2022", f"2023-01-{day:02d}", f"vốn FDI năm 2022 đạt {fdi_22.written} tỷ USD"
        )
        conflict = z.index % 5 == 2
        note = "CONFLICT: the province's portal gives another figure." if conflict else ""
        self.fact(
            source, "zones", "fdi_capital", "actual", "flow", fdi_22, "USD", quote,
            period=year(2022), note=note,
        )  # fmt: skip
        if conflict:
            other = hundredths(fdi_22.amount / 1e9 * 1.3)
            source, quote = self.citation(
                "congthongtin2022",
                f"2023-02-{day:02d}",
                f"năm 2022 thu hút {other.written} tỷ USD vốn FDI",
            )
            self.fact(
                source, "zones", "fdi_capital", "actual", "flow", other, "USD", quote,
                period=year(2022), note="CONFLICT: the board's report gives another figure.",
            )  # fmt: skip
        return z


def _csv(columns: tuple[str, ...], rows: list[dict[str, str]]) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([row.get(c, "") for c in columns] for row in rows)
    return out.getvalue()


def generate(zones: int, seed: int = 14) -> list[Zone]:
    """Generate the zones' entities, articles, citations and facts (nothing is written)."""
    out, number = [], 0
    for index in range(zones):
        writer = ZoneWriter(index, random.Random(f"{seed}-{index}"), number)
        out.append(writer.write())
        number = writer.article_number
    return out


def write_data(root: Path, zones: list[Zone]) -> None:
    """Write ``data/`` under ``root`` for the generated zones."""
    data = root / "data"
    (data / "raw" / "articles").mkdir(parents=True, exist_ok=True)
    (data / "reference").mkdir(parents=True, exist_ok=True)
    for name in REFERENCE_COPIED:
        shutil.copy(REPO / "data" / "reference" / name, data / "reference" / name)
    entities = [e for z in zones for e in z.entities]
    (data / "reference" / "entities.csv").write_text(
        _csv(ENTITY_COLUMNS, entities), encoding="utf-8"
    )
    sources = []
    for z in zones:
        for article in z.articles:
            raw = article.text.encode("utf-8")
            (data / "raw" / article.file).write_bytes(raw)
            sources.append(
                {
                    "source_id": article.source_id,
                    "kind": "article",
                    "file": article.file,
                    "title": article.title,
                    "publisher": nfc(f"Cổng thông tin điện tử tỉnh {z.province_vi}"),
                    "url": "",
                    "language": "vi",
                    "published_date": article.published,
                    "date_precision": "day",
                    "date_basis": "stated: the page header gives the date",
                    "sha256": hashlib.sha256(raw).hexdigest(),
                    "found_how": FOUND_HOW,
                    "notes": "",
                }
            )
        for cited in z.citations:
            sources.append(
                {
                    "source_id": cited["source_id"],
                    "kind": "citation",
                    "file": "",
                    "title": cited["title"],
                    "publisher": nfc(f"Sở Kế hoạch và Đầu tư tỉnh {z.province_vi}"),
                    "url": cited["url"],
                    "language": "vi",
                    "published_date": cited["published"],
                    "date_precision": "day",
                    "date_basis": "stated: the report is dated",
                    "sha256": "",
                    "found_how": FOUND_HOW,
                    "notes": "",
                }
            )
    (data / "raw" / "sources.csv").write_text(_csv(SOURCE_COLUMNS, sources), encoding="utf-8")
    facts = [f for z in zones for f in z.facts]
    (data / "facts.csv").write_text(_csv(FACT_COLUMNS, facts), encoding="utf-8")


def reports_toml(zones: list[Zone], plan_checks: int = 1) -> str:
    """Every zone's report in both languages, plan checks of the first zones, all-zone pages."""
    lines = ["# Generated by benchmarks/national_data.py\n"]

    def run(notebook: str, parameters: str) -> None:
        lines.append(f'\n[[run]]\nnotebook = "{notebook}"\nparameters = {{ {parameters} }}\n')

    for z in zones:
        for lang in ("vi", "en"):
            run("01_zone_report.ipynb", f'zone = "{z.zone_id}", lang = "{lang}"')
    for z in zones[:plan_checks]:
        for lang in ("vi", "en"):
            run(
                "02_plan_check.ipynb",
                f'zone = "{z.zone_id}", indicator = "fdi_capital", lang = "{lang}"',
            )
    for notebook in ("03_zone_comparison.ipynb", "04_data_audit.ipynb"):
        for lang in ("vi", "en"):
            run(notebook, f'lang = "{lang}"')
    return "".join(lines)


def make_project(
    root: Path, zones: int = 60, *, plan_checks: int = 1, seed: int = 14
) -> list[Zone]:
    """Write a whole project under ``root``: the real code's companions and generated data.

    Args:
        root: An empty or missing folder.
        zones: How many zones.
        plan_checks: How many zones (the first ones) also get a plan check.
        seed: The seed of the figures.

    Returns:
        The generated zones.
    """
    root.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, root / name, ignore=shutil.ignore_patterns(".ipynb_*"))
        else:
            shutil.copy(source, root / name)
    generated = generate(zones, seed)
    write_data(root, generated)
    (root / "notebooks" / "reports.toml").write_text(
        reports_toml(generated, plan_checks), encoding="utf-8"
    )
    return generated


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def edit_one_fact(root: Path, zone: str, indicator: str = "fdi_capital") -> str:
    """Correct one figure of one zone as a curator would: the article, its hash, the fact.

    The first archived actual flow of ``indicator`` in ``zone`` gets its last written digit
    changed, in the article's text (same length, so no other quote moves), in the registry's
    sha256 and in the fact's quote and value.

    Returns:
        The id of the edited fact.
    """
    data = root / "data"
    facts = _rows(data / "facts.csv")
    sources = _rows(data / "raw" / "sources.csv")
    files = {s["source_id"]: s for s in sources if s["kind"] == "article"}
    fact = next(
        f
        for f in facts
        if f["entity_id"] == zone
        and f["indicator"] == indicator
        and f["kind"] == "actual"
        and f["measure"] == "flow"
        and f["source_id"] in files
    )
    start, end = int(fact["quote_start"]), int(fact["quote_end"])
    quote = fact["quote"]
    at = quote.index(" tỷ USD") - 1  # the last written digit of "10,51 tỷ USD": 0,01 tỷ
    digit = int(quote[at])
    new_digit = (digit + 1) % 10
    new_quote = quote[:at] + str(new_digit) + quote[at + 1 :]
    new_value = int(fact["value"]) + (new_digit - digit) * 10**7
    source = files[fact["source_id"]]
    path = data / "raw" / source["file"]
    text = path.read_bytes().decode("utf-8")
    assert text[start:end] == quote
    text = text[:start] + new_quote + text[end:]
    path.write_bytes(text.encode("utf-8"))
    source["sha256"] = hashlib.sha256(text.encode("utf-8")).hexdigest()
    fact["quote"], fact["value"] = new_quote, str(new_value)
    (data / "raw" / "sources.csv").write_text(_csv(tuple(sources[0]), sources), encoding="utf-8")
    (data / "facts.csv").write_text(_csv(tuple(facts[0]), facts), encoding="utf-8")
    return fact["fact_id"]
