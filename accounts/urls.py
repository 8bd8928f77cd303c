"""The "For Organizations" pages under /<lang>/organizations/."""

from django.urls import path

app_name = "accounts"

urlpatterns: list = []
