"""Partner sites, the webhooks they register, and each webhook delivery we attempt.

A partner's API tokens are Wagtail's own ``APIToken`` rows (stored as digests): each
partner owns a dedicated service user with no permissions, and its tokens belong to that
user, so Wagtail's token machinery (``/admin/api-tokens/``, ``manage.py api_tokens``,
``BearerTokenAuth``) works unchanged and a token maps to exactly one partner.
"""

import secrets
import uuid

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.fields import StringListField

from .addresses import validate_origin, validate_webhook_url


class PartnerSite(models.Model):
    name = models.CharField(_("name"), max_length=255, unique=True)
    contact_name = models.CharField(_("contact name"), max_length=255, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    allowed_origins = StringListField(
        _("allowed CORS origins"),
        item_max_length=255,
        help_text=_(
            "One origin per line, as the partner's pages are served: https://news.example.org "
            "(scheme, host and port only). Browsers on these origins may call the API."
        ),
    )
    rate_limit = models.PositiveIntegerField(
        _("rate limit per minute"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(1_000_000)],
        help_text=_("Requests per minute for this partner's tokens; blank for the default."),
    )
    active = models.BooleanField(
        _("active"), default=True, help_text=_("Inactive partners' tokens are refused.")
    )
    notes = models.TextField(_("notes"), blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="partner_site",
        editable=False,
        verbose_name=_("service user"),
        help_text=_("Owns the partner's API tokens; has no permissions of its own."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner site")
        verbose_name_plural = _("partner sites")

    def __str__(self) -> str:
        return self.name

    def clean(self):
        for origin in self.allowed_origins:
            validate_origin(origin)


class WebhookEvent(models.TextChoices):
    PUBLISHED = "press_release.published", _("Press release published")
    UPDATED = "press_release.updated", _("Published press release updated")
    UNPUBLISHED = "press_release.unpublished", _("Press release unpublished")
    DELETED = "press_release.deleted", _("Published press release deleted")


# Events of other content apps, name -> label, added by ``webhook_event_register``.
_REGISTERED_EVENTS: dict[str, str] = {}


def webhook_event_register(name: str, label) -> None:
    """Lets a content app send events of its own ("event.published") without editing this
    app: partners subscribe to them like to the press room's, from its AppConfig.ready()."""
    if name in WebhookEvent.values or _REGISTERED_EVENTS.get(name, label) != label:
        raise ValueError(f"Webhook event {name!r} is already registered")
    _REGISTERED_EVENTS[name] = label


def event_choices() -> list[tuple[str, str]]:
    """Every event a webhook may subscribe to: the press room's, then the registered ones."""
    return [*WebhookEvent.choices, *_REGISTERED_EVENTS.items()]


def all_events() -> list[str]:
    return [name for name, _label in event_choices()]


def webhook_secret_generate() -> str:
    return secrets.token_urlsafe(32)


class EventListField(models.JSONField):
    """A JSON list of event names, edited as checkboxes."""

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=event_choices,
            widget=forms.CheckboxSelectMultiple,
            label=self.verbose_name,
            help_text=self.help_text,
            required=not self.blank,
        )


class Webhook(models.Model):
    partner = models.ForeignKey(
        PartnerSite,
        on_delete=models.CASCADE,
        related_name="webhooks",
        verbose_name=_("partner site"),
    )
    url = models.URLField(
        _("URL"),
        max_length=500,
        validators=[validate_webhook_url],
        help_text=_("An http(s) URL on a public address; it receives a signed POST per event."),
    )
    # Kept in clear: signing needs it. Shown to staff with change permission on demand.
    secret = models.CharField(
        _("secret"), max_length=128, default=webhook_secret_generate, editable=False
    )
    events = EventListField(_("events"), default=all_events)
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["partner__name", "url"]
        verbose_name = _("webhook")
        verbose_name_plural = _("webhooks")

    def __str__(self) -> str:
        return f"{self.partner}: {self.url}"

    def clean(self):
        unknown = set(self.events or []) - set(all_events())
        if unknown or not isinstance(self.events, list):
            raise ValidationError({"events": _("Unknown events: %s") % ", ".join(sorted(unknown))})


class WebhookDelivery(models.Model):
    """One event for one webhook, with the outcome of its latest attempt.

    The body is fixed when the event happens, so every retry sends the same bytes (and a
    partner can deduplicate on ``delivery_id``); only the signature's timestamp changes.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        DELIVERED = "delivered", _("delivered")
        FAILED = "failed", _("failed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    webhook = models.ForeignKey(
        Webhook, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("webhook")
    )
    event = models.CharField(_("event"), max_length=64, choices=WebhookEvent.choices)
    body = models.TextField(_("body"))
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    status_code = models.PositiveSmallIntegerField(_("last status code"), null=True, blank=True)
    error = models.CharField(_("last error"), max_length=500, blank=True)
    response_excerpt = models.TextField(_("response excerpt"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")

    def __str__(self) -> str:
        return f"{self.event} → {self.webhook.url} ({self.get_status_display()})"
