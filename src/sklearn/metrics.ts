/**
 * scikit-learn 1.2's `sklearn.metrics` for classifiers and regressors: accuracy, the confusion matrix,
 * precision / recall / F1 with scikit-learn's averages (binary, micro, macro, weighted, None), the
 * classification report's exact text, the regression errors and R², and the ROC curve and its area.
 * Labels and predictions may be NumPy arrays, tensors (`pred.argmax(1)`) or lists; targets are typed
 * as type_of_target types them ('binary', 'multiclass', 'continuous'), with scikit-learn's errors for
 * a mix. An undefined ratio (no predicted samples of a class) is 0.0, scikit-learn's zero_division
 * "warn" value, without the warning.
 */
import { ValueError } from "../errors";
import * as N from "../numpy/core";
import { formatFloat, formatStr } from "../pyformat";
import { asPyTuple } from "../pyrepr";
import { parseArgs } from "../tensor/args";
import * as D from "../tensor/dtype";
import { ndarray } from "../tensor/ndarray";
import { Label, labelValues, unique } from "./labels";
import { asArray, checkConsistentLength, float64, int64 } from "./_validation";

type Kw = Record<string, unknown>;
type Average = "binary" | "micro" | "macro" | "weighted" | null;

/** type_of_target for 1-d targets: 'continuous' (a non-integral float), 'binary' (at most two values) or 'multiclass'. */
function typeOfTarget(values: readonly Label[]): string {
  if (values.some((v) => typeof v === "number" && !Number.isInteger(v))) return "continuous";
  return new Set(values).size > 2 ? "multiclass" : "binary";
}

/** _check_targets: the two label lists, checked to be one classification task, and its type. */
function checkTargets(yTrue: unknown, yPred: unknown): { type: string; t: Label[]; p: Label[] } {
  checkConsistentLength(yTrue, yPred);
  // NumPy compares True with 1: bools beside numbers are 0 and 1.
  const asInts = (v: Label[]): Label[] => v.map((x) => (typeof x === "boolean" ? Number(x) : x));
  let t = labelValues(yTrue);
  let p = labelValues(yPred);
  if (t.some((v) => typeof v === "boolean") !== p.some((v) => typeof v === "boolean")) [t, p] = [asInts(t), asInts(p)];
  const types = [typeOfTarget(t), typeOfTarget(p)];
  let type = types[0] === types[1] ? types[0] : types.includes("continuous") ? "mix" : "multiclass";
  if (type === "mix" || type === "continuous") {
    if (type === "continuous") throw new ValueError("Classification metrics can't handle a mix of continuous and continuous targets");
    throw new ValueError(`Classification metrics can't handle a mix of ${types[0]} and ${types[1]} targets`);
  }
  if (type === "binary" && new Set([...t, ...p]).size > 2) type = "multiclass";
  if ((t.some((v) => typeof v === "string") || p.some((v) => typeof v === "string")) && !(t.every((v) => typeof v === "string") && p.every((v) => typeof v === "string"))) {
    throw new ValueError("Mix of label input types (string and number)");
  }
  return { type, t, p };
}

/** The sorted labels of both (unique_labels), or the given `labels`. */
function labelsOf(t: readonly Label[], p: readonly Label[], labels?: unknown): Label[] {
  if (labels !== undefined && labels !== null) return labelValues(labels);
  return unique([...t, ...p]).classes;
}

/**
 * `accuracy_score(y_true, y_pred, *, normalize=True, sample_weight=None)`: the fraction of samples
 * predicted right (their count with `normalize: false`).
 * @example sklearn.metrics.accuracy_score(y_test, pred)
 */
