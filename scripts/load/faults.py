"""The rehearsal's fault scenarios, each under mixed traffic with staff publishing.

Each returns a report section: what was done, Locust's figures for the scenario's run,
errors, and how long recovery took. A scenario that misses its goal says so; nothing here
retries or hides a failure.
"""

import json
import os
import signal
import time
import urllib.parse
import urllib.request

from observe import Prober, http_get, recovery_seconds
from report import step_table
from steps import locust_finish, locust_run, locust_start, server_errors

FAULT_USERS = int(os.environ.get("LOAD_FAULT_USERS", "20"))
SEARCH_ROWS = ("search", "search ?topic", "api search", "autocomplete (JSON)")


def _seconds(value: float | None) -> str:
    return "never" if value is None else f"{value:.1f} s"


def _verdict(observed: bool, met: bool) -> str:
    """A scenario whose fault was never seen by the traffic proves nothing either way."""
    if not observed:
        return "inconclusive (the fault was not observed)"
    return "met" if met else "not met"


def _ms(value: float | None) -> str:
    return "none" if value is None else f"{value:.0f} ms"


def _wait(seconds: float) -> None:
    time.sleep(max(seconds, 0))


def _failed(result, names=None) -> int:
    return sum(
        row["failures"]
        for row in result.rows
        if row["name"] != "Aggregated" and (names is None or row["name"] in names)
    )


def _green_after(stack, since: float, timeout: float = 300) -> float | None:
    url = f"{stack.nodes[0].url}/_cluster/health?wait_for_status=green&wait_for_nodes=2&timeout=10s"
    while time.time() - since < timeout:
        status, body = http_get(url, timeout=15)
        if status == 200 and json.loads(body).get("status") == "green":
            return time.time() - since
        time.sleep(1)
    return None


def fault_node_killed(*, stack, settings, targets, **_) -> tuple[str, list[str]]:
    """a) One Elasticsearch node SIGKILLed mid-run: the replica answers; the cluster heals."""
    seconds = settings["fault_seconds"]
    run = locust_start(
        stack, label="Fault a", users=FAULT_USERS, seconds=seconds, mix="mixed", targets=targets
    )
    prober = Prober(stack.base_url, ["/en/search/?q=water", "/api/v3/search/?q=election"])
    _wait(seconds / 4)
    status, body = http_get(f"{stack.nodes[0].url}/_cat/master?h=node")
    master = body.decode().strip() if status == 200 else ""
    victim = next(node for node in stack.nodes if node.name != master)
    killed_at = time.time()
    victim.kill()
    _wait(seconds / 3)
    returned_at = time.time()
    stack.nodes_start([victim])
    heal = _green_after(stack, returned_at)
    result = locust_finish(*run)
    samples = prober.stop()
    probe_failures = [s for s in samples if s[0] >= killed_at and s[2] != 200]
    search_failures = _failed(result, SEARCH_ROWS)
    lines = [
        f"Killed `{victim.name}` (SIGKILL; not the elected master `{master}`) after "
        f"{seconds / 4:.0f} s, restarted it {seconds / 3:.0f} s later.",
        "",
        f"- Failed searches (Locust, search rows): **{search_failures}**; "
        f"failed probes of search: {len(probe_failures)} of {len([s for s in samples if s[0] >= killed_at])}",
        f"- Cluster green again {_seconds(heal)} after the node was restarted",
        f"- Goal (zero failed searches, cluster heals): **{'met' if search_failures == 0 and not probe_failures and heal is not None else 'not met'}**",
        "",
        *step_table(result),
    ]
    return "Fault a: one Elasticsearch node killed", lines


def _indexed(stack, marker: str) -> bool:
    query = urllib.parse.urlencode({"q": marker, "size": 0})
    status, body = http_get(f"{stack.nodes[0].url}/pressroom_*/_search?{query}")
    return status == 200 and json.loads(body)["hits"]["total"]["value"] > 0


