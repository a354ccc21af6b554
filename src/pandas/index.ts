/**
 * `pd` (and `pandas`) in the notebook: pandas 1.5 as `import pandas as pd` gives it, for the tables
 * that tutorials read beside PyTorch (`pd.read_csv`, `df.head()`, `df.describe()`, `pd.get_dummies`,
 * `torch.tensor(df.values)`), over torchlab's NumPy (src/numpy). Values, dtypes and printed text are
 * pandas' (src/pandas/format.ts); keyword arguments go in a trailing object, as everywhere in the
 * dialect: `pd.read_csv(path, {index_col: 0})`, `pd.get_dummies(df, {dummy_na: true})`.
 */
import { isMissing, Scalar } from "./format";
import { DataFrame, Series } from "./frame";

export { DataFrame, Series, GroupBy, ILoc, Loc } from "./frame";
export type { FrameOptions, SeriesOptions } from "./frame";
export { Index } from "./index_";
export { read_csv } from "./io";
export type { ReadCsvOptions } from "./io";
export { concat, get_dummies } from "./reshape";
export type { DummiesOptions } from "./reshape";
export { PdDtype } from "./dtype";
export type { Scalar } from "./format";

/** pandas' version: 1.5.3, whose behaviour this follows. */
export const __version__ = "1.5.3";

/** Whether a value is missing (NaN or None); of a Series or frame, elementwise. */
export function isna(x: Scalar | Series | DataFrame): boolean | Series | DataFrame {
  if (x instanceof Series || x instanceof DataFrame) return x.isna();
  return isMissing(x);
}
export const isnull = isna;
export function notna(x: Scalar | Series | DataFrame): boolean | Series | DataFrame {
  if (x instanceof Series || x instanceof DataFrame) return x.notna();
  return !isMissing(x);
}
export const notnull = notna;