export function accuracy_score(y_true: unknown, y_pred: unknown, options?: { normalize?: boolean; sample_weight?: unknown }): number {
  const o = parseArgs("accuracy_score", [options], ["normalize", "sample_weight"]);
  const { t, p } = checkTargets(y_true, y_pred);
  const right = t.map((v, i) => (v === p[i] ? 1 : 0));
  const w = o.sample_weight === undefined || o.sample_weight === null ? null : Array.from(asArray(o.sample_weight).data);
  if (w !== null) checkConsistentLength(t, w);
  if (o.normalize === false) return w === null ? right.reduce((a: number, b) => a + b, 0) : right.reduce((a: number, b, i) => a + b * w[i], 0);
  if (w === null) return N.mean(float64(right, [right.length])) as number;
  return right.reduce((a: number, b, i) => a + b * w[i], 0) / w.reduce((a, b) => a + b, 0);
}

/**
 * `confusion_matrix(y_true, y_pred, *, labels=None, sample_weight=None, normalize=None)`: `C[i, j]`
 * counts the samples of class i predicted as j (int64); `normalize` 'true', 'pred' or 'all' divides
 * by the row, column or total sums.
 * @example sklearn.metrics.confusion_matrix(y_test, pred)
 */
export function confusion_matrix(y_true: unknown, y_pred: unknown, options?: { labels?: unknown; sample_weight?: unknown; normalize?: "true" | "pred" | "all" | null }): ndarray {
  const o = parseArgs("confusion_matrix", [options], ["labels", "sample_weight", "normalize"]);
  const { t, p } = checkTargets(y_true, y_pred);
  const labels = labelsOf(t, p, o.labels);
  if (labels.length === 0) throw new ValueError("'labels' should contains at least one label.");
  if (o.labels !== undefined && o.labels !== null && !labels.some((l) => t.includes(l))) throw new ValueError("At least one label specified must be in y_true");
  if (o.normalize !== undefined && o.normalize !== null && !["true", "pred", "all"].includes(o.normalize as string)) throw new ValueError("normalize must be one of {'true', 'pred', 'all', None}");
  const k = labels.length;
  const at = new Map(labels.map((l, i) => [l, i]));
  const w = o.sample_weight === undefined || o.sample_weight === null ? null : Array.from(asArray(o.sample_weight).data);
  const cm = new Float64Array(k * k);
  t.forEach((v, i) => {
    const [a, b] = [at.get(v), at.get(p[i])];
    if (a !== undefined && b !== undefined) cm[a * k + b] += w === null ? 1 : w[i];
  });
  if (o.normalize === undefined || o.normalize === null) return w === null || w.every(Number.isInteger) ? int64(cm, [k, k]) : float64(cm, [k, k]);
  const out = new Float64Array(k * k);
  const total = cm.reduce((a, b) => a + b, 0);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      let s = total;
      if (o.normalize === "true") s = cm.slice(i * k, i * k + k).reduce((a, b) => a + b, 0);
      if (o.normalize === "pred") s = Array.from({ length: k }, (_, r) => cm[r * k + j]).reduce((a, b) => a + b, 0);
      // NumPy's nan_to_num of 0 / 0.
      out[i * k + j] = s === 0 ? 0 : cm[i * k + j] / s;
    }
  }
  return float64(out, [k, k]);
}

interface PRF {
  precision: number[];
  recall: number[];
  f: number[];
  support: number[];
}

/** Per-label precision, recall, F-beta and support, before any average. */
function prfPerLabel(t: readonly Label[], p: readonly Label[], labels: readonly Label[], beta: number): PRF {
  const tp = labels.map((l) => t.filter((v, i) => v === l && p[i] === l).length);
  const pred = labels.map((l) => p.filter((v) => v === l).length);
  const support = labels.map((l) => t.filter((v) => v === l).length);
  return finish(tp, pred, support, beta);
}

function finish(tp: number[], pred: number[], trueSum: number[], beta: number): PRF {
  const divide = (a: number[], b: number[]): number[] => a.map((v, i) => (b[i] === 0 ? 0 : v / b[i]));
  const precision = divide(tp, pred);
  const recall = divide(tp, trueSum);
  const b2 = beta * beta;
  const f = precision.map((pr, i) => {
    if (beta === Infinity) return recall[i];
    const denom = b2 * pr + recall[i];
    return ((1 + b2) * pr * recall[i]) / (denom === 0 ? 1 : denom);
  });
  return { precision, recall, f, support: trueSum };
}

