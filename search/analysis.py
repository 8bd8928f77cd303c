"""Elasticsearch analysis for Azerbaijani and English text, on top of Wagtail's index settings.

Every searchable text field is indexed several ways (as sub-fields, see ``text_subfields``):

- ``exact``: Azerbaijani/Turkish lowercasing, so İ→i and I→ı are right; ranked highest.
- ``folded``: as exact, then ə→e and ASCII folding (ş→s, ç→c, ğ→g, ı→i, ö→o, ü→u): "Seki" finds "Şəki".
- ``translit``: a loose English-romanisation key on both sides, so "sheki", "ganja" and
  "mingachevir" find "Şəki", "Gəncə" and "Mingəçevir".
- ``en``: English stemming, so "refugee" finds "refugees".
- ``stem``, ``folded_stem``, ``translit_stem``: as exact, folded and translit, then
  Azerbaijani endings stripped (search/morphology.py), so "ailə" finds "ailələrinə" and
  "Ganja" finds "Gəncədə"; ranked below the exact spelling.

The folding and transliteration tables are search/folding.py's, which the database backends
run in Python. Only analysis-common's standard filter types are used (mapping, lowercase with a language,
asciifolding, stemmer, pattern_replace), so the same settings work on any Elasticsearch 8 or 9 cluster.
"""

from .folding import FOLDING, TRANSLITERATION, es_mappings
from .morphology import FOLDED, TRANSLITERATED, pattern_replace_filters


def _stem_filters(name: str, table) -> dict:
    """The suffix grammar's passes as named filters: ``name_1``, ``name_2``, ..."""
    return {
        f"{name}_{number}": definition
        for number, definition in enumerate(pattern_replace_filters(table), start=1)
    }


def _stem_filter_names(name: str) -> list[str]:
    return [f"{name}_{number}" for number in range(1, len(pattern_replace_filters()) + 1)]


INDEX_SETTINGS = {
    "settings": {
        "analysis": {
            "char_filter": {
                "az_folding": {"type": "mapping", "mappings": es_mappings(FOLDING)},
                "az_transliteration": {"type": "mapping", "mappings": es_mappings(TRANSLITERATION)},
            },
            "filter": {
                "az_lowercase": {"type": "lowercase", "language": "turkish"},
                "en_stemmer": {"type": "stemmer", "language": "english"},
                **_stem_filters("az_stem", None),
                **_stem_filters("az_folded_stem", FOLDED),
                **_stem_filters("az_translit_stem", TRANSLITERATED),
            },
            "analyzer": {
                "az_exact": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["az_lowercase"],
                },
                "az_folded": {
                    "type": "custom",
                    "char_filter": ["az_folding"],
                    "tokenizer": "standard",
                    "filter": ["az_lowercase", "asciifolding"],
                },
                "az_translit": {
                    "type": "custom",
                    "char_filter": ["az_transliteration"],
                    "tokenizer": "standard",
                    "filter": ["lowercase", "asciifolding"],
                },
                "az_stem": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["az_lowercase", *_stem_filter_names("az_stem")],
                },
                "az_folded_stem": {
                    "type": "custom",
                    "char_filter": ["az_folding"],
                    "tokenizer": "standard",
                    "filter": [
                        "az_lowercase",
                        "asciifolding",
                        *_stem_filter_names("az_folded_stem"),
                    ],
                },
                "az_translit_stem": {
                    "type": "custom",
                    "char_filter": ["az_transliteration"],
                    "tokenizer": "standard",
                    "filter": [
                        "lowercase",
                        "asciifolding",
                        *_stem_filter_names("az_translit_stem"),
                    ],
                },
                "en_stemmed": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["lowercase", "en_stemmer"],
                },
            },
        }
    }
}

SUBFIELD_ANALYZERS = {
    "exact": "az_exact",
    "folded": "az_folded",
    "translit": "az_translit",
    "en": "en_stemmed",
    "stem": "az_stem",
    "folded_stem": "az_folded_stem",
    "translit_stem": "az_translit_stem",
}


def text_subfields() -> dict:
    """``es_extra`` for a SearchField: the analysed sub-fields described above."""
    return {
        "fields": {
            name: {"type": "text", "analyzer": analyzer}
            for name, analyzer in SUBFIELD_ANALYZERS.items()
        }
    }
