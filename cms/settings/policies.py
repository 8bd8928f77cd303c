"""The browser policies of every response: Content-Security-Policy (django-csp) and
Permissions-Policy (django-permissions-policy), kept apart from the other settings."""

from urllib.parse import urlsplit

from csp.constants import NONE, SELF, UNSAFE_INLINE


def csp_settings(media_url: str) -> tuple[dict, dict]:
    """The site's policy, enforced on every response, and the directives the admin
    replaces (core.middleware).

    The public site runs
    only scripts from its own origin, none inline: templates load theirs from static files.
    Wagtail's responsive embeds size their box with a style attribute (which cannot run
    code), and release bodies embed players (YouTube, Vimeo, ...) in iframes of their own.
    Images, audio and video may come from a media host of their own (MEDIA_URL).
    """
    media = urlsplit(media_url)
    # A CSP host source: "https://media.example.org", or "media.example.org" for "//media...".
    media_sources = [f"{media.scheme}://{media.netloc}".removeprefix("://")] if media.netloc else []
    policy = {
        "DIRECTIVES": {
            "default-src": [SELF],
            "script-src": [SELF],
            "style-src": [SELF],
            "style-src-attr": [UNSAFE_INLINE],
            "img-src": [SELF, "data:", *media_sources],
            "media-src": [SELF, *media_sources],
            "frame-src": [SELF, "https:"],
            "object-src": [NONE],
            "base-uri": [SELF],
            "form-action": [SELF],
            "frame-ancestors": [SELF],
        }
    }
    # Wagtail's admin (under /admin/) initialises widgets and panels with inline scripts and
    # styles, shows Gravatar avatars and embed previews, and asks wagtail.org for new releases:
    # core.middleware replaces these directives of the policy above there, as django-csp's
    # @csp_replace would on a view of ours. Only signed-in staff work in the admin.
    admin = {
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:", "https:", *media_sources],
        "connect-src": [SELF, "https://releases.wagtail.org"],
    }
    return policy, admin


def permissions_policy() -> dict:
    """No page of ours uses the camera, the microphone, the location or other device
    features, so none may, nor any embedded player."""
    return {
        feature: []
        for feature in (
            "accelerometer",
            "ambient-light-sensor",
            "autoplay",
            "bluetooth",
            "browsing-topics",
            "camera",
            "display-capture",
            "geolocation",
            "gyroscope",
            "hid",
            "idle-detection",
            "magnetometer",
            "microphone",
            "midi",
            "payment",
            "serial",
            "usb",
            "xr-spatial-tracking",
        )
    }