/** np.average of values, with weights or without (NumPy's pairwise mean). */
function average(values: number[], weights: number[] | null): number {
  if (weights === null) return N.mean(float64(values, [values.length])) as number;
  const num = N.sum(float64(values.map((v, i) => v * weights[i]), [values.length])) as number;
  return num / (N.sum(float64(weights, [weights.length])) as number);
}

const AVERAGES = ["micro", "macro", "samples", "weighted", "binary"];

/** precision_recall_fscore_support's core: the scores averaged as asked, or per label for average=None. */
function prfs(op: string, yTrue: unknown, yPred: unknown, o: Kw, beta = 1): { p: number | ndarray; r: number | ndarray; f: number | ndarray; s: ndarray | null } {
  const avg = (o.average === undefined ? "binary" : o.average) as Average;
  if (avg !== null && !AVERAGES.includes(avg)) throw new ValueError(`average has to be one of (None, 'micro', 'macro', 'weighted', 'samples')`);
  if (avg === ("samples" as Average)) throw new ValueError("Samplewise metrics are not available outside of multilabel classification.");
  const { type, t, p } = checkTargets(yTrue, yPred);
  const present = unique([...t, ...p]).classes;
  const posLabel = (o.pos_label === undefined ? 1 : o.pos_label) as Label;
  let labels: Label[];
  if (avg === "binary") {
    if (type !== "binary") throw new ValueError(`Target is ${type} but average='binary'. Please choose another average setting, one of [None, 'micro', 'macro', 'weighted'].`);
    if (!present.includes(posLabel) && present.length >= 2) throw new ValueError(`pos_label=${typeof posLabel === "string" ? `'${posLabel}'` : posLabel} is not a valid label. It should be one of [${present.map((v) => (typeof v === "string" ? `'${v}'` : String(v))).join(", ")}]`);
    labels = [posLabel];
  } else {
    labels = labelsOf(t, p, o.labels);
  }
  let r = prfPerLabel(t, p, labels, beta);
  if (avg === "micro") {
    const sum = (a: number[]): number => a.reduce((x, y) => x + y, 0);
    const tp = sum(labels.map((l) => t.filter((v, i) => v === l && p[i] === l).length));
    const pred = sum(labels.map((l) => p.filter((v) => v === l).length));
    r = finish([tp], [pred], [sum(r.support)], beta);
  }
  if (avg === null) return { p: float64(r.precision, [labels.length]), r: float64(r.recall, [labels.length]), f: float64(r.f, [labels.length]), s: int64(r.support) };
  const weights = avg === "weighted" ? r.support : null;
  if (weights !== null && weights.every((w) => w === 0)) return { p: 0, r: 0, f: 0, s: null };
  void op;
  return { p: average(r.precision, weights), r: average(r.recall, weights), f: average(r.f, weights), s: null };
}

interface PRFOptions {
  labels?: unknown;
  pos_label?: number | string;
  average?: Average;
  sample_weight?: null;
  zero_division?: "warn" | 0;
}

const PRF_NAMES = ["labels", "pos_label", "average", "sample_weight", "zero_division"];

function prfOptions(op: string, options: unknown): Kw {
  const o = parseArgs(op, [options], PRF_NAMES);
  if (o.sample_weight !== undefined && o.sample_weight !== null) throw new ValueError(`${op}: sample_weight is not supported here`);
  if (o.zero_division !== undefined && o.zero_division !== "warn" && o.zero_division !== 0) throw new ValueError(`${op}: only zero_division='warn' or 0 is supported here`);
  return o;
}

/**
 * `precision_score(y_true, y_pred, *, labels=None, pos_label=1, average='binary', ...)`: tp / (tp + fp),
 * for the positive class ('binary'), over all labels' counts ('micro'), their mean ('macro'), their
 * support-weighted mean ('weighted'), or per label (None, an array).
 * @example sklearn.metrics.precision_score(y_test, pred, {average: "macro"})
 */
