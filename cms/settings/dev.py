"""Local development: debug on, console email, a fixed key that production refuses."""

from .base import *
from .base import env_bool, env_list

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "django-insecure-local-development-only")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
# runserver serves each request on a new thread, and so on a new connection: kept open, they
# pile up until PostgreSQL refuses everyone. Close each at the end of its request.
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DATABASE_CONN_MAX_AGE", "0"))

# One process: a local-memory cache is shared enough, and adds no queries to count.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Template and code changes show at once: no page cache unless PAGE_CACHE=true.
PRESSROOM_PAGE_CACHE_ALIAS = "pages" if env_bool("PAGE_CACHE", False) else None
CACHES["pages"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"}
