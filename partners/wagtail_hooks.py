"""Partners in the admin (Settings → Partners): sites and their tokens, webhooks and their
secrets, and the read-only log of webhook deliveries. Django model permissions decide who
sees and changes each."""

from django.db.models import Max
from django.urls import re_path
from wagtail_modeladmin.helpers import ButtonHelper
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register

from core.admin_helpers import ReadOnlyPermissionHelper, yes_no_column

from .models import PartnerSite, Webhook, WebhookDelivery
from .views import PartnerSiteCreateView, PartnerTokensView, WebhookSecretView


class ExtraButtonHelper(ButtonHelper):
    """Adds one per-object button named by the model admin's ``extra_action``."""

    def get_buttons_for_obj(self, obj, *args, **kwargs):
        buttons = super().get_buttons_for_obj(obj, *args, **kwargs)
        admin = self.view.model_admin
        if self.permission_helper.user_can_edit_obj(self.request.user, obj):
            buttons.append(
                {
                    "url": self.url_helper.get_action_url(admin.extra_action, obj.pk),
                    "label": admin.extra_action_label,
                    "classname": "button button-small button-secondary",
                    "title": admin.extra_action_label,
                }
            )
        return buttons


class ExtraActionMixin:
    extra_action = ""
    extra_action_label = ""
    extra_view_class = None
    button_helper_class = ExtraButtonHelper

    def extra_view(self, request, instance_pk):
        return self.extra_view_class.as_view(model_admin=self, instance_pk=instance_pk)(request)

    def get_admin_urls_for_registration(self):
        return (
            *super().get_admin_urls_for_registration(),
            re_path(
                self.url_helper.get_action_url_pattern(self.extra_action),
                self.extra_view,
                name=self.url_helper.get_action_url_name(self.extra_action),
            ),
        )


class PartnerSiteAdmin(ExtraActionMixin, ModelAdmin):
    model = PartnerSite
    menu_label = "Partner sites"
    menu_icon = "site"
    create_view_class = PartnerSiteCreateView
    extra_action = "tokens"
    extra_action_label = "API tokens"
    extra_view_class = PartnerTokensView
    list_display = (
        "name",
        yes_no_column(PartnerSite, "active"),
        "rate_limit",
        "tokens_last_used",
        "created_at",
    )
    list_filter = ("active",)
    search_fields = ("name", "contact_name", "contact_email")
    form_fields_exclude = ["user"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(tokens_last_used_at=Max("user__api_tokens__last_used_at"))
        )

    def tokens_last_used(self, obj):
        return obj.tokens_last_used_at or "never"

    tokens_last_used.short_description = "Token last used"
    tokens_last_used.admin_order_field = "tokens_last_used_at"


class WebhookAdmin(ExtraActionMixin, ModelAdmin):
    model = Webhook
    menu_label = "Webhooks"
    menu_icon = "link-external"
    extra_action = "secret"
    extra_action_label = "Secret"
    extra_view_class = WebhookSecretView
    list_display = ("url", "partner", yes_no_column(Webhook, "active"), "events")
    list_filter = ("active",)
    search_fields = ("url", "partner__name")


class WebhookDeliveryAdmin(ModelAdmin):
    model = WebhookDelivery
    menu_label = "Webhook deliveries"
    menu_icon = "history"
    permission_helper_class = ReadOnlyPermissionHelper
    inspect_view_enabled = True
    list_display = (
        "created_at",
        "event",
        "webhook",
        "status",
        "status_code",
        "attempts",
        "next_attempt_at",
        "delivered_at",
    )
    # Related-field filters need django.contrib.admin, which this project does not install.
    list_filter = ("status", "event")
    search_fields = ("body",)


class PartnersGroup(ModelAdminGroup):
    menu_label = "Partners"
    menu_icon = "site"
    menu_order = 850
    items = (PartnerSiteAdmin, WebhookAdmin, WebhookDeliveryAdmin)


modeladmin_register(PartnersGroup)