export function precision_score(y_true: unknown, y_pred: unknown, options: PRFOptions & { average: null }): ndarray;
export function precision_score(y_true: unknown, y_pred: unknown, options?: PRFOptions & { average?: Exclude<Average, null> }): number;
export function precision_score(y_true: unknown, y_pred: unknown, options?: PRFOptions): number | ndarray;
export function precision_score(y_true: unknown, y_pred: unknown, options?: PRFOptions): number | ndarray {
  return prfs("precision_score", y_true, y_pred, prfOptions("precision_score", options)).p;
}

/** `recall_score(y_true, y_pred, *, labels=None, pos_label=1, average='binary', ...)`: tp / (tp + fn), averaged as precision_score. */
export function recall_score(y_true: unknown, y_pred: unknown, options: PRFOptions & { average: null }): ndarray;
export function recall_score(y_true: unknown, y_pred: unknown, options?: PRFOptions & { average?: Exclude<Average, null> }): number;
export function recall_score(y_true: unknown, y_pred: unknown, options?: PRFOptions): number | ndarray;
export function recall_score(y_true: unknown, y_pred: unknown, options?: PRFOptions): number | ndarray {
  return prfs("recall_score", y_true, y_pred, prfOptions("recall_score", options)).r;
}

/** `f1_score(y_true, y_pred, *, labels=None, pos_label=1, average='binary', ...)`: the harmonic mean of precision and recall, averaged as precision_score. */
export function f1_score(y_true: unknown, y_pred: unknown, options: PRFOptions & { average: null }): ndarray;
export function f1_score(y_true: unknown, y_pred: unknown, options?: PRFOptions & { average?: Exclude<Average, null> }): number;
export function f1_score(y_true: unknown, y_pred: unknown, options?: PRFOptions): number | ndarray;
export function f1_score(y_true: unknown, y_pred: unknown, options?: PRFOptions): number | ndarray {
  return prfs("f1_score", y_true, y_pred, prfOptions("f1_score", options)).f;
}

/** `fbeta_score(y_true, y_pred, *, beta, ...)`: the F-beta score, recall weighted beta times as much as precision. */
export function fbeta_score(y_true: unknown, y_pred: unknown, options: PRFOptions & { beta: number; average: null }): ndarray;
export function fbeta_score(y_true: unknown, y_pred: unknown, options: PRFOptions & { beta: number; average?: Exclude<Average, null> }): number;
export function fbeta_score(y_true: unknown, y_pred: unknown, options: PRFOptions & { beta: number }): number | ndarray;
export function fbeta_score(y_true: unknown, y_pred: unknown, options: PRFOptions & { beta: number }): number | ndarray {
  const { beta, ...rest } = options;
  if (beta < 0) throw new ValueError("beta should be >=0 in the F-beta score");
  return prfs("fbeta_score", y_true, y_pred, prfOptions("fbeta_score", rest), beta).f;
}

/**
 * `precision_recall_fscore_support(y_true, y_pred, *, beta=1.0, labels=None, pos_label=1, average=None, ...)`:
 * the four per label (arrays), or the three averaged and None for the support.
 */
export function precision_recall_fscore_support(y_true: unknown, y_pred: unknown, options: PRFOptions & { beta?: number } = {}): [number | ndarray, number | ndarray, number | ndarray, ndarray | null] {
  const { beta, ...rest } = options;
  const o = prfOptions("precision_recall_fscore_support", rest);
  if (o.average === undefined) o.average = null;
  const r = prfs("precision_recall_fscore_support", y_true, y_pred, o, beta ?? 1);
  return asPyTuple([r.p, r.r, r.f, r.s]);
}

/** classification_report's keyword arguments. */
export interface ReportOptions {
  labels?: unknown;
  target_names?: readonly string[] | null;
  sample_weight?: null;
  digits?: number;
  output_dict?: boolean;
  zero_division?: "warn" | 0;
}

/**
 * `classification_report(y_true, y_pred, *, labels=None, target_names=None, digits=2, output_dict=False)`:
 * scikit-learn's table of precision, recall, F1 and support per class, then accuracy and the macro and
 * weighted averages, character for character.
 * @example print(sklearn.metrics.classification_report(y_test, pred, {target_names: iris.target_names}))
 */
