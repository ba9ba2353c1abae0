"""ezlib: sourced targets and progress of Vietnam's economic zones and industrial parks.

The verbs a notebook or a researcher calls, from one place (each is imported on first use, so
``import ezlib`` costs nothing)::

    from ezlib import load_facts, zone_progress
    facts = load_facts()                       # validated, every quote checked at its source
    table = zone_progress(facts, "hp-zones")   # every target paired, assessed, with bands

The layers, each importing only those before it: :mod:`ezlib.text` (numbers and figures in
Vietnamese text), :mod:`ezlib.data` (files to validated frames), :mod:`ezlib.methods` (the
maths, no file access), :mod:`ezlib.progress` (targets paired with actuals), and
:mod:`ezlib.report` (words, tables, charts, the runner and the site).
"""

from ezlib.errors import DataError, EzlibError
from ezlib.faces import lazy_face
from ezlib.paths import project_root

_all, __getattr__, __dir__ = lazy_face(
    __name__,
    {
        "parse_quantity": "ezlib.text.quantities",
        "extract_quantities": "ezlib.text.extract",
        "load_facts": "ezlib.data.load",
        "check_data": "ezlib.data.check",
        "resolve_entity": "ezlib.data.reference",
        "export_dataset": "ezlib.data.export",
        "figure_estimate": "ezlib.methods.bands",
        "assess": "ezlib.methods.assess",
        "assess_record": "ezlib.methods.assess",
        "pair_targets": "ezlib.progress.pairing",
        "to_usd": "ezlib.progress.currency",
        "zone_progress": "ezlib.progress.zone",
        "zone_history": "ezlib.progress.zone",
        "plan_outcomes": "ezlib.progress.zone",
        "progress_by_zone": "ezlib.progress.zone",
        "zone_groups": "ezlib.progress.zone",
        "data_date": "ezlib.progress.zone",
        "data_dates": "ezlib.progress.zone",
        "annual_series": "ezlib.progress.series",
        "plan_paths": "ezlib.progress.series",
        "consistency_checks": "ezlib.progress.consistency",
        "compare_zones": "ezlib.progress.compare",
        "build_report": "ezlib.report.build",
    },
)
__all__ = ["DataError", "EzlibError", "project_root", *_all]
__version__ = "0.1.0"
