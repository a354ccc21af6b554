"""matplotlib 3.6 references for test/matplotlib/pyplot.test.ts (src/matplotlib/): for each figure
the tests also draw, every Axes' tick locations (`ax.get_xticks()`, as the locator returns them), the
tick labels shown (those inside the limits, after a draw, as the Agg canvas lays them out), the
multiplier / offset text, the view limits (5% margins, sticky edges), legend labels, the figure's
repr, imshow's colours (`im.to_rgba` of what imshow clips), hist's counts and edges, and the errors.
Run with Debian's /usr/bin/python3 from test/reference: writes pyplot.json.
"""
import json
import logging
import math

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

LOSSES = [2.3, 1.2, 0.8, 0.6, 0.5, 0.45, 0.41, 0.39, 0.37, 0.36]
VAL = [2.4, 1.4, 1.0, 0.85, 0.8, 0.78, 0.77, 0.77, 0.78, 0.8]
XS = [math.cos(k) * k / 10 for k in range(50)]
YS = [math.sin(k * 1.3) * 3 + 100 for k in range(50)]
CS = [k % 3 for k in range(50)]
GRAY = [[0.0, 0.25, 0.5, 0.75], [1.0, 2.0, 3.0, 4.0], [-1.0, 0.1, 0.2, 0.3]]
RGB = [[[0.0, 0.5, 1.0], [1.5, -0.2, 0.25]], [[0.1, 0.2, 0.3], [0.999, 0.004, 0.5]]]


def svg_box(fig, bbox):
    """A display-space box as [x, y, width, height] in the SVG's pixels (y down from the figure's top)."""
    height = fig.bbox.height
    return [float(bbox.x0), float(height - bbox.y1), float(bbox.width), float(bbox.height)]


