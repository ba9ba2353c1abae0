"""Narrative lines of the reports, written from the assessed tables in vi or en."""

from __future__ import annotations

import pandas as pd

from ezlib.reference import load_entities


def zone_summary(table: pd.DataFrame, zone: str, lang: str) -> str:
    """Return the zone report's opening: its name and how many targets can be measured.

    Args:
        table: Assessed targets of the zone (``ezlib.progress.zone_progress``).
        zone: The zone's entity id.
        lang: ``vi`` or ``en``.
    """
    entity = load_entities().set_index("entity_id").loc[zone]
    name = entity["name_vi"] if lang == "vi" else entity["name_en"]
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
