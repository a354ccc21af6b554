"""The figures a tutorial's cells show, recorded as Jupyter's inline backend shows them: plt.show() and
each cell's end show every open figure, then close it. Each figure is its repr and, per Axes, the
images' shapes, the line count, the legend's labels, the title and whether the axis is on
(test/tutorials/_figures.ts reads the same from torchlab's outputs)."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

shown_figures = []


def figure_info(fig):
    return {
        "repr": repr(fig),
        "axes": [
            {
                "images": [list(im.get_array().shape) for im in ax.images],
                "lines": len(ax.lines),
                "legend": [t.get_text() for t in ax.get_legend().get_texts()] if ax.get_legend() else None,
                "title": ax.get_title(),
                "axison": ax.axison,
            }
            for ax in fig.axes
        ],
    }


def flush_figures():
    """The inline backend's show(): each open figure is shown (recorded), then all are closed."""
    for num in plt.get_fignums():
        shown_figures.append(figure_info(plt.figure(num)))
    plt.close("all")


def take_figures():
    """What the cell showed, its end's flush included; the record starts afresh for the next cell."""
    flush_figures()
    out = list(shown_figures)
    shown_figures.clear()
    return out


plt.show = flush_figures
