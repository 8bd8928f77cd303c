"""Subscribe, confirm, unsubscribe and manage: thin views over alerts.services.

Every link in a message leads to a page with a button: mail scanners that fetch links
change nothing. The exception is RFC 8058's one-click unsubscribe, a POST by the mail
client to the ``List-Unsubscribe`` link, which carries no session and so no CSRF token.
"""

import hashlib

from django.conf import settings
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from core.client_address import client_address
from core.ratelimit import Rate, quota_count
from search.query import InvalidSearch

from . import services
from .forms import FrequencyForm, SubscribeForm
from .models import Subscriber, Subscription
from .queries import query_label, saved_query
from .tokens import CONFIRM, MANAGE, UNSUBSCRIBE, token_make, token_read


def _rate_limited(request: HttpRequest, email: str) -> bool:
    """Counts the submission against its client address and its email address (hashed: the
    cache holds no addresses)."""
    address = hashlib.sha256(email.encode()).hexdigest()[:32]
    limits = (("CLIENT_RATE", f"client:{client_address(request)}"), ("ADDRESS_RATE", address))
    exceeded = False
    for setting, key in limits:
        rate = Rate.parse(settings.ALERTS[setting])
        quota = quota_count(policy="alerts", key=f"alerts:{key}", rate=rate)
        exceeded = exceeded or quota.exceeded
    return exceeded


def _initial(request: HttpRequest) -> dict:
    """The subscription the link offers: its kind and the page's search parameters."""
    params = request.GET.copy()
    kind = params.pop("kind", [Subscription.Kind.SEARCH])[-1]
    if kind not in Subscription.Kind.values:
        kind = Subscription.Kind.SEARCH
    return {"kind": kind, "query": saved_query(params, kind=kind)}


@require_http_methods(["GET", "POST"])
def subscribe(request: HttpRequest) -> HttpResponse:
    language = get_language()
    status = 200
    if request.method == "POST":
        form = SubscribeForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            email = services.email_normalize(data["email"])
            if _rate_limited(request, email):
                form.add_error(None, _("Too many requests. Please try again in an hour."))
                status = 429
            else:
                services.subscription_request(
                    email=email,
                    kind=data["kind"],
                    query=data["query"],
                    label=query_label(data["query"], kind=data["kind"], language=language),
                    language=language,
                    frequency=data["frequency"],
                )
                return TemplateResponse(request, "alerts/subscribe_sent.html", {"email": email})
        else:
            status = 400
    else:
        try:
            form = SubscribeForm(initial=_initial(request))
        except InvalidSearch as error:
            return TemplateResponse(
                request, "alerts/invalid.html", {"messages": error.messages}, status=400
            )
    kind, query = form["kind"].value(), form["query"].value() or ""
    label = query_label(query, kind=kind, language=language) if kind else ""
    return TemplateResponse(
        request, "alerts/subscribe.html", {"form": form, "label": label}, status=status
    )


@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    pk = token_read(action=CONFIRM, token=token)
    subscription = Subscription.objects.select_related("subscriber").filter(pk=pk).first()
    if pk is None or subscription is None:
        return TemplateResponse(request, "alerts/confirm_invalid.html", status=404)
    if request.method == "POST":
        services.subscription_confirm(subscription=subscription)
    return TemplateResponse(
        request,
        "alerts/confirm.html",
        {"subscription": subscription, "manage_token": _manage_token(subscription.subscriber)},
    )


def _manage_token(subscriber: Subscriber) -> str:
    return token_make(action=MANAGE, pk=subscriber.pk)


@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET asks; POST unsubscribes, from the page's button or a mail client's one click."""
    pk = token_read(action=UNSUBSCRIBE, token=token)
    subscription = Subscription.objects.select_related("subscriber").filter(pk=pk).first()
    if request.method == "POST":
        if subscription is not None:
            services.subscription_cancel(subscription=subscription)
        return TemplateResponse(request, "alerts/unsubscribed.html")
    if pk is None or subscription is None:
        return TemplateResponse(request, "alerts/unsubscribed.html", status=404)
    return TemplateResponse(request, "alerts/unsubscribe.html", {"subscription": subscription})


@require_http_methods(["GET", "POST"])
def manage(request: HttpRequest, token: str) -> HttpResponse:
    pk = token_read(action=MANAGE, token=token)
    subscriber = Subscriber.objects.filter(pk=pk).first() if pk is not None else None
    if subscriber is None:
        return TemplateResponse(request, "alerts/manage_gone.html", status=404)
    if request.method == "POST":
        _manage_action(request.POST, subscriber)
        if not Subscriber.objects.filter(pk=subscriber.pk).exists():
            return TemplateResponse(request, "alerts/erased.html")
        return redirect(request.path)
    subscriptions = subscriber.subscriptions.order_by("created_at")
    rows = [
        (subscription, FrequencyForm(initial={"frequency": subscription.frequency}))
        for subscription in subscriptions
    ]
    return TemplateResponse(request, "alerts/manage.html", {"subscriber": subscriber, "rows": rows})


def _manage_action(data: QueryDict, subscriber: Subscriber) -> None:
    action = data.get("action")
    subscription = subscriber.subscriptions.filter(pk=data.get("subscription") or 0).first()
    if action == "erase":
        services.subscriber_erase(subscriber=subscriber)
    elif action == "cancel_all":
        services.subscriber_cancel_all(subscriber=subscriber)
    elif action == "cancel" and subscription is not None:
        services.subscription_cancel(subscription=subscription)
    elif action == "frequency" and subscription is not None:
        form = FrequencyForm(data)
        if form.is_valid():
            services.subscription_frequency_set(
                subscription=subscription, frequency=form.cleaned_data["frequency"]
            )
