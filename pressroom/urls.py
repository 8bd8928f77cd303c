"""Feed URLs (RSS, Atom, JSON Feed), mounted under each language prefix so a feed is in one language.

Organization and topic slugs may be Unicode (Azerbaijani), so they use ``str``
rather than ``slug``, which is ASCII-only; unknown slugs are the feed's 404.
"""

from django.urls import path

from .feeds import AtomReleasesFeed, JsonReleasesFeed, ReleasesFeed

urlpatterns = [
    path("feeds/releases.rss", ReleasesFeed(), name="feed-rss"),
    path("feeds/releases.atom", AtomReleasesFeed(), name="feed-atom"),
    path("feeds/releases.json", JsonReleasesFeed(), name="feed-json"),
    path(
        "feeds/organizations/<str:organization>.rss", ReleasesFeed(), name="organization-feed-rss"
    ),
    path(
        "feeds/organizations/<str:organization>.atom",
        AtomReleasesFeed(),
        name="organization-feed-atom",
    ),
    path(
        "feeds/organizations/<str:organization>.json",
        JsonReleasesFeed(),
        name="organization-feed-json",
    ),
    path("feeds/topics/<str:topic>.rss", ReleasesFeed(), name="topic-feed-rss"),
    path("feeds/topics/<str:topic>.atom", AtomReleasesFeed(), name="topic-feed-atom"),
    path("feeds/topics/<str:topic>.json", JsonReleasesFeed(), name="topic-feed-json"),
]