export function classification_report(y_true: unknown, y_pred: unknown, options: ReportOptions & { output_dict: true }): Record<string, unknown>;
export function classification_report(y_true: unknown, y_pred: unknown, options?: ReportOptions): string;
export function classification_report(y_true: unknown, y_pred: unknown, options?: ReportOptions): string | Record<string, unknown> {
  const o = parseArgs("classification_report", [options], ["labels", "target_names", "sample_weight", "digits", "output_dict", "zero_division"]);
  const { t, p } = checkTargets(y_true, y_pred);
  const given = o.labels !== undefined && o.labels !== null;
  const labels = labelsOf(t, p, o.labels);
  const present = unique([...t, ...p]).classes;
  const microIsAccuracy = !given || (new Set(labels).size === present.length && present.every((l) => labels.includes(l)));
  let names = o.target_names as string[] | undefined | null;
  if (names !== undefined && names !== null && labels.length !== names.length && !given) {
    throw new ValueError(`Number of classes, ${labels.length}, does not match size of target_names, ${names.length}. Try specifying the labels parameter`);
  }
  if (names === undefined || names === null) names = labels.map((l) => String(l));
  const digits = (o.digits ?? 2) as number;
  const per = prfPerLabel(t, p, labels, 1);
  const total = per.support.reduce((a, b) => a + b, 0);
  const avgs = (["micro", "macro", "weighted"] as const).map((a) => [a, prfs("classification_report", t, p, { labels: given ? labels : undefined, average: a })] as const);
  if (o.output_dict) {
    const out: Record<string, unknown> = {};
    names.forEach((n, i) => (out[n] = { precision: per.precision[i], recall: per.recall[i], "f1-score": per.f[i], support: per.support[i] }));
    for (const [a, r] of avgs) {
      if (a === "micro" && microIsAccuracy) out.accuracy = r.p;
      else out[`${a} avg`] = { precision: r.p, recall: r.r, "f1-score": r.f, support: total };
    }
    return out;
  }
  const width = Math.max(...names.map((n) => n.length), "weighted avg".length, digits);
  const head = ["precision", "recall", "f1-score", "support"];
  const num = (v: number): string => ` ${formatFloat(v, `>9.${digits}f`)}`;
  const row = (name: string, pr: number, re: number, f: number, s: number): string => `${formatStr(name, `>${width}s`)} ${num(pr)}${num(re)}${num(f)} ${formatStr(String(s), ">9")}\n`;
  let report = `${formatStr("", `>${width}s`)} ${head.map((h) => ` ${formatStr(h, ">9")}`).join("")}\n\n`;
  names.forEach((n, i) => (report += row(n, per.precision[i], per.recall[i], per.f[i], per.support[i])));
  report += "\n";
  for (const [a, r] of avgs) {
    if (a === "micro" && microIsAccuracy) {
      report += `${formatStr("accuracy", `>${width}s`)} ${` ${formatStr("", ">9")}`.repeat(2)}${num(r.f as number)} ${formatStr(String(total), ">9")}\n`;
    } else {
      report += row(`${a} avg`, r.p as number, r.r as number, r.f as number, total);
    }
  }
  return report;
}

// ---------------------------------------------------------------------------------------------- regression

/** The targets as float64 rows by outputs, checked to match (_check_reg_targets). */
function regTargets(yTrue: unknown, yPred: unknown): { t: ndarray; p: ndarray; n: number; k: number } {
  checkConsistentLength(yTrue, yPred);
  const t = N.astype(asArray(yTrue), D.float64);
  const p = N.astype(asArray(yPred), D.float64);
  const cols = (a: ndarray): number => (a.ndim === 1 ? 1 : a.shape[1]);
  if (t.ndim > 2 || p.ndim > 2) throw new ValueError(`Found array with dim ${Math.max(t.ndim, p.ndim)}. None expected <= 2.`);
  if (cols(t) !== cols(p)) throw new ValueError(`y_true and y_pred have different number of output (${cols(t)}!=${cols(p)})`);
  return { t, p, n: t.shape[0], k: cols(t) };
}

