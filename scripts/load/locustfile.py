"""The rehearsal's readers and partners, for Locust (scripts/load/, docs/load.md).

``LOAD_TARGETS`` names the JSON that ``manage.py load_prepare`` wrote (release paths and ids,
organizations, topics, a partner token). ``LOAD_MIX`` picks the traffic:

- ``mixed`` (default): home, lists with filters and pages, release pages (most reads on the
  5,000 newest, a long tail over the whole archive), the search page with facets, the JSON
  autocomplete, feeds, a static file, and a partner polling the API with its token and
  ``If-None-Match``;
- ``release``: release pages only, among the ``VIRAL`` newest, which the driver has read
  once so the cache holds them (the page cache's figure: one release going viral);
  ``release-uncached``: the same pages with a query string no other request has, so that no
  cache can answer;
- ``search``: the search page with facets only.

``LOAD_THINK=0`` drops the readers' pause between requests: each user then keeps one request
in flight, and a step measures what the server can serve, not what the users ask for.
"""

import datetime
import json
import os
import random
import urllib.parse
import uuid

from locust import FastHttpUser, between, constant, task

with open(os.environ["LOAD_TARGETS"], encoding="utf-8") as targets:
    TARGETS = json.load(targets)
MIX = os.environ.get("LOAD_MIX", "mixed")
WORDS = ("water", "election", "youth", "women", "health", "climate", "budget", "school")
PREFIXES = ("wat", "ele", "you", "hea", "cli", "bud", "sch", "sey")
VIRAL = int(os.environ.get("LOAD_VIRAL", "200"))
THINK = between(0.2, 1.0) if os.environ.get("LOAD_THINK", "1") != "0" else constant(0)


def _recent_release() -> dict:
    """Most reads go to the newest releases; one in five goes anywhere in the archive."""
    if random.random() < 0.2 and TARGETS["tail"]:
        return random.choice(TARGETS["tail"])
    recent = TARGETS["recent"]
    return recent[min(int(random.expovariate(1 / 200)), len(recent) - 1)]


class Reader(FastHttpUser):
    """An anonymous reader of the public site, in the mixed traffic."""

    abstract = MIX != "mixed"
    wait_time = between(0.2, 1.0)
    weight = 4

    @task(30)
    def release(self) -> None:
        self.client.get(_recent_release()["path"], name="release page")

    @task(10)
    def home(self) -> None:
        self.client.get("/en/", name="home")

    @task(12)
    def lists(self) -> None:
        page = random.choice((1, 1, 1, 2, 3, 10))
        choice = random.random()
        if choice < 0.4:
            self.client.get(f"/en/press-releases/?page={page}", name="list")
        elif choice < 0.7:
            topic = random.choice(TARGETS["topics"])
            self.client.get(f"/en/press-releases/?topic={topic}&page={page}", name="list ?topic")
        else:
            organization = random.choice(TARGETS["organizations"])
            self.client.get(
                f"/en/press-releases/?organization={organization}", name="list ?organization"
            )

    @task(10)
    def search(self) -> None:
        _search(self.client)

    @task(8)
    def autocomplete(self) -> None:
        prefix = random.choice(PREFIXES)
        self.client.get(f"/en/search/autocomplete/?q={prefix}", name="autocomplete (JSON)")

    @task(4)
    def feeds(self) -> None:
        path = random.choice(("/en/feeds/releases.rss", "/en/feeds/releases.atom"))
        self.client.get(path, name="feed")

    @task(2)
    def static(self) -> None:
        self.client.get(TARGETS["static"], name="static file")


def _search(client) -> None:
    """The search page: a plain word, or a word with a topic facet, newest first."""
    word = random.choice(WORDS)
    if random.random() < 0.5:
        client.get(f"/en/search/?q={word}", name="search")
    else:
        topic = random.choice(TARGETS["topics"])
        client.get(f"/en/search/?q={word}&topic={topic}&sort=newest", name="search ?topic")


class ReleaseReader(FastHttpUser):
    """Release pages only, as when a few go viral: cached, or never twice the same URL."""

    abstract = MIX not in ("release", "release-uncached")
    wait_time = THINK

    @task
    def release(self) -> None:
        path = random.choice(TARGETS["recent"][:VIRAL])["path"]
        if MIX == "release-uncached":
            self.client.get(f"{path}?nocache={uuid.uuid4().hex}", name="release page (uncached)")
        else:
            self.client.get(path, name="release page")


class Searcher(FastHttpUser):
    """The search page with facets only."""

    abstract = MIX != "search"
    wait_time = THINK

    @task
    def search(self) -> None:
        _search(self.client)


class Partner(FastHttpUser):
    """A partner site polling the API with its token, revalidating with ETags."""

    abstract = MIX != "mixed"
    wait_time = between(0.5, 2.0)
    weight = 1

    def on_start(self) -> None:
        self.headers = {"Authorization": f"Bearer {TARGETS['token']}"}
        self.etags: dict[str, str] = {}
        # A partner already in sync: it asks for the last few minutes, then follows the cursor.
        since = datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=5)
        self.cursor = since.isoformat()

    def conditional(self, path: str, name: str) -> None:
        headers = dict(self.headers)
        if path in self.etags:
            headers["If-None-Match"] = self.etags[path]
        with self.client.get(path, headers=headers, name=name, catch_response=True) as response:
            if response.status_code in (200, 304):
                etag = response.headers.get("ETag")
                if etag:
                    self.etags[path] = etag
                response.success()
            else:
                response.failure(f"HTTP {response.status_code}")

    @task(5)
    def api_list(self) -> None:
        self.conditional("/api/v3/press-releases/?limit=20", "api list")

    @task(4)
    def api_detail(self) -> None:
        release = _recent_release()
        self.conditional(f"/api/v3/press-releases/{release['id']}/", "api detail")

    @task(3)
    def api_changes(self) -> None:
        query = urllib.parse.urlencode({"since": self.cursor, "limit": 100})
        path = f"/api/v3/press-releases/changes/?{query}"
        response = self.client.get(path, headers=self.headers, name="api changes")
        if response.status_code == 200:
            self.cursor = response.json().get("next_since") or self.cursor

    @task(2)
    def api_search(self) -> None:
        word = random.choice(WORDS)
        self.client.get(f"/api/v3/search/?q={word}", headers=self.headers, name="api search")
