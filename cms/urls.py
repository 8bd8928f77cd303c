"""URL wiring: admin and operational endpoints unprefixed, the public site under /en/ and /az/."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.api.v3.urls import api
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from core.sitemaps import LocalizedPageSitemap
from core.views import (
    document_password_authenticate,
    favicon,
    page_password_authenticate,
    robots_txt,
)
from directory.sitemaps import OrganizationSitemap

from .views import healthz

# A database that cannot be reached answers 503 with Retry-After rather than 500.
handler500 = "core.views.server_error"

SITEMAPS = {"pages": LocalizedPageSitemap, "organizations": OrganizationSitemap}

urlpatterns = [
    # Before Wagtail's admin: a few of its views, narrowed for organizations' users.
    path("admin/", include("newsrooms.admin_urls")),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's own paths and names, ahead of Wagtail's routes: the limited views answer.
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        document_password_authenticate,
        name="wagtaildocs_authenticate_with_password",
    ),
    path("documents/", include(wagtaildocs_urls)),
    # Wagtail's API v3, with our apps' routers mounted by cms/api.py.
    path("api/v3/", api.urls),
    path("healthz", healthz, name="healthz"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("favicon.ico", favicon, name="favicon"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("organizations/", include("accounts.urls")),
    path("alerts/", include("alerts.urls")),
    path("", include("search.urls")),
    path("", include("pressroom.urls")),
    path("", include("events.urls")),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        page_password_authenticate,
        name="wagtailcore_authenticate_with_password",
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
