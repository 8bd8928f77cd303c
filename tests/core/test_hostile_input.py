"""Every public GET route, sent every hostile value of tests/hostile.py in every parameter.

Routes are not listed by hand: API operations come from the OpenAPI schema (anonymous GET
operations, path and query parameters as declared), pages from the URL resolver and the
page types. A page's parameters are the names of its GET forms' fields and of the query
strings its links carry, so a new filter is tried as soon as a form offers it. Nothing may
answer 5xx, and the API answers errors as problem+json.
"""

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlsplit

import pytest
import wagtail_factories
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RoutePattern
from django.utils import translation
from wagtail.api.v3.urls import api
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, get_page_models

from home.models import StandardPage
from tests.factories import OrganizationFactory, PressReleasePageFactory
from tests.hostile import HOSTILE_VALUES, hostile_queries

PROBLEM_JSON = "application/problem+json"
# Not public (the admin) or covered by the API test; regex routes are Wagtail's page serving
# (pages are tried by type below) and document serving (no parameters of ours).
SKIPPED_PREFIXES = ("admin/", "api/")
PATH_PARAMETER = re.compile(r"{(?:\w+:)?(\w+)}|<(?:\w+:)?(\w+)>|\(\?P<(\w+)>[^)]*\)")


@pytest.fixture
def content(site_tree):
    """A little of everything a public route can show: one of each kind, in English."""
    organization = OrganizationFactory(slug="isar", acronym="ISAR", focus_areas=["elections"])
    partner = OrganizationFactory(slug="undp")
    PressReleasePageFactory(
        parent=site_tree["en"].releases,
        organization=organization,
        participants=[partner],
        topics=["elections"],
        city="Ganja",
    )
    wagtail_factories.ImageFactory()
    wagtail_factories.DocumentFactory()
    Redirect.objects.create(old_path="/old", redirect_link="/en/")
    site_tree["en"].home.add_child(instance=StandardPage(title="About", slug="about"))
    return {"organization": "isar", "topic": "elections", "slug": "isar"}


@dataclass(frozen=True)
class Operation:
    id: str
    path: str
    parameters: tuple[tuple[str, str], ...]  # (name, "query" or "path")


def _public_api_operations() -> list[Operation]:
    operations = []
    for path, methods in api.get_openapi_schema()["paths"].items():
        operation = methods.get("get")
        if operation is None or {"AllowAnonymous": []} not in operation.get("security", []):
            continue
        parameters = tuple((p["name"], p["in"]) for p in operation.get("parameters", ()))
        operations.append(Operation(operation["operationId"], path, parameters))
    return operations


def _fill(template: str, samples: dict[str, str]) -> str:
    return PATH_PARAMETER.sub(lambda m: samples.get(next(filter(None, m.groups())), "1"), template)


def _problems(client, urls, *, api: bool) -> list[str]:
    problems = []
    for label, url in urls:
        response = client.get(url)
        content_type = response.get("Content-Type", "")
        if response.status_code >= 500:
            problems.append(f"{label}: {url[:150]} answered {response.status_code}")
        elif api and response.status_code >= 400 and content_type != PROBLEM_JSON:
            problems.append(f"{label}: {url[:150]} answered {content_type}, not {PROBLEM_JSON}")
    return problems


@pytest.fixture
def hostile_client(client):
    """Server errors come back as responses (as a reader would get them), not exceptions."""
    client.raise_request_exception = False
    return client


def _api_samples(client, operation: Operation, content: dict) -> dict[str, str]:
    """Path values that exist: the first item of the operation's list, when there is one."""
    list_path = operation.path.split("{", 1)[0]
    samples = dict(content)
    response = client.get(list_path) if list_path != operation.path else None
    if response is not None and response.status_code == 200:
        items = response.json().get("items") or [{}]
        if "id" in items[0]:
            samples |= {name: str(items[0]["id"]) for name, _where in operation.parameters}
    return samples