def axes_info(ax):
    def visible(ticks, lim, labels):
        lo, hi = sorted(lim)
        eps = 1e-9 * (hi - lo)
        return [lab.get_text() for t, lab in zip(ticks, labels) if lo - eps <= t <= hi + eps]

    return {
        "xticks": [float(t) for t in ax.get_xticks()],
        "yticks": [float(t) for t in ax.get_yticks()],
        "xlim": [float(v) for v in ax.get_xlim()],
        "ylim": [float(v) for v in ax.get_ylim()],
        "xlabels": visible(ax.get_xticks(), ax.get_xlim(), ax.get_xticklabels()),
        "ylabels": visible(ax.get_yticks(), ax.get_ylim(), ax.get_yticklabels()),
        "xoffset": ax.xaxis.get_major_formatter().get_offset(),
        "yoffset": ax.yaxis.get_major_formatter().get_offset(),
        "legend": [t.get_text() for t in ax.get_legend().get_texts()] if ax.get_legend() else None,
        "lines": len(ax.lines),
        "title": ax.get_title(),
        "collections": len(ax.collections),
        "patches": len(ax.patches),
        "texts": [t.get_text() for t in ax.texts],
        "scales": [ax.get_xscale(), ax.get_yscale()],
        "position": [float(v) for v in ax.get_position().bounds],
        "xminor": visible(ax.xaxis.get_minorticklocs(), ax.get_xlim(), ax.xaxis.get_minorticklabels()),
        "yminor": visible(ax.yaxis.get_minorticklocs(), ax.get_ylim(), ax.yaxis.get_minorticklabels()),
        "xlabels_shown": [t.get_visible() and t.get_text() != "" for t in ax.get_xticklabels()].count(True) > 0,
        # What a style changes: the Axes' face, spines, grid, the lines' colours and widths, the font sizes.
        "facecolor": matplotlib.colors.to_hex(ax.get_facecolor()),
        "spine": [matplotlib.colors.to_hex(ax.spines["left"].get_edgecolor()), float(ax.spines["left"].get_linewidth())],
        "grid": [matplotlib.colors.to_hex(g.get_color()) for g in ax.xaxis.get_gridlines() if g.get_visible()][:1],
        "line_colors": [matplotlib.colors.to_hex(line.get_color()) for line in ax.lines],
        "line_widths": [float(line.get_linewidth()) for line in ax.lines],
        "bar_colors": [matplotlib.colors.to_hex(p.get_facecolor()) for p in ax.patches if type(p) is matplotlib.patches.Rectangle][:3],
        "fontsizes": [float(ax.title.get_fontsize()), float(ax.xaxis.label.get_fontsize()), float(ax.xaxis.get_majorticklabels()[0].get_fontsize()) if ax.xaxis.get_majorticklabels() else 0.0],
        "legend_box": svg_box(ax.figure, ax.get_legend().get_window_extent()) if ax.get_legend() else None,
        "arrows": [svg_box(ax.figure, t.arrow_patch.get_window_extent()) for t in ax.texts if getattr(t, "arrow_patch", None) is not None],
        # Each arrow's face, edge and width (FancyArrowPatch's defaults are patch.* rcParams, which styles set).
        "arrow_styles": [[matplotlib.colors.to_hex(t.arrow_patch.get_facecolor()), matplotlib.colors.to_hex(t.arrow_patch.get_edgecolor()), float(t.arrow_patch.get_linewidth())]
                         for t in ax.texts if getattr(t, "arrow_patch", None) is not None],
        # The x and y ticks' colour, their labels' colour, and the minor ticks' length in points (0 hides them).
        "tick_colors": [[matplotlib.colors.to_hex(t[0].tick1line.get_color()), matplotlib.colors.to_hex(t[0].label1.get_color())] if t else None
                        for t in (ax.xaxis.get_major_ticks(), ax.yaxis.get_major_ticks())],
        "minor_sizes": [float(a.get_minor_ticks()[0].tick1line.get_markersize()) if len(a.get_minorticklocs()) else None for a in (ax.xaxis, ax.yaxis)],
        "minor_locs": [[float(t) for t in a.get_minorticklocs()] for a in (ax.xaxis, ax.yaxis)],
        # Each scatter's first marker edge colour ('none' without one) and width in points.
        "scatter_edges": [[matplotlib.colors.to_hex(c.get_edgecolors()[0]) if len(c.get_edgecolors()) else "none", float(c.get_linewidths()[0])]
                          for c in ax.collections if type(c) is matplotlib.collections.PathCollection],
    }


def figure_info(fig):
    fig.canvas.draw()
    return {"repr": repr(fig), "axes": [axes_info(ax) for ax in fig.axes]}


cases = {}


def case(name):
    def run(f):
        plt.close("all")
        extra = f()
        cases[name] = {**figure_info(plt.gcf()), **(extra or {})}
        plt.close("all")
        plt.style.use("default")
        return f

    return run


@case("loss")
def _():
    plt.figure(figsize=(10, 5))
    plt.plot(LOSSES, label="train")
    plt.plot(VAL, "--", label="val")
    plt.xlabel("epoch")
    plt.ylabel("loss")
    plt.title("Loss curve")
    plt.legend()
    plt.grid(True)


@case("scatter_hist")
def _():
    plt.figure()
    plt.subplot(1, 2, 1)
    points = plt.scatter(XS, YS, c=CS)
    plt.subplot(1, 2, 2)
    n, edges, _ = plt.hist(XS, bins=8)
    plt.gcf().canvas.draw()
    colors = sorted({matplotlib.colors.to_hex(c) for c in points.get_facecolors()})
    return {"hist_counts": [float(v) for v in n], "hist_edges": [float(v) for v in edges], "scatter_colors": colors}


@case("bar")
def _():
    plt.bar(["cat", "dog", "bird"], [3, 5, 2])


@case("subplots")
def _():
    fig, axes = plt.subplots(2, 3, figsize=(9, 6))
    for i in range(2):
        for j in range(3):
            axes[i][j].plot([k * (i + 1) - j * 7 for k in range(20)], [math.sin(k / (j + 1)) * 10 ** (i * 2) for k in range(20)])


