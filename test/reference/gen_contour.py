"""matplotlib 3.6 references for test/matplotlib/contour.test.ts: contourf / contour (the levels
MaxNLocator chooses, each band's or line's colour, alpha, width and dashes, each band's area and each
level's line length, the limits and ticks the Axes takes), ListedColormap and get_cmap(name, lut),
twinx / twiny (which side each axis is drawn on, the shared limits, the ticks), and arrow (FancyArrow's
vertices and colours), with the errors. The grids are written into the fixture so that the tests draw
the very same values. Run with Debian's /usr/bin/python3 from test/reference: writes contour.json.
"""
import json
import math
import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.colors import ListedColormap, to_hex  # noqa: E402

xx, yy = np.meshgrid(np.arange(-2, 3, 0.1), np.arange(-1.5, 2, 0.1))
Z = np.sin(xx) * np.cos(yy) + 0.3 * xx
# Two classes, as a classifier's predictions over the grid.
CLASSES = ((xx ** 2 + yy ** 2) < 1.5).astype(float)
PTS = [[math.cos(k * 0.7) * (0.5 + (k % 5) * 0.4), math.sin(k * 1.1) * (0.4 + (k % 4) * 0.4)] for k in range(30)]
LABELS = [int(p[0] ** 2 + p[1] ** 2 < 1.5) for p in PTS]
SMALL = [[0.0, 1.0, 2.0, 1.0], [1.0, 3.0, 4.0, 2.0], [0.5, 2.0, 2.5, 1.0]]
LOSSES = [2.3, 1.2, 0.8, 0.6, 0.5, 0.45, 0.41, 0.39, 0.37, 0.36]
ACC = [0.35, 0.6, 0.72, 0.8, 0.84, 0.86, 0.875, 0.88, 0.89, 0.895]


def area(paths):
    """The area a band's paths enclose: holes run the other way, so the signed areas add up to it."""
    total = 0.0
    for p in paths:
        for poly in p.to_polygons(closed_only=True):
            x, y = poly[:, 0], poly[:, 1]
            total += 0.5 * float(np.sum(x[:-1] * y[1:] - x[1:] * y[:-1]))
    return abs(total)


def length(paths):
    total = 0.0
    for p in paths:
        for poly in p.to_polygons(closed_only=False):
            total += float(np.sum(np.hypot(np.diff(poly[:, 0]), np.diff(poly[:, 1]))))
    return total


def rgba_hex(c):
    return [to_hex(c, keep_alpha=False), float(c[3])]


def contour_info(cs):
    cols = cs.collections
    info = {"levels": [float(v) for v in cs.levels], "layers": [float(v) for v in cs.layers], "filled": bool(cs.filled)}
    if cs.filled:
        info["faces"] = [rgba_hex(c.get_facecolor()[0]) for c in cols]
        info["areas"] = [area(c.get_paths()) for c in cols]
    else:
        info["edges"] = [rgba_hex(c.get_edgecolor()[0]) for c in cols]
        info["widths"] = [float(c.get_linewidth()[0]) for c in cols]
        info["dashes"] = [c.get_linestyle()[0][1] for c in cols]
        info["lengths"] = [length(c.get_paths()) for c in cols]
    return info


def axes_info(ax):
    def shown(ticks, lim, labels):
        lo, hi = sorted(lim)
        eps = 1e-9 * (hi - lo)
        return [lab.get_text() for t, lab in zip(ticks, labels) if lo - eps <= t <= hi + eps]

    return {
        "xlim": [float(v) for v in ax.get_xlim()], "ylim": [float(v) for v in ax.get_ylim()],
        "xticks": [float(t) for t in ax.get_xticks()], "yticks": [float(t) for t in ax.get_yticks()],
        "xlabels": shown(ax.get_xticks(), ax.get_xlim(), ax.get_xticklabels()) if ax.xaxis.get_visible() else [],
        "ylabels": shown(ax.get_yticks(), ax.get_ylim(), ax.get_yticklabels()) if ax.yaxis.get_visible() else [],
        "sides": [ax.xaxis.get_ticks_position() if ax.xaxis.get_visible() else "hidden", ax.yaxis.get_ticks_position() if ax.yaxis.get_visible() else "hidden"],
        "label_sides": [ax.xaxis.get_label_position(), ax.yaxis.get_label_position()],
        "position": [float(v) for v in ax.get_position().bounds],
        "patch_visible": bool(ax.patch.get_visible()),
        "line_colors": [to_hex(line.get_color()) for line in ax.lines],
    }


cases = {}


def case(name):
    def run(f):
        plt.close("all")
        extra = f() or {}
        fig = plt.gcf()
        fig.canvas.draw()
        cases[name] = {"repr": repr(fig), "axes": [axes_info(ax) for ax in fig.axes], **extra}
        plt.close("all")
        return f

    return run


@case("decision")
def _():
    cs = plt.contourf(xx, yy, Z, alpha=0.3, cmap="coolwarm")
    plt.scatter([p[0] for p in PTS], [p[1] for p in PTS], c=LABELS, cmap="coolwarm", edgecolors="k")
    return {"contours": [contour_info(cs)]}


@case("listed")
def _():
    cs = plt.contourf(xx, yy, CLASSES, cmap=ListedColormap(["#FFAAAA", "#AAAAFF"]))
    points = plt.scatter([p[0] for p in PTS], [p[1] for p in PTS], c=LABELS, cmap=ListedColormap(["#FF0000", "#0000FF"]), edgecolor="k", s=20)
    plt.gcf().canvas.draw()
    return {"contours": [contour_info(cs)], "scatter_colors": [to_hex(c) for c in points.get_facecolors()]}


