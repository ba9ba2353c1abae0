"""Words of the reports in Vietnamese and English: headings, labels and narrative templates."""

from __future__ import annotations

from ezlib.errors import DataError

LANGUAGES = ("vi", "en")

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
