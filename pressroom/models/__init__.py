"""Pressroom models, one module per concern, re-exported for Django's app registry."""

from .changes import ReleaseChange
from .import_run import ImportRun
from .pages import (
    OrganizationLink,
    PressReleaseFunder,
    PressReleaseIndexPage,
    PressReleasePage,
    PressReleaseParticipant,
    PressReleaseQuerySet,
    PressReleaseTopic,
)

__all__ = [
    "ImportRun",
    "OrganizationLink",
    "PressReleaseFunder",
    "PressReleaseIndexPage",
    "PressReleasePage",
    "PressReleaseParticipant",
    "PressReleaseQuerySet",
    "PressReleaseTopic",
    "ReleaseChange",
]
