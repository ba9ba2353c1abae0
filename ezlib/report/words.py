"""Words of the reports in Vietnamese and English: headings, labels and narrative templates.

Every word a reader sees that ezlib writes (not a source's quote or title) is here, once, in
both languages: column headers, hedges ("≈", "gần"), units and scale words, the official
progress categories, check statuses and verdicts, the narrative and the charts' alt texts.
Numbers and dates are written by :mod:`ezlib.report.tables`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from typing import Any

from ezlib.data.reference import entity_name, indicator_label, resolve_entity
from ezlib.errors import DataError
from ezlib.vocabulary import LANGUAGES

TEXT: dict[str, dict[str, str]] = {
    "title.01_zone_report": {"vi": "Báo cáo tiến độ: {zone}", "en": "Progress report: {zone}"},
    "title.02_plan_check": {
        "vi": "Kiểm tra kế hoạch: {zone}, {indicator}",
        "en": "Plan check: {zone}, {indicator}",
    },
    "title.03_zone_comparison": {"vi": "So sánh các khu", "en": "Zone comparison"},
    "title.smoke": {"vi": "Thử: {zone}", "en": "Smoke: {zone}"},
    "title.04_data_audit": {"vi": "Kiểm tra dữ liệu", "en": "Data audit"},
    # A zone's report named in its zone's row of the index, where the zone is said already
    "label.01_zone_report": {"vi": "Báo cáo tiến độ", "en": "Progress report"},
    "label.02_plan_check": {
        "vi": "Kiểm tra kế hoạch: {indicator}",
        "en": "Plan check: {indicator}",
    },
    "all_zones": {"vi": "tất cả các khu", "en": "all zones"},
}


def text(key: str, lang: str, **values: object) -> str:
    """Return a report text in a language, with its placeholders filled.

    Args:
        key: The text's key, e.g. ``"title.01_zone_report"``.
        lang: ``"vi"`` or ``"en"``.
        **values: Values for the ``{placeholders}``.

    Raises:
        DataError: If the language or key is unknown.
    """
    if lang not in LANGUAGES:
        raise DataError(f"language {lang!r} is not one of {LANGUAGES}")
    if key not in TEXT:
        raise DataError(f"no report text {key!r}")
    return TEXT[key][lang].format(**values)


LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}
"""Each report language by its own name, as the site's index lists it."""


def _same(template: str) -> dict[str, str]:
    """A text written alike in both languages (a symbol such as "≈ {x}")."""
    return {"vi": template, "en": template}


# Column headers and headings.
TEXT.update(
    {
        "col.indicator": {"vi": "Chỉ tiêu", "en": "Indicator"},
        "col.plan": {"vi": "Kỳ kế hoạch", "en": "Plan period"},
        "col.target": {"vi": "Mục tiêu", "en": "Target"},
        "col.actual": {"vi": "Thực hiện", "en": "Actual"},
        "col.attainment": {"vi": "Đạt (% mục tiêu)", "en": "Attainment (% of target)"},
        "col.elapsed": {"vi": "Thời gian đã qua", "en": "Time elapsed"},
        "col.pace": {"vi": "Chỉ số tiến độ", "en": "Pace index"},
        "col.required": {"vi": "Cần đạt mỗi năm còn lại", "en": "Required per year left"},
        "col.projection": {"vi": "Dự báo cuối kỳ", "en": "Projected at end"},
        "col.category": {"vi": "Đánh giá (Eurostat)", "en": "Category (Eurostat)"},
        "col.unsd": {"vi": "Đánh giá (UNSD)", "en": "Category (UNSD)"},
        "col.sources": {"vi": "Nguồn", "en": "Sources"},
        "col.fact": {"vi": "Mã số liệu", "en": "Fact"},
        "col.quote": {"vi": "Trích dẫn", "en": "Quote"},
        "col.source": {"vi": "Nguồn tin", "en": "Source"},
        "col.date": {"vi": "Ngày đăng", "en": "Published"},
        "col.zone": {"vi": "Khu", "en": "Zone"},
        "col.province": {"vi": "Tỉnh, thành phố", "en": "Province"},
        "col.kind": {"vi": "Loại", "en": "Kind"},
        "col.count": {"vi": "Số số liệu", "en": "Facts"},
        "col.note": {"vi": "Ghi chú", "en": "Note"},
        "col.value": {"vi": "Giá trị", "en": "Value"},
        "col.per_year": {"vi": "Mục tiêu mỗi năm (USD)", "en": "Target per plan year (USD)"},
        "col.measured": {"vi": "Đo được", "en": "Measured"},
        "col.status": {"vi": "Trạng thái", "en": "Status"},
        "col.check": {"vi": "Kiểm tra", "en": "Check"},
        "col.discrepancy": {"vi": "Chênh lệch", "en": "Discrepancy"},
        "col.tolerance": {"vi": "Dung sai", "en": "Tolerance"},
        "col.source_kind": {"vi": "Loại nguồn", "en": "Kind of source"},
        "col.n_sources": {"vi": "Số nguồn", "en": "Number of sources"},
        "col.at_offsets": {
            "vi": "Trích dẫn đúng vị trí trong bài",
            "en": "Quote at its offsets in the article",
        },
        "col.extractor": {
            "vi": "Bộ trích xuất đọc ra đúng giá trị",
            "en": "Extractor reads the value",
        },
        "col.flags": {"vi": "Cảnh báo", "en": "Flags"},
        "col.caveats": {"vi": "Lưu ý khi trích dẫn", "en": "Before citing"},
        "col.explanation": {
            "vi": "Định nghĩa trong ghi chú",
            "en": "Definitions in the curator's notes",
        },
        "col.curator_note": {"vi": "Ghi chú của người biên soạn", "en": "Curator's note"},
        # The coverage table: one column of counts per kind of fact (FACT_KINDS).
        "col.kind.target": {"vi": "Số mục tiêu", "en": "Targets"},
        "col.kind.actual": {"vi": "Số kết quả thực hiện", "en": "Actuals"},
        "col.kind.baseline": {"vi": "Số giá trị kỳ gốc", "en": "Baselines"},
        "borderline": {"vi": "sát ngưỡng", "en": "borderline"},
        "no_actual": {"vi": "chưa có số thực hiện", "en": "no actual yet"},
        "measured": _same("✓"),
        "h.targets": {"vi": "Các mục tiêu và tiến độ", "en": "Targets and progress"},
        "h.charts": {"vi": "Biểu đồ", "en": "Charts"},
        "h.glance": {"vi": "Các mục tiêu trong nháy mắt", "en": "The targets at a glance"},
        "h.over_time": {"vi": "Diễn biến theo thời gian", "en": "Over time"},
        "h.detail": {"vi": "Chi tiết từng mục tiêu", "en": "Every target in detail"},
        "part.progress": {
            "vi": "Tiến độ, lưu ý khi trích dẫn và nguồn",
            "en": "Progress, what to know before citing, and sources",
        },
        "part.outlook": {
            "vi": "Triển vọng đến cuối kỳ và đánh giá theo phương pháp chính thức",
            "en": "Outlook to the end of the plan, and official categories",
        },
        "h.no_actual": {"vi": "Mục tiêu chưa có số thực hiện", "en": "Targets with no actual yet"},
        "h.sources": {"vi": "Nguồn của mọi số liệu", "en": "Where every figure comes from"},
        "h.checks": {"vi": "Kiểm tra tính nhất quán", "en": "Consistency checks"},
        "h.implied": {
            "vi": "Kế hoạch suy ra từ tỷ lệ hoàn thành",
            "en": "The plan implied by the reported share",
        },
        "h.coverage": {"vi": "Độ phủ dữ liệu", "en": "Coverage"},
        "h.provenance": {"vi": "Kiểm tra nguồn gốc", "en": "Provenance checks"},
        "h.anomalies": {"vi": "Điểm bất thường và xung đột", "en": "Anomalies and conflicts"},
        "h.scale": {"vi": "Mục tiêu trên cùng thang đo (USD)", "en": "Targets on one scale (USD)"},
        "none": {"vi": "Không có.", "en": "None."},
    }
)

