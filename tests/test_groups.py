"""Groups of documents (group_by) and counts per group, checked by hand and on the Wikinews seed."""

import datetime
import re

import pandas as pd
import pytest

from textkit import actors, clean, dates, dispersion, files, groups, parameters
from textkit.errors import ParameterError

from conftest import ROOT

WIKINEWS = ROOT / "seeds" / "wikinews"


def corpus_of(**columns) -> pd.DataFrame:
    """A small corpus: doc_id a, b, c, ... with the columns given (text and path filled in)."""
    n = len(next(iter(columns.values())))
    ids = columns.pop("doc_id", [chr(ord("a") + i) for i in range(n)])
    return pd.DataFrame({"doc_id": ids, "text": "x", "path": ids, "encoding": "utf-8", **columns})


# --------------------------------------------------------------------------------------------
# The group_by rule
# --------------------------------------------------------------------------------------------

GOOD = ["", "folder", "source", "date:year", "date:month", "date:week", "date:day",
        "published:month", "news desk", "news desk:year"]
BAD = ["date:quarter", "date:", ":month", " source", "source ", "a:b:month", "date:Month", 3,
       None]


@pytest.mark.parametrize("value", GOOD)
def test_group_by_rule_accepts(value):
    assert parameters.check(group_by=value) == {"group_by": value}


@pytest.mark.parametrize("value", BAD, ids=repr)
def test_group_by_rule_refuses_with_one_message(value):
    with pytest.raises(ParameterError, match=r"parameter group_by must be empty for one group, "
                                             r"'folder', a metadata column, or COLUMN:PERIOD"):
        parameters.check(group_by=value)


def test_group_by_is_among_every_rule():
    assert "group_by" in parameters.rules()


# --------------------------------------------------------------------------------------------
# Dates: the formats read, and the labels of each period
# --------------------------------------------------------------------------------------------

DATES = {
    "2020-01-31": "2020-01-31",
    "2020-1-5": "2020-01-05",
    "2020-01-31T23:30:00-05:00": "2020-01-31",  # the day as written, zone ignored
    "2020-01-31 09:30": "2020-01-31",
    "2020-01-31T09:30:00.123Z": "2020-01-31",
    "2020/01/31": "2020-01-31",
    "31.01.2020": "2020-01-31",
    "January 31, 2020": "2020-01-31",
    "Friday, January 31, 2020": "2020-01-31",
    "Jan. 31, 2020": "2020-01-31",
    "Sept 3 2020": "2020-09-03",
    "jan 31st, 2020 at 9:30 a.m. EST": "2020-01-31",
    "January 31, 2020 Friday": "2020-01-31",  # LexisNexis
    "31 January 2020": "2020-01-31",
    "31st of January, 2020": "2020-01-31",
    "Fri, 31 Jan 2020 09:30:00 +0000": "2020-01-31",  # RFC 2822, as in RSS
    "  31   Jan  2020 ": "2020-01-31",
}

NOT_DATES = {
    "yesterday": "not a date in a format textkit reads",
    "2020-01": "not a date in a format textkit reads",
    "2020": "not a date in a format textkit reads",
    "01/02/2020": "day and month are ambiguous",
    "1-2-20": "day and month are ambiguous",
    "2020-02-30": "not a day of the calendar",
    "February 30, 2020": "not a day of the calendar",
    "31 Janvier 2020": "not a date in a format textkit reads",
    "2020-01-31 and more": "not a date in a format textkit reads",
}


@pytest.mark.parametrize(("value", "expected"), DATES.items(), ids=list(DATES))
def test_parse_date_reads(value, expected):
    assert dates.parse_date(value).isoformat() == expected


@pytest.mark.parametrize(("value", "reason"), NOT_DATES.items(), ids=list(NOT_DATES))
def test_parse_date_refuses_with_a_reason(value, reason):
    with pytest.raises(ValueError, match=reason):
        dates.parse_date(value)


def test_parse_date_takes_dates_already_parsed():
    day = datetime.date(2020, 1, 31)
    assert dates.parse_date(day) == day == dates.parse_date(pd.Timestamp("2020-01-31 10:00"))


