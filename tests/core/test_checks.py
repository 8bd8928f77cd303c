"""The project's own system checks: Elasticsearch URLs, email delivery, the proxy count, the
limits' settings and a shared page cache."""

import pytest
from django.test import override_settings

from core.checks import (
    check_elasticsearch_url,
    check_email_backend_delivers,
    check_limit_settings,
    check_page_cache_shared,
    check_proxy_count_behind_a_proxy,
    elasticsearch_url_problem,
    redacted,
)


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost:9200",
        "http://elasticsearch:9200",
        "https://search.example.org",
        "https://elastic:secret@10.0.0.5:9243/prefix",
    ],
)
def test_well_formed_elasticsearch_urls_pass(url):
    assert elasticsearch_url_problem(url) is None


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("localhost:9200", "http:// or https://"),
        ("ftp://search.example.org", "http:// or https://"),
        ("http://", "no host name"),
        ("http://search:92OO", "port"),
        ("http://search:99999", "port"),
        ("http://search :9200", "whitespace"),
        ("http://search:9200/?pretty", "query string"),
        ("http://[::1:9200", "cannot be parsed"),
    ],
)
def test_malformed_elasticsearch_urls_say_what_is_wrong(url, problem):
    assert problem in elasticsearch_url_problem(url)


@override_settings(ELASTICSEARCH_URL="http://es1:9200, es2:9200")
def test_each_malformed_node_of_a_cluster_is_an_error():
    errors = check_elasticsearch_url(None)
    assert [error.id for error in errors] == ["core.E001"]
    assert "'es2:9200'" in errors[0].msg


@override_settings(ELASTICSEARCH_URL="")
def test_an_unset_elasticsearch_url_means_database_search_and_no_error():
    assert check_elasticsearch_url(None) == []


@override_settings(ELASTICSEARCH_URL="htps://elastic:hunter2@es:9200")
def test_the_error_does_not_print_the_password():
    (error,) = check_elasticsearch_url(None)
    assert "hunter2" not in error.msg
    assert "elastic:***@es:9200" in error.msg


def test_redacted_leaves_urls_without_a_password_alone():
    assert redacted("http://es:9200") == "http://es:9200"
    assert redacted("http://user@es:9200") == "http://user@es:9200"


@pytest.mark.parametrize(
    "backend",
    [
        "django.core.mail.backends.console.EmailBackend",
        "django.core.mail.backends.locmem.EmailBackend",
    ],
)
def test_a_backend_that_does_not_deliver_is_a_deploy_warning(backend):
    with override_settings(EMAIL_BACKEND=backend):
        (warning,) = check_email_backend_delivers(None)
    assert warning.id == "core.W001"


@override_settings(EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend")
def test_smtp_email_passes_the_deploy_check():
    assert check_email_backend_delivers(None) == []


@pytest.mark.parametrize(
    "trusting",
    [
        {"SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https")},
        {"USE_X_FORWARDED_HOST": True},
    ],
)
def test_settings_trusting_a_proxy_without_a_proxy_count_warn(trusting):
    with override_settings(PRESSROOM_PROXY_COUNT=None, **trusting):
        (warning,) = check_proxy_count_behind_a_proxy(None)

    assert warning.id == "core.W002"
    assert "PRESSROOM_PROXY_COUNT" in warning.msg and "Behind a proxy" in warning.hint


@pytest.mark.parametrize("count", [0, 1])
@override_settings(SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"))
def test_a_proxy_count_even_zero_satisfies_the_proxy_check(count):
    with override_settings(PRESSROOM_PROXY_COUNT=count):
        assert check_proxy_count_behind_a_proxy(None) == []


@override_settings(
    SECURE_PROXY_SSL_HEADER=None, USE_X_FORWARDED_HOST=False, PRESSROOM_PROXY_COUNT=None
)
def test_settings_trusting_no_proxy_need_no_proxy_count():
    assert check_proxy_count_behind_a_proxy(None) == []


@override_settings(PRESSROOM_PASSWORD_ATTEMPT_RATE="ten/min", PRESSROOM_PROXY_COUNT=-1)
def test_a_malformed_password_rate_and_a_negative_proxy_count_are_errors():
    assert [error.id for error in check_limit_settings(None)] == ["core.E002", "core.E003"]


def test_a_page_cache_each_process_keeps_alone_is_a_deploy_warning(settings):
    settings.PRESSROOM_PAGE_CACHE_ALIAS = "pages"
    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    assert [w.id for w in check_page_cache_shared(None)] == ["core.W003"]

    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "t"},
    }
    assert check_page_cache_shared(None) == []