# How a figure is hedged (ezlib.vocabulary.QUALIFIERS): "{x}" is the figure as written by
# ezlib.report.tables.format_amount; a range is written "X–Y" there.
TEXT.update(
    {
        "hedge.exact": _same("{x}"),
        "hedge.approx": _same("≈ {x}"),
        "hedge.nearly": {"vi": "gần {x}", "en": "nearly {x}"},
        "hedge.over": _same("> {x}"),
        "hedge.at_least": _same("≥ {x}"),
        "hedge.at_most": _same("≤ {x}"),
        "hedge.range": _same("{x}"),
        # A figure converted to USD with the annual rates, after the figure as written.
        "converted": _same("(≈ {x})"),
    }
)

# How a target's figure relates to time (ezlib.vocabulary.MEASURES): a growth target is a
# rise ("tăng 14% trở lên"), an increment what is added ("có thêm 15 KCN").
TEXT.update(
    {
        "measure.flow": _same("{x}"),
        "measure.level": _same("{x}"),
        "measure.increment": {"vi": "thêm {x}", "en": "{x} more"},
        "measure.growth": {"vi": "tăng {x}", "en": "growth {x}"},
        "measure.multiple": {"vi": "gấp {x}", "en": "{x} the base"},
        "measure.share": {"vi": "{x} kỳ gốc", "en": "{x} of the base"},
    }
)

SCALES: tuple[tuple[float, dict[str, str]], ...] = (
    (1e12, {"vi": "nghìn tỷ", "en": "trn"}),
    (1e9, {"vi": "tỷ", "en": "bn"}),
    (1e6, {"vi": "triệu", "en": "m"}),
)
"""Scale words of money amounts, largest first: "12,51 tỷ USD", "12.51 bn USD"."""

# What follows the number of each unit (money: the scale word and currency come first).
TEXT.update(
    {
        "unit.percent": _same("%"),
        "unit.percentage_points": {"vi": " điểm %", "en": " pp"},
        "unit.count": _same(""),
        "unit.persons": {"vi": " người", "en": " persons"},
        "unit.times": {"vi": " lần", "en": "×"},
        "unit.ha": _same(" ha"),
        "unit.m2": _same(" m²"),
        "unit.km2": _same(" km²"),
        # Rates, "VND_per_person_per_year": "triệu VND/người/năm", "m VND per person per year".
        "rate.per": {"vi": "/{x}", "en": " per {x}"},
        "rate.person": {"vi": "người", "en": "person"},
        "rate.year": {"vi": "năm", "en": "year"},
        "rate.month": {"vi": "tháng", "en": "month"},
        "rate.day": {"vi": "ngày", "en": "day"},
        "rate.m2": _same("m²"),
        "rate.ha": _same("ha"),
        "rate.project": {"vi": "dự án", "en": "project"},
        "rate.tonne": {"vi": "tấn", "en": "tonne"},
        "rate.lease": {"vi": "hợp đồng thuê", "en": "lease"},
    }
)

MONTHS = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "vi": tuple(str(m) for m in range(1, 13)),
}
"""Month names of dates: "10 May 2024"; Vietnamese writes the month's number, "10/5/2024"."""

# Dates, by the precision a source's date is known to (day, month, year).
TEXT.update(
    {
        "date.day": {"vi": "{day}/{month}/{year}", "en": "{day} {month} {year}"},
        "date.month": {"vi": "tháng {month}/{year}", "en": "{month} {year}"},
        "date.year": _same("{year}"),
    }
)

