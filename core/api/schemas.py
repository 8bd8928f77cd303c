"""Response pieces that more than one of our APIs returns."""

from ninja import Schema


class Topic(Schema):
    """A tag: a release's topic, an organization's focus area."""

    slug: str
    name: str


class Contact(Schema):
    name: str
    address: str
    phones: list[str]
    fax: str
    email: str
    mobile: str
    whatsapp: str
