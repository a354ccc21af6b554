/**
 * Class labels as scikit-learn sees them through np.unique: the sorted distinct labels (numbers, or
 * strings for a list of names) and each sample's index among them.
 */
import { ValueError } from "../errors";
import { ObjectArray } from "../numpy/object_array";
import { Series } from "../pandas/frame";
import * as D from "../tensor/dtype";
import { asArray } from "./_validation";

export type Label = number | string | boolean;

/** The labels of `y` as JavaScript values: numbers (bools as bools) or strings. */
export function labelValues(y: unknown): Label[] {
  // A pandas Series (`y = data.iloc[:, 60]; encoder.fit(y)`, Brownlee's sonar): its values.
  if (y instanceof Series) return labelValues(y.values);
  // An array of dtype object (a CSV's class-name column, `df.values[:, -1]`): its objects, as a list is read.
  if (y instanceof ObjectArray) {
    if (y.ndim > 1 && !(y.ndim === 2 && y.shape[1] === 1)) throw new ValueError(`y should be a 1d array, got an array of shape (${y.shape.join(", ")}) instead.`);
    return labelValues(y.ravel().tolist());
  }
  if (Array.isArray(y) && y.some((v) => typeof v === "string")) {
    if (!y.every((v) => typeof v === "string")) throw new TypeError("'<' not supported between instances of 'str' and 'int'");
    return y as string[];
  }
  const a = asArray(y);
  if (a.ndim > 1 && !(a.ndim === 2 && a.shape[1] === 1)) {
    throw new ValueError(`y should be a 1d array, got an array of shape (${a.shape.join(", ")}) instead. (Multilabel and multioutput targets, a 2-d y, are not supported here.)`);
  }
  return a._dtype === D.bool ? Array.from(a.data, (v) => v !== 0) : Array.from(a.data);
}

/** np.unique(y, return_inverse=True): the sorted classes and each label's index among them. */
export function unique(values: readonly Label[]): { classes: Label[]; inverse: number[] } {
  const distinct = [...new Set(values)];
  distinct.sort((a, b) => (typeof a === "string" || typeof b === "string" ? (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0) : Number(a) - Number(b)));
  const at = new Map(distinct.map((c, i) => [c, i]));
  return { classes: distinct, inverse: values.map((v) => at.get(v) as number) };
}

/** How many samples each class has (np.bincount of the inverse). */
export function bincount(inverse: readonly number[], n: number): number[] {
  const counts = new Array<number>(n).fill(0);
  for (const i of inverse) counts[i]++;
  return counts;
}
