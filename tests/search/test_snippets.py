"""The one snippet a search hit shows: built from either engine's highlighted fragments."""

from search.database import highlight
from search.snippets import snippet, word_span

SUMMARY = "Warm clothing for refugee families in the Sheki district."


def test_matched_fragments_are_shown_with_their_marks():
    fragments = ["Volunteers handed out coats to <mark>refugees</mark> before winter."]
    assert snippet(fragments, SUMMARY) == fragments[0]


def test_without_a_matched_fragment_the_summary_is_shown():
    assert snippet([], SUMMARY) == SUMMARY
    assert snippet(["A fragment without any mark."], SUMMARY) == SUMMARY


def test_a_sentence_is_never_shown_twice():
    """The summary often opens the body: both fields match the same sentence."""
    sentence = "The <mark>regional</mark> meeting took place in Quba."
    text = snippet([sentence, f"{sentence} Its aim was to share <mark>regional</mark> plans."])
    assert text == (
        "The <mark>regional</mark> meeting took place in Quba. … "
        "Its aim was to share <mark>regional</mark> plans."
    )


def test_a_part_of_a_sentence_already_shown_is_not_repeated():
    text = snippet(
        [
            "The <mark>regional</mark> meeting took place in Quba on Monday.",
            "… <mark>regional</mark> meeting took place …",
        ]
    )
    assert text.count("regional") == 1


def test_context_left_over_from_a_repeated_sentence_is_dropped():
    sentence = "Lawyers trained on <mark>expression</mark> cases."
    text = snippet([sentence, f"{sentence} The course lasted two days."])
    assert text == sentence


def test_fragments_opening_mid_sentence_get_an_ellipsis_and_whole_words():
    text = snippet(["participants from <mark>local</mark> organizations and from"])
    assert text == "… participants from <mark>local</mark> organizations and from …"


def test_a_long_summary_is_cut_at_a_word_boundary_with_an_ellipsis():
    summary = "Volunteers distributed blankets " * 20
    text = snippet([], summary, limit=60)
    assert text.endswith(" …")
    assert len(text) <= 62
    assert all(word in {"Volunteers", "distributed", "blankets"} for word in text[:-2].split())


def test_a_long_fragment_keeps_its_match_in_view():
    fragment = "word " * 100 + "<mark>target</mark> " + "word " * 100
    text = snippet([fragment], limit=80)
    assert "<mark>target</mark>" in text
    assert text.startswith("… word") and text.endswith("word …")


def test_everything_but_the_marks_is_escaped():
    fragments = ["Report on &lt;b&gt;<mark>bold</mark>&lt;/b&gt; claims <script>x</script>."]
    text = snippet(fragments, "<img src=x onerror=alert(1)>")
    assert text == (
        "Report on &lt;b&gt;<mark>bold</mark>&lt;/b&gt; claims &lt;script&gt;x&lt;/script&gt;."
    )
    assert snippet([], "<img src=x>") == "&lt;img src=x&gt;"


def test_whitespace_from_separate_blocks_is_one_space():
    assert snippet(["First <mark>line</mark>.\n\n  Second line."]) == (
        "First <mark>line</mark>. Second line."
    )


def test_several_fragments_are_separated_by_an_ellipsis_and_capped():
    fragments = [f"Sentence {n} about <mark>water</mark> supply." for n in range(5)]
    text = snippet(fragments, limit=100)
    assert text.startswith("Sentence 0") and " … Sentence 1" in text
    assert "Sentence 4" not in text
    assert text.endswith(" …")


def test_database_fragments_are_cut_at_word_boundaries():
    text = "Observers from local non-governmental organizations will monitor " * 3
    for fragment in highlight(text.strip(), ["monitor"]):
        plain = fragment.replace("<mark>", "").replace("</mark>", "").strip("… ")
        assert plain.split()[0] in text.split() and plain.split()[-1] in text.split()


def test_word_span_widens_to_whole_words_within_the_text():
    assert word_span("one two three", 5, 9) == (4, 13)
    assert word_span("one two", -5, 50) == (0, 7)
