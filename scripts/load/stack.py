"""The rehearsal's stack: the processes docs/deploy.md runs, started on this machine.

PostgreSQL is already up (scripts/postgres.sh runs the driver); this module starts two
Elasticsearch nodes with scripts/elasticsearch/es.sh, gunicorn with the production settings,
the two ``db_worker`` processes and the staff publisher, and stops every one of them, and
deletes their files, in ``close()`` whatever happened before.
"""

import os
import secrets
import shlex
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PYTHON = os.environ.get("LOAD_PYTHON", str(REPO / ".venv" / "bin" / "python"))
BIN = Path(PYTHON).parent
GUNICORN_PORT = int(os.environ.get("LOAD_PORT", "8011"))
GUNICORN_WORKERS = int(os.environ.get("LOAD_WORKERS", "5"))
GUNICORN_TIMEOUT = 60


@dataclass
class EsNode:
    """One node of the rehearsal's cluster; never the shared development node on 9200."""

    name: str
    http_port: int
    transport_port: int
    peer_transport_port: int
    bootstrap: bool
    directory: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    def env(self) -> dict[str, str]:
        return {
            **os.environ,
            "ES_CLUSTER": "pressroom-load",
            "ES_NODE_NAME": self.name,
            "ES_PORT": str(self.http_port),
            "ES_TRANSPORT_PORT": str(self.transport_port),
            "ES_SEED_HOSTS": f"127.0.0.1:{self.peer_transport_port}",
            "ES_BOOTSTRAP": "1" if self.bootstrap else "",
            "ES_NODE_DIR": str(self.directory),
            "ES_HEAP": "512m",
        }

    def start(self) -> subprocess.Popen:
        return subprocess.Popen(
            ["bash", str(REPO / "scripts/elasticsearch/es.sh"), "start"], env=self.env()
        )

    def stop(self) -> None:
        subprocess.run(
            ["bash", str(REPO / "scripts/elasticsearch/es.sh"), "stop"],
            env=self.env(),
            check=False,
            capture_output=True,
        )

    def kill(self) -> None:
        """SIGKILL, as a machine that loses power."""
        pid_file = self.directory / "run" / "elasticsearch.pid"
        if pid_file.exists():
            os.kill(int(pid_file.read_text().strip()), signal.SIGKILL)


