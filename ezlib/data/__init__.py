"""The data: source registry, curated facts, reference tables, provenance, loading and export.

Everything here reads files under ``data/``; every fault is a :class:`ezlib.errors.DataError`
naming the file, row and column.
"""

from ezlib.faces import lazy_face

__all__, __getattr__, __dir__ = lazy_face(
    __name__,
    {
        "load_facts": "ezlib.data.load",
        "check_data": "ezlib.data.check",
        "load_sources": "ezlib.data.sources",
        "read_article": "ezlib.data.sources",
        "load_entities": "ezlib.data.reference",
        "load_indicators": "ezlib.data.reference",
        "load_rates": "ezlib.data.reference",
        "resolve_entity": "ezlib.data.reference",
        "entity_name": "ezlib.data.reference",
        "indicator_label": "ezlib.data.reference",
        "data_dictionary": "ezlib.data.dictionary",
        "export_dataset": "ezlib.data.export",
    },
)
