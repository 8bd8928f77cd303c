"""Admin views beyond modeladmin's own: a partner's tokens, a webhook's secret.

Plaintext tokens exist only in the response to the POST that issued them: not in the
database (Wagtail stores digests), not in a message (messages may sit in a cookie).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from wagtail.models import APIToken
from wagtail_modeladmin.views import CreateView, InstanceSpecificView

from .models import webhook_secret_generate
from .services import (
    partner_site_create,
    partner_token_issue,
    partner_token_rotate,
    partner_tokens_revoke,
)


class PartnerSiteCreateView(CreateView):
    """Creation goes through the service, which also makes the partner's service user."""

    def form_valid(self, form):
        fields = {name: form.cleaned_data[name] for name in form.cleaned_data}
        self.instance = partner_site_create(**fields)
        messages.success(self.request, self.get_success_message(self.instance))
        return redirect(self.url_helper.get_action_url("tokens", self.instance.pk))


class PartnerTokensView(InstanceSpecificView):
    template_name = "partners/partner_tokens.html"
    page_title = "API tokens"

    def check_action_permitted(self, user):
        return self.permission_helper.user_can_edit_obj(user, self.instance)

    def get_context_data(self, **kwargs):
        tokens = APIToken.objects.filter(user=self.instance.user).order_by("-created")
        return super().get_context_data(tokens=tokens, **kwargs)

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        partner = self.instance
        if action == "issue":
            token, plaintext = partner_token_issue(partner=partner)
        elif action == "rotate":
            token, plaintext = partner_token_rotate(partner=partner)
        elif action == "revoke":
            try:
                token_id = int(request.POST.get("token", ""))
            except ValueError as error:
                raise PermissionDenied from error
            partner_tokens_revoke(partner=partner, token_id=token_id)
            messages.success(request, "Token revoked.")
            return redirect(self.url_helper.get_action_url("tokens", partner.pk))
        else:
            raise PermissionDenied
        context = self.get_context_data(new_token=token, plaintext=plaintext)
        # Wagtail's admin URLs are never_cache (no-store): the page is not kept anywhere.
        return self.render_to_response(context)


class WebhookSecretView(InstanceSpecificView):
    """The signing secret, on demand, for staff who may edit the webhook."""

    template_name = "partners/webhook_secret.html"
    page_title = "Webhook secret"

    def check_action_permitted(self, user):
        return self.permission_helper.user_can_edit_obj(user, self.instance)

    def post(self, request, *args, **kwargs):
        self.instance.secret = webhook_secret_generate()
        self.instance.save(update_fields=["secret", "updated_at"])
        messages.success(request, "A new secret was generated; the old one no longer verifies.")
        return redirect(self.url_helper.get_action_url("secret", self.instance.pk))
