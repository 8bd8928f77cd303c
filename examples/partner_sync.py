#!/usr/bin/env python3
"""Mirror Pressroom's press releases into a local SQLite file, with the standard library only.

    python examples/partner_sync.py --api https://pressroom.example.org/api/v3/ \\
        --db mirror.sqlite3 [--token TOKEN]

Run it as often as you like (from cron, say): each run asks the changes feed
(``press-releases/changes/``) for what changed since the cursor it stored last time, applies
every item in order (an ``upsert`` stores the release as the API returns it, a ``delete``
removes it), and stores the new cursor in the same SQLite transaction as the items. A run
that dies half-way therefore leaves the mirror as it was after the last complete response,
and the next run asks again from there; applying an item twice changes nothing.

The first run, with no cursor, fetches every public release. The mirror's ``releases``
table holds one row per release: its ID, external ID, when it last changed, and its JSON.
Partners with a token (``--token`` or the PRESSROOM_TOKEN environment variable) get their
own rate limit; the feed works without one. Busy (429) and failing (5xx) answers are retried
after the server's ``Retry-After`` or an exponential backoff.
"""

import argparse
import contextlib
import dataclasses
import json
import os
import sqlite3
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

SCHEMA = """
CREATE TABLE IF NOT EXISTS releases (
    id INTEGER PRIMARY KEY,
    external_id TEXT,
    changed_at TEXT NOT NULL,
    item TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
PAGE_SIZE = 100
ATTEMPTS = 6
TIMEOUT_SECONDS = 30
RETRY_STATUSES = {429, 500, 502, 503, 504}


@dataclasses.dataclass
class SyncResult:
    requests: int = 0
    upserts: int = 0
    deletes: int = 0
    cursor: str | None = None


def sync(
    *,
    api: str,
    db_path: str,
    token: str | None = None,
    page_size: int = PAGE_SIZE,
    backoff_seconds: float = 1.0,
) -> SyncResult:
    """Brings the mirror at ``db_path`` up to date with the API at ``api`` (…/api/v3/)."""
    result = SyncResult()
    url = urllib.parse.urljoin(api if api.endswith("/") else api + "/", "press-releases/changes/")
    with contextlib.closing(sqlite3.connect(db_path)) as connection:
        connection.executescript(SCHEMA)
        result.cursor = _cursor(connection)
        while True:
            params = {"limit": page_size, **({"since": result.cursor} if result.cursor else {})}
            page = _get_json(
                f"{url}?{urllib.parse.urlencode(params)}",
                token=token,
                backoff_seconds=backoff_seconds,
            )
            result.requests += 1
            with connection:  # one transaction: the items and the cursor, or neither
                for change in page["items"]:
                    _apply(connection, change, result)
                connection.execute(
                    "INSERT OR REPLACE INTO sync_state (key, value) VALUES ('cursor', ?)",
                    (page["next_since"],),
                )
            result.cursor = page["next_since"]
            if not page["has_more"]:
                return result


def mirror_items(db_path: str) -> dict[int, dict]:
    """The mirrored releases by ID, as the API returned them."""
    with contextlib.closing(sqlite3.connect(db_path)) as connection:
        rows = connection.execute("SELECT id, item FROM releases").fetchall()
    return {id: json.loads(item) for id, item in rows}


def _cursor(connection: sqlite3.Connection) -> str | None:
    row = connection.execute("SELECT value FROM sync_state WHERE key = 'cursor'").fetchone()
    return row[0] if row else None


def _apply(connection: sqlite3.Connection, change: dict, result: SyncResult) -> None:
    if change["action"] == "upsert":
        connection.execute(
            "INSERT INTO releases (id, external_id, changed_at, item) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (id) DO UPDATE SET external_id = excluded.external_id,"
            " changed_at = excluded.changed_at, item = excluded.item",
            (
                change["id"],
                change["item"].get("external_id"),
                change["changed_at"],
                json.dumps(change["item"], ensure_ascii=False, sort_keys=True),
            ),
        )
        result.upserts += 1
    elif change["action"] == "delete":
        connection.execute("DELETE FROM releases WHERE id = ?", (change["id"],))
        result.deletes += 1
    # Other actions may come in later versions of the feed: skip what we do not know.


def _get_json(url: str, *, token: str | None, backoff_seconds: float) -> dict:
    """GETs ``url``, retrying network errors, 429 and 5xx; any other error is raised."""
    headers = {"Accept": "application/json", "User-Agent": "pressroom-partner-sync/1"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 (http(s) only, below)
    if urllib.parse.urlsplit(url).scheme not in {"http", "https"}:
        raise ValueError(f"Not an http(s) URL: {url}")
    attempt = 0
    while True:
        wait = backoff_seconds * 2**attempt
        attempt += 1
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
                return json.load(response)
        except urllib.error.HTTPError as error:
            if error.code not in RETRY_STATUSES or attempt == ATTEMPTS:
                raise
            retry_after = error.headers.get("Retry-After", "")
            if retry_after.isdigit():
                wait = max(wait, int(retry_after))
        except (urllib.error.URLError, TimeoutError, ConnectionError):
            if attempt == ATTEMPTS:
                raise
        time.sleep(wait)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--api", required=True, help="the API root, e.g. https://…/api/v3/")
    parser.add_argument("--db", required=True, help="the SQLite file to keep the mirror in")
    parser.add_argument("--token", default=os.environ.get("PRESSROOM_TOKEN"))
    parser.add_argument("--page-size", type=int, default=PAGE_SIZE)
    args = parser.parse_args(argv)
    result = sync(api=args.api, db_path=args.db, token=args.token, page_size=args.page_size)
    print(
        f"{result.upserts} stored, {result.deletes} removed in {result.requests} requests;"
        f" cursor {result.cursor}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