# The official progress categories (ezlib.methods.categories *_LABELS, TARGET_ACHIEVED,
# NOT_ASSESSED) and target-met statuses (ezlib.methods.indicators.MET_STATUSES), in the wording
# of the Vietnamese SDG progress reports (tiến bộ đáng kể, đạt mục tiêu, thụt lùi, ...).
TEXT.update(
    {
        "category.movement_away": {"vi": "đi xa mục tiêu", "en": "movement away from target"},
        "category.insufficient_progress": {
            "vi": "tiến bộ chưa đủ",
            "en": "insufficient progress",
        },
        "category.moderate_progress": {"vi": "tiến bộ vừa phải", "en": "moderate progress"},
        "category.significant_progress": {
            "vi": "tiến bộ đáng kể",
            "en": "significant progress",
        },
        "category.regression": {"vi": "thụt lùi", "en": "regression"},
        "category.stagnation": {"vi": "đình trệ", "en": "stagnation"},
        "category.marginal_progress": {"vi": "tiến bộ ít", "en": "marginal progress"},
        "category.fair_progress": {"vi": "tiến bộ khá", "en": "fair progress"},
        "category.substantial_progress": {
            "vi": "tiến bộ vững chắc",
            "en": "substantial progress",
        },
        "category.progress_made": {"vi": "có tiến bộ", "en": "progress made"},
        "category.target_achieved": {"vi": "đạt mục tiêu", "en": "target achieved"},
        "category.not_assessed": {"vi": "chưa đánh giá được", "en": "not assessed"},
        "met.met": {"vi": "đạt", "en": "met"},
        "met.met_floor": {"vi": "đạt mức sàn", "en": "floor met"},
        "met.borderline": {"vi": "sát ngưỡng", "en": "borderline"},
        "met.not_met": {"vi": "chưa đạt", "en": "not met"},
        "met.not_assessed": {"vi": "chưa đánh giá được", "en": "not assessed"},
    }
)