@case("magnitudes")
def _():
    fig, axes = plt.subplots(1, 3)
    axes[0].plot([1e6, 2e6, 5e6], [1e-6, 3e-6, 2e-6])
    axes[1].plot([0, 1, 2], [1000.1, 1000.3, 1000.5])
    axes[2].plot([-3 + k * 0.25 for k in range(25)], [(-3 + k * 0.25) ** 3 for k in range(25)])


@case("limits")
def _():
    plt.plot([0, 1, 2], [0, 1, 4])
    plt.xlim(0, 10)
    plt.ylim(-1, 1)


@case("single")
def _():
    plt.plot([5], [2], "o")


@case("imshow_gray")
def _():
    im = plt.imshow(np.array(GRAY), cmap="gray")
    return {"rgba": im.to_rgba(np.array(GRAY), bytes=True).tolist()}


@case("imshow_viridis")
def _():
    im = plt.imshow(np.array(GRAY))
    return {"rgba": im.to_rgba(np.array(GRAY), bytes=True).tolist()}


@case("imshow_rgb")
def _():
    records = []

    class Keep(logging.Handler):
        def emit(self, record):
            records.append(record.getMessage())

    logging.getLogger("matplotlib.image").addHandler(Keep())
    a = np.array(RGB, dtype=np.float32)
    im = plt.imshow(a)
    return {"rgba": im.to_rgba(np.clip(a, 0, 1), bytes=True).tolist(), "warnings": records}


@case("subplots_8")
def _():
    fig, axes = plt.subplots(2, 4, figsize=(8, 4))
    for ax in axes.flat:
        ax.imshow(np.zeros((28, 28)), cmap="gray")
        ax.axis("off")


@case("colorbar")
def _():
    plt.imshow(np.arange(64.0).reshape(8, 8), cmap="hot")
    plt.colorbar()


@case("colorbar_axes")
def _():
    fig, axes = plt.subplots(1, 2, figsize=(8, 3))
    im = axes[0].imshow(np.array(GRAY), cmap="coolwarm", vmin=-1, vmax=4)
    axes[1].scatter(XS, YS, c=CS, cmap="jet")
    fig.colorbar(im, ax=axes)


@case("barh")
def _():
    plt.barh(["a", "b", "c"], [3, 1, 2])


@case("fill_text")
def _():
    x = [0, 1, 2, 3, 4]
    plt.plot(x, [1, 2, 1.5, 3, 2.5], label="mean")
    plt.fill_between(x, [0.5, 1.5, 1, 2.5, 2], [1.5, 2.5, 2, 3.5, 3], alpha=0.3, label="band")
    plt.text(1, 3, "peak")
    plt.annotate("max", xy=(3, 3), xytext=(3.5, 1), arrowprops=dict(arrowstyle="->"))
    plt.axhline(2, color="r", linestyle="--")
    plt.axvline(2.5)
    plt.legend()


@case("axhline_only")
def _():
    plt.axhline(0.5)
    plt.axvline(7)


@case("errorbar")
def _():
    plt.errorbar([1, 2, 3], [2, 3, 1], yerr=[0.5, 0.2, 0.1], fmt="o", capsize=3)
    plt.errorbar([1, 2, 3], [1, 1.5, 2], xerr=0.25, yerr=[[0.1, 0.2, 0.3], [0.3, 0.2, 0.1]])


@case("semilogy")
def _():
    plt.semilogy([1, 10, 100, 1000, 5000])


@case("loglog")
def _():
    plt.loglog([1, 2, 5, 10, 20, 50, 100], [3, 1, 0.5, 0.2, 0.15, 0.12, 0.1])


@case("log_narrow")
def _():
    plt.plot([2, 3, 4, 5])
    plt.yscale("log")
    plt.xscale("log")


