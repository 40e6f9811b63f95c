"""Tests for textkit.kwic: concordance lines from character spans, free-query search, sorting."""

import pandas as pd
import pytest

from textkit import actors, clean, collocations, files, kwic, parameters
from textkit.errors import ParameterError

from conftest import SEED

TEXT = "The Kremlin said on Thursday.\nPeskov said no."
#       0123456789012345678901234567 8 9012345678901234
#       0         1         2          3         4


# --------------------------------------------------------------------------------------------
# lines: the one place that cuts a line
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("span", "width", "left", "match", "right", "words"),
    [
        ((4, 11), 5, "The ", "Kremlin", " said", ("", "the", "said", "on")),  # shorter at the start
        ((30, 36), 12, "n Thursday. ", "Peskov", " said no.",               # newline as a space
         ("on", "thursday", "said", "no")),
        ((42, 44), 40, "e Kremlin said on Thursday. Peskov said ", "no", ".",
         ("peskov", "said", "", "")),
        ((42, 44), 99, "The Kremlin said on Thursday. Peskov said ", "no", ".",
         ("peskov", "said", "", "")),
        ((0, 3), 3, "", "The", " Kr", ("", "", "kremlin", "said")),
        ((43, 45), 3, "d n", "o.", "", ("peskov", "said", "", "")),          # nothing after the end
        # a match across the newline: "Peskov", cut by the match, is neither L1 nor R1
        ((28, 31), 4, "sday", ". P", "esko", ("on", "thursday", "said", "no")),
    ],
)
def test_lines(span, width, left, match, right, words):
    table = kwic.lines(TEXT, [span], width=width)
    assert table.to_dict("records") == [
        {"start": span[0], "end": span[1], "left": left, "match": match, "right": right,
         **dict(zip(kwic.CONTEXT, words))}
    ]


def test_lines_are_sorted_by_start_then_end():
    table = kwic.lines(TEXT, [(30, 36), (4, 11), (4, 8)], width=2)
    assert table[["start", "end", "match"]].values.tolist() == [
        [4, 8, "Krem"], [4, 11, "Kremlin"], [30, 36, "Peskov"]
    ]


def test_no_spans_gives_an_empty_table_with_the_columns():
    table = kwic.lines(TEXT, [])
    assert table.empty
    assert table.columns.tolist() == ["start", "end", "left", "match", "right",
                                      "L2", "L1", "R1", "R2"]
    assert str(table["start"].dtype) == "int64"


def test_default_width_is_40():
    text = "x" * 50 + "NATO" + "y" * 50
    row = kwic.lines(text, [(50, 54)]).iloc[0]
    assert (row["left"], row["match"], row["right"]) == ("x" * 40, "NATO", "y" * 40)


@pytest.mark.parametrize("width", [0, -5])
def test_width_below_one_is_rejected(width):
    with pytest.raises(ValueError, match=f"width must be at least 1 character, got {width}"):
        kwic.lines(TEXT, [(0, 3)], width=width)


def test_context_words_skip_punctuation_and_stay_in_the_document():
    text = 'He said: "NATO, (the alliance) won\'t." End'
    start = text.index("the")
    row = kwic.lines(text, [(start, start + 3)]).iloc[0]
    assert (row["L2"], row["L1"], row["R1"], row["R2"]) == ("said", "NATO", "alliance", "won't")


# --------------------------------------------------------------------------------------------
# search: queries checked by hand on a short text
# --------------------------------------------------------------------------------------------

SHORT = (
    "Russia warned the West. Russian troops massed near Ukraine. "
    "The U.S. said the economy of Russia would suffer; USA Today agreed.\n\n"
    "Economic sanctions (not talks) were prepared. russia's reply came."
)
# Sentences: 1 "Russia warned the West." 2 "Russian troops ... Ukraine." 3 "The U.S. ... agreed."
# 4 "Economic sanctions (not talks) were prepared." 5 "russia's reply came."


