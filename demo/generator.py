"""Demo content: plausible Azerbaijani NGO press releases in the import format.

Records are generated lazily from a fixed seed and fed through the real import, so
the demo exercises the same code as production imports and scales to benchmarks.
"""

import datetime
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass

from pressroom.topics import TOPICS
from search.cities import CITIES, City

DEMO_SEED = 2000


@dataclass(frozen=True)
class Org:
    name: str
    acronym: str
    type: str
    city: str = ""
    name_az: str = ""

    def ref(self, language: str) -> dict:
        name = self.name_az if language == "az" and self.name_az else self.name
        ref = {"name": name, "acronym": self.acronym, "type": self.type}
        return {**ref, "city": self.city} if self.city else ref


LOCAL_NGOS = (
    Org("ISAR", "ISAR", "local-ngo", "Baku"),
    Org(
        "Azerbaijan Women and Development Centre",
        "AWDC",
        "local-ngo",
        "Baku",
        "Azərbaycan Qadın və İnkişaf Mərkəzi",
    ),
    Org(
        "Ganja Agribusiness Association",
        "GAA",
        "local-ngo",
        "Ganja",
        "Gəncə Aqrobiznes Assosiasiyası",
    ),
    Org(
        "Shaki Regional Environmental Centre",
        "SREC",
        "local-ngo",
        "Shaki",
        "Şəki Regional Ekologiya Mərkəzi",
    ),
    Org("Lankaran Youth Initiative", "LYI", "local-ngo", "Lankaran", "Lənkəran Gənclər Təşəbbüsü"),
    Org(
        "Sumgait Human Rights Club",
        "SHRC",
        "local-ngo",
        "Sumgait",
        "Sumqayıt İnsan Hüquqları Klubu",
    ),
    Org("Mingachevir Water Users Union", "MWUU", "local-ngo", "Mingachevir"),
    Org(
        "Nakhchivan Teachers' Society",
        "NTS",
        "local-ngo",
        "Nakhchivan",
        "Naxçıvan Müəllimlər Cəmiyyəti",
    ),
    Org("Quba Tourism Development Network", "QTDN", "local-ngo", "Quba"),
    Org("Gabala Disability Support Group", "GDSG", "local-ngo", "Gabala"),
    Org("Shirvan Refugee Aid", "SRA", "local-ngo", "Shirvan", "Şirvan Qaçqınlara Yardım"),
    Org("Caucasus Media Institute", "CMI", "media", "Baku", "Qafqaz Media İnstitutu"),
)
INTERNATIONAL = (
    Org("Oxfam", "", "international"),
    Org("Organization for Security and Cooperation in Europe", "OSCE", "international"),
    Org("International Refugee Council", "IRC", "international"),
    Org("Open Society Institute", "OSI", "international"),
    Org("United Nations Development Programme", "UNDP", "international"),
    Org("UNICEF", "UNICEF", "international"),
    Org("Save the Children", "", "international"),
)
DONORS = (
    Org("United States Agency for International Development", "USAID", "donor"),
    Org("The Eurasia Foundation", "", "donor"),
    Org("European Union", "EU", "donor"),
    Org("World Bank", "WB", "donor"),
    Org("Ministry of Youth and Sports", "MYS", "government"),
)

EVENTS = (  # English title phrase, English noun, Azerbaijani title phrase
    ("holds a round table", "round table", "dəyirmi masa keçirdi"),
    ("runs a training seminar", "training seminar", "təlim seminarı təşkil etdi"),
    ("organizes a regional meeting", "regional meeting", "regional görüş təşkil etdi"),
    ("hosts a public hearing", "public hearing", "ictimai dinləmə keçirdi"),
    ("opens a summer school", "summer school", "yay məktəbi açdı"),
    ("convenes a conference", "conference", "konfrans çağırdı"),
    ("presents a survey", "survey presentation", "sorğunun nəticələrini təqdim etdi"),
)
PARAGRAPHS = {
    "en": (
        "The {event} took place in {city} on {date}, with participants from local "
        "non-governmental organizations and from {other}.",
        "The goal was to exchange experience on <b>{topic}</b>, agree on ways to "
        "cooperate and familiarize local NGOs with new resources.",
        "Representatives of {partner} presented their programmes and answered questions "
        "from participants.",
        "A report on the results will be distributed to local NGOs and published on "
        '<a href="https://www.example.org/reports/{number}">the project website</a>.',
        "The event was financed through support from {funder}.",
    ),
    "az": (
        "Tədbir {date} tarixində {city_in} keçirildi; yerli qeyri-hökumət təşkilatlarının "
        "və {other} nümayəndələri iştirak etdilər.",
        "Məqsəd <b>{topic}</b> sahəsində təcrübə mübadiləsi və əməkdaşlıq yollarını "
        "müəyyən etmək idi.",
        "{partner} nümayəndələri öz proqramlarını təqdim etdilər.",
        "Nəticələr üzrə hesabat "
        '<a href="https://www.example.org/reports/{number}">layihənin saytında</a> dərc olunacaq.',
        "Tədbir {funder} tərəfindən maliyyələşdirilib.",
    ),
}
FIRST_DAY = datetime.date(2000, 1, 1)
DAYS = (datetime.date(2025, 12, 31) - FIRST_DAY).days


