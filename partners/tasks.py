"""Background tasks of the partners app, run by ``manage.py db_worker --backend webhooks``."""

from django_tasks import task

from .webhook_sender import webhook_delivery_attempt


@task(backend="webhooks")
def webhook_delivery_send(delivery_id: str) -> None:
    webhook_delivery_attempt(delivery_id=delivery_id)