def _found(query, **options):
    table = kwic.search(SHORT, query, sort="none", **options)
    return table[["sentence", "match"]].values.tolist()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("russia", [[1, "Russia"], [3, "Russia"], [5, "russia"]]),  # not Russian; 's split off
        ("Russia's", [[5, "russia's"]]),                              # two words, as in the text
        ("russia*", [[1, "Russia"], [2, "Russian"], [3, "Russia"], [5, "russia"]]),
        ("*ed", [[1, "warned"], [2, "massed"], [3, "agreed"], [4, "prepared"]]),
        ("pre*ed", [[4, "prepared"]]),
        ("econom*", [[3, "economy"], [4, "Economic"]]),
        ("the * of", [[3, "the economy of"]]),                        # a lone * is one word
        ("said the *", [[3, "said the economy"]]),
        ("troops massed", [[2, "troops massed"]]),                    # a phrase
        ("west russian", []),                                         # never across a sentence end
        ("(not talks)", [[4, "not talks"]]),                          # punctuation is not a word
        ("U.S.", [[3, "U.S."]]),                                      # dots are literal ...
        ("USA", [[3, "USA"]]),
        ("russi.", []),                                               # ... never "any character"
        ("u*a", []),                                                  # * stays inside one token
    ],
)
def test_search_finds_by_hand(query, expected):
    assert _found(query) == expected


def test_case_folding_follows_tokens_fold():
    assert len(_found("RUSSIA")) == 0          # capitals mean an acronym, as "US" is not "us"
    assert _found("usa") == []                 # the acronym USA keeps its capitals
    assert _found("Russia", lowercase=False) == [[1, "Russia"], [3, "Russia"]]
    assert _found("russia", lowercase=False) == [[5, "russia"]]
    assert _found("economic", lowercase=False) == []


def test_search_columns_offsets_and_context_words():
    table = kwic.search(SHORT, "russia*", sort="none", width=10)
    assert list(table.columns) == ["doc_id", "sentence", *kwic.COLUMNS]
    assert table["doc_id"].unique().tolist() == ["text"]
    assert all(SHORT[s:e] == m for s, e, m in zip(table["start"], table["end"], table["match"]))
    assert table[["L2", "L1", "R1", "R2"]].values.tolist() == [
        ["", "", "warned", "the"],
        ["the", "west", "troops", "massed"],           # across the sentence end
        ["economy", "of", "would", "suffer"],
        ["were", "prepared", "'s", "reply"],           # across the paragraph break
    ]
    assert (table["left"].str.len() <= 10).all() and (table["right"].str.len() <= 10).all()


@pytest.mark.parametrize(
    ("sort", "matches"),
    [
        ("R1", ["russia's", "Russian", "Russia@0", "Russia@89"]),  # 's < troops < warned < would
        ("L1", ["Russia@0", "Russia@89", "russia's", "Russian"]),  # "" < of < prepared < west
        ("none", ["Russia@0", "Russian", "Russia@89", "russia's"]),
    ],
)
def test_sort_orders_on_the_short_text(sort, matches):
    table = kwic.search(SHORT, "russia*", sort=sort)
    names = {0: "Russia@0", 24: "Russian", 89: "Russia@89", 175: "russia's"}
    assert [names[s] for s in table["start"]] == matches


SORT_TEXT = "Russia warned Kyiv. Russia warned Europe. Russia denied it. Russia warned Europe."
#            0                   20                    42                 60


@pytest.mark.parametrize(
    ("sort", "starts"),
    [
        ("R1", [42, 0, 20, 60]),          # denied, then the three "warned" in text order
        ("R1,R2", [42, 20, 60, 0]),       # denied it; warned europe (twice); warned kyiv
        ("r1, r2", [42, 20, 60, 0]),      # case and spaces do not matter
        ("L1", [0, 42, 60, 20]),          # ""; europe; it; kyiv
        ("L2", [0, 60, 20, 42]),          # ""; denied; warned (twice, by position)
        ("L1,R1", [0, 42, 60, 20]),
        ("none", [0, 20, 42, 60]),
    ],
)
def test_sort_keys_with_ties_by_position(sort, starts):
    assert kwic.search(SORT_TEXT, "russia", sort=sort)["start"].tolist() == starts


def test_ties_are_broken_by_document_order_not_by_name():
    docs = pd.DataFrame({"doc_id": ["b", "a"],
                         "text": ["Russia warned.", "Russia warned. Russia ate."]})
    table = kwic.search(docs, "russia", sort="R1")
    assert table[["doc_id", "start", "R1"]].values.tolist() == [
        ["a", 15, "ate"], ["b", 0, "warned"], ["a", 0, "warned"]
    ]


