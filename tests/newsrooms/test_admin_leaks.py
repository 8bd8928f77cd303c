"""What the admin lists to an organization's user beyond their own newsroom: only what the
public sees. Organization A has an embargoed release, drafts, a release in review, a live
release retitled in an unpublished draft and a private release; B's officer browses the
admin's choosers, explorer, reports and bulk actions and must meet none of their titles."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from pressroom.models import PressReleasePage
from tests.factories import PressReleasePageFactory

from .helpers import actor_client

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def unreleased(world, django_db_blocker) -> dict:
    """A's releases the public cannot see, by state, added to the module's world."""
    newsroom_a = world.newsroom_a.page

    def release(title: str, slug: str, **kwargs) -> PressReleasePage:
        return PressReleasePageFactory(
            parent=newsroom_a, title=title, slug=slug, organization=world.organization_a, **kwargs
        )

    with django_db_blocker.unblock():
        embargoed = release("Embargoed release of A", "a-embargoed", live=False)
        embargoed.go_live_at = timezone.now() + datetime.timedelta(days=3)
        embargoed.save_revision().publish()
        retitled = release("Release of A, live then retitled", "a-retitled")
        retitled.title = "Retitled release of A"
        retitled.save_revision()
        private = release("Private release of A", "a-private")
        PageViewRestriction.objects.create(
            page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
        )
        naming_b = release(
            "Release of A naming B", "a-naming-b", live=False, participants=[world.organization_b]
        )
        pages = {
            "embargoed": embargoed,
            "naming B": naming_b,
            "draft": world.releases["draft"],
            "moderation": world.releases["moderation"],
            "retitled": retitled,
            "private": private,
        }
        return {state: PressReleasePage.objects.get(pk=page.pk) for state, page in pages.items()}


def unreleased_titles(unreleased: dict) -> set[str]:
    """The titles the admin shows for A's unreleased pages (the draft title, for a live one)."""
    return {page.get_admin_display_title() for page in unreleased.values()}


def page_ids(world, unreleased: dict) -> str:
    """A query string naming A's unreleased pages, A's live release and B's own release."""
    pages = [*unreleased.values(), world.releases["live"], world.release_b]
    return "&".join(f"id={page.pk}" for page in pages)


ADMIN_LISTINGS = {
    "page chooser search": lambda world, pages: "/admin/choose-page/search/?q=release",
    "page chooser search for the embargoed": lambda world, pages: (
        "/admin/choose-page/search/?q=embargoed"
    ),
    "page chooser browsing A's newsroom": lambda world, pages: (
        f"/admin/choose-page/{world.newsroom_a.page.pk}/"
    ),
    "link chooser browsing A's newsroom": lambda world, pages: (
        f"/admin/choose-page/{world.newsroom_a.page.pk}/"
        "?allow_external_link=true&allow_email_link=true&link_text=x"
    ),
    "move destination chooser": lambda world, pages: (
        f"/admin/choose-page/{world.newsroom_a.page.pk}/?user_perms=move_to"
    ),
    "page chooser for releases": lambda world, pages: (
        "/admin/choose-page/?page_type=pressroom.pressreleasepage"
    ),
    "page chooser's chosen pages": lambda world, pages: (
        f"/admin/choose-page/chosen-multiple/?{page_ids(world, pages)}"
    ),
    "page search": lambda world, pages: "/admin/pages/search/?q=release",
    "explorer of A's newsroom": lambda world, pages: f"/admin/pages/{world.newsroom_a.page.pk}/",
    "explorer search of the whole tree": lambda world, pages: (
        f"/admin/pages/{world.newsroom_a.page.get_parent().pk}/?q=release&search_all=1"
    ),
    "explorer API": lambda world, pages: (
        f"/admin/api/main/pages/?child_of={world.newsroom_a.page.get_parent().pk}&for_explorer=1"
    ),
    "explorer API search": lambda world, pages: "/admin/api/main/pages/?search=release",
    "locked pages report": lambda world, pages: "/admin/reports/locked/",
    "aging pages report": lambda world, pages: "/admin/reports/aging-pages/",
    "workflows report": lambda world, pages: "/admin/reports/workflow/",
    "workflow tasks report": lambda world, pages: "/admin/reports/workflow_tasks/",
    "site history": lambda world, pages: "/admin/reports/site-history/",
    "page types usage report": lambda world, pages: "/admin/reports/page-types-usage/",
    "dashboard": lambda world, pages: "/admin/",
    "usage of B's directory entry": lambda world, pages: (
        f"/admin/snippets/directory/organization/usage/{world.organization_b.pk}/"
    ),
    **{
        f"bulk {action} confirmation": (
            lambda world, pages, action=action: (
                f"/admin/bulk/wagtailcore/page/{action}/?{page_ids(world, pages)}"
            )
        )
        for action in ("publish", "unpublish", "delete", "move")
    },
    **{
        f"{view} of a draft": (
            lambda world, pages, view=view: f"/admin/pages/{pages['draft'].pk}/{view}/"
        )
        for view in ("history", "usage", "workflow_history", "results")
    },
}


