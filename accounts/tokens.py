"""The signed, expiring link that proves an applicant reads the address they gave."""

from django.conf import settings
from django.core import signing

from .models import OrganizationApplication

VERIFICATION_SALT = "accounts.application.verify"


class InvalidVerificationLink(Exception):
    """The link was altered, belongs to nothing, or is older than VERIFICATION_MAX_AGE."""

    def __init__(self, *, expired: bool = False):
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


def verification_token(application: OrganizationApplication) -> str:
    """Signs the application and its address: a token for an edited address stops working."""
    return signing.TimestampSigner(salt=VERIFICATION_SALT).sign_object(
        {"id": application.pk, "email": application.email}
    )


def application_from_token(token: str) -> OrganizationApplication:
    signer = signing.TimestampSigner(salt=VERIFICATION_SALT)
    try:
        value = signer.unsign_object(token, max_age=settings.ACCOUNTS["VERIFICATION_MAX_AGE"])
    except signing.SignatureExpired as error:
        raise InvalidVerificationLink(expired=True) from error
    except signing.BadSignature as error:
        raise InvalidVerificationLink() from error
    try:
        return OrganizationApplication.objects.get(pk=value["id"], email=value["email"])
    except (OrganizationApplication.DoesNotExist, KeyError, TypeError) as error:
        raise InvalidVerificationLink() from error
