"""plots.zipf stays small at any corpus size (issue 10) without changing what can be seen.

A Zipfian table of 500,000 types (about what 100 MB of news text gives) drew one marker per
type: a 50 MB SVG. ``zipf`` now draws every point of a table of up to ``ZIPF_THIN_ABOVE`` types
and thins a larger one to the points that can be told apart (see its docstring).
"""

import io

import matplotlib.image
import numpy as np
import pandas as pd
import pytest

from textkit import clean, files, frequency, plots, stopwords, tokens
from textkit.plots.words import ZIPF_THIN_ABOVE

#: Types in the large table.
TYPES = 500_000

#: How far (in pixels at 100 dpi, the resolution files.write_figure saves at) a point may be
#: from a drawn point and still count as seen: half a pixel, far less than the marker's width.
HALF_PIXEL = 0.5


def zipfian_table(types: int, top: float) -> pd.DataFrame:
    """A table shaped like ``frequency.table``: count = top / rank (at least 1), sorted."""
    counts = np.maximum(1, np.floor(top / np.arange(1, types + 1))).astype(np.int64)
    competition = np.searchsorted(-counts, -counts, side="left") + 1  # 1, 2, 2, 4
    table = pd.DataFrame({
        "rank": competition,
        "term": [f"w{i:07d}" for i in range(types)],
        "count": counts,
        "per_1000": np.round(counts / counts.sum() * 1000, 6),
        "documents": np.minimum(counts, 5000),
    })
    assert tuple(table.columns) == frequency.TABLE_COLUMNS
    return table


def drawn(figure):
    """(ranks, counts) of the term markers and of the reference line, as drawn."""
    ax = figure.axes[0]
    markers, reference = ax.get_lines()
    assert markers.get_label() == "terms" and reference.get_label() == "Zipf: f(1) / rank"
    return (np.asarray(markers.get_xdata()), np.asarray(markers.get_ydata()),
            np.asarray(reference.get_xdata()), np.asarray(reference.get_ydata()))


@pytest.fixture(scope="module")
def large():
    # top / rank with top = 500,000: counts from 500,000 down to 1, half the types hapaxes,
    # about 1,400 distinct counts (long steps in the tail, each count its own in the head).
    table = zipfian_table(TYPES, 500_000.0)
    return table, plots.zipf(table)


def test_large_table_gives_a_small_svg_and_a_png_that_renders(large, tmp_path):
    table, figure = large
    ranks, counts, _, _ = drawn(figure)
    assert len(ranks) < 1000  # at most about 3,000 whatever the counts
    png, svg = files.write_figure(figure, tmp_path, "zipf", formats=("png", "svg"))
    assert svg.stat().st_size < 400_000, svg.stat().st_size
    buffer = io.BytesIO()
    figure.savefig(buffer, format="svg")
    assert len(buffer.getvalue()) < 400_000
    image = matplotlib.image.imread(png)
    assert image.shape[:2] == (450, 600)
    # The markers are there: many pixels in the chart colour (#31688e).
    colour = np.array([0x31, 0x68, 0x8E]) / 255
    assert (np.abs(image[..., :3] - colour).max(axis=2) < 0.05).sum() > 1000


