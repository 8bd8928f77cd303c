"""Content-Security-Policy and Permissions-Policy on the public site, the admin and the API docs.

The public site's policy allows scripts from its own origin only, so an injected
``<script>`` or ``onclick`` does nothing; the admin's is looser where Wagtail needs it.
"""

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings

from tests.factories import OrganizationFactory, PressReleasePageFactory

DENIED_FEATURES = ["camera", "microphone", "geolocation", "payment", "usb"]
# An inline script, an event handler attribute or a javascript: URL in a template of ours.
INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(ld\+)?json\")|\son[a-z]+\s*=|javascript:",
    re.IGNORECASE,
)


def directives(response) -> dict[str, list[str]]:
    """The enforced policy of ``response``, directive name to sources."""
    policy = response["Content-Security-Policy"]
    return {
        name: sources
        for name, *sources in (part.split() for part in policy.split(";") if part.strip())
    }


@pytest.fixture
def public_urls(site_tree) -> list[str]:
    organization = OrganizationFactory(slug="isar")
    release = PressReleasePageFactory(parent=site_tree["en"].releases, organization=organization)
    return [
        "/en/",
        site_tree["en"].releases.url,
        release.url,
        "/en/search/?q=release",
        site_tree["en"].directory.url,
        "/az/",
    ]


def test_public_pages_enforce_a_policy_without_inline_scripts(client, public_urls):
    for url in public_urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Content-Security-Policy-Report-Only" not in response
        policy = directives(response)
        assert policy["script-src"] == ["'self'"], url
        assert policy["default-src"] == ["'self'"]
        assert policy["object-src"] == ["'none'"]
        assert policy["base-uri"] == ["'self'"]
        assert policy["frame-ancestors"] == ["'self'"]


def test_public_pages_deny_device_features(client, public_urls):
    for url in public_urls:
        permissions = client.get(url)["Permissions-Policy"]
        for feature in DENIED_FEATURES:
            assert f"{feature}=()" in permissions, (url, feature)


def test_the_admin_alone_may_run_wagtails_inline_scripts(client, site_tree, django_user_model):
    admin = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(admin)

    dashboard = client.get("/admin/")
    editor = client.get(f"/admin/pages/{site_tree['en'].releases.pk}/edit/")

    for response in (dashboard, editor):
        assert response.status_code == 200
        policy = directives(response)
        assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
        assert policy["object-src"] == ["'none'"]
        assert "camera=()" in response["Permissions-Policy"]
    assert "'unsafe-inline'" not in directives(client.get("/en/"))["script-src"]


def test_api_docs_load_swagger_ui_from_our_static_files(client, db):
    response = client.get("/api/v3/docs/")
    html = response.content.decode()

    assert response.status_code == 200
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources
    assert all(source.startswith(settings.STATIC_URL) for source in sources), sources
    assert '"validatorUrl": null' in html
    assert directives(response)["script-src"] == ["'self'"]


def test_no_template_of_ours_has_inline_scripts_or_event_handlers():
    """The public policy refuses them: scripts belong in static files."""
    base = Path(settings.BASE_DIR)
    templates = [
        path
        for config in apps.get_app_configs()
        if Path(config.path).is_relative_to(base) and ".venv" not in Path(config.path).parts
        for path in (Path(config.path) / "templates").rglob("*.html")
    ]
    assert len(templates) > 10
    offenders = [
        f"{path.relative_to(base)}: {match.group()}"
        for path in templates
        for match in INLINE_SCRIPT.finditer(path.read_text())
    ]
    assert offenders == []
