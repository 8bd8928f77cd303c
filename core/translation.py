"""Tweaks to how wagtail-localize treats our fields."""

from wagtail_localize.fields import BaseTranslatableField


class PerTranslationField(BaseTranslatableField):
    """A field each translation keeps to itself: neither translated nor synchronised.

    wagtail-localize would otherwise offer a CharField for translation, or copy it
    from the source on every sync, which breaks fields that must be unique.
    """

    def is_translated(self, obj) -> bool:
        return False

    def is_synchronized(self, obj) -> bool:
        return False
