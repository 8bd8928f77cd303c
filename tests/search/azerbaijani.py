"""Azerbaijani releases for the search tests: the texts a reader searched on a running
instance, and helpers to create releases from texts and search them."""

import dataclasses

from django.http import QueryDict

from search.query import parse_search_query
from search.service import search_run
from tests.factories import OrganizationFactory, PressReleasePageFactory

RELEASES = {
    "seminars": "Bölgələrdə hüquq seminarlar keçiriləcək",
    "families": "Yardım qaçqın ailələrinə çatdırıldı",
    "river": "Şəki çayının çirklənməsi araşdırılır",
    "organizations": "Vətəndaş təşkilatlarının nümayəndələri görüşdü",
    "refugee_family": "Könüllülər qaçqın ailəsinə ev təmir etdi",
    "courses": "Tibbi yardım kursları başlayır",
    "ganja_inflected": "Mingəçevirdə və Gəncədə aksiyalar keçirildi",
    "ganja_bare": "Gəncə parkında ağaclar əkildi",
    "organized": "Forum təşkil edildi",
    "monthly": "Aylıq hesabat dərc olundu",
}

SEVEN_QUERIES = [
    ("seminar", {"seminars"}),
    ("ailə", {"families", "refugee_family"}),
    ("çay", {"river"}),
    ("təşkilat", {"organizations"}),
    ("qaçqınlar", {"families", "refugee_family"}),
    ("kurs", {"courses"}),
    ("Gəncə", {"ganja_inflected", "ganja_bare"}),
]


def releases_create(site_tree, texts: dict[str, str], language: str = "az") -> dict:
    """A release per text (its title and summary), of one organization, in ``language``."""
    organization = OrganizationFactory(
        name="Pressroom Test", locale=site_tree[language].releases.locale
    )
    return {
        key: PressReleasePageFactory(
            parent=site_tree[language].releases,
            title=text,
            summary=text,
            body=[("paragraph", f"<p>{text}</p>")],
            organization=organization,
        )
        for key, text in texts.items()
    }


def run(q: str, language: str = "az"):
    query = parse_search_query(
        QueryDict(f"type=press_release&lang={language}&q={q}"), language=language
    )
    return search_run(query=dataclasses.replace(query, page_size=100), language=language)


def found(results, releases: dict) -> set[str]:
    keys = {release.pk: key for key, release in releases.items()}
    return {keys[hit.id] for hit in results.hits if hit.id in keys}
