"""Charts of score tables, in the style of seaborn's functions.

Every function takes the table as ``data`` (a table from
:func:`mediakit.score`; :func:`plot_outlets` and :func:`plot_frames` also
take a :func:`mediakit.compare` table), draws on ``ax`` (the current Axes
when ``None``) and returns the Axes.  Nothing calls ``plt.show()``.

Shared parameters
    data : DataFrame
        A score table: one row per article, with the ``by`` column.
    by : str
        The column that groups articles (default ``"outlet"``).
    ax : matplotlib Axes, optional
        Where to draw; ``None`` draws on ``plt.gca()``.
    palette : sequence of colours, optional
        Colours for groups or columns, in order; default :data:`OKABE_ITO`.

Defaults aim at readable charts: a title, axis labels with units, group
sizes beside group names, tick labels wrapped or turned so they do not
overlap, and colours from the Okabe-Ito palette, which stays distinct for
the common kinds of colour blindness (the heatmap uses ``cividis``, a
colour map built for the same purpose).  Each outlet keeps its colour
across charts: colours are handed out in sorted outlet order.
"""

from __future__ import annotations

import math
import textwrap
from typing import Any, Iterable, Sequence

#: Okabe & Ito (2008), "Color Universal Design": eight colours that stay
#: distinguishable with protanopia, deuteranopia and tritanopia.
OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000")
#: Marker shapes paired with the colours, so that groups differ in shape too.
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
#: The sequential colour map of :func:`plot_frames`.
HEATMAP_CMAP = "cividis"
#: At most this many scores are drawn by default in :func:`plot_outlets`.
MAX_DEFAULT_BARS = 6
#: Tick labels are wrapped at this many characters.
LABEL_WIDTH = 14


def _axes(ax: Any) -> Any:
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    return plt.gca()


def _require(data: Any, name: str) -> Any:
    if data is None:
        raise TypeError(f"{name}() needs data: a score table from mediakit.score()")
    return data


def _info() -> dict[str, Any]:
    from .frame import _column_info

    return _column_info()


def _unit(column: str) -> str:
    col = _info().get(column)
    return col.unit if col is not None else ""


def _is_share(unit: str) -> bool:
    from .frame import SHARE_UNITS

    return unit in SHARE_UNITS


def _scorer_columns(scorer: str, data: Any) -> list[str]:
    """The non-count columns a scorer documents that ``data`` holds, in documented order."""
    from .core import scorer_module

    try:
        cols = scorer_module(scorer).COLUMNS
    except Exception:
        return []
    return [c.name for c in cols if c.name in data.columns and c.unit != "count"]


def _same_unit(columns: list[str]) -> list[str]:
    """The columns that share the most common unit (ties: the first column's unit)."""
    if not columns:
        return []
    units = [_unit(c) for c in columns]
    best = max(units, key=lambda u: (units.count(u), -units.index(u)))
    return [c for c, u in zip(columns, units) if u == best]


def _group_table(data: Any, by: str, columns: Sequence[str]) -> Any:
    from .frame import compare

    if "n_articles" in data.columns:
        return data
    return compare(data, by=by, columns=columns)


def group_colours(groups: Iterable[Any], palette: Sequence[str] | None = None) -> dict[str, str]:
    """A colour per group, handed out in sorted group order (so charts agree)."""
    pal = list(palette or OKABE_ITO)
    return {g: pal[i % len(pal)] for i, g in enumerate(sorted({str(g) for g in groups}))}


def _wrap(label: str) -> str:
    return "\n".join(textwrap.wrap(str(label), LABEL_WIDTH)) or str(label)


def _axis_label(columns: Sequence[str], what: str = "mean", mixed: str = "units in legend") -> str:
    units = {_unit(c) for c in columns}
    if len(units) == 1:
        unit = units.pop()
        if _is_share(unit):
            return f"{what} (% of text)"
        return f"{what} ({unit})" if unit else what
    return f"{what} ({mixed})"


def _format_axis(axis: Any, columns: Sequence[str]) -> None:
    from matplotlib.ticker import PercentFormatter

    if columns and all(_is_share(_unit(c)) for c in columns):
        axis.set_major_formatter(PercentFormatter(xmax=1.0, decimals=0))


