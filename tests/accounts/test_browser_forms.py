"""The public forms in Chromium: the error summary leads to each field, the proposal part
shows only when chosen, login tells applicants where they stand, and axe finds no serious
violation on join, login and password reset in either language, at desktop and phone size."""

import pytest
from playwright.sync_api import expect

from accounts.models import ApplicationStatus, OrganizationApplication
from tests.a11y import VIEWPORTS, screenshot, serious_violations

from .conftest import PASSWORD

pytestmark = pytest.mark.browser


def test_join_errors_are_summarised_linked_and_fixed(browser_page, isar):
    page = browser_page
    for viewport_name, viewport in VIEWPORTS.items():
        page.set_viewport_size(viewport)
        page.goto("/en/organizations/join/")
        proposal = page.locator("#new-organization")
        expect(proposal).to_be_hidden()
        page.get_by_label("is not in the directory yet").check()
        expect(proposal).to_be_visible()
        page.get_by_label("is already in the directory").check()
        expect(proposal).to_be_hidden()

        page.get_by_role("button", name="Send application").click()
        summary = page.get_by_role("alert")
        expect(summary).to_be_focused()
        expect(summary.get_by_role("link")).to_have_count(7)
        screenshot(page, f"join-errors-{viewport_name}")

    summary.get_by_role("link", name="Choose your organization.").click()
    expect(page.locator("#id_organization")).to_be_focused()
    summary.get_by_role("link").first.click()
    expect(page.locator("#id_first_name")).to_be_focused()
    expect(page.locator("#id_first_name")).to_have_attribute("aria-invalid", "true")

    page.locator("#id_first_name").fill("Leyla")
    page.locator("#id_last_name").fill("Mammadova")
    page.locator("#id_email").fill("leyla@isar.example")
    page.locator("#id_phone").fill("+994 12 495 25 57")
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.get_by_label("Organization in the directory").select_option(label=str(isar))
    page.get_by_role("button", name="Send application").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")


def test_login_tells_applicants_where_they_stand_and_others_nothing(
    browser_page, isar, django_user_model
):
    page = browser_page
    for email, status, reason in [
        ("waiting@isar.example", ApplicationStatus.PENDING_REVIEW, ""),
        ("refused@isar.example", ApplicationStatus.REJECTED, "We could not confirm your role."),
    ]:
        OrganizationApplication.objects.create(
            user=django_user_model.objects.create_user(email, email, PASSWORD, is_active=False),
            first_name="A",
            last_name="B",
            email=email,
            phone="123456",
            language="en",
            organization=isar,
            status=status,
            rejection_reason=reason,
        )
    answers = {
        ("waiting@isar.example", PASSWORD): "Your application is awaiting review",
        ("refused@isar.example", PASSWORD): "not accepted. Our staff gave this reason: We could "
        "not confirm your role.",
        ("waiting@isar.example", "wrong-guess-1"): "Enter a correct email address and password.",
        ("nobody@isar.example", "wrong-guess-1"): "Enter a correct email address and password.",
    }
    for number, ((email, password), answer) in enumerate(answers.items()):
        page.goto("/en/organizations/login/")
        page.get_by_label("Email").fill(email)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Log in").click()
        expect(page.get_by_role("alert")).to_contain_text(answer)
        screenshot(page, f"login-answer-{number}")


def test_public_forms_pass_axe_in_both_languages_and_sizes(browser_page, isar):
    page = browser_page
    problems = []
    for language in ("en", "az"):
        for path in ("join", "login", "password-reset"):
            for viewport_name, viewport in VIEWPORTS.items():
                page.set_viewport_size(viewport)
                page.goto(f"/{language}/organizations/{path}/")
                problems += [f"{language} {path}: {v}" for v in serious_violations(page)]
                page.locator("form.account-form button[type=submit]").click()
                expect(page.locator(".error-summary")).to_be_visible()
                problems += [f"{language} {path} errors: {v}" for v in serious_violations(page)]
                screenshot(page, f"form-{language}-{path}-errors-{viewport_name}")

    assert problems == []
