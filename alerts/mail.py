"""The messages alerts send, each in its subscription's language.

Every alert carries ``List-Unsubscribe`` with one-click ``List-Unsubscribe-Post``
(RFC 8058): mail clients show an unsubscribe button that POSTs to the link, which the
unsubscribe view accepts without a session. The body repeats both links for people.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import Subscription
from .tokens import CONFIRM, MANAGE, UNSUBSCRIBE, token_make


def site_url(path: str) -> str:
    """Links in mail sent by the worker, which has no request: the site's configured base."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def alert_links(subscription: Subscription) -> dict[str, str]:
    """The signed links of a subscription's messages, in its language."""
    with translation.override(subscription.language):
        return {
            "confirm_url": site_url(
                reverse(
                    "alerts:confirm",
                    args=[token_make(action=CONFIRM, pk=subscription.pk)],
                )
            ),
            "unsubscribe_url": site_url(
                reverse(
                    "alerts:unsubscribe",
                    args=[token_make(action=UNSUBSCRIBE, pk=subscription.pk)],
                )
            ),
            "manage_url": site_url(
                reverse(
                    "alerts:manage",
                    args=[token_make(action=MANAGE, pk=subscription.subscriber_id)],
                )
            ),
        }


def _message(*, subscription: Subscription, subject: str, name: str, context: dict, headers=None):
    links = alert_links(subscription)
    context = {
        "subscription": subscription,
        "site_name": settings.WAGTAIL_SITE_NAME,
        **links,
        **context,
    }
    with translation.override(subscription.language):
        text = render_to_string(f"alerts/emails/{name}.txt", context)
        html = render_to_string(f"alerts/emails/{name}.html", context)
    message = EmailMultiAlternatives(
        # A newline in a subject would be a header injection; fold it.
        subject=" ".join(subject.split()),
        body=text,
        to=[subscription.subscriber.email],
        headers=headers or {},
    )
    message.attach_alternative(html, "text/html")
    return message


def confirmation_message(subscription: Subscription) -> EmailMultiAlternatives:
    with translation.override(subscription.language):
        subject = _("Confirm your email alert: %(label)s") % {"label": subscription.label}
    return _message(subscription=subscription, subject=subject, name="confirm", context={})


def alert_message(subscription: Subscription, releases: list) -> EmailMultiAlternatives:
    """One release as published, or the day's releases in one digest."""
    with translation.override(subscription.language):
        if len(releases) == 1:
            subject = releases[0].title
        else:
            subject = ngettext(
                "%(count)d new press release: %(label)s",
                "%(count)d new press releases: %(label)s",
                len(releases),
            ) % {"count": len(releases), "label": subscription.label}
        items = [
            {
                "title": release.title,
                "organization": release.issuer.name if release.issuer else "",
                "date": release.release_date,
                "summary": release.summary,
                "url": release.get_full_url(),
            }
            for release in releases
        ]
    unsubscribe_url = alert_links(subscription)["unsubscribe_url"]
    headers = {
        "List-Unsubscribe": f"<{unsubscribe_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    return _message(
        subscription=subscription,
        subject=subject,
        name="alert",
        context={"releases": items},
        headers=headers,
    )