def plot_outlets(data: Any = None, *, columns: Sequence[str] | None = None, by: str = "outlet", ax: Any = None,
                 palette: Sequence[str] | None = None, title: str | None = None) -> Any:
    """Grouped bars: the mean of each score in ``columns`` for each group.

    ``columns`` defaults to the hedging and attribution rates (the columns
    of those scorers that share the most common unit, at most
    :data:`MAX_DEFAULT_BARS`).  Bars are the values
    of :func:`mediakit.compare`; each group's label carries its number of
    articles.  Returns the Axes; the bars of column ``c`` are in
    ``ax.containers`` in the order of ``columns``, labelled ``c``.
    """
    data = _require(data, "plot_outlets")
    if columns is None:
        columns = _same_unit(_scorer_columns("hedging", data) + _scorer_columns("attribution", data))[:MAX_DEFAULT_BARS]
        if not columns:
            raise ValueError("plot_outlets: no hedging or attribution scores in the table; pass columns=[...]")
    columns = list(columns)
    table = _group_table(data, by, columns)
    ax = _axes(ax)
    groups = [str(g) for g in table.index]
    n = len(columns)
    width = 0.8 / max(n, 1)
    pal = list(palette or OKABE_ITO)
    mixed = len({_unit(c) for c in columns}) > 1
    for i, col in enumerate(columns):
        xs = [g + (i - (n - 1) / 2) * width for g in range(len(groups))]
        unit = _unit(col)
        label = f"{col} ({unit})" if mixed and unit else col
        ax.bar(xs, table[col].to_numpy(dtype=float), width=width * 0.95, color=pal[i % len(pal)],
               edgecolor="#333333", linewidth=0.5, label=label)
    counts = table["n_articles"] if "n_articles" in table.columns else None
    sizes = [f"(n={int(counts.iloc[k])})" if counts is not None else "" for k in range(len(groups))]
    _group_ticks(ax, groups, sizes)
    ax.set_xlabel(by)
    ax.set_ylabel(_axis_label(columns))
    _format_axis(ax.yaxis, columns)
    ax.set_title(title or f"Mean scores by {by}")
    ax.axhline(0, color="#333333", linewidth=0.6)
    ax.legend(frameon=False, fontsize="small", loc="upper left", bbox_to_anchor=(1.01, 1.0))
    ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    return ax


def _group_ticks(ax: Any, groups: Sequence[str], sizes: Sequence[str], fontsize: float = 10.0) -> None:
    """Group names (wrapped, with their sizes) under the bars, turned upright when they would not fit side by side.

    Widths are estimated from the font size (at most about 0.62 em per
    character) against the width of the axes divided among the groups.
    """
    ax.set_xticks(range(len(groups)))
    wrapped = [_wrap(g) + (f"\n{n}" if n else "") for g, n in zip(groups, sizes)]
    widest = max((len(line) for label in wrapped for line in label.split("\n")), default=0)
    fig = ax.figure
    axes_px = ax.get_position().width * fig.get_figwidth() * fig.dpi
    slot = axes_px / max(len(groups), 1)
    if widest * 0.62 * fontsize * fig.dpi / 72 <= 0.95 * slot:
        ax.set_xticklabels(wrapped, fontsize=fontsize)
    else:
        ax.set_xticklabels([f"{g} {n}".strip() for g, n in zip(groups, sizes)], rotation=90, fontsize=fontsize)


def _frame_columns(data: Any) -> list[str]:
    """The framing scorer's per-frame columns (``frame_*``), or any ``frame_*`` columns of the table."""
    documented = _scorer_columns("framing", data)
    cols = _same_unit([c for c in documented if c.startswith("frame_")] or documented)
    if not cols:
        cols = [c for c in data.columns if str(c).startswith("frame_")]
    return cols


def _short(names: Sequence[str]) -> list[str]:
    """Column names without a prefix they all share (``frame_conflict`` -> ``conflict``)."""
    if len(names) < 2:
        return list(names)
    prefix = names[0]
    for name in names[1:]:
        while not name.startswith(prefix):
            prefix = prefix[:-1]
    cut = prefix.rfind("_") + 1 if "_" in prefix else 0
    return [n[cut:] or n for n in names]


