"""Release topics named once in both languages, so readers see each in the page's language.

Topics are taggit tags, written as the release's author wrote them ("water" on an English
release, "su" on its Azerbaijani translation). Facets, filter chips, the list's topic filter,
release pages and feed titles show a known topic under its name in the page's language; a
tag outside this vocabulary keeps its own name. The API keeps tags as stored: partners
filter by a tag's slug, and a label is a reader's concern.
"""

from django.utils.translation import get_language

from core.collation import azerbaijani_lower

# (English, Azerbaijani): the topics partners' archives and the demo content use.
TOPICS = (
    ("civil society", "vətəndaş cəmiyyəti"),
    ("water", "su"),
    ("environment", "ətraf mühit"),
    ("human rights", "insan hüquqları"),
    ("education", "təhsil"),
    ("refugees and IDPs", "qaçqınlar və məcburi köçkünlər"),
    ("youth", "gənclər"),
    ("women's rights", "qadın hüquqları"),
    ("health", "səhiyyə"),
    ("agriculture", "kənd təsərrüfatı"),
    ("media freedom", "media azadlığı"),
    ("disability", "əlillik"),
    ("tourism", "turizm"),
)
_LANGUAGES = ("en", "az")
_BY_NAME = {azerbaijani_lower(name): names for names in TOPICS for name in names}


def topic_label(name: str, language: str | None = None) -> str:
    """A topic's name in ``language`` (the active one by default), else the name as tagged."""
    names = _BY_NAME.get(azerbaijani_lower(" ".join(name.split())))
    language = (language or get_language() or "en").split("-")[0]
    if names is None or language not in _LANGUAGES:
        return name
    return names[_LANGUAGES.index(language)]
