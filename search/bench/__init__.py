"""The search benchmark behind ``make bench-search`` (docs/benchmarks.md); not a test.

``loader`` writes N generated press releases straight into the page tables, ``indexing``
rebuilds the search indexes through Wagtail's own machinery, ``runner`` times a fixed set of
typical searches through our service, raw Elasticsearch and the database backend.
"""