def plot_frames(data: Any = None, *, columns: Sequence[str] | None = None, by: str = "outlet", ax: Any = None,
                cmap: str = HEATMAP_CMAP, annotate: bool = True, title: str | None = None) -> Any:
    """A heatmap of frame scores: one row per group, one column per frame.

    ``columns`` defaults to the framing scorer's per-frame (``frame_*``)
    columns.  Cells
    hold the group means (written in each cell when ``annotate``); the
    image's array is ``ax.images[0].get_array()``.
    """
    data = _require(data, "plot_frames")
    columns = list(columns) if columns is not None else _frame_columns(data)
    if not columns:
        raise ValueError("plot_frames: no frame scores in the table; pass columns=[...]")
    table = _group_table(data, by, columns)
    ax = _axes(ax)
    values = table[columns].to_numpy(dtype=float)
    finite = values[~(values != values)]
    vmax = float(finite.max()) if finite.size and finite.max() > 0 else 1.0
    image = ax.imshow(values, cmap=cmap, vmin=0.0, vmax=vmax, aspect="auto", interpolation="nearest")
    groups = [str(g) for g in table.index]
    counts = table["n_articles"] if "n_articles" in table.columns else None
    ax.set_yticks(range(len(groups)))
    ax.set_yticklabels([f"{g} (n={int(counts.iloc[k])})" if counts is not None else g for k, g in enumerate(groups)])
    _group_ticks(ax, _short(columns), [""] * len(columns))
    unit = _axis_label(columns, "mean", mixed="mixed units")
    if annotate:
        share = all(_is_share(_unit(c)) for c in columns)
        for i in range(values.shape[0]):
            for j in range(values.shape[1]):
                v = values[i, j]
                text = "n/a" if math.isnan(v) else (f"{v:.0%}" if share else f"{v:.2g}")
                # light text on the dark (low) end of cividis, dark text on the light end
                colour = "white" if math.isnan(v) or v < 0.55 * vmax else "black"
                ax.text(j, i, text, ha="center", va="center", fontsize="small", color=colour)
    bar = ax.figure.colorbar(image, ax=ax, fraction=0.046, pad=0.03)
    bar.set_label(unit)
    ax.set_xlabel("frame")
    ax.set_ylabel(by)
    ax.set_title(title or f"Frames by {by}")
    return ax


def _first(columns: list[str], what: str) -> str:
    if not columns:
        raise ValueError(f"plot_hedging_attribution: no {what} score in the table; pass {what[0]}=...")
    return columns[0]


def plot_hedging_attribution(data: Any = None, *, x: str | None = None, y: str | None = None, by: str = "outlet",
                             ax: Any = None, palette: Sequence[str] | None = None, title: str | None = None) -> Any:
    """Hedging against attribution: one small point per article, one large labelled point per group mean.

    ``x`` defaults to the hedging scorer's first rate, ``y`` to the
    attribution scorer's.  Group labels (``"outlet A (n=2)"``) are placed
    beside their points and moved apart when they would overlap.
    """
    data = _require(data, "plot_hedging_attribution")
    x = x or _first(_scorer_columns("hedging", data), "x")
    y = y or _first(_scorer_columns("attribution", data), "y")
    ax = _axes(ax)
    from .frame import _missing

    keys = ["(none)" if _missing(v) else str(v) for v in data[by]]
    colours = group_colours(keys, palette)
    groups = sorted(colours)
    xs = data[x].to_numpy(dtype=float)
    ys = data[y].to_numpy(dtype=float)
    anchors = []
    points = [(float(a), float(b), 3.0) for a, b in zip(xs, ys) if a == a and b == b]
    for k, g in enumerate(groups):
        idx = [i for i, key in enumerate(keys) if key == g]
        gx, gy = xs[idx], ys[idx]
        ax.scatter(gx, gy, s=28, color=colours[g], alpha=0.6, marker=MARKERS[k % len(MARKERS)], linewidths=0,
                   label=f"_{g} articles", gid=f"articles:{g}")
        ok = ~((gx != gx) | (gy != gy))
        if not ok.any():
            continue
        mx, my = float(gx[ok].mean()), float(gy[ok].mean())
        ax.scatter([mx], [my], s=120, color=colours[g], edgecolors="#222222", linewidths=0.8,
                   marker=MARKERS[k % len(MARKERS)], zorder=3, label=g, gid=f"mean:{g}")
        anchors.append((mx, my, f"{g} (n={int(ok.sum())})"))
        points.append((mx, my, 6.5))
    ax.margins(0.15)
    ax.set_xlabel(f"{x} ({_unit(x)})" if _unit(x) else x)
    ax.set_ylabel(f"{y} ({_unit(y)})" if _unit(y) else y)
    _format_axis(ax.xaxis, [x])
    _format_axis(ax.yaxis, [y])
    ax.set_title(title or "Hedging and attribution (large marks: means)")
    ax.grid(color="#eeeeee", linewidth=0.6)
    ax.set_axisbelow(True)
    _place_labels(ax, anchors, points)
    return ax