def fault_cluster_down(*, stack, watcher, settings, targets, **_) -> tuple[str, list[str]]:
    """b) Both nodes down while staff publish: fallback answers, no 5xx, nothing lost."""
    outage = settings["outage_seconds"]
    down_at = time.time()
    for node in stack.nodes:
        node.kill()
    result = locust_run(
        stack, label="Fault b", users=FAULT_USERS, seconds=outage, mix="mixed", targets=targets
    )
    up_at = time.time()
    stack.nodes_start(stack.nodes)
    heal = _green_after(stack, up_at)
    during = [p for p in watcher.published if "error" not in p and down_at <= p["seen_at"] <= up_at]
    deadline, missing = time.time() + 120, during
    while missing and time.time() < deadline:
        missing = [p for p in missing if not _indexed(stack, p["marker"])]
        if missing:
            time.sleep(1)
    caught_up = time.time() - up_at
    failed_publishes = [
        p for p in watcher.published if "error" in p and down_at <= p["seen_at"] <= up_at
    ]
    search = [result.row(name) for name in ("search", "search ?topic")]
    p95 = max((row["p95"] for row in search if row and row["p95"] is not None), default=None)
    fives = server_errors(result)
    met = fives == 0 and not missing and not failed_publishes and p95 is not None and p95 < 1000
    lines = [
        f"Both nodes SIGKILLed for {outage} s under {FAULT_USERS} users while staff published; then restarted.",
        "",
        f"- 5xx during the outage: **{fives}**; failed requests: {_failed(result)}",
        f"- Search page p95 during the outage (the fallback): **{_ms(p95)}**",
        f"- Publishes during the outage: {len(during)} succeeded, {len(failed_publishes)} failed",
        f"- Cluster green {_seconds(heal)} after restart",
        f"- Releases published during the outage missing from the index: **{len(missing)}** "
        f"({f'all indexed {caught_up:.0f} s after restart' if not missing else 'after 120 s'})",
        f"- Goal (fallback p95 < 1 s, zero 5xx, publishes succeed, zero lost index updates): **{'met' if met else 'not met'}**",
        "",
        *step_table(result),
    ]
    return "Fault b: both Elasticsearch nodes down", lines