PERIOD_LABELS = [  # day → year, month, week, day
    ("2020-01-31", ["2020", "2020-01", "2020-W05", "2020-01-31"]),
    ("2019-12-30", ["2019", "2019-12", "2020-W01", "2019-12-30"]),  # ISO week of the next year
    ("2021-01-03", ["2021", "2021-01", "2020-W53", "2021-01-03"]),  # ... and of the year before
    ("2020-03-09", ["2020", "2020-03", "2020-W11", "2020-03-09"]),
]


@pytest.mark.parametrize(("day", "labels"), PERIOD_LABELS, ids=[d for d, _ in PERIOD_LABELS])
def test_period_labels_sort_in_time_order(day, labels):
    parsed = datetime.date.fromisoformat(day)
    assert [dates.period(parsed, name) for name in dates.PERIODS] == labels


# --------------------------------------------------------------------------------------------
# Assigning groups
# --------------------------------------------------------------------------------------------

SAMPLE = dict(
    doc_id=["sport/a.txt", "business/b.txt", "sport/x/c.txt", "top.txt"],
    source=["AP", " BBC ", "AP", ""],
    date=["2020-01-31", "3 February 2020", "", "Dec 30, 2019"],
    published=["2021-06-01", "2021-06-02", "2021-07-01", "2021-07-02"],
)

ASSIGN = {
    "": ["all", "all", "all", "all"],
    "folder": ["sport", "business", "sport", "(top level)"],
    "source": ["AP", "BBC", "AP", "(missing)"],
    "date": ["2020-01-31", "3 February 2020", "(missing)", "Dec 30, 2019"],  # as written
    "date:year": ["2020", "2020", "(missing)", "2019"],
    "date:month": ["2020-01", "2020-02", "(missing)", "2019-12"],
    "date:week": ["2020-W05", "2020-W06", "(missing)", "2020-W01"],
    "date:day": ["2020-01-31", "2020-02-03", "(missing)", "2019-12-30"],
    "published:month": ["2021-06", "2021-06", "2021-07", "2021-07"],
}


@pytest.mark.parametrize(("group_by", "labels"), ASSIGN.items(), ids=list(ASSIGN))
def test_assign(group_by, labels):
    corpus = corpus_of(**SAMPLE)
    grouped = groups.assign(corpus, group_by)
    assert grouped["doc_group"].tolist() == labels
    assert grouped.columns.tolist() == [*corpus.columns, "doc_group"]
    assert grouped["doc_id"].tolist() == corpus["doc_id"].tolist()
    assert corpus.columns.tolist() == [*corpus_of(**SAMPLE).columns]  # the input is unchanged
    groups.check(corpus, group_by)  # the runner's check passes where assign does


def test_a_date_grouping_parses_the_column_once_into_dates():
    grouped = groups.assign(corpus_of(**SAMPLE), "date:month")
    assert grouped["date"].tolist() == [
        datetime.date(2020, 1, 31), datetime.date(2020, 2, 3), None, datetime.date(2019, 12, 30)]
    again = groups.assign(grouped, "date:week")  # parsed dates are read as they are
    assert again["doc_group"].tolist() == ASSIGN["date:week"]


def test_a_column_named_folder_wins_over_the_keyword():
    corpus = corpus_of(doc_id=["a/1.txt", "b/2.txt"], folder=["x", "y"])
    assert groups.assign(corpus, "folder")["doc_group"].tolist() == ["x", "y"]


def test_groups_sort_by_label_with_bracketed_labels_last():
    assert groups.order(["2020-W05", "(missing)", "2019-W52", "(top level)", "2020-W05"]) == [
        "2019-W52", "2020-W05", "(missing)", "(top level)"]


def message(corpus, group_by) -> str:
    with pytest.raises(ParameterError) as caught:
        groups.assign(corpus, group_by)
    with pytest.raises(ParameterError) as checked:
        groups.check(corpus, group_by)
    assert str(checked.value) == str(caught.value)
    return str(caught.value)


def test_dates_that_do_not_parse_are_named_by_row_doc_id_and_value():
    corpus = corpus_of(doc_id=["x.csv:2", "x.csv:3", "x.csv:4", "x.csv:5"],
                       date=["2020-01-31", "yesterday", "", "01/02/2020"])
    text = message(corpus, "date:month")
    assert text.startswith("parameter group_by date:month: 2 of 4 value(s) in column 'date' are "
                           "not dates: ")
    assert "row 2 (doc_id 'x.csv:3'): 'yesterday', not a date in a format textkit reads" in text
    assert "row 4 (doc_id 'x.csv:5'): '01/02/2020', day and month are ambiguous" in text
    assert "Dates are read in ISO 8601 (2020-01-31" in text and "Correct those cells" in text


