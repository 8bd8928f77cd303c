""" "Did you mean": a spelling the index knows better, for a search that finds little.

Elasticsearch's term suggester proposes candidates in the search request; each is then
checked against the search's own fields and filters before it is offered.
"""

from .query import SearchQuery

# Only when a search finds fewer results than this.
SUGGEST_BELOW = 3
# Candidates the term suggester proposes per unknown word, checked in order.
SUGGESTIONS = 3


def suggest_request(words: list[str]) -> dict:
    """The ``suggest`` part of the search request: candidates for words the index lacks."""
    return {
        "text": " ".join(words),
        "did_you_mean": {
            "term": {"field": "_all_text", "suggest_mode": "missing", "size": SUGGESTIONS}
        },
    }


def suggestion_find(
    client, *, query: SearchQuery, indexes: list[str], fields: list, filters: list, suggest: dict
) -> str | None:
    """The query with each unknown word replaced by a candidate that finds something."""
    return suggestion_text(query, _replacements(client, indexes, fields, filters, suggest))


def _replacements(client, indexes, fields, filters, suggest: dict) -> dict[str, str]:
    """Each word that finds nothing here, with the suggester's closest word that does.

    The term suggester reads ``_all_text`` of every language and knows no stems: a word it
    calls missing may find its inflected forms (təşkilat), and its candidates may occur only
    in another language. So each word and each candidate is counted with the search's own
    fields and filters (its languages included), in one multi-search.
    """
    candidates = {
        entry["text"]: [option["text"] for option in entry["options"]]
        for entry in suggest.get("did_you_mean", [])
        if entry["options"]
    }
    words = [(word, None) for word in candidates] + [
        (word, option) for word, options in candidates.items() for option in options
    ]
    if not words:
        return {}
    searches = []
    for word, option in words:
        searches += [
            {"index": indexes},
            {
                "size": 0,
                "track_total_hits": 1,
                "query": {
                    "bool": {
                        "must": [{"multi_match": {"query": option or word, "fields": fields}}],
                        "filter": filters,
                    }
                },
            },
        ]
    responses = client.msearch(searches=searches)["responses"]
    finds = {
        key: bool(r["hits"]["total"]["value"]) for key, r in zip(words, responses, strict=True)
    }
    return {
        word: next(option for option in options if finds[(word, option)])
        for word, options in candidates.items()
        if not finds[(word, None)] and any(finds[(word, option)] for option in options)
    }


def suggestion_text(query: SearchQuery, replacements: dict[str, str]) -> str | None:
    """The query with each word the index does not know replaced by its closest known word."""
    if not replacements:
        return None
    words = query.text.split(" ")
    corrected = []
    for word in words:
        key = word.strip('"-').lower()
        if key in replacements:
            word = word.replace(word.strip('"-'), replacements[key])
        corrected.append(word)
    suggestion = " ".join(corrected)
    return suggestion if suggestion != query.text else None
