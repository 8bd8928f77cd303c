"""A release page's extras: its head (description, canonical and translated URLs, social
cards), the organization's other releases and the feeds to subscribe to."""

import re

from django import template
from django.utils.text import Truncator

from pressroom import feeds, selectors

register = template.Library()

DESCRIPTION_LENGTH = 200
# Open Graph's recommended size for link previews.
SHARE_IMAGE_SPEC = "fill-1200x630"
OG_LOCALES = {"en": "en_GB", "az": "az_AZ"}
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def release_description(release) -> str:
    """The summary, else the first sentence of the body, cut at a word under 200 characters."""
    text = release.summary.strip()
    if not text:
        for block in release.body:
            content = " ".join(block.block.get_searchable_content(block.value)).strip()
            if content and block.block_type != "heading":
                text = _SENTENCE_END.split(content, maxsplit=1)[0]
                break
    return Truncator(" ".join(text.split())).chars(DESCRIPTION_LENGTH)


def _share_image(release):
    for block in release.body:
        if block.block_type == "image" and block.value.get("image"):
            return block.value["image"].get_rendition(SHARE_IMAGE_SPEC)
    return None


@register.inclusion_tag("pressroom/includes/release_meta.html", takes_context=True)
def release_meta(context, release) -> dict:
    request = context.get("request")
    canonical = release.get_full_url(request)
    translations = release.get_translations(inclusive=True).live().select_related("locale")
    alternates = [
        {"language": translation.locale.language_code, "url": translation.get_full_url(request)}
        for translation in translations.order_by("locale__language_code")
    ]
    image = _share_image(release)
    language = release.locale.language_code
    return {
        "release": release,
        "description": release_description(release),
        "canonical": canonical,
        "alternates": alternates if len(alternates) > 1 else [],
        "image_url": request.build_absolute_uri(image.url) if image and request else "",
        "og_locale": OG_LOCALES.get(language, language),
    }


@register.simple_tag
def more_from_organization(release, limit: int = 3) -> list:
    """The issuer's latest other releases in the release's language, while it is public."""
    if release.issuer is None:
        return []
    return list(selectors.releases_more_from(release, limit=limit))


FEED_FORMATS = {
    "application/rss+xml": "RSS",
    "application/atom+xml": "Atom",
    "application/feed+json": "JSON Feed",
}


@register.simple_tag
def subscribe_feeds(release) -> list[dict]:
    """The feeds of the release's organization and of each of its topics, one row a subject."""
    subjects = []
    if release.issuer is not None:
        subjects.append(feeds.organization_feed_urls(release.issuer))
    subjects += [feeds.topic_feed_urls(topic) for topic in release.topics.all()]
    return [
        {
            "title": links[0]["title"].removesuffix(" (RSS)"),
            "links": [{**link, "format": FEED_FORMATS[link["type"]]} for link in links],
        }
        for links in subjects
    ]
