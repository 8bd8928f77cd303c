"""The press-release list and feeds read their parameters as ASCII numbers and printable text."""

import pytest


@pytest.mark.parametrize("year", ["%C2%B2", "%D9%A2%D9%A0%D9%A0%D9%A0", "2" * 5000, "1e400"])
def test_year_that_is_not_ascii_digits_is_ignored(client, site_tree, year):
    """'²'.isdigit() is true, yet int('²') fails: that was a 500."""
    assert client.get(f"/en/press-releases/?year={year}").status_code == 200


@pytest.mark.parametrize("feed", ["organizations/a%00b.rss", "topics/a%00b.atom"])
def test_feed_slug_with_a_control_character_is_a_404(client, site_tree, feed):
    """PostgreSQL refuses NUL in text: that was a 500 there."""
    assert client.get(f"/en/feeds/{feed}").status_code == 404
