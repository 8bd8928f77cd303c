"""Admin routes that replace Wagtail's own, included before ``wagtail.admin.urls``.

Decorated as Wagtail decorates its admin routes: admin access required, never cached.
"""

from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.utils.urlpatterns import decorate_urlpatterns

from .views import StaffPageTypesUsageReportView, VisibleChosenMultipleView

urlpatterns = [
    path("choose-page/chosen-multiple/", VisibleChosenMultipleView.as_view()),
    path("reports/page-types-usage/", StaffPageTypesUsageReportView.as_view()),
    path(
        "reports/page-types-usage/results/",
        StaffPageTypesUsageReportView.as_view(results_only=True),
    ),
]
urlpatterns = decorate_urlpatterns(urlpatterns, require_admin_access)
urlpatterns = decorate_urlpatterns(urlpatterns, never_cache)
