from django.apps import AppConfig
from django.db.models.signals import post_migrate


class NewsroomsConfig(AppConfig):
    """Each approved organization's newsroom: its group, permissions, collection and review workflow."""

    name = "newsrooms"
    verbose_name = "Newsrooms"

    def ready(self) -> None:
        from wagtail.permissions import register_permission_policy

        from directory.models import Organization
        from pressroom.models import PressReleasePage

        from .forms import ReleaseForm
        from .permissions import OrganizationPermissionPolicy
        from .signal_handlers import setup_after_migrate

        # Credits newsroom releases to the newsroom's organization, in the admin and in API v3.
        # Wagtail reads the class when it first builds the edit handler, after every ready().
        PressReleasePage.base_form_class = ReleaseForm

        post_migrate.connect(setup_after_migrate, sender=self)
        # Before the directory's snippet viewset asks for a policy (it would get the default).
        register_permission_policy(Organization, OrganizationPermissionPolicy(Organization))
