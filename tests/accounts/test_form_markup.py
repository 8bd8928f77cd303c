"""The public forms' markup: labels, hints, the error summary and errors tied to inputs."""

from bs4 import BeautifulSoup

from .conftest import join_data

JOIN = "/en/organizations/join/"


def page(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_each_join_input_has_its_label_before_it_and_the_password_rules_as_its_hint(client, isar):
    form = page(client.get(JOIN)).select_one("form.account-form")

    for name in ("first_name", "email", "password1", "new_name"):
        field = form.select_one(f"#id_{name}").find_parent(class_="form-field")
        label, control = field.select_one(f"label[for=id_{name}]"), field.select_one(f"#id_{name}")
        assert label.sourceline <= control.sourceline
        assert str(field).index(str(label)) < str(field).index(f'id="id_{name}"')
    hint = form.select_one("#id_password1_helptext")
    assert "form-hint" in hint["class"]
    assert form.select_one("#id_password1")["aria-describedby"] == "id_password1_helptext"


def test_the_organization_heading_appears_once_and_the_proposal_part_is_marked_for_hiding(
    client, isar
):
    html = page(client.get(JOIN))

    legends = [legend.get_text(strip=True) for legend in html.select("legend")]
    assert legends.count("Your organization") == 1
    assert html.select_one("#new-organization")["data-shown-when"] == "choice=propose"
    assert not html.select_one("#new-organization").has_attr("hidden")  # shown without JS
    assert html.select_one("script[src$='core/forms.js']") is not None
    assert not html.select("script:not([src])")


def test_an_invalid_join_gets_a_summary_linking_to_each_field_in_error(client, isar):
    response = client.post(
        JOIN, join_data(first_name="", email="not-an-address", choice="", organization="")
    )
    html = page(response)

    summary = html.select_one(".error-summary")
    assert summary["role"] == "alert"
    assert summary.has_attr("data-error-summary")
    targets = [link["href"] for link in summary.select("a")]
    assert targets == ["#id_first_name", "#id_email", "#id_choice_0"]
    for target in targets:
        assert html.select_one(target) is not None
    assert html.title.get_text().startswith("Error:")


def test_a_field_error_sits_beside_its_input_and_describes_it(client, isar):
    html = page(client.post(JOIN, join_data(first_name="")))

    first_name = html.select_one("#id_first_name")
    assert first_name["aria-invalid"] == "true"
    assert "id_first_name_error" in first_name["aria-describedby"].split()
    error = html.select_one("#id_first_name_error")
    assert error.find_parent(class_="form-field") is first_name.find_parent(class_="form-field")


def test_login_asks_for_an_email_and_summarises_its_error(client, site_tree):
    form = page(client.get("/en/organizations/login/"))
    assert form.select_one("label[for=id_username]").get_text(strip=True) == "Email"

    failed = page(client.post("/en/organizations/login/", {"username": "a@b.example"}))
    assert [a["href"] for a in failed.select(".error-summary a")] == ["#id_password"]


def test_password_reset_summarises_a_bad_address(client, site_tree):
    html = page(client.post("/en/organizations/password-reset/", {"email": "nope"}))

    assert [a["href"] for a in html.select(".error-summary a")] == ["#id_email"]
    assert html.select_one("#id_email")["aria-describedby"] == "id_email_error"


def test_each_summary_line_names_its_field(client, isar):
    html = page(client.post(JOIN, join_data(first_name="", last_name="")))

    lines = [link.get_text(strip=True) for link in html.select(".error-summary a")]
    assert lines[:2] == [
        "First name: This field is required.",
        "Last name: This field is required.",
    ]