@pytest.mark.parametrize("listing", ADMIN_LISTINGS)
def test_admin_never_shows_another_organization_s_unreleased_titles(world, unreleased, listing):
    url = ADMIN_LISTINGS[listing](world, unreleased)
    response = actor_client(world, "org_b").get(url)
    assert response.status_code in (200, 302), (url, response.content[:300])
    content = response.content.decode()
    assert not {title for title in unreleased_titles(unreleased) if title in content}
    assert f"/{unreleased['embargoed'].slug}/" not in content


def test_page_chooser_search_shows_own_and_live_public_releases(world, unreleased):
    content = actor_client(world, "org_b").get("/admin/choose-page/search/?q=release").content
    assert world.release_b.title in content.decode()
    assert world.releases["live"].title in content.decode()


def test_page_chooser_browses_another_newsroom_s_live_public_releases(world, unreleased):
    url = f"/admin/choose-page/{world.newsroom_a.page.pk}/"
    assert world.releases["live"].title in actor_client(world, "org_b").get(url).content.decode()


def test_page_chooser_answers_chosen_pages_only_with_those_the_user_may_see(world, unreleased):
    url = f"/admin/choose-page/chosen-multiple/?{page_ids(world, unreleased)}&id=x"
    response = actor_client(world, "org_b").get(url)
    chosen = {item["id"] for item in response.json()["result"]}
    assert chosen == {world.releases["live"].pk, world.release_b.pk}


@pytest.mark.parametrize("state", ["embargoed", "draft", "private"])
def test_an_unreleased_page_of_another_organization_cannot_head_a_listing(world, unreleased, state):
    """Browsing "into" a page shows its title, status and URL above its children."""
    client = actor_client(world, "org_b")
    page = unreleased[state]
    for url in (f"/admin/choose-page/{page.pk}/", f"/admin/pages/{page.pk}/"):
        response = client.get(url)
        assert response.status_code == 302
        assert page.get_admin_display_title() not in response.content.decode()
    modal = client.get(
        f"/admin/choose-page/{page.pk}/", headers={"x-requested-with": "XMLHttpRequest"}
    )
    assert modal.status_code == 403


def test_bulk_confirmation_lists_own_releases_and_no_unreleased_of_another(world, unreleased):
    url = f"/admin/bulk/wagtailcore/page/delete/?{page_ids(world, unreleased)}"
    response = actor_client(world, "org_b").get(url)
    assert response.status_code == 200
    assert world.release_b.title in response.content.decode()


def test_bulk_action_on_unreleased_pages_of_another_organization_alone_is_not_found(
    world, unreleased
):
    ids = "&".join(f"id={page.pk}" for page in unreleased.values())
    client = actor_client(world, "org_b")
    for action in ("publish", "unpublish", "delete", "move"):
        response = client.get(f"/admin/bulk/wagtailcore/page/{action}/?{ids}", follow=True)
        assert response.status_code == 404
        response = client.post(f"/admin/bulk/wagtailcore/page/{action}/?{ids}")
        assert response.status_code in (302, 404)
    assert all(PressReleasePage.objects.filter(pk=page.pk).exists() for page in unreleased.values())


def test_page_types_report_is_hidden_from_organization_users(world, unreleased):
    client = actor_client(world, "org_b")
    assert client.get("/admin/reports/page-types-usage/").status_code == 302
    assert "page-types-usage" not in client.get("/admin/reports/site-history/").content.decode()


@pytest.mark.parametrize("actor", ["staff", "superuser"])
def test_staff_still_see_every_page_in_the_admin(world, unreleased, actor):
    client = actor_client(world, actor)
    titles = unreleased_titles(unreleased)
    browse = client.get(f"/admin/choose-page/{world.newsroom_a.page.pk}/").content.decode()
    assert {title for title in titles if title in browse} == titles
    bulk = client.get(f"/admin/bulk/wagtailcore/page/publish/?{page_ids(world, unreleased)}")
    assert {title for title in titles if title in bulk.content.decode()} == titles
    chosen = client.get(f"/admin/choose-page/chosen-multiple/?{page_ids(world, unreleased)}")
    assert len(chosen.json()["result"]) == len(unreleased) + 2
    assert client.get(f"/admin/pages/{unreleased['draft'].pk}/").status_code == 200
    assert client.get("/admin/reports/page-types-usage/").status_code == 200


def test_a_live_release_retitled_in_a_draft_is_listed_only_in_its_own_newsroom(world, unreleased):
    """The admin lists a page under its draft title, so B does not get the page at all."""
    retitled = unreleased["retitled"]
    url = f"/admin/choose-page/{world.newsroom_a.page.pk}/"
    assert retitled.draft_title in actor_client(world, "org_a").get(url).content.decode()
    assert retitled.draft_title not in actor_client(world, "org_b").get(url).content.decode()