# What a reader must know before citing a figure (ezlib.vocabulary.CAVEATS).
TEXT.update(
    {
        "caveat.doubtful": {"vi": "phạm vi đáng ngờ", "en": "doubtful scope"},
        "caveat.ambiguous": {"vi": "cách hiểu chưa rõ", "en": "ambiguous reading"},
        "caveat.conflict": {"vi": "các nguồn mâu thuẫn", "en": "sources conflict"},
        "caveat.draft": {"vi": "mục tiêu dự thảo", "en": "draft target"},
        "caveat.anomaly": {"vi": "số liệu bất thường", "en": "anomalous figure"},
        "caveat.provisional_rate": {"vi": "tỷ giá tạm tính", "en": "provisional exchange rate"},
        "caveat.part_year": {"vi": "số liệu một phần năm", "en": "part of a year"},
        "caveat.scope": {"vi": "khác phạm vi", "en": "another scope"},
        "explain.doubtful": {
            "vi": "nguồn không nói rõ số liệu thuộc phạm vi nào (toàn thành phố hay các khu)",
            "en": "the source leaves it unclear which scope the figure covers (city or zones)",
        },
        "explain.ambiguous": {
            "vi": "câu trích dẫn có thể hiểu theo hơn một cách; ghi chú của dữ liệu nói cách hiểu "
            "đã chọn",
            "en": "the quote can be read more than one way; the data's note says which reading "
            "was taken",
        },
        "explain.conflict": {
            "vi": "một nguồn khác nêu số khác cho cùng chỉ tiêu; cả hai đều được giữ",
            "en": "another source gives a different figure for the same thing; both are kept",
        },
        "explain.draft": {
            "vi": "mục tiêu trong một bản dự thảo, chưa phải mục tiêu đã được thông qua",
            "en": "the target is from a draft, not an adopted plan",
        },
        "explain.anomaly": {
            "vi": "giá trị khó tin so với các số liệu khác; được giữ như nguồn nêu",
            "en": "the value is implausible beside the other figures; kept as reported",
        },
        "explain.provisional_rate": {
            "vi": "quy đổi sang USD dùng tỷ giá chưa phải bình quân cả năm đã công bố",
            "en": "the USD value uses an exchange rate that is not a published full-year average",
        },
        "explain.part_year": {
            "vi": "số thực hiện chỉ gồm một phần của năm (ví dụ 7 hay 9 tháng đầu năm)",
            "en": "the result covers part of a year only (for example its first 7 or 9 months)",
        },
        "explain.scope": {
            "vi": "so sánh qua một lần thay đổi phạm vi (sáp nhập tỉnh từ 1/7/2025)",
            "en": "compared across a change of scope (the provincial merger of 1 July 2025)",
        },
        "h.caveats": {"vi": "Lưu ý khi trích dẫn", "en": "Before citing"},
        "h.history": {"vi": "Các lần đo trước", "en": "Earlier readings"},
        "h.outcomes": {
            "vi": "Kế hoạch 2021–2025 đã hoàn thành chưa?",
            "en": "Was the 2021–2025 plan met?",
        },
        "col.outcome": {"vi": "Kết quả kỳ kế hoạch", "en": "Plan outcome"},
        "col.entity": {"vi": "Khu, cụm", "en": "Zone or park"},
        "entity.whole": {"vi": "toàn khu", "en": "the whole zone"},
        "col.reading": {"vi": "Số đo đến", "en": "Reading to"},
        "col.year": {"vi": "Năm", "en": "Year"},
        "col.unit": {"vi": "Đơn vị", "en": "Unit"},
        "col.estimate": {"vi": "Giá trị ước tính", "en": "Estimate"},
        "col.low": {"vi": "Cận dưới", "en": "Low"},
        "col.high": {"vi": "Cận trên", "en": "High"},
        "chart.annual.actual": {"vi": "Thực hiện (mỗi nguồn)", "en": "Result (each source)"},
        "chart.annual.plan": {"vi": "Kế hoạch năm", "en": "Annual plan"},
        "chart.annual.item_actual": {"vi": "{year}: {x}", "en": "{year}: {x}"},
        "chart.annual.item_target": {"vi": "kế hoạch {year}: {x}", "en": "plan {year}: {x}"},
        "chart.annual.alt": {
            "vi": "Biểu đồ kết quả từng năm so với kế hoạch năm. {items}.",
            "en": "Chart of the results year by year against the annual plans. {items}.",
        },
        "chart.annual.empty": {
            "vi": "Biểu đồ trống: không có kết quả cả năm nào để vẽ.",
            "en": "Chart left empty: there is no full-year result to draw.",
        },
        "chart.path.path": {"vi": "Lộ trình đúng tiến độ", "en": "On-pace path"},
        "chart.path.target": {"vi": "Mục tiêu", "en": "Target"},
        "chart.path.reading": {"vi": "Số đo được", "en": "Readings"},
        "chart.path.start": {"vi": "điểm xuất phát", "en": "start"},
        "chart.path.item": _same("{date}: {x}"),
        "chart.path.plan": {
            "vi": "{name}: mục tiêu {target}; số đo {readings}.",
            "en": "{name}: target {target}; readings {readings}.",
        },
        "chart.path.alt": {
            "vi": "Biểu đồ số đo của các kế hoạch nhiều năm so với lộ trình đúng tiến độ. {items}",
            "en": "Chart of the readings of the multi-year plans against their on-pace paths. "
            "{items}",
        },
        "chart.path.empty": {
            "vi": "Biểu đồ trống: không có kế hoạch nhiều năm nào đã đo được.",
            "en": "Chart left empty: there is no measured multi-year plan.",
        },
        "site.name": {
            "vi": "ezlib: các khu kinh tế, khu công nghiệp Việt Nam",
            "en": "ezlib: Vietnam's economic zones and industrial parks",
        },
        "site.home": {"vi": "Trang chủ", "en": "Home"},
        "site.facts": {"vi": "Tra cứu số liệu", "en": "Facts"},
        "site.methods": {"vi": "Phương pháp", "en": "Methods"},
        "site.data": {"vi": "Tải dữ liệu", "en": "Download the data"},
        "site.other_language": {"vi": "English", "en": "Tiếng Việt"},
        "site.download_csv": {
            "vi": "Tải dữ liệu của mục này (CSV)",
            "en": "Download this data (CSV)",
        },
        "site.methods_title": {
            "vi": "Phương pháp: số liệu, chỉ số và cách đánh giá",
            "en": "Methods: the data, the indicators and the assessment",
        },
        "index.intro": {
            "vi": "Các mục tiêu kế hoạch của các khu kinh tế (KKT) và khu công nghiệp (KCN) "
            "và tiến độ thực hiện, theo các bài báo của cổng thông tin chính quyền. Mọi con số "
            "đều dẫn về trích dẫn nguyên văn trong bài báo nguồn.",
            "en": "The plan targets of Vietnam's economic zones (KKT) and industrial parks "
            "(KCN) and their progress, from articles on government portals. Every figure "
            "traces to its exact quote in the source article.",
        },
        "index.zones": {"vi": "Báo cáo theo khu", "en": "Zone reports"},
        "index.all": {"vi": "Tất cả các khu", "en": "All zones"},
        "index.report": {"vi": "Báo cáo", "en": "Report"},
        "index.built": {"vi": "Cập nhật", "en": "Built"},
        "index.failed": {"vi": "lỗi", "en": "failed"},
        "run.no_notebook": {
            "vi": "Lần chạy này dừng trước khi notebook được lưu: {error}",
            "en": "This run stopped before its notebook was saved: {error}",
        },
        "index.none": {
            "vi": "Chưa có báo cáo nào: notebooks/reports.toml chưa liệt kê lần chạy nào.",
            "en": "No reports are built yet: notebooks/reports.toml lists no run.",
        },
        "index.data_intro": {
            "vi": "Toàn bộ bộ dữ liệu đã kiểm tra: mỗi số liệu một dòng, với trích dẫn và nguồn.",
            "en": "The whole validated dataset: one row per figure, with its quote and source.",
        },
        "index.facts_intro": {
            "vi": "Mọi số liệu với trích dẫn, nguồn và các báo cáo sử dụng nó; lọc theo khu, "
            "chỉ tiêu hoặc từ khóa.",
            "en": "Every figure with its quote, its source and the reports that use it; filter "
            "by zone, indicator or any word.",
        },
        "index.methods_intro": {
            "vi": "FDI đăng ký và vốn giải ngân, mức độ đạt, tiến độ, dự báo, các cách phân "
            "loại chính thức, khoảng giá trị của từ ước lượng, kế hoạch suy ra và tỷ giá.",
            "en": "Registered and disbursed FDI, attainment, pace, projections, the official "
            "categories, the bands of hedged figures, implied plans and exchange rates.",
        },
        "index.written": {"vi": "Trang viết lúc {x}.", "en": "Index written {x}."},
        "index.files": {
            "vi": "Dữ liệu (CSV, Parquet, Stata .dta), từ điển dữ liệu và mô tả Data Package",
            "en": "Data (CSV, Parquet, Stata .dta), data dictionary and Data Package descriptor",
        },
        "target_status.met": {"vi": "đã đạt", "en": "met"},
        "target_status.borderline": {"vi": "sát ngưỡng", "en": "borderline"},
        "target_status.on_pace": {"vi": "đúng tiến độ", "en": "on pace"},
        "target_status.behind": {"vi": "chậm tiến độ", "en": "behind pace"},
        "target_status.not_met": {"vi": "không đạt", "en": "not met"},
        "target_status.not_measurable": {"vi": "chưa đo được", "en": "not measurable"},
        "headline": {
            "vi": "# {name}\n\nTính đến {date} (ngày của nguồn mới nhất về khu này), {n} mục "
            "tiêu: {counts}. Mọi con số đều dẫn về trích dẫn nguồn của nó.",
            "en": "# {name}\n\nAs of {date} (the date of the latest source on this zone), {n} "
            "targets: {counts}. Every figure traces to its quoted source.",
        },
        "headline.count": _same("{mark} {n} {status}"),
        "col.targets": {"vi": "Số mục tiêu", "en": "Targets"},
        "col.as_of": {"vi": "Tính đến", "en": "As of"},
        "h.glance_zones": {"vi": "Các khu trong nháy mắt", "en": "The zones at a glance"},
        "card.latest": {"vi": "Thực hiện mới nhất", "en": "Latest actual"},
        "card.attainment": {"vi": "Mức độ đạt", "en": "Attainment"},
        "card.actual_to": {"vi": "{x} (đến {date})", "en": "{x} (to {date})"},
        "card.pace_value": {
            "vi": "{pace} ({elapsed} thời gian kỳ kế hoạch đã qua)",
            "en": "{pace} ({elapsed} of the plan period elapsed)",
        },
        "outcome.open": {"vi": "đang thực hiện", "en": "open"},
        "outcome.met": {"vi": "đã đạt", "en": "met"},
        "outcome.borderline": {"vi": "sát ngưỡng", "en": "borderline"},
        "outcome.not_met": {"vi": "không đạt", "en": "not met"},
        "outcome.not_measurable": {"vi": "chưa đo được", "en": "not measurable"},
        "from_baseline": {
            "vi": "{share} quãng đường từ {base}",
            "en": "{share} of the way from {base}",
        },
    }
)

