"""Words of the reports in Vietnamese and English: headings, labels and narrative templates."""

from __future__ import annotations

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
        "borderline": {"vi": "sát ngưỡng", "en": "borderline"},
        "no_actual": {"vi": "chưa có số thực hiện", "en": "no actual yet"},
        "chart.pace.title": {"vi": "Tiến độ so với thời gian", "en": "Progress against time"},
        "chart.pace.x": {
            "vi": "Tỷ lệ thời gian kế hoạch đã qua",
            "en": "Share of plan period elapsed",
        },
        "chart.pace.y": {"vi": "Tỷ lệ mục tiêu đã đạt", "en": "Share of target reached"},
        "chart.pace.diagonal": {"vi": "Đúng tiến độ", "en": "On pace"},
        "chart.tva.title": {"vi": "Mục tiêu và thực hiện", "en": "Target and actual"},
        "chart.tva.x": {
            "vi": "Đạt (% mục tiêu, với khoảng bất định)",
            "en": "Attainment (% of target, with band)",
        },
        "h.targets": {"vi": "Các mục tiêu và tiến độ", "en": "Targets and progress"},
        "h.charts": {"vi": "Biểu đồ", "en": "Charts"},
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
    lang = params.get("lang", "en")
    values: dict[str, str] = {}
    if "zone" in params:
        values["zone"] = zone_name(str(params["zone"]), lang)
    if "indicator" in params:
        values["indicator"] = indicator_label(str(params["indicator"]), lang)
    return text(f"title.{notebook}", lang, **values)
