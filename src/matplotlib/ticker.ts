/**
 * matplotlib's tick placement and tick labels for linear axes (matplotlib 3.6's ticker.py):
 * AutoLocator is MaxNLocator(nbins='auto', steps=[1, 2, 2.5, 5, 10]) and ScalarFormatter prints
 * the ticks with as many decimals as the ticks need, a unicode minus, and a "1e6"-style
 * multiplier when the ticks' magnitude leaves [1e-5, 1e6).
 */

/** matplotlib's `mtransforms.nonsingular`: a usable interval however degenerate the data are. */
export function nonsingular(vmin: number, vmax: number, expander = 0.05, tiny = 1e-15): [number, number] {
  if (!Number.isFinite(vmin) || !Number.isFinite(vmax)) return [-expander, expander];
  let swapped = false;
  if (vmax < vmin) {
    [vmin, vmax] = [vmax, vmin];
    swapped = true;
  }
  const maxabs = Math.max(Math.abs(vmin), Math.abs(vmax));
  if (maxabs < (1e6 / tiny) * Number.MIN_VALUE) {
    vmin = -expander;
    vmax = expander;
  } else if (vmax - vmin <= maxabs * tiny) {
    if (vmax === 0 && vmin === 0) {
      vmin = -expander;
      vmax = expander;
    } else {
      vmin -= expander * Math.abs(vmin);
      vmax += expander * Math.abs(vmax);
    }
  }
  return swapped ? [vmax, vmin] : [vmin, vmax];
}

/** Python's divmod on floats (the remainder takes the divisor's sign). */
function divmod(x: number, y: number): [number, number] {
  const m = x - Math.floor(x / y) * y;
  return [Math.floor(x / y), m];
}

function scaleRange(vmin: number, vmax: number, n: number): [number, number] {
  const dv = Math.abs(vmax - vmin);
  const meanv = (vmax + vmin) / 2;
  const offset = Math.abs(meanv) / dv < 100 ? 0 : Math.sign(meanv) * 10 ** Math.floor(Math.log10(Math.abs(meanv)));
  return [10 ** Math.floor(Math.log10(dv / n)), offset];
}

/** AutoLocator's steps. */
export const AUTO_STEPS = [1, 2, 2.5, 5, 10];
/** MaxNLocator's own default steps (what contour's level locator uses). */
export const MAXN_STEPS = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];

/** MaxNLocator's _staircase: the steps extended a decade down and one step up. */
const extendedSteps = (steps: number[]): number[] => [...steps.slice(0, -1).map((s) => 0.1 * s), ...steps, 10 * steps[1]];

/**
 * MaxNLocator's tick_values: the largest "nice" step giving at most `nbins` intervals over
 * [vmin, vmax], then smaller ones until at least two ticks fall inside. Ticks may lie just outside
 * the interval (as `ax.get_xticks()` returns them); only those inside are drawn. `steps` and
 * `minTicks` are MaxNLocator's `steps` and `min_n_ticks` (AutoLocator's by default).
 */
export function maxNLocator(vmin: number, vmax: number, nbins: number, integer = false, steps_ = AUTO_STEPS, minTicks = 2): number[] {
  [vmin, vmax] = nonsingular(vmin, vmax, 1e-13, 1e-14);
  const [scale, offset] = scaleRange(vmin, vmax, nbins);
  const lo = vmin - offset;
  const hi = vmax - offset;
  const rawStep = (hi - lo) / nbins;
  let steps = extendedSteps(steps_).map((s) => s * scale);
  if (integer) steps = steps.filter((s) => s < 1 || Math.abs(s - Math.round(s)) < 0.001);
  let istep = steps.findIndex((s) => s >= rawStep);
  if (istep < 0) istep = steps.length - 1;
  let ticks: number[] = [];
  for (; istep >= 0; istep--) {
    let step = steps[istep];
    if (integer && Math.floor(hi) - Math.ceil(lo) >= minTicks - 1) step = Math.max(1, step);
    const best = Math.floor(lo / step) * step;
    const tol = offset !== 0 ? Math.min(0.4999, Math.max(1e-10, 10 ** (Math.log10(Math.abs(offset) / step) - 12))) : 1e-10;
    const [dl, ml] = divmod(lo - best, step);
    const low = Math.abs(ml / step - 1) < tol ? dl + 1 : dl;
    const [dh, mh] = divmod(hi - best, step);
    const high = Math.abs(mh / step) < tol ? dh : dh + 1;
    ticks = [];
    for (let k = low; k <= high; k++) ticks.push(k * step + best);
    const inside = ticks.filter((t) => t <= hi && t >= lo).length;
    if (inside >= minTicks) break;
  }
  return ticks.map((t) => t + offset);
}

/**
 * How many bins AutoLocator asks for: the axis length over three label heights (x) or two (y) at
 * the 10 pt tick labels, clipped to [1, 9] (`Axis.get_tick_space`).
 */
export function autoBins(lengthInches: number, horizontal: boolean, labelSize = 10): number {
  const space = Math.floor((lengthInches * 72) / (labelSize * (horizontal ? 3 : 2)));
  return Math.min(9, Math.max(1, space));
}

/** numpy's round(x, decimals), enough for the formatter's test. */
function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

/** What ScalarFormatter prints for a set of ticks: the labels and the multiplier text ("" when none). */
export interface TickLabels {
  labels: string[];
  offsetText: string;
}

const MINUS = "\u2212";

/** ScalarFormatter.format_ticks with rcParams' defaults (useOffset, power limits (-5, 6), unicode minus). */
export function formatTicks(locs: number[], view: [number, number]): TickLabels {
  if (locs.length === 0) return { labels: [], offsetText: "" };
  const offset = computeOffset(locs, view);
  const oom = orderOfMagnitude(locs, view, offset);
  const scaled = (xs: number[]) => xs.map((x) => (x - offset) / 10 ** oom);
  const all = locs.length < 2 ? [...locs, ...view] : locs;
  let values = scaled(all);
  let range = Math.max(...values) - Math.min(...values);
  if (range === 0) range = Math.max(...values.map(Math.abs));
  if (range === 0) range = 1;
  if (locs.length < 2) values = values.slice(0, -2);
  const rangeOom = Math.floor(Math.log10(range));
  let sigfigs = Math.max(0, 3 - rangeOom);
  const thresh = 1e-3 * 10 ** rangeOom;
  while (sigfigs >= 0) {
    if (Math.max(...values.map((v) => Math.abs(v - roundTo(v, sigfigs)))) < thresh) sigfigs -= 1;
    else break;
  }
  sigfigs += 1;
  const labels = scaled(locs).map((v) => {
    // '%1.Nf' % v, with a rounding to zero shown unsigned as printf shows -0.0 ("-0.0" becomes "0.0" only when exactly 0).
    const s = (Math.abs(v) < 1e-300 ? 0 : v).toFixed(sigfigs);
    return s.replace("-", MINUS);
  });
  let offsetText = "";
  if (offset !== 0) offsetText = (offset > 0 ? "+" : MINUS) + formatSci(Math.abs(offset));
  if (oom !== 0) offsetText = `1e${oom < 0 ? MINUS : ""}${Math.abs(oom)}` + (offsetText === "" ? "" : offsetText);
  return { labels, offsetText };
}

/** '%1.10e' trimmed as ScalarFormatter's offset text writes it ("1e3", "1.5e3"). */
function formatSci(x: number): string {
  const [mant, exp] = x.toExponential(10).split("e");
  const m = mant.replace(/\.?0+$/, "");
  const e = Number(exp);
  if (e === 0) return m;
  return `${m}e${e < 0 ? MINUS : ""}${Math.abs(e)}`;
}

function orderOfMagnitude(locs: number[], view: [number, number], offset: number): number {
  const [vmin, vmax] = [Math.min(...view), Math.max(...view)];
  const visible = locs.filter((l) => l >= vmin && l <= vmax).map(Math.abs);
  if (visible.length === 0) return 0;
  const val = Math.max(...visible);
  const oom = offset !== 0 ? Math.floor(Math.log10(vmax - vmin)) : val === 0 ? 0 : Math.floor(Math.log10(val));
  return oom <= -5 || oom >= 6 ? oom : 0;
}

/** ScalarFormatter._compute_offset with offset_threshold 4: an offset only when it saves 4 digits. */
function computeOffset(locs: number[], view: [number, number]): number {
  const [vmin, vmax] = [Math.min(...view), Math.max(...view)];
  const visible = locs.filter((l) => l >= vmin && l <= vmax);
  if (visible.length === 0) return 0;
  const lmin = Math.min(...visible);
  const lmax = Math.max(...visible);
  if (lmin === lmax || (lmin <= 0 && 0 <= lmax)) return 0;
  const [absMin, absMax] = [Math.abs(lmin), Math.abs(lmax)].sort((a, b) => a - b);
  const sign = lmin < 0 ? -1 : 1;
  const oomMax = Math.ceil(Math.log10(absMax));
  const firstBelow = (differs: (oom: number) => boolean): number => {
    for (let oom = oomMax; oom > oomMax - 400; oom--) if (differs(oom)) return oom + 1;
    return oomMax + 1;
  };
  let oom = firstBelow((o) => Math.floor(absMin / 10 ** o) !== Math.floor(absMax / 10 ** o));
  if ((absMax - absMin) / 10 ** oom <= 1e-2) oom = firstBelow((o) => Math.floor(absMax / 10 ** o) - Math.floor(absMin / 10 ** o) > 1);
  return Math.floor(absMax / 10 ** oom) >= 1000 ? sign * Math.floor(absMax / 10 ** oom) * 10 ** oom : 0;
}

/**
 * AutoMinorLocator: 5 minor steps to a major step of 1, 2.5 or 5 times a power of ten, else 4, over the
 * view; those on a major tick left out (as the Axis leaves them).
 */
export function autoMinorLocator(major: number[], vmin: number, vmax: number): number[] {
  if (major.length < 2) return [];
  const step = major[1] - major[0];
  const mantissa = 10 ** (((Math.log10(step) % 1) + 1) % 1);
  const ndivs = [1, 2.5, 5, 10].some((v) => Math.abs(mantissa - v) <= 1e-8 + 1e-5 * v) ? 5 : 4;
  const minor = step / ndivs;
  const t0 = major[0];
  const [lo, hi] = [(Math.floor((vmin - t0) / minor) + 1) * minor, (Math.floor((vmax - t0) / minor) + 1) * minor];
  const out: number[] = [];
  for (let k = 0; lo + k * minor < hi - 1e-12 * Math.abs(minor); k++) {
    const t = lo + k * minor + t0;
    if (!major.some((m) => Math.abs(m - t) <= 1e-5 * (vmax - vmin))) out.push(t);
  }
  return out;
}

// ------------------------------------------------------------------ log axes (LogLocator, LogFormatterSciNotation)

/** The largest power of 10 below x (matplotlib's `_decade_less`). */
function decadeLess(x: number): number {
  const less = 10 ** Math.floor(Math.log10(x));
  return less === x ? less / 10 : less;
}
/** The smallest power of 10 above x (`_decade_greater`). */
function decadeGreater(x: number): number {
  const greater = 10 ** Math.ceil(Math.log10(x));
  return greater === x ? greater * 10 : greater;
}

/**
 * LogLocator.nonsingular: a usable interval of a log axis. No positive data gives [1, 10]; a zero or
 * negative lower end becomes the smallest positive value (`minpos`); one value widens to its decades.
 */
export function logNonsingular(vmin: number, vmax: number, minpos: number): [number, number] {
  if (vmin > vmax) [vmin, vmax] = [vmax, vmin];
  if (!Number.isFinite(vmin) || !Number.isFinite(vmax) || vmax <= 0) return [1, 10];
  if (vmin <= 0) vmin = Number.isFinite(minpos) ? minpos : 1e-300;
  if (vmin === vmax) return [decadeLess(vmin), decadeGreater(vmax)];
  return [vmin, vmax];
}

/**
 * LogLocator(base 10).tick_values: the decades (every `stride` one when there are more than
 * `numticks`), one below and two past the view as matplotlib returns them; `minor` gives 2..9 times
 * each decade (none past 10 decades), or AutoLocator's ticks when at most one would be in view.
 */
export function logLocator(vmin: number, vmax: number, numticks: number, minor: boolean): number[] {
  const logMin = Math.log10(vmin);
  const logMax = Math.log10(vmax);
  const numdec = Math.floor(logMax) - Math.ceil(logMin);
  if (minor && numdec > 10) return [];
  const subs = minor ? [2, 3, 4, 5, 6, 7, 8, 9] : [1];
  let stride = Math.floor((numdec + 1) / numticks) + 1;
  if (stride >= numdec) stride = Math.max(1, numdec - 1);
  const decades: number[] = [];
  for (let d = Math.floor(logMin) - stride; d < Math.ceil(logMax) + 2 * stride; d += stride) decades.push(d);
  let ticks: number[];
  if (minor) ticks = stride === 1 ? decades.flatMap((d) => subs.map((s) => s * 10 ** d)) : [];
  else ticks = decades.map((d) => 10 ** d);
  if (minor && stride === 1 && ticks.filter((t) => vmin <= t && t <= vmax).length <= 1) return maxNLocator(vmin, vmax, 9);
  return ticks;
}

/** Whether x is (within 1e-10) an integer, as matplotlib's `_is_close_to_int`. */
const closeToInt = (x: number): boolean => Math.abs(x - Math.round(x)) < 1e-10;

/**
 * LogFormatterSciNotation's labels, as matplotlib's mathtext source ('$\mathdefault{10^{2}}$',
 * '$\mathdefault{2\times10^{-1}}$'): decades always, other multiples only on an axis spanning at most
 * a decade (all of them within 0.4 decades; 2, 3, 4 and 6, round(geomspace(1, 10, 6)), within one), as `minor_thresholds` says.
 */
export function formatLogTicks(locs: number[], view: [number, number], labelOnlyBase: boolean): string[] {
  const [vmin, vmax] = [Math.min(...view), Math.max(...view)];
  let sublabels: Set<number>;
  if (vmin <= 0) sublabels = new Set([1]);
  else {
    const numdec = Math.abs(Math.log10(vmax) - Math.log10(vmin));
    if (numdec > 1) sublabels = new Set([1]);
    else if (numdec > 0.4) sublabels = new Set([1, 2, 3, 4, 6, 10]);
    else sublabels = new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  }
  return locs.map((x) => {
    if (x === 0) return "$\\mathdefault{0}$";
    const sign = x < 0 ? "-" : "";
    const fx = Math.log10(Math.abs(x));
    const isDecade = closeToInt(fx);
    const exponent = isDecade ? Math.round(fx) : Math.floor(fx);
    const coeff = Math.round(10 ** (fx - exponent));
    if (labelOnlyBase && !isDecade) return "";
    if (!sublabels.has(coeff)) return "";
    if (isDecade) return `$\\mathdefault{${sign}10^{${Math.round(fx)}}}$`;
    const c = 10 ** (fx - exponent);
    const shown = closeToInt(c) ? String(Math.round(c)) : String(Number(c.toPrecision(6)));
    return `$\\mathdefault{${sign}${shown}\\times10^{${exponent}}}$`;
  });
}
