"""The demo's footer names the operator from the seed page and links a translated about page."""

from bs4 import BeautifulSoup

from demo.footer import demo_footer_set
from home.models import StandardPage


def test_demo_footer_links_the_about_page_in_each_language(client, site_tree):
    demo_footer_set()
    demo_footer_set()

    assert StandardPage.objects.count() == 2
    for code, title in (("en", "About Pressroom"), ("az", "Press-mərkəz haqqında")):
        home = BeautifulSoup(client.get(f"/{code}/").content, "html.parser")
        operator = home.select_one("footer address.site-operator")
        assert operator.strong.get_text() == "AzerWeb"
        assert operator.select_one('a[href^="tel:"]')["href"] == "tel:0556696889"
        about_url = operator.select("a")[-1]["href"]
        assert about_url == f"/{code}/about/"
        about = BeautifulSoup(client.get(about_url).content, "html.parser")
        assert about.h1.get_text() == title
