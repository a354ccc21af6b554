/**
 * pandas 1.5's read_csv (the C parser's type inference: int64, float64 where a value is missing or
 * has a fraction, bool for True/False, object for anything else; its default missing-value strings)
 * and to_csv, from and to a path or a string buffer (anything with read() / write(), io.StringIO).
 */
import * as fs from "fs";
import { noSuchFile, ValueError } from "../errors";
import { Column } from "./column";
import { cast, DTypeArg, kindOf } from "./dtype";
import { isMissing, pprint, Scalar } from "./format";
import { DataFrame } from "./frame";
import { Index } from "./index_";

/** pandas' STR_NA_VALUES: the strings read_csv reads as missing. */
const NA_VALUES = ["-1.#IND", "1.#QNAN", "1.#IND", "-1.#QNAN", "#N/A N/A", "#N/A", "N/A", "n/a", "NA", "<NA>", "#NA", "NULL", "null", "NaN", "-NaN", "nan", "-nan", ""];

export interface ReadCsvOptions {
  sep?: string;
  delimiter?: string;
  header?: number | null | "infer";
  names?: Scalar[];
  index_col?: number | string | false | null;
  usecols?: Scalar[];
  na_values?: string | string[];
  keep_default_na?: boolean;
  dtype?: DTypeArg | Record<string, DTypeArg>;
  nrows?: number;
  skiprows?: number;
}

/** Something read_csv reads from besides a path: io.StringIO, an open file. */
interface Readable {
  read(): string;
}

function splitLine(line: string, sep: string | RegExp): string[] {
  if (sep instanceof RegExp) return line.trim().split(sep);
  const out: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (line.startsWith(sep, i)) {
      out.push(field);
      field = "";
      i += sep.length - 1;
    } else field += ch;
  }
  out.push(field);
  return out;
}

const INT = /^[+-]?\d+$/;
const FLOAT = /^[+-]?(\d+\.?\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?|inf|infinity)$/i;
const BOOL: Record<string, boolean> = { True: true, TRUE: true, true: true, False: false, FALSE: false, false: false };

/** The C parser's inference for one column's fields (missing ones already null). */
function inferColumn(fields: (string | null)[]): Column {
  const present = fields.filter((f): f is string => f !== null);
  const missing = present.length < fields.length;
  if (present.length === 0) return { values: fields.map(() => NaN), kind: "float64" };
  if (present.every((f) => INT.test(f.trim()))) return { values: fields.map((f) => (f === null ? NaN : Number(f))), kind: missing ? "float64" : "int64" };
  if (present.every((f) => FLOAT.test(f.trim()))) return { values: fields.map((f) => (f === null ? NaN : Number(f.trim().replace(/^([+-]?)inf(inity)?$/i, "$1Infinity")))), kind: "float64" };
  if (present.every((f) => f in BOOL)) return missing ? { values: fields.map((f) => (f === null ? NaN : BOOL[f])), kind: "object" } : { values: fields.map((f) => BOOL[f!]), kind: "bool" };
  return { values: fields.map((f) => (f === null ? NaN : f)), kind: "object" };
}

/** Reads a CSV file (a path) or buffer into a DataFrame, as pandas.read_csv. */
export function read_csv(source: string | Readable, options: ReadCsvOptions = {}): DataFrame {
  let text: string;
  if (typeof source === "string") {
    if (!fs.existsSync(source)) throw noSuchFile(source);
    text = fs.readFileSync(source, "utf8");
  } else if (source !== null && typeof source === "object" && typeof (source as Readable).read === "function") {
    text = (source as Readable).read();
  } else throw new ValueError(`Invalid file path or buffer object type: ${typeof source}`);
  const sepArg = options.sep ?? options.delimiter ?? ",";
  const sep: string | RegExp = sepArg === "\\s+" || sepArg === " +" ? /\s+/ : sepArg;
  let lines = text.replace(/\r\n?/g, "\n").split("\n").filter((l) => l.trim() !== "");
  if (options.skiprows) lines = lines.slice(options.skiprows);
  const header = options.header === undefined || options.header === "infer" ? (options.names ? null : 0) : options.header;
  let labels: Scalar[];
  if (header === null) {
    const width = lines.length > 0 ? splitLine(lines[0], sep).length : 0;
    labels = options.names ? [...options.names] : Array.from({ length: width }, (_, j) => j);
  } else {
    const row = splitLine(lines[header], sep);
    labels = options.names ? [...options.names] : row.map((h, j) => (h === "" ? `Unnamed: ${j}` : h));
    lines = lines.slice(header + 1);
  }
  if (options.nrows !== undefined) lines = lines.slice(0, options.nrows);
  const na = new Set([...(options.keep_default_na === false ? [] : NA_VALUES), ...(typeof options.na_values === "string" ? [options.na_values] : options.na_values ?? [])]);
  const rows = lines.map((l) => splitLine(l, sep));
  // A row with one field more than the header: its first field is the index (pandas' implicit index).
  const implicitIndex = rows.length > 0 && rows[0].length === labels.length + 1;
  const width = labels.length + (implicitIndex ? 1 : 0);
  for (const [i, r] of rows.entries()) {
    if (r.length > width) throw new ValueError(`Error tokenizing data. C error: Expected ${width} fields in line ${i + (header === null ? 1 : header + 2)}, saw ${r.length}`);
  }
  let columns = Array.from({ length: width }, (_, j) => inferColumn(rows.map((r) => (j < r.length && !na.has(r[j].trim()) ? r[j] : null))));
  let names: Scalar[] = implicitIndex ? [null, ...labels] : labels;
  let keep = names.map((_, j) => j);
  if (options.usecols) {
    const wanted = options.usecols;
    const missing = wanted.filter((u) => (typeof u === "number" ? u >= names.length : !names.includes(u)));
    if (missing.length > 0) throw new ValueError(`Usecols do not match columns, columns expected but not found: [${missing.map((m) => (typeof m === "string" ? `'${m}'` : pprint(m))).join(", ")}]`);
    keep = keep.filter((j) => wanted.some((u) => (typeof u === "number" ? u === j : u === names[j])));
  }
  columns = keep.map((j) => columns[j]);
  names = keep.map((j) => names[j]);
  if (options.dtype !== undefined) {
    const dtypes = options.dtype;
    columns = columns.map((c, j) => {
      const d = typeof dtypes === "object" && !(dtypes === null) && Object.getPrototypeOf(dtypes) === Object.prototype ? (dtypes as Record<string, DTypeArg>)[String(names[j])] : (dtypes as DTypeArg);
      if (d === undefined) return c;
      const kind = kindOf(d);
      const raw = rows.map((r) => r[keep[j]] ?? "");
      return kind === "object" ? { values: raw.map((f, i) => (isMissing(c.values[i]) ? NaN : f)), kind } : { values: cast(c.values, c.kind, kind), kind };
    });
  }
  let index: Index = Index._rangeOf(rows.length);
  const at = implicitIndex ? 0 : options.index_col === undefined || options.index_col === null || options.index_col === false ? -1 : typeof options.index_col === "number" ? options.index_col : names.indexOf(options.index_col);
  if (typeof options.index_col === "string" && at < 0) throw new ValueError(`Index ${options.index_col} invalid`);
  if (at >= 0) {
    index = new Index(columns[at].values, { name: names[at], dtype: columns[at].kind === "bool" ? "object" : columns[at].kind });
    columns = columns.filter((_, j) => j !== at);
    names = names.filter((_, j) => j !== at);
  }
  return DataFrame._of(new Index(names), columns, index);
}