# The data audit: kinds of source, provenance results, the marks of a curator's note
# (ezlib.progress.audit.NOTE_MARKS), conflicts.
TEXT.update(
    {
        "source_kind.article": {"vi": "bài báo (lưu toàn văn)", "en": "article (archived)"},
        "source_kind.citation": {"vi": "trích dẫn theo URL", "en": "citation (by URL)"},
        "provenance.yes": _same("✓"),
        "provenance.no": _same("✗"),
        "provenance.by_url": {
            "vi": "không áp dụng (trích dẫn theo URL)",
            "en": "n/a (cited by URL)",
        },
        "mark.anomaly": {"vi": "bất thường", "en": "anomaly"},
        "mark.ambiguous": {"vi": "cách hiểu chưa rõ", "en": "ambiguous"},
        "mark.conflict": {"vi": "các nguồn mâu thuẫn", "en": "sources conflict"},
        "mark.differs": {"vi": "khác phạm vi hoặc số liệu", "en": "differs in scope or value"},
        "mark.provisional": {"vi": "số tạm tính", "en": "provisional"},
        "audit.notes": {
            "vi": "Cảnh báo được đọc từ ghi chú của người biên soạn; ghi chú đầy đủ (bằng tiếng "
            "Anh) có ở bản tiếng Anh của trang này.",
            "en": "The flags are read from the curator's notes, shown in full.",
        },
        "conflict.values": {"vi": "{low} so với {high}", "en": "{low} vs {high}"},
        "conflict.gap": _same("{gap} ({pct})"),
    }
)

