from core.collation import collation_key


def test_azerbaijani_order_follows_the_azerbaijani_alphabet():
    words = [
        "Zaqatala",
        "Şəki",
        "Sumqayıt",
        "Əli",
        "Ehtiyac",
        "Çay",
        "Ceyran",
        "Ğ",
        "Gəncə",
        "Xalq",
        "Həyat",
        "İnam",
        "Işıq",
        "Qəbələ",
        "Kür",
        "Ömür",
        "Oxu",
        "Üfüq",
        "Ulduz",
    ]

    ordered = sorted(words, key=lambda word: collation_key(word, "az"))

    assert ordered == [
        "Ceyran",
        "Çay",
        "Ehtiyac",
        "Əli",
        "Gəncə",
        "Ğ",
        "Həyat",
        "Xalq",
        "Işıq",
        "İnam",
        "Kür",
        "Qəbələ",
        "Oxu",
        "Ömür",
        "Sumqayıt",
        "Şəki",
        "Ulduz",
        "Üfüq",
        "Zaqatala",
    ]


def test_azerbaijani_order_ignores_case_and_places_latin_w_after_v():
    words = ["women", "Vətən", "yol", "ABC", "abd", "Şirvan", "şəki"]

    ordered = sorted(words, key=lambda word: collation_key(word, "az"))

    assert ordered == ["ABC", "abd", "şəki", "Şirvan", "Vətən", "women", "yol"]


def test_other_languages_order_ignores_case_and_accents():
    words = ["Zeta", "échelle", "Shaki", "Şəki", "apple", "Echo"]

    assert sorted(words, key=lambda word: collation_key(word, "en")) == [
        "apple",
        "échelle",
        "Echo",
        "Şəki",
        "Shaki",
        "Zeta",
    ]