@dataclass
class Stack:
    """Everything the rehearsal started; ``close()`` undoes it all."""

    workdir: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="pressroom-load.")))
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)
    nodes: list[EsNode] = field(default_factory=list)
    env: dict[str, str] = field(default_factory=dict)
    starting: list[subprocess.Popen] = field(default_factory=list)

    def __post_init__(self):
        # Elasticsearch runs as nobody when we are root: it must reach its folders in here.
        os.chmod(self.workdir, 0o755)  # noqa: S103
        self.nodes = [
            EsNode("load-1", 9211, 9311, 9312, True, self.workdir / "es-1"),
            EsNode("load-2", 9212, 9312, 9311, False, self.workdir / "es-2"),
        ]
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            # The rehearsal only: no TLS proxy in front, so plain HTTP must not redirect.
            "SECURE_SSL_REDIRECT": "false",
            "PRESSROOM_PROXY_COUNT": "0",
            "ELASTICSEARCH_URL": ",".join(node.url for node in self.nodes),
            "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
            "SEARCH_SYNC_APPLY": "task",
            "STATIC_ROOT": str(self.workdir / "static"),
            "MEDIA_ROOT": str(self.workdir / "media"),
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            # Every simulated reader comes from 127.0.0.1: one address's allowance would
            # otherwise be shared by all of them and the rehearsal would measure the limiter.
            "PRESSROOM_API_ANON_RATE": "100000000/min",
            "PRESSROOM_API_TOKEN_RATE": "100000000/min",
            # The webhook receiver is the driver, on loopback.
            "PRESSROOM_WEBHOOKS_ALLOW_LOOPBACK": "true",
            "PRESSROOM_WEBHOOKS_BACKOFF": "2",
            "LOG_LEVEL": "WARNING",
        }

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{GUNICORN_PORT}"

    def log(self, name: str):
        return open(self.workdir / f"{name}.log", "ab")

    def manage(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run(
            [PYTHON, "manage.py", *args], cwd=REPO, env=self.env, check=check, text=True
        )

    def elasticsearch_start(self) -> None:
        """Both nodes at once: the first bootstraps the cluster, the second joins it.

        Refuses ports where something already answers: es.sh would take that node for ours.
        """
        for node in self.nodes:
            if http_get_status(node.url) != 0:
                raise RuntimeError(f"something already answers at {node.url}: stop it first")
        if not self.nodes_start(self.nodes):
            raise RuntimeError("an Elasticsearch node did not start (see es.sh's output)")
        wait_for(f"{self.nodes[0].url}/_cluster/health?wait_for_nodes=2&timeout=60s", 120)

    def nodes_start(self, nodes: list[EsNode]) -> bool:
        """Starts ``nodes`` side by side (es.sh waits for each); whether all came up."""
        self.starting = [node.start() for node in nodes]
        codes = [process.wait() for process in self.starting]
        return all(code == 0 for code in codes)

    def spawn(self, name: str, command: list[str], **kwargs) -> subprocess.Popen:
        log = self.log(name)
        process = subprocess.Popen(
            command, cwd=REPO, env=self.env, stdout=kwargs.pop("stdout", log), stderr=log, **kwargs
        )
        self.processes[name] = process
        return process

    def gunicorn_start(self) -> None:
        self.spawn(
            "gunicorn",
            [
                str(BIN / "gunicorn"),
                "cms.wsgi",
                f"--bind=127.0.0.1:{GUNICORN_PORT}",
                f"--workers={GUNICORN_WORKERS}",
                f"--timeout={GUNICORN_TIMEOUT}",
                "--max-requests=1000",
                "--max-requests-jitter=100",
                f"--access-logfile={self.workdir / 'access.log'}",
            ],
        )
        wait_for(f"{self.base_url}/healthz", 60)

    def gunicorn_worker_pids(self) -> list[int]:
        master = self.processes["gunicorn"].pid
        found = subprocess.run(
            ["pgrep", "-P", str(master)], capture_output=True, text=True, check=False
        )
        return [int(pid) for pid in found.stdout.split()]

    def workers_start(self) -> None:
        """The two workers of docs/deploy.md section 9: tasks (search outbox) and webhooks."""
        manage = [PYTHON, "manage.py", "db_worker", "--queue-name", "*", "--interval", "0.5"]
        self.spawn("tasks-worker", manage)
        self.webhooks_worker_start()

    def webhooks_worker_start(self) -> subprocess.Popen:
        manage = [PYTHON, "manage.py", "db_worker", "--backend", "webhooks", "--queue-name", "*"]
        return self.spawn("webhooks-worker", [*manage, "--interval", "0.5"])

    def workers_restart_exited(self) -> list[str]:
        """Starts again the task workers that exited; their names."""
        exited = [
            name
            for name in ("tasks-worker", "webhooks-worker")
            if self.processes[name].poll() is not None
        ]
        if "tasks-worker" in exited:
            manage = [PYTHON, "manage.py", "db_worker", "--queue-name", "*", "--interval", "0.5"]
            self.spawn("tasks-worker", manage)
        if "webhooks-worker" in exited:
            self.webhooks_worker_start()
        return exited

    def publisher_start(self, *, every: float, start: int) -> subprocess.Popen:
        command = [PYTHON, "manage.py", "load_publish", f"--every={every}", f"--start={start}"]
        return self.spawn("publisher", command, stdout=subprocess.PIPE, text=True, bufsize=1)

    def stop(self, name: str) -> None:
        process = self.processes.pop(name, None)
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def postgres(self, action: str) -> None:
        """``stop`` or ``start`` the cluster scripts/postgres.sh made, on its own port."""
        data = os.environ["PRESSROOM_PG_DATA"]
        pg_ctl = [os.environ["PRESSROOM_PG_BINDIR"] + "/pg_ctl", "-D", data, "-w", "-t", "30"]
        if action == "stop":
            command = [*pg_ctl, "-m", "fast", "stop"]
        else:
            # postmaster.opts holds the options of the last start (the port among them).
            saved = shlex.split(Path(data, "postmaster.opts").read_text())[1:]
            options = " ".join(shlex.quote(o) for o in saved if o not in ("-D", data))
            command = [*pg_ctl, "-l", f"{data}/../server.log", "-o", options, "start"]
        as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run([*as_postgres, *command], check=True, capture_output=True)

    def close(self) -> None:
        for name in list(self.processes):
            self.stop(name)
        for process in self.starting:
            if process.poll() is None:
                process.kill()
        for node in self.nodes:
            node.stop()
        # The processes' logs and Locust's CSV files outlive the run, for reading afterwards.
        kept = REPO / "var" / "load"
        subprocess.run(["rm", "-rf", "--", str(kept)], check=False)
        kept.mkdir(parents=True)
        for path in [*self.workdir.glob("*.log"), *self.workdir.glob("*.csv")]:
            shutil.copy(path, kept)
        subprocess.run(["rm", "-rf", "--", str(self.workdir)], check=False)


def http_get_status(url: str) -> int:
    """The status of GET ``url``; 0 when nothing answers."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return 0


def wait_for(url: str, seconds: float) -> None:
    """Until ``url`` answers 200, or RuntimeError after ``seconds``."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"no answer from {url} after {seconds:.0f}s")
        time.sleep(0.5)
