"""A small, realistic bilingual corpus for the search tests: releases in English and
Azerbaijani from a handful of organizations, plus a draft and a private release that
must never be found. Built with the shared factories, published as an editor would."""

import datetime
from dataclasses import dataclass

from wagtail.models import Locale, PageViewRestriction

from directory.models import OrganizationType
from tests.factories import OrganizationFactory, PressReleasePageFactory


@dataclass
class Corpus:
    organizations: dict
    releases: dict
    draft: object
    private: object


ORGANIZATIONS = [
    # key, name, acronym, slug, type, city
    (
        "sheki",
        "Şəki Regional Development Center",
        "SRDC",
        "sheki-center",
        OrganizationType.LOCAL_NGO,
        "Şəki",
    ),
    (
        "water",
        "Clean Water Alliance",
        "CWA",
        "clean-water",
        OrganizationType.INTERNATIONAL,
        "Gəncə",
    ),
    ("youth", "Youth Initiative", "", "youth-initiative", OrganizationType.LOCAL_NGO, "Mingəçevir"),
    (
        "rights",
        "Human Rights Centre",
        "HRC",
        "rights-centre",
        OrganizationType.INTERNATIONAL,
        "Baku",
    ),
    ("donor", "Open Society Donors", "OSD", "open-donors", OrganizationType.DONOR, "Baku"),
]

# key, locale, org, title, summary, body, city, topics, date
RELEASES = [
    (
        "winter_sheki",
        "en",
        "sheki",
        "Refugees receive winter aid in Şəki",
        "Warm clothing for refugee families in the Sheki district.",
        "Volunteers handed out coats and blankets to refugees before the cold season.",
        "Şəki",
        ["refugees", "humanitarian"],
        datetime.date(2021, 1, 15),
    ),
    (
        "water_ganja",
        "en",
        "water",
        "Clean water project opens in Gəncə",
        "A new water supply line serves three villages.",
        "The clean water project was built with local engineers in Gəncə.",
        "Gəncə",
        ["water"],
        datetime.date(2022, 5, 10),
    ),
    (
        "youth_forum",
        "en",
        "youth",
        "Mingəçevir youth forum on civic education",
        "Two hundred students met to discuss civic education.",
        "The forum closed with a call for youth councils in every district.",
        "Mingəçevir",
        ["youth", "education"],
        datetime.date(2023, 3, 1),
    ),
    (
        "rights_training",
        "en",
        "rights",
        "Human rights training for lawyers",
        "Lawyers trained on freedom of expression cases.",
        "The training covered freedom of expression and the right to assembly.",
        "Baku",
        ["human-rights"],
        datetime.date(2020, 7, 7),
    ),
    (
        "expression_report",
        "en",
        "rights",
        "Freedom of expression report published",
        "Annual report on media freedom.",
        "The report lists cases where journalists faced pressure.",
        "Baku",
        ["human-rights", "media"],
        datetime.date(2023, 11, 20),
    ),
    (
        "health_ismayilli",
        "en",
        "youth",
        "Children's health campaign in İsmayıllı",
        "Doctors visited schools in İsmayıllı.",
        "The health campaign reached four thousand children.",
        "İsmayıllı",
        ["health", "youth"],
        datetime.date(2022, 9, 5),
    ),
    (
        "winter_children",
        "en",
        "water",
        "Winter aid for refugee children",
        "Blankets and heaters for displaced families.",
        "Refugee children in camps received warm clothes.",
        "Şəki",
        ["refugees"],
        datetime.date(2019, 12, 12),
    ),
    (
        "bold_claims",
        "en",
        "sheki",
        "Report on <b>bold</b> claims & promises",
        "A review of campaign promises.",
        "Promises about roads were checked against budgets.",
        "Şəki",
        ["media"],
        datetime.date(2024, 2, 2),
    ),
    (
        "election",
        "en",
        "rights",
        "Election monitoring mission announced",
        "Observers will monitor the municipal election.",
        "The mission will publish a preliminary statement.",
        "Baku",
        ["elections"],
        datetime.date(2020, 11, 1),
    ),
    (
        "women_lankaran",
        "en",
        "donor",
        "Women entrepreneurs network in Lənkəran",
        "Grants for women-led small businesses.",
        "The network offers training in bookkeeping and marketing.",
        "Lənkəran",
        ["women", "economy"],
        datetime.date(2021, 6, 18),
    ),
    (
        "water_children",
        "en",
        "water",
        "Safe water for schoolchildren",
        "Filters installed in twelve schools.",
        "Teachers were trained to maintain the filters.",
        "Gəncə",
        ["water", "health"],
        datetime.date(2023, 8, 30),
    ),
    (
        "winter_az",
        "az",
        "sheki",
        "Şəkidə qaçqınlara qış yardımı",
        "Şəki rayonunda qaçqın ailələrinə isti geyim paylandı.",
        "Könüllülər soyuq mövsümdən əvvəl yorğan payladılar.",
        "Şəki",
        ["refugees"],
        datetime.date(2021, 1, 15),
    ),
    (
        "water_az",
        "az",
        "water",
        "Gəncədə təmiz su layihəsi",
        "Yeni su xətti üç kəndə xidmət edir.",
        "Təmiz su layihəsi yerli mühəndislərlə tikildi.",
        "Gəncə",
        ["water"],
        datetime.date(2022, 5, 10),
    ),
    (
        "rights_az",
        "az",
        "rights",
        "İnsan hüquqları üzrə təlim",
        "Vəkillər ifadə azadlığı üzrə təlim keçdilər.",
        "Təlim toplaşmaq hüququnu da əhatə etdi.",
        "Bakı",
        ["human-rights"],
        datetime.date(2020, 7, 7),
    ),
    (
        "youth_az",
        "az",
        "youth",
        "Mingəçevirdə gənclər forumu",
        "İki yüz tələbə vətəndaş təhsilini müzakirə etdi.",
        "Forum hər rayonda gənclər şurası çağırışı ilə bitdi.",
        "Mingəçevir",
        ["youth"],
        datetime.date(2023, 3, 1),
    ),
    (
        "light_az",
        "az",
        "sheki",
        "IŞIQ layihəsi kəndlərə günəş paneli gətirir",
        "Işıq layihəsi Şəki kəndlərində işləyir.",
        "Günəş panelləri məktəbləri işıqlandırır.",
        "Şəki",
        ["energy"],
        datetime.date(2024, 4, 4),
    ),
    (
        "health_az",
        "az",
        "youth",
        "İsmayıllıda uşaq sağlamlığı kampaniyası",
        "Həkimlər İsmayıllı məktəblərinə baş çəkdi.",
        "Kampaniya dörd min uşağa çatdı.",
        "İsmayıllı",
        ["health"],
        datetime.date(2022, 9, 5),
    ),
]


