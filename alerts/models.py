"""Email alerts: an address (stored once), what it follows, and what was sent to it.

A subscription is a saved search: a query string of the search page's parameters, matched
by the search service itself (alerts/matching.py). Following an organization or a topic is
the search ``organization=<slug>`` or ``topic=<slug>``; ``kind`` only says where it began.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Subscriber(models.Model):
    """An email address, once, whatever it follows; deleting it deletes every trace."""

    email = models.EmailField(_("email"), max_length=254, unique=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("alert subscriber")
        permissions = [("view_subscriber_address", _("Can see alert subscribers' addresses"))]

    def __str__(self) -> str:
        return self.email


class Subscription(models.Model):
    class Kind(models.TextChoices):
        ORGANIZATION = "organization", _("Organization")
        TOPIC = "topic", _("Topic")
        SEARCH = "search", _("Search")

    class Frequency(models.TextChoices):
        IMMEDIATE = "immediate", _("As each press release is published")
        DAILY = "daily", _("Once a day, in one digest")

    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="subscriptions"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    # The search page's parameters, canonical (alerts/queries.py): what is matched.
    query = models.CharField(_("search"), max_length=1000)
    # What the reader saw when subscribing ("Organization: …"), in ``language``.
    label = models.CharField(_("label"), max_length=300)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    frequency = models.CharField(
        _("frequency"), max_length=16, choices=Frequency.choices, default=Frequency.IMMEDIATE
    )
    confirmed = models.BooleanField(_("confirmed"), default=False)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("alert subscription")
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "query", "language"], name="alerts_subscription_once"
            )
        ]
        indexes = [models.Index(fields=["confirmed", "query"], name="alerts_sub_confirmed")]

    def __str__(self) -> str:
        return self.label


class Delivery(models.Model):
    """One release for one subscription: the unique row that makes sending at most once."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    subscription = models.ForeignKey(
        Subscription, on_delete=models.CASCADE, related_name="deliveries"
    )
    release = models.ForeignKey(
        "pressroom.PressReleasePage", on_delete=models.CASCADE, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    error = models.CharField(_("last error"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("alert delivery")
        verbose_name_plural = _("alert deliveries")
        constraints = [
            models.UniqueConstraint(fields=["subscription", "release"], name="alerts_delivery_once")
        ]
        indexes = [models.Index(fields=["status", "subscription"], name="alerts_delivery_status")]

    def __str__(self) -> str:
        return f"{self.subscription_id} → {self.release_id}: {self.status}"
