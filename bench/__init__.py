"""Benchmarks behind ``make bench-search`` and ``make bench-api`` (docs/benchmarks.md); not tests.

A tool beside the apps, at the top layer: it may import any of them, none imports it.
``loader`` writes N generated press releases straight into the page tables (``verify``
checks Wagtail treats them as its own); ``search_indexing`` rebuilds the search indexes
through Wagtail's own machinery, ``search_runner`` times typical searches through our
service, raw Elasticsearch and the database backend; ``api_runner`` times our API against
Wagtail's own v3 pages endpoints and counts their SQL queries; the ``*_report`` modules print
the tables.
"""