def test_large_table_keeps_the_curve(large):
    table, figure = large
    counts_all = table["count"].to_numpy()
    ranks, counts, line_x, line_y = drawn(figure)
    # Drawn points are points of the table, in rank order, from rank 1 to the last rank.
    assert ranks[0] == 1 and ranks[-1] == TYPES
    assert np.all(np.diff(ranks) > 0)
    assert np.array_equal(counts, counts_all[ranks.astype(int) - 1])
    # The reference line goes through the same ranks: f(1) / rank.
    assert np.array_equal(line_x, ranks) and np.allclose(line_y, counts_all[0] / ranks)

    ax = figure.axes[0]
    assert figure.dpi == 100
    every = ax.transData.transform(np.column_stack([np.arange(1, TYPES + 1), counts_all]))
    shown = ax.transData.transform(np.column_stack([ranks, counts]))

    # Every term's point is within half a pixel (in x and in y) of a drawn point: the drawn
    # point at or before its rank, or the next one.
    before = np.searchsorted(ranks, np.arange(1, TYPES + 1), side="right") - 1
    after = np.minimum(before + 1, len(ranks) - 1)
    distance = np.minimum(np.abs(every - shown[before]).max(axis=1),
                          np.abs(every - shown[after]).max(axis=1))
    assert distance.max() < HALF_PIXEL, distance.max()

    # Every distinct count is drawn, or lies within half a pixel (in y) of a drawn count.
    distinct = np.unique(counts_all)[::-1]
    level = ax.transData.transform(np.column_stack([np.ones_like(distinct), distinct]))[:, 1]
    drawn_level = ax.transData.transform(np.column_stack([np.ones_like(counts), counts]))[:, 1]
    nearest = np.abs(level[:, None] - np.unique(drawn_level)[None, :]).min(axis=1)
    assert nearest.max() < HALF_PIXEL
    # Every count at least half a pixel below the next larger one (the levels a reader can
    # tell apart: here every count up to 48, and about 50 larger ones) is drawn at the first
    # rank of its step, and
    # every step at least half a pixel long at its last rank too.
    first = np.searchsorted(-counts_all, -distinct, side="left") + 1
    last = np.searchsorted(-counts_all, -distinct, side="right")
    apart = np.concatenate(([True], np.abs(np.diff(level)) >= HALF_PIXEL))
    assert apart.sum() > 50
    assert set(zip(first[apart], distinct[apart])) <= set(zip(ranks, counts))
    x_first, x_last = (ax.transData.transform(np.column_stack([at, distinct]))[:, 0]
                       for at in (first, last))
    long = x_last - x_first >= HALF_PIXEL
    assert long.sum() > 50
    assert set(zip(last[long], distinct[long])) <= set(zip(ranks, counts))
    # So the tail keeps its steps: each of the counts 1 to 20 at both ends of its run.
    for count in range(1, 21):
        run = np.flatnonzero(counts_all == count) + 1
        assert {run[0], run[-1]} <= set(ranks[counts == count])


@pytest.mark.parametrize("types", [300, ZIPF_THIN_ABOVE])
def test_small_table_draws_every_point(types):
    table = zipfian_table(types, 150.0)  # ties from rank 15 on, as in a small text
    ranks, counts, line_x, line_y = drawn(plots.zipf(table))
    assert list(ranks) == list(range(1, types + 1))
    assert list(counts) == list(table["count"])
    assert list(line_x) == list(ranks)
    assert np.allclose(line_y, table["count"].iloc[0] / np.arange(1, types + 1))


def test_just_above_the_limit_is_thinned():
    table = zipfian_table(ZIPF_THIN_ABOVE + 1, 150.0)
    ranks, _, _, _ = drawn(plots.zipf(table))
    assert ranks[0] == 1 and ranks[-1] == ZIPF_THIN_ABOVE + 1
    assert len(ranks) < ZIPF_THIN_ABOVE / 2


def test_seed_figure_draws_every_term(seed_path):
    words = tokens.table(clean.corpus(files.read_corpus(seed_path)),
                         stopwords=stopwords.load("default"))
    table = frequency.table(words)
    ranks, counts, _, _ = drawn(plots.zipf(table))
    assert len(table) <= ZIPF_THIN_ABOVE
    assert list(ranks) == list(range(1, len(table) + 1))
    assert list(counts) == list(table["count"])


def test_empty_table():
    ax = plots.zipf(zipfian_table(0, 1.0)).axes[0]
    assert len(ax.get_lines()) == 1 and len(ax.get_lines()[0].get_xdata()) == 0


def test_collocate_scatter_stays_small_and_every_point_is_near_a_drawn_one():
    """20,000 collocates with scores spread at random: a harder case than real text (the 100 MB
    Gutenberg run's 8,653 collocates of 'now' went from a 1.3 MB SVG to 118 KB, 514 points)."""
    from textkit.plots.words import THIN_ABOVE, _apart

    rng = np.random.default_rng(7)
    n = 20_000
    table = pd.DataFrame({"node": "now", "collocate": [f"w{i:05d}" for i in range(n)],
                          "count": rng.zipf(1.6, n).clip(2, 5000),
                          "llr": np.round(rng.gamma(0.5, 10, n), 6)})
    table = table.sort_values("llr", ascending=False, kind="stable").reset_index(drop=True)
    buffer = io.BytesIO()
    plots.collocate_scatter(table).savefig(buffer, format="svg")
    kept = _apart(table["count"], table["llr"])
    assert THIN_ABOVE < n and 0 in kept and len(kept) < n / 4
    assert len(buffer.getvalue()) < 600_000  # about 150 bytes a point; 3 MB with all of them
    # Every point is within 1/400 of each axis's span (x in log) of a drawn point.
    x, y = np.log10(table["count"].to_numpy(float)), table["llr"].to_numpy()
    dx, dy = (x.max() - x.min()) / 400, (y.max() - y.min()) / 400
    near = np.zeros(n, dtype=bool)
    for i in kept:
        near |= (np.abs(x - x[i]) <= dx) & (np.abs(y - y[i]) <= dy)
    assert near.all()