/** Each output's column of a rows-by-outputs array. */
function column(a: ndarray, j: number, k: number): Float64Array {
  return Float64Array.from({ length: a.shape[0] }, (_, i) => a.data[i * k + j]);
}

function perOutput(yTrue: unknown, yPred: unknown, options: unknown, op: string, score: (t: Float64Array, p: Float64Array) => number): number | ndarray {
  const o = parseArgs(op, [options], ["sample_weight", "multioutput", "squared"]);
  if (o.sample_weight !== undefined && o.sample_weight !== null) throw new ValueError(`${op}: sample_weight is not supported here`);
  const { t, p, k } = regTargets(yTrue, yPred);
  const scores = Array.from({ length: k }, (_, j) => score(column(t, j, k), column(p, j, k)));
  const mode = o.multioutput ?? "uniform_average";
  if (mode === "raw_values") return float64(scores, [k]);
  if (mode !== "uniform_average") throw new ValueError(`Allowed 'multioutput' string values are ('raw_values', 'uniform_average', 'variance_weighted'). You provided multioutput='${String(mode)}'.`);
  return average(scores, null);
}

const meanOf = (v: ArrayLike<number>): number => N.mean(float64(Float64Array.from(v), [v.length])) as number;

/**
 * `mean_squared_error(y_true, y_pred, *, sample_weight=None, multioutput='uniform_average', squared=True)`:
 * the mean of the squared errors (its root with `squared: false`).
 * @example sklearn.metrics.mean_squared_error(y_test, pred)
 */
export function mean_squared_error(y_true: unknown, y_pred: unknown, options: { multioutput: "raw_values"; squared?: boolean; sample_weight?: null }): ndarray;
export function mean_squared_error(y_true: unknown, y_pred: unknown, options?: { multioutput?: "uniform_average"; squared?: boolean; sample_weight?: null }): number;
export function mean_squared_error(y_true: unknown, y_pred: unknown, options?: { multioutput?: "uniform_average" | "raw_values"; squared?: boolean; sample_weight?: null }): number | ndarray;
export function mean_squared_error(y_true: unknown, y_pred: unknown, options?: { multioutput?: "uniform_average" | "raw_values"; squared?: boolean; sample_weight?: null }): number | ndarray {
  const squared = options?.squared ?? true;
  const r = perOutput(y_true, y_pred, options, "mean_squared_error", (t, p) => meanOf(t.map((v, i) => (v - p[i]) ** 2)));
  if (squared) return r;
  return typeof r === "number" ? Math.sqrt(r) : float64(Array.from(r.data, Math.sqrt), r.shape);
}

/** `mean_absolute_error(y_true, y_pred, *, sample_weight=None, multioutput='uniform_average')`: the mean of the absolute errors. */
export function mean_absolute_error(y_true: unknown, y_pred: unknown, options: { multioutput: "raw_values"; sample_weight?: null }): ndarray;
export function mean_absolute_error(y_true: unknown, y_pred: unknown, options?: { multioutput?: "uniform_average"; sample_weight?: null }): number;
export function mean_absolute_error(y_true: unknown, y_pred: unknown, options?: { multioutput?: "uniform_average" | "raw_values"; sample_weight?: null }): number | ndarray;
export function mean_absolute_error(y_true: unknown, y_pred: unknown, options?: { multioutput?: "uniform_average" | "raw_values"; sample_weight?: null }): number | ndarray {
  return perOutput(y_true, y_pred, options, "mean_absolute_error", (t, p) => meanOf(t.map((v, i) => Math.abs(p[i] - v))));
}

/**
 * `r2_score(y_true, y_pred, *, sample_weight=None, multioutput='uniform_average')`: 1 - SS_res / SS_tot,
 * 1.0 for a perfect fit of a constant target and 0.0 for an imperfect one.
 * @example sklearn.metrics.r2_score(y_test, pred)
 */
export function r2_score(y_true: unknown, y_pred: unknown, options: { multioutput: "raw_values"; sample_weight?: null }): ndarray;
export function r2_score(y_true: unknown, y_pred: unknown, options?: { multioutput?: "uniform_average"; sample_weight?: null }): number;
export function r2_score(y_true: unknown, y_pred: unknown, options?: { multioutput?: "uniform_average" | "raw_values"; sample_weight?: null }): number | ndarray;
export function r2_score(y_true: unknown, y_pred: unknown, options?: { multioutput?: "uniform_average" | "raw_values"; sample_weight?: null }): number | ndarray {
  const n = (Array.isArray(y_true) ? y_true.length : asArray(y_true).shape[0]) as number;
  if (n < 2) throw new ValueError("R^2 score is not well-defined with less than two samples.");
  return perOutput(y_true, y_pred, options, "r2_score", (t, p) => {
    const res = t.reduce((s, v, i) => s + (v - p[i]) ** 2, 0);
    const m = meanOf(t);
    const tot = t.reduce((s, v) => s + (v - m) ** 2, 0);
    if (tot === 0) return res === 0 ? 1.0 : 0.0;
    return 1 - res / tot;
  });
}

// ---------------------------------------------------------------------------------------------- ranking

/** _binary_clf_curve: false and true positive counts at each distinct score, highest first. */
function binaryClfCurve(yTrue: unknown, yScore: unknown, posLabel?: Label | null): { fps: number[]; tps: number[]; thresholds: number[] } {
  checkConsistentLength(yTrue, yScore);
  const t = labelValues(yTrue);
  const type = typeOfTarget(t);
  if (!(type === "binary" || (type === "multiclass" && posLabel !== undefined && posLabel !== null))) throw new ValueError(`${type} format is not supported`);
  const score = Array.from(N.astype(asArray(yScore), D.float64).data);
  if (score.some((v) => !Number.isFinite(v))) throw new ValueError("Input contains NaN, infinity or a value too large for dtype('float64').");
  const classes = unique(t).classes;
  let pos = posLabel;
  if (pos === undefined || pos === null) {
    const ok = classes.every((c) => c === 0 || c === 1) || classes.every((c) => c === -1 || c === 1) || classes.every((c) => c === 0) || classes.every((c) => c === -1);
    if (!ok) {
      const shown = classes.map((c) => (typeof c === "string" ? `'${c}'` : String(c))).join(", ");
      throw new ValueError(`y_true takes value in {${shown}} and pos_label is not specified: either make y_true take value in {0, 1} or {-1, 1} or pass pos_label explicitly.`);
    }
    pos = 1;
  }
  // argsort(kind="mergesort")[::-1]: scores descending, ties in reverse order of appearance.
  const order = score.map((_, i) => i).sort((a, b) => score[a] - score[b] || a - b).reverse();
  const s = order.map((i) => score[i]);
  const positive = order.map((i) => (t[i] === pos ? 1 : 0));
  const fps: number[] = [];
  const tps: number[] = [];
  const thresholds: number[] = [];
  let tp = 0;
  for (let i = 0; i < s.length; i++) {
    tp += positive[i];
    if (i === s.length - 1 || s[i + 1] !== s[i]) {
      tps.push(tp);
      fps.push(1 + i - tp);
      thresholds.push(s[i]);
    }
  }
  return { fps, tps, thresholds };
}

/**
 * `roc_curve(y_true, y_score, *, pos_label=None, sample_weight=None, drop_intermediate=True)`: the false
 * and true positive rates at each threshold, and the thresholds (the first one above every score, the
 * highest plus one, as in 1.2). Returns `[fpr, tpr, thresholds]`.
 * @example const [fpr, tpr, thresholds] = sklearn.metrics.roc_curve(y_test, probs)
 */
