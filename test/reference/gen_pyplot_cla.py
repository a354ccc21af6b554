"""matplotlib 3.6 reference for test/matplotlib/cla.test.ts: what `ax.cla()` / `ax.clear()` leave of an
Axes that had lines, a log x axis, limits, a title and labels (d2l's `plot` clears the Axes it draws
on), and the labels `set_xlabel(None)` / `set_title(None)` give (d2l's set_axes passes None).
Run with Debian's /usr/bin/python3 from test/reference: writes pyplot_cla.json.
"""
import json

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def state(ax):
    return {
        "lines": len(ax.lines), "texts": len(ax.texts), "xlim": list(ax.get_xlim()), "ylim": list(ax.get_ylim()),
        "xticks": [float(t) for t in ax.get_xticks()], "scales": [ax.get_xscale(), ax.get_yscale()],
        "title": ax.get_title(), "xlabel": ax.get_xlabel(), "ylabel": ax.get_ylabel(),
        "colors": [matplotlib.colors.to_hex(line.get_color()) for line in ax.lines],
    }


def main():
    out = {}
    for method in ["cla", "clear"]:
        fig, ax = plt.subplots()
        ax.plot([1, 2, 3], [1, 4, 9])
        ax.plot([1, 2, 3], [2, 3, 4])
        ax.set_xscale("log")
        ax.set_xlim(1, 5)
        ax.set_title("before")
        ax.set_xlabel("x")
        ax.annotate("note", xy=(2, 4))
        before = state(ax)
        getattr(ax, method)()
        cleared = state(ax)
        ax.plot([0, 1, 2], [0, 2, 1])
        ax.set_xlabel(None)
        ax.set_ylabel(None)
        ax.set_title(None)
        out[method] = {"before": before, "cleared": cleared, "redrawn": state(ax)}
        plt.close(fig)
    with open("pyplot_cla.json", "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
