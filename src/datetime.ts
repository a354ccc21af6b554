/**
 * Python's datetime module as training notebooks use it: a run's timestamp
 * (`datetime.now().strftime('%Y%m%d_%H%M%S')`, PyTorch's "Training with PyTorch" tutorial), how long
 * an epoch took (`datetime.now() - start`, a timedelta printed `0:00:12.345678`), dates parsed from a
 * CSV (`datetime.strptime(s, '%Y-%m-%d')`), `timedelta(days=1)` steps. The prelude's `datetime` is the
 * class, as `from datetime import datetime` gives it; `datetime.datetime`, `datetime.date` and
 * `datetime.timedelta` also reach the classes, as `import datetime` writes them.
 *
 * Times are naive (no tzinfo), as Python's `datetime.now()` is: local wall-clock time. Values, str,
 * repr, strftime (C locale) and the errors are CPython 3.11's. Arithmetic is the dunder methods
 * (`__sub__`, `__add__`, ...), which the notebook dialect's operators call.
 */
import { performance } from "perf_hooks";
import { OverflowError, TypeError, ValueError, ZeroDivisionError } from "./errors";
import { pythonRepr } from "./display/pylist";
import { noteNumpyScalar, pyTypeName } from "./pyrepr";

const US_PER_DAY = 86_400_000_000;
const DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const MIN_YEAR = 1;
const MAX_YEAR = 9999;

const pad = (n: number, width: number, fill = "0"): string => String(n).padStart(width, fill);
const isLeap = (y: number): boolean => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
const daysInMonth = (y: number, m: number): number => (m === 2 ? (isLeap(y) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]);
/** Day 1 is 0001-01-01, as Python's toordinal. */
function ordinal(y: number, m: number, d: number): number {
  const py = y - 1;
  let days = py * 365 + Math.floor(py / 4) - Math.floor(py / 100) + Math.floor(py / 400);
  for (let k = 1; k < m; k++) days += daysInMonth(y, k);
  return days + d;
}
function fromOrdinal(n: number): [number, number, number] {
  // Years of 400 / 100 / 4 / 1 as CPython's _ord2ymd.
  let rest = n - 1;
  const n400 = Math.floor(rest / 146097);
  rest -= n400 * 146097;
  const n100 = Math.floor(rest / 36524);
  rest -= n100 * 36524;
  const n4 = Math.floor(rest / 1461);
  rest -= n4 * 1461;
  const n1 = Math.floor(rest / 365);
  rest -= n1 * 365;
  let year = n400 * 400 + n100 * 100 + n4 * 4 + n1 + 1;
  if (n1 === 4 || n100 === 4) return [year - 1, 12, 31];
  let month = 1;
  while (rest >= daysInMonth(year, month)) rest -= daysInMonth(year, month++);
  if (month > 12) {
    year++;
    month = 1;
  }
  return [year, month, rest + 1];
}

function integer(name: string, v: unknown): number {
  if (typeof v === "boolean") return Number(v);
  if (typeof v !== "number" || !Number.isInteger(v)) {
    throw new TypeError(`'${pyTypeName(v)}' object cannot be interpreted as an integer (${name})`);
  }
  return v;
}

function checkDate(year: number, month: number, day: number): void {
  if (year < MIN_YEAR || year > MAX_YEAR) throw new ValueError(`year ${year} is out of range`);
  if (month < 1 || month > 12) throw new ValueError("month must be in 1..12");
  if (day < 1 || day > daysInMonth(year, month)) throw new ValueError("day is out of range for month");
}

/** Round half to even, as CPython rounds a timedelta's microseconds. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * Python's ordering of two values of one kind (two timedeltas, two dates, two datetimes) by `valueOf()`,
 * and `!=` as not `==`; another kind is Python's TypeError for `<`, `<=`, `>`, `>=`.
 */
