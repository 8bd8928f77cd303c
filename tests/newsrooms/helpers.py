"""Acting in the admin as one of the world's users, through the real views and forms."""

import datetime

from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

# A StreamField body as the browser's JavaScript would post it; the HTML form lacks it.
BODY = nested_form_data({"body": streamfield([("paragraph", rich_text("<p>The body.</p>"))])})


def actor_client(world, actor: str) -> Client:
    client = Client()
    if actor != "anonymous":
        client.force_login(world.users[actor])
    return client


def admin_form(world, url: str, form_id: str):
    """The form as the admin renders it to a superuser: a complete, valid POST body.

    Rendered once per module and URL (each test's changes are rolled back).
    """
    if url not in world.forms:
        response = actor_client(world, "superuser").get(url)
        assert response.status_code == 200
        world.forms[url] = querydict_from_html(response.content.decode(), form_id=form_id)
    return world.forms[url].copy()


def release_post(
    world, client, release, *, go_live_at: datetime.datetime | None = None, **action
) -> str:
    """Posts the release's edit form with a changed title (and ``action``); returns the title."""
    url = reverse("wagtailadmin_pages:edit", args=[release.pk])
    data = admin_form(world, url, "page-edit-form")
    data.update(BODY)
    title = f"{release.title} (changed)"
    data["title"] = title
    if go_live_at is not None:
        data["go_live_at"] = timezone.localtime(go_live_at).strftime("%Y-%m-%d %H:%M")
    data.update(action)
    client.post(url, data)
    return title