def test_many_bad_dates_list_the_first_five():
    corpus = corpus_of(published=[f"day {n}" for n in range(8)])
    text = message(corpus, "published:year")
    assert "8 of 8 value(s) in column 'published'" in text
    assert text.count("doc_id") == 5 and "; and 3 more." in text


GROUP_BY_ERRORS = {
    "unknown column": (
        corpus_of(source=["AP"], date=["2020-01-31"]), "outlet",
        "parameter group_by 'outlet': the corpus has no column 'outlet'. Its metadata columns "
        "are 'source', 'date'; group_by may also be empty or 'folder'"),
    "unknown date column": (
        corpus_of(source=["AP"]), "published:month",
        "parameter group_by 'published:month': the corpus has no column 'published'. Its "
        "metadata columns are 'source'"),
    "no metadata": (corpus_of(doc_id=["a.txt"]), "date:year", "It has no metadata columns"),
    "the text": (corpus_of(source=["AP"]), "text", "cannot group by the text itself"),
    "folder of a table": (
        corpus_of(doc_id=["t.csv:2"], date=["2020-01-31"]).assign(path="t.csv"), "folder",
        "parameter group_by 'folder' groups the .txt files of a folder corpus by their first "
        "folder, but 1 document(s) are rows of a table, such as 't.csv:2'. Group by one of its "
        "columns instead: date."),
    "a bad value": (corpus_of(source=["AP"]), "date:quarter", "parameter group_by must be"),
}


@pytest.mark.parametrize(("corpus", "group_by", "expected"), GROUP_BY_ERRORS.values(),
                         ids=list(GROUP_BY_ERRORS))
def test_group_by_errors_name_the_parameter_and_what_there_is(corpus, group_by, expected):
    assert expected in message(corpus, group_by)


# --------------------------------------------------------------------------------------------
# Attaching groups to tables
# --------------------------------------------------------------------------------------------


@pytest.fixture
def grouped():
    return groups.assign(corpus_of(**SAMPLE, title=["T1", "T2", "T3", "T4"]), "folder")


def test_attach_keeps_rows_order_and_index(grouped):
    table = pd.DataFrame({"doc_id": ["top.txt", "sport/a.txt", "top.txt"], "n": [1, 2, 3]},
                         index=[7, 5, 6])
    attached = groups.attach(table, grouped, columns=["source", "date"])
    assert attached.columns.tolist() == ["doc_id", "doc_group", "source", "date", "n"]
    assert attached.index.tolist() == [7, 5, 6]
    assert attached.values.tolist() == [
        ["top.txt", "(top level)", "", "Dec 30, 2019", 1],
        ["sport/a.txt", "sport", "AP", "2020-01-31", 2],
        ["top.txt", "(top level)", "", "Dec 30, 2019", 3]]
    assert groups.attach(attached, grouped).equals(attached)  # doc_group replaced in place


def test_attach_renames_a_column_the_table_has(grouped):
    quotations = pd.DataFrame({"doc_id": ["sport/a.txt"], "title": ["Mr"]})
    attached = groups.attach(quotations, grouped, columns={"title": "headline"})
    assert attached.values.tolist() == [["sport/a.txt", "sport", "T1", "Mr"]]
    with pytest.raises(ParameterError, match=r"already has column\(s\) \['title'\]: pass "
                                             r"columns=\{corpus column: new name\}"):
        groups.attach(quotations, grouped, columns=["title"])


def test_attach_an_empty_table_keeps_the_shape(grouped):
    empty = pd.DataFrame(columns=["doc_id", "actor"])
    assert groups.attach(empty, grouped).columns.tolist() == ["doc_id", "doc_group", "actor"]


ATTACH_ERRORS = {
    "no groups": ("corpus", "call groups.assign(corpus, group_by) first"),
    "unknown doc_id": ("unknown", "1 doc_id value(s) of the table are not in the corpus, such "
                                  "as ['zzz']"),
    "unknown column": ("column", "the corpus has no column(s) ['outlet']"),
}


