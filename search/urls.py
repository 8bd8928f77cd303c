"""Search routes, mounted under each language prefix by cms/urls.py."""

from django.urls import path

from . import views

urlpatterns = [
    path("search/", views.search, name="search"),
    path("search/json/", views.search_json, name="search_json"),
    path("search/autocomplete/", views.autocomplete, name="search_autocomplete"),
]