@pytest.mark.parametrize("operation", _public_api_operations(), ids=lambda o: o.id)
def test_api_operation_answers_hostile_parameters_without_a_server_error(
    hostile_client, content, operation
):
    samples = _api_samples(hostile_client, operation, content)
    base = _fill(operation.path, samples)
    urls = []
    for name, where in operation.parameters:
        if where == "query":
            urls += [
                (f"{name} {label}", f"{base}?{query}") for label, query in hostile_queries(name)
            ]
        elif where == "path":
            urls += [
                (f"{name} {label}", _fill(operation.path, {**samples, name: value}))
                for label, value in HOSTILE_VALUES.items()
                if value
            ]
    problems = _problems(hostile_client, urls, api=True)
    assert not problems, "\n".join(problems)


def _route_templates(patterns, prefix: str = "") -> list[str]:
    templates = []
    for entry in patterns:
        if isinstance(entry.pattern, LocalePrefixPattern):
            part = entry.pattern.language_prefix
        elif isinstance(entry.pattern, RoutePattern):
            part = str(entry.pattern)
        else:
            continue
        if isinstance(entry, URLResolver):
            templates += _route_templates(entry.url_patterns, prefix + part)
        elif isinstance(entry, URLPattern):
            templates.append(prefix + part)
    return [t for t in templates if not t.startswith(SKIPPED_PREFIXES)]


def _page_routes() -> list[str]:
    """A route per page type (``page:<label>``), and one per sub-route of routable pages."""
    routes = []
    for model in get_page_models():
        if model is Page:
            continue
        routes.append(f"page:{model._meta.label}")
        if issubclass(model, RoutablePageMixin):
            for pattern in model.get_subpage_urls():
                if str(pattern.pattern):
                    routes.append(f"page:{model._meta.label}:{pattern.pattern}")
    return routes


with translation.override("en"):
    HTML_ROUTES = _route_templates(get_resolver().url_patterns) + _page_routes()


class _Parameters(HTMLParser):
    """Names of GET forms' fields, and of the query parameters the page's links carry."""

    def __init__(self, path: str):
        super().__init__()
        self.path = path
        self.names: set[str] = set()
        self._in_get_form = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._in_get_form = (attrs.get("method") or "get").lower() == "get"
        elif tag in {"input", "select", "textarea", "button"} and self._in_get_form:
            if attrs.get("name"):
                self.names.add(attrs["name"])
        elif tag == "a" and attrs.get("href"):
            link = urlsplit(attrs["href"])
            if link.path in ("", self.path):
                self.names |= {name for name, _value in parse_qsl(link.query)}

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_get_form = False


def _html_path(route: str, content: dict) -> str | None:
    if not route.startswith("page:"):
        return "/" + _fill(route, content)
    _prefix, label, *sub = route.split(":", 2)
    model = next(m for m in get_page_models() if m._meta.label == label)
    page = model.objects.live().filter(locale__language_code="en").first()
    if page is None:
        return None
    url = page.url
    if sub:
        url += _fill(sub[0].lstrip("^").rstrip("$"), content)
    return url


@pytest.mark.parametrize("route", HTML_ROUTES)
def test_page_answers_hostile_parameters_without_a_server_error(hostile_client, content, route):
    path = _html_path(route, content)
    if path is None:
        pytest.skip(f"no live page for {route} in the fixture")
    response = hostile_client.get(path)
    assert response.status_code < 500, f"{path} fails without hostile input"
    parser = _Parameters(path)
    if "html" in response.get("Content-Type", ""):
        parser.feed(response.content.decode())
    urls = []
    for name in sorted(parser.names | {"page"}):
        urls += [(f"{name} {label}", f"{path}?{query}") for label, query in hostile_queries(name)]
    if path != _fill(route, {}) and not route.startswith("page:"):
        for label, value in HOSTILE_VALUES.items():
            if value:
                urls.append((f"path {label}", "/" + _fill(route, dict.fromkeys(content, value))))
    problems = _problems(hostile_client, urls, api=False)
    assert not problems, "\n".join(problems)