export function roc_curve(y_true: unknown, y_score: unknown, options?: { pos_label?: number | string | null; sample_weight?: null; drop_intermediate?: boolean }): [ndarray, ndarray, ndarray] {
  const o = parseArgs("roc_curve", [options], ["pos_label", "sample_weight", "drop_intermediate"]);
  if (o.sample_weight !== undefined && o.sample_weight !== null) throw new ValueError("roc_curve: sample_weight is not supported here");
  let { fps, tps, thresholds } = binaryClfCurve(y_true, y_score, o.pos_label as Label | null | undefined);
  if ((o.drop_intermediate ?? true) && fps.length > 2) {
    // Keep the corners: points where the second difference of either count is non-zero.
    const keep = fps.map((_, i) => i === 0 || i === fps.length - 1 || fps[i + 1] - 2 * fps[i] + fps[i - 1] !== 0 || tps[i + 1] - 2 * tps[i] + tps[i - 1] !== 0);
    fps = fps.filter((_, i) => keep[i]);
    tps = tps.filter((_, i) => keep[i]);
    thresholds = thresholds.filter((_, i) => keep[i]);
  }
  tps = [0, ...tps];
  fps = [0, ...fps];
  thresholds = [thresholds[0] + 1, ...thresholds];
  const lastF = fps[fps.length - 1];
  const lastT = tps[tps.length - 1];
  const fpr = fps.map((v) => (lastF <= 0 ? NaN : v / lastF));
  const tpr = tps.map((v) => (lastT <= 0 ? NaN : v / lastT));
  return asPyTuple([float64(fpr, [fpr.length]), float64(tpr, [tpr.length]), float64(thresholds, [thresholds.length])]);
}

/**
 * `auc(x, y)`: the area under a curve by the trapezoidal rule (x monotonic, either way).
 * @example sklearn.metrics.auc(fpr, tpr)
 */
export function auc(x: unknown, y: unknown): number {
  const xs = Array.from(N.astype(asArray(x), D.float64).data);
  const ys = Array.from(N.astype(asArray(y), D.float64).data);
  checkConsistentLength(xs, ys);
  if (xs.length < 2) throw new ValueError(`At least 2 points are needed to compute area under curve, but x.shape = ${xs.length}`);
  const dx = xs.slice(1).map((v, i) => v - xs[i]);
  let direction = 1;
  if (dx.some((d) => d < 0)) {
    if (dx.every((d) => d <= 0)) direction = -1;
    else throw new ValueError(`x is neither increasing nor decreasing : ${N.fromNested(xs).__str__()}.`);
  }
  const parts = dx.map((d, i) => (d * (ys[i + 1] + ys[i])) / 2.0);
  return direction * (N.sum(float64(parts, [parts.length])) as number);
}

/**
 * `roc_auc_score(y_true, y_score, *, average='macro', sample_weight=None, max_fpr=None, multi_class='raise', labels=None)`:
 * the area under the ROC curve of binary labels and the scores (or probabilities) of the positive class.
 * @example sklearn.metrics.roc_auc_score(y_test, probs)
 */
export function roc_auc_score(y_true: unknown, y_score: unknown, options?: { average?: string; sample_weight?: null; max_fpr?: null; multi_class?: string; labels?: null }): number {
  const o = parseArgs("roc_auc_score", [options], ["average", "sample_weight", "max_fpr", "multi_class", "labels"]);
  const t = labelValues(y_true);
  const scores = asArray(y_score);
  if (typeOfTarget(t) === "multiclass" || (scores.ndim === 2 && scores.shape[1] > 2)) {
    if ((o.multi_class ?? "raise") === "raise") throw new ValueError("multi_class must be in ('ovo', 'ovr')");
    throw new ValueError("roc_auc_score: multiclass scores (multi_class='ovr' / 'ovo') are not supported here");
  }
  if (typeOfTarget(t) === "continuous") throw new ValueError("continuous format is not supported");
  const classes = unique(t).classes;
  if (classes.length !== 2) throw new ValueError("Only one class present in y_true. ROC AUC score is not defined in that case.");
  // label_binarize: the larger class is positive.
  const binary = t.map((v) => (v === classes[1] ? 1 : 0));
  const [fpr, tpr] = roc_curve(binary, scores);
  return auc(fpr, tpr);
}