# Consistency checks (ezlib.progress.consistency): statuses, names and findings.
TEXT.update(
    {
        "check_status.ok": {"vi": "khớp", "en": "ok"},
        "check_status.warn": {"vi": "cần xem lại", "en": "warning"},
        "check_status.fail": {"vi": "không khớp", "en": "fail"},
        "check_status.incomplete": {"vi": "thiếu số liệu", "en": "incomplete"},
        "check_status.base_not_reported": {
            "vi": "thiếu số kỳ gốc",
            "en": "base not reported",
        },
        "check.parts": {
            "vi": "Vốn FDI + vốn trong nước = tổng vốn đầu tư",
            "en": "FDI + domestic investment = total investment",
        },
        "check.total": {
            "vi": "{label}: các năm {start}–{end} cộng lại bằng tổng {start}–{end}",
            "en": "{label}: the years {start} to {end} add up to the {start}–{end} total",
        },
        "check.total_plans": {
            "vi": "{label}: kế hoạch từng năm {start}–{end} cộng lại bằng kế hoạch {start}–{end}",
            "en": "{label}: the annual plans {start} to {end} add up to the {start}–{end} plan",
        },
        "check.cumulative": {
            "vi": "{label} lũy kế{unit} không giảm",
            "en": "{label}{unit}: the cumulative total never falls",
        },
        "check.unit": _same(" ({unit})"),
        "check.multiple": {
            "vi": "{label}: tăng {multiple} so với {ref}",
            "en": "{label}: up {multiple} on {ref}",
        },
        "check.plan_share": {
            "vi": "{label} {period}: {share} kế hoạch {ref}",
            "en": "{label} {period}: {share} of the {ref} plan",
        },
        "check.share_change": _same("{label}: {start} → {end}"),
        "check.magnitude": {"vi": "{label}: độ lớn của số liệu", "en": "{label}: magnitude"},
        "check.quote": _same("“{quote}”"),
        "verdict.rounding.ok": {"vi": "trong phạm vi làm tròn", "en": "within rounding"},
        "verdict.rounding.warn": {
            "vi": "vượt phạm vi làm tròn một chút",
            "en": "a little beyond rounding",
        },
        "verdict.rounding.fail": {"vi": "vượt phạm vi làm tròn", "en": "beyond rounding"},
        "verdict.match.ok": {"vi": "khớp", "en": "consistent"},
        "verdict.match.warn": {"vi": "cần xem lại", "en": "doubtful"},
        "verdict.match.fail": {"vi": "không khớp", "en": "inconsistent"},
        "finding.parts": {
            "vi": "Tổng các phần {sum}, tổng số báo cáo {whole}: chênh {gap}, {verdict}.",
            "en": "Parts sum to {sum} against a reported total of {whole}: gap {gap}, {verdict}.",
        },
        "verdict.bands.ok": {"vi": "hai khoảng giao nhau", "en": "the bands overlap"},
        "verdict.bands.warn": {
            "vi": "hai khoảng lệch nhau một chút",
            "en": "the bands miss each other narrowly",
        },
        "verdict.bands.fail": {
            "vi": "hai khoảng không giao nhau",
            "en": "the bands do not overlap",
        },
        "finding.total": {
            "vi": "Các số cộng lại {sum}, so với tổng {whole}: {verdict}.",
            "en": "The figures add up to {sum} against a total of {whole}: {verdict}.",
        },
        "finding.incomplete": {
            "vi": "Chỉ có kế hoạch các năm {found}, thiếu {missing}. Các năm đã có cộng lại {sum}, "
            "so với kế hoạch cả kỳ {whole}: còn lại {left}.",
            "en": "Annual plans are known for {found} only, {missing} missing. Those known add "
            "up to {sum} against the whole plan's {whole}: {left} left.",
        },
        "finding.see_notes": {
            "vi": " Ghi chú của người biên soạn về định nghĩa các số liệu này có ở bản tiếng Anh.",
            "en": "",
        },
        "finding.parts_missing": {
            "vi": "Thiếu một phần hoặc tổng số.",
            "en": "A part or the total is missing.",
        },
        "finding.base_not_reported": {
            "vi": "Không có số liệu kỳ gốc {ref}. Nếu hiểu là gấp {m}: kỳ gốc {times}; nếu hiểu "
            "là tăng thêm {m} (gấp {m1}): kỳ gốc {plus}.",
            "en": "The base {ref} is not reported. Read as {m} the base: a base of {times}; "
            "read as {m} more ({m1} the base): {plus}.",
        },
        "finding.multiple.ok": {
            "vi": "Số mới / kỳ gốc = {ratio}: khớp cách hiểu gấp {m}.",
            "en": "New / base = {ratio}: fits {m} the base.",
        },
        "finding.multiple.warn": {
            "vi": "Số mới / kỳ gốc = {ratio}: chỉ khớp nếu hiểu là tăng thêm {m} (gấp {m1}).",
            "en": "New / base = {ratio}: fits only if read as {m} more ({m1} the base).",
        },
        "finding.multiple.fail": {
            "vi": "Số mới / kỳ gốc = {ratio}: không khớp cách hiểu nào của {m}.",
            "en": "New / base = {ratio}: fits no reading of {m}.",
        },
        "finding.plan_share": {
            "vi": "Tỷ lệ này suy ra kế hoạch {implied}; kế hoạch nêu ở nguồn khác là {plan}: "
            "{verdict}.",
            "en": "The share implies a plan of {implied}; the plan stated elsewhere is {plan}: "
            "{verdict}.",
        },
        "finding.share_change.up": {
            "vi": "Tăng {pp} điểm phần trăm; gấp {ratio} ({relative} tương đối).",
            "en": "Up {pp} percentage points; {ratio} ({relative} relative).",
        },
        "finding.share_change.down": {
            "vi": "Giảm {pp} điểm phần trăm; bằng {ratio} ({relative} tương đối).",
            "en": "Down {pp} percentage points; {ratio} ({relative} relative).",
        },
        "finding.not_a_share": {
            "vi": "Không phải tỷ lệ phần trăm (ngoài khoảng 0–100%).",
            "en": "Not a share (outside 0–100%).",
        },
        "finding.cumulative.ok": {
            "vi": "Số lũy kế không giảm.",
            "en": "The cumulative series never falls.",
        },
        "finding.cumulative.rounding": {
            "vi": "Số lũy kế chỉ giảm trong phạm vi làm tròn.",
            "en": "The cumulative series falls only within rounding.",
        },
        "finding.cumulative.fail": {
            "vi": "Số lũy kế giảm: {falls}.",
            "en": "The cumulative series falls: {falls}.",
        },
        "finding.cumulative.fall": {
            "vi": "{a} → {b}: giảm {size}",
            "en": "{a} → {b}: down {size}",
        },
        "finding.fact_at": _same("{fact} ({date})"),
        "finding.magnitude.above": {
            "vi": "{value} cao hơn mức hợp lý tối đa {bound}.",
            "en": "{value} is above the plausible {bound}.",
        },
        "finding.magnitude.below": {
            "vi": "{value} thấp hơn mức hợp lý tối thiểu {bound}.",
            "en": "{value} is below the plausible {bound}.",
        },
        "finding.magnitude.vnd": {
            "vi": " Có thể đây là VND: khi đó bằng khoảng {usd}.",
            "en": " Is it VND? That would be about {usd}.",
        },
        "finding.magnitude.scale": {
            "vi": " Có thể thiếu chữ chỉ đơn vị (triệu, tỷ), hoặc đây là số USD.",
            "en": " A scale word (triệu, tỷ) missed, or a USD figure?",
        },
        "finding.magnitude.missing": {"vi": "Thiếu giá trị.", "en": "The value is missing."},
        "finding.magnitude.no_range": {
            "vi": "Chưa có khoảng hợp lý cho đơn vị này.",
            "en": "No plausible range is known for this unit.",
        },
        "finding.magnitude.not_whole": {
            "vi": "{value} không phải số nguyên.",
            "en": "{value} is not a whole number.",
        },
        "orders": {"vi": "{x} bậc độ lớn", "en": "{x} orders of magnitude"},
    }
)