@case("log_wide")
def _():
    plt.figure(figsize=(4, 3))
    plt.semilogx([1e-8, 1e-3, 1e2, 1e9], [1, 2, 3, 4])


@case("pie")
def _():
    plt.pie([1, 2, 3], labels=["a", "b", "c"], autopct="%1.1f%%")


@case("sharex")
def _():
    fig, axes = plt.subplots(2, 2, sharex=True, sharey="row")
    axes[0][0].plot([0, 1, 2], [0, 1, 4])
    axes[1][1].plot([0, 5], [2, -1])


@case("add_subplot_ticks")
def _():
    fig = plt.figure(figsize=(6, 3))
    for i in range(3):
        ax = fig.add_subplot(1, 3, i + 1)
        ax.imshow(np.array(GRAY), cmap=["Greys", "RdBu_r", "binary"][i])
        ax.set_xticks([])
        ax.set_yticks([])
        ax.set_title(str(i))


@case("log_clip")
def _():
    # Values <= 0 on a log axis are clipped (nonpositive='clip'): the line runs off the bottom edge.
    plt.semilogy([0, 1, 2, 3, 4], [0, 1, 10, -5, 100], "o-")


@case("legend_locs")
def _():
    fig, axes = plt.subplots(2, 3, figsize=(9, 6))
    for k, ax in enumerate(axes.flat):
        ax.plot(LOSSES, label="train")
        ax.plot(VAL, label="validation")
    axes[0][0].legend(loc="upper left")
    axes[0][1].legend(loc=8)
    axes[0][2].legend(loc="center right")
    axes[1][0].legend(loc=(0.1, 0.2))
    axes[1][1].legend(bbox_to_anchor=(1.05, 1), loc="upper left")
    axes[1][2].legend(loc="lower left", bbox_to_anchor=(0.2, 0.1, 0.5, 0.5))


@case("arrows")
def _():
    plt.plot([0, 1, 2, 3, 4], [0, 2, 1, 3, 2])
    plt.annotate("peak", xy=(3, 3), xytext=(1, 2.6), arrowprops=dict(facecolor="black", shrink=0.05))
    plt.annotate("dip", xy=(2, 1), xytext=(2.5, 0.2), arrowprops=dict(arrowstyle="->"))
    plt.annotate("start", xy=(0, 0), xytext=(0.5, 1.5), arrowprops=dict(arrowstyle="-|>", color="red"))


@case("colors_edges")
def _():
    fig, axes = plt.subplots(1, 2)
    # A list of colours colours the bars in turn (the fourth takes the first again).
    axes[0].bar(["a", "b", "c", "d"], [1, 2, 3, 4], color=["r", "C1", "#123456"])
    axes[1].scatter([1, 2], [1, 2])
    axes[1].scatter([1, 2], [2, 1], edgecolors="k", linewidths=2)
    axes[1].scatter([1, 2], [1.5, 1.5], c="g", edgecolors="none")
    axes[1].scatter([1, 2], [1.2, 1.8], c=[0.5, 1.0], s=100)


@case("arrows_ggplot")
def _():
    # ggplot's patch.* rcParams: a light edge 0.5 pt wide and a blue face where arrowprops give none.
    plt.style.use("ggplot")
    plt.plot([0, 1, 2, 3, 4], [0, 2, 1, 3, 2])
    plt.annotate("peak", xy=(3, 3), xytext=(1, 2.6), arrowprops=dict(facecolor="black", shrink=0.05))
    plt.annotate("dip", xy=(2, 1), xytext=(2.5, 0.2), arrowprops=dict(arrowstyle="->"))
    plt.annotate("end", xy=(4, 2), xytext=(3.2, 0.5), arrowprops=dict())


@case("log_fivethirtyeight")
def _():
    # fivethirtyeight's xtick.minor.size = 0: a log axis's minor ticks are not seen.
    plt.style.use("fivethirtyeight")
    plt.plot([2.0 * 0.8 ** k + 0.05 for k in range(100)])
    plt.yscale("log")