def demo_records(*, count: int, seed: int = DEMO_SEED) -> Iterator[dict]:
    """``count`` import records: mostly English, some Azerbaijani originals, and
    Azerbaijani translations of the English release just before them."""
    rng = random.Random(seed)  # noqa: S311  (reproducible demo data, not a secret)
    previous_en: tuple[str, dict] | None = None
    for number in range(1, count + 1):
        external_id = f"demo-{number:06d}"
        if previous_en and rng.random() < 0.25:
            original_id, facts = previous_en
            record = _record(number, external_id, "az", facts)
            record["translation_of"] = original_id
            previous_en = None
        else:
            language = "en" if rng.random() < 0.8 else "az"
            facts = _facts(rng)
            record = _record(number, external_id, language, facts)
            previous_en = (external_id, facts) if language == "en" else None
        yield record


def demo_lines(*, count: int, seed: int = DEMO_SEED) -> Iterator[str]:
    for record in demo_records(count=count, seed=seed):
        yield json.dumps(record, ensure_ascii=False)


def _facts(rng: random.Random) -> dict:
    """What a release is about, shared by an original and its translation."""
    city = rng.choice(CITIES)
    return {
        "issuer": rng.choice(LOCAL_NGOS),
        "city": city,
        # "NGOs of Baku and Baku" reads as generated: the second city is another one.
        "other": rng.choice([other for other in CITIES if other != city]),
        "topics": rng.sample(range(len(TOPICS)), k=rng.randint(1, 3)),
        "event": rng.randrange(len(EVENTS)),
        "partners": rng.sample(INTERNATIONAL, k=rng.randint(0, 3)),
        "funders": rng.sample(DONORS, k=rng.randint(1, 2)),
        "date": FIRST_DAY + datetime.timedelta(days=rng.randrange(DAYS)),
        "contact": {
            "street": f"{rng.randint(1, 120)} {rng.choice(STREETS)}",
            "phones": [_phone(rng, city) for _ in range(rng.randint(1, 2))],
            "fax": _phone(rng, city) if rng.random() < 0.3 else "",
            "email": rng.random() < 0.6,
        },
    }


def _record(number: int, external_id: str, language: str, facts: dict) -> dict:
    """One release in ``language``; every fact, the contact included, comes from ``facts``
    so that a translation says what its original says."""
    issuer, city, other = facts["issuer"], facts["city"], facts["other"]
    contact = facts["contact"]
    topics = [TOPICS[index][language == "az"] for index in facts["topics"]]
    event_title, event_noun, event_az = EVENTS[facts["event"]]
    date = facts["date"]
    if language == "az":
        title = f"{issuer.acronym} {city.az_in} {topics[0]} mövzusunda {event_az}"
    else:
        title = f"{issuer.acronym} {event_title} on {topics[0]} in {city.en}"
    words = {
        "event": event_noun,
        "city": city.az if language == "az" else city.en,
        "city_in": city.az_in,
        "other": other.az if language == "az" else other.en,
        "date": date.strftime("%d.%m.%Y"),
        "topic": topics[0],
        "partner": facts["partners"][0].name if facts["partners"] else issuer.name,
        "funder": facts["funders"][0].acronym or facts["funders"][0].name,
        "number": number,
    }
    paragraphs = PARAGRAPHS[language]
    body = "".join(f"<p>{text.format(**words)}</p>" for text in paragraphs)
    return {
        "external_id": external_id,
        "locale": language,
        "title": title,
        "release_date": date.isoformat(),
        "organization": issuer.ref(language),
        "participants": [org.ref(language) for org in facts["partners"]],
        "funders": [org.ref(language) for org in facts["funders"]],
        "city": words["city"],
        "topics": topics,
        "summary": paragraphs[0].format(**words),
        "body_html": body,
        "contact": {
            "name": issuer.name_az if language == "az" and issuer.name_az else issuer.name,
            "address": f"{contact['street']}, {words['city']}",
            "phones": list(contact["phones"]),
            "fax": contact["fax"],
            "email": f"info@{issuer.acronym.lower()}.az" if contact["email"] else "",
        },
    }


STREETS = ("Nizami str.", "Fizuli str.", "Azadliq ave.", "J. Jabbarly str.", "Samad Vurgun str.")


def _phone(rng: random.Random, city: City) -> str:
    return (
        f"(994-{city.phone_code}) {rng.randint(20, 99)}-{rng.randint(10, 99)}-{rng.randint(10, 99)}"
    )
