from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Organization accounts: registration with staff approval, login, password reset, lockout."""

    name = "accounts"
    verbose_name = "Organization accounts"