# The narrative (ezlib.report.narrative).
TEXT.update(
    {
        "summary": {
            "vi": "# {name}\n\n{total}, {measured} đã có số thực hiện để đo; {ahead} đạt hoặc "
            "vượt tiến độ tuyến tính. Mọi con số đều dẫn về trích dẫn nguồn ở cuối báo cáo.",
            "en": "# {name}\n\n{total}, {measured} with an actual to measure them by; {ahead} on "
            "or ahead of a linear pace. Every figure traces to a quoted source listed at the end "
            "of the report.",
        },
        "targets": {"vi": "{n} mục tiêu", "en": "{n} targets"},
        "targets.one": {"vi": "{n} mục tiêu", "en": "{n} target"},
        "narrative.implied": {
            "vi": "Kế hoạch {period}: đã đạt {achieved}, tức {share} của kế hoạch ≈ {plan} "
            "(khoảng {low} đến {high}).",
            "en": "Plan {period}: {achieved} achieved, {share} of a plan of about {plan} "
            "(between {low} and {high}).",
        },
        "narrative.stated": {
            "vi": "Kế hoạch {period}: mục tiêu {target}; đã đạt {actual}, tức {attainment} mục "
            "tiêu.",
            "en": "Plan {period}: a target of {target}; {actual} achieved, {attainment} of it.",
        },
        "narrative.pace": {
            "vi": " Đã qua {elapsed} thời gian kế hoạch: chỉ số tiến độ {pace}. Để hoàn thành "
            "cần {required} mỗi năm trong {left} năm còn lại, bằng {ratio} lần tốc độ đã đạt; "
            "giữ tốc độ hiện nay thì cuối kỳ đạt khoảng {projection}. Đánh giá Eurostat: "
            "{category}.",
            "en": " {elapsed} of the plan period has passed: pace index {pace}. Completing it "
            "needs {required} a year in the {left} years left, {ratio} times the pace achieved "
            "so far; at the achieved pace the period ends near {projection}. Eurostat category: "
            "{category}.",
        },
        "narrative.pace_met": {
            "vi": " Đã qua {elapsed} thời gian kế hoạch: chỉ số tiến độ {pace}. Mục tiêu đã đạt; "
            "giữ tốc độ hiện nay thì cuối kỳ đạt khoảng {projection}. Đánh giá Eurostat: "
            "{category}.",
            "en": " {elapsed} of the plan period has passed: pace index {pace}. The target is "
            "already reached; at the achieved pace the period ends near {projection}. Eurostat "
            "category: {category}.",
        },
        "narrative.later": {
            "vi": " Các báo cáo sau ({later_ids}) đưa tổng lũy kế đến hết {later_end} lên "
            "{later}, tức {later_share} kế hoạch suy ra{status}.",
            "en": " Later reports ({later_ids}) bring the total to the end of {later_end} to "
            "{later}, {later_share} of the implied plan{status}.",
        },
        # How the latest reading stands (ezlib.methods.indicators.MET_STATUSES).
        "narrative.status.met": {"vi": ": kế hoạch đã hoàn thành", "en": ": the plan is met"},
        "narrative.status.met_floor": {
            "vi": ": đã đạt mức sàn của kế hoạch",
            "en": ": the plan's floor is met",
        },
        "narrative.status.borderline": {
            "vi": ": chưa rõ kế hoạch đã hoàn thành hay chưa (sát ngưỡng)",
            "en": ": whether the plan is met is borderline",
        },
        "narrative.status.not_met": {
            "vi": ": kế hoạch chưa hoàn thành",
            "en": ": the plan is not met yet",
        },
        "narrative.status.not_assessed": _same(""),
    }
)

# Charts (ezlib.report.charts): titles, axes and the alt text of each image.
TEXT.update(
    {
        "chart.pace.title": {"vi": "Tiến độ so với thời gian", "en": "Progress against time"},
        "chart.pace.x": {
            "vi": "Tỷ lệ thời gian kế hoạch đã qua",
            "en": "Share of plan period elapsed",
        },
        # A level target's share is of the way from its baseline, a flow's from zero: one word
        "chart.pace.y": {
            "vi": "Tỷ lệ quãng đường tới mục tiêu",
            "en": "Share of the way to the target",
        },
        "chart.pace.diagonal": {"vi": "Đúng tiến độ", "en": "On pace"},
        "chart.pace.alt": {
            "vi": "Biểu đồ: tỷ lệ quãng đường tới mục tiêu so với tỷ lệ thời gian kế hoạch đã qua "
            "của {n}; "
            "{ahead} nằm trên hoặc ở đường đúng tiến độ, {behind} nằm dưới. {items}.",
            "en": "Chart: share of the way to the target against share of the plan period elapsed, "
            "{n}; {ahead} on or above the on-pace line, {behind} below it. {items}.",
        },
        "chart.pace.item": {
            "vi": "{name}: đi được {attainment} quãng đường khi đã qua {elapsed} thời gian",
            "en": "{name}: {attainment} of the way with {elapsed} of the time elapsed",
        },
        "chart.pace.empty": {
            "vi": "Biểu đồ: chưa có mục tiêu nào đo được tiến độ theo thời gian.",
            "en": "Chart: no target has a pace to plot yet.",
        },
        "chart.tva.title": {"vi": "Mục tiêu và thực hiện", "en": "Target and actual"},
        "chart.tva.x": {
            "vi": "Tỷ lệ quãng đường tới mục tiêu, với khoảng bất định",
            "en": "Share of the way to the target, with band",
        },
        "chart.tva.alt": {
            "vi": "Biểu đồ thanh: tỷ lệ quãng đường tới mục tiêu của {n} đã có số thực hiện, kèm "
            "khoảng bất định; "
            "{met} đạt hoặc vượt 100%. {items}.",
            "en": "Bar chart: share of the way to the target of {n} with an actual, with "
            "uncertainty bands; {met} at "
            "or above 100%. {items}.",
        },
        "chart.tva.item": _same("{name}: {attainment}"),
        "chart.tva.empty": {
            "vi": "Biểu đồ thanh: chưa có mục tiêu nào có số thực hiện.",
            "en": "Bar chart: no target has an actual yet.",
        },
        "chart.name": _same("{label}, {period}"),
        "chart.name_target": {
            "vi": "{label}, {period} (mục tiêu {target}, {fact})",
            "en": "{label}, {period} (target {target}, {fact})",
        },
        "list.sep": _same("; "),
    }
)

