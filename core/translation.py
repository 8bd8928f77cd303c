"""Tweaks to how wagtail-localize treats our fields and the objects they link to."""

from wagtail_localize import operations
from wagtail_localize.fields import BaseTranslatableField
from wagtail_localize.operations import TranslationCreator


class PerTranslationField(BaseTranslatableField):
    """A field each translation keeps to itself: neither translated nor synchronised.

    wagtail-localize would otherwise offer a CharField for translation, or copy it
    from the source on every sync, which breaks fields that must be unique.
    """

    def is_translated(self, obj) -> bool:
        return False

    def is_synchronized(self, obj) -> bool:
        return False


class RelatedTranslationsKeepingCreator(TranslationCreator):
    """wagtail-localize's ``TranslationCreator``, creating a related object's translation only
    where it has none, never overwriting one.

    Translating a release also "translates" the translatable objects it links to (its issuer
    in the directory) by saving each one's target from its source: an Azerbaijani entry that
    the directory wrote itself would get the English text back, published.
    wagtail-localize recurses into those objects with ``include_related_objects=False``
    (operations.py); the object being translated itself is left to wagtail-localize.
    """

    def create_translations(self, instance, include_related_objects: bool = True) -> None:
        if include_related_objects:
            super().create_translations(instance, include_related_objects=True)
            return
        requested = self.target_locales
        self.target_locales = [
            locale for locale in requested if not instance.has_translation(locale)
        ]
        try:
            if self.target_locales:
                super().create_translations(instance, include_related_objects=False)
        finally:
            self.target_locales = requested


def translation_creator_install() -> None:
    """Makes the admin's "Translate" action use ``RelatedTranslationsKeepingCreator``.

    wagtail-localize has no setting or hook for it: its ``translate_object`` and
    ``translate_page_subtree`` look ``TranslationCreator`` up in their module at call time,
    so that name is the one place to replace. tests/newsrooms/test_release_translation.py
    fails if wagtail-localize stops calling it that way.
    """
    operations.TranslationCreator = RelatedTranslationsKeepingCreator
