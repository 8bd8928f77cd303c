"""The event form: an event written in a newsroom is organized by that newsroom's organization.

A newsroom is a press-release index whose ``organization`` is set (pressroom/filing.py);
officers' page permissions stop at it, and this keeps what they write credited to it, in the
admin and in API v3, as the newsrooms' release form does for releases.
"""

from wagtail.admin.forms import WagtailAdminPageForm

from directory.models import Organization
from pressroom.models import PressReleaseIndexPage


class EventForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.newsroom_organizations = None
        parent, field = self.parent_page, self.fields.get("organization")
        if parent is None or field is None:
            return
        newsroom = (
            PressReleaseIndexPage.objects.filter(
                path__in=[parent.path[:end] for end in range(4, len(parent.path) + 1, 4)],
                organization__isnull=False,
            )
            .select_related("organization")
            .first()
        )
        if newsroom is None:
            return
        organizations = Organization.objects.filter(
            translation_key=newsroom.organization.translation_key
        )
        self.newsroom_organizations = organizations
        self.newsroom_default = (
            organizations.filter(locale_id=parent.locale_id).first() or newsroom.organization
        )
        field.queryset = organizations
        field.required = False
        if not self.instance.organization_id:
            self.initial["organization"] = self.newsroom_default.pk

    def clean_organization(self):
        organization = self.cleaned_data.get("organization")
        if self.newsroom_organizations is None:
            return organization
        return organization or self.newsroom_default
