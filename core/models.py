"""The site footer's operator details, edited in the admin as a Wagtail site setting."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from core.fields import StringListField


@register_setting(icon="site")
class SiteFooter(BaseSiteSetting):
    """Who runs the site and how to reach them.

    wagtail-localize translates pages and snippets, not settings, so the two texts that differ
    by language carry one field per site language; phones, email and the about page are shared
    (the about page is shown in the reader's language through its translation).
    """

    operator_name_en = models.CharField(_("operator name (English)"), max_length=255, blank=True)
    operator_name_az = models.CharField(
        _("operator name (Azerbaijani)"), max_length=255, blank=True
    )
    address_en = models.TextField(_("address (English)"), blank=True)
    address_az = models.TextField(_("address (Azerbaijani)"), blank=True)
    phones = StringListField(_("phones"), help_text=_("One number per line."))
    email = models.EmailField(_("email"), blank=True)
    about_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("about page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("operator_name_en"), FieldPanel("address_en")], heading=_("English")
        ),
        MultiFieldPanel(
            [FieldPanel("operator_name_az"), FieldPanel("address_az")], heading=_("Azerbaijani")
        ),
        FieldPanel("phones"),
        FieldPanel("email"),
        FieldPanel("about_page"),
    ]

    class Meta:
        verbose_name = _("site footer")

    def in_language(self, field: str, language: str | None = None) -> str:
        """The field's text in the language (the active one by default), else in English."""
        language = (language or get_language() or "en").split("-")[0]
        return getattr(self, f"{field}_{language}", "") or getattr(self, f"{field}_en")
