/**
 * What scikit-learn's estimators share here: the NotFittedError, the check that `transform` sees as
 * many features as `fit` did, and a repr that shows only the parameters set away from their defaults
 * (`MinMaxScaler(feature_range=(-1, 1))`).
 */
import { ValueError } from "../errors";
import { pythonRepr } from "../display/pylist";

/** scikit-learn's NotFittedError (a ValueError): a fitted attribute or `transform` used before `fit`. */
export class NotFittedError extends ValueError {
  constructor(message: string) {
    super(message);
    this.name = "NotFittedError";
  }
}

function pyValue(v: unknown): string {
  if (v === true) return "True";
  if (v === false) return "False";
  if (v === null || v === undefined) return "None";
  if (Array.isArray(v)) return `(${v.map(pyValue).join(", ")})`;
  return pythonRepr(v) ?? String(v);
}

/** An estimator: its name, its parameters with their defaults, and whether it was fitted. */
export abstract class Estimator {
  /** @internal the parameters and their defaults, in scikit-learn's order. */
  protected abstract readonly defaults: Record<string, unknown>;

  /** @internal set by fit. */
  protected fitted = false;

  /** NotFittedError unless fit ran. */
  protected checkFitted(): void {
    if (!this.fitted) throw new NotFittedError(`This ${this.constructor.name} instance is not fitted yet. Call 'fit' with appropriate arguments before using this estimator.`);
  }

  /** ValueError unless `X` has the number of features fit saw. */
  protected checkFeatures(nFeatures: number, expected: number): void {
    if (nFeatures !== expected) throw new ValueError(`X has ${nFeatures} features, but ${this.constructor.name} is expecting ${expected} features as input.`);
  }

  /** `get_params()`: the parameters as a dict. */
  get_params(): Record<string, unknown> {
    const self = this as unknown as Record<string, unknown>;
    return Object.fromEntries(Object.keys(this.defaults).map((k) => [k, self[k]]));
  }

  __repr__(): string {
    const params = this.get_params();
    // scikit-learn lists the changed parameters in alphabetical order.
    const changed = Object.keys(this.defaults).sort().filter((k) => pyValue(params[k]) !== pyValue(this.defaults[k]));
    return `${this.constructor.name}(${changed.map((k) => `${k}=${pyValue(params[k])}`).join(", ")})`;
  }

  toString(): string {
    return this.__repr__();
  }
}
