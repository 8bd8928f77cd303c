"""Test settings: fast hashing, in-memory email, the database from DATABASE_URL, and the
database search backend unless a test asks for Elasticsearch."""

from .base import *

SECRET_KEY = "django-insecure-tests-only"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
MEDIA_ROOT = BASE_DIR / "var" / "test-media"
WAGTAILADMIN_BASE_URL = "http://testserver"
LOGGING["root"]["level"] = "WARNING"
# Index changes applied in the saving transaction, so tests see them without commits.
SEARCH_SYNC = {**SEARCH_SYNC, "APPLY": "immediate", "RETRY_AFTER": 0}

# Even with ELASTICSEARCH_URL set (make test sets it), tests search the database unless they
# ask for the node through the `elasticsearch_backend` fixture (tests/search/conftest.py),
# which indexes under a per-run prefix: no other test waits on, or writes into, the node.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# Partners API: limits high enough that no test (nor schemathesis) meets them by accident;
# tests of the limits set their own. Webhook tests POST to receivers on loopback.
PRESSROOM_API_ANON_RATE = "100000/min"
PRESSROOM_API_TOKEN_RATE = "100000/min"
PRESSROOM_WEBHOOKS_ALLOW_LOOPBACK = True

# One process: a local-memory cache is shared enough, and adds no queries to count.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The page cache outlives each test's database: off, except in the tests that turn it on.
CACHES["pages"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"}
PRESSROOM_PAGE_CACHE_ALIAS = None
