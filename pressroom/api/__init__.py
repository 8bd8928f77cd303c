"""Press releases in the headless API: routers on Wagtail's API v3, their schemas and serializer.

Wagtail's own ``/api/v3/pages/`` serializes any page generically; partners mirror releases
field by field, so releases get their own, stable shape (``serializers.py``), built from a
constant number of queries whatever the page size.
"""
