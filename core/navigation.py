"""The site's main navigation, filled by the apps: each adds its section with a hook.

Core's header shows "Home" first and "Advanced search" last; between them come the items
of the ``main_menu_item`` Wagtail hook, in hook order (``hooks.register(..., order=N)``).
Core so links to the press releases, the directory or the events without knowing them.
"""

from dataclasses import dataclass

from django.http import HttpRequest
from wagtail import hooks

MAIN_MENU_HOOK = "main_menu_item"


@dataclass(frozen=True)
class MainMenuItem:
    label: str
    url: str


def main_menu_items(request: HttpRequest | None) -> list[MainMenuItem]:
    """The apps' items for this request, in the active language.

    Each hook takes the request and returns a ``MainMenuItem`` (its label translated, its
    URL in the active language), or None when the language has nothing to link to yet.
    """
    items = (hook(request) for hook in hooks.get_hooks(MAIN_MENU_HOOK))
    return [item for item in items if item is not None]
