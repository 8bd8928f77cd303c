"""The emails of the sign-up flow, each rendered in the language the person applied in.

Templates live in ``accounts/emails/<name>_subject.txt`` and ``<name>_body.txt``.
"""

from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .models import ApplicationStatus, OrganizationApplication
from .tokens import verification_token


def _send(*, name: str, to: Iterable[str], language: str, context: dict) -> None:
    with translation.override(language):
        context = {"site_name": settings.WAGTAIL_SITE_NAME, **context}
        subject = render_to_string(f"accounts/emails/{name}_subject.txt", context)
        body = render_to_string(f"accounts/emails/{name}_body.txt", context)
    # A newline in a subject would be a header injection; Django refuses it, so fold it.
    send_mail(" ".join(subject.split()), body, None, list(to))


def _site_url(path: str) -> str:
    """Absolute links in emails sent from the admin, as Wagtail's own notifications build them."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _url(name: str, language: str, **kwargs) -> str:
    with translation.override(language):
        return reverse(f"accounts:{name}", kwargs=kwargs or None)


def verification_email_send(*, application: OrganizationApplication, base_url: str) -> None:
    link = base_url + _url("verify", application.language, token=verification_token(application))
    _send(
        name="verify",
        to=[application.email],
        language=application.language,
        context={"application": application, "link": link},
    )


def address_in_use_email_send(*, email: str, language: str, base_url: str) -> None:
    """Tells an address's owner someone tried to register it, instead of telling the form."""
    _send(
        name="address_in_use",
        to=[email],
        language=language,
        context={
            "login_url": base_url + _url("login", language),
            "reset_url": base_url + _url("password_reset", language),
        },
    )


def reviewers_notify(*, application: OrganizationApplication, reviewers: Iterable[str]) -> None:
    recipients = list(reviewers)
    if not recipients:
        return
    # wagtail-modeladmin's URL name for the review (edit) view in accounts.wagtail_hooks.
    review_url = reverse("accounts_organizationapplication_modeladmin_edit", args=[application.pk])
    _send(
        name="review_requested",
        to=recipients,
        language=settings.LANGUAGE_CODE,
        context={"application": application, "link": _site_url(review_url)},
    )


def decision_email_send(*, application: OrganizationApplication) -> None:
    approved = application.status == ApplicationStatus.APPROVED
    _send(
        name="approved" if approved else "rejected",
        to=[application.email],
        language=application.language,
        context={
            "application": application,
            "login_url": _site_url(_url("login", application.language)),
            "join_url": _site_url(_url("join", application.language)),
        },
    )
