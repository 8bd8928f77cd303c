"""A newsroom: where one organization's users write releases, and what they may touch.

One row per approved organization ties together its directory entry, its
``PressReleaseIndexPage`` under the default locale's press-release index (translations of
that page are the newsroom in the other locales), the group its users belong to, and the
collection for their images and documents. Wagtail's own permission rows (page, collection)
point at the group; this model only remembers which ones belong together.
"""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Collection


class Newsroom(models.Model):
    organization = models.OneToOneField(
        "directory.Organization",
        verbose_name=_("organization"),
        on_delete=models.PROTECT,
        related_name="newsroom",
    )
    page = models.OneToOneField(
        "pressroom.PressReleaseIndexPage",
        verbose_name=_("newsroom page"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("In the default language; its translations are the newsroom in the others."),
    )
    group = models.OneToOneField(
        Group, verbose_name=_("group"), on_delete=models.PROTECT, related_name="newsroom"
    )
    collection = models.OneToOneField(
        Collection, verbose_name=_("collection"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("newsroom")

    def __str__(self) -> str:
        return str(self.organization)