@pytest.mark.parametrize(("case", "expected"), ATTACH_ERRORS.values(), ids=list(ATTACH_ERRORS))
def test_attach_errors(grouped, case, expected):
    table = pd.DataFrame({"doc_id": ["zzz" if case == "unknown" else "top.txt"]})
    corpus = grouped.drop(columns="doc_group") if case == "corpus" else grouped
    with pytest.raises(ParameterError, match=re.escape(expected)):
        groups.attach(table, corpus, columns=["outlet"] if case == "column" else ())


# --------------------------------------------------------------------------------------------
# Counting per group: by hand
# --------------------------------------------------------------------------------------------

#   doc   source  tokens  mentions
#   a     AP      100     Kyiv, Kyiv, NATO
#   b     AP      300     Kyiv
#   c     BBC     50      NATO
#   d     BBC     50      (none)
HAND = corpus_of(source=["AP", "AP", "BBC", "BBC"])
HAND_SIZES = pd.Series({"a": 100, "b": 300, "c": 50, "d": 50})
HAND_MENTIONS = pd.DataFrame({"doc_id": ["a", "a", "a", "b", "c"],
                              "actor": ["Kyiv", "Kyiv", "NATO", "Kyiv", "NATO"]})

COUNTS = {
    "source": [
        # doc_group, actor, count, documents, share, per_1000, group_tokens
        ["AP", "Kyiv", 3, 2, 0.75, 7.5, 400],
        ["AP", "NATO", 1, 1, 0.25, 2.5, 400],
        ["BBC", "NATO", 1, 1, 1.0, 10.0, 100],
    ],
    "": [
        ["all", "Kyiv", 3, 2, 0.6, 6.0, 500],
        ["all", "NATO", 2, 2, 0.4, 4.0, 500],
    ],
}


@pytest.mark.parametrize(("group_by", "expected"), COUNTS.items(), ids=list(COUNTS))
def test_counts_by_hand(group_by, expected):
    corpus = groups.assign(HAND, group_by)
    table = groups.counts(HAND_MENTIONS, corpus, key="actor", sizes=HAND_SIZES)
    assert table.columns.tolist() == [
        "doc_group", "actor", "count", "documents", "share", "per_1000", "group_tokens"]
    assert table.values.tolist() == expected


def test_summary_by_hand():
    table = groups.summary(groups.assign(HAND, "source"), HAND_SIZES)
    assert table.values.tolist() == [["AP", 2, 400, 0.8], ["BBC", 2, 100, 0.2]]


def test_counts_of_per_chunk_counts_equal_counts_of_per_document_counts():
    """The merge adds up any rows of a document: counts of chunks give the same table."""
    corpus = groups.assign(HAND, "source")
    chunks = pd.DataFrame({"doc_id": ["a", "a", "a", "b", "c"],
                           "actor": ["Kyiv", "NATO", "Kyiv", "Kyiv", "NATO"],
                           "count": [1, 1, 1, 1, 1]})  # a in two chunks: Kyiv once in each
    merged = groups.merge(chunks, corpus, key="actor", sizes=HAND_SIZES)
    assert merged.equals(groups.counts(HAND_MENTIONS, corpus, key="actor", sizes=HAND_SIZES))


def test_counts_of_an_empty_table_keep_the_shape():
    corpus = groups.assign(HAND, "source")
    table = groups.counts(HAND_MENTIONS.iloc[0:0], corpus, key="actor", sizes=HAND_SIZES)
    assert table.empty
    assert table.columns.tolist() == [
        "doc_group", "actor", "count", "documents", "share", "per_1000", "group_tokens"]


def test_sizes_of_other_documents_are_refused():
    with pytest.raises(ParameterError, match=r"sizes has 1 doc_id\(s\) that are not in the corpus"):
        groups.summary(groups.assign(HAND, ""), pd.Series({"a": 1, "zzz": 2}))


