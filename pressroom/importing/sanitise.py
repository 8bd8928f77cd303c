"""Legacy body HTML to Wagtail rich text, limited to what the paragraph block can edit."""

import html
import re

import nh3

# Mirrors pressroom.blocks.RICH_TEXT_FEATURES (bold, italic, link, ol, ul, h3, h4):
# anything else could be stored but not edited, and would be lost on the next save.
ALLOWED_TAGS = frozenset({"p", "br", "h3", "h4", "b", "strong", "i", "em", "ul", "ol", "li", "a"})
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
# Removed together with their text: their content is code or metadata, not prose.
DROPPED_WITH_CONTENT = frozenset({"script", "style", "template", "noscript", "iframe", "object"})
BLANK_LINES = re.compile(r"\n\s*\n")


def body_html_sanitise(body_html: str) -> str:
    """Returns rich text that keeps only the allow-listed tags, href and safe URL schemes.

    A body with no markup at all is plain text: its blank-line-separated parts become
    paragraphs, escaped, so the editor shows the same paragraphs the archive had.
    """
    body_html = body_html.strip()
    if not body_html:
        return ""
    if "<" not in body_html:
        return "".join(
            f"<p>{html.escape(part.strip(), quote=False)}</p>"
            for part in BLANK_LINES.split(body_html)
            if part.strip()
        )
    return nh3.clean(
        body_html,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        # Wagtail stores external links as bare <a href>; rel is added when rendering if needed.
        link_rel=None,
        # Relative links would point into this site, not the archive they came from.
        url_relative="deny",
    ).strip()