@case("tick_labelcolor")
def _():
    plt.rcParams["xtick.labelcolor"] = "red"
    plt.rcParams["ytick.color"] = "green"
    plt.plot([1, 3, 2])


@case("minorticks_on")
def _():
    plt.rcParams["ytick.minor.visible"] = True
    fig, axes = plt.subplots(1, 2)
    axes[0].plot([0, 10], [0, 2.5])
    axes[0].minorticks_on()
    axes[1].plot([3, 7], [-1, 40])


def styled(name):
    plt.style.use(name)
    plt.figure()
    plt.subplot(1, 2, 1)
    plt.plot(LOSSES, label="train")
    plt.plot(VAL, label="val")
    plt.title("loss")
    plt.xlabel("epoch")
    plt.legend()
    plt.subplot(1, 2, 2)
    plt.bar(["a", "b", "c"], [3, 5, 2])


for style_name in ["ggplot", "seaborn-v0_8", "fivethirtyeight", "bmh"]:
    case("style_" + style_name)(lambda name=style_name: styled(name))


@case("style_seaborn_alias")
def _():
    import warnings

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        plt.style.use("seaborn-whitegrid")
    plt.plot([1, 3, 2])
    return {"warnings": [str(w.message) for w in caught]}


@case("rc_params")
def _():
    plt.rcParams["figure.figsize"] = [10, 4]
    plt.rc("lines", linewidth=3)
    plt.rc("font", size=12)
    plt.plot([1, 3, 2])
    plt.title("big")


@case("style_context")
def _():
    with plt.style.context("ggplot"):
        plt.figure(figsize=(4, 3))
        plt.plot([1, 2])
    plt.figure(figsize=(4, 3))
    plt.plot([1, 2])
    plt.close(1)


def style_params():
    """The rcParams each style sets, as matplotlib validates them (the ones torchlab draws)."""
    out = {}
    for name in ["ggplot", "seaborn-v0_8", "fivethirtyeight", "bmh", "seaborn-v0_8-whitegrid"]:
        with plt.style.context(name):
            out[name] = {k: (list(v.by_key()["color"]) if k == "axes.prop_cycle" else list(v) if isinstance(v, tuple) else v)
                         for k, v in plt.rcParams.items() if k in ("axes.facecolor", "axes.prop_cycle", "axes.grid", "font.size", "lines.linewidth", "figure.figsize", "image.cmap", "axes.titlesize")}
    return out


def cmap_pixels():
    values = np.linspace(-1.0, 2.0, 24).reshape(4, 6)
    out = {}
    for name in ["Greys", "binary", "hot", "jet", "coolwarm", "RdBu", "gray_r", "viridis_r", "jet_r"]:
        im = plt.imshow(values, cmap=name)
        out[name] = im.to_rgba(values, bytes=True).tolist()
        plt.close("all")
    return out


def error(f):
    plt.close("all")
    try:
        f()
    except Exception as e:  # noqa: BLE001
        return [type(e).__name__, str(e)]
    finally:
        plt.close("all")
    raise AssertionError("no error")


