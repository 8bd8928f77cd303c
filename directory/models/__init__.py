"""Directory models, one module per concern, re-exported for Django's app registry."""

from .organization import Organization, OrganizationFocusArea, OrganizationType  # isort: skip
from .directory_page import DirectoryIndexPage

__all__ = ["DirectoryIndexPage", "Organization", "OrganizationFocusArea", "OrganizationType"]
