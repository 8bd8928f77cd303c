"""A person's application to publish for an organization, from sign-up to the staff decision."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ApplicationStatus(models.TextChoices):
    PENDING_VERIFICATION = "pending-verification", _("Waiting for email verification")
    PENDING_REVIEW = "pending-review", _("Waiting for review")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class OrganizationApplication(models.Model):
    """One application per sign-up; the record stays after the decision as its history.

    The applicant's details are copied here because a rejected applicant's (inactive)
    user is deleted when they apply again, which frees the address for the new attempt.
    A proposed organization waits in ``proposed_organization`` and becomes a directory
    entry only on approval, so unverified or spam proposals never reach the directory.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organization_application",
    )
    first_name = models.CharField(_("first name"), max_length=150)
    last_name = models.CharField(_("last name"), max_length=150)
    email = models.EmailField(_("email"))
    phone = models.CharField(_("phone"), max_length=64)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    organization = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("organization"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="applications",
        help_text=_("The claimed directory entry, or the one created on approval."),
    )
    proposed_organization = models.JSONField(_("proposed organization"), default=dict, blank=True)
    status = models.CharField(
        _("status"),
        max_length=24,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.PENDING_VERIFICATION,
    )
    created_at = models.DateTimeField(_("applied at"), auto_now_add=True)
    verified_at = models.DateTimeField(_("email verified at"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)

    class Meta:
        verbose_name = _("organization application")
        verbose_name_plural = _("organization applications")
        ordering = ["-created_at"]
        permissions = [
            ("review_organizationapplication", _("Can approve or reject organization applications"))
        ]

    def __str__(self) -> str:
        return f"{self.applicant_name} — {self.organization_name}"

    @property
    def applicant_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def organization_name(self) -> str:
        if self.organization_id:
            return str(self.organization)
        return self.proposed_organization.get("name", "")

    @property
    def is_claim(self) -> bool:
        return not self.proposed_organization