@case("levels_colorbar")
def _():
    cs = plt.contourf(xx, yy, Z, levels=20, cmap="RdYlBu")
    plt.colorbar()
    return {"contours": [contour_info(cs)]}


@case("lines_k")
def _():
    cs = plt.contour(xx, yy, Z, levels=[-0.5, 0, 0.5], colors="k")
    return {"contours": [contour_info(cs)]}


@case("lines_default")
def _():
    cs = plt.contour(np.array(SMALL))
    return {"contours": [contour_info(cs)]}


@case("extend")
def _():
    cs = plt.contourf(xx, yy, Z, levels=[-1, -0.5, 0, 0.5, 1], extend="both")
    return {"contours": [contour_info(cs)]}


@case("colors")
def _():
    cs = plt.contourf(xx, yy, Z, levels=3, colors=["r", "g", "b"], alpha=0.5)
    return {"contours": [contour_info(cs)]}


@case("axes_both")
def _():
    fig, ax = plt.subplots(figsize=(5, 4))
    filled = ax.contourf(xx, yy, Z, 10, cmap="Spectral")
    lines = ax.contour(xx, yy, Z, 10, colors="k", linewidths=0.5)
    return {"contours": [contour_info(filled), contour_info(lines)]}


@case("twinx")
def _():
    fig, ax1 = plt.subplots()
    ax1.plot(LOSSES, "b-", label="loss")
    ax1.set_xlabel("epoch")
    ax1.set_ylabel("loss")
    ax2 = ax1.twinx()
    ax2.plot(ACC, "r-", label="accuracy")
    ax2.set_ylabel("accuracy")


@case("twinx_pyplot")
def _():
    plt.plot(range(5, 15), LOSSES)
    plt.twinx()
    plt.plot(range(0, 10), [a * 100 for a in ACC], color="g")


@case("twiny")
def _():
    fig, ax = plt.subplots()
    ax.plot(LOSSES)
    ax2 = ax.twiny()
    ax2.plot([k * 100 for k in range(10)], LOSSES)
    ax2.set_xlabel("step")


@case("arrow")
def _():
    a = plt.arrow(0, 0, 1, 0.5, head_width=0.1)
    ax = plt.gca()
    b = ax.arrow(0.5, 0.5, -0.3, 0.2, width=0.02, color="r", length_includes_head=True)
    c = ax.arrow(1, 1, 0, -0.8, head_width=0.05, head_length=0.2, fc="g", ec="k", shape="left", overhang=0.3)
    return {"arrows": [{"xy": a2.get_xy().tolist(), "face": rgba_hex(a2.get_facecolor()), "edge": rgba_hex(a2.get_edgecolor()), "lw": float(a2.get_linewidth()), "repr": str(a2)} for a2 in (a, b, c)]}


@case("imshow_listed")
def _():
    im = plt.imshow(np.arange(6.0).reshape(2, 3), cmap=ListedColormap(["red", "green", "blue"]))
    return {"rgba": im.to_rgba(np.arange(6.0).reshape(2, 3), bytes=True).tolist()}


def cmaps():
    out = {}
    for name, lut in [("viridis", 5), ("coolwarm", 5), ("RdYlBu", 3), ("Paired", 4), ("gray", 2)]:
        cm = plt.get_cmap(name, lut)
        out[f"{name}/{lut}"] = {"N": int(cm.N), "class": type(cm).__name__, "hex": [to_hex(c) for c in cm(np.arange(cm.N))], "bytes": cm(np.arange(cm.N), bytes=True)[:, :3].tolist()}
    listed = ListedColormap(["#FF0000", "#00ff00", "blue"])
    out["listed"] = {"N": listed.N, "name": listed.name, "hex": [to_hex(listed(v)) for v in [0.0, 0.33, 0.34, 0.66, 0.67, 1.0]]}
    out["listed_N"] = {"N": 5, "hex": [to_hex(c) for c in ListedColormap(["r", "b"], N=5)(np.arange(5))]}
    return out


def errors():
    out = {}

    def grab(name, fn):
        try:
            fn()
        except Exception as e:
            out[name] = [type(e).__name__, str(e)]
        plt.close("all")

    grab("one_level", lambda: plt.contourf(xx, yy, Z, levels=[0.5]))
    grab("decreasing", lambda: plt.contourf(xx, yy, Z, levels=[1, 0.5, 0]))
    grab("z_1d", lambda: plt.contourf(np.arange(3.0)))
    grab("xz_shapes", lambda: plt.contourf(np.zeros((3, 4)), np.zeros((3, 4)), np.zeros((4, 3))))
    grab("x_columns", lambda: plt.contourf(np.zeros(4), np.zeros(3), np.zeros((4, 3))))
    grab("y_rows", lambda: plt.contourf(np.zeros(3), np.zeros(3), np.zeros((4, 3))))
    grab("z_small", lambda: plt.contour(np.zeros((1, 3))))
    grab("listed_empty", lambda: ListedColormap([])(0.5))
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        plt.contour(xx, yy, Z, levels=[5, 6])
        out["no_levels_warning"] = [str(x.message) for x in w]
    plt.close("all")
    return out


with open("contour.json", "w") as f:
    json.dump({"matplotlib": matplotlib.__version__, "grid": {"x": xx[0].tolist(), "y": yy[:, 0].tolist(), "z": Z.tolist(), "classes": CLASSES.tolist(), "pts": PTS, "labels": LABELS},
               "cases": cases, "cmaps": cmaps(), "errors": errors()}, f)
