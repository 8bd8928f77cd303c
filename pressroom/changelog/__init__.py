"""The press-release change log: recorded as releases change (``record``, wired to Wagtail's
signals in ``signal_handlers``), read by partners as a feed with a cursor (``feed``)."""
