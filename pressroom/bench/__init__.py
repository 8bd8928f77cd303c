"""The partner-API benchmark behind ``make bench-api`` (docs/benchmarks.md); not a test.

The releases come from the search benchmark's bulk loader (``search.bench.loader``);
``runner`` times our endpoints against Wagtail's own v3 pages endpoints and counts their SQL
queries, ``report`` prints the tables.
"""
