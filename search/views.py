"""The search page: thin over Wagtail's configured search backend."""

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from wagtail.models import Locale

from pressroom.selectors import live_releases


def search(request):
    query = request.GET.get("q", "").strip()[:200]
    results = []
    if query:
        locale = Locale.get_active() if get_language() else Locale.get_default()
        results = live_releases().filter(locale=locale).search(query)
    page_obj = Paginator(results, 20).get_page(request.GET.get("page"))
    return TemplateResponse(request, "search/search.html", {"query": query, "page_obj": page_obj})