def corpus_create(site_tree) -> Corpus:
    """Organizations in both locales (same slug), the releases above, a draft, a private page."""
    locales = {code: Locale.objects.get(language_code=code) for code in ("en", "az")}
    organizations = {}
    for key, name, acronym, slug, kind, city in ORGANIZATIONS:
        for code, locale in locales.items():
            organizations[key, code] = OrganizationFactory(
                name=name,
                acronym=acronym,
                slug=slug,
                organization_type=kind,
                city=city,
                locale=locale,
            )
    releases = {}
    for key, code, org, title, summary, body, city, topics, date in RELEASES:
        releases[key] = PressReleasePageFactory(
            parent=site_tree[code].releases,
            title=title,
            summary=summary,
            body=[("paragraph", f"<p>{body}</p>")],
            city=city,
            topics=topics,
            release_date=date,
            organization=organizations[org, code],
            external_id=f"corpus-{key}",
        )
    draft = PressReleasePageFactory(
        parent=site_tree["en"].releases,
        title="Zebracorn draft about refugees",
        live=False,
        organization=organizations["sheki", "en"],
        release_date=datetime.date(2024, 5, 5),
    )
    private = PressReleasePageFactory(
        parent=site_tree["en"].releases,
        title="Confidential refugees memo",
        organization=organizations["sheki", "en"],
        release_date=datetime.date(2024, 5, 6),
    )
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    return Corpus(organizations=organizations, releases=releases, draft=draft, private=private)
