"""Writes src/matplotlib/colormaps.ts: the lookup tables of matplotlib 3.6's colour maps that
tutorials name (besides gray and viridis, in viridis.ts), each entry twice: truncated to bytes as
`cmap(range(N), bytes=True)` gives them (imshow's pixels) and rounded as `to_hex` writes them
(scatter's points, the colorbar's SVG). N is 256 but for a listed map of fewer colours (Paired's 12),
which is marked `listed` (resampling reads its table; a segmented map's is sampled from its segments). Run with Debian's /usr/bin/python3 from test/reference.
"""
import matplotlib
import numpy as np

# A reversed segmented map is computed from reversed segments, not read backwards: its own table.
NAMES = [n + r for n in ["Greys", "binary", "hot", "jet", "coolwarm", "RdBu", "gray", "RdYlBu", "Spectral", "bwr", "Paired"] for r in ["", "_r"] if n + r != "gray"]


def hexes(values):
    text = "".join("%02x" % v for v in values.reshape(-1))
    return " +\n".join('    "%s"' % text[i:i + 96] for i in range(0, len(text), 96))


lines = [
    "/**",
    " * Lookup tables of matplotlib %s's colour maps that tutorials name (gray and viridis are in" % matplotlib.__version__,
    " * viridis.ts; viridis_r is viridis read backwards), written by test/reference/gen_colormaps.py: each map's N entries (256, or a",
    " * listed map's colours) as image pixels",
    " * (`cmap(range(256), bytes=True)`, truncated) and as matplotlib writes colours into SVG (`to_hex`, rounded).",
    " */",
    "export const TABLES: Record<string, { truncated: string; rounded: string; listed?: true }> = {",
]
for name in NAMES:
    cmap = matplotlib.colormaps[name]
    rgba = cmap(np.arange(cmap.N))[:, :3]
    truncated = (rgba * 255).astype(np.uint8)
    rounded = np.round(rgba * 255).astype(np.uint8)
    lines.append("  %s: {" % name)
    lines.append("    truncated:\n" + hexes(truncated) + ",")
    lines.append("    rounded:\n" + hexes(rounded) + ",")
    if isinstance(cmap, matplotlib.colors.ListedColormap):
        lines.append("    listed: true,")
    lines.append("  },")
lines.append("};")
lines.append("")
lines.append("/** Every colour map name matplotlib registers, for its error on an unknown one. */")
names = sorted(matplotlib.colormaps)
lines.append("export const MATPLOTLIB_CMAPS = %s;" % ("[" + ", ".join('"%s"' % n for n in names) + "]"))
with open("../../src/matplotlib/colormaps.ts", "w") as f:
    f.write("\n".join(lines) + "\n")
