"""Word-frequency tables, checked against counts made by hand.

The tiny fixture corpus (tests/fixtures/tiny) has two documents; after cleaning they read

    a_talks.txt      "Kyiv talks" / "The US and NATO met in Kyiv. The talks went on."
    more/b_aid.txt   "The US sent aid to Kyiv." / "Kyiv said thanks to all of us."

(the headline suffix, the dateline "KYIV, Ukraine (AP) —" and the copyright line are removed).
With the default stopwords (the, and, in, on, to, all, of are stopwords; "us" is not) the kept
terms are a: kyiv talks US NATO met kyiv talks went; b: US sent aid kyiv kyiv said thanks us.
"""

import pandas as pd
import pytest

from textkit import clean, files, frequency, stopwords, tokens


@pytest.fixture
def tiny_terms(tiny_path):
    docs = clean.corpus(files.read_corpus(tiny_path))
    return tokens.table(docs, stopwords=stopwords.load())


@pytest.fixture
def seed_table(seed_path):
    docs = clean.corpus(files.read_corpus(seed_path))
    return frequency.table(tokens.table(docs, stopwords=stopwords.load()))


def test_tiny_term_table_matches_hand_count(tiny_terms):
    table = frequency.table(tiny_terms)
    assert list(table.columns) == ["rank", "term", "count", "per_1000", "documents"]
    assert table.head(3).to_dict("records") == [
        {"rank": 1, "term": "kyiv", "count": 4, "per_1000": 250.0, "documents": 2},
        {"rank": 2, "term": "US", "count": 2, "per_1000": 125.0, "documents": 2},
        {"rank": 2, "term": "talks", "count": 2, "per_1000": 125.0, "documents": 1},
    ]
    # count-1 terms tie; code-point order puts capitals first
    assert table["term"].tolist()[3:] == ["NATO", "aid", "met", "said", "sent", "thanks", "us", "went"]
    assert table["rank"].tolist()[3:] == [4] * 8
    assert table["count"].sum() == len(tiny_terms) == 16


def test_min_count_drops_rare_terms_but_keeps_the_denominator(tiny_terms):
    table = frequency.table(tiny_terms, min_count=2)
    assert table["term"].tolist() == ["kyiv", "US", "talks"]
    assert table["per_1000"].tolist() == [250.0, 125.0, 125.0]


def test_summary_before_and_after_filtering(tiny_path, tiny_terms):
    docs = clean.corpus(files.read_corpus(tiny_path))
    words = tokens.table(docs)
    result = frequency.summary(words=words, terms=tiny_terms)
    assert result.to_dict("records") == [
        {"stage": "words", "documents": 2, "tokens": 26, "types": 18,
         "type_token_ratio": 0.692308, "hapaxes": 13, "hapax_share": 0.722222},
        {"stage": "terms", "documents": 2, "tokens": 16, "types": 11,
         "type_token_ratio": 0.6875, "hapaxes": 8, "hapax_share": 0.727273},
    ]


def test_per_document(tiny_terms):
    result = frequency.per_document(tiny_terms)
    assert result.to_dict("records") == [
        {"doc_id": "a_talks.txt", "tokens": 8, "types": 6, "type_token_ratio": 0.75,
         "hapaxes": 4, "hapax_share": 0.666667, "top_terms": "kyiv, talks, NATO, US, met"},
        {"doc_id": "more/b_aid.txt", "tokens": 8, "types": 7, "type_token_ratio": 0.875,
         "hapaxes": 6, "hapax_share": 0.857143, "top_terms": "kyiv, US, aid, said, sent"},
    ]


def test_order_of_input_does_not_change_the_table(tiny_terms):
    shuffled = tiny_terms.sample(frac=1, random_state=7).reset_index(drop=True)
    pd.testing.assert_frame_equal(frequency.table(shuffled), frequency.table(tiny_terms))


def test_empty_token_table():
    empty = pd.DataFrame({"doc_id": pd.Series([], dtype=object), "token": pd.Series([], dtype=object)})
    assert frequency.table(empty).empty
    assert frequency.summary(terms=empty).loc[0, "tokens"] == 0


# --- The seed article (counts checked by reading it; grep gives the same numbers) -------------


@pytest.mark.parametrize(
    ("term", "count"),
    [
        ("US", 9),        # the country: headline + 8 in the body
        ("us", 1),        # the pronoun, "all of us": never merged with US
        ("moscow", 5),    # body only: the dateline "MOSCOW —" is furniture
        ("russia", 14),   # includes the 5 "Russia's", split into russia + 's
        ("ukraine", 11),
        ("NATO", 5),
        ("kremlin", 3),   # "Kremlin's ultimatum" included
        ("de-escalation", 2),
        ("100,000", 2),
        ("8,500", 1),
        ("thomas-greenfield", 1),
        ("psaki", 2),     # "Jen Psaki" and the misspelt "PSAki"
    ],
)
def test_seed_counts(seed_table, term, count):
    assert seed_table.set_index("term").loc[term, "count"] == count


@pytest.mark.parametrize("gone", ["reserved", "redistributed", "elwood", "christi", "copyright", "news"])
def test_seed_has_no_furniture_words(seed_table, gone):
    assert gone not in set(seed_table["term"].str.lower())


def test_seed_terms_have_no_curly_apostrophes_or_possessives(seed_table):
    assert not seed_table["term"].str.contains("[’‘“”]").any()
    assert not seed_table["term"].str.endswith("'s").any()


@pytest.mark.parametrize(
    "tokens, expected",
    [
        # ties go to code-point order: the seed's "russia" and "said" (14 each; "said" is generic)
        (["russia", "said", "said", "russia"], "russia"),
        # stopwords, generic words (reporting and modal verbs), short words, numbers and
        # words in capitals (acronyms, interview labels such as "WN") are never the top word
        (["the", "the", "said", "said", "will", "WN", "WN", "US", "US", "12", "12", "ok", "ok", "talks"], "talks"),
        (["the", "12"], ""),
        ([], ""),
    ],
)
def test_top_word(tokens, expected):
    assert frequency.top_word(tokens, stopwords=stopwords.load()) == expected


def test_top_word_of_the_seed_and_wikinews(seed_path):
    from textkit import collocations

    seed = clean.corpus(files.read_corpus(seed_path))
    assert frequency.top_word(collocations.sequence(seed), stopwords=stopwords.load()) == "russia"
    table = tokens.table(seed, stopwords=stopwords.load())
    assert frequency.top_word(table, stopwords=stopwords.load()) == "russia"
    wikinews = clean.corpus(files.read_corpus(str(seed_path.parent / "wikinews" / "*.csv")))
    assert frequency.top_word(collocations.sequence(wikinews), stopwords=stopwords.load()) == "people"
