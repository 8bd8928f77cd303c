"""The release form: a release written in a newsroom credits that newsroom's organization."""

from django.apps import apps
from wagtail.admin.forms import WagtailAdminPageForm


class ReleaseForm(WagtailAdminPageForm):
    """Limits a newsroom release's issuer to the newsroom's organization, and fills it in.

    Wagtail's page permissions decide who may write in a newsroom; this only keeps what
    they write credited to the right organization, in the admin and in API v3 (which
    binds the same form).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.newsroom_organizations = None
        parent = self.parent_page
        field = self.fields.get("organization")
        if parent is None or field is None:
            return
        Newsroom = apps.get_model("newsrooms", "Newsroom")
        ancestor_keys = parent.get_ancestors(inclusive=True).values("translation_key")
        newsroom = (
            Newsroom.objects.filter(page__translation_key__in=ancestor_keys)
            .select_related("organization")
            .first()
        )
        if newsroom is None:
            return
        Organization = apps.get_model("directory", "Organization")
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