abstract class Ordered {
  abstract valueOf(): number;
  abstract __eq__(other: unknown): boolean;
  __ne__(other: unknown): boolean {
    return !this.__eq__(other);
  }
  __lt__(other: unknown): boolean {
    return this.valueOf() < compared(this, other, "<").valueOf();
  }
  __le__(other: unknown): boolean {
    return this.valueOf() <= compared(this, other, "<=").valueOf();
  }
  __gt__(other: unknown): boolean {
    return this.valueOf() > compared(this, other, ">").valueOf();
  }
  __ge__(other: unknown): boolean {
    return this.valueOf() >= compared(this, other, ">=").valueOf();
  }
}

/** Python's `datetime.timedelta`: a duration of days, seconds (0..86399) and microseconds (0..999999). */
export class timedelta extends Ordered {
  readonly days: number;
  readonly seconds: number;
  readonly microseconds: number;

  /** `timedelta(days=1, hours=2)`, `timedelta(seconds=1.5)`: the parts added up, normalized as Python's. */
  constructor(days = 0, seconds = 0, microseconds = 0, milliseconds = 0, minutes = 0, hours = 0, weeks = 0) {
    super();
    for (const [name, v] of Object.entries({ days, seconds, microseconds, milliseconds, minutes, hours, weeks })) {
      if (typeof v !== "number" && typeof v !== "boolean") throw new TypeError(`unsupported type for timedelta ${name} component: ${pyTypeName(v)}`);
    }
    const us = roundHalfEven(
      ((Number(weeks) * 7 + Number(days)) * 86400 + Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds)) * 1e6 + Number(milliseconds) * 1000 + Number(microseconds),
    );
    const d = Math.floor(us / US_PER_DAY);
    const rest = us - d * US_PER_DAY;
    if (Math.abs(d) > 999999999) throw new OverflowError(`days=${d}; must have magnitude <= 999999999`);
    this.days = d;
    this.seconds = Math.floor(rest / 1e6);
    this.microseconds = rest - this.seconds * 1e6;
  }

  /** @internal the whole duration in microseconds. */
  get _us(): number {
    return this.days * US_PER_DAY + this.seconds * 1e6 + this.microseconds;
  }

  /** The duration in seconds, a float (`delta.total_seconds()`). */
  total_seconds(): number {
    return pyfloat(this._us / 1e6);
  }

  __add__(other: timedelta): timedelta;
  __add__(other: datetime): datetime;
  __add__(other: date): date;
  __add__(other: unknown): timedelta | datetime | date;
  __add__(other: unknown): timedelta | datetime | date {
    if (other instanceof timedelta) return new timedelta(0, 0, this._us + other._us);
    if (other instanceof datetime || other instanceof date) return other.__add__(this);
    throw unsupported("+", this, other);
  }
  __radd__(other: timedelta): timedelta;
  __radd__(other: datetime): datetime;
  __radd__(other: date): date;
  __radd__(other: unknown): timedelta | datetime | date;
  __radd__(other: unknown): timedelta | datetime | date {
    return this.__add__(other);
  }
  __sub__(other: unknown): timedelta {
    if (other instanceof timedelta) return new timedelta(0, 0, this._us - other._us);
    throw unsupported("-", this, other);
  }
  __neg__(): timedelta {
    return new timedelta(0, 0, -this._us);
  }
  __pos__(): timedelta {
    return this;
  }
  __abs__(): timedelta {
    return this.days < 0 ? this.__neg__() : this;
  }
  __mul__(other: unknown): timedelta {
    if (typeof other === "number" || typeof other === "boolean") return new timedelta(0, 0, this._us * Number(other));
    throw unsupported("*", this, other);
  }
  __rmul__(other: unknown): timedelta {
    return this.__mul__(other);
  }
  /** `delta / 2` a timedelta, `delta / timedelta(hours=1)` a float. */
  __truediv__(other: timedelta): number;
  __truediv__(other: number): timedelta;
  __truediv__(other: unknown): timedelta | number;
  __truediv__(other: unknown): timedelta | number {
    if (other instanceof timedelta) {
      if (other._us === 0) throw new ZeroDivisionError("division by zero");
      return pyfloat(this._us / other._us);
    }
    if (typeof other === "number") {
      if (other === 0) throw new ZeroDivisionError("integer division or modulo by zero");
      return new timedelta(0, 0, this._us / other);
    }
    throw unsupported("/", this, other);
  }
  __floordiv__(other: timedelta): number;
  __floordiv__(other: number): timedelta;
  __floordiv__(other: unknown): timedelta | number;
  __floordiv__(other: unknown): timedelta | number {
    if (other instanceof timedelta) {
      if (other._us === 0) throw new ZeroDivisionError("integer division or modulo by zero");
      return Math.floor(this._us / other._us);
    }
    if (typeof other === "number" && Number.isInteger(other)) {
      if (other === 0) throw new ZeroDivisionError("integer division or modulo by zero");
      return new timedelta(0, 0, Math.floor(this._us / other));
    }
    throw unsupported("//", this, other);
  }
  __eq__(other: unknown): boolean {
    return other instanceof timedelta && other._us === this._us;
  }
  __bool__(): boolean {
    return this._us !== 0;
  }
  /** For JavaScript's own `<` and sorting: the duration in microseconds. */
  valueOf(): number {
    return this._us;
  }

  /** `0:00:01.500000`, `1 day, 2:03:04`, `-1 day, 23:59:59`, as Python's str. */
  __str__(): string {
    const h = Math.floor(this.seconds / 3600);
    const m = Math.floor((this.seconds % 3600) / 60);
    const s = this.seconds % 60;
    const day = this.days === 0 ? "" : `${this.days} day${Math.abs(this.days) === 1 ? "" : "s"}, `;
    return `${day}${h}:${pad(m, 2)}:${pad(s, 2)}${this.microseconds ? `.${pad(this.microseconds, 6)}` : ""}`;
  }
  /** `datetime.timedelta(days=1, seconds=5)`, `datetime.timedelta(0)`. */
  __repr__(): string {
    const parts = [["days", this.days], ["seconds", this.seconds], ["microseconds", this.microseconds]].filter(([, v]) => v !== 0).map(([k, v]) => `${k}=${v}`);
    return `datetime.timedelta(${parts.length ? parts.join(", ") : "0"})`;
  }
  toString(): string {
    return this.__str__();
  }
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.__repr__();
  }
}