def test_voice_by_hand():
    corpus = groups.assign(HAND, "source")
    quotations = pd.DataFrame({
        "doc_id": ["a", "a", "b", "c", "c"],
        "speaker": ["Ann Clarke", "Dmitry Peskov", "Dmitry Peskov", "", "Dmitry Peskov"],
        "actor": ["", "Dmitry Peskov", "Dmitry Peskov", "", "Dmitry Peskov"],
        "group": ["", "Russia", "Russia", "", "Russia"],
        "words": [10, 4, 6, 5, 5]})
    table = groups.voice(quotations, corpus, sizes=HAND_SIZES)
    assert table.columns.tolist() == [
        "doc_group", "actor", "group", "quotes", "words", "documents", "quote_share",
        "word_share", "quotes_per_1000", "words_per_1000", "group_tokens"]
    assert table.values.tolist() == [
        ["AP", "Dmitry Peskov", "Russia", 2, 10, 2, 0.666667, 0.5, 5.0, 25.0, 400],
        ["AP", "(not in dictionary)", "(not in dictionary)", 1, 10, 1, 0.333333, 0.5, 2.5, 25.0,
         400],
        ["BBC", "Dmitry Peskov", "Russia", 1, 5, 1, 0.5, 0.5, 10.0, 50.0, 100],
        ["BBC", "(unattributed)", "(unattributed)", 1, 5, 1, 0.5, 0.5, 10.0, 50.0, 100],
    ]
    by_speaker = groups.voice(quotations, corpus, by="speaker", sizes=HAND_SIZES)
    assert by_speaker[["doc_group", "speaker", "quotes"]].values.tolist() == [
        ["AP", "Dmitry Peskov", 2], ["AP", "Ann Clarke", 1],  # 10 words each, then quotes
        ["BBC", "Dmitry Peskov", 1], ["BBC", "(unattributed)", 1]]


def test_side_by_side_by_hand():
    corpus = groups.assign(HAND, "source")
    long = groups.counts(HAND_MENTIONS, corpus, key="actor", sizes=HAND_SIZES)
    wide = groups.side_by_side(long, key="actor", value="count")
    assert wide.columns.tolist() == ["actor", "AP", "BBC"]
    assert wide.values.tolist() == [["Kyiv", 3, 0], ["NATO", 1, 1]]


# --------------------------------------------------------------------------------------------
# Real data: the Wikinews seed as tables, and as a folder corpus with one folder per year
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def wikinews():
    """The 295 Wikinews articles, cleaned, with their actor mentions and token counts."""
    docs = clean.corpus(files.read_corpus(str(WIKINEWS / "*.csv")))
    mentions = actors.mentions(docs, actors.load(ROOT / "seeds" / "actors.yml"))
    sizes = pd.Series(docs["text"].str.split().str.len().to_numpy(), index=docs["doc_id"])
    return docs, mentions, sizes


def assert_sums_equal_totals(table: pd.DataFrame, mentions: pd.DataFrame, summary, sizes):
    """Adding up the groups gives the corpus: per actor, mentions and documents; tokens."""
    totals = actors.counts(mentions).set_index("actor")
    summed = table.groupby("actor")[["count", "documents"]].sum()
    assert summed["count"].to_dict() == totals["mentions"].to_dict()
    assert summed["documents"].to_dict() == totals["documents"].to_dict()
    assert summary["tokens"].sum() == sizes.sum()
    assert table.groupby("doc_group")["share"].sum().round(4).eq(1).all()


@pytest.mark.parametrize(("group_by", "documents"), [
    ("date:year", {"2019": 171, "2020": 122, "2021": 2}),
    ("date:month", {"2019-01": 21, "2019-09": 32, "2020-12": 7, "2021-03": 2}),
])
def test_wikinews_by_date(wikinews, group_by, documents):
    docs, mentions, sizes = wikinews
    corpus = groups.assign(docs, group_by)
    summary = groups.summary(corpus, sizes)
    assert summary["documents"].sum() == 295
    counted = summary.set_index("doc_group")["documents"]
    assert counted.reindex(list(documents)).to_dict() == documents
    assert summary["doc_group"].tolist() == sorted(summary["doc_group"])  # labels sort in time
    assert len(summary) == (3 if group_by == "date:year" else 25)
    table = groups.counts(mentions, corpus, key="actor", sizes=sizes)
    assert_sums_equal_totals(table, mentions, summary, sizes)


