"""One attempt at one webhook delivery: sign, POST to the checked address, record, retry.

urllib3 rather than requests: the connection has to go to the address we checked (not a
fresh DNS answer) while TLS still verifies the certificate for the URL's host name, and
urllib3's connection pools take the address and the TLS host name separately.
"""

import hashlib
import hmac
import random
import time
from datetime import timedelta

import urllib3
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone

from .addresses import WebhookTarget, webhook_target_resolve
from .models import WebhookDelivery

EXCERPT_BYTES = 1024
USER_AGENT = "Pressroom-Webhooks/1.0"
# Beyond its two timeouts, how long an attempt may take before it is presumed dead.
LEASE_MARGIN = 30


def webhook_signature(*, secret: str, timestamp: str, body: bytes) -> str:
    """``sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">``: the timestamp is signed too,
    so a captured request cannot be replayed later with a fresh timestamp."""
    message = timestamp.encode() + b"." + body
    return "sha256=" + hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def webhook_backoff(attempt: int) -> float:
    """Seconds before retry after ``attempt`` failures: exponential, with jitter in its
    upper half so that retries after a partner's outage do not arrive all at once."""
    ceiling = min(
        settings.PRESSROOM_WEBHOOKS_BACKOFF_MAX,
        settings.PRESSROOM_WEBHOOKS_BACKOFF * 2 ** (attempt - 1),
    )
    return ceiling / 2 + random.uniform(0, ceiling / 2)  # noqa: S311 - not cryptographic


def webhook_post(*, target: WebhookTarget, body: bytes, headers: dict) -> tuple[int, str]:
    """POSTs ``body`` to ``target.address``; returns the status and a response excerpt."""
    timeout = urllib3.Timeout(
        connect=settings.PRESSROOM_WEBHOOKS_CONNECT_TIMEOUT,
        read=settings.PRESSROOM_WEBHOOKS_READ_TIMEOUT,
    )
    options = {"timeout": timeout, "retries": False, "maxsize": 1}
    if target.scheme == "https":
        pool = urllib3.HTTPSConnectionPool(
            target.address,
            target.port,
            server_hostname=target.host,
            assert_hostname=target.host,
            cert_reqs="CERT_REQUIRED",
            **options,
        )
    else:
        pool = urllib3.HTTPConnectionPool(target.address, target.port, **options)
    with pool:
        response = pool.urlopen(
            "POST",
            target.path,
            body=body,
            headers={**headers, "Host": target.host_header},
            redirect=False,
            assert_same_host=False,
            preload_content=False,
        )
        try:
            excerpt = response.read(EXCERPT_BYTES, decode_content=False)
        finally:
            response.release_conn()
    return response.status, excerpt.decode("utf-8", errors="replace")


def webhook_delivery_lease(delivery: WebhookDelivery) -> bool:
    """Claims the delivery for one attempt, recorded before anything is sent; False when it
    is not due (a retry's time has not come, or another attempt holds it).

    A worker killed during the POST (SIGKILL, a lost machine) records nothing, and its task
    stays "running" for ever. So the attempt first moves the delivery's next attempt to when
    it must have ended (both timeouts plus ``LEASE_MARGIN``) and queues a task for that time:
    if the attempt finished, that task finds the delivery delivered, failed or rescheduled
    and does nothing; if not, it sends the delivery again, with the same delivery id.
    """
    from .tasks import webhook_delivery_send

    now = timezone.now()
    timeouts = (
        settings.PRESSROOM_WEBHOOKS_CONNECT_TIMEOUT + settings.PRESSROOM_WEBHOOKS_READ_TIMEOUT
    )
    lease = now + timedelta(seconds=timeouts + LEASE_MARGIN)
    # Compare and set in one statement: of two tasks due at once, one attempt goes out.
    due = Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    pending = WebhookDelivery.objects.filter(due, pk=delivery.pk, status=delivery.status)
    if not pending.update(next_attempt_at=lease):
        return False
    delivery.next_attempt_at = lease
    webhook_delivery_send.using(run_after=lease).enqueue(str(delivery.pk))
    return True


def webhook_delivery_attempt(*, delivery_id: str) -> WebhookDelivery:
    """Attempts a pending delivery once; schedules the next attempt if it failed."""
    delivery = WebhookDelivery.objects.select_related("webhook__partner").get(pk=delivery_id)
    if delivery.status != WebhookDelivery.Status.PENDING or not webhook_delivery_lease(delivery):
        return delivery
    webhook = delivery.webhook
    delivery.attempts += 1
    delivery.last_attempt_at = timezone.now()
    delivery.status_code = None
    delivery.response_excerpt = ""
    delivery.error = ""
    retry = True
    if not (webhook.active and webhook.partner.active):
        delivery.error = "The webhook or its partner site was deactivated."
        retry = False
    else:
        timestamp = str(int(time.time()))
        body = delivery.body.encode()
        headers = {
            "Content-Type": "application/json",
            "User-Agent": USER_AGENT,
            "X-Pressroom-Event": delivery.event,
            "X-Pressroom-Delivery": str(delivery.pk),
            "X-Pressroom-Timestamp": timestamp,
            "X-Pressroom-Signature": webhook_signature(
                secret=webhook.secret, timestamp=timestamp, body=body
            ),
        }
        try:
            target = webhook_target_resolve(webhook.url)
            status, excerpt = webhook_post(target=target, body=body, headers=headers)
        except ValidationError as error:
            delivery.error = "; ".join(error.messages)[:500]
            # A refused address stays refused; a name that does not resolve may come back.
            retry = error.code == "dns"
        except (urllib3.exceptions.HTTPError, OSError) as error:
            delivery.error = f"{type(error).__name__}: {error}"[:500]
        else:
            delivery.status_code = status
            delivery.response_excerpt = excerpt
            if 200 <= status < 300:
                delivery.status = WebhookDelivery.Status.DELIVERED
                delivery.delivered_at = timezone.now()
                delivery.next_attempt_at = None
                delivery.save()
                return delivery
    if retry and delivery.attempts < settings.PRESSROOM_WEBHOOKS_MAX_ATTEMPTS:
        delivery.next_attempt_at = timezone.now() + timedelta(
            seconds=webhook_backoff(delivery.attempts)
        )
    else:
        delivery.status = WebhookDelivery.Status.FAILED
        delivery.next_attempt_at = None
    delivery.save()
    if delivery.next_attempt_at is not None:
        from .tasks import webhook_delivery_send

        webhook_delivery_send.using(run_after=delivery.next_attempt_at).enqueue(str(delivery.pk))
    return delivery