def test_sort_works_on_every_concordance():
    lines = kwic.lines(SORT_TEXT, [(0, 6), (20, 26), (42, 48), (60, 66)])
    assert kwic.sort(lines, "R1,R2")["start"].tolist() == [42, 20, 60, 0]
    nodes = collocations.concordance(SORT_TEXT, "russia")
    assert kwic.sort(nodes, "R1")["start"].tolist() == [42, 0, 20, 60]
    # a table read back from CSV has NaN where a context word was "": it still sorts first
    read_back = nodes.assign(L1=[None, "kyiv", "europe", "it"])
    assert kwic.sort(read_back, "L1")["start"].tolist() == [0, 42, 60, 20]
    with pytest.raises(ParameterError, match="parameter sort must be"):
        kwic.sort(nodes, "R9")


def test_group_column():
    docs = pd.DataFrame({
        "doc_id": ["d1", "d2", "d3"], "text": ["Russia warned.", "No news.", "Russia denied."],
        "doc_group": ["AP", "AP", "Reuters"], "outlet": ["ap.org", "ap.org", "reuters.com"],
    })
    table = kwic.search(docs, "russia")
    assert list(table.columns) == list(kwic.SEARCH_COLUMNS)
    assert table[["doc_id", "doc_group", "R1"]].values.tolist() == [
        ["d3", "Reuters", "denied"], ["d1", "AP", "warned"]
    ]
    by_outlet = kwic.search(docs, "russia", group="outlet", sort="none")
    assert by_outlet["doc_group"].tolist() == ["ap.org", "reuters.com"]
    plain = kwic.search(docs.drop(columns="doc_group"), "russia")
    assert "doc_group" not in plain.columns
    with pytest.raises(ParameterError, match="'source' is not a column.*'outlet'"):
        kwic.search(docs, "russia", group="source")


def test_empty_result_has_the_columns_and_types():
    table = kwic.search(SHORT, "atlantis")
    assert table.empty and list(table.columns) == ["doc_id", "sentence", *kwic.COLUMNS]
    assert str(table["sentence"].dtype) == str(table["start"].dtype) == "int64"
    assert table["match"].dtype == object
    docs = pd.DataFrame({"doc_id": ["a"], "text": ["x"], "doc_group": ["g"]})
    assert list(kwic.search(docs, "atlantis").columns) == list(kwic.SEARCH_COLUMNS)


def test_limit_keeps_the_first_lines_after_sorting():
    assert kwic.search(SORT_TEXT, "russia", sort="R1", limit=2)["start"].tolist() == [42, 0]
    with pytest.raises(ParameterError, match="parameter limit must be a whole number of at least"):
        kwic.search(SORT_TEXT, "russia", limit=0)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("query", ""), ("query", "   "), ("query", "*"), ("query", "* *"), ("query", "—"),
        ("query", "one two three four five six seven eight nine"), ("query", None),
        ("sort", "R3"), ("sort", "R1,R1"), ("sort", ""), ("sort", "left"), ("sort", 1),
        ("width", 0),
    ],
)
def test_bad_values_are_refused_with_the_rule_message(name, value):
    what = parameters.RULES[name].what
    values = {"query": "russia", "sort": "R1", "width": 40, name: value}
    with pytest.raises(ParameterError) as err:
        kwic.search(SHORT, values["query"], sort=values["sort"], width=values["width"])
    assert str(err.value) == f"parameter {name} must be {what}, got {value!r}."


def test_rules_live_in_kwic():
    assert parameters.RULES["query"] is kwic.RULES["query"]
    assert parameters.RULES["sort"] is kwic.RULES["sort"]
    assert parameters.check(query="econom*", sort="R1,R2") == {"query": "econom*", "sort": "R1,R2"}
    assert parameters.RULES["query"].test("one two three four five six seven eight")


def test_a_query_is_never_a_regular_expression():
    text = "a(b) a.b axb [x] a+ a+b"
    for query in ["a(b", "a.b", "[x]", "a+", "a+b", "(", ")*"]:
        try:
            kwic.search(text, query)  # never re.error
        except ParameterError:
            pass  # no word in it
    assert kwic.search(text, "a.b", sort="none")["match"].tolist() == ["a(b", "a.b", "a+b"]
    assert kwic.search(text, "x*", sort="none")["match"].tolist() == ["x"]


