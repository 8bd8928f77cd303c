"""Azerbaijan's cities and regions, named once: their Azerbaijani and English names.

Releases and organizations keep the city as written (``city``); readers see one city under
one name in the page's language. Search's city facet counts "Şəki", "Shaki" and "Sheki" as
one value (``city_key``, the Azerbaijani name) and labels it "Şəki" on /az/ and "Sheki" on
/en/ (``city_label``); a city filter finds every spelling of it (``search.filters.city_match``); the
importer and the demo content write the name of the release's language (``city_name``).

English names are the ones English-language media use for each city (BBC, Reuters); the
Azerbaijani romanisations met in partners' archives are the other spellings.
"""

from dataclasses import dataclass

from .folding import transliterate


@dataclass(frozen=True)
class City:
    az: str
    en: str
    az_in: str  # the locative case: "in Ganja" is "Gəncədə"
    phone_code: str
    spellings: tuple[str, ...] = ()  # other spellings met in releases

    def name(self, language: str) -> str:
        return self.az if language == "az" else self.en


CITIES = (
    City("Bakı", "Baku", "Bakıda", "12", ("Baki",)),
    City("Gəncə", "Ganja", "Gəncədə", "22", ("Gence", "Ganca")),
    City("Sumqayıt", "Sumgait", "Sumqayıtda", "18", ("Sumgayit", "Sumqayit")),
    City("Mingəçevir", "Mingachevir", "Mingəçevirdə", "24", ("Mingechevir", "Mingacevir")),
    City("Şəki", "Sheki", "Şəkidə", "24", ("Shaki", "Seki")),
    City("Lənkəran", "Lankaran", "Lənkəranda", "25", ("Lenkoran",)),
    City("Şirvan", "Shirvan", "Şirvanda", "21"),
    City("Naxçıvan", "Nakhchivan", "Naxçıvanda", "36", ("Nakhichevan",)),
    City("Quba", "Guba", "Qubada", "23"),
    City("Qəbələ", "Gabala", "Qəbələdə", "24", ("Qabala",)),
    City("Şamaxı", "Shamakhi", "Şamaxıda", "20", ("Shemakha",)),
    City("Zaqatala", "Zagatala", "Zaqatalada", "24"),
)

_BY_SPELLING = {
    spelling: city for city in CITIES for spelling in (city.az, city.en, *city.spellings)
}
# Looser, for what an operator imports: case, accents and romanisation aside.
_BY_KEY = {transliterate(spelling): city for spelling, city in _BY_SPELLING.items()}


def city_find(name: str) -> City | None:
    """The city a name spells, however it is romanised ("SHAKI", "Şeki"), or None."""
    name = " ".join(name.split())
    return _BY_SPELLING.get(name) or _BY_KEY.get(transliterate(name))


def city_name(name: str, language: str) -> str:
    """How a release in ``language`` writes the city: "Shaki" in English becomes "Sheki"."""
    city = city_find(name)
    return city.name(language) if city else " ".join(name.split())


def city_key(value: str) -> str:
    """One facet value per city: the Azerbaijani name of a known spelling, however it is
    cased or romanised, else the value with its spaces tidied."""
    city = city_find(value)
    return city.az if city else " ".join(value.split())


def city_labels(keys: list[str], language: str) -> dict[str, str]:
    """Facet labels: each city's name in the page's language."""
    return {key: (_BY_SPELLING[key].name(language) if key in _BY_SPELLING else key) for key in keys}
