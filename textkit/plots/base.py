"""What every figure shares: the :class:`Figure` class, the text style, and the colours.

Every figure function is wrapped in :func:`_styled` (textkit's text sizes; text is never read as
mathtext, so a "$" in a word or a name is drawn as it is) and returns a :class:`Figure`.
:data:`COLOUR` is the one colour of single-series charts and :data:`MAX_BARS` caps the rows any
chart draws. This is also the one place that maps actor groups to colours: :data:`GROUP_COLOURS`,
:data:`NO_GROUP`, :func:`group_colours` (the mapping a notebook makes once and passes to every
chart as ``colours=``), ``_colours_for`` (that mapping, with unknown groups in grey) and
``_group_legend``; the figure modules use these and define no colours of their own for groups.
"""

from __future__ import annotations

import functools
import io

import matplotlib
from matplotlib.figure import Figure as _MatplotlibFigure
from matplotlib.ticker import FuncFormatter, NullFormatter

#: One colour for single-series charts, so figures look alike across notebooks.
COLOUR = "#31688e"

#: Bars a chart draws at most, whatever ``top_n`` says; beyond this labels cannot be read.
MAX_BARS = 50

#: Text sizes, readable at the default figure size.
_STYLE = {"font.size": 10, "axes.titlesize": 12, "axes.labelsize": 10, "xtick.labelsize": 9,
          "ytick.labelsize": 9, "legend.fontsize": 9, "text.parse_math": False}


class Figure(_MatplotlibFigure):
    """A matplotlib figure that Jupyter displays as a PNG image (``_repr_png_``).

    The PNG is the one :func:`textkit.files.write_figure` saves (``files.SAVE_OPTIONS``: 100
    dpi, no software version in its metadata), so executed notebooks stay byte-identical between
    runs. It is drawn once: showing the figure and then saving it reuses the image, unless the
    figure or matplotlib's settings changed in between.
    """

    _changes = 0  # times the figure or one of its parts was marked changed ("stale")
    _drawn = None  # (changes, settings, PNG bytes) of the last PNG drawn

    @property
    def stale(self):
        return _MatplotlibFigure.stale.fget(self)

    @stale.setter
    def stale(self, value):
        if value:  # every change to an artist reaches its figure this way
            self._changes += 1
        _MatplotlibFigure.stale.fset(self, value)

    def png(self) -> bytes:
        """Return the figure as the PNG bytes textkit saves, drawn again only after a change."""
        from textkit.files import SAVE_OPTIONS

        settings = list(matplotlib.rcParams.values())
        if self._drawn is None or self._drawn[:2] != (self._changes, settings):
            buffer = io.BytesIO()
            self.savefig(buffer, format="png", **SAVE_OPTIONS["png"])
            # Saving marks the figure changed as it restores its colours: count from here.
            self._drawn = (self._changes, settings, buffer.getvalue())
        return self._drawn[2]

    def _repr_png_(self) -> bytes:
        return self.png()


def _plain_log_ticks(*axes) -> None:
    """Label log axes 1, 10, 100 as plain text (their default labels are mathtext, off here)."""
    for axis in axes:
        axis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:g}"))
        axis.set_minor_formatter(NullFormatter())


def _styled(draw):
    """Build the figure under textkit's text style (sizes, no mathtext)."""
    @functools.wraps(draw)
    def wrapper(*args, **kwargs):
        with matplotlib.rc_context(_STYLE):
            return draw(*args, **kwargs)
    return wrapper


#: Colours for actor groups, given to the groups in alphabetical order (tab10, colour-blind
#: friendly enough and the same on every run).
GROUP_COLOURS = (
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
    "#bcbd22", "#17becf",
)


#: The colour of mentions or quotations with no group (e.g. "(unattributed)").
NO_GROUP = "#999999"


def group_colours(groups) -> dict:
    """Map each group name to a colour: alphabetical order, cycling through GROUP_COLOURS.

    Make the mapping once from the whole dictionary (``group_colours(dictionary["group"])``)
    and pass it to every chart, so a group has one colour in every figure of a run, whichever
    groups a chart happens to show.

    >>> group_colours(["Ukraine", "Russia", "Ukraine"])
    {'Russia': '#1f77b4', 'Ukraine': '#d62728'}
    """
    names = sorted(set(groups))
    return {g: GROUP_COLOURS[i % len(GROUP_COLOURS)] for i, g in enumerate(names)}


def _colours_for(groups, colours: dict | None) -> dict:
    """The given mapping (or one made from ``groups``), with unknown groups in grey."""
    colours = dict(colours) if colours is not None else group_colours(groups)
    return {**{g: NO_GROUP for g in set(groups)}, **colours}


def _group_legend(ax, colours: dict) -> None:
    from matplotlib.patches import Patch

    handles = [Patch(color=c, label=g) for g, c in colours.items()]
    ax.legend(handles=handles, title="group", frameon=False, fontsize=8, title_fontsize=8,
              loc="lower right")


def _bars(ax, labels, values, colours, *, notes=None, at=None, **barh) -> None:
    """Draw horizontal bars, write a note at the end of each, and hide the top and right spines.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        The axes to draw on; the first label is the bottom bar.
    labels : sequence
        The bar names (y tick labels), as given to :meth:`~matplotlib.axes.Axes.barh`.
    values : sequence of numbers
        The bar lengths.
    colours : str or sequence of str
        One colour for all bars, or one per bar.
    notes : sequence of str or None, default None
        The text written by each bar; ``None`` writes its value (``str(value)``).
    at : sequence of numbers or None, default None
        Where on the x axis each note stands; ``None`` puts it at the end of the bar. A note
        at a negative x stands to the left of it, any other to the right.
    **barh
        Passed on to :meth:`~matplotlib.axes.Axes.barh` (e.g. ``alpha``).
    """
    ax.barh(labels, values, color=colours, **barh)
    notes = [str(value) for value in values] if notes is None else notes
    for y, (x, note) in enumerate(zip(values if at is None else at, notes)):
        ax.annotate(note, (x, y), xytext=(3 if x >= 0 else -3, 0), textcoords="offset points",
                    va="center", fontsize=8, ha="left" if x >= 0 else "right")
    ax.spines[["top", "right"]].set_visible(False)


def _say(ax, message: str) -> None:
    """Write ``message`` in the middle of an empty chart, with no axes drawn."""
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes)
    ax.set_axis_off()
