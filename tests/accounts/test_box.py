"""The "For Organizations" box: forms for visitors, the organization for its members."""

import pytest

from accounts.models import ApplicationStatus, OrganizationApplication


@pytest.fixture
def member(isar, django_user_model):
    user = django_user_model.objects.create_user("leyla@isar.example", "leyla@isar.example")
    OrganizationApplication.objects.create(
        user=user,
        first_name="Leyla",
        last_name="Mammadova",
        email=user.email,
        phone="123456",
        language="en",
        organization=isar,
        status=ApplicationStatus.APPROVED,
    )
    return user


def box(response) -> str:
    html = response.content.decode()
    start = html.index('class="box for-organizations"')
    return html[start : html.index("</section>", start)]


@pytest.mark.parametrize("language", ["en", "az"])
def test_visitors_see_login_reset_and_join(client, site_tree, language):
    html = box(client.get(f"/{language}/"))

    for name in ("login", "password-reset", "join"):
        assert f'href="/{language}/organizations/{name}/"' in html
    assert "dashboard" not in html


@pytest.mark.parametrize("language", ["en", "az"])
def test_members_see_their_organization_a_dashboard_link_and_logout(client, member, isar, language):
    client.force_login(member)

    html = box(client.get(f"/{language}/"))

    assert isar.name in html
    assert f'href="/{language}/organizations/dashboard/"' in html
    assert f'action="/{language}/organizations/logout/"' in html
    assert "/organizations/join/" not in html


def test_the_dashboard_lists_the_organizations_releases_and_nobody_elses(
    client, member, isar, site_tree
):
    from tests.factories import PressReleasePageFactory

    index = site_tree["en"].releases
    own = PressReleasePageFactory(parent=index, organization=isar, title="Our draft", live=False)
    PressReleasePageFactory(parent=index, title="Someone else's draft", live=False)
    client.force_login(member)

    html = client.get("/en/organizations/dashboard/").content.decode()

    assert "Our draft" in html
    assert f"/admin/pages/{own.pk}/edit/" in html
    assert "Someone else" not in html


def test_the_dashboard_needs_a_login(client, site_tree):
    response = client.get("/en/organizations/dashboard/")

    assert response["Location"].startswith("/en/organizations/login/?next=")
