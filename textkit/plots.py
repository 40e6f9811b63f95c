"""Figures: each function takes result DataFrames and returns a matplotlib ``Figure``.

Figures are drawn with the object-oriented API (no global pyplot state is left behind), a fixed
size and fixed colours, so the same tables always give the same picture; save them with
:func:`textkit.files.write_figure`.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure
