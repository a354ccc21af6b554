/**
 * matplotlib 3.6.3's rcParams that torchlab draws: their defaults, what each style of its library that
 * torchlab draws sets, and all its rcParams' defaults. Written by test/reference/gen_styles.py.
 */
/* eslint-disable */
export const DEFAULTS = {"axes.axisbelow": "line", "axes.edgecolor": "black", "axes.facecolor": "white", "axes.grid": false, "axes.labelcolor": "black", "axes.labelsize": "medium", "axes.linewidth": 0.8, "axes.prop_cycle": ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"], "axes.titlesize": "large", "figure.dpi": 100.0, "figure.facecolor": "white", "figure.figsize": [6.4, 4.8], "figure.subplot.bottom": 0.11, "figure.subplot.hspace": 0.2, "figure.subplot.left": 0.125, "figure.subplot.right": 0.9, "figure.subplot.top": 0.88, "figure.subplot.wspace": 0.2, "font.size": 10.0, "grid.alpha": 1.0, "grid.color": "#b0b0b0", "grid.linestyle": "-", "grid.linewidth": 0.8, "image.cmap": "viridis", "legend.fontsize": "medium", "legend.frameon": true, "lines.linewidth": 1.5, "lines.markersize": 6.0, "text.color": "black", "xtick.color": "black", "xtick.direction": "out", "xtick.labelsize": "medium", "xtick.major.pad": 3.5, "xtick.major.size": 3.5, "xtick.major.width": 0.8, "ytick.color": "black", "ytick.direction": "out", "ytick.labelsize": "medium", "ytick.major.pad": 3.5, "ytick.major.size": 3.5, "ytick.major.width": 0.8} as const;

export const STYLE_LIBRARY: Record<string, Record<string, unknown>> = {
 "Solarize_Light2": {
  "axes.axisbelow": true,
  "axes.edgecolor": "#eee8d5",
  "axes.facecolor": "#eee8d5",
  "axes.grid": true,
  "axes.labelcolor": "#657b83",
  "axes.labelsize": 12.0,
  "axes.prop_cycle": [
   "#268BD2",
   "#2AA198",
   "#859900",
   "#B58900",
   "#CB4B16",
   "#DC322F",
   "#D33682",
   "#6C71C4"
  ],
  "axes.titlesize": 16.0,
  "figure.facecolor": "#FDF6E3",
  "grid.color": "#fdf6e3",
  "grid.linestyle": "-",
  "grid.linewidth": 1.0,
  "lines.linewidth": 2.0,
  "xtick.color": "#657b83",
  "xtick.direction": "out",
  "ytick.color": "#657b83",
  "ytick.direction": "out"
 },
 "bmh": {
  "axes.edgecolor": "#bcbcbc",
  "axes.facecolor": "#eeeeee",
  "axes.grid": true,
  "axes.labelsize": "large",
  "axes.prop_cycle": [
   "#348ABD",
   "#A60628",
   "#7A68A6",
   "#467821",
   "#D55E00",
   "#CC79A7",
   "#56B4E9",
   "#009E73",
   "#F0E442",
   "#0072B2"
  ],
  "axes.titlesize": "x-large",
  "grid.color": "#b2b2b2",
  "grid.linestyle": "--",
  "grid.linewidth": 0.5,
  "lines.linewidth": 2.0,
  "xtick.direction": "in",
  "ytick.direction": "in"
 },
 "fivethirtyeight": {
  "axes.axisbelow": true,
  "axes.edgecolor": "#f0f0f0",
  "axes.facecolor": "#f0f0f0",
  "axes.grid": true,
  "axes.labelsize": "large",
  "axes.linewidth": 3.0,
  "axes.prop_cycle": [
   "#008fd5",
   "#fc4f30",
   "#e5ae38",
   "#6d904f",
   "#8b8b8b",
   "#810f7c"
  ],
  "axes.titlesize": "x-large",
  "figure.facecolor": "#f0f0f0",
  "figure.subplot.bottom": 0.07,
  "figure.subplot.left": 0.08,
  "figure.subplot.right": 0.95,
  "font.size": 14.0,
  "grid.color": "#cbcbcb",
  "grid.linestyle": "-",
  "grid.linewidth": 1.0,
  "lines.linewidth": 4.0,
  "xtick.major.size": 0.0,
  "ytick.major.size": 0.0
 },
 "ggplot": {
  "axes.axisbelow": true,
  "axes.edgecolor": "white",
  "axes.facecolor": "#E5E5E5",
  "axes.grid": true,
  "axes.labelcolor": "#555555",
  "axes.labelsize": "large",
  "axes.linewidth": 1.0,
  "axes.prop_cycle": [
   "#E24A33",
   "#348ABD",
   "#988ED5",
   "#777777",
   "#FBC15E",
   "#8EBA42",
   "#FFB5B8"
  ],
  "axes.titlesize": "x-large",
  "figure.facecolor": "white",
  "font.size": 10.0,
  "grid.color": "white",
  "grid.linestyle": "-",
  "xtick.color": "#555555",
  "xtick.direction": "out",
  "ytick.color": "#555555",
  "ytick.direction": "out"
 },
 "seaborn-v0_8": {
  "axes.axisbelow": true,
  "axes.edgecolor": "white",
  "axes.facecolor": "#EAEAF2",
  "axes.grid": true,
  "axes.labelcolor": ".15",
  "axes.labelsize": 11.0,
  "axes.linewidth": 0.0,
  "axes.prop_cycle": [
   "#4C72B0",
   "#55A868",
   "#C44E52",
   "#8172B2",
   "#CCB974",
   "#64B5CD"
  ],
  "axes.titlesize": 12.0,
  "figure.facecolor": "white",
  "figure.figsize": [
   8.0,
   5.5
  ],
  "grid.color": "white",
  "grid.linestyle": "-",
  "grid.linewidth": 1.0,
  "image.cmap": "Greys",
  "legend.fontsize": 10.0,
  "legend.frameon": false,
  "lines.linewidth": 1.75,
  "lines.markersize": 7.0,
  "text.color": ".15",
  "xtick.color": ".15",
  "xtick.direction": "out",
  "xtick.labelsize": 10.0,
  "xtick.major.pad": 7.0,
  "xtick.major.size": 0.0,
  "xtick.major.width": 1.0,
  "ytick.color": ".15",
  "ytick.direction": "out",
  "ytick.labelsize": 10.0,
  "ytick.major.pad": 7.0,
  "ytick.major.size": 0.0,
  "ytick.major.width": 1.0
 },
 "seaborn-v0_8-bright": {
  "axes.prop_cycle": [
   "#003FFF",
   "#03ED3A",
   "#E8000B",
   "#8A2BE2",
   "#FFC400",
   "#00D7FF"
  ]
 },
 "seaborn-v0_8-colorblind": {
  "axes.prop_cycle": [
   "#0072B2",
   "#009E73",
   "#D55E00",
   "#CC79A7",
   "#F0E442",
   "#56B4E9"
  ]
 },
 "seaborn-v0_8-dark": {
  "axes.axisbelow": true,
  "axes.edgecolor": "white",
  "axes.facecolor": "#EAEAF2",
  "axes.grid": false,
  "axes.labelcolor": ".15",
  "axes.linewidth": 0.0,
  "figure.facecolor": "white",
  "grid.color": "white",
  "grid.linestyle": "-",
  "image.cmap": "Greys",
  "legend.frameon": false,
  "text.color": ".15",
  "xtick.color": ".15",
  "xtick.direction": "out",
  "xtick.major.size": 0.0,
  "ytick.color": ".15",
  "ytick.direction": "out",
  "ytick.major.size": 0.0
 },
 "seaborn-v0_8-dark-palette": {
  "axes.prop_cycle": [
   "#001C7F",
   "#017517",
   "#8C0900",
   "#7600A1",
   "#B8860B",
   "#006374"
  ]
 },
 "seaborn-v0_8-darkgrid": {
  "axes.axisbelow": true,
  "axes.edgecolor": "white",
  "axes.facecolor": "#EAEAF2",
  "axes.grid": true,
  "axes.labelcolor": ".15",
  "axes.linewidth": 0.0,
  "figure.facecolor": "white",
  "grid.color": "white",
  "grid.linestyle": "-",
  "image.cmap": "Greys",
  "legend.frameon": false,
  "text.color": ".15",
  "xtick.color": ".15",
  "xtick.direction": "out",
  "xtick.major.size": 0.0,
  "ytick.color": ".15",
  "ytick.direction": "out",
  "ytick.major.size": 0.0
 },
 "seaborn-v0_8-deep": {
  "axes.prop_cycle": [
   "#4C72B0",
   "#55A868",
   "#C44E52",
   "#8172B2",
   "#CCB974",
   "#64B5CD"
  ]
 },
 "seaborn-v0_8-muted": {
  "axes.prop_cycle": [
   "#4878CF",
   "#6ACC65",
   "#D65F5F",
   "#B47CC7",
   "#C4AD66",
   "#77BEDB"
  ]
 },
 "seaborn-v0_8-notebook": {
  "axes.labelsize": 11.0,
  "axes.titlesize": 12.0,
  "figure.figsize": [
   8.0,
   5.5
  ],
  "grid.linewidth": 1.0,
  "legend.fontsize": 10.0,
  "lines.linewidth": 1.75,
  "lines.markersize": 7.0,
  "xtick.labelsize": 10.0,
  "xtick.major.pad": 7.0,
  "xtick.major.width": 1.0,
  "ytick.labelsize": 10.0,
  "ytick.major.pad": 7.0,
  "ytick.major.width": 1.0
 },
 "seaborn-v0_8-paper": {
  "axes.labelsize": 8.8,
  "axes.titlesize": 9.6,
  "figure.figsize": [
   6.4,
   4.4
  ],
  "grid.linewidth": 0.8,
  "legend.fontsize": 8.0,
  "lines.linewidth": 1.4,
  "lines.markersize": 5.6,
  "xtick.labelsize": 8.0,
  "xtick.major.pad": 5.6,
  "xtick.major.width": 0.8,
  "ytick.labelsize": 8.0,
  "ytick.major.pad": 5.6,
  "ytick.major.width": 0.8
 },
 "seaborn-v0_8-pastel": {
  "axes.prop_cycle": [
   "#92C6FF",
   "#97F0AA",
   "#FF9F9A",
   "#D0BBFF",
   "#FFFEA3",
   "#B0E0E6"
  ]
 },
 "seaborn-v0_8-poster": {
  "axes.labelsize": 17.6,
  "axes.titlesize": 19.2,
  "figure.figsize": [
   12.8,
   8.8
  ],
  "grid.linewidth": 1.6,
  "legend.fontsize": 16.0,
  "lines.linewidth": 2.8,
  "lines.markersize": 11.2,
  "xtick.labelsize": 16.0,
  "xtick.major.pad": 11.2,
  "xtick.major.width": 1.6,
  "ytick.labelsize": 16.0,
  "ytick.major.pad": 11.2,
  "ytick.major.width": 1.6
 },
 "seaborn-v0_8-talk": {
  "axes.labelsize": 14.3,
  "axes.titlesize": 15.6,
  "figure.figsize": [
   10.4,
   7.15
  ],
  "grid.linewidth": 1.3,
  "legend.fontsize": 13.0,
  "lines.linewidth": 2.275,
  "lines.markersize": 9.1,
  "xtick.labelsize": 13.0,
  "xtick.major.pad": 9.1,
  "xtick.major.width": 1.3,
  "ytick.labelsize": 13.0,
  "ytick.major.pad": 9.1,
  "ytick.major.width": 1.3
 },
 "seaborn-v0_8-ticks": {
  "axes.axisbelow": true,
  "axes.edgecolor": ".15",
  "axes.facecolor": "white",
  "axes.grid": false,
  "axes.labelcolor": ".15",
  "axes.linewidth": 1.25,
  "figure.facecolor": "white",
  "grid.color": ".8",
  "grid.linestyle": "-",
  "image.cmap": "Greys",
  "legend.frameon": false,
  "text.color": ".15",
  "xtick.color": ".15",
  "xtick.direction": "out",
  "xtick.major.size": 6.0,
  "ytick.color": ".15",
  "ytick.direction": "out",
  "ytick.major.size": 6.0
 },
 "seaborn-v0_8-white": {
  "axes.axisbelow": true,
  "axes.edgecolor": ".15",
  "axes.facecolor": "white",
  "axes.grid": false,
  "axes.labelcolor": ".15",
  "axes.linewidth": 1.25,
  "figure.facecolor": "white",
  "grid.color": ".8",
  "grid.linestyle": "-",
  "image.cmap": "Greys",
  "legend.frameon": false,
  "text.color": ".15",
  "xtick.color": ".15",
  "xtick.direction": "out",
  "xtick.major.size": 0.0,
  "ytick.color": ".15",
  "ytick.direction": "out",
  "ytick.major.size": 0.0
 },
 "seaborn-v0_8-whitegrid": {
  "axes.axisbelow": true,
  "axes.edgecolor": ".8",
  "axes.facecolor": "white",
  "axes.grid": true,
  "axes.labelcolor": ".15",
  "axes.linewidth": 1.0,
  "figure.facecolor": "white",
  "grid.color": ".8",
  "grid.linestyle": "-",
  "image.cmap": "Greys",
  "legend.frameon": false,
  "text.color": ".15",
  "xtick.color": ".15",
  "xtick.direction": "out",
  "xtick.major.size": 0.0,
  "ytick.color": ".15",
  "ytick.direction": "out",
  "ytick.major.size": 0.0
 },
 "tableau-colorblind10": {
  "axes.prop_cycle": [
   "#006BA4",
   "#FF800E",
   "#ABABAB",
   "#595959",
   "#5F9ED1",
   "#C85200",
   "#898989",
   "#A2C8EC",
   "#FFBC79",
   "#CFCFCF"
  ]
 }
};

/** Every rcParam of matplotlib with its default (values that are not JSON as their str). */
export const ALL_DEFAULTS: Record<string, unknown> = {"_internal.classic_mode": false, "agg.path.chunksize": 0, "animation.bitrate": -1, "animation.codec": "h264", "animation.convert_args": ["-layers", "OptimizePlus"], "animation.convert_path": "convert", "animation.embed_limit": 20.0, "animation.ffmpeg_args": [], "animation.ffmpeg_path": "ffmpeg", "animation.frame_format": "png", "animation.html": "none", "animation.writer": "ffmpeg", "axes.autolimit_mode": "data", "axes.axisbelow": "line", "axes.edgecolor": "black", "axes.facecolor": "white", "axes.formatter.limits": [-5, 6], "axes.formatter.min_exponent": 0, "axes.formatter.offset_threshold": 4, "axes.formatter.use_locale": false, "axes.formatter.use_mathtext": false, "axes.formatter.useoffset": true, "axes.grid": false, "axes.grid.axis": "both", "axes.grid.which": "major", "axes.labelcolor": "black", "axes.labelpad": 4.0, "axes.labelsize": "medium", "axes.labelweight": "normal", "axes.linewidth": 0.8, "axes.prop_cycle": ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"], "axes.spines.bottom": true, "axes.spines.left": true, "axes.spines.right": true, "axes.spines.top": true, "axes.titlecolor": "auto", "axes.titlelocation": "center", "axes.titlepad": 6.0, "axes.titlesize": "large", "axes.titleweight": "normal", "axes.titley": null, "axes.unicode_minus": true, "axes.xmargin": 0.05, "axes.ymargin": 0.05, "axes.zmargin": 0.05, "axes3d.grid": true, "backend": "module://matplotlib_inline.backend_inline", "backend_fallback": true, "boxplot.bootstrap": null, "boxplot.boxprops.color": "black", "boxplot.boxprops.linestyle": "-", "boxplot.boxprops.linewidth": 1.0, "boxplot.capprops.color": "black", "boxplot.capprops.linestyle": "-", "boxplot.capprops.linewidth": 1.0, "boxplot.flierprops.color": "black", "boxplot.flierprops.linestyle": "none", "boxplot.flierprops.linewidth": 1.0, "boxplot.flierprops.marker": "o", "boxplot.flierprops.markeredgecolor": "black", "boxplot.flierprops.markeredgewidth": 1.0, "boxplot.flierprops.markerfacecolor": "none", "boxplot.flierprops.markersize": 6.0, "boxplot.meanline": false, "boxplot.meanprops.color": "C2", "boxplot.meanprops.linestyle": "--", "boxplot.meanprops.linewidth": 1.0, "boxplot.meanprops.marker": "^", "boxplot.meanprops.markeredgecolor": "C2", "boxplot.meanprops.markerfacecolor": "C2", "boxplot.meanprops.markersize": 6.0, "boxplot.medianprops.color": "C1", "boxplot.medianprops.linestyle": "-", "boxplot.medianprops.linewidth": 1.0, "boxplot.notch": false, "boxplot.patchartist": false, "boxplot.showbox": true, "boxplot.showcaps": true, "boxplot.showfliers": true, "boxplot.showmeans": false, "boxplot.vertical": true, "boxplot.whiskerprops.color": "black", "boxplot.whiskerprops.linestyle": "-", "boxplot.whiskerprops.linewidth": 1.0, "boxplot.whiskers": 1.5, "contour.algorithm": "mpl2014", "contour.corner_mask": true, "contour.linewidth": null, "contour.negative_linestyle": "dashed", "date.autoformatter.day": "%Y-%m-%d", "date.autoformatter.hour": "%m-%d %H", "date.autoformatter.microsecond": "%M:%S.%f", "date.autoformatter.minute": "%d %H:%M", "date.autoformatter.month": "%Y-%m", "date.autoformatter.second": "%H:%M:%S", "date.autoformatter.year": "%Y", "date.converter": "auto", "date.epoch": "1970-01-01T00:00:00", "date.interval_multiples": true, "docstring.hardcopy": false, "errorbar.capsize": 0.0, "figure.autolayout": false, "figure.constrained_layout.h_pad": 0.04167, "figure.constrained_layout.hspace": 0.02, "figure.constrained_layout.use": false, "figure.constrained_layout.w_pad": 0.04167, "figure.constrained_layout.wspace": 0.02, "figure.dpi": 100.0, "figure.edgecolor": "white", "figure.facecolor": "white", "figure.figsize": [6.4, 4.8], "figure.frameon": true, "figure.labelsize": "large", "figure.labelweight": "normal", "figure.max_open_warning": 20, "figure.raise_window": true, "figure.subplot.bottom": 0.11, "figure.subplot.hspace": 0.2, "figure.subplot.left": 0.125, "figure.subplot.right": 0.9, "figure.subplot.top": 0.88, "figure.subplot.wspace": 0.2, "figure.titlesize": "large", "figure.titleweight": "normal", "font.cursive": ["Apple Chancery", "Textile", "Zapf Chancery", "Sand", "Script MT", "Felipa", "Comic Neue", "Comic Sans MS", "cursive"], "font.family": ["sans-serif"], "font.fantasy": ["Chicago", "Charcoal", "Impact", "Western", "Humor Sans", "xkcd", "fantasy"], "font.monospace": ["DejaVu Sans Mono", "Bitstream Vera Sans Mono", "Computer Modern Typewriter", "Andale Mono", "Nimbus Mono L", "Courier New", "Courier", "Fixed", "Terminal", "monospace"], "font.sans-serif": ["DejaVu Sans", "Bitstream Vera Sans", "Computer Modern Sans Serif", "Lucida Grande", "Verdana", "Geneva", "Lucid", "Arial", "Helvetica", "Avant Garde", "sans-serif"], "font.serif": ["DejaVu Serif", "Bitstream Vera Serif", "Computer Modern Roman", "New Century Schoolbook", "Century Schoolbook L", "Utopia", "ITC Bookman", "Bookman", "Nimbus Roman No9 L", "Times New Roman", "Times", "Palatino", "Charter", "serif"], "font.size": 10.0, "font.stretch": "normal", "font.style": "normal", "font.variant": "normal", "font.weight": "normal", "grid.alpha": 1.0, "grid.color": "#b0b0b0", "grid.linestyle": "-", "grid.linewidth": 0.8, "hatch.color": "black", "hatch.linewidth": 1.0, "hist.bins": 10, "image.aspect": "equal", "image.cmap": "viridis", "image.composite_image": true, "image.interpolation": "antialiased", "image.lut": 256, "image.origin": "upper", "image.resample": true, "interactive": false, "keymap.back": ["left", "c", "backspace", "MouseButton.BACK"], "keymap.copy": ["ctrl+c", "cmd+c"], "keymap.forward": ["right", "v", "MouseButton.FORWARD"], "keymap.fullscreen": ["f", "ctrl+f"], "keymap.grid": ["g"], "keymap.grid_minor": ["G"], "keymap.help": ["f1"], "keymap.home": ["h", "r", "home"], "keymap.pan": ["p"], "keymap.quit": ["ctrl+w", "cmd+w", "q"], "keymap.quit_all": [], "keymap.save": ["s", "ctrl+s"], "keymap.xscale": ["k", "L"], "keymap.yscale": ["l"], "keymap.zoom": ["o"], "legend.borderaxespad": 0.5, "legend.borderpad": 0.4, "legend.columnspacing": 2.0, "legend.edgecolor": "0.8", "legend.facecolor": "inherit", "legend.fancybox": true, "legend.fontsize": "medium", "legend.framealpha": 0.8, "legend.frameon": true, "legend.handleheight": 0.7, "legend.handlelength": 2.0, "legend.handletextpad": 0.8, "legend.labelcolor": "None", "legend.labelspacing": 0.5, "legend.loc": "best", "legend.markerscale": 1.0, "legend.numpoints": 1, "legend.scatterpoints": 1, "legend.shadow": false, "legend.title_fontsize": null, "lines.antialiased": true, "lines.color": "C0", "lines.dash_capstyle": "butt", "lines.dash_joinstyle": "round", "lines.dashdot_pattern": [6.4, 1.6, 1.0, 1.6], "lines.dashed_pattern": [3.7, 1.6], "lines.dotted_pattern": [1.0, 1.65], "lines.linestyle": "-", "lines.linewidth": 1.5, "lines.marker": "None", "lines.markeredgecolor": "auto", "lines.markeredgewidth": 1.0, "lines.markerfacecolor": "auto", "lines.markersize": 6.0, "lines.scale_dashes": true, "lines.solid_capstyle": "projecting", "lines.solid_joinstyle": "round", "markers.fillstyle": "full", "mathtext.bf": "sans:bold", "mathtext.cal": "cursive", "mathtext.default": "it", "mathtext.fallback": "cm", "mathtext.fontset": "dejavusans", "mathtext.it": "sans:italic", "mathtext.rm": "sans", "mathtext.sf": "sans", "mathtext.tt": "monospace", "patch.antialiased": true, "patch.edgecolor": "black", "patch.facecolor": "C0", "patch.force_edgecolor": false, "patch.linewidth": 1.0, "path.effects": [], "path.simplify": true, "path.simplify_threshold": 0.111111111111, "path.sketch": null, "path.snap": true, "pcolor.shading": "auto", "pcolormesh.snap": true, "pdf.compression": 6, "pdf.fonttype": 3, "pdf.inheritcolor": false, "pdf.use14corefonts": false, "pgf.preamble": "", "pgf.rcfonts": true, "pgf.texsystem": "xelatex", "polaraxes.grid": true, "ps.distiller.res": 6000, "ps.fonttype": 3, "ps.papersize": "letter", "ps.useafm": false, "ps.usedistiller": null, "savefig.bbox": null, "savefig.directory": "~", "savefig.dpi": "figure", "savefig.edgecolor": "auto", "savefig.facecolor": "auto", "savefig.format": "png", "savefig.orientation": "portrait", "savefig.pad_inches": 0.1, "savefig.transparent": false, "scatter.edgecolors": "face", "scatter.marker": "o", "svg.fonttype": "path", "svg.hashsalt": null, "svg.image_inline": true, "text.antialiased": true, "text.color": "black", "text.hinting": "force_autohint", "text.hinting_factor": 8, "text.kerning_factor": 0, "text.latex.preamble": "", "text.parse_math": true, "text.usetex": false, "timezone": "UTC", "tk.window_focus": false, "toolbar": "toolbar2", "webagg.address": "127.0.0.1", "webagg.open_in_browser": true, "webagg.port": 8988, "webagg.port_retries": 50, "xaxis.labellocation": "center", "xtick.alignment": "center", "xtick.bottom": true, "xtick.color": "black", "xtick.direction": "out", "xtick.labelbottom": true, "xtick.labelcolor": "inherit", "xtick.labelsize": "medium", "xtick.labeltop": false, "xtick.major.bottom": true, "xtick.major.pad": 3.5, "xtick.major.size": 3.5, "xtick.major.top": true, "xtick.major.width": 0.8, "xtick.minor.bottom": true, "xtick.minor.pad": 3.4, "xtick.minor.size": 2.0, "xtick.minor.top": true, "xtick.minor.visible": false, "xtick.minor.width": 0.6, "xtick.top": false, "yaxis.labellocation": "center", "ytick.alignment": "center_baseline", "ytick.color": "black", "ytick.direction": "out", "ytick.labelcolor": "inherit", "ytick.labelleft": true, "ytick.labelright": false, "ytick.labelsize": "medium", "ytick.left": true, "ytick.major.left": true, "ytick.major.pad": 3.5, "ytick.major.right": true, "ytick.major.size": 3.5, "ytick.major.width": 0.8, "ytick.minor.left": true, "ytick.minor.pad": 3.4, "ytick.minor.right": true, "ytick.minor.size": 2.0, "ytick.minor.visible": false, "ytick.minor.width": 0.6, "ytick.right": false};
