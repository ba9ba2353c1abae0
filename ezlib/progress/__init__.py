"""Progress of the zones: targets paired with their actuals, on one currency, assessed and checked.

The layer between the data and the reports: it reads loaded facts and the rate table, and
hands frames with stable column names to :mod:`ezlib.report`, which words them.
"""

from ezlib.faces import lazy_face

__all__, __getattr__, __dir__ = lazy_face(
    __name__,
    {
        "pair_targets": "ezlib.progress.pairing",
        "to_usd": "ezlib.progress.currency",
        "zone_progress": "ezlib.progress.zone",
        "zone_history": "ezlib.progress.zone",
        "plan_outcomes": "ezlib.progress.zone",
        "progress_by_zone": "ezlib.progress.zone",
        "zone_groups": "ezlib.progress.zone",
        "data_date": "ezlib.progress.zone",
        "data_dates": "ezlib.progress.zone",
        "target_status": "ezlib.progress.zone",
        "annual_series": "ezlib.progress.series",
        "plan_paths": "ezlib.progress.series",
        "consistency_checks": "ezlib.progress.consistency",
        "all_consistency_checks": "ezlib.progress.consistency",
        "compare_zones": "ezlib.progress.compare",
        "coverage": "ezlib.progress.audit",
        "provenance_summary": "ezlib.progress.audit",
        "anomalies": "ezlib.progress.audit",
        "conflicts": "ezlib.progress.audit",
    },
)
