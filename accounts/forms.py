"""Forms of the "For Organizations" pages and the staff review."""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordResetForm,
    SetPasswordForm,
    SetPasswordMixin,
)
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from core.forms import PublicFormMixin
from directory.models import Organization

from .models import ApplicationStatus, OrganizationApplication
from .selectors import claimable_organizations

phone_validator = RegexValidator(
    r"^\+?[0-9 ()\-]{5,30}$", _("Enter a phone number: digits, spaces, brackets, + and -.")
)


def _organization_field(name: str, **kwargs) -> forms.Field:
    """The directory's own form field (label, choices, validation), optional here because
    only a proposal needs it; JoinForm.clean() requires what a proposal must have."""
    field = Organization._meta.get_field(name).formfield(**kwargs)
    field.required = False
    return field


class JoinForm(PublicFormMixin, SetPasswordMixin, forms.Form):
    CLAIM, PROPOSE = "claim", "propose"
    PROPOSAL_REQUIRED = ("new_name", "new_organization_type", "new_city")

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    # The address becomes the username, whose column holds 150 characters.
    email = forms.EmailField(label=_("Email"), max_length=150)
    phone = forms.CharField(label=_("Phone"), max_length=64, validators=[phone_validator])
    password1, password2 = SetPasswordMixin.create_password_fields()
    choice = forms.ChoiceField(
        label=_("Your organization"),
        choices=[
            (CLAIM, _("is already in the directory")),
            (PROPOSE, _("is not in the directory yet")),
        ],
        widget=forms.RadioSelect,
        initial=CLAIM,
    )
    organization = forms.ModelChoiceField(
        label=_("Organization in the directory"),
        queryset=Organization.objects.none(),
        required=False,
    )
    new_name = _organization_field("name")
    new_acronym = _organization_field("acronym")
    new_organization_type = _organization_field("organization_type")
    new_city = _organization_field("city")
    new_postal_address = _organization_field(
        "postal_address", widget=forms.Textarea(attrs={"rows": 3})
    )
    new_phone = forms.CharField(
        label=_("Organization phone"), max_length=64, required=False, validators=[phone_validator]
    )
    new_email = _organization_field("email")
    new_website = _organization_field("website", assume_scheme="https")

    def __init__(self, *args, locale: Locale, **kwargs):
        super().__init__(*args, **kwargs)
        self.locale = locale
        self.fields["organization"].queryset = Organization.objects.filter(
            locale=locale, live=True
        ).order_by("name")
        # Only unclaimed entries are offered; a claimed one posted anyway gets a message.
        self.fields["organization"].choices = [("", "---------")] + [
            (organization.pk, str(organization))
            for organization in claimable_organizations(locale=locale)
        ]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("choice") == self.CLAIM:
            organization = cleaned.get("organization")
            if organization is None and "organization" not in self.errors:
                self.add_error("organization", _("Choose your organization."))
            elif (
                organization is not None
                and not claimable_organizations(locale=self.locale)
                .filter(pk=organization.pk)
                .exists()
            ):
                self.add_error(
                    "organization",
                    _(
                        "This organization already has an approved account. Ask its "
                        "press officer to add you, or contact us."
                    ),
                )
        elif cleaned.get("choice") == self.PROPOSE:
            for name in self.PROPOSAL_REQUIRED:
                if not cleaned.get(name) and name not in self.errors:
                    self.add_error(name, _("This field is required for a new organization."))
            name = cleaned.get("new_name")
            if name and Organization.objects.filter(locale=self.locale, name__iexact=name).exists():
                self.add_error(
                    "new_name",
                    _("An organization of this name is in the directory: choose it above instead."),
                )
        self.validate_passwords()
        self.validate_password_for_user(
            get_user_model()(
                username=cleaned.get("email", ""),
                email=cleaned.get("email", ""),
                first_name=cleaned.get("first_name", ""),
                last_name=cleaned.get("last_name", ""),
            )
        )
        return cleaned

    @property
    def proposed_organization(self) -> dict | None:
        if self.cleaned_data["choice"] != self.PROPOSE:
            return None
        return {
            name.removeprefix("new_"): value
            for name, value in self.cleaned_data.items()
            if name.startswith("new_")
        }

    @property
    def claimed_organization(self) -> Organization | None:
        if self.cleaned_data["choice"] != self.CLAIM:
            return None
        return self.cleaned_data["organization"]


class OrganizationLoginForm(PublicFormMixin, AuthenticationForm):
    """Django's login form; an address is matched whatever its case, as usernames of
    organization accounts are their lowercased address.

    An applicant not yet approved who gives the right password is told where their
    application stands; any other failure keeps Django's one message, so the form never
    tells whether an address exists. The failure is counted by django-axes either way.
    """

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("Enter a correct email address and password."),
    }
    application_messages = {
        ApplicationStatus.PENDING_VERIFICATION: _(
            "Please confirm your email address first: follow the link we emailed you."
        ),
        ApplicationStatus.PENDING_REVIEW: _(
            "Your application is awaiting review by our staff. We will email you once "
            "it is decided."
        ),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Email")
        self.fields["username"].widget.attrs.update(autocomplete="email", inputmode="email")

    def clean_username(self) -> str:
        username = self.cleaned_data["username"]
        return username.lower() if "@" in username else username

    def clean(self):
        try:
            return super().clean()
        except ValidationError as error:
            message = self._application_message()
            if message is None:
                raise
            raise ValidationError(message, code="application_not_approved") from error

    def _application_message(self) -> str | None:
        """Where the application of the person whose password this is stands, if anywhere.

        One password hash is computed whatever the address, so the time taken tells
        nothing either; a locked-out account learns nothing at all.
        """
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if not username or not password or getattr(self.request, "axes_locked_out", False):
            return None
        application = (
            OrganizationApplication.objects.filter(user__username=username, user__is_active=False)
            .select_related("user")
            .first()
        )
        if application is None:
            make_password(password)
            return None
        if not application.user.check_password(password):
            return None
        if application.status == ApplicationStatus.REJECTED:
            return _(
                "Your application was not accepted. Our staff gave this reason: %(reason)s"
            ) % {"reason": application.rejection_reason}
        return self.application_messages.get(application.status)


class OrganizationPasswordResetForm(PublicFormMixin, PasswordResetForm):
    """Django's password reset request, rendered like the site's other forms."""


class OrganizationSetPasswordForm(PublicFormMixin, SetPasswordForm):
    """Django's new-password form, rendered like the site's other forms."""


class ApplicationReviewForm(forms.Form):
    APPROVE, REJECT = "approve", "reject"

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[(APPROVE, _("Approve")), (REJECT, _("Reject"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason for rejection"),
        help_text=_("Sent to the applicant."),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=2000,
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == self.REJECT and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Give the applicant a reason for the rejection."))
        return cleaned