errors = {
    "subplot_5": error(lambda: plt.subplot(2, 2, 5)),
    "imshow_chw": error(lambda: plt.imshow(np.zeros((3, 28, 28)))),
    "imshow_1d": error(lambda: plt.imshow(np.zeros(5))),
    "plot_shapes": error(lambda: plt.plot([1, 2, 3], [1, 2, 3, 4])),
    "scatter_c": error(lambda: plt.scatter([1, 2, 3, 4], [1, 2, 3, 4], c=[1, 2, 3])),
    "savefig_format": error(lambda: plt.savefig("x.xyz")),
    "cmap_unknown": error(lambda: plt.imshow(np.zeros((2, 2)), cmap="viridiss")),
    "colorbar_none": error(lambda: (plt.plot([1, 2]), plt.colorbar())),
    "xscale_unknown": error(lambda: plt.xscale("logarithmic")),
    "fill_between_sizes": error(lambda: plt.fill_between([1, 2, 3], [1, 2])),
    "errorbar_negative": error(lambda: plt.errorbar([1, 2], [1, 2], yerr=[-1, 1])),
    "errorbar_shape": error(lambda: plt.errorbar([1, 2], [1, 2], yerr=[1, 1, 1])),
    "barh_shapes": error(lambda: plt.barh([1, 2, 3], [1, 2])),
    "pie_negative": error(lambda: plt.pie([1, -2])),
    "sharex_value": error(lambda: plt.subplots(2, 2, sharex="rows")),
    "style_unknown": error(lambda: plt.style.use("ggplott")),
    "rc_unknown": error(lambda: plt.rcParams.__setitem__("figure.size", [1, 2])),
    "rc_figsize": error(lambda: plt.rcParams.__setitem__("figure.figsize", [1, 2, 3])),
    "rc_group": error(lambda: plt.rc("lines", thickness=2)),
    "legend_loc_name": error(lambda: (plt.plot([1], label="a"), plt.legend(loc="top"))),
}

def tight_positions(log):
    """The axes' positions after tight_layout of a linear and a linear or log (10^k labels) subplot."""
    fig, axes = plt.subplots(1, 2, figsize=(9, 3.5))
    axes[0].plot([k / 5 for k in range(50)], [math.sin(k / 5) for k in range(50)], label="sin")
    (axes[1].semilogy if log else axes[1].plot)([k / 5 for k in range(50)], [math.exp(k / 5) for k in range(50)])
    plt.tight_layout()
    positions = [[float(v) for v in ax.get_position().bounds] for ax in axes]
    plt.close("all")
    return positions


def tight_538_log():
    """Godoy's plot_losses: fivethirtyeight's bigger fonts and pads, a log y axis, a legend."""
    plt.style.use("fivethirtyeight")
    fig = plt.figure(figsize=(10, 4))
    plt.plot([2.0 * 0.8 ** k + 0.05 for k in range(100)], label="Training Loss", c="b")
    plt.plot([1.8 * 0.8 ** k + 0.06 for k in range(100)], label="Validation Loss", c="r")
    plt.yscale("log")
    plt.xlabel("Epochs")
    plt.ylabel("Loss")
    plt.legend()
    plt.tight_layout()
    positions = [[float(v) for v in ax.get_position().bounds] for ax in fig.axes]
    plt.close("all")
    plt.style.use("default")
    return positions


def tight_texts():
    """Titles and labels in a 2 x 2 grid, and an annotation and a legend outside the Axes, which tight_layout makes room for."""
    fig, axes = plt.subplots(2, 2, figsize=(8, 6))
    for k, ax in enumerate(axes.flat):
        ax.plot([0, 1, 2], [k, 2 * k + 1, 1000 * k])
        ax.set_title(f"run {k}")
        ax.set_xlabel("step")
    axes[0][1].annotate("a note outside", xy=(1.02, 0.5), xycoords="axes fraction")
    axes[1][0].plot([0, 2], [0, 1], label="line")
    axes[1][0].legend(bbox_to_anchor=(-0.1, 0.5), loc="center right")
    fig.suptitle("runs")
    plt.tight_layout(pad=0.5, w_pad=2)
    positions = [[float(v) for v in ax.get_position().bounds] for ax in fig.axes]
    plt.close("all")
    return positions


# tight_layout measures tick labels with estimated widths: the test compares within a tolerance.
tight = {"linear": tight_positions(False), "log": tight_positions(True), "fivethirtyeight_log": tight_538_log(), "texts": tight_texts()}

with open("pyplot.json", "w") as f:
    json.dump({"matplotlib": matplotlib.__version__, "cases": cases, "errors": errors, "cmaps": cmap_pixels(), "styles": style_params(), "tight": tight}, f, indent=1)
