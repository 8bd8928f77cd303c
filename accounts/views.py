"""The "For Organizations" pages: thin views over accounts.services and Django's auth views."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods
from wagtail.models import Locale

from core.query_params import int_param

from .dashboard import STAFF_PERMISSION, dashboard_organizations, dashboard_sections
from .forms import JoinForm
from .models import OrganizationApplication
from .ratelimit import join_rate_limited
from .selectors import member_organization
from .services import application_submit, application_verify
from .tokens import InvalidVerificationLink, application_from_token


@require_http_methods(["GET", "POST"])
def join(request):
    if request.user.is_authenticated:
        return redirect("accounts:dashboard")
    locale = Locale.get_active()
    if request.method == "POST":
        if join_rate_limited(request):
            return TemplateResponse(request, "accounts/join_limited.html", status=429)
        form = JoinForm(request.POST, locale=locale)
        if form.is_valid():
            data = form.cleaned_data
            application_submit(
                first_name=data["first_name"],
                last_name=data["last_name"],
                email=data["email"],
                phone=data["phone"],
                password=data["password1"],
                language=locale.language_code,
                organization=form.claimed_organization,
                proposed_organization=form.proposed_organization,
                base_url=f"{request.scheme}://{request.get_host()}",
            )
            # The same page whether or not the address was already known.
            return redirect("accounts:join_sent")
    else:
        form = JoinForm(locale=locale)
    return TemplateResponse(request, "accounts/join.html", {"form": form})


def join_sent(request):
    return TemplateResponse(request, "accounts/join_sent.html")


@require_http_methods(["GET", "POST"])
def verify(request, token: str):
    """GET asks for a click, POST verifies: mail scanners that follow links change nothing."""
    try:
        if request.method == "POST":
            application = application_verify(token=token)
        else:
            application = application_from_token(token)
    except InvalidVerificationLink as error:
        return TemplateResponse(
            request, "accounts/verify_invalid.html", {"expired": error.expired}, status=400
        )
    return TemplateResponse(
        request,
        "accounts/verify.html",
        {"application": application, "confirmed": request.method == "POST"},
    )


@login_required
def dashboard(request):
    """The signed-in person's organization, application, and the sections content apps add
    (``dashboard_sections``: releases and others, drafts included).

    Staff (who decide applications) open any organization's dashboard with
    ``?organization=<id>``, to see what its officers see.
    """
    locale = Locale.get_active()
    organization = member_organization(user=request.user, locale=locale)
    choices = None
    if request.user.has_perm(STAFF_PERMISSION):
        choices = dashboard_organizations(locale=locale)
        chosen = int_param(request.GET, "organization", minimum=1, maximum=2**31 - 1)
        if chosen is not None:
            organization = choices.filter(pk=chosen).first() or organization
    sections = []
    if organization is not None:
        sections = dashboard_sections(organization=organization, request=request)
    return TemplateResponse(
        request,
        "accounts/dashboard.html",
        {
            "organization": organization,
            "organization_choices": choices,
            "application": OrganizationApplication.objects.filter(user=request.user).first(),
            "sections": sections,
        },
    )