# The facts browser (ezlib.report.facts_page): every fact with its quote, source and reports.
TEXT.update(
    {
        "facts.title": {"vi": "Tra cứu số liệu và trích dẫn", "en": "Facts and their quotes"},
        "facts.intro": {
            "vi": "Mọi số liệu được thu thập cho các báo cáo, mỗi số liệu kèm câu trích dẫn "
            "nguyên văn, nguồn tin (cơ quan đăng, tiêu đề, ngày đăng), những điều cần lưu ý khi "
            "trích dẫn và các báo cáo dùng số liệu đó. Con số được viết như nguồn viết, kèm mức "
            "độ chính xác nguồn nêu: ≈\u00a0khoảng, >\u00a0trên, "
            "≥\u00a0từ\u00a0…\u00a0trở\u00a0lên, ≤\u00a0không\u00a0quá, gần. Tìm kiếm hoặc "
            "lọc theo khu, chỉ tiêu và loại số liệu; trang dùng được cả khi không có mạng.",
            "en": "Every fact collected for the reports, each with its exact quote, its source "
            "(publisher, title, date of publication), what to know before citing it and the "
            "reports that use it. Each figure is written as its source wrote it, with its hedge: "
            "≈\u00a0about, >\u00a0over, ≥\u00a0at\u00a0least, ≤\u00a0at\u00a0most, nearly. "
            "Search, or filter by zone, indicator and kind of figure; the page works offline.",
        },
        "facts.filters": {"vi": "Tìm và lọc số liệu", "en": "Search and filter the facts"},
        "facts.search": {"vi": "Tìm kiếm", "en": "Search"},
        "facts.search_hint": {
            "vi": "trích dẫn, nguồn, khu, chỉ tiêu hoặc mã",
            "en": "quote, source, zone, indicator or id",
        },
        "facts.all_zones": {"vi": "Tất cả các khu", "en": "All zones"},
        "facts.all_indicators": {"vi": "Tất cả các chỉ tiêu", "en": "All indicators"},
        "facts.all_kinds": {"vi": "Tất cả các loại", "en": "All kinds"},
        "facts.reset": {"vi": "Bỏ lọc", "en": "Clear"},
        "facts.count": {
            "vi": "Đang hiển thị {shown} trên {total} số liệu",
            "en": "{shown} of {total} facts shown",
        },
        "facts.none": {
            "vi": "Không có số liệu nào khớp với tìm kiếm.",
            "en": "No fact matches the search.",
        },
        "facts.table": {"vi": "Bảng số liệu", "en": "Table of facts"},
        "facts.col.figure": {"vi": "Con số", "en": "Figure"},
        "facts.col.reports": {"vi": "Dùng trong báo cáo", "en": "Used in"},
        "facts.no_report": {"vi": "chưa dùng trong báo cáo nào", "en": "in no report"},
        "facts.no_url": {"vi": "bài báo lưu toàn văn, không có địa chỉ", "en": "archived, no link"},
        "kind.target": {"vi": "mục tiêu", "en": "target"},
        "kind.actual": {"vi": "thực hiện", "en": "actual"},
        "kind.baseline": {"vi": "kỳ gốc", "en": "baseline"},
        # A figure relative to something (ezlib.vocabulary.MEASURES and REFERENCES).
        "facts.measure.increment": {"vi": "thêm {x}", "en": "{x} more"},
        "facts.measure.growth": {"vi": "tăng {x}", "en": "up {x}"},
        "facts.measure.multiple": {"vi": "gấp {x} kỳ trước", "en": "{x} the earlier period"},
        "facts.measure.multiple.province": {
            "vi": "gấp {x} mức của tỉnh",
            "en": "{x} the province's level",
        },
        "facts.measure.share": {"vi": "{x} mức so sánh", "en": "{x} of the reference"},
        "facts.measure.share.plan": {"vi": "{x} kế hoạch", "en": "{x} of the plan"},
        "facts.measure.share.province": {"vi": "{x} của tỉnh", "en": "{x} of the province"},
    }
)


def targets(n: int, lang: str) -> str:
    """A count of targets with its noun: "1 target", "3 targets", "3 mục tiêu"."""
    return text("targets.one" if n == 1 else "targets", lang, n=n)


def publisher_name(fact: Mapping[str, Any], lang: str) -> str:
    """Return a fact's source publisher as a page in ``lang`` names it.

    The registry's ``publisher`` carries the curator's English words on it ("(news
    aggregator)"); a Vietnamese page shows ``publisher_vi`` instead, where there is one.

    Example:
        >>> fact = {"source_publisher": "vansudia.net (re-publication)",
        ...         "source_publisher_vi": "vansudia.net (trang đăng lại)"}
        >>> publisher_name(fact, "vi"), publisher_name(fact, "en")
        ('vansudia.net (trang đăng lại)', 'vansudia.net (re-publication)')
    """
    vietnamese = fact.get("source_publisher_vi")
    if lang == "vi" and isinstance(vietnamese, str) and vietnamese:
        return vietnamese
    return str(fact["source_publisher"])


def zone_name(zone: str | None, lang: str) -> str:
    """Return a zone's name in the report language, or "all zones" when there is no zone."""
    if zone is None:
        return text("all_zones", lang)
    return entity_name(resolve_entity(zone), lang)


def title(notebook: str, params: Mapping[str, Any]) -> str:
    """Return a report's title in its language, from its notebook and parameters.

    Args:
        notebook: The notebook's name without ``.ipynb``, e.g. ``"02_plan_check"``.
        params: Its parameters; ``zone`` (any id, name or alias), ``indicator``, ``lang``.

    Example:
        >>> title("02_plan_check", {"zone": "hp-zones", "indicator": "fdi_capital", "lang": "en"})
        'Plan check: Hai Phong economic zones and industrial parks, FDI attracted'
    """
    return _report_text(f"title.{notebook}", params)


def report_label(notebook: str, params: Mapping[str, Any]) -> str:
    """Return a zone's report named without its zone, for the zone's row of the site's index.

    Example:
        >>> report_label("02_plan_check", {"zone": "hp-zones", "indicator": "fdi_capital"})
        'Plan check: FDI attracted'
    """
    key = f"label.{notebook}"
    return _report_text(key if key in TEXT else f"title.{notebook}", params)


def _report_text(key: str, params: Mapping[str, Any]) -> str:
    """A report's text ``key`` in its language, its zone and indicator named in it."""
    lang = params.get("lang", "en")
    values: dict[str, str] = {}
    if "zone" in params:
        values["zone"] = zone_name(str(params["zone"]), lang)
    if "indicator" in params:
        values["indicator"] = indicator_label(str(params["indicator"]), lang)
    return text(key, lang, **values)


def reading_key(name: str) -> str:
    """Sort names as readers look them up: without case and diacritics ("Đ" with "D").

    Example:
        >>> sorted(["Thái Bình", "Hưng Yên", "Đà Nẵng", "Hải Phòng"], key=reading_key)
        ['Đà Nẵng', 'Hải Phòng', 'Hưng Yên', 'Thái Bình']
    """
    stripped = "".join(
        c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c)
    )
    return stripped.casefold().replace("đ", "d")