def test_wikinews_as_a_folder_corpus_by_folder(wikinews, tmp_path):
    """Each article as a .txt file with front matter in a folder per year, a sidecar with the
    url, and one copy: folder groups are the years, and their sums are the corpus totals."""
    docs, mentions, sizes = wikinews
    raw = files.read_corpus(str(WIKINEWS / "*.csv"))
    raw["name"] = [f"{date[:4]}/{number:03d}.txt" for number, date in enumerate(raw["date"])]
    rows = ["file,url"]
    for name, title, date, text, url in raw[["name", "title", "date", "text", "url"]].values:
        path = tmp_path / "news" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"---\ntitle: \"{title}\"\ndate: {date}\n---\n{text}", encoding="utf-8")
        rows.append(f"{name[:-4]},\"{url}\"")
    raw = raw.sort_values("name").reset_index(drop=True)  # the folder's order
    (tmp_path / "news" / "2021" / "copy.txt").write_text(raw["text"][0], encoding="utf-8")
    (tmp_path / "news" / "metadata.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")

    folder, notes = files.read_corpus_with_notes(tmp_path / "news", drop_duplicates=True)
    assert len(folder) == 295 and "copy" not in " ".join(folder["doc_id"])
    assert notes[notes["kind"] == "duplicate"]["detail"].str.contains("2021/copy.txt").all()
    columns = ["title", "date", "url"]  # front matter and sidecar
    assert folder[columns].values.tolist() == raw[columns].values.tolist()
    folder = groups.assign(clean.corpus(folder), "folder")
    by_year = groups.assign(folder, "date:year")["doc_group"]
    assert folder["doc_group"].tolist() == by_year.tolist()

    ids = dict(zip(raw["doc_id"], raw["name"]))  # the same articles
    assert folder["text"].tolist() == docs.set_index("doc_id")["text"][list(ids)].tolist()
    mentions = mentions.assign(doc_id=mentions["doc_id"].map(ids))
    sizes = sizes.rename(index=ids)
    summary = groups.summary(folder, sizes)
    assert summary[["doc_group", "documents"]].values.tolist() == [
        ["2019", 171], ["2020", 122], ["2021", 2]]
    table = groups.counts(mentions, folder, key=["actor", "group"], sizes=sizes)
    assert_sums_equal_totals(table, mentions, summary, sizes)
    per_section = groups.attach(mentions, folder)
    summed = table.groupby("doc_group")["count"].sum()
    assert per_section.groupby("doc_group").size().to_dict() == summed.to_dict()


def test_wikinews_per_document_tables_carry_the_group(wikinews):
    docs, mentions, sizes = wikinews
    corpus = groups.assign(docs, "date:year")
    attached = groups.attach(mentions, corpus, columns=["date"])
    assert attached.columns.tolist()[:3] == ["doc_id", "doc_group", "date"]
    assert len(attached) == len(mentions)
    assert (attached["doc_group"] == attached["date"].map(lambda d: f"{d.year}")).all()
    tokens = dispersion.part_sizes(pd.DataFrame({"doc_id": docs["doc_id"], "token": "x"}))
    assert groups.summary(corpus, tokens)["documents"].sum() == len(docs)


# --------------------------------------------------------------------------------------------
# Trends: the keys followed across the groups
# --------------------------------------------------------------------------------------------

def _long() -> pd.DataFrame:
    """Counts of five words in two years: totals war 5, aid 5, ban 5, zoo 4, sea 1."""
    return pd.DataFrame({
        "doc_group": ["2020", "2020", "2020", "2021", "2021", "2021", "2021", "2020"],
        "term": ["war", "zoo", "sea", "aid", "ban", "war", "zoo", "ban"],
        "count": [2, 4, 1, 5, 3, 3, 0, 2],
        "per_1000": [2.0, 4.0, 1.0, 5.0, 3.0, 3.0, 0.0, 2.0],
    })


def test_trend_follows_the_most_frequent_keys_ties_by_key():
    result = groups.trend(_long(), key="term", top_n=3)
    # aid, ban and war all total 5: the three of them, in key order; zoo (4) is left out
    assert result["term"].tolist() == ["aid", "ban", "war"] * 2
    assert result["doc_group"].tolist() == ["2020"] * 3 + ["2021"] * 3
    assert result["count"].tolist() == [0, 2, 2, 5, 3, 3]  # aid never occurs in 2020: 0
    assert result["per_1000"].tolist() == [0.0, 2.0, 2.0, 5.0, 3.0, 3.0]


def test_trend_keeps_the_order_chosen_and_zeros_for_absent_keys():
    result = groups.trend(_long(), key="term", chosen="sea, nope , zoo")
    assert result["term"].tolist() == ["sea", "nope", "zoo"] * 2
    assert result["count"].tolist() == [1, 0, 4, 0, 0, 0]
    assert result["count"].dtype == "int64" and result["per_1000"].dtype == float