def fault_postgres_restart(*, stack, watcher, settings, targets, **_) -> tuple[str, list[str]]:
    """c) PostgreSQL stopped and started mid-run: fast 503s, recovery without a gunicorn restart."""
    seconds = settings["fault_seconds"]
    downtime = max(seconds // 8, 5)
    master = stack.processes["gunicorn"].pid
    run = locust_start(
        stack, label="Fault c", users=FAULT_USERS, seconds=seconds, mix="mixed", targets=targets
    )
    release = json.loads(targets.read_text())["recent"][0]["path"]
    prober = Prober(stack.base_url, ["/en/", release, "/healthz"])
    _wait(seconds / 4)
    stopped_at = time.time()
    stack.postgres("stop")
    _wait(downtime)
    started_at = time.time()
    stack.postgres("start")
    result = locust_finish(*run)
    samples = prober.stop()
    exited = stack.workers_restart_exited()
    window = [s for s in samples if s[0] >= stopped_at]
    failed = [s for s in window if s[2] != 200]
    statuses = sorted({s[2] for s in failed})
    slowest = max((s[3] for s in failed), default=0.0)
    recovered = recovery_seconds(samples, fault_at=started_at)
    same_master = (
        stack.processes["gunicorn"].poll() is None and stack.processes["gunicorn"].pid == master
    )
    publishes = [p for p in watcher.published if stopped_at <= p["seen_at"]]
    # No failed probe at all means the outage went unseen (requests queued past it), not passed.
    met = statuses == [503] and slowest < 5 and recovered is not None and same_master
    lines = [
        f"PostgreSQL stopped (`pg_ctl stop -m fast`) for {downtime} s under {FAULT_USERS} users, then started.",
        "",
        f"- Probe answers while it was down: statuses {statuses or 'none failed'}, slowest failed answer {slowest:.2f} s",
        f"- All probes 200 again {_seconds(recovered)} after PostgreSQL was back; gunicorn master unchanged: {same_master}",
        f"- Staff publishes from the stop on: {len([p for p in publishes if 'error' not in p])} succeeded, {len([p for p in publishes if 'error' in p])} failed",
        f"- 5xx other than 503 (Locust): {sum(f['count'] for f in result.failures if '503' not in f['error'])}",
        f"- Task workers that exited during the outage (restarted, as systemd's `Restart=always` would): {', '.join(exited) or 'none'}",
        f"- Goal (503s that fail fast, recovery without restarting gunicorn): **{_verdict(bool(failed), met)}**",
        "",
        *step_table(result),
    ]
    return "Fault c: PostgreSQL restarted", lines


def fault_webhook_worker_killed(*, stack, watcher, receiver, **_) -> tuple[str, list[str]]:
    """d) The webhooks worker SIGKILLed mid-delivery: every delivery still arrives."""
    receiver.delay = 4.0
    deadline = time.time() + 60
    while receiver.in_flight == 0 and time.time() < deadline:
        time.sleep(0.05)
    caught = receiver.in_flight > 0
    _wait(0.5)
    stack.processes.pop("webhooks-worker").kill()
    killed_at = time.time()
    receiver.delay = 0.0
    stack.webhooks_worker_start()
    published = [p for p in watcher.published if "error" not in p and p["seen_at"] <= killed_at]
    deadline, missing = time.time() + 90, published
    while missing and time.time() < deadline:
        missing = [p for p in published if not receiver.completed_for(p["id"])]
        time.sleep(1)
    ids = {p["id"] for p in published}
    posts = [d for d in receiver.deliveries if d["release"] in ids]
    by_release: dict[int, set] = {}
    for post in posts:
        by_release.setdefault(post["release"], set()).add(post["delivery"])
    repeated = [
        rid for rid, keys in by_release.items() if sum(d["release"] == rid for d in posts) > 1
    ]
    one_key = all(len(by_release[rid]) == 1 for rid in repeated)
    lines = [
        "The webhook receiver was made slow (4 s per answer); the `db_worker --backend webhooks` "
        f"process was SIGKILLed while a delivery was in flight ({'caught one' if caught else 'none seen in 60 s'}) "
        "and started again, as systemd's `Restart=always` would.",
        "",
        f"- Releases published before the kill: {len(published)}; without a completed delivery 90 s later: **{len(missing)}**",
        f"- Requests the receiver saw for them: {len(posts)} ({len([p for p in posts if p['aborted']])} cut off by the kill); "
        f"releases delivered more than once: {len(repeated)}, each with one delivery id: {one_key}",
        f"- Goal (at least once, duplicates with the same idempotency key): **{_verdict(caught, not missing and one_key)}**",
    ]
    return "Fault d: webhooks worker killed mid-delivery", lines


def fault_gunicorn_worker_killed(*, stack, settings, targets, **_) -> tuple[str, list[str]]:
    """e) One gunicorn worker SIGKILLed: nothing lost beyond the request it was serving."""
    seconds = settings["fault_seconds"]
    run = locust_start(
        stack, label="Fault e", users=FAULT_USERS, seconds=seconds, mix="mixed", targets=targets
    )
    _wait(seconds / 3)
    before = stack.gunicorn_worker_pids()
    victim = before[0]
    killed_at = time.time()
    os.kill(victim, signal.SIGKILL)
    replaced = None
    while time.time() - killed_at < 60:
        now = stack.gunicorn_worker_pids()
        if victim not in now and len(now) >= len(before):
            replaced = time.time() - killed_at
            break
        time.sleep(0.1)
    result = locust_finish(*run)
    failed = _failed(result)
    lines = [
        f"One of {len(before)} sync workers SIGKILLed after {seconds / 3:.0f} s under {FAULT_USERS} users.",
        "",
        f"- Failed requests: **{failed}** (a sync worker serves one request at a time)",
        f"- Replacement worker up after {_seconds(replaced)}",
        f"- Goal (no request lost beyond the one it was serving): **{'met' if failed <= 1 else 'not met'}**",
        "",
        *step_table(result),
    ]
    return "Fault e: a gunicorn worker killed", lines


FAULTS = {
    "a": fault_node_killed,
    "b": fault_cluster_down,
    "c": fault_postgres_restart,
    "d": fault_webhook_worker_killed,
    "e": fault_gunicorn_worker_killed,
}
