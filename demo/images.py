"""Pictures for a couple of demo releases, so share previews and image blocks have
something to show.

The pictures are drawn with Pillow when the demo loads (no binary files in the
repository): a coloured card with the organization's acronym and the city. A release and
its translation share one picture, as they share their other facts.
"""

import io

from django.core.files.images import ImageFile
from django.db import transaction
from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model

from pressroom.models import PressReleasePage
from search.cities import city_name

# Open Graph's recommended size: no cropping in link previews.
SIZE = (1200, 630)
COLOURS = ("#1d4e89", "#00755e", "#8a3b12")
ALT_TEXT = {
    "en": "{organization} card: {city}",
    "az": "{organization} kartı: {city}",
}


@transaction.atomic
def demo_images_add(*, count: int = 2) -> list[PressReleasePage]:
    """Puts a picture at the top of the newest ``count`` translated English demo releases
    and of their translations; releases that already have a picture are left alone."""
    english = PressReleasePage.objects.live().filter(
        locale__language_code="en", external_id__startswith="demo-"
    )
    chosen = [
        release
        for release in english.order_by("-release_date", "pk")[:100]
        if release.get_translations().live().exists()
    ][:count]
    changed = []
    for number, release in enumerate(chosen):
        pages = [
            page
            for page in release.get_translations(inclusive=True).live().specific()
            if not any(block.block_type == "image" for block in page.body)
        ]
        if not pages:
            continue
        image = _image_create(release, colour=COLOURS[number % len(COLOURS)])
        for page in pages:
            language = page.locale.language_code
            alt = ALT_TEXT[language].format(
                organization=release.issuer.acronym or release.issuer.name,
                city=city_name(release.city, language),
            )
            page.body.insert(0, ("image", {"image": image, "caption": "", "alt_text": alt}))
            page.save_revision().publish()
            changed.append(page)
    return changed


def _image_create(release: PressReleasePage, *, colour: str):
    """A card with the organization's acronym and the release's city, as a Wagtail image."""
    picture = PillowImage.new("RGB", SIZE, colour)
    draw = ImageDraw.Draw(picture)
    draw.text((80, 200), release.issuer.acronym or "NGO", fill="white", font=_font(160))
    draw.text((84, 400), city_name(release.city, "en"), fill="white", font=_font(72))
    data = io.BytesIO()
    picture.save(data, format="PNG")
    image = get_image_model()(title=f"{release.title} (demo picture)")
    image.file = ImageFile(data, name=f"{release.external_id}.png")
    image.save()
    return image


def _font(size: int) -> ImageFont.ImageFont:
    return ImageFont.load_default(size=size)