# --------------------------------------------------------------------------------------------
# The seed, and the one core behind every concordance
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_docs():
    return clean.corpus(files.read_corpus(SEED))


def test_russia_star_on_the_seed(seed_docs):
    # Counted by hand in the seed: "Russia" 8 times and "Russia's" 6 times (14 russia),
    # "Russian" 9, "Russians" 2; nothing else starts with "russia".
    table = kwic.search(seed_docs, "russia*")
    assert len(table) == 25
    assert table["match"].value_counts().to_dict() == {"Russia": 14, "Russian": 9, "Russians": 2}
    assert table["R1"].tolist()[:6] == ["'s"] * 6          # Russia's first, sorted by R1
    assert table["start"].tolist()[:6] == sorted(table["start"].tolist()[:6])
    text = seed_docs["text"].iloc[0]
    assert all(text[s:e] == m for s, e, m in zip(table["start"], table["end"], table["match"]))
    # the first line of the article, sentence 1 (the headline), has no words before it
    first = table[table["start"] == 0].iloc[0]
    assert (first["sentence"], first["L1"], first["R1"]) == (1, "", "sees")


def test_one_core_behind_every_concordance(seed_docs):
    """The three concordances agree with each other, line for line."""
    free = kwic.search(seed_docs, "united states", sort="none")
    node = collocations.concordance(seed_docs, "united states")
    assert len(free) == len(node) == 8
    shared = list(kwic.COLUMNS)
    assert free[shared].equals(node[shared])
    dictionary = actors.load(SEED.parent / "actors.yml")
    mentions = actors.concordance(seed_docs, dictionary, actor="Vladimir Putin", width=20)
    assert list(mentions.columns) == ["doc_id", "sentence", "kind", "alias", *kwic.COLUMNS]
    free = pd.concat([kwic.search(seed_docs, query, sort="none", width=20)
                      for query in ("vladimir putin", "putin")])
    free = free.set_index(["start", "end"]).loc[list(zip(mentions["start"], mentions["end"]))]
    assert len(mentions) == 6
    assert mentions[shared].equals(free.reset_index()[shared])
    assert mentions["sentence"].tolist() == free["sentence"].tolist()


# --------------------------------------------------------------------------------------------
# Query.find against a word-by-word loop (the matching rule written out plainly)
# --------------------------------------------------------------------------------------------


def _find_by_loop(query: kwic.Query, words: kwic.WordIndex) -> list[tuple[int, int]]:
    """Every start where each term matches its word and the match stays in one sentence."""
    tokens = words.words(lowercase=query.lowercase)
    sentences = words.sentences.tolist()
    size, found = len(query.terms), []
    for i in range(len(tokens) - size + 1):
        if sentences[i] != sentences[i + size - 1]:
            continue
        if all(term is None or (term == tokens[i + k] if isinstance(term, str)
                                else term.fullmatch(tokens[i + k]) is not None)
               for k, term in enumerate(query.terms)):
            found.append((i, i + size - 1))
    return found


@pytest.mark.parametrize("lowercase", [True, False])
@pytest.mark.parametrize("query", ["russia", "Russia", "US", "the * of", "econom*", "*ian",
                                   "said", "of the", "Russia's", "* *", "biden said",
                                   "nothing-here", "the", "u.s."])
def test_find_agrees_with_a_word_by_word_loop(query, lowercase):
    text = clean.text(SEED.read_text(encoding="utf-8"))
    words = kwic.word_index(text)
    compiled = kwic.Query(query, lowercase=lowercase)
    found = compiled.find(words)
    assert found == _find_by_loop(compiled, words)
    if lowercase and query in ("russia", "the", "of the", "the * of", "econom*"):
        assert found  # the seed has these: the comparison is not of two empty lists


def test_word_index_on_an_empty_text_finds_nothing():
    words = kwic.word_index("")
    assert len(words.codes) == 0 and words.words() == []
    assert kwic.Query("russia").find(words) == []
    assert kwic.search("", "russia").empty
