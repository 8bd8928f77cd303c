"""The load rehearsal (``make load``, docs/load.md): production settings, one correction.

Django 5.2 gives psycopg's ``ConnectionPool`` its ``check`` itself (``check_connection``
when ``CONN_HEALTH_CHECKS`` is on), so a ``check`` in the pool options as well makes every
connection fail with "got multiple values for keyword argument 'check'". The rehearsal asks
Django for the same check its own way; once production.py does so, this module is a no-op.
"""

from .production import *
from .production import DATABASES

_pool = DATABASES["default"].get("OPTIONS", {}).get("pool")
if isinstance(_pool, dict) and _pool.pop("check", None) is not None:
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
