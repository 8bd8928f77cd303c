"""The import format carries text only: a picture an editor put in an imported release's body
survives the next run of the same archive, unchanged or with changed text."""

from wagtail_factories import ImageFactory

from pressroom.importing.service import press_releases_import
from pressroom.models import PressReleasePage
from tests.pressroom.test_import import lines_of, release


def _pictured(image) -> PressReleasePage:
    page = PressReleasePage.objects.get(external_id="test-1")
    page.body.insert(0, ("image", {"image": image, "caption": "", "alt_text": "Farmers"}))
    page.save_revision().publish()
    return page


def test_an_editors_picture_survives_a_rerun_and_a_text_update(site_tree):
    press_releases_import(lines=lines_of(release()), publish=True)
    image = ImageFactory()
    _pictured(image)

    again = press_releases_import(lines=lines_of(release()), publish=True)
    changed = press_releases_import(
        lines=lines_of(release(body_html="<p>Farmers met again.</p>")), publish=True
    )

    assert (again.unchanged, changed.updated) == (1, 1)
    page = PressReleasePage.objects.get(external_id="test-1")
    assert [block.block_type for block in page.body] == ["image", "paragraph"]
    assert page.body[0].value["image"] == image
    assert "met again" in str(page.body[1].value)
