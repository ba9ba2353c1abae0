"""Narrative lines of the reports, written from the assessed tables in vi or en."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ezlib.i18n import text
from ezlib.reference import entity_name, indicator_label, resolve_entity

if TYPE_CHECKING:
    import pandas as pd


def zone_summary(table: pd.DataFrame, zone: str, lang: str) -> str:
    """Return the zone report's opening: its name and how many targets can be measured.

    Args:
        table: Assessed targets of the zone (``ezlib.progress.zone_progress``).
        zone: The zone's entity id.
        lang: ``vi`` or ``en``.
    """
    name = zone_name(zone, lang)
    total = len(table)
    measured = int((table["status"] == "measured").sum()) if total else 0
    ahead = int((table["pace_index_point"] >= 1).sum()) if total else 0
    if lang == "vi":
        return (
            f"# {name}\n\n{total} mục tiêu, {measured} mục tiêu đã có số thực hiện để đo; "
            f"{ahead} mục tiêu nhiều năm đạt hoặc vượt tiến độ tuyến tính. Mọi con số đều dẫn "
            "về trích dẫn nguồn ở cuối báo cáo."
        )
    return (
        f"# {name}\n\n{total} targets, {measured} with an actual to measure them by; "
        f"{ahead} on or ahead of a linear pace. Every figure traces to a quoted source listed "
        "at the end of the report."
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