/** A float result, which prints `1.0` when whole (the dialect reads the record, as for NumPy's scalars). */
function pyfloat(x: number): number {
  noteNumpyScalar(x, true);
  return x;
}

/** Python's type name in datetime's messages: its own classes qualified (`datetime.timedelta`), others as pyTypeName. */
function typeName(v: unknown): string {
  if (v instanceof datetime) return "datetime.datetime";
  if (v instanceof date) return "datetime.date";
  if (v instanceof timedelta) return "datetime.timedelta";
  return pyTypeName(v);
}

function unsupported(op: string, a: unknown, b: unknown): TypeError {
  return new TypeError(`unsupported operand type(s) for ${op}: '${typeName(a)}' and '${typeName(b)}'`);
}

function compared(a: Ordered, b: unknown, op: string): Ordered {
  const same = a instanceof datetime ? b instanceof datetime : a instanceof date ? b instanceof date && !(b instanceof datetime) : b instanceof timedelta;
  if (!same) throw new TypeError(`'${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
  return b as Ordered;
}

/** Python's `datetime.date`: a day of the proleptic Gregorian calendar. */
export class date extends Ordered {
  readonly year: number;
  readonly month: number;
  readonly day: number;

  constructor(year: number, month: number, day: number) {
    super();
    this.year = integer("year", year);
    this.month = integer("month", month);
    this.day = integer("day", day);
    checkDate(this.year, this.month, this.day);
  }

  /** Today's local date. */
  static today(): date {
    const n = datetime.now();
    return new date(n.year, n.month, n.day);
  }

  /** `date.fromisoformat('2024-01-31')`. */
  static fromisoformat(text: string): date {
    const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(String(text));
    if (!m) throw new ValueError(`Invalid isoformat string: ${pythonRepr(String(text))}`);
    return new date(Number(m[1]), Number(m[2]), Number(m[3]));
  }

  /** Day 1 is 0001-01-01. */
  toordinal(): number {
    return ordinal(this.year, this.month, this.day);
  }
  /** Monday 0 ... Sunday 6. */
  weekday(): number {
    return (this.toordinal() + 6) % 7;
  }
  /** Monday 1 ... Sunday 7. */
  isoweekday(): number {
    return this.weekday() + 1;
  }
  isoformat(): string {
    return `${pad(this.year, 4)}-${pad(this.month, 2)}-${pad(this.day, 2)}`;
  }
  strftime(format: string): string {
    return strftime(format, this.year, this.month, this.day, 0, 0, 0, 0);
  }
  __format__(spec: string): string {
    return spec === "" ? this.__str__() : this.strftime(spec);
  }
  /** A copy with some fields replaced (`d.replace({day: 1})`). */
  replace(fields: { year?: number; month?: number; day?: number } = {}): date {
    return new date(fields.year ?? this.year, fields.month ?? this.month, fields.day ?? this.day);
  }

  __add__(other: unknown): date {
    if (!(other instanceof timedelta)) throw unsupported("+", this, other);
    const [y, m, d] = fromOrdinal(this.toordinal() + other.days);
    if (y < MIN_YEAR || y > MAX_YEAR) throw new OverflowError("date value out of range");
    return new date(y, m, d);
  }
  __radd__(other: unknown): date {
    return this.__add__(other);
  }
  __sub__(other: timedelta): date;
  __sub__(other: date): timedelta;
  __sub__(other: unknown): date | timedelta;
  __sub__(other: unknown): date | timedelta {
    if (other instanceof timedelta) return this.__add__(other.__neg__());
    if (other instanceof date && !(other instanceof datetime)) return new timedelta(this.toordinal() - other.toordinal());
    throw unsupported("-", this, other);
  }
  __eq__(other: unknown): boolean {
    return other instanceof date && !(other instanceof datetime) && other.toordinal() === this.toordinal();
  }
  valueOf(): number {
    return this.toordinal();
  }
  __str__(): string {
    return this.isoformat();
  }
  __repr__(): string {
    return `datetime.date(${this.year}, ${this.month}, ${this.day})`;
  }
  toString(): string {
    return this.__str__();
  }
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.__repr__();
  }
}

/** Fields of `datetime.replace`. */
export interface DatetimeFields {
  year?: number;
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
  second?: number;
  microsecond?: number;
}

/** Python's `datetime.datetime`, naive: a local date and time to the microsecond. */
export class datetime extends date {
  /** `datetime.datetime` (as `import datetime` writes it): this class. */
  static datetime: typeof datetime;
  /** `datetime.date`: the date class. */
  static date: typeof date;
  /** `datetime.timedelta`: the duration class. */
  static timedelta: typeof timedelta;

  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly microsecond: number;

  constructor(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, microsecond = 0) {
    super(year, month, day);
    this.hour = integer("hour", hour);
    this.minute = integer("minute", minute);
    this.second = integer("second", second);
    this.microsecond = integer("microsecond", microsecond);
    if (this.hour < 0 || this.hour > 23) throw new ValueError("hour must be in 0..23");
    if (this.minute < 0 || this.minute > 59) throw new ValueError("minute must be in 0..59");
    if (this.second < 0 || this.second > 59) throw new ValueError("second must be in 0..59");
    if (this.microsecond < 0 || this.microsecond > 999999) throw new ValueError("microsecond must be in 0..999999");
  }

  /** The local date and time now, to the microsecond (`datetime.now()`). */
  static now(): datetime {
    return datetime.fromtimestamp((performance.timeOrigin + performance.now()) / 1000);
  }
  /** As now() (`datetime.today()`). */
  static today(): datetime {
    return datetime.now();
  }
  /** The UTC date and time now, naive (`datetime.utcnow()`). */
  static utcnow(): datetime {
    return datetime.utcfromtimestamp((performance.timeOrigin + performance.now()) / 1000);
  }
  /** The local date and time of a POSIX timestamp in seconds (`datetime.fromtimestamp(time.time())`). */
  static fromtimestamp(timestamp: number): datetime {
    return fromEpoch(timestamp, false);
  }
  /** The UTC date and time of a POSIX timestamp, naive. */
  static utcfromtimestamp(timestamp: number): datetime {
    return fromEpoch(timestamp, true);
  }
  /** `datetime.fromisoformat('2024-01-31 12:30:05.250')` (also with `T`, or a date alone). */
  static fromisoformat(text: string): datetime {
    const m = /^(\d{4})-?(\d{2})-?(\d{2})(?:[T ](\d{2})(?::?(\d{2})(?::?(\d{2})(?:[.,](\d{1,6}))?)?)?)?$/.exec(String(text));
    if (!m) throw new ValueError(`Invalid isoformat string: ${pythonRepr(String(text))}`);
    const us = m[7] === undefined ? 0 : Number(m[7].padEnd(6, "0"));
    return new datetime(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), us);
  }
  /** `datetime.strptime('2024-01-31', '%Y-%m-%d')`: the text parsed by the format, Python's ValueError when it does not match. */
  static strptime(text: string, format: string): datetime {
    return strptime(String(text), String(format));
  }
  /** `datetime.combine(d, ...)`: the date at midnight (torchlab has no `datetime.time`). */
  static combine(d: date): datetime {
    return new datetime(d.year, d.month, d.day);
  }

  /** The date part. */
  date(): date {
    return new date(this.year, this.month, this.day);
  }
  /** Seconds since the epoch, this local time's (`dt.timestamp()`). */
  timestamp(): number {
    const local = new Date(this.year, this.month - 1, this.day, this.hour, this.minute, this.second);
    local.setFullYear(this.year);
    return pyfloat(local.getTime() / 1000 + this.microsecond / 1e6);
  }
  /** `2024-01-31T12:30:05.250000`; `sep` between date and time, `timespec` 'auto', 'hours', 'minutes', 'seconds', 'milliseconds' or 'microseconds'. */
  isoformat(sep: string | { sep?: string; timespec?: string } = "T", timespec = "auto"): string {
    if (typeof sep === "object") {
      timespec = sep.timespec ?? timespec;
      sep = sep.sep ?? "T";
    }
    const hh = pad(this.hour, 2);
    const mm = pad(this.minute, 2);
    const ss = pad(this.second, 2);
    const specs: Record<string, string> = {
      hours: hh,
      minutes: `${hh}:${mm}`,
      seconds: `${hh}:${mm}:${ss}`,
      milliseconds: `${hh}:${mm}:${ss}.${pad(Math.floor(this.microsecond / 1000), 3)}`,
      microseconds: `${hh}:${mm}:${ss}.${pad(this.microsecond, 6)}`,
    };
    const time = timespec === "auto" ? specs[this.microsecond ? "microseconds" : "seconds"] : specs[timespec];
    if (time === undefined) throw new ValueError("Unknown timespec value");
    return `${super.isoformat()}${sep}${time}`;
  }
  strftime(format: string): string {
    return strftime(format, this.year, this.month, this.day, this.hour, this.minute, this.second, this.microsecond);
  }
  /** A copy with some fields replaced (`dt.replace({hour: 0, minute: 0})`). */
  replace(fields: DatetimeFields = {}): datetime {
    return new datetime(
      fields.year ?? this.year, fields.month ?? this.month, fields.day ?? this.day,
      fields.hour ?? this.hour, fields.minute ?? this.minute, fields.second ?? this.second, fields.microsecond ?? this.microsecond,
    );
  }

  /** @internal microseconds since 0001-01-01 00:00. */
  get _us(): number {
    return (this.toordinal() - 1) * US_PER_DAY + ((this.hour * 60 + this.minute) * 60 + this.second) * 1e6 + this.microsecond;
  }

  __add__(other: unknown): datetime {
    if (!(other instanceof timedelta)) throw unsupported("+", this, other);
    return fromMicroseconds(this._us + other._us);
  }
  __radd__(other: unknown): datetime {
    return this.__add__(other);
  }
  /** `end - start` a timedelta; `dt - timedelta(days=1)` a datetime. */
  __sub__(other: timedelta): datetime;
  __sub__(other: datetime): timedelta;
  __sub__(other: unknown): datetime | timedelta;
  __sub__(other: unknown): datetime | timedelta {
    if (other instanceof timedelta) return fromMicroseconds(this._us - other._us);
    if (other instanceof datetime) return new timedelta(0, 0, this._us - other._us);
    throw unsupported("-", this, other);
  }
  __eq__(other: unknown): boolean {
    return other instanceof datetime && other._us === this._us;
  }
  valueOf(): number {
    return this._us;
  }
  /** `2024-01-31 12:30:05.250000`, as Python's str. */
  __str__(): string {
    return this.isoformat(" ");
  }
  /** `datetime.datetime(2024, 1, 31, 12, 30, 5, 250000)`: seconds and microseconds only when not zero. */
  __repr__(): string {
    const fields = [this.year, this.month, this.day, this.hour, this.minute];
    if (this.second || this.microsecond) fields.push(this.second);
    if (this.microsecond) fields.push(this.microsecond);
    return `datetime.datetime(${fields.join(", ")})`;
  }
}
datetime.datetime = datetime;
datetime.date = date;
datetime.timedelta = timedelta;

function fromMicroseconds(us: number): datetime {
  const days = Math.floor(us / US_PER_DAY);
  let rest = us - days * US_PER_DAY;
  const [y, m, d] = fromOrdinal(days + 1);
  if (y < MIN_YEAR || y > MAX_YEAR) throw new OverflowError("date value out of range");
  const hour = Math.floor(rest / 3.6e9);
  rest -= hour * 3.6e9;
  const minute = Math.floor(rest / 6e7);
  rest -= minute * 6e7;
  const second = Math.floor(rest / 1e6);
  return new datetime(y, m, d, hour, minute, second, rest - second * 1e6);
}

function fromEpoch(timestamp: number, utc: boolean): datetime {
  if (typeof timestamp !== "number" || !Number.isFinite(timestamp)) throw new TypeError(`'${typeName(timestamp)}' object cannot be interpreted as a timestamp`);
  const whole = Math.floor(timestamp);
  let us = roundHalfEven((timestamp - whole) * 1e6);
  let secs = whole;
  if (us >= 1e6) {
    secs += 1;
    us -= 1e6;
  }
  const t = new Date(secs * 1000);
  return utc
    ? new datetime(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate(), t.getUTCHours(), t.getUTCMinutes(), t.getUTCSeconds(), us)
    : new datetime(t.getFullYear(), t.getMonth() + 1, t.getDate(), t.getHours(), t.getMinutes(), t.getSeconds(), us);
}

/** Python's strftime in the C locale (glibc's directives, with its `%-d` unpadded forms). */
function strftime(format: string, y: number, mo: number, d: number, h: number, mi: number, s: number, us: number): string {
  const ord = ordinal(y, mo, d);
  const wd = (ord + 6) % 7; // Monday 0
  const yday = ord - ordinal(y, 1, 1) + 1;
  const sundayWd = (wd + 1) % 7; // Sunday 0
  const fields = (c: string): string | null => {
    switch (c) {
      case "a": return DAY_NAMES[wd].slice(0, 3);
      case "A": return DAY_NAMES[wd];
      case "w": return String(sundayWd);
      case "u": return String(wd + 1);
      case "d": return pad(d, 2);
      case "e": return pad(d, 2, " ");
      case "b": case "h": return MONTH_NAMES[mo - 1].slice(0, 3);
      case "B": return MONTH_NAMES[mo - 1];
      case "m": return pad(mo, 2);
      case "y": return pad(y % 100, 2);
      case "Y": return String(y);
      case "C": return pad(Math.floor(y / 100), 2);
      case "H": return pad(h, 2);
      case "I": return pad(h % 12 === 0 ? 12 : h % 12, 2);
      case "p": return h < 12 ? "AM" : "PM";
      case "M": return pad(mi, 2);
      case "S": return pad(s, 2);
      case "f": return pad(us, 6);
      case "z": case "Z": return "";
      case "j": return pad(yday, 3);
      case "U": return pad(Math.floor((yday + 6 - sundayWd) / 7), 2);
      case "W": return pad(Math.floor((yday + 6 - wd) / 7), 2);
      case "c": return `${DAY_NAMES[wd].slice(0, 3)} ${MONTH_NAMES[mo - 1].slice(0, 3)} ${pad(d, 2, " ")} ${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)} ${y}`;
      case "x": return `${pad(mo, 2)}/${pad(d, 2)}/${pad(y % 100, 2)}`;
      case "X": case "T": return `${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}`;
      case "D": return `${pad(mo, 2)}/${pad(d, 2)}/${pad(y % 100, 2)}`;
      case "F": return `${y}-${pad(mo, 2)}-${pad(d, 2)}`;
      case "R": return `${pad(h, 2)}:${pad(mi, 2)}`;
      case "n": return "\n";
      case "t": return "\t";
      case "%": return "%";
      default: return null;
    }
  };
  return String(format).replace(/%(-?)(.)/g, (whole, dash: string, c: string) => {
    const v = fields(c);
    if (v === null) return whole;
    return dash && /^[0-9 ]+$/.test(v) ? String(Number(v)) : v;
  });
}

/** Python's `_strptime` for the directives a data set's dates use, with its ValueErrors. */
function strptime(text: string, format: string): datetime {
  const groups: string[] = [];
  let pattern = "";
  const NUM: Record<string, string> = { d: "3[01]|[12]\\d|0?[1-9]| [1-9]", m: "1[0-2]|0?[1-9]", y: "\\d\\d", Y: "\\d\\d\\d\\d", H: "2[0-3]|[0-1]\\d|\\d", I: "1[0-2]|0?[1-9]", M: "[0-5]\\d|\\d", S: "6[0-1]|[0-5]\\d|\\d", f: "\\d{1,6}", j: "36[0-6]|3[0-5]\\d|[12]\\d\\d|0?[1-9]\\d|00?[1-9]" };
  const NAMES: Record<string, string[]> = { a: DAY_NAMES.map((n) => n.slice(0, 3)), A: DAY_NAMES, b: MONTH_NAMES.map((n) => n.slice(0, 3)), B: MONTH_NAMES, p: ["AM", "PM"] };
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c !== "%") {
      pattern += /\s/.test(c) ? "\\s+" : c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      continue;
    }
    const k = format[++i];
    if (k === "%") pattern += "%";
    else if (NUM[k] !== undefined) {
      groups.push(k);
      pattern += `(${NUM[k]})`;
    } else if (NAMES[k] !== undefined) {
      groups.push(k);
      pattern += `(${NAMES[k].join("|")})`;
    } else if (k === undefined) throw new ValueError(`stray % in format '${format}'`);
    else throw new ValueError(`'${k}' is a bad directive in format '${format.slice(i - 1, i + 1)}'`);
  }
  const m = new RegExp(`^${pattern}`, "i").exec(text);
  if (!m) throw new ValueError(`time data ${pythonRepr(text)} does not match format ${pythonRepr(format)}`);
  if (m[0].length !== text.length) throw new ValueError(`unconverted data remains: ${text.slice(m[0].length)}`);
  let year = 1900;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let us = 0;
  let pm: boolean | null = null;
  let yday: number | null = null;
  groups.forEach((k, j) => {
    const v = m[j + 1];
    const n = Number(v);
    const nameIndex = (list: string[]): number => list.findIndex((x) => x.toLowerCase() === v.toLowerCase());
    switch (k) {
      case "Y": year = n; break;
      case "y": year = n < 69 ? 2000 + n : 1900 + n; break;
      case "m": month = n; break;
      case "b": month = nameIndex(NAMES.b) + 1; break;
      case "B": month = nameIndex(NAMES.B) + 1; break;
      case "d": day = n; break;
      case "H": hour = n; break;
      case "I": hour = n % 12; break;
      case "p": pm = v.toUpperCase() === "PM"; break;
      case "M": minute = n; break;
      case "S": second = n; break;
      case "f": us = Number(v.padEnd(6, "0")); break;
      case "j": yday = n; break;
    }
  });
  if (pm === true && groups.includes("I")) hour += 12;
  if (yday !== null && !groups.includes("m") && !groups.includes("b") && !groups.includes("B")) {
    [year, month, day] = fromOrdinal(ordinal(year, 1, 1) + yday - 1);
  }
  return new datetime(year, month, day, hour, minute, second, us);
}