def _place_labels(ax: Any, anchors: list[tuple[float, float, str]], points: Sequence[tuple[float, float, float]] = (),
                  fontsize: float = 9.0) -> None:
    """Label points, trying positions around each until the label's box is free.

    A label must not cover another label nor a marker (``points``: x, y and
    the marker's radius in points).  Boxes are estimated from the font size
    (a character is at most about 0.62 em wide), in display units, after the
    axes limits are settled.
    """
    if not anchors:
        return
    ax.autoscale_view()
    ax.set_xlim(ax.get_xlim())
    ax.set_ylim(ax.get_ylim())
    px = ax.figure.dpi / 72.0
    h = fontsize * 1.35 * px
    frame = ax.bbox  # labels stay inside the axes
    placed: list[tuple[float, float, float, float]] = []
    for x, y, r in points:
        cx, cy = ax.transData.transform((x, y))
        placed.append((cx - r * px, cy - r * px, cx + r * px, cy + r * px))
    steps = (0, 1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6)
    for mx, my, text in sorted(anchors, key=lambda a: (a[1], a[0], a[2])):
        w = (len(text) * 0.62 * fontsize + 4) * px
        cx, cy = ax.transData.transform((mx, my))
        choice = None
        for step in steps:
            for side in (1, -1):
                dx = 8 * px if side == 1 else -8 * px - w
                dy = -h / 2 + step * h
                box = (cx + dx, cy + dy, cx + dx + w, cy + dy + h)
                inside = frame.x0 <= box[0] and box[2] <= frame.x1 and frame.y0 <= box[1] and box[3] <= frame.y1
                if inside and all(box[2] <= b[0] or box[0] >= b[2] or box[3] <= b[1] or box[1] >= b[3] for b in placed):
                    choice = (dx, dy, box)
                    break
            if choice:
                break
        if choice is None:  # pragma: no cover - more labels than room
            choice = (8 * px, -h / 2, (cx, cy, cx + w, cy + h))
        dx, dy, box = choice
        placed.append(box)
        ax.annotate(text, (mx, my), xytext=(dx / px, (dy + h / 2) / px), textcoords="offset points",
                    ha="left", va="center", fontsize=fontsize,
                    arrowprops={"arrowstyle": "-", "color": "#888888", "linewidth": 0.5} if dy else None)


def plot_boilerplate(data: Any = None, *, column: str = "boilerplate_share", by: str = "outlet", ax: Any = None,
                     palette: Sequence[str] | None = None, title: str | None = None) -> Any:
    """Horizontal bars: the boilerplate share of each article, coloured by group.

    Articles run top to bottom in table order; each bar is labelled with
    its value.  Bar widths are the table's values (``ax.patches``).
    """
    data = _require(data, "plot_boilerplate")
    if column not in data.columns:
        raise ValueError(f"plot_boilerplate: no column {column!r} in the table")
    from matplotlib.patches import Patch

    from .frame import _missing

    ax = _axes(ax)
    keys = ["(none)" if _missing(v) else str(v) for v in data[by]] if by in data.columns else ["all"] * len(data)
    colours = group_colours(keys, palette)
    values = data[column].to_numpy(dtype=float)
    ids = [str(i) for i in data.index]
    pos = list(range(len(ids)))
    bars = ax.barh(pos, values, color=[colours[k] for k in keys], edgecolor="#333333", linewidth=0.5, gid=column)
    ax.set_yticks(pos)
    ax.set_yticklabels(ids)
    ax.invert_yaxis()
    share = _is_share(_unit(column)) or column.endswith("_share")
    finite = values[~(values != values)]
    top = 1.0 if share else (float(finite.max()) * 1.15 if finite.size and finite.max() > 0 else 1.0)
    ax.set_xlim(0, top)
    for rect, v in zip(bars, values):
        text = "n/a" if math.isnan(v) else (f"{v:.0%}" if share else f"{v:.3g}")
        inside = not math.isnan(v) and v > 0.8 * top
        ax.annotate(text, (0 if math.isnan(v) else v, rect.get_y() + rect.get_height() / 2),
                    xytext=(-3 if inside else 3, 0), textcoords="offset points",
                    ha="right" if inside else "left", va="center", fontsize="small")
    if share:
        from matplotlib.ticker import PercentFormatter

        ax.xaxis.set_major_formatter(PercentFormatter(xmax=1.0, decimals=0))
        ax.set_xlabel("share of the captured text that is page furniture (%)")
    else:
        ax.set_xlabel(f"{column} ({_unit(column)})" if _unit(column) else column)
    ax.set_ylabel("article")
    handles = [Patch(facecolor=colours[g], edgecolor="#333333", label=g) for g in sorted(colours)]
    ax.legend(handles=handles, title=by, frameon=False, fontsize="small", loc="upper left",
              bbox_to_anchor=(1.01, 1.0))
    ax.set_title(title or "Boilerplate per article")
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    return ax
