"""Writes src/matplotlib/styles.ts: matplotlib 3.6's rcParams that torchlab draws, as rcParamsDefault
holds them and as each style of its library sets them (`matplotlib.style.library[name]`, validated),
and all its rcParams with their defaults (a name outside them is its KeyError; the backend is Jupyter's inline one). A style is listed only when
every key it sets is drawn or changes nothing torchlab draws (IGNORED). Run with Debian's
/usr/bin/python3 from test/reference.
"""
import json

import matplotlib
import matplotlib.style

# The rcParams torchlab's figures read (src/matplotlib/style.ts says where).
DRAWN = [
    "axes.axisbelow", "axes.edgecolor", "axes.facecolor", "axes.grid", "axes.labelcolor", "axes.labelsize", "axes.linewidth",
    "axes.prop_cycle", "axes.titlesize", "figure.dpi", "figure.facecolor", "figure.figsize", "figure.subplot.bottom",
    "figure.subplot.hspace", "figure.subplot.left", "figure.subplot.right", "figure.subplot.top", "figure.subplot.wspace",
    "font.size", "grid.alpha", "grid.color", "grid.linestyle", "grid.linewidth", "image.cmap", "legend.fontsize",
    "legend.frameon", "lines.linewidth", "lines.markersize", "text.color", "xtick.color", "xtick.direction", "xtick.labelsize",
    "xtick.major.pad", "xtick.major.size", "xtick.major.width", "ytick.color", "ytick.direction", "ytick.labelsize",
    "ytick.major.pad", "ytick.major.size", "ytick.major.width",
    # annotate's arrows (FancyArrowPatch's default face, edge and width), minor ticks, tick label colours.
    "patch.facecolor", "patch.edgecolor", "patch.linewidth", "xtick.minor.size", "ytick.minor.size", "xtick.minor.width",
    "ytick.minor.width", "xtick.minor.visible", "ytick.minor.visible", "xtick.labelcolor", "ytick.labelcolor",
]
# Keys a style sets that change nothing torchlab draws (fonts it does not choose, hinting, antialiasing,
# bars' edges, which they do not get without patch.force_edgecolor).
IGNORED = {
    "font.family", "font.sans-serif", "patch.antialiased", "svg.fonttype", "text.hinting_factor", "mathtext.fontset",
    "legend.fancybox", "legend.numpoints", "legend.scatterpoints", "lines.solid_capstyle", "lines.markeredgewidth",
    "figure.edgecolor", "savefig.edgecolor", "savefig.facecolor",
}


def value(key, v):
    if key == "axes.prop_cycle":
        return list(v.by_key()["color"])
    if isinstance(v, tuple):
        return list(v)
    return v


defaults = {k: value(k, matplotlib.rcParamsDefault[k]) for k in DRAWN}
styles = {}
for name in sorted(matplotlib.style.library):
    params = matplotlib.style.library[name]
    if name.startswith("_") or not set(params) <= set(DRAWN) | IGNORED:
        continue
    styles[name] = {k: value(k, v) for k, v in params.items() if k in DRAWN}


def plain(key, v):
    """A default as JSON: numbers, strings, booleans and lists as they are, anything else as its str."""
    if key == "backend":
        return "module://matplotlib_inline.backend_inline"
    v = value(key, v)
    try:
        json.dumps(v)
        return v
    except TypeError:
        return str(v)


lines = [
    "/**",
    " * matplotlib %s's rcParams that torchlab draws: their defaults, what each style of its library that" % matplotlib.__version__,
    " * torchlab draws sets, and all its rcParams' defaults. Written by test/reference/gen_styles.py.",
    " */",
    "/* eslint-disable */",
    "export const DEFAULTS = %s as const;" % json.dumps(defaults),
    "",
    "export const STYLE_LIBRARY: Record<string, Record<string, unknown>> = %s;" % json.dumps(styles, indent=1),
    "",
    "/** Every rcParam of matplotlib with its default (values that are not JSON as their str). */",
    "export const ALL_DEFAULTS: Record<string, unknown> = %s;" % json.dumps({k: plain(k, matplotlib.rcParamsDefault[k]) for k in sorted(matplotlib.rcParamsDefault.keys())}),
    "",
]
with open("../../src/matplotlib/styles.ts", "w") as f:
    f.write("\n".join(lines))
print(sorted(styles))
