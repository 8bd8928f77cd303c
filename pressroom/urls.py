from django.urls import path

from .feeds import AtomReleasesFeed, ReleasesFeed

urlpatterns = [
    path("feeds/releases.rss", ReleasesFeed(), name="feed-rss"),
    path("feeds/releases.atom", AtomReleasesFeed(), name="feed-atom"),
    path(
        "feeds/organizations/<slug:organization>.rss", ReleasesFeed(), name="organization-feed-rss"
    ),
    path(
        "feeds/organizations/<slug:organization>.atom",
        AtomReleasesFeed(),
        name="organization-feed-atom",
    ),
    path("feeds/topics/<slug:topic>.rss", ReleasesFeed(), name="topic-feed-rss"),
    path("feeds/topics/<slug:topic>.atom", AtomReleasesFeed(), name="topic-feed-atom"),
]
